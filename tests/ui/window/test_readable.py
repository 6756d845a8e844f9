"""Dark mode readable everywhere (check boxes, radio buttons, tree expanders, disabled text)
and a status line that fits the bar (cut with an ellipsis, whole in its tooltip).

The readable drawing joins the application's style after the window's first paint (issue
19: its Python drawing is costly on a first paint; the entity tree's expanders, which a
first paint shows, are drawn from images: tests/ui/common/test_expanders.py); until then
the application's style draws as Fusion does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QStyleOptionViewItem,
)

from helpers.samples import SAMPLE_COUNT
from reader.ui.common.theme import (
    DARK,
    LIGHT,
    NO_BUTTON_ICONS,
    ApplicationStyle,
    ReadableStyle,
    install_application_style,
    mix,
    palette_for,
    use_readable_style,
)
from reader.ui.compare.dialogs import ArticleChooser


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def best_contrast(image: QImage, background: QColor) -> float:
    return max(
        contrast(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


def render(element, option, theme, size=20, style=None) -> tuple[QImage, QColor]:
    style = style or ReadableStyle("Fusion")
    option.palette = palette_for(theme)
    option.rect = QRect(0, 0, size, size)
    base = QColor(theme.base)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(base)
    painter = QPainter(image)
    style.drawPrimitive(element, option, painter, None)
    painter.end()
    return image, base


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(
    "element",
    [
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    ],
)
def test_an_unticked_box_stands_out_in_both_themes(qapp, theme, element):
    option = QStyleOptionButton()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    image, base = render(element, option, theme)
    assert best_contrast(image, base) >= 2.5  # Fusion's frame on the dark theme: about 1.1
    option.state = QStyle.StateFlag.State_Off  # disabled: fainter, still there
    image, base = render(element, option, theme)
    assert 1.4 <= best_contrast(image, base) < 4.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_ticked_box_and_an_expander_stand_out(qapp, theme):
    option = QStyleOptionButton()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_On
    image, base = render(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, theme)
    assert best_contrast(image, base) >= 3
    branch = QStyleOptionViewItem()
    branch.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Children
    image, base = render(QStyle.PrimitiveElement.PE_IndicatorBranch, branch, theme)
    assert best_contrast(image, base) >= 4.5
    branch.state = QStyle.StateFlag.State_Enabled  # a leaf: nothing drawn
    image, base = render(QStyle.PrimitiveElement.PE_IndicatorBranch, branch, theme)
    assert best_contrast(image, base) == 1.0


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_disabled_and_muted_text_read(theme):
    pal = palette_for(theme)
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert contrast(disabled, QColor(theme.base)) >= 4.5
    assert contrast(QColor(theme.muted), QColor(theme.window)) >= 4.5
    assert mix(QColor("#ffffff"), QColor("#000000"), 0.5).red() in (127, 128)


def test_the_window_installs_the_readable_style_once(window, qtbot):
    app = QApplication.instance()
    style = app.style()
    assert isinstance(style, ApplicationStyle)
    qtbot.waitUntil(style.is_readable)  # once the window's first paint was done
    readable = style.baseStyle()
    assert isinstance(readable, ReadableStyle)
    window.apply_theme("dark")
    assert install_application_style(app) is style
    assert app.style() is style
    assert use_readable_style() is readable
    assert style.readable() is readable
    window.apply_theme("light")


def test_the_application_style_draws_as_fusion_until_readable(qapp):
    option = QStyleOptionButton()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    box = QStyle.PrimitiveElement.PE_IndicatorCheckBox
    style = ApplicationStyle("Fusion")
    assert not style.is_readable()
    before, base = render(box, option, DARK, style=style)
    fusion, _ = render(box, option, DARK, style=QStyleFactory.create("Fusion"))
    assert before == fusion
    assert best_contrast(before, base) < 2.5  # Fusion's frame: all but gone on the dark page
    readable = style.readable()
    assert style.is_readable()
    assert style.readable() is readable
    after, base = render(box, option, DARK, style=style)
    assert after == render(box, option, DARK)[0]  # what the readable style itself draws
    assert best_contrast(after, base) >= 2.5


def test_the_status_bar_says_once_when_it_was_first_painted(window, qtbot):
    from reader.ui.window.main_window import ElidingStatusBar

    calls: list[int] = []
    bar = ElidingStatusBar()
    qtbot.addWidget(bar)
    bar.after_first_paint = lambda: calls.append(1)
    assert calls == []
    bar.show()
    qtbot.waitUntil(lambda: calls == [1])
    bar.repaint()
    qtbot.wait(20)
    assert calls == [1]


def test_a_window_showing_entity_groups_needs_no_readable_style_for_them(window):
    assert window.entity_pane.shows_expanders()  # the newest sample names people and places
    assert not window.entity_pane.expanders_need_style()  # drawn from images
    assert not window.bring_readable_style()  # not asked for before a paint
    window.entity_pane.set_article(None)
    assert not window.entity_pane.shows_expanders()
    assert not window.bring_readable_style()  # nothing to draw: not asked for
    assert window.bring_readable_style(now=True)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_windows_dialog_buttons_show_no_icons(window, theme):
    window.apply_theme(theme)
    assert window.styleSheet().count(NO_BUTTON_ICONS) == 1
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, window
    )
    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
    assert box.style().styleHint(hint, None, box) == 0
    assert all(button.icon().isNull() for button in box.buttons())
    box.deleteLater()
    window.apply_theme("light")


def test_the_chooser_draws_its_unticked_boxes_in_the_dark(window, qtbot, sampled):
    window.apply_theme("dark")
    articles = sampled.list_articles()
    chooser = ArticleChooser(articles, [articles[0].id], window)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    view = chooser.list
    rect = view.visualRect(chooser.proxy.index(1, 0))  # an unticked row
    image = view.viewport().grab(QRect(rect.x(), rect.y(), rect.height(), rect.height()))
    shot = image.toImage()
    row_colour = shot.pixelColor(shot.width() - 1, shot.height() // 2)
    assert best_contrast(shot, row_colour) >= 2.5
    window.apply_theme("light")


# -- the status line -----------------------------------------------------------------------
def test_a_long_status_line_is_cut_with_an_ellipsis(window):
    bar = window.statusBar()
    window.resize(900, 600)
    text = (
        f"Loaded {SAMPLE_COUNT} sample articles. "
        "Import your own with File \u203a Import Files\u2026 "
    ) * 3
    window.ctx.messages.status(text)
    assert bar.currentMessage() == text  # the whole line stays the message
    assert bar.toolTip() == text
    shown = bar.shown_message()
    assert shown.endswith("\u2026")
    assert text.startswith(shown[:-1])
    room = bar.message_room()
    assert room.right() <= window.count_label.geometry().left()
    assert bar.fontMetrics().horizontalAdvance(shown) <= room.width()
    short = "Rejected"
    window.ctx.messages.status(short)
    assert bar.shown_message() == short
    image = bar.grab()  # it paints without trouble
    assert not image.isNull()


def test_the_first_start_hint_fits_at_1366(window, qtbot):
    window.reset_layout()  # on this screen; then as on a 1366 x 768 one
    window.resize(int(1366 * 0.8), int(768 * 0.8))
    qtbot.wait(10)
    hint = (
        f"Loaded {SAMPLE_COUNT} sample articles. "
        "Import your own with File \u203a Import Files\u2026 or drop files here."
    )
    window.ctx.messages.status(hint)
    bar = window.statusBar()
    assert bar.shown_message() == hint
