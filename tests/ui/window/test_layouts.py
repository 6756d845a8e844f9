"""The window's layout: a first start that fits the screen, views that give back the layout
they replaced, a crushed saved layout thrown away, View › Reset Layout, ``size=``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from reader.app import build_main_window, run_gui
from reader.ui.tasks.runner import TaskRunner
from reader.ui.window.layouts import (
    COMFORTABLE_SIZE,
    MIN_READER_WIDTH,
    apply_view,
    crushed,
    first_start_size,
)

TASK_MS = 20_000
SCREEN = QSize(1600, 1000)  # the screen the windows are on (offscreen's is 800x800)


@pytest.fixture
def make_window(sampled, library_path, settings, qtbot):
    """Build main windows on the sample library (shut down together at the end)."""
    tasks = TaskRunner()
    made = []

    def make():
        win = build_main_window(sampled, library_path, settings=settings, tasks=tasks)
        win.available_size = lambda: SCREEN
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.watcher.stop()
    tasks.shutdown()


def widths(window) -> tuple[int, int, int]:
    return window.library_dock.width(), window.reader.width(), window.entity_dock.width()


def close_to(a: tuple[int, ...], b: tuple[int, ...], slack: int = 4) -> bool:
    return all(abs(x - y) <= slack for x, y in zip(a, b, strict=True))


def show_first_start(window, qtbot, screen: QSize) -> None:
    window.reset_layout(screen)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(30)  # the docks are laid out


def test_first_start_size_follows_the_screen():
    assert first_start_size(QSize(1920, 1080)) == QSize(1536, 864)
    assert first_start_size(QSize(1366, 768)) == QSize(*COMFORTABLE_SIZE)
    assert first_start_size(QSize(1024, 600)) == QSize(1024, 600)  # never more than it


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1920, 1080)])
def test_first_start_shows_titles_and_a_wide_reader(make_window, qtbot, screen):
    window = make_window()
    show_first_start(window, qtbot, screen)
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()
    header = window.library_pane.table.horizontalHeader()
    title, *others = (header.sectionSize(c) for c in range(4))
    assert title > sum(others), (title, others)
    assert window.reader.width() >= 400
    assert not crushed(window)
    combo = window.library_pane.tag_combo  # "All articles  (N)" whole, not cut to "(N"
    label = combo.itemText(0)
    assert combo.width() > combo.fontMetrics().horizontalAdvance(label)


def test_compare_and_back_gives_the_layout_back(make_window, qtbot):
    window = make_window()
    show_first_start(window, qtbot, QSize(1600, 900))
    window.resizeDocks([window.library_dock], [430], Qt.Orientation.Horizontal)  # by hand
    qtbot.wait(20)
    before = widths(window)
    with qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS):
        window.menu_actions.compare.trigger()
    assert window.compare_dock.isVisible()
    assert not window.library_dock.isVisible()
    window.menu_actions.compare.trigger()
    qtbot.wait(20)
    assert not window.compare_dock.isVisible()
    assert window.library_dock.isVisible()
    assert close_to(widths(window), before), (widths(window), before)


def test_closing_the_compare_dock_by_its_cross_gives_the_layout_back(make_window, qtbot):
    window = make_window()
    show_first_start(window, qtbot, QSize(1600, 900))
    before = widths(window)
    with qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS):
        window.menu_actions.compare.trigger()
    assert not window.library_dock.isVisible()
    window.compare_dock.close()  # what the dock's own close button does
    qtbot.wait(20)
    assert window.library_dock.isVisible()
    assert not window.menu_actions.compare.isChecked()
    assert window.kept_layouts == []
    assert close_to(widths(window), before), (widths(window), before)


def test_notes_view_and_back_gives_the_layout_back(make_window, qtbot):
    window = make_window()
    show_first_start(window, qtbot, QSize(1600, 900))
    before = widths(window)
    apply_view(window, "notes")
    qtbot.wait(20)
    assert not window.library_dock.isVisible()
    apply_view(window, "library")
    qtbot.wait(20)
    assert close_to(widths(window), before), (widths(window), before)


def test_closing_in_compare_saves_the_layout_compare_replaced(make_window, qtbot):
    first = make_window()
    first.resize(1200, 800)
    first.show()
    qtbot.waitExposed(first)
    with qtbot.waitSignal(first.compare.comparison_shown, timeout=TASK_MS):
        first.menu_actions.compare.trigger()
    first.close()
    second = make_window()
    assert second.restore_layout()
    second.show()
    qtbot.waitExposed(second)
    assert second.library_dock.isVisible()
    assert not second.compare_dock.isVisible()
    assert not second.menu_actions.compare.isChecked()


def test_a_crushed_saved_layout_is_discarded(make_window, qtbot):
    first = make_window()
    first.resize(1000, 700)
    first.show()
    qtbot.waitExposed(first)
    first.resizeDocks(
        [first.library_dock, first.entity_dock], [650, 300], Qt.Orientation.Horizontal
    )
    qtbot.wait(20)
    assert first.reader.width() < MIN_READER_WIDTH
    assert crushed(first)
    first.close()
    second = make_window()
    assert second.restore_layout()  # it was restored, then found crushed once shown
    second.show()
    qtbot.waitExposed(second)
    qtbot.wait(50)
    assert not crushed(second)
    assert second.reader.width() >= MIN_READER_WIDTH
    assert second.size() == first_start_size(second.available_size())


def test_a_saved_window_larger_than_the_screen_is_discarded(make_window, qtbot):
    first = make_window()
    available = first.available_size()
    first.resize(available.width() + 300, available.height() - 200)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = make_window()
    assert not second.restore_layout()
    assert second.size() == first_start_size(available)


def test_reset_layout_restores_the_first_start_widths(make_window, qtbot):
    window = make_window()
    window.reset_layout()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    start = (window.size().toTuple(), widths(window))
    window.resizeDocks([window.library_dock], [150], Qt.Orientation.Horizontal)
    window.entity_dock.hide()
    qtbot.wait(20)
    assert widths(window)[0] != start[1][0]
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert "&Reset Layout" in [a.text() for a in view.actions()]
    window.menu_actions.reset_layout.trigger()
    qtbot.wait(20)
    assert window.entity_dock.isVisible()
    assert window.size().toTuple() == start[0]
    assert close_to(widths(window), start[1]), (widths(window), start[1])


def test_screenshot_of_a_first_start_on_a_screen_size(sampled, library_path, tmp_path, qapp):
    shot = tmp_path / "small.png"
    assert run_gui(library_path, screenshot=shot, size=(1366, 768)) == 0
    assert QImage(str(shot)).size() == first_start_size(QSize(1366, 768))
    with pytest.raises(ValueError, match="screen size"):
        run_gui(library_path, size=(1366, 768))
