"""The models of managing the library (tags with counts, the Trash) and articles with no
date: none shown in the list or the reader's header, never the import date, and last by
date whichever way the list is sorted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.samples import TAG_COUNTS, count_tagged
from helpers.ui_fixtures import column_titles
from reader.library.draft import Draft
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.common.text import date_or_none, fill
from reader.ui.common.theme import THEMES
from reader.ui.library.models import TAG_ROLE, ArticleTableModel, TagCountsModel, TrashModel
from reader.ui.reader.article_html import article_html

UNDATED = Draft(title="A dateline only", text="GOMA, 14 mars 2025 — Le ferry a repris.")


def test_an_undated_article_shows_no_date_and_sorts_last(sampled, qtmodeltester):
    undated = sampled.add_article(UNDATED)
    model = ArticleTableModel(sampled)
    qtmodeltester.check(model)
    assert model.article_id(model.rowCount() - 1) == undated  # newest first: last
    row = model.row_of(undated)
    assert model.index(row, 2).data() == ""  # not the day it was imported
    assert model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == "No date"
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.article_id(model.rowCount() - 1) == undated  # oldest first: last too
    dated = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert dated != "No date"
    assert dated[0].isdigit()


def test_the_reader_header_shows_no_date_for_an_undated_article(sampled):
    article = sampled.get(sampled.add_article(UNDATED))
    page = article_html(article, THEMES["light"])
    header = page.split("<hr", 1)[0]
    assert "added" not in header
    assert article.imported[:4] not in header  # the import's year is not shown as its date
    dated = sampled.get(sampled.most_recent_id())
    assert dated.published[:4] in article_html(dated, THEMES["light"]).split("<hr", 1)[0]


def test_date_or_none_and_fill():
    assert date_or_none("2025-03-14") == "14 March 2025"
    assert date_or_none(None) == "No date"
    assert fill("%2 of %1", 10, 5) == "5 of 10"
    assert fill("\u201c%1\u201d", "%2 literally", "x") == "\u201c%2 literally\u201d"
    assert fill("%3 stays", "a") == "%3 stays"


def test_tag_counts_model(sampled, qtmodeltester):
    model = TagCountsModel(sampled)
    qtmodeltester.check(model)
    assert column_titles(model) == ["Tag", "Articles"]
    rows = range(model.rowCount())
    assert [(model.index(r, 0).data(), model.index(r, 1).data()) for r in rows] == list(
        TAG_COUNTS.items()
    )
    ukraine = list(TAG_COUNTS).index("ukraine")
    assert model.index(ukraine, 1).data(TAG_ROLE) == "ukraine"
    sampled.rename_tag("drc", "congo")
    model.refresh()
    qtmodeltester.check(model)
    assert model.row_of("congo") == 0
    assert model.count_of("congo") == count_tagged("drc")
    assert model.row_of("drc") is None


def test_trash_model_lists_the_trash_latest_first(sampled, qtmodeltester):
    model = TrashModel(sampled)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    first, second = sampled.all_article_ids()[:2]
    sampled.trash_articles([first])
    sampled.trash_articles([second])
    model.refresh()
    qtmodeltester.check(model)
    assert column_titles(model) == ["Title", "Source", "Date", "Deleted"]
    assert {model.article_id(0), model.article_id(1)} == {first, second}
    assert model.index(0, 0).data() == sampled.get(model.article_id(0)).title
    assert model.index(0, 0).data(ARTICLE_ID_ROLE) == model.article_id(0)
    assert model.index(0, 3).data()  # when it was deleted
    sampled.restore_articles([first, second])
    model.refresh()
    assert model.rowCount() == 0
