"""The library's Qt models: correct under qtmodeltester, lazy, sortable, filterable."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from helpers.samples import SAMPLE_COUNT, TAG_COUNTS, count_tagged
from helpers.ui_fixtures import column_titles
from reader.library.draft import Draft
from reader.library.records import MATCH_START
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.common.text import format_date
from reader.ui.library import models as library_models
from reader.ui.library.models import (
    META_ROLE,
    SNIPPET_ROLE,
    TAG_ROLE,
    ArticleTableModel,
    SearchResultsModel,
    TagListModel,
)


def titles(model: ArticleTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_article_table_model_passes_modeltester(sampled, qtmodeltester):
    model = ArticleTableModel(sampled)
    qtmodeltester.check(model)
    assert model.rowCount() == SAMPLE_COUNT
    assert column_titles(model) == ["Title", "Source", "Date", "Tags"]


def test_article_table_model_shows_summaries_newest_first(sampled):
    model = ArticleTableModel(sampled)
    first = model.index(0, 0)
    article = sampled.get(first.data(ARTICLE_ID_ROLE))
    assert first.data() == article.title
    assert model.index(0, 1).data() == "Fieldreader samples"
    assert model.index(0, 2).data() == format_date(article.published, short=True)
    assert model.index(0, 3).data() == ", ".join(article.tags)
    assert set(article.tags) <= set(TAG_COUNTS)
    dates = [sampled.get(model.article_id(r)).published for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)


def test_article_table_model_fetches_pages_lazily(sampled, monkeypatch):
    monkeypatch.setattr(library_models, "PAGE_SIZE", 3)
    calls = []
    original = sampled.summaries
    monkeypatch.setattr(sampled, "summaries", lambda ids: calls.append(list(ids)) or original(ids))
    model = ArticleTableModel(sampled)
    assert calls == []  # ids only until a row is shown
    model.index(4, 0).data()
    assert len(calls) == 1
    assert len(calls[0]) == 3
    model.index(5, 1).data()
    assert len(calls) == 1  # same page, from the cache
    model.index(9, 0).data()
    assert len(calls) == 2


def test_article_table_model_sorts_and_keeps_selection(sampled, qtmodeltester):
    model = ArticleTableModel(sampled)
    kept = QPersistentModelIndex(model.index(0, 0))
    kept_id = kept.data(ARTICLE_ID_ROLE)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert titles(model) == sorted(titles(model), key=str.casefold)
    assert kept.data(ARTICLE_ID_ROLE) == kept_id
    model.sort(3, Qt.SortOrder.AscendingOrder)  # Tags does not sort: nothing changes
    assert titles(model) == sorted(titles(model), key=str.casefold)
    qtmodeltester.check(model)


def test_article_table_model_filters_by_tag_and_refreshes(sampled):
    model = ArticleTableModel(sampled)
    model.set_tag("drc")
    assert model.rowCount() == sampled.count(tag="drc") == count_tagged("drc")
    assert all("drc" in model.index(r, 3).data() for r in range(model.rowCount()))
    sampled.add_article(Draft(title="New DRC note", text="Some text about Goma."), tags=["drc"])
    model.refresh()
    assert model.rowCount() == count_tagged("drc") + 1


def test_tag_list_model(sampled, qtmodeltester):
    model = TagListModel(sampled)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == f"All articles  ({SAMPLE_COUNT})"
    assert model.index(0, 0).data(TAG_ROLE) is None
    assert model.rowCount() == 1 + len(TAG_COUNTS)
    rows = range(1, model.rowCount())
    shown = {model.index(r, 0).data(TAG_ROLE): model.index(r, 0).data() for r in rows}
    assert shown == {tag: f"{tag}  ({count})" for tag, count in TAG_COUNTS.items()}
    ukraine = 1 + list(TAG_COUNTS).index("ukraine")  # tags by name, after "All articles"
    assert model.row_of("ukraine") == ukraine
    assert model.tag(ukraine) == "ukraine"


def test_tag_list_model_takes_a_known_total_then_counts_again(sampled, qtmodeltester):
    model = TagListModel(sampled, total=SAMPLE_COUNT)  # as the pane gives it: its table's rows
    qtmodeltester.check(model)
    assert model.total == SAMPLE_COUNT
    assert model.index(0, 0).data() == f"All articles  ({SAMPLE_COUNT})"
    sampled.add_article(Draft(title="One more", text="Another text about Goma."))
    model.refresh()  # the library is asked this time
    assert model.total == SAMPLE_COUNT + 1
    assert model.index(0, 0).data() == f"All articles  ({SAMPLE_COUNT + 1})"


def test_the_table_answers_its_roles_as_ints_or_enums(sampled):
    model = ArticleTableModel(sampled)
    index = model.index(0, 0)
    assert index.data(int(Qt.ItemDataRole.DisplayRole)) == index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(ARTICLE_ID_ROLE) == model.article_id(0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_search_results_model(sampled, qtmodeltester):
    model = SearchResultsModel(sampled)
    qtmodeltester.check(model)
    model.set_query("cobalt")
    qtmodeltester.check(model)
    assert model.rowCount() >= 2
    top = model.index(0, 0)
    assert "cobalt" in top.data().lower() or "cobalt" in top.data(SNIPPET_ROLE).lower()
    assert MATCH_START in top.data(SNIPPET_ROLE)
    assert top.data(META_ROLE).startswith("Fieldreader samples · ")
    assert sampled.get(top.data(ARTICLE_ID_ROLE)) is not None
    model.set_query("cobalt", tag="ukraine")
    assert all(
        "ukraine" in sampled.get(model.index(r, 0).data(ARTICLE_ID_ROLE)).tags
        for r in range(model.rowCount())
    )
    model.set_query("")
    assert model.rowCount() == 0


def test_search_results_model_survives_odd_queries(sampled, qtmodeltester):
    model = SearchResultsModel(sampled)
    for query in ('"unbalanced', "AND OR", "*", "title:", "ü"):
        model.set_query(query)
        qtmodeltester.check(model)
