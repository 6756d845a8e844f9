"""The entity tree's expanders drawn from images (issue 19): the same pixels as the readable
style draws, in both themes, at one and two device pixels per pixel, made once and found
again, and no images (so the style draws them) when they cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

from reader.ui.common.theme import (
    DARK,
    LIGHT,
    ReadableStyle,
    install_application_style,
    palette_for,
)
from reader.ui.entities import expanders
from reader.ui.entities.expanders import (
    IMAGE_HEIGHTS,
    ROWS_PROPERTY,
    STATES,
    draw_expander,
    expander_colours,
    expander_images,
    expander_sheet,
    row_parity,
)

THEMES = pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])


def styled(theme, width: int, height: int, *, open_: bool, selected: bool, scale: int) -> QImage:
    """What the readable style draws in a ``width`` x ``height`` branch, on the page."""
    option = QStyleOptionViewItem()
    option.palette = palette_for(theme)
    option.rect = QRect(0, 0, width, height)
    state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Children
    if open_:
        state |= QStyle.StateFlag.State_Open
    if selected:
        state |= QStyle.StateFlag.State_Selected
    option.state = state
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(theme.base))
    painter = QPainter(image)
    ReadableStyle("Fusion").drawPrimitive(
        QStyle.PrimitiveElement.PE_IndicatorBranch, option, painter, None
    )
    painter.end()
    return image


def on_page(image: QImage, theme, height: int) -> QImage:
    """``image`` drawn over the theme's page in a branch ``height`` pixels tall, centred as
    Qt centres it (on a whole pixel)."""
    scale = round(image.devicePixelRatio())
    page = QImage(image.width(), height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    page.setDevicePixelRatio(scale)
    page.fill(QColor(theme.base))
    painter = QPainter(page)
    image_height = image.height() // scale
    painter.drawImage(0, height // 2 - image_height // 2, image)
    painter.end()
    return page


@THEMES
@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("height", [20, 21, 22, 27])
@pytest.mark.parametrize(("open_", "selected"), [(False, False), (True, False), (True, True)])
def test_an_image_is_what_the_readable_style_draws(qapp, theme, scale, height, open_, selected):
    normal, chosen = expander_colours(theme)
    image_height = IMAGE_HEIGHTS[row_parity(height)]
    colour = chosen if selected else normal
    image = draw_expander(14, image_height, colour, open_=open_, scale=scale)
    assert image.size().toTuple() == (14 * scale, image_height * scale)
    drawn = on_page(image, theme, height)
    assert drawn == styled(theme, 14, height, open_=open_, selected=selected, scale=scale)
    empty = QImage(drawn.size(), drawn.format())
    empty.fill(QColor(theme.base))
    assert drawn != empty  # a triangle is there
    other = IMAGE_HEIGHTS[row_parity(height + 1)]  # the other parity: half a pixel off
    wrong = on_page(draw_expander(14, other, colour, open_=open_, scale=1), theme, height)
    assert scale == 2 or wrong != drawn


def test_the_images_are_made_once_and_found_again(qapp, tmp_path: Path):
    images = expander_images(DARK, 14, 12, tmp_path)
    assert images is not None
    assert sorted(images) == sorted(state for state, _open, _selected in STATES)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 2 * len(STATES)  # each at one and two device pixels per pixel
    assert all(p.is_file() and p.with_name(p.stem + "@2x.png").is_file() for p in images.values())
    hidpi = QImage(str(images["open"].with_name(images["open"].stem + "@2x.png")))
    assert hidpi.size().toTuple() == (28, 24)
    assert hidpi.devicePixelRatio() == 2  # Qt reads the scale from the name
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert expander_images(DARK, 14, 12, tmp_path) == images
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == stamps  # not made again
    light = expander_images(LIGHT, 14, 12, tmp_path)
    assert light is not None
    assert set(light.values()).isdisjoint(images.values())  # other colours, other files
    images["open"].unlink()  # a file gone from the cache is made again
    assert expander_images(DARK, 14, 12, tmp_path) == images
    assert images["open"].is_file()
    taller = expander_images(DARK, 14, 13, tmp_path)
    assert taller is not None
    assert taller["open"] != images["open"]


def test_no_images_no_rules_when_they_cannot_be_written(qapp, tmp_path: Path, monkeypatch):
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    assert expander_images(LIGHT, 14, 20, blocked / "expanders") is None
    assert expander_sheet("QTreeView#entityTree", LIGHT, 14, blocked / "expanders") == ""
    monkeypatch.setattr(expanders, "cache_folder", lambda: None)
    assert expander_sheet("QTreeView#entityTree", LIGHT, 14) == ""
    assert expander_images(LIGHT, 0, 20, tmp_path) is None
    assert list(tmp_path.iterdir()) == [blocked]


def test_the_sheet_names_every_state_and_quotes_the_paths(qapp, tmp_path: Path):
    folder = tmp_path / 'odd "name" (1)'
    sheet = expander_sheet("QTreeView#entityTree", LIGHT, 14, folder)
    lines = sheet.splitlines()
    assert len(lines) == len(IMAGE_HEIGHTS) * len(STATES)
    expected = [(p, s) for p in IMAGE_HEIGHTS for s, _open, _selected in STATES]
    for line, (parity, state) in zip(lines, expected, strict=True):
        selector = f'QTreeView#entityTree[{ROWS_PROPERTY}="{parity}"]'
        assert line.startswith(f"{selector}::branch:has-children:{state} {{ image: url(")
    assert '\\"name\\"' in sheet
    assert (row_parity(22), row_parity(21)) == ("even", "odd")


def test_the_cache_folder_is_the_portable_one_when_portable(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(expanders, "portable_root", lambda: tmp_path / "fieldreader-data")
    assert expanders.cache_folder() == tmp_path / "fieldreader-data" / "cache" / "expanders-v1"
    monkeypatch.setattr(expanders, "portable_root", lambda: None)
    folder = expanders.cache_folder()
    assert folder is None or folder.name == "expanders-v1"


def grab_tree(theme, sheet: str, selected: tuple[int, ...], parity: str = "") -> tuple[QImage, int]:
    """A tree of three groups (one closed), the row ``selected`` chosen, drawn with the
    entity pane's look plus ``sheet``, its rows said to be of ``parity``; and the height
    of its rows."""
    from reader.ui.entities.pane import PANE_STYLE

    model = QStandardItemModel()
    for group in ("People", "Places", "Organisations"):
        item = QStandardItem(group)
        for name in ("Alpha", "Beta"):
            item.appendRow([QStandardItem(name), QStandardItem("1")])
        model.appendRow([item, QStandardItem("2")])
    tree = QTreeView()
    tree.setObjectName("entityTree")
    tree.setProperty(ROWS_PROPERTY, parity)
    tree.setModel(model)
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setIndentation(14)
    tree.setPalette(palette_for(theme))
    tree.setStyleSheet(PANE_STYLE.safe_substitute(theme.as_dict()) + sheet)
    tree.resize(260, 240)
    tree.expandAll()
    tree.collapse(model.index(1, 0))
    index = model.index(selected[0], 0)
    if len(selected) > 1:
        index = model.index(selected[1], 0, index)
    tree.setCurrentIndex(index)
    tree.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    tree.show()
    image, height = tree.grab().toImage(), tree.sizeHintForRow(0)
    tree.deleteLater()
    return image, height


@THEMES
@pytest.mark.parametrize("selected", [(2,), (0, 1)], ids=["group", "entity"])
def test_a_tree_draws_the_images_as_the_style_drew_its_expanders(qapp, tmp_path, theme, selected):
    install_application_style(qapp).readable()  # it draws a tree's expanders without images
    by_style, height = grab_tree(theme, "", selected)
    parity = row_parity(height)
    sheet = expander_sheet("QTreeView#entityTree", theme, 14, tmp_path)
    assert sheet
    assert grab_tree(theme, sheet, selected, parity)[0] == by_style
    other = "odd" if parity == "even" else "even"
    assert grab_tree(theme, sheet, selected, other)[0] != by_style  # half a pixel off
    fusion = grab_tree(theme, "QTreeView#entityTree::branch { image: none; }", selected)[0]
    assert fusion != by_style  # the expanders are in the picture
