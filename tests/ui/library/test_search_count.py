"""While a search is shown the status bar says how many of the searched articles match
("3 of 14 articles match “minerai”", French with « »), and the count again once the
search is cleared; trashed articles are not counted, a tag filter counts its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from helpers.ui_fixtures import search_library
from reader.library import Library
from reader.ui.library import search as library_search
from reader.ui.library.search import SearchFound, find_hits

NBSP = "\u00a0"


def matching_articles(library: Library, query: str, tag: str | None = None) -> set[int]:
    return {h.id for h in library.search(query, limit=10_000, tag=tag, kinds=("article",))}


def test_a_search_counts_the_articles_it_matched(sampled: Library) -> None:
    found = find_hits(sampled, "cobalt")
    expected = matching_articles(sampled, "cobalt")
    assert 1 < len(expected) < sampled.count()
    assert (found.matched, found.total, found.capped) == (len(expected), sampled.count(), False)
    [tag, *_] = [t for t, n in sampled.tag_counts() if n]
    within = find_hits(sampled, "cobalt", tag)
    assert within.total == sampled.count(tag=tag)
    assert within.matched == len(matching_articles(sampled, "cobalt", tag))
    sampled.trash_articles([min(expected)])
    after = find_hits(sampled, "cobalt")
    assert (after.matched, after.total) == (found.matched - 1, found.total - 1)


def test_a_cut_list_says_at_least(sampled: Library, monkeypatch) -> None:
    monkeypatch.setattr(library_search, "LIMIT", 2)
    found = find_hits(sampled, "cobalt")
    assert found.capped
    assert (
        found.count_line() == f"At least 2 of {sampled.count()} articles match \u201ccobalt\u201d"
    )


@pytest.mark.parametrize(
    ("matched", "total", "line"),
    [
        (3, 14, "3 of 14 articles match \u201cminerai\u201d"),
        (1, 14, "1 of 14 articles matches \u201cminerai\u201d"),
        (0, 14, "None of the 14 articles match \u201cminerai\u201d"),
        (14, 14, "All 14 articles match \u201cminerai\u201d"),
        (1, 1, "The only article matches \u201cminerai\u201d"),
        (0, 1, "No article matches \u201cminerai\u201d"),
        (0, 0, "No article matches \u201cminerai\u201d"),
    ],
)
def test_the_count_line(matched: int, total: int, line: str) -> None:
    assert SearchFound("minerai", total=total, matched=matched).count_line() == line


def test_the_count_line_in_french(french: QApplication) -> None:
    found = SearchFound("minerai", total=1400, matched=3)
    assert found.count_line() == (
        f"3 articles sur {QLocale().toString(1400)} correspondent à «{NBSP}minerai{NBSP}»"
    )
    one = SearchFound("minerai", total=14, matched=1)
    assert one.count_line() == f"1 article sur 14 correspond à «{NBSP}minerai{NBSP}»"


def test_the_status_bar_counts_matches_during_a_search(window, qtbot) -> None:
    pane, label = window.library_pane, window.count_label
    before = label.text()
    assert before == pane.count_text
    search_library(window, qtbot, "cobalt")
    found = pane.results_model.found
    assert label.text() == found.count_line()
    assert label.text() == (
        f"{found.matched} of {window.library.count()} articles match \u201ccobalt\u201d"
    )
    search_library(window, qtbot, "zzyzxq")  # nothing at all
    assert label.text() == f"None of the {window.library.count()} articles match \u201czzyzxq\u201d"
    pane.clear_search()
    assert label.text() == before
