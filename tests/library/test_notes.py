"""Notes and highlights: anchors, revisions, trash, search, re-anchoring."""

from __future__ import annotations

import pytest

from helpers.expected import NOTE_JSON_KEYS
from reader.library import Library
from reader.library.anchors import Anchor, anchor_for_quote, make_anchor, reanchor
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError

TEXT = (
    "The fund covers 57 minerals. Ukraine keeps its subsoil.\n\n"
    "Critics said the fund covers too little. Ukraine keeps hoping."
)


@pytest.fixture
def article(library: Library) -> int:
    return library.add_article(Draft(title="Fund terms", text=TEXT))


def test_anchor_captures_quote_and_context() -> None:
    anchor = make_anchor(TEXT, 4, 14)
    assert anchor.quote == "fund cover"
    assert anchor.prefix == "The "
    assert anchor.suffix.startswith("s 57 minerals")
    with pytest.raises(InvalidInputError, match="not inside the text"):
        make_anchor(TEXT, 10, 10)
    with pytest.raises(ValueError, match="does not occur"):
        anchor_for_quote(TEXT, "cobalt")


def test_reanchor_prefers_matching_context_and_flags_lost_quotes() -> None:
    second = TEXT.index("Ukraine keeps hoping")
    anchor = make_anchor(TEXT, second, second + len("Ukraine keeps"))
    edited = "Preface added. " + TEXT
    start, end = reanchor(edited, anchor)
    assert edited[start:end] == "Ukraine keeps"
    assert edited[end:].startswith(" hoping")  # the second occurrence, by its context
    assert reanchor("Entirely different text.", anchor) is None
    assert reanchor(TEXT, Anchor(0, 3, "", "", "")) is None


def test_add_note_on_a_quote_anchors_at_first_occurrence(library: Library, article: int) -> None:
    note_id = library.add_note(article, "Check **this**", quote="Ukraine keeps")
    note = library.note(note_id)
    assert (note.start, note.end) == (29, 42)
    assert TEXT[note.start : note.end] == "Ukraine keeps"
    assert note.anchor_status == "ok"
    assert note.as_json()["text"] == "Check **this**"
    assert set(note.as_json()) >= NOTE_JSON_KEYS


def test_bad_notes_add_nothing(library: Library, article: int) -> None:
    with pytest.raises(ValueError, match="does not occur"):
        library.add_note(article, "x", quote="not there")
    with pytest.raises(ValueError, match="no article"):
        library.add_note(999, "x")
    with pytest.raises(ValueError, match="unknown colour"):
        library.add_note(article, "x", colour="plaid")
    assert library.notes() == []


def test_highlight_free_note_and_listing(library: Library, article: int) -> None:
    highlight = library.add_note(article, "", start=4, end=8, colour="green")
    free = library.add_note(None, "# Field plan\n\nVisit the depots.")
    assert library.note(highlight).is_highlight
    assert not library.note(free).is_highlight
    assert [n.id for n in library.notes(article_id=article)] == [highlight]
    assert {n.id for n in library.notes()} == {highlight, free}


def test_every_changed_save_keeps_a_revision(library: Library, article: int) -> None:
    note_id = library.add_note(article, "first")
    assert library.save_note(note_id, "second")
    assert not library.save_note(note_id, "second")
    assert library.save_note(note_id, "third")
    assert [r.body for r in library.note_revisions(note_id)] == ["third", "second", "first"]
    assert library.note(note_id).body == "third"


def test_trash_restore_and_purge(library: Library, article: int) -> None:
    note_id = library.add_note(article, "keep me about cobalt")
    library.trash_note(note_id)
    assert library.notes() == []
    assert [n.id for n in library.notes(trashed=True)] == [note_id]
    assert library.search("cobalt") == []
    library.restore_note(note_id)
    assert [h.kind for h in library.search("cobalt")] == ["note"]
    library.purge_note(note_id)  # not in the trash: nothing happens
    assert library.note(note_id) is not None
    library.trash_note(note_id)
    library.purge_note(note_id)
    assert library.note(note_id) is None
    assert library.note_revisions(note_id) == []


def test_search_returns_notes_with_their_article(library: Library, article: int) -> None:
    note_id = library.add_note(article, "Ask the ministry about tantalum exports")
    free = library.add_note(None, "Tantalum field plan")
    hits = {(h.kind, h.id): h for h in library.search("tantalum")}
    assert hits[("note", note_id)].article_id == article
    assert hits[("note", note_id)].title == "Fund terms"
    assert hits[("note", free)].title == "Tantalum field plan"
    library.save_note(note_id, "nothing to see")
    assert ("note", note_id) not in {(h.kind, h.id) for h in library.search("tantalum")}
    assert [h.kind for h in library.search("tantalum", kinds=("article",))] == []


def test_reanchoring_after_the_text_changes(library: Library, article: int) -> None:
    kept = library.add_note(article, "", quote="Critics said")
    lost = library.add_note(article, "", quote="57 minerals")
    library.db.execute(
        "UPDATE articles SET text = ? WHERE id = ?",
        ["Intro. Critics said the fund covers too little.", article],
    )
    assert library.reanchor_notes(article) == [lost]
    moved = library.note(kept)
    assert (moved.start, moved.end, moved.anchor_status) == (7, 19, "ok")
    assert library.note(lost).anchor_status == "unresolved"
    assert library.note(lost).start == TEXT.index("57 minerals")  # not moved blindly


def test_deleting_the_article_keeps_its_notes(library: Library, article: int) -> None:
    note_id = library.add_note(article, "my thoughts", quote="Ukraine keeps")
    library.delete_article(article)
    note = library.note(note_id)
    assert note is not None
    assert note.body == "my thoughts"
    assert note.article_id is None
