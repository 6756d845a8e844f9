"""Help › Keyboard Shortcuts lists the keys the library list reads itself (the Menu key
and Shift+F10 open its row menu), writes every key as the interface's language does
(French: « Maj+F10 », « Entrée »), and opens wide enough for every command to show whole
on a 1366×768 screen, in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStyleOptionViewItem

from helpers.translation import interface_language
from reader.ui.help import sizing
from reader.ui.help.shortcuts import (
    ROW_MENU_KEYS,
    Shortcut,
    ShortcutGroup,
    native_keys,
    row_menu_keys,
)


@pytest.fixture
def laptop_screen(monkeypatch) -> QSize:
    room = QSize(1366, 740)  # 1366×768 less a panel
    monkeypatch.setattr(sizing, "screen_room", lambda _w: room)
    return room


def listed(dialog) -> dict[str, dict[str, str]]:
    return {g.title: {s.command: s.keys for s in g.shortcuts} for g in dialog.model.groups}


def test_the_row_menu_keys_are_listed(window) -> None:
    groups = listed(window.help.show_shortcuts())
    assert groups["Library list"] == {"Open the menu of the chosen rows": "Menu, Shift+F10"}
    # the keys listed are those the pane answers to (Shift+F10 is a shortcut of its table;
    # the Menu key asks any widget for its context menu)
    table = window.library_pane.table
    keys = {s.key().toString() for s in table.findChildren(QShortcut)}
    assert set(ROW_MENU_KEYS) - {"Menu"} <= keys
    window.help.shortcuts_dialog.close()


def test_keys_are_written_the_platforms_way() -> None:
    assert native_keys("Enter") == "Enter"
    assert native_keys("Menu, Shift+F10") == "Menu, Shift+F10"
    assert native_keys("not a key at all") == "not a key at all"
    assert native_keys("A") == "A"


def test_keys_in_french(french, window) -> None:
    assert native_keys("Shift+F10") == "Maj+F10"
    assert native_keys("Enter") == QKeySequence("Enter").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert native_keys("Enter") != "Enter"
    group = row_menu_keys()
    assert group.title == "Liste de la bibliothèque"
    dialog = window.help.show_shortcuts()
    groups = listed(dialog)
    assert groups["Liste de la bibliothèque"] == {
        "Ouvrir le menu des lignes choisies": "Menu, Maj+F10"
    }
    assert "Enter" not in " ".join(k for g in groups.values() for k in g.values())
    dialog.close()


def cut_commands(dialog) -> list[str]:
    """The commands the list shows cut short (narrower than they need)."""
    view, proxy = dialog.view, dialog.proxy
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    cut = []
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        for r in range(proxy.rowCount(group)):
            index = proxy.index(r, 0, group)
            needed = view.itemDelegateForIndex(index).sizeHint(option, index).width()
            if view.visualRect(index).width() < needed:
                cut.append(index.data())
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_command_shows_whole(qapp, window, laptop_screen, qtbot, language) -> None:
    with interface_language(qapp, language):
        dialog = window.help.show_shortcuts()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= laptop_screen.width() * sizing.SCREEN_SHARE
        assert cut_commands(dialog) == []
        dialog.close()


def test_a_long_command_widens_the_dialog(qtbot, laptop_screen) -> None:
    from reader.ui.help.shortcuts import SHORTCUTS_SIZE, ShortcutsDialog

    long = "Move the chosen evidence to the other dimension of the comparison grid " * 2
    groups = [ShortcutGroup("Grid", (Shortcut(long.strip(), "M"),))]
    dialog = ShortcutsDialog(groups)
    qtbot.addWidget(dialog)
    assert dialog.width() > SHORTCUTS_SIZE.width()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_commands(dialog) == []
