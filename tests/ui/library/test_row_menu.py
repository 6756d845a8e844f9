"""The rows' context menu lives in :class:`~reader.ui.library.row_menu.RowMenu`: the pane's
``set_row_actions`` fills it, entries with a shortcut join the table (and leave it when
replaced), and the menu is built from the entries given, shown through the pane's
``popup``."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.app import build_context
from reader.ui.library.pane import LibraryPane
from reader.ui.library.row_menu import RowMenu
from reader.ui.tasks.runner import TaskRunner


@pytest.fixture
def pane(sampled, library_path, settings, qtbot, monkeypatch):
    tasks = TaskRunner()
    ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.shown = []
    monkeypatch.setattr(pane, "popup", lambda menu, at: pane.shown.append((menu, at)))
    yield pane
    for menu, _at in pane.shown:
        menu.deleteLater()
    tasks.shutdown()


def action(pane: LibraryPane, text: str, keys: str = "") -> QAction:
    made = QAction(text, pane)
    if keys:
        made.setShortcut(QKeySequence(keys))
    return made


def row_point(pane: LibraryPane, row: int):
    return pane.table.visualRect(pane.table_model.index(row, 0)).center()


def test_a_pane_with_no_entries_opens_no_menu(pane):
    assert isinstance(pane.row_menus, RowMenu)
    assert pane.row_actions == []
    assert pane.default_row_action is None
    assert pane.row_menu(row_point(pane, 0)) is None
    assert pane.show_row_menu(row_point(pane, 0)) is None
    assert pane.shown == []


def test_entries_with_a_shortcut_join_the_table_and_leave_it_when_replaced(pane):
    first, delete = action(pane, "First"), action(pane, "Delete it", "Del")
    pane.set_row_actions([first, None, delete], default=first)
    assert pane.row_actions == [first, None, delete]
    assert pane.default_row_action is first
    assert delete in pane.table.actions()
    assert first not in pane.table.actions()
    other = action(pane, "Other", "Ctrl+Shift+O")
    pane.set_row_actions([other])
    assert pane.row_actions == [other]
    assert pane.default_row_action is None
    assert delete not in pane.table.actions()
    assert other in pane.table.actions()


def test_the_menu_shows_the_entries_given_with_the_default_in_bold(pane):
    first, second = action(pane, "First"), action(pane, "Second")
    pane.set_row_actions([first, None, second], default=second)
    at = row_point(pane, 2)
    menu = pane.show_row_menu(at)
    assert isinstance(menu, QMenu)
    assert pane.shown == [(menu, pane.table.viewport().mapToGlobal(at))]
    assert menu.objectName() == "libraryRowMenu"
    assert menu.parent() is pane
    assert [a.text() if not a.isSeparator() else "-" for a in menu.actions()] == [
        "First",
        "-",
        "Second",
    ]
    assert menu.defaultAction() is second
    assert pane.selected_ids == [pane.table_model.article_id(2)]
