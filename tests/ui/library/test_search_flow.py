"""The library pane hands its search to :class:`~reader.ui.library.search_flow.LibrarySearch`:
the pane's names still drive it, Esc in the table clears it, Up and Down step through the
results, and its lines keep the pane's French (they are translated in its context)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.app import build_context
from reader.ui.library.pane import RESULTS_PAGE, TABLE_PAGE, LibraryPane
from reader.ui.library.search_flow import CONTEXT, LibrarySearch
from reader.ui.tasks.runner import Task, TaskRunner

NBSP = "\u00a0"


@pytest.fixture
def make_pane(sampled, library_path, settings, qtbot):
    """Builds a library pane on the samples, shown (call it after installing a language)."""
    tasks = TaskRunner()

    def make() -> LibraryPane:
        ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
        pane = LibraryPane(ctx)
        qtbot.addWidget(pane)
        pane.resize(700, 500)
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    yield make
    tasks.shutdown()


def search(pane: LibraryPane, qtbot, query: str) -> None:
    pane.search_edit.setText(query)
    assert pane.run_search() is not None
    qtbot.waitUntil(lambda: not pane.searching, timeout=10_000)


def test_the_pane_drives_its_search_flow_by_its_old_names(make_pane, qtbot):
    pane = make_pane()
    assert isinstance(pane.search, LibrarySearch)
    assert pane.results is pane.search.results
    assert pane.stack.widget(RESULTS_PAGE) is pane.search.page
    assert pane.stack.widget(TABLE_PAGE) is pane.table
    assert pane.results.accessibleName() == "Search results"
    search(pane, qtbot, "minerai")
    count = pane.results_model.rowCount()
    assert count == len(pane.results_model.found.hits) > 1
    assert pane.results_label.text() == f"{count} results for \u201cminerai\u201d"
    assert pane.stack.currentIndex() == RESULTS_PAGE
    assert pane.results.currentIndex().row() == 0
    with qtbot.waitSignal(pane.search_cleared, timeout=1000):
        pane.clear_search()
    assert pane.search_edit.text() == ""
    assert pane.stack.currentIndex() == TABLE_PAGE
    assert not pane.searching


def test_up_and_down_in_the_box_step_through_the_results(make_pane, qtbot):
    pane = make_pane()
    search(pane, qtbot, "minerai")
    QTest.keyClick(pane.search_edit, Qt.Key.Key_Down)
    assert pane.results.currentIndex().row() == 1
    QTest.keyClick(pane.search_edit, Qt.Key.Key_Up)
    QTest.keyClick(pane.search_edit, Qt.Key.Key_Up)  # never above the first
    assert pane.results.currentIndex().row() == 0
    opened: list[tuple[int, str]] = []
    pane.search_result_opened.connect(lambda article, query: opened.append((article, query)))
    pane.open_current_result()
    assert opened == [(pane.results_model.found.hits[0].id, "minerai")]


def test_esc_in_the_table_clears_a_search_typed_in_the_box(make_pane, qtbot):
    pane = make_pane()
    pane.search_edit.setText("minerai")  # typed, the debounce not yet run out
    assert pane.stack.currentIndex() == TABLE_PAGE
    cleared: list[bool] = []
    pane.search_cleared.connect(lambda: cleared.append(True))
    QTest.keyClick(pane.table, Qt.Key.Key_Escape)
    assert cleared == [True]
    assert pane.search_edit.text() == ""
    assert not pane.searching
    QTest.keyClick(pane.table, Qt.Key.Key_Escape)  # nothing to clear: nothing said
    assert cleared == [True]


def test_the_search_lines_keep_the_panes_french(french, make_pane, qtbot):
    assert CONTEXT == LibraryPane.__name__  # where fieldreader_fr.ts has them
    pane = make_pane()
    assert pane.results.accessibleName() == "Résultats de la recherche"
    search(pane, qtbot, "minerai")
    count = pane.results_model.rowCount()
    assert pane.results_label.text() == f"{count} résultats pour «{NBSP}minerai{NBSP}»"
    search(pane, qtbot, "zzqxv")
    assert pane.results_label.text().startswith(f"Rien ne correspond à «{NBSP}zzqxv{NBSP}»")
    release = threading.Event()
    hold = Task(lambda t: release.wait(10), "Restoring", writes_library=True)
    pane.ctx.tasks.run_alone(hold, "The library is being restored.")
    try:
        search(pane, qtbot, "cobalt")
        assert pane.results_label.text() == (
            f"Recherche impossible{NBSP}: The library is being restored."
        )
    finally:
        release.set()
    qtbot.waitUntil(lambda: hold.done, timeout=5000)
