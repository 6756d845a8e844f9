"""The rows' context menu asked for from the keyboard (the Menu key, Shift+F10) opens for
the current row, never the one below it, and keeps the chosen rows as they are."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from reader.app import QUIET_QT_MESSAGES, build_context
from reader.ui.library.manage import ManageController
from reader.ui.library.pane import LibraryPane
from reader.ui.tasks.runner import TaskRunner

#: The offscreen platform's notices, and the one a real popup adds (it cannot grab keys).
POPUP_NOTICES = tuple(
    f"^{re.escape(m)}$"
    for m in (*QUIET_QT_MESSAGES, "This plugin does not support grabbing the keyboard")
)


class NoDialogs:
    """Stands in for the controller's dialogs; none is ever asked for here."""


@pytest.fixture
def pane(sampled, library_path, settings, qtbot, monkeypatch):
    tasks = TaskRunner()
    ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    ManageController(ctx, pane, pane, dialogs=NoDialogs())
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.shown = []
    monkeypatch.setattr(pane, "popup", lambda menu, at: pane.shown.append((menu, at)))
    yield pane
    for menu, _at in pane.shown:
        menu.deleteLater()
    tasks.shutdown()


def make_current(pane: LibraryPane, row: int) -> int:
    index = pane.table_model.index(row, 0)
    flag = QItemSelectionModel.SelectionFlag
    flags = flag.ClearAndSelect | flag.Rows
    pane.table.selectionModel().setCurrentIndex(index, flags)
    article_id = pane.table_model.article_id(row)
    assert article_id is not None
    return article_id


def popped_row(pane: LibraryPane) -> int:
    [(menu, at)] = pane.shown
    assert isinstance(menu, QMenu)
    return pane.table.indexAt(pane.table.viewport().mapFromGlobal(at)).row()


def test_the_menu_key_opens_the_menu_of_the_current_row(pane):
    table = pane.table
    table.horizontalHeader().setFixedHeight(36)  # as tall as the window's style makes it
    article_id = make_current(pane, 2)
    # what Qt sends for the Menu key: the current cell's centre, in the table's own frame
    pos = table.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    assert table.indexAt(pos).row() != 2  # read as the viewport's, it is another row
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, table.mapToGlobal(pos))
    QApplication.sendEvent(table, event)
    assert pane.selected_ids == [article_id]
    assert popped_row(pane) == 2


def test_shift_f10_opens_the_menu_of_the_current_row(pane, qtbot):
    article_id = make_current(pane, 3)
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)
    qtbot.keyClick(pane.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert pane.selected_ids == [article_id]
    assert popped_row(pane) == 3


def test_the_keyboard_menu_keeps_several_chosen_rows(pane):
    make_current(pane, 1)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    pane.table.selectionModel().select(pane.table_model.index(2, 0), flags)
    chosen = pane.selected_ids
    assert len(chosen) == 2
    assert pane.show_current_row_menu() is not None
    assert pane.selected_ids == chosen


def test_no_current_row_no_menu(pane):
    pane.table.selectionModel().clear()
    assert pane.show_current_row_menu() is None
    assert pane.shown == []
    assert pane.row_menu(QPoint(-5, -5)) is None


@pytest.mark.qt_log_ignore(*POPUP_NOTICES)
def test_a_second_request_while_the_menu_is_open_opens_no_second_menu(pane, qtbot, monkeypatch):
    monkeypatch.undo()  # the real popup this time (the fixture's stand-in is gone)
    make_current(pane, 1)
    menu = pane.show_current_row_menu()
    assert menu is not None
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    assert pane.show_current_row_menu() is None  # the Menu key can ask twice: one menu
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
