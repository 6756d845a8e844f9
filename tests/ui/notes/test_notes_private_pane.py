"""The notes pane: the Private toggle and the list's padlock, the live preview while typing,
the remembered splits, and a filter box that shows its whole placeholder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest

from reader.app import build_context
from reader.library import Library
from reader.ui.notes.delegate import row_html
from reader.ui.notes.editor import PREVIEW_DELAY_MS, SPLIT_KEY
from reader.ui.notes.models import PRIVATE_ROLE, NotesListModel
from reader.ui.notes.pane import SPLIT_KEY as PANE_SPLIT_KEY
from reader.ui.notes.pane import NotesPane, placeholder_width
from reader.ui.tasks.bus import Area
from reader.ui.tasks.runner import TaskRunner


@pytest.fixture
def ctx(sampled: Library, library_path, settings: QSettings):
    return build_context(sampled, library_path, settings=settings, tasks=TaskRunner())


@pytest.fixture
def pane(ctx, qtbot):
    widget = NotesPane(ctx)
    qtbot.addWidget(widget)
    widget.resize(380, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.flush()  # nothing left to save once the library closes


def _quoted_note(library: Library) -> int:
    article_id = library.all_article_ids()[0]
    text = library.get(article_id).text
    start = text.index(" ", 40) + 1
    return library.add_note(article_id, "", start=start, end=text.index(" ", start + 12))


def test_the_private_toggle_marks_a_highlight_private_and_back(pane, ctx, sampled):
    bus_changes: list = []
    ctx.bus.changed.connect(bus_changes.append)
    highlight = _quoted_note(sampled)
    pane.refresh()
    assert pane.show_note(highlight)
    button = pane.editor.private_button
    assert button.isVisible()
    assert button.isEnabled()
    assert not button.isChecked()

    button.click()
    assert sampled.note(highlight).private is True
    assert button.isChecked()
    assert any(c.areas & Area.NOTES and highlight in c.note_ids for c in bus_changes)
    pane.on_changed(bus_changes[-1])
    row = pane.model.row_of(highlight)
    index = pane.model.index(row, 0)
    assert index.data(PRIVATE_ROLE) is True
    assert "<b>Private</b>" in row_html(index, "#000", "#666")
    assert "Private" in index.data(0x03)  # the tooltip says what it means

    button.click()
    assert sampled.note(highlight).private is False
    assert not button.isChecked()
    pane.refresh()
    index = pane.model.index(pane.model.row_of(highlight), 0)
    assert index.data(PRIVATE_ROLE) is False
    assert "Private" not in row_html(index, "#000", "#666")


def test_showing_a_note_sets_the_toggle_without_writing(pane, sampled):
    secret = sampled.add_note(None, "private thoughts")
    public = sampled.add_note(None, "public thoughts")
    from reader.library import notes as library_notes

    library_notes.set_private(sampled, secret, True)
    before = sampled.note(secret).updated
    pane.refresh()
    pane.show_note(secret)
    assert pane.editor.private_button.isChecked()
    pane.show_note(public)
    assert not pane.editor.private_button.isChecked()
    assert sampled.note(secret).private is True
    assert sampled.note(secret).updated == before
    sampled.trash_note(secret)
    pane.set_scope("trash")
    pane.show_note(secret)
    assert pane.editor.private_button.isChecked()
    assert not pane.editor.private_button.isEnabled()  # in the trash: read only


def test_the_preview_follows_typing_after_a_pause(pane, sampled, qtbot):
    note_id = sampled.add_note(None, "")
    pane.refresh()
    pane.show_note(note_id, focus=True)
    editor = pane.editor
    editor.text_edit.setFocus()
    QTest.keyClicks(editor.text_edit, "**Live** words")
    # nothing is rendered on each key: only the timer was started
    assert "Live" not in editor.preview.toPlainText()
    assert editor.preview_timer.isActive()
    assert editor.preview_timer.interval() == PREVIEW_DELAY_MS
    qtbot.waitUntil(lambda: "Live words" in editor.preview.toPlainText(), timeout=2000)
    assert "**" not in editor.preview.toPlainText()  # rendered, not the Markdown
    QTest.keyClicks(editor.text_edit, " more")
    qtbot.waitUntil(lambda: "Live words more" in editor.preview.toPlainText(), timeout=2000)


def test_a_hidden_preview_is_not_rendered_and_catches_up_when_shown(pane, sampled, qtbot):
    note_id = sampled.add_note(None, "start")
    pane.refresh()
    pane.show_note(note_id)
    editor = pane.editor
    editor.preview_button.click()  # hide
    assert not editor.preview.isVisible()
    editor.text_edit.setPlainText("changed while hidden")
    editor.update_preview()
    assert "changed" not in editor.preview.toPlainText()
    editor.preview_button.click()  # show
    assert "changed while hidden" in editor.preview.toPlainText()


def _shown(ctx, qtbot, width: int, note_id: int) -> NotesPane:
    pane = NotesPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(width, 760)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_note(note_id)
    return pane


def _share(splitter) -> float:
    sizes = splitter.sizes()
    return sizes[0] / sum(sizes)


def test_the_editor_split_is_remembered_for_each_arrangement(ctx, qtbot, settings, sampled):
    note_id = sampled.add_note(None, "split")
    first = _shown(ctx, qtbot, 900, note_id)
    splitter = first.editor.splitter
    qtbot.waitUntil(lambda: splitter.orientation().name == "Horizontal")  # wide: side by side
    qtbot.waitUntil(lambda: abs(_share(splitter) - 0.5) < 0.05)  # half and half at first
    splitter.moveSplitter(sum(splitter.sizes()) // 4, 1)
    assert abs(_share(splitter) - 0.25) < 0.03
    assert abs(float(settings.value(f"{SPLIT_KEY}/horizontal")) - 0.25) < 0.03
    first.resize(380, 760)  # narrow: the preview goes under the text, half and half
    qtbot.waitUntil(lambda: splitter.orientation().name == "Vertical")
    qtbot.waitUntil(lambda: abs(_share(splitter) - 0.5) < 0.05)
    first.splitter.moveSplitter(300, 1)  # the list/editor split
    pane_share = _share(first.splitter)
    assert abs(float(settings.value(PANE_SPLIT_KEY)) - pane_share) < 0.01
    first.resize(900, 760)  # wide again: the side-by-side split comes back
    qtbot.waitUntil(lambda: splitter.orientation().name == "Horizontal")
    qtbot.waitUntil(lambda: abs(_share(splitter) - 0.25) < 0.03)

    second = _shown(ctx, qtbot, 900, note_id)
    again = second.editor.splitter
    qtbot.waitUntil(lambda: abs(_share(again) - 0.25) < 0.03)
    qtbot.waitUntil(lambda: abs(_share(second.splitter) - pane_share) < 0.03)


def test_a_crushed_saved_split_is_ignored(ctx, qtbot, settings, sampled):
    settings.setValue(f"{SPLIT_KEY}/horizontal", "0.99")
    settings.setValue(PANE_SPLIT_KEY, "not,numbers")
    pane = _shown(ctx, qtbot, 900, sampled.add_note(None, "crushed"))
    qtbot.wait(20)
    assert abs(_share(pane.editor.splitter) - 0.5) < 0.05
    assert min(pane.splitter.sizes()) > 150


@pytest.mark.parametrize("width", [300, 340, 380])
def test_the_filter_shows_its_whole_placeholder(ctx, qtbot, width):
    pane = NotesPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(width, 700)
    pane.show()
    qtbot.waitExposed(pane)
    edit = pane.filter_edit
    assert edit.placeholderText() == "Filter notes"
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= placeholder_width(edit) > text
    for combo in (pane.scope_combo, pane.sort_combo):
        assert combo.width() >= combo.sizeHint().width()


def test_private_notes_in_the_model(sampled):
    secret = sampled.add_note(None, "hidden")
    from reader.library import notes as library_notes

    library_notes.set_private(sampled, secret, True)
    model = NotesListModel(sampled)
    row = model.row_of(secret)
    assert model.index(row, 0).data(PRIVATE_ROLE) is True


def test_a_slow_preview_waits_for_a_longer_pause(pane, sampled, monkeypatch):
    import time

    from reader.ui.notes.editor import MAX_PREVIEW_DELAY_MS

    note_id = sampled.add_note(None, "short")
    pane.refresh()
    pane.show_note(note_id)
    editor = pane.editor
    shown = editor.preview.set_markdown

    def slow(text: str) -> None:
        time.sleep(0.25)
        shown(text)

    monkeypatch.setattr(editor.preview, "set_markdown", slow)
    editor.text_edit.setPlainText("a long note, pretend")
    editor.update_preview()
    assert 500 <= editor.preview_timer.interval() <= MAX_PREVIEW_DELAY_MS
    calls: list[str] = []
    monkeypatch.setattr(editor.preview, "set_markdown", calls.append)
    editor.update_preview()  # the same text again: nothing to render
    assert calls == []
