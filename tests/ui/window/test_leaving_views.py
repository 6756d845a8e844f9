"""Leaving a view by showing the library pane gives back the layout the view replaced; the
Quit keys Help lists are real keys; moments are written in the interface's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSize, Qt

from reader.app import build_main_window
from reader.ui.common.text import format_moment
from reader.ui.tasks.runner import TaskRunner
from reader.ui.window.layouts import apply_view
from reader.ui.window.menus import quit_keys

SCREEN = QSize(1366, 768)


@pytest.fixture
def window(sampled, library_path, settings, qtbot):
    tasks = TaskRunner()
    win = build_main_window(sampled, library_path, settings=settings, tasks=tasks)
    win.available_size = lambda: SCREEN
    qtbot.addWidget(win)
    yield win
    win.watcher.stop()
    tasks.shutdown()


def widths(window) -> tuple[int, int]:
    return window.library_dock.width(), window.reader.width()


@pytest.mark.parametrize("view", ["notes", "reader"])
def test_showing_the_library_pane_leaves_the_view_with_the_whole_layout(window, qtbot, view):
    window.reset_layout(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(30)
    before = widths(window)
    apply_view(window, view)
    qtbot.wait(20)
    assert not window.library_dock.isVisible()
    window.menu_actions.library_pane.trigger()
    qtbot.wait(30)
    assert window.library_dock.isVisible()
    after = widths(window)
    assert all(abs(a - b) <= 4 for a, b in zip(after, before, strict=True)), (after, before)
    assert window.kept_layouts == []


def test_the_library_pane_toggle_still_hides_and_shows_it_in_the_library_view(window, qtbot):
    window.reset_layout(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.menu_actions.library_pane.trigger()
    assert not window.library_dock.isVisible()
    window.menu_actions.library_pane.trigger()
    assert window.library_dock.isVisible()


def test_quit_keys_are_keys_a_keyboard_has():
    keys = quit_keys()
    assert keys
    assert all(k[0].key() != Qt.Key.Key_Exit for k in keys)


def test_moments_use_the_interfaces_month_and_day_names(qapp):
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        assert format_moment("2026-12-01T14:37:00") == "1 d\u00e9c. 2026, 14:37"
        QLocale.setDefault(QLocale("en_GB"))
        assert format_moment("2026-12-01T14:37:00") == "1 Dec 2026, 14:37"
    finally:
        QLocale.setDefault(before)
