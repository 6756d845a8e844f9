"""The library pane searches off the GUI thread: the newest query wins, long ones are cut.

A search is a task on the general pool with its own connection. The first test holds a
search back on its worker thread (a stand-in for a slow one) while the user types on, and
checks that only the second query's result is ever shown; the others run real searches.
"""

from __future__ import annotations

import threading

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpers.ui_fixtures import Ticks, search_library
from reader.library.search import MAX_TERMS
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.library import search as library_search
from reader.ui.library.pane import RESULTS_PAGE
from reader.ui.tasks.runner import Task


def test_only_the_newest_query_is_shown(window, qtbot, monkeypatch):
    pane = window.library_pane
    release, first_done = threading.Event(), threading.Event()
    real = library_search.find_hits
    gui_thread = threading.get_ident()
    threads = []

    def held_back(library, query, tag=None):
        threads.append(threading.get_ident())
        if query == "cobalt":  # the first query is slow
            release.wait(10)
            found = real(library, query, tag)
            first_done.set()
            return found
        return real(library, query, tag)

    monkeypatch.setattr(library_search, "find_hits", held_back)
    pane.search_edit.setText("cobalt")
    pane.run_search()
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=5000)  # the slow one is under way
    pane.search_edit.setText("minerals")  # the user typed on
    pane.run_search()
    qtbot.waitUntil(lambda: not pane.searching, timeout=5000)
    assert pane.results_model.query == "minerals"
    assert pane.stack.currentIndex() == RESULTS_PAGE
    shown = pane.results_label.text()
    assert shown.endswith("for \u201cminerals\u201d")
    release.set()
    assert first_done.wait(10)
    qtbot.wait(200)  # the first result arrives now, and is dropped
    assert pane.results_model.query == "minerals"
    assert pane.results_label.text() == shown
    assert gui_thread not in threads  # both searched on a worker thread


def test_a_400_term_query_keeps_the_window_ticking_and_says_it_was_cut(window, qtbot):
    pane = window.library_pane
    query = " ".join(f"word{i}" for i in range(400)) + " cobalt"
    with Ticks() as ticks:
        pane.search_edit.setText(query)
        pane.run_search()
        qtbot.waitUntil(lambda: not pane.searching, timeout=10_000)
    assert ticks.longest_gap < 0.5, f"the window froze for {ticks.longest_gap:.2f} s"
    assert ticks.elapsed < 2.0
    first, note = pane.results_label.text().split("\n")
    assert note == f"Long query: searched the first {MAX_TERMS} terms"
    assert len(first) < 100  # the query is not repeated whole
    search_library(window, qtbot, "cobalt")
    assert "\n" not in pane.results_label.text()  # a short query says nothing of the sort
    search_library(window, qtbot, "x " * 300 + "cobalt")  # cut by length: one term is left
    assert pane.results_label.text().endswith("\nLong query: searched the first term")


def test_enter_before_the_result_opens_it_when_it_comes(window, sampled, qtbot):
    pane = window.library_pane
    pane.focus_search()
    QTest.keyClicks(pane.search_edit, "cobalt")
    QTest.keyClick(pane.search_edit, "\r")  # at once, before the debounce or the result
    assert pane.searching
    qtbot.waitUntil(lambda: not pane.searching, timeout=5000)
    first = pane.results_model.index(0, 0).data(ARTICLE_ID_ROLE)
    assert window.reader.article_id == first


def test_a_search_refused_while_the_library_is_being_restored_says_so(window, qtbot):
    pane = window.library_pane
    release = threading.Event()
    hold = Task(lambda t: release.wait(10), "Restoring", writes_library=True)
    window.tasks.run_alone(hold, "The library is being restored.")
    try:
        pane.search_edit.setText("cobalt")
        pane.run_search()
        qtbot.waitUntil(lambda: not pane.searching, timeout=5000)
        assert pane.results_label.text() == "Could not search: The library is being restored."
        assert pane.results_model.rowCount() == 0
    finally:
        release.set()
    qtbot.waitUntil(lambda: hold.done, timeout=5000)
    search_library(window, qtbot, "cobalt")
    assert pane.results_model.rowCount() >= 2


def test_clearing_drops_the_search_on_its_way(window, qtbot):
    pane = window.library_pane
    pane.search_edit.setText("cobalt")
    pane.run_search()
    pane.clear_search()
    assert not pane.searching
    qtbot.wait(300)
    QApplication.processEvents()
    assert pane.results_model.rowCount() == 0
    assert pane.stack.currentIndex() == 0
