"""An article opened from a search shows the words the search matched (issue 15): every
match highlighted (stemmed and accent-folded as the search matched it), the view scrolled
to the first, and the highlights gone when another article opens."""

from __future__ import annotations

import pytest

from reader.library.draft import Draft
from reader.ui.common.preferences import Preferences
from reader.ui.reader.pane import ReaderPane

FILLER = "Le convoi a roulé toute la journée sur la route de Bukavu sans incident. " * 60
TEXT = FILLER + "\n\nLes Négociations ont repris; la négociation porte sur les minerais."


@pytest.fixture
def pane(library, settings, qtbot):
    pane = ReaderPane(library, Preferences(settings))
    qtbot.addWidget(pane)
    pane.resize(700, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _highlighted(pane: ReaderPane) -> list[str]:
    return [s.cursor.selectedText() for s in pane.browser.extraSelections()]


def test_a_search_result_opens_with_its_words_marked_and_in_view(pane, library, qtbot):
    aid = library.add_article(Draft(title="Reprise", text=TEXT, language="fr"))
    other = library.add_article(Draft(title="Autre", text="Rien à voir."))
    assert pane.show_search_result(aid, "negociation")
    assert _highlighted(pane) == ["Négociations", "négociation"]
    bar = pane.browser.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.waitUntil(lambda: bar.value() > bar.maximum() // 2, timeout=2000)
    first = pane.highlights.search_spans[0]
    assert TEXT[first[0] : first[1]] == "Négociations"
    pane.set_font_size(pane.font_size + 2)  # a new rendering keeps them
    assert _highlighted(pane) == ["Négociations", "négociation"]
    assert pane.show_article(other)
    assert _highlighted(pane) == []


def test_excluded_words_and_a_query_with_no_match_mark_nothing(pane, library):
    aid = library.add_article(Draft(title="Reprise", text=TEXT, language="fr"))
    assert pane.show_search_result(aid, "minerai -negociation")
    assert _highlighted(pane) == ["minerais"]
    assert pane.highlight_query("cobalt") == 0
    assert _highlighted(pane) == []
    assert not pane.show_search_result(999, "minerai")
