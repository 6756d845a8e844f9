"""Private notes and highlights, and library-wide note lists that follow articles to the trash."""

from __future__ import annotations

import pytest

from helpers.expected import NOTE_JSON_KEYS
from reader.library import Library
from reader.library import notes as library_notes
from reader.library.draft import Draft
from reader.library.errors import NotFoundError

TEXT = "The convoy left Goma at dawn. The informant asked not to be named."


@pytest.fixture
def article(library: Library) -> int:
    return library.add_article(Draft(title="Convoy", text=TEXT))


def _trash_article(library: Library, article_id: int, when: str | None) -> None:
    """What moving an article to the trash (and back) does to its row (migration 8)."""
    with library.transaction():
        library.db.execute("UPDATE articles SET trashed = ? WHERE id = ?", [when, article_id])


def test_a_note_is_public_until_marked_private(library: Library, article: int) -> None:
    note_id = library.add_note(article, "Source: the driver", quote="The informant")
    note = library.note(note_id)
    assert note.private is False
    assert note.as_json()["private"] is False
    assert set(note.as_json()) >= NOTE_JSON_KEYS | {"private"}

    assert library_notes.set_private(library, note_id, True) is True
    assert library_notes.set_private(library, note_id, True) is False  # already private
    marked = library.note(note_id)
    assert marked.private is True
    assert marked.as_json()["private"] is True
    assert marked.updated == note.updated  # who may see it changed, not what it says
    assert library.note_revisions(note_id)[0].body == "Source: the driver"
    assert library_notes.private_count(library.db) == 1

    assert library_notes.set_private(library, note_id, False) is True
    assert library.note(note_id).private is False
    assert library_notes.private_count(library.db) == 0


def test_a_highlight_can_be_private_and_stays_so_in_the_trash(
    library: Library, article: int
) -> None:
    highlight = library.add_note(article, "", quote="Goma", colour="pink")
    library_notes.set_private(library, highlight, True)
    library.trash_note(highlight)
    (trashed,) = library.notes(trashed=True)
    assert trashed.is_highlight
    assert trashed.private
    library.restore_note(highlight)
    assert library.note(highlight).private is True
    assert library_notes.private_count(library.db) == 1


def test_inserting_a_private_note_directly(library: Library, article: int) -> None:
    with library.transaction():
        note_id = library_notes.insert_note(
            library.db,
            article_id=article,
            body="x",
            anchor=None,
            colour=None,
            now="2025-01-01T00:00:00+00:00",
            private=True,
        )
    assert library.note(note_id).private is True


def test_marking_a_missing_note_changes_nothing(library: Library) -> None:
    with pytest.raises(NotFoundError, match="no note with id 41"):
        library_notes.set_private(library, 41, True)


def test_library_wide_lists_skip_notes_of_trashed_articles(library: Library, article: int) -> None:
    other = library.add_article(Draft(title="Other", text="Another text entirely."))
    on_trashed = library.add_note(article, "On the convoy")
    binned = library.add_note(article, "Binned on the convoy")
    library.trash_note(binned)
    kept = library.add_note(other, "On the other one")
    free = library.add_note(None, "Free-standing")

    _trash_article(library, article, "2025-05-01T10:00:00+00:00")
    assert {n.id for n in library.notes()} == {kept, free}
    assert library.notes(trashed=True) == []
    # the article's own list still has them (a restore brings back the article whole)
    assert [n.id for n in library.notes(article_id=article)] == [on_trashed]

    _trash_article(library, article, None)
    assert {n.id for n in library.notes()} == {on_trashed, kept, free}
    assert [n.id for n in library.notes(trashed=True)] == [binned]


def test_counting_private_notes_for_each_export(library: Library, article: int) -> None:
    kept = library.add_note(article, "kept")
    binned = library.add_note(article, "binned")
    free = library.add_note(None, "free")
    for note_id in (kept, binned, free):
        library_notes.set_private(library, note_id, True)
    library.trash_note(binned)
    assert library_notes.count_private(library) == 3  # the library JSON holds the trash too
    assert library_notes.count_private(library, listed_only=True) == 2  # the vault does not
    _trash_article(library, article, "2025-05-01T10:00:00+00:00")
    assert library_notes.count_private(library, listed_only=True) == 1
    assert library_notes.count_private(library) == 3
