"""The words left in English in a French window (issue 14): the Read Later and Feeds
dialogs, the URL dialog, the sources' tables and messages, the empty reader and its find
bar, the language list of Edit Article, a search's suggestion and a note's quotation marks
are all said in French once French is installed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.library import sources as store
from reader.library.draft import Draft
from reader.ui.common.preferences import Preferences
from reader.ui.library.edit_dialog import ArticleEditDialog, language_name
from reader.ui.library.search import SearchFound
from reader.ui.notes.style import quoted
from reader.ui.reader.find_bar import FindBar
from reader.ui.reader.pane import ReaderPane
from reader.ui.sources.dialogs import FeedsDialog, ReadLaterDialog
from reader.ui.sources.models import FeedsModel, QueueModel
from reader.ui.sources.tasks import FeedsRefreshed, QueueFetched
from reader.ui.sources.url_dialog import ADD_FEED, URL_IMPORT, UrlDialog

NBSP = "\u00a0"


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_sources_dialogs_and_tables_speak_french(french, library, qtbot):
    store.queue_url(library, "https://example.org/a", ["drc"])
    store.add_feed(library, "https://example.org/feed.xml")
    queue, feeds = QueueModel(library), FeedsModel(library)
    later, subscriptions = ReadLaterDialog(queue), FeedsDialog(feeds)
    for dialog in (later, subscriptions):
        qtbot.addWidget(dialog)
    assert later.windowTitle() == "À lire plus tard"
    assert later.intro_label.text().startswith("Les adresses importées hors ligne")
    assert later.empty_label.text().startswith("Rien n’attend.")
    assert subscriptions.windowTitle() == "Flux"
    assert subscriptions.empty_label.text().startswith("Pas encore d’abonnement.")
    assert headers(queue) == ["URL", "Ajoutée", "Tentatives", "Dernière erreur"]
    assert headers(feeds)[0] == "Titre"
    assert queue.index(0, 3).data() == "pas encore essayée"
    assert queue.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith(f"Étiquettes{NBSP}: drc")
    assert feeds.index(0, 0).data() == "Pas encore récupéré"
    assert feeds.index(0, 2).data() == "jamais"
    assert QueueFetched(()).describe() == "Rien n’attend."
    assert FeedsRefreshed((), cancelled=True).describe() == "Aucun flux n’a été actualisé (annulé)."
    assert QueueModel.COLUMNS[0] == "URL"  # the English words stay the model's keys
    assert FeedsModel.COLUMNS.index("New") == 3


@pytest.mark.parametrize(
    ("words", "title", "accept"),
    [
        (URL_IMPORT, "Importer depuis une URL", "Importer"),
        (ADD_FEED, "Ajouter un flux", "S’abonner"),
    ],
)
def test_the_url_dialog_speaks_french(french, qtbot, words, title, accept):
    dialog = UrlDialog(words)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert dialog.accept_button.text() == accept
    assert dialog.note_label.text() != words.note


def test_the_empty_reader_and_its_find_bar_speak_french(french, library, settings, qtbot):
    pane = ReaderPane(library, Preferences(settings))
    qtbot.addWidget(pane)
    pane.clear()
    assert "Aucun article ouvert" in pane.browser.toPlainText()
    bar = FindBar(pane.browser)
    qtbot.addWidget(bar)
    tips = [bar.prev_button.toolTip(), bar.next_button.toolTip(), bar.close_button.toolTip()]
    assert all(tip and "match" not in tip and "Close" not in tip for tip in tips), tips


def test_edit_article_names_the_languages_in_french(french, library, qtbot):
    aid = library.add_article(Draft(title="Reprise", text="Un texte.", language="fr"))
    dialog = ArticleEditDialog(library.get(aid), [], lambda _edit: None)
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert "anglais (en)" in shown
    assert "français (fr)" in shown
    assert not any(text.startswith("English") for text in shown)
    assert dialog.language() == "fr"


def test_language_names_in_english():
    assert language_name("en") == "English"
    assert language_name("uk") == "Ukrainian"
    assert language_name("zz") == ""


def test_a_suggestion_and_a_quoted_passage_take_french_quotation_marks(french):
    found = SearchFound("securite", suggestions=("sécurité",))
    assert f"«{NBSP}sécurité{NBSP}»" in found.note()
    assert quoted("un passage") == f"«{NBSP}un passage{NBSP}»"


def test_in_english_the_quotation_marks_are_curly():
    assert quoted("a passage") == "\u201ca passage\u201d"
    assert (
        SearchFound("x", suggestions=("y", "z")).note()
        == "Did you mean \u201cy\u201d, \u201cz\u201d?"
    )
