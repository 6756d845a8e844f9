"""File › Import from URL, Read Later and Feeds: models, dialogs, tasks, nothing fetched unasked.

Every fetch goes to a loopback server on 127.0.0.1 (see ``http_helpers``); "offline" is a
loopback port nobody listens on.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from helpers.http import LoopbackServer, Reply, free_port
from helpers.samples import SAMPLE_COUNT
from helpers.ui_fixtures import column_titles, wait_idle
from reader.library import sources
from reader.ui.common.text import format_moment
from reader.ui.sources.dialogs import ReadLaterDialog
from reader.ui.sources.models import SOURCE_ID_ROLE, FeedsModel, QueueModel
from reader.ui.sources.url_dialog import (
    add_feed_dialog,
    normalise_url,
    parse_tags,
    url_import_dialog,
)
from reader.ui.tasks.bus import Area
from reader.ui.tasks.operations import QUEUED_MESSAGE, ImportSummary
from reader.ui.tasks.summary_dialog import show_import_summary, summary_text

PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    "<title>Markets reopen in Goma | Kivu Morning</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Markets reopen in Goma</h1>"
    "<p>The markets of Goma reopened on Monday after three weeks of closure, traders told "
    "our reporters on the spot.</p>"
    "<p>Prices of maize and cassava remain high, but lorries from Rutshuru are running "
    "again on the national road.</p>"
    "<p>Provincial authorities promise that schools will reopen next week if the security "
    "situation allows it.</p></article></body></html>"
)
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
 <title>Kivu Wire</title><link>https://kivu.example/</link>
 <item><title>Goma traders return</title><link>https://kivu.example/1</link>
  <guid>kivu-1</guid><description>Traders in Goma returned to the central market.</description>
 </item>
 <item><title>Bukavu prices rise</title><link>https://kivu.example/2</link>
  <guid>kivu-2</guid><description>Traders in Bukavu raised the price of maize.</description>
 </item>
</channel></rss>"""


def html(body: str) -> Reply:
    return Reply(body.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


def feed(body: bytes = RSS) -> Reply:
    return Reply(body, headers={"Content-Type": "application/rss+xml"})


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch) -> None:
    """Loopback requests go straight to the loopback server, whatever the environment says."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ALL_PROXY", raising=False)


class Answers:
    """Stands in for :class:`~reader.ui.sources.dialogs.SourceDialogs`: answers at once."""

    def __init__(self) -> None:
        self.url: tuple[str, list[str]] | None = None
        self.feed: tuple[str, list[str]] | None = None
        self.confirm_answer = True
        self.confirmed: list[str] = []
        self.informed: list[tuple[str, str, str, bool]] = []

    def ask_url(self, parent):
        return self.url

    def ask_feed(self, parent):
        return self.feed

    def confirm(self, parent, title, text, accept):
        self.confirmed.append(text)
        return self.confirm_answer

    def inform(self, parent, title, text, *, details="", warning=False):
        self.informed.append((title, text, details, warning))


@pytest.fixture
def answers(window) -> Answers:
    stand_in = Answers()
    window.sources.dialogs = stand_in
    return stand_in


# -- models and small helpers -----------------------------------------------------------------
def test_queue_model(library, qapp, qtmodeltester):
    first = sources.queue_url(library, "https://a.example/one", ["drc"], error="refused")
    sources.queue_url(library, "https://b.example/two")
    model = QueueModel(library)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert column_titles(model) == ["URL", "Added", "Attempts", "Last error"]
    assert model.index(0, 0).data() == "https://a.example/one"
    assert model.index(0, 1).data() == format_moment(first.added)
    assert model.index(0, 2).data() == 1
    assert model.index(0, 3).data() == "refused"
    assert model.index(1, 3).data() == "not tried yet"
    assert "drc" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(SOURCE_ID_ROLE) == first.id
    sources.dequeue(library, first.id)
    model.reload()
    qtmodeltester.check(model)
    assert model.ids() == [model.id_at(0)]
    assert model.rowCount() == 1


def test_feeds_model(library, qapp, qtmodeltester):
    kivu, _ = sources.add_feed(library, "https://kivu.example/rss", ["drc"])
    other, _ = sources.add_feed(library, "https://other.example/atom")
    sources.record_fetch(library, kivu.id, title="Kivu Wire")
    sources.record_fetch(library, other.id, error="offline: refused")
    model = FeedsModel(library)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.columnCount() == 5
    assert model.index(0, 0).data() == "Kivu Wire"
    assert model.index(0, 2).data() != "never"
    assert model.index(0, 3).data() == ""
    assert model.index(1, 4).data() == "offline: refused"
    assert model.index(1, 4).data(Qt.ItemDataRole.DecorationRole) is not None
    model.set_new_counts({kivu.id: 3})
    assert model.index(0, 3).data() == 3
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    model.reload()  # the counts of this session survive a reload
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == 3
    assert model.row_of(other.id) == 1


def test_url_and_tag_helpers(qtbot):
    assert normalise_url(" https://example.org/a ") == "https://example.org/a"
    assert normalise_url("example.org/news/1") == "https://example.org/news/1"
    assert normalise_url("not a url") is None
    assert normalise_url("ftp://x.org/") is None
    assert parse_tags(" drc, minerals,,drc ") == ["drc", "minerals"]
    dialog = url_import_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.accept_button.isEnabled()
    qtbot.keyClicks(dialog.url_edit, "kivu.example/page")
    qtbot.keyClicks(dialog.tags_edit, "drc, goma")
    assert dialog.accept_button.isEnabled()
    assert dialog.answer() == ("https://kivu.example/page", ["drc", "goma"])
    feed_dialog = add_feed_dialog()
    qtbot.addWidget(feed_dialog)
    assert feed_dialog.accept_button.text() == "Subscribe"
    assert "Nothing is fetched" in feed_dialog.note_label.text()


def test_a_url_with_credentials_is_refused_with_the_reason(window, answers, qtbot):
    dialog = url_import_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem_label.isHidden()
    qtbot.keyClicks(dialog.url_edit, "https://reader:s3cret@kivu.example/page")
    assert not dialog.accept_button.isEnabled()
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text().startswith("A URL with a user name or password")
    assert "s3cret" not in dialog.problem_label.text()
    assert dialog.answer() is None
    dialog.url_edit.setText("kivu.example/page")  # without them it is fine again
    assert dialog.accept_button.isEnabled()
    assert dialog.problem_label.isHidden()
    # a feed with credentials, however it was asked for, is never stored
    answers.feed = ("https://reader:s3cret@kivu.example/feed", [])
    window.sources.add_feed()
    wait_idle(window, qtbot)
    assert sources.feeds(window.library) == []
    title, text, _details, warning = answers.informed[-1]
    assert warning
    assert "user name or password" in text
    assert "s3cret" not in text


def test_summary_of_an_offline_url_says_read_later(window):
    from reader.services.importing import ImportResult

    queued = ImportResult("https://kivu.example/a", "queued", error="the connection was refused")
    summary = ImportSummary((queued,))
    assert summary.headline() == QUEUED_MESSAGE
    assert "Saved to Read Later: it will be fetched when you are online" == QUEUED_MESSAGE
    assert "https://kivu.example/a" in summary_text(summary)
    added = ImportResult("/x/a.txt", "added", id=1, title="A")
    mixed = ImportSummary((added, queued))
    assert mixed.headline() == "Added 1 article · 1 saved to Read Later"
    assert "queued     https://kivu.example/a" in mixed.details()
    box = show_import_summary(window, summary)
    assert box.text() == QUEUED_MESSAGE
    assert "Read Later" in box.informativeText()
    box.close()


# -- import from URL --------------------------------------------------------------------------
def test_import_from_url(window, answers, summaries, qtbot):
    assert window.sources.import_url_action in window.menuBar().actions()[0].menu().actions()
    with LoopbackServer({"/goma": html(PAGE)}) as server:
        answers.url = (server.url("/goma"), ["web"])
        window.sources.import_url_action.trigger()
        qtbot.waitUntil(lambda: len(summaries) == 1, timeout=30_000)
        assert server.paths() == ["/goma"]
    [summary] = summaries
    [added] = summary.added
    assert added.title == "Markets reopen in Goma"
    assert window.library.get(added.id).tags == ("web",)
    rows = window.library_pane.table_model.rowCount
    qtbot.waitUntil(lambda: rows() == SAMPLE_COUNT + 1, timeout=5000)
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"


def test_import_from_url_offline_goes_to_read_later(window, answers, summaries, qtbot):
    url = f"http://127.0.0.1:{free_port()}/later"
    answers.url = (url, ["later"])
    task = window.sources.import_url()
    assert task is not None
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=30_000)
    assert summaries[0].headline() == QUEUED_MESSAGE
    [waiting] = sources.queue(window.library)
    assert waiting.url == url
    assert waiting.tags == ("later",)
    qtbot.waitUntil(lambda: window.sources.queue_model.rowCount() == 1, timeout=5000)
    assert window.count_label.text() == f"{SAMPLE_COUNT} articles"


def test_cancelled_url_dialog_does_nothing(window, answers):
    answers.url = None
    assert window.sources.import_url() is None
    assert not window.tasks.active


# -- read later -------------------------------------------------------------------------------
def test_read_later_fetch_selected_then_all(window, answers, qtbot):
    port = free_port()
    first = f"http://127.0.0.1:{port}/first"
    second = f"http://127.0.0.1:{port}/second"
    sources.queue_url(window.library, first, ["drc"], error="refused")
    sources.queue_url(window.library, second)
    with LoopbackServer({"/first": html(PAGE)}, port=port) as server:
        dialog = window.sources.show_read_later()
        qtbot.addWidget(dialog)
        assert isinstance(dialog, ReadLaterDialog)
        assert dialog.isVisible()
        assert dialog.table.model().rowCount() == 2
        assert server.paths() == []  # opening the window fetches nothing
        assert dialog.fetch_all_button.isEnabled()
        assert not dialog.fetch_selected_button.isEnabled()  # nothing selected yet
        dialog.table.selectRow(0)
        assert dialog.fetch_selected_button.isEnabled()
        assert dialog.remove_button.isEnabled()
        qtbot.mouseClick(dialog.fetch_selected_button, Qt.MouseButton.LeftButton)
        assert not dialog.fetch_all_button.isEnabled()  # busy while it runs
        wait_idle(window, qtbot)
        assert server.paths() == ["/first"]
    assert dialog.model.rowCount() == 1
    assert dialog.model.rows[0].url == second
    assert dialog.message_label.text() == "Fetched 1 article"
    title, text, details, warning = answers.informed[-1]
    assert title == "Read Later"
    assert text == "Fetched 1 article"
    assert not warning
    assert "Markets reopen in Goma" in details
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"  # the list refreshed
    # the second URL's server is gone: it stays, counted, with its reason
    qtbot.mouseClick(dialog.fetch_all_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert "1 still waiting for a connection" in dialog.message_label.text()
    assert dialog.model.rows[0].attempts == 1
    assert dialog.model.rows[0].last_error
    assert dialog.fetch_all_button.isEnabled()


def test_read_later_fetch_can_be_cancelled(window, answers, qtbot):
    slow = Reply(PAGE.encode(), headers={"Content-Type": "text/html"}, delay=0.4)
    with LoopbackServer({f"/p{i}": slow for i in range(4)}) as server:
        for i in range(4):
            sources.queue_url(window.library, server.url(f"/p{i}"))
        dialog = window.sources.show_read_later()
        qtbot.addWidget(dialog)
        dialog.fetch_all_button.click()
        qtbot.waitUntil(lambda: dialog.progress.isVisible(), timeout=5000)
        qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
        wait_idle(window, qtbot)
    assert "(cancelled)" in dialog.message_label.text()
    assert len(server.paths()) < 4
    assert dialog.model.rowCount() >= 1


def test_read_later_remove_asks_first(window, answers, qtbot):
    sources.queue_url(window.library, "https://a.example/1")
    sources.queue_url(window.library, "https://b.example/2")
    dialog = window.sources.show_read_later()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    answers.confirm_answer = False
    dialog.remove_button.click()
    assert answers.confirmed
    assert not window.tasks.active
    assert dialog.model.rowCount() == 2
    answers.confirm_answer = True
    dialog.remove_button.click()
    wait_idle(window, qtbot)
    assert [q.url for q in dialog.model.rows] == ["https://a.example/1"]
    assert [q.url for q in sources.queue(window.library)] == ["https://a.example/1"]


def test_read_later_empty_state(window, answers, qtbot):
    dialog = window.sources.show_read_later()
    qtbot.addWidget(dialog)
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert not dialog.fetch_all_button.isEnabled()
    sources.queue_url(window.library, "https://a.example/1")
    window.ctx.bus.publish(Area.SOURCES)  # the change bus reloads the queue
    assert dialog.stack.currentWidget() is dialog.table
    assert dialog.fetch_all_button.isEnabled()


# -- feeds ------------------------------------------------------------------------------------
def test_feeds_add_refresh_and_unsubscribe(window, answers, qtbot):
    with LoopbackServer({"/feed": feed()}) as server:
        dialog = window.sources.show_feeds()
        qtbot.addWidget(dialog)
        assert dialog.stack.currentWidget() is dialog.empty_label
        answers.feed = (server.url("/feed"), ["kivu"])
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        wait_idle(window, qtbot)
        assert dialog.model.rowCount() == 1
        assert dialog.model.index(0, 0).data() == "Not fetched yet"
        assert "Nothing is fetched until you click Refresh" in dialog.message_label.text()
        assert dialog.selected_ids() == [dialog.model.id_at(0)]
        assert server.paths() == []  # subscribing fetched nothing
        qtbot.mouseClick(dialog.refresh_all_button, Qt.MouseButton.LeftButton)
        wait_idle(window, qtbot)
        assert server.paths() == ["/feed"]
        assert dialog.message_label.text() == "2 new articles from 1 feed"
        title, text, details, warning = answers.informed[-1]
        assert title == "Feeds refreshed"
        assert "Goma traders return" in details
        assert not warning
        assert dialog.model.index(0, 0).data() == "Kivu Wire"
        assert dialog.model.index(0, 3).data() == 2
        assert window.count_label.text() == f"{SAMPLE_COUNT + 2} articles"
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.refresh_selected_button, Qt.MouseButton.LeftButton)
        wait_idle(window, qtbot)
        assert dialog.message_label.text() == "No new articles in 1 feed"
        assert dialog.model.index(0, 3).data() == 0
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert "articles already imported stay" in answers.confirmed[-1]
    assert dialog.model.rowCount() == 0
    assert sources.feeds(window.library) == []
    assert window.library.count() == SAMPLE_COUNT + 2


def test_feed_refresh_offline_keeps_the_reason(window, answers, qtbot):
    sources.add_feed(window.library, f"http://127.0.0.1:{free_port()}/feed")
    dialog = window.sources.show_feeds()
    qtbot.addWidget(dialog)
    dialog.refresh_all_button.click()
    wait_idle(window, qtbot)
    assert dialog.message_label.text() == "No new articles in 1 feed · 1 feed could not be reached"
    assert answers.informed[-1][3] is True  # a warning
    assert dialog.model.index(0, 4).data().startswith("offline:")
    assert window.count_label.text() == f"{SAMPLE_COUNT} articles"


def test_menus_list_the_sources(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    for text in ("Import from &URL\u2026", "&Read Later\u2026", "F&eeds\u2026"):
        assert text in texts


def test_real_source_dialogs(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.sources.dialogs import SourceDialogs

    dialogs = SourceDialogs()
    box = dialogs.inform(window, "Feeds refreshed", "2 new articles", details="a\nb")
    assert box.text() == "2 new articles"
    assert box.detailedText() == "a\nb"
    box.close()
    asked: list[list[str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda b: asked.append([x.text() for x in b.buttons()])
    )
    assert not dialogs.confirm(window, "Unsubscribe", "Unsubscribe from this feed?", "Unsubscribe")
    assert "Unsubscribe" in asked[0]
