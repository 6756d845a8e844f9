"""The window's search says "did you mean" for a query that found nothing (issue 15), with
spellings from the library's own words, and finds French words from their plain forms."""

from __future__ import annotations

from helpers.ui_fixtures import search_library
from reader.library.draft import Draft
from reader.ui.library.search import SearchFound, find_hits


def test_a_misspelling_finds_nothing_and_the_results_say_what_it_may_mean(window, qtbot):
    pane = window.library_pane
    search_library(window, qtbot, "Tshisekdi")
    assert pane.results_model.rowCount() == 0
    first, note = pane.results_label.text().split("\n")
    assert first == "Nothing matches \u201cTshisekdi\u201d"
    assert note.startswith("Did you mean \u201ctshisekedi\u201d")
    search_library(window, qtbot, "Tshisekedi")
    assert pane.results_model.rowCount() > 0
    assert "Did you mean" not in pane.results_label.text()


def test_found_hits_carry_the_suggestions_only_when_nothing_matched(library):
    library.add_article(Draft(title="Sécurité", text="La sécurité des minerais.", language="fr"))
    found = find_hits(library, "securte")
    assert found.hits == ()
    assert found.suggestions == ("sécurité",)
    assert found.note() == "Did you mean \u201csécurité\u201d?"
    found = find_hits(library, "minerai")
    assert len(found.hits) == 1
    assert found.suggestions == ()
    assert SearchFound("x", suggestions=("y",), hits=found.hits).note() == ""
