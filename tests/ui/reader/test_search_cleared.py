"""Emptying the search box takes away the highlights of the words the search matched: the
library pane says the box was emptied, the reader drops those highlights and keeps the
article where it was."""

from __future__ import annotations

import pytest

from reader.app import build_context
from reader.library.draft import Draft
from reader.ui.common.preferences import Preferences
from reader.ui.library.pane import LibraryPane
from reader.ui.reader.pane import ReaderPane
from reader.ui.tasks.runner import TaskRunner

TEXT = "Les négociations ont repris à Goma. " * 40


@pytest.fixture
def reader(library, settings, qtbot):
    pane = ReaderPane(library, Preferences(settings))
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _highlighted(pane: ReaderPane) -> int:
    return len(pane.browser.extraSelections())


def test_the_reader_drops_the_search_highlights_and_keeps_the_article(reader, library):
    aid = library.add_article(Draft(title="Reprise", text=TEXT, language="fr"))
    assert reader.show_search_result(aid, "negociation")
    assert _highlighted(reader) == 40
    reader.clear_search_highlights()
    assert _highlighted(reader) == 0
    assert reader.highlights.search_spans == []
    assert reader.article_id == aid


def test_the_library_pane_says_when_its_search_box_is_emptied(
    sampled, library_path, settings, qtbot
):
    tasks = TaskRunner()
    ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    try:
        pane.search_edit.setText("goma")
        with qtbot.waitSignal(pane.search_cleared, timeout=1000):
            pane.search_edit.setText("")
        pane.search_edit.setText("goma")
        with qtbot.waitSignal(pane.search_cleared, timeout=1000):
            pane.clear_search()  # Esc
    finally:
        tasks.shutdown()
