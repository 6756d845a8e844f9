"""Deleting a coding made by hand (or by a move) and putting back exactly that coding."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.anchors import make_anchor
from reader.library.coders import set_coder
from reader.library.codings import (
    add_coding,
    coding_id_for_uid,
    delete_coding,
    fetch_coding,
    fetch_codings,
    restore_coding,
    set_status,
    store_suggestions,
)
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError, NotFoundError

TEXT = "The governor spoke in Goma. Families left the camp at dawn. Aid arrived late."


class _Suggestion:
    def __init__(self, dimension: str, start: int, end: int) -> None:
        self.dimension, self.start, self.end = dimension, start, end
        self.text = TEXT[start:end]
        self.rule = "r1"


@pytest.fixture
def article(library: Library) -> int:
    return library.add_article(Draft(title="Goma", text=TEXT), tags=["drc"])


def _manual(library: Library, article: int, start: int = 28, end: int = 59) -> int:
    return add_coding(library, article, "framing", "voices", make_anchor(TEXT, start, end))


def test_delete_then_restore_gives_back_the_very_coding(library: Library, article: int) -> None:
    set_coder(library, "Amani")
    coding_id = _manual(library, article)
    set_status(library, coding_id, "rejected")  # with a history to keep
    before = fetch_coding(library, coding_id)
    assert before is not None
    assert before.uid
    row_before = _row(library, coding_id)
    assert row_before["history"] != "[]"
    stored = delete_coding(library, coding_id)
    assert fetch_coding(library, coding_id) is None
    assert coding_id_for_uid(library, before.uid) is None
    assert (stored.id, stored.uid) == (coding_id, before.uid)
    assert restore_coding(library, stored) == coding_id
    assert fetch_coding(library, coding_id) == before
    assert _row(library, coding_id) == row_before  # every column, history and times too
    assert restore_coding(library, stored) == coding_id  # restoring twice adds nothing
    assert len(fetch_codings(library, article_ids=[article])) == 1


def _row(library: Library, coding_id: int) -> dict[str, object]:
    return next(iter(library.db.query("SELECT * FROM codings WHERE id = ?", [coding_id])))


def test_restore_keeps_the_uid_when_the_id_was_given_again(library: Library, article: int) -> None:
    coding_id = _manual(library, article)
    made = fetch_coding(library, coding_id)
    assert made is not None
    stored = delete_coding(library, coding_id)
    other = _manual(library, article, 0, 27)  # SQLite gives the freed id again
    assert other == coding_id
    back = restore_coding(library, stored)
    assert back != coding_id
    restored = fetch_coding(library, back)
    assert restored is not None
    assert restored.uid == made.uid
    assert (restored.start, restored.end, restored.text) == (made.start, made.end, made.text)
    assert coding_id_for_uid(library, str(made.uid)) == back
    assert fetch_coding(library, other) is not None  # the other coding is untouched


def test_a_rules_suggestion_is_never_deleted(library: Library, article: int) -> None:
    store_suggestions(library, article, "framing", [_Suggestion("voices", 0, 27)], "h1")
    [suggested] = fetch_codings(library, article_ids=[article])
    with pytest.raises(InvalidInputError, match="reject it instead"):
        delete_coding(library, suggested.id)
    assert fetch_coding(library, suggested.id) == suggested
    with pytest.raises(NotFoundError):
        delete_coding(library, 987_654)


def test_restore_refuses_when_the_article_is_gone(library: Library, article: int) -> None:
    stored = delete_coding(library, _manual(library, article))
    library.delete_article(article)
    with pytest.raises(NotFoundError, match="no article"):
        restore_coding(library, stored)
    assert fetch_codings(library) == []


def test_codings_by_coder(library: Library, article: int) -> None:
    set_coder(library, "Amani")
    mine = _manual(library, article)
    set_coder(library, "Olena")
    theirs = _manual(library, article, 0, 27)
    assert [c.id for c in fetch_codings(library, coder="Amani")] == [mine]
    assert [c.id for c in fetch_codings(library, coder="Olena")] == [theirs]
    assert {c.id for c in fetch_codings(library)} == {mine, theirs}
    assert fetch_codings(library, coder="Nobody") == []
