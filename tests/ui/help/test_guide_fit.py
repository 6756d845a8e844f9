"""The guide in the interface language (French, else English) listing every kind of file
Fieldreader imports, and the Help dialogs opening whole on a small screen, with margins."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QWidget

from reader.ui.common.theme import LIGHT
from reader.ui.help.about import AboutDialog
from reader.ui.help.guide import GuideDialog, guide_html, guide_path
from reader.ui.help.shortcuts import ShortcutsDialog
from reader.ui.help.sizing import SCREEN_SHARE, opening_size

FORMATS = (".txt", ".md", ".html", ".mhtml", ".epub", ".docx", ".odt", "OPML", "RSS")


def headings(text: str) -> list[str]:
    return [line.split(" ")[0] for line in text.splitlines() if line.startswith("#")]


def test_the_guide_follows_the_interface_language():
    assert guide_path("fr").name == "guide.fr.md"
    assert guide_path("en").name == "guide.md"
    assert guide_path("de").name == "guide.md"  # no German guide: the English one
    assert guide_path("../x").name == "guide.md"
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        assert guide_path().name == "guide.fr.md"
        assert "Comparer deux cas" in guide_html()
        QLocale.setDefault(QLocale("en_GB"))
        assert guide_path().name == "guide.md"
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_both_guides_name_every_format_and_keep_the_same_shape(language):
    text = guide_path(language).read_text(encoding="utf-8")
    for name in FORMATS:
        assert name in text, name
    english = guide_path("en").read_text(encoding="utf-8")
    assert headings(text) == headings(english)
    assert text.count("\n| ") == english.count("\n| ")  # the same tables, row for row
    assert not re.search(r"[ \t]+$", text, re.MULTILINE)


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() * SCREEN_SHARE and size.height() <= (
        room.height() * SCREEN_SHARE
    )


def test_the_help_dialogs_open_inside_the_screen_with_margins(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    room = parent.screen().availableGeometry().size()
    dialogs = [
        GuideDialog(LIGHT, parent),
        ShortcutsDialog([], parent),
        AboutDialog("1.0", __file__, [], parent),  # type: ignore[arg-type]
    ]
    for dialog in dialogs:
        assert fits(dialog.size(), room), (type(dialog).__name__, dialog.size(), room)
        margins = dialog.layout().contentsMargins()
        assert margins.left() > 0
        assert margins.right() > 0
        assert margins.bottom() > 0


def test_a_small_screen_shrinks_the_preferred_size_and_a_large_one_keeps_it(monkeypatch):
    from reader.ui.help import sizing

    widget = QWidget()
    monkeypatch.setattr(sizing, "screen_room", lambda _w: QSize(1366, 728))
    small = opening_size(widget, QSize(760, 820))
    assert small.width() == 760
    assert small.height() < 728 - 80  # whole, with room above and below
    monkeypatch.setattr(sizing, "screen_room", lambda _w: QSize(2560, 1400))
    assert opening_size(widget, QSize(760, 820)) == QSize(760, 820)
    assert opening_size(widget, QSize(100, 100), QSize(300, 200)) == QSize(300, 200)
    widget.deleteLater()
