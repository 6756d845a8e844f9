"""Highlights and notes in the GUI: models, the reader's notes layer, the editor's autosave,
trash and history, notes in search, the sanitised preview, and the exports as tasks."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from helpers.samples import SAMPLE_COUNT
from helpers.ui_fixtures import search_library
from reader.app import build_context, run_gui
from reader.library import Library
from reader.ui.common.roles import NOTE_ID_ROLE
from reader.ui.library.models import META_ROLE, SearchResultsModel
from reader.ui.notes.delegate import row_html
from reader.ui.notes.editor import AUTOSAVE_DELAY_MS
from reader.ui.notes.markdown_view import MarkdownView, render_markdown
from reader.ui.notes.models import ANCHOR_ROLE, NotesListModel, RevisionsModel
from reader.ui.tasks.bus import Area
from reader.ui.tasks.runner import TaskRunner
from reader.ui.transfer.controller import TransferController

TASK_MS = 15_000


class Dialogs:
    """Stands in for the file dialogs and messages of the exports."""

    def __init__(
        self, folder: str = "", save: str = "", open_: str = "", include_private: bool = False
    ) -> None:
        self.folder, self.save, self.open_ = folder, save, open_
        self.include_private = include_private
        self.private_counts: list[int] = []
        self.messages: list[tuple[str, str, bool]] = []

    def export_folder(self, parent: QWidget, private_count: int = 0) -> tuple[str, bool]:
        self.private_counts.append(private_count)
        return self.folder, self.include_private

    def export_file(self, parent: QWidget, private_count: int = 0) -> tuple[str, bool]:
        self.private_counts.append(private_count)
        return self.save, self.include_private

    def import_file(self, parent: QWidget) -> str:
        return self.open_

    def inform(self, parent: QWidget, title: str, text: str, *, warning: bool = False) -> None:
        self.messages.append((title, text, warning))


def a_passage(library: Library, article_id: int, skip: int = 0) -> tuple[int, int]:
    """Offsets of the first few words of a paragraph of the article."""
    article = library.get(article_id)
    paragraphs = [b for b in article.blocks if b.kind == "p" and b.end - b.start > 80]
    block = paragraphs[skip]
    end = article.text.index(" ", block.start + 30)
    return block.start, end


def select(window, start: int, end: int) -> tuple[int, int]:
    """Select text offsets ``start..end`` in the reader; return the document range."""
    reader = window.reader
    mapped = reader.highlights.text_map.range_to_document(start, end)
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(mapped[0])
    cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cursor)
    return mapped


def drawn(window) -> list[tuple[int, int]]:
    layer = window.reader.browser._layers.get("notes", [])
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in layer]


@pytest.fixture
def notes(sampled):
    """A highlight, a note on a passage, a free-standing note and one in the trash."""
    first, second = sampled.all_article_ids()[:2]
    start, end = a_passage(sampled, first)
    highlight = sampled.add_note(first, "", start=start, end=end, colour="green")
    quote = sampled.get(second).text[slice(*a_passage(sampled, second))]
    passage = sampled.add_note(second, "Check **this** figure", quote=quote)
    free = sampled.add_note(None, "# Ideas\n\nFollow the money")
    trashed = sampled.add_note(first, "old thought")
    sampled.trash_note(trashed)
    return {"highlight": highlight, "passage": passage, "free": free, "trashed": trashed}


# -- models ---------------------------------------------------------------------------------
def test_models_pass_the_model_tester(sampled, notes, qtmodeltester):
    model = NotesListModel(sampled)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    for scope, article_id in (("article", sampled.all_article_ids()[0]), ("trash", None)):
        model.set_scope(scope, article_id)
        qtmodeltester.check(model)
    model.set_scope("all")
    model.set_sort("position")
    model.set_filter("money")
    qtmodeltester.check(model)
    revisions = RevisionsModel(sampled, notes["passage"])
    qtmodeltester.check(revisions)
    results = SearchResultsModel(sampled)
    results.set_query("figure")
    qtmodeltester.check(results)


def test_notes_model_scopes_filters_and_sorts(sampled, notes):
    first = sampled.all_article_ids()[0]
    model = NotesListModel(sampled)
    ids = [model.note_id(r) for r in range(model.rowCount())]
    assert set(ids) == {notes["highlight"], notes["passage"], notes["free"]}
    model.set_scope("article", first)
    assert [model.note_id(0)] == [notes["highlight"]]
    assert model.rowCount() == 1
    model.set_scope("trash")
    assert model.note_id(0) == notes["trashed"]
    assert model.rowCount() == 1
    model.set_scope("all")
    model.set_sort("position")
    assert model.note_id(model.rowCount() - 1) == notes["free"]  # free-standing ones last
    model.set_filter("FOLLOW")
    assert model.rowCount() == 1
    assert model.note_id(0) == notes["free"]
    assert model.data(model.index(0, 0)) == "Ideas"


# -- the reader -----------------------------------------------------------------------------
def test_highlighting_a_selection_stores_offsets_and_draws_them(window, sampled):
    article_id = window.reader.article_id
    start, end = a_passage(sampled, article_id)
    mapped = select(window, start - 1 if start else start, end + 1)  # spaces are trimmed
    assert window.notes.highlight_action.shortcut().toString() == "Ctrl+Shift+H"
    window.notes.highlight_action.trigger()
    (note,) = sampled.notes(article_id=article_id)
    text = sampled.get(article_id).text
    assert (note.start, note.end) == (start, end)
    assert note.quote == text[start:end]
    assert note.body == ""
    expected = window.reader.highlights.text_map.range_to_document(start, end)
    assert drawn(window) == [expected]
    raw = window.reader.browser.document().toRawText()
    assert raw[expected[0] : expected[1]] == note.quote
    assert mapped[0] <= expected[0]
    assert expected[1] <= mapped[1]
    assert window.notes_pane.editor.note_id == note.id


def test_context_menu_offers_colours_and_a_note(window, sampled):
    article_id = window.reader.article_id
    start, end = a_passage(sampled, article_id)
    select(window, start, end)
    menu = window.reader.context_menu(QPoint(5, 5))
    labels = [a.text() for a in menu.actions()]
    assert "Highlight" in labels
    assert "Add Note\u2026" in labels
    colours = next(a.menu() for a in menu.actions() if a.text() == "Highlight")
    assert [a.text() for a in colours.actions()] == ["Yellow", "Green", "Blue", "Pink", "Purple"]
    colours.actions()[2].trigger()
    (note,) = sampled.notes(article_id=article_id)
    assert note.colour == "blue"
    menu.deleteLater()


def test_add_note_then_typing_autosaves_after_the_debounce(window, sampled, qtbot):
    article_id = window.reader.article_id
    select(window, *a_passage(sampled, article_id))
    window.notes.add_note_action.trigger()
    (note,) = sampled.notes(article_id=article_id)
    editor = window.notes_pane.editor
    assert editor.note_id == note.id
    assert window.notes_dock.isVisible()
    assert editor.save_timer.interval() == AUTOSAVE_DELAY_MS <= 1000
    QTest.keyClicks(editor.text_edit, "Ask about *this*")
    assert editor.state_label.text() == "Editing\u2026"
    assert sampled.note(note.id).body == ""  # not yet: the save waits for a pause
    qtbot.waitUntil(lambda: sampled.note(note.id).body == "Ask about *this*", timeout=3000)
    assert editor.state_label.text() == "Saved"
    assert [r.body for r in sampled.note_revisions(note.id)] == ["Ask about *this*", ""]
    assert editor.preview.toPlainText().strip() == "Ask about this"  # rendered Markdown


def test_switching_note_and_closing_save_at_once(window, sampled, notes):
    pane = window.notes_pane
    pane.show_note(notes["free"])
    pane.editor.text_edit.appendPlainText("switch")
    pane.show_note(notes["passage"])
    assert sampled.note(notes["free"]).body.endswith("switch")
    pane.editor.text_edit.appendPlainText("close")
    window.close()
    assert sampled.note(notes["passage"]).body.endswith("close")


def test_clicking_a_highlight_opens_its_note(window, sampled, qtbot):
    article_id = window.reader.article_id
    start, end = a_passage(sampled, article_id, skip=1)
    note_id = sampled.add_note(article_id, "on the passage", start=start, end=end)
    window.notes.redraw()
    window.reader.reveal_passage(start, end, select=False)
    browser = window.reader.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(window.reader.highlights.text_map.to_document(start + 3))
    point = browser.cursorRect(cursor).center()
    window.notes_pane.editor.set_note(None)
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.notes_pane.editor.note_id == note_id


def test_unresolved_anchors_are_listed_with_a_warning_not_drawn(window, sampled):
    article_id = window.reader.article_id
    start, end = a_passage(sampled, article_id)
    note_id = sampled.add_note(article_id, "lost", start=start, end=end)
    sampled.db.execute("UPDATE notes SET anchor_status = 'unresolved' WHERE id = ?", [note_id])
    window.notes.redraw()
    assert drawn(window) == []
    pane = window.notes_pane
    pane.refresh()
    index = pane.model.index(pane.model.row_of(note_id), 0)
    assert index.data(ANCHOR_ROLE) == "unresolved"
    assert "Passage not found" in row_html(index, "#000", "#777")
    pane.show_note(note_id)
    assert "could not be found" in pane.editor.quote_label.text()


def test_trash_restore_and_delete_forever(window, sampled, notes):
    pane = window.notes_pane
    pane.confirm = lambda parent, question: True
    pane.show_note(notes["free"])
    pane.trash_current()
    assert sampled.note(notes["free"]).deleted is not None
    assert pane.model.row_of(notes["free"]) is None
    pane.set_scope("trash")
    assert pane.restore_button.isVisible()
    assert not pane.trash_button.isVisible()
    pane.show_note(notes["free"])
    pane.restore_current()
    assert sampled.note(notes["free"]).deleted is None
    pane.show_note(notes["trashed"])
    assert pane.editor.text_edit.isReadOnly()
    pane.purge_current()
    assert sampled.note(notes["trashed"]) is None


def test_history_restores_an_old_version_as_a_new_revision(window, sampled, notes, qtbot):
    note_id = notes["free"]
    sampled.save_note(note_id, "second version")
    sampled.save_note(note_id, "third version")
    pane = window.notes_pane
    pane.show_note(note_id)
    dialog = pane.show_history()
    assert dialog.model.rowCount() == 3
    assert not dialog.restore_button.isEnabled()  # the current one
    dialog.list.setCurrentIndex(dialog.model.index(1, 0))
    assert "second version" in dialog.preview.toPlainText()
    dialog.restore_button.click()
    assert sampled.note(note_id).body == "second version"
    assert len(sampled.note_revisions(note_id)) == 4
    assert pane.editor.text == "second version"
    dialog.close()


# -- search ---------------------------------------------------------------------------------
def test_notes_in_search_results_open_their_passage(window, sampled, qtbot):
    article_id = sampled.all_article_ids()[3]
    start, end = a_passage(sampled, article_id)
    note_id = sampled.add_note(article_id, "zanzibarish hunch", start=start, end=end)
    library_pane = window.library_pane
    search_library(window, qtbot, "zanzibarish")
    model = library_pane.results_model
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 0).data(NOTE_ID_ROLE)]
    index = model.index(row, 0)
    assert index.data(NOTE_ID_ROLE) == note_id
    assert index.data(META_ROLE).startswith("Note")
    library_pane.on_result_activated(index)
    assert window.reader.article_id == article_id
    cursor = window.reader.browser.textCursor()
    expected = window.reader.highlights.text_map.range_to_document(start, end)
    assert (cursor.selectionStart(), cursor.selectionEnd()) == expected
    assert window.notes_pane.editor.note_id == note_id


def test_a_free_standing_note_from_search_opens_just_the_note(window, sampled, qtbot):
    before = window.reader.article_id
    note_id = window.notes.new_note()
    QTest.keyClicks(window.notes_pane.editor.text_edit, "quokkaesque plan")
    window.notes_pane.flush()
    search_library(window, qtbot, "quokkaesque")
    index = window.library_pane.results_model.index(0, 0)
    assert index.data(NOTE_ID_ROLE) == note_id
    window.notes_pane.editor.set_note(None)
    window.library_pane.on_result_activated(index)
    assert window.reader.article_id == before
    assert window.notes_pane.editor.note_id == note_id


# -- the preview ----------------------------------------------------------------------------
def test_markdown_is_sanitised():
    source = (
        "<script>alert(1)</script>\n\nHi <b onclick='x()'>there</b> "
        "[bad](javascript:alert(1)) [good](https://example.org) ![a cat](http://e.x/cat.png)\n\n"
        "<img src='http://e.x/track.gif'>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```\n<iframe src=x></iframe>\n```\n\nA point[^1]\n\n[^1]: the footnote"
    )
    out = render_markdown(source)
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert "<b" not in out
    assert "&lt;b onclick" in out
    assert "<img" not in out
    assert "<iframe" not in out
    assert 'href="javascript' not in out
    assert '<a href="https://example.org">good</a>' in out
    assert "[a cat]" in out
    assert "<table" in out
    assert "<sup" in out


def test_preview_loads_nothing_and_opens_only_web_links(qtbot):
    opened: list[str] = []
    view = MarkdownView(url_opener=lambda url: opened.append(url.toString()))
    qtbot.addWidget(view)
    view.set_markdown("![x](http://e.x/a.png) <img src='file:///etc/passwd'> [w](https://e.x)")
    assert view.refused == []
    assert "<img" not in view.toHtml()
    for url in ("https://e.x", "mailto:a@e.x", "javascript:alert(1)", "file:///etc/passwd"):
        view.on_anchor_clicked(QUrl(url))
    assert opened == ["https://e.x", "mailto:a@e.x"]


# -- exports --------------------------------------------------------------------------------
def test_export_actions_run_as_tasks(window, sampled, notes, tmp_path, qtbot):
    dialogs = Dialogs(folder=str(tmp_path / "vault"), save=str(tmp_path / "lib.json"))
    window.transfers.dialogs = dialogs
    task = window.transfers.export_notes()
    qtbot.waitUntil(lambda: task.done, timeout=TASK_MS)
    assert len(list((tmp_path / "vault").glob("*.md"))) == 3
    assert dialogs.messages[-1][1].startswith("Exported 3 Markdown files")
    task = window.transfers.export_library()
    qtbot.waitUntil(lambda: len(dialogs.messages) == 2, timeout=TASK_MS)
    dump = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    assert len(dump["tables"]["notes"]) == 4
    assert window.transfers.import_library() is None  # not empty: explained, nothing run
    assert "empty library" in dialogs.messages[-1][1]
    assert dialogs.messages[-1][2]


def test_the_window_exports_leave_private_notes_out_unless_ticked(
    window, sampled, notes, tmp_path, qtbot
):
    sampled.set_note_private(notes["passage"], True)
    dialogs = Dialogs(folder=str(tmp_path / "vault"), save=str(tmp_path / "lib.json"))
    window.transfers.dialogs = dialogs
    task = window.transfers.export_library()
    qtbot.waitUntil(lambda: task.done, timeout=TASK_MS)
    assert dialogs.private_counts == [1]  # the dialog offered the checkbox
    dump = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    assert notes["passage"] not in {n["id"] for n in dump["tables"]["notes"]}
    assert "1 private note left out" in dialogs.messages[-1][1]
    dialogs.include_private = True
    task = window.transfers.export_library()
    qtbot.waitUntil(lambda: task.done, timeout=TASK_MS)
    dump = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    assert notes["passage"] in {n["id"] for n in dump["tables"]["notes"]}
    assert "left out" not in dialogs.messages[-1][1]


def test_import_library_fills_an_empty_library(sampled, notes, settings, tmp_path, qtbot):
    from reader.library.export_json import export_library

    export_library(sampled, tmp_path / "lib.json")
    empty_path = tmp_path / "empty.sqlite"
    empty = Library.open(empty_path)
    tasks = TaskRunner()
    ctx = build_context(empty, empty_path, settings=settings, tasks=tasks)
    widget = QWidget()
    qtbot.addWidget(widget)
    dialogs = Dialogs(open_=str(tmp_path / "lib.json"))
    transfers = TransferController(ctx, widget, dialogs=dialogs)
    with qtbot.waitSignal(ctx.bus.changed, timeout=TASK_MS) as replaced:
        transfers.import_library()
    assert replaced.args[0].areas == Area.LIBRARY  # every pane starts over
    assert empty.count() == SAMPLE_COUNT
    assert {n.uid for n in empty.notes()} == {n.uid for n in sampled.notes()}
    assert dialogs.messages[-1][1].startswith(f"Imported {SAMPLE_COUNT} articles and 4 notes")
    tasks.shutdown()
    empty.close()


def test_screenshot_of_the_notes_view(sampled, notes, library_path, tmp_path, qapp):
    shot = tmp_path / "notes.png"
    assert run_gui(library_path, screenshot=shot, view="notes") == 0
    assert shot.stat().st_size > 10_000


def test_notes_dock_is_in_the_view_menu(window):
    assert window.notes_dock.objectName() == "notesDock"
    assert window.menu_actions.notes_pane.isCheckable()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}  # found by title
    menu_texts = [a.text() for a in menus["&View"].actions()]
    assert "N&otes Pane" in menu_texts
    file_texts = [a.text() for a in menus["&File"].actions()]
    assert "Export &Notes as Markdown\u2026" in file_texts
    assert "Import &Library\u2026" in file_texts


def test_notes_list_shows_markdown_as_plain_text() -> None:
    from reader.ui.notes.models import plain_text

    assert plain_text("**Follow up:** call [Ana](https://example.org)") == "Follow up: call Ana"
    assert plain_text("# Field plan #") == "Field plan"
    assert plain_text("~~old~~ `code` _it_ <https://x.org>") == "old code it https://x.org"
