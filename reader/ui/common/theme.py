"""Light and dark themes: the colours, the application palette and the reading fonts.

A :class:`Theme` is plain data. :func:`palette_for` turns it into a ``QPalette`` for the
widgets; :mod:`reader.ui.reader.article_html` uses the same colours for the article's stylesheet,
so chrome and page always agree. Fonts are chosen from what is installed, best first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from string import Template

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

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


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of one theme, as ``#rrggbb`` strings."""

    name: str
    window: str  # panes, bars, menus
    base: str  # the page and list backgrounds
    alternate: str
    text: str
    muted: str  # secondary text: metadata, snippets
    rule: str  # hairlines
    accent: str  # links, focus
    selection: str
    selection_text: str
    chip_bg: str
    chip_fg: str
    find: str  # every find match
    find_current: str  # the current find match
    match: str  # search-snippet matches


LIGHT = Theme(
    name="light",
    window="#f2f0eb",
    base="#fbfaf7",
    alternate="#f6f4ef",
    text="#24231f",
    muted="#736f66",
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


def window_stylesheet(template: str, theme: Theme) -> str:
    """The window's Qt stylesheet: ``template`` with ``$name`` filled from ``theme``."""
    return Template(template).safe_substitute(asdict(theme))
