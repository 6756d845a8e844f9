"""The change bus and the message service in the window: every operation says what changed
once, every pane refreshes from the bus alone, and every status line reaches the status bar
without a relay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from helpers.samples import SAMPLE_COUNT
from reader.ingest.readers import KNOWN_SUFFIXES
from reader.library.errors import BUSY_MESSAGE, LibraryBusyError
from reader.services.extraction import correct
from reader.services.importing import import_paths
from reader.ui.notes.models import BODY_ROLE
from reader.ui.tasks.bus import Area

TASK_MS = 15_000
STORY = (
    "Ferry service resumes on Lake Kivu\n\nThe ferry between Goma and Bukavu sailed again on "
    "Monday, Jean-Pierre Mulumba of the Zanzibarish Shipping Company said, after three weeks "
    "without a crossing.\n"
)


def write_story(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def rows(window) -> int:
    return window.library_pane.table_model.rowCount()


def tree_names(window) -> set[str]:
    model = window.entity_pane.tree_model
    names = set()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        names |= {model.index(r, 0, group).data() for r in range(model.rowCount(group))}
    return names


def note_hints(window) -> dict[int, str]:
    return {mark.note_id: mark.hint for mark in window.reader.note_marks.marks}


def a_passage(window) -> tuple[int, int]:
    article = window.reader.article
    block = next(b for b in article.blocks if b.kind == "p" and b.end - b.start > 40)
    return block.start, block.start + 30


# -- an import ------------------------------------------------------------------------------
def test_an_import_says_what_it_added_once(window, bus_changes, tmp_path, qtbot):
    story = write_story(tmp_path / "in")
    with qtbot.waitSignal(window.imports.import_finished, timeout=TASK_MS) as done:
        window.imports.import_paths([story])
    [added] = done.args[0].added
    [change] = bus_changes
    assert change.areas == Area.ARTICLES | Area.ENTITIES
    assert change.article_ids == {added.id}
    assert rows(window) == SAMPLE_COUNT + 1
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"


def test_articles_written_elsewhere_show_once_the_bus_says_so(window, bus_changes, tmp_path):
    window.entity_pane.set_scope("library")
    [added] = import_paths(window.library, [write_story(tmp_path / "in")])  # no window involved
    assert rows(window) == SAMPLE_COUNT
    assert window.count_label.text() == f"{SAMPLE_COUNT} articles"
    new = {e.name for e in window.library.article_entities(added.id)} - tree_names(window)
    assert new  # the story names someone or somewhere the sidebar does not list yet
    window.ctx.bus.publish(Area.ARTICLES | Area.ENTITIES, [added.id])
    assert rows(window) == SAMPLE_COUNT + 1
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"
    assert window.library_pane.table_model.row_of(added.id) is not None
    assert new <= tree_names(window)


# -- a correction ---------------------------------------------------------------------------
def test_a_correction_refreshes_the_sidebar_through_the_bus(window, bus_changes, qtbot):
    pane = window.entity_pane
    name = pane.tree_model.article_entities[0].name
    assert name in tree_names(window)
    correct(window.library, "rename", name, "Renamed Elsewhere")  # no window involved
    assert "Renamed Elsewhere" not in tree_names(window)
    window.ctx.bus.publish(Area.ENTITIES)
    assert "Renamed Elsewhere" in tree_names(window)
    assert name not in tree_names(window)
    bus_changes.clear()
    with qtbot.waitSignal(window.ctx.bus.changed, timeout=TASK_MS):
        window.entities.correct("rename", "Renamed Elsewhere", "Renamed Here")
    assert [c.areas for c in bus_changes] == [Area.ENTITIES]
    assert "Renamed Here" in tree_names(window)
    assert "Renamed Here" in window.statusBar().currentMessage()


# -- a note save ----------------------------------------------------------------------------
def test_a_note_save_refreshes_the_list_and_the_reader_through_the_bus(window, bus_changes, qtbot):
    article_id = window.reader.article_id
    start, end = a_passage(window)
    window.ensure_notes()  # built on first use: built later, it would list the note itself
    note_id = window.library.add_note(article_id, "first thought", start=start, end=end)
    assert window.notes_pane.model.row_of(note_id) is None  # nobody told the panes yet
    window.ctx.bus.publish(Area.NOTES, [article_id])
    row = window.notes_pane.model.row_of(note_id)
    assert row is not None
    assert note_hints(window)[note_id] == "first thought"
    order = [window.notes_pane.model.note_id(r) for r in range(window.notes_pane.model.rowCount())]

    window.library.save_note(note_id, "second thought")  # written, not yet told
    assert window.notes_pane.model.index(row, 0).data(BODY_ROLE) == "first thought"
    window.ctx.bus.publish(Area.NOTES, [article_id], note_ids=[note_id])
    assert window.notes_pane.model.index(row, 0).data(BODY_ROLE) == "second thought"
    assert note_hints(window)[note_id] == "second thought"

    bus_changes.clear()
    editor = window.notes_pane.editor
    window.notes_pane.show_note(note_id)
    editor.text_edit.setPlainText("third thought, typed")
    assert editor.flush()
    [change] = bus_changes
    assert (change.areas, change.article_ids, change.note_ids) == (
        Area.NOTES,
        {article_id},
        {note_id},
    )
    assert window.notes_pane.model.index(row, 0).data(BODY_ROLE) == "third thought, typed"
    assert note_hints(window)[note_id] == "third thought, typed"
    model = window.notes_pane.model
    assert [model.note_id(r) for r in range(model.rowCount())] == order  # saved in place


def test_a_replaced_library_starts_every_pane_over(window, sampled, qtbot):
    article_id = window.reader.article_id
    shown = window.reader.article
    note_id = sampled.add_note(None, "kept in the file")
    window.notes_pane.refresh()
    window.notes_pane.show_note(note_id)
    window.notes_pane.editor.text_edit.setPlainText("typed into the old file")
    assert window.notes_pane.editor.dirty
    window.ctx.bus.publish(Area.LIBRARY)
    assert window.reader.article_id == article_id
    assert window.reader.article is not shown  # read again from the new file
    assert not window.notes_pane.editor.dirty
    assert window.notes_pane.editor.text == "kept in the file"
    assert window.library_pane.table_model.row_of(article_id) is not None


# -- messages -------------------------------------------------------------------------------
def test_a_note_save_failure_reaches_the_status_bar(window, status_lines, monkeypatch, qtbot):
    note_id = window.library.add_note(None, "")
    window.notes_pane.refresh()
    window.notes_pane.show_note(note_id)
    editor = window.notes_pane.editor
    save = window.library.save_note

    def busy(*_args: object) -> bool:
        raise LibraryBusyError(BUSY_MESSAGE)

    monkeypatch.setattr(window.library, "save_note", busy)
    errors: list[str] = []
    window.ctx.messages.error_shown.connect(errors.append)
    editor.text_edit.setPlainText("a thought while the library is busy")
    assert not editor.flush()
    assert editor.state == "retry"
    [error] = errors
    assert "could not be saved yet" in error
    assert BUSY_MESSAGE in error
    assert status_lines == [error]
    assert window.statusBar().currentMessage() == error
    monkeypatch.setattr(window.library, "save_note", save)
    qtbot.waitUntil(lambda: editor.state == "saved", timeout=5000)  # the retry saved it
    assert window.library.note(note_id).body == "a thought while the library is busy"


def test_messages_show_in_the_status_bar(window):
    window.ctx.messages.status("Something happened", 5000)
    assert window.statusBar().currentMessage() == "Something happened"
    window.ctx.messages.error("Something failed")
    assert window.statusBar().currentMessage() == "Something failed"


def test_zooming_says_the_text_size(window, status_lines):
    window.menu_actions.zoom_in.trigger()
    assert status_lines == [f"Text size {window.reader.font_size} pt"]


# -- one place for each fact ----------------------------------------------------------------
def test_import_files_offers_every_supported_type(window, monkeypatch):
    asked: list[str] = []

    def ask(parent, caption, folder, filter_):
        asked.append(filter_)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(ask))
    assert window.imports.import_files_action in window.menuBar().actions()[0].menu().actions()
    window.imports.import_files_action.trigger()
    [offered] = asked
    articles = offered.split(";;")[0]
    assert {f"*{suffix}" for suffix in KNOWN_SUFFIXES} <= set(articles[10:-1].split())
    for pattern in ("*.pdf", "*.rss", "*.atom", "*.md", "*.html", "*.txt"):
        assert pattern in articles
