"""A suggested spelling is a link under the results line: clicking it searches for it, and
the link goes away with a search that found something or when the box is emptied."""

from __future__ import annotations

from helpers.ui_fixtures import search_library
from reader.ui.library.search import SearchFound


def test_a_suggestion_is_a_link_that_runs_its_search(window, qtbot):
    pane = window.library_pane
    search_library(window, qtbot, "Tshisekdi")
    assert pane.results_model.rowCount() == 0
    assert pane.suggestion_label.isVisibleTo(pane)
    assert 'href="tshisekedi"' in pane.suggestion_label.text()
    pane.suggestion_label.linkActivated.emit("tshisekedi")
    qtbot.waitUntil(lambda: not pane.searching, timeout=10_000)
    assert pane.search_edit.text() == "tshisekedi"
    assert pane.results_model.rowCount() > 0
    assert not pane.suggestion_label.isVisibleTo(pane)
    search_library(window, qtbot, "Tshisekdi")
    assert pane.suggestion_label.isVisibleTo(pane)
    pane.clear_search()
    assert not pane.suggestion_label.isVisibleTo(pane)


def test_the_links_are_escaped_and_absent_without_suggestions():
    found = SearchFound("x", suggestions=('a"<b>',))
    links = found.suggestion_links()
    assert links.startswith("Search for <a href=")
    assert "<b>" not in links
    assert SearchFound("x").suggestion_links() == ""
