"""Light and dark themes: the colours, the application palette and the reading fonts.

A :class:`Theme` is plain data. :func:`palette_for` turns it into a ``QPalette`` for the
widgets; :mod:`reader.ui.reader.article_html` uses the same colours for the article's stylesheet,
so chrome and page always agree. Fonts are chosen from what is installed, best first.

Fusion draws a check box's frame a shade darker than the window, which vanishes on a dark
one (an unticked box in "Choose Articles for a Case" could not be seen). A
:class:`ReadableStyle` draws check boxes (in item views too), radio buttons and tree
expanders from the palette instead: a frame half-way between the text and the page, the
theme's accent when ticked, so they read in both themes; disabled ones are fainter but
still drawn. Its drawing is Python that Qt calls for every primitive element it draws, and
the first call makes PySide create the types of every style option (about 25 classes and
60 enum types: 25-35 ms of a first paint on two cores, issue 19). So the application's
style is an :class:`ApplicationStyle` (installed by :func:`install_application_style`):
Fusion drawn by Qt alone until :func:`use_readable_style` puts a ReadableStyle under it,
without restyling any widget. The window does that once its first paint is done; the
entity tree, which a first paint shows, draws its expanders from images of the same
triangles (:func:`branch_triangle`, :func:`expander_colour`;
:mod:`reader.ui.entities.expanders`) and needs no style hook for them; a dialog shown before
the window (the passphrase) asks for the readable style first. Everything else is
Fusion's, but that the window's dialog buttons show no icons (:data:`NO_BUTTON_ICONS`, a
rule of the window's stylesheet).
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from reader.ui.common.views import Plain

DEFAULT_FONT_SIZE = 12
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 32

SERIF_FAMILIES = (
    "Charter",
    "Iowan Old Style",
    "Georgia",
    "Source Serif 4",
    "Source Serif Pro",
    "Literata",
    "Noto Serif",
    "PT Serif",
    "Cambria",
    "DejaVu Serif",
    "Times New Roman",
)
SANS_FAMILIES = (
    "Inter",
    "Segoe UI",
    "SF Pro Text",
    "Helvetica Neue",
    "Noto Sans",
    "Cantarell",
    "Ubuntu",
    "DejaVu Sans",
    "Arial",
)


class Theme(Plain):
    """The colours of one theme, as ``#rrggbb`` strings (:meth:`as_dict` gives them by
    name, for stylesheets' ``$name``)."""

    __slots__ = (
        "name",
        "window",  # panes, bars, menus
        "base",  # the page and list backgrounds
        "alternate",
        "text",
        "muted",  # secondary text: metadata, snippets
        "rule",  # hairlines
        "accent",  # links, focus
        "selection",
        "selection_text",
        "chip_bg",
        "chip_fg",
        "find",  # every find match
        "find_current",  # the current find match
        "match",  # search-snippet matches
    )

    def __init__(
        self,
        name: str,
        window: str,
        base: str,
        alternate: str,
        text: str,
        muted: str,
        rule: str,
        accent: str,
        selection: str,
        selection_text: str,
        chip_bg: str,
        chip_fg: str,
        find: str,
        find_current: str,
        match: str,
    ) -> None:
        self.name, self.window, self.base, self.alternate = name, window, base, alternate
        self.text, self.muted, self.rule, self.accent = text, muted, rule, accent
        self.selection, self.selection_text = selection, selection_text
        self.chip_bg, self.chip_fg = chip_bg, chip_fg
        self.find, self.find_current, self.match = find, find_current, match


LIGHT = Theme(
    name="light",
    window="#f2f0eb",
    base="#fbfaf7",
    alternate="#f6f4ef",
    text="#24231f",
    muted="#6b675e",
    rule="#e0dcd3",
    accent="#2d5c99",
    selection="#d3e1f3",
    selection_text="#1b1a17",
    chip_bg="#ebe7de",
    chip_fg="#5b574e",
    find="#fbe7a1",
    find_current="#f6b756",
    match="#1b1a17",
)

DARK = Theme(
    name="dark",
    window="#232427",
    base="#1b1c1f",
    alternate="#202124",
    text="#dcd8cf",
    muted="#9b968c",
    rule="#35363b",
    accent="#8fb3e6",
    selection="#34496b",
    selection_text="#f1eee8",
    chip_bg="#2e2f33",
    chip_fg="#b8b3a8",
    find="#5c4d14",
    find_current="#9a6a16",
    match="#f1eee8",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def theme_named(name: str | None) -> Theme:
    """The theme called ``name``; the light one for anything unknown."""
    return THEMES.get(name or "", LIGHT)


def palette_for(theme: Theme) -> QPalette:
    """A widget palette in the theme's colours (works best with the Fusion style)."""
    c = QColor
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.BrightText: theme.find_current,
        QPalette.ColorRole.Highlight: theme.selection,
        QPalette.ColorRole.HighlightedText: theme.selection_text,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.LinkVisited: theme.accent,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Mid: theme.rule,
        QPalette.ColorRole.Midlight: theme.alternate,
        QPalette.ColorRole.Light: theme.base,
        QPalette.ColorRole.Dark: theme.rule,
        QPalette.ColorRole.Shadow: theme.rule,
    }
    for role, colour in roles.items():
        pal.setColor(role, c(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(disabled, role, c(theme.muted))
    pal.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, c(theme.selection))
    return pal


def first_family(candidates: tuple[str, ...], fallback: QFont.StyleHint) -> str:
    """The first installed family of ``candidates``, else the system's choice for the hint."""
    installed = set(QFontDatabase.families())
    for family in candidates:
        if family in installed:
            return family
    font = QFont()
    font.setStyleHint(fallback)
    return font.defaultFamily()


def reading_font(point_size: int) -> QFont:
    """The serif body font of the reader at ``point_size``."""
    font = QFont(first_family(SERIF_FAMILIES, QFont.StyleHint.Serif))
    font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def ui_family() -> str:
    """The sans-serif family for metadata lines and small labels."""
    return first_family(SANS_FAMILIES, QFont.StyleHint.SansSerif)


#: Dialog buttons say what they do in words alone (the desktop's icons on OK, Close... are
#: drawn for a light background: on the dark theme they vanish). A rule of the window's
#: stylesheet (:func:`window_stylesheet`: its dialogs are its children) rather than a
#: ``styleHint`` override: Qt asks a style for hints thousands of times while a window
#: starts, and each answer from Python costs a call into it.
NO_BUTTON_ICONS = "QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }"


def window_stylesheet(template: str, theme: Theme) -> str:
    """The window's Qt stylesheet: ``template`` with ``$name`` filled from ``theme``, and
    :data:`NO_BUTTON_ICONS`."""
    return f"{Template(template).safe_substitute(theme.as_dict())}\n{NO_BUTTON_ICONS}\n"


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``a`` over ``b`` (0: all ``b``, 1: all ``a``)."""
    keep = 1.0 - amount
    return QColor(
        round(a.red() * amount + b.red() * keep),
        round(a.green() * amount + b.green() * keep),
        round(a.blue() * amount + b.blue() * keep),
    )


#: How much of the text colour an indicator's frame has, enabled and disabled.
FRAME_TEXT = 0.55
FRAME_TEXT_DISABLED = 0.3
INDICATOR_SIZE = 14.0
BRANCH_SIZE = 9.0
#: How much of the text colour an expander has (over the page).
EXPANDER_TEXT = 0.8


def expander_colour(text: QColor, base: QColor) -> QColor:
    """An expander's colour on a row that is not selected: ``text`` mixed over ``base``."""
    return mix(text, base, EXPANDER_TEXT)


def branch_triangle(rect: QRectF, *, open_: bool) -> QPolygonF:
    """The expander of a tree branch drawn in ``rect``: a triangle centred in it, pointing
    down when its group is open, right when closed (the readable style draws it, and
    :mod:`reader.ui.entities.expanders` paints it into images)."""
    centre = rect.center()
    x, y, half = centre.x(), centre.y(), BRANCH_SIZE / 2
    if open_:  # pointing down
        points = [
            QPointF(x - half, y - half / 2),
            QPointF(x + half, y - half / 2),
            QPointF(x, y + half / 1.5),
        ]
    else:  # pointing right
        points = [
            QPointF(x - half / 2, y - half),
            QPointF(x + half / 1.5, y),
            QPointF(x - half / 2, y + half),
        ]
    return QPolygonF(points)


class ReadableStyle(QProxyStyle):
    """Fusion with check boxes, radio buttons and tree expanders drawn from the palette
    (the window's stylesheet adds :data:`NO_BUTTON_ICONS`). Qt calls its drawing (Python)
    for every primitive element it draws: it is put under the :class:`ApplicationStyle`
    only once needed."""

    CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def drawPrimitive(  # noqa: N802 (Qt override)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in self.CHECKS:
            self._draw_indicator(option, painter, round_box=False)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            self._draw_indicator(option, painter, round_box=True)
        elif element == QStyle.PrimitiveElement.PE_IndicatorBranch:
            self._draw_branch(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)

    @staticmethod
    def _colours(option: QStyleOption) -> tuple[QColor, QColor, QColor, bool]:
        """The frame, the page and the accent for ``option``; whether it is enabled."""
        pal = option.palette
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        text = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        base = pal.color(group, QPalette.ColorRole.Base)
        accent = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Link)
        frame = mix(text, base, FRAME_TEXT if enabled else FRAME_TEXT_DISABLED)
        if not enabled:
            accent = mix(accent, base, 0.5)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            frame = accent
        return frame, base, accent, enabled

    def _draw_indicator(self, option: QStyleOption, painter: QPainter, *, round_box: bool) -> None:
        frame, base, accent, _enabled = self._colours(option)
        rect = QRectF(option.rect)
        size = min(rect.width(), rect.height(), INDICATOR_SIZE) - 1.0
        box = QRectF(0, 0, size, size)
        box.moveCenter(rect.center())
        on = bool(option.state & QStyle.StateFlag.State_On)
        partly = bool(option.state & QStyle.StateFlag.State_NoChange)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(accent if on or partly else frame, 1.2))
        painter.setBrush(accent if (on or partly) and not round_box else base)
        if round_box:
            painter.drawEllipse(box)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                dot = QRectF(0, 0, size * 0.5, size * 0.5)
                dot.moveCenter(box.center())
                painter.drawEllipse(dot)
        else:
            painter.drawRoundedRect(box, 2.5, 2.5)
            mark = QPen(base, max(1.6, size / 7.0))
            mark.setCapStyle(Qt.PenCapStyle.RoundCap)
            mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(mark)
            x, y, w, h = box.x(), box.y(), box.width(), box.height()
            if partly:
                painter.drawLine(QPointF(x + w * 0.25, y + h / 2), QPointF(x + w * 0.75, y + h / 2))
            elif on:
                painter.drawPolyline(
                    QPolygonF(
                        [
                            QPointF(x + w * 0.22, y + h * 0.52),
                            QPointF(x + w * 0.42, y + h * 0.72),
                            QPointF(x + w * 0.78, y + h * 0.30),
                        ]
                    )
                )
        painter.restore()

    def _draw_branch(self, option: QStyleOption, painter: QPainter) -> None:
        if not option.state & QStyle.StateFlag.State_Children:
            return
        pal = option.palette
        text = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        colour = expander_colour(text, pal.color(QPalette.ColorRole.Base))
        if option.state & QStyle.StateFlag.State_Selected:
            colour = pal.color(QPalette.ColorRole.HighlightedText)
        triangle = branch_triangle(
            QRectF(option.rect), open_=bool(option.state & QStyle.StateFlag.State_Open)
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(triangle)
        painter.restore()


class ApplicationStyle(QProxyStyle):
    """The application's style: Fusion, until :meth:`readable` puts a
    :class:`ReadableStyle` under it. It overrides nothing in Python, so Qt draws with it as
    with Fusion itself."""

    def readable(self) -> QStyle:
        """The readable style under this one, put there (once) if it is not yet: no widget
        is restyled, the next paint draws with it."""
        base = self.baseStyle()
        if isinstance(base, ReadableStyle):
            return base
        readable = ReadableStyle(base.name() if base is not None else "Fusion")
        readable.setParent(self)  # Qt's to delete, with this style (as setBaseStyle says)
        self.setBaseStyle(readable)
        self._readable = readable
        return readable

    def is_readable(self) -> bool:
        """Whether the readable style is under this one yet."""
        return getattr(self, "_readable", None) is not None


def install_application_style(app: QApplication) -> ApplicationStyle:
    """Make ``app``'s style an :class:`ApplicationStyle` over the one it has (once)."""
    style = app.style()
    if isinstance(style, ApplicationStyle):
        return style
    holder = ApplicationStyle(style.name() if style is not None else "Fusion")
    app.setStyle(holder)
    return holder


def use_readable_style() -> QStyle | None:
    """Draw check boxes, radio buttons and expanders readably from now on (the running
    application's :meth:`ApplicationStyle.readable`); None when it has no such style."""
    app = QApplication.instance()
    style = app.style() if isinstance(app, QApplication) else None
    return style.readable() if isinstance(style, ApplicationStyle) else None
