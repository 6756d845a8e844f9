"""The notes part of the library facade (:class:`~reader.library.library.Library` inherits it):
adding, reading, saving, colouring, trashing and re-anchoring notes, each a thin call into
:mod:`reader.library.notes` inside the library's own transactions. Kept apart so the facade's
module stays small; it owns no state of its own."""

from __future__ import annotations

from reader.library.errors import InvalidInputError, NotFoundError

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from collections.abc import Sequence
    from contextlib import AbstractContextManager
    from typing import Any

    from reader.library.handle import Handle
    from reader.library.notes import Note, Revision


def _now() -> str:
    from reader.library.writer import now_iso

    return now_iso()


class NoteMethods:
    """The note methods of :class:`~reader.library.library.Library`."""

    if TYPE_CHECKING:  # what the facade provides
        handle: Handle

        def transaction(self) -> AbstractContextManager[None]: ...
        def write_statement(self, sql: str, params: Sequence[Any] = ()) -> int: ...
        def text_of(self, article_id: int) -> str | None: ...
        def title_of(self, article_id: int) -> str | None: ...

    def add_note(
        self,
        article_id: int | None,
        body: str,
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        colour: str | None = None,
        private: bool = False,
    ) -> int:
        """Add a note: on a passage (``start``/``end`` or the first ``quote``), on an
        article, or free-standing; ``private`` keeps it out of exports unless asked.
        :class:`InvalidInputError` when the passage is not in the text,
        :class:`NotFoundError` when there is no such article."""
        from reader.library import notes as _notes

        anchor = None
        if start is not None or end is not None or quote is not None:
            if article_id is None:
                raise InvalidInputError("a passage needs an article")
            text = self.text_of(article_id)
            if text is None:
                raise NotFoundError(f"no article with id {article_id}")
            from reader.library import anchors as _anchors

            if quote is not None and start is None:
                anchor = _anchors.anchor_for_quote(text, quote)
            else:
                anchor = _anchors.make_anchor(text, int(start or 0), int(end or 0))
        elif article_id is not None and self.title_of(article_id) is None:
            raise NotFoundError(f"no article with id {article_id}")
        _notes.check_colour(colour)
        with self.transaction():
            return _notes.insert_note(
                self.handle,
                article_id=article_id,
                body=body,
                anchor=anchor,
                colour=colour,
                now=_now(),
                private=private,
            )

    def set_note_private(self, note_id: int, private: bool) -> bool:
        """Make a note private (exports leave it out unless asked) or public; False if
        it already was."""
        from reader.library import notes as _notes

        with self.transaction():
            return _notes.mark_private(self.handle, note_id, private)

    def private_note_count(self, *, listed_only: bool = False) -> int:
        """How many private notes (``listed_only``: those a vault export would see)."""
        from reader.library import notes as _notes

        return _notes.private_count(self.handle, listed_only=listed_only)

    def note(self, note_id: int) -> Note | None:
        """One note (trashed or not), or ``None``."""
        from reader.library import notes as _notes

        return _notes.fetch_note(self.handle, note_id)

    def notes(self, *, article_id: int | None = None, trashed: bool = False) -> list[Note]:
        """Notes of one article (by position) or of the whole library (newest first)."""
        from reader.library import notes as _notes

        return _notes.fetch_notes(self.handle, article_id=article_id, trashed=trashed)

    def save_note(self, note_id: int, body: str) -> bool:
        """Save a note's body, keeping a revision; False when it had not changed.
        :class:`NotFoundError` (also a ``KeyError``) when the note is gone."""
        from reader.library import notes as _notes

        with self.transaction():
            return _notes.save_body(self.handle, note_id, body, _now())

    def set_note_colour(self, note_id: int, colour: str | None) -> None:
        """Change a highlight's colour (``None`` for the default)."""
        from reader.library import notes as _notes

        _notes.check_colour(colour)
        self.write_statement("UPDATE notes SET colour = ? WHERE id = ?", [colour, note_id])

    def trash_note(self, note_id: int) -> None:
        """Move a note to the trash (it can be restored)."""
        self.write_statement("UPDATE notes SET deleted = ? WHERE id = ?", [_now(), note_id])

    def restore_note(self, note_id: int) -> None:
        """Bring a note back from the trash."""
        self.write_statement("UPDATE notes SET deleted = NULL WHERE id = ?", [note_id])

    def purge_note(self, note_id: int) -> None:
        """Delete a trashed note for good, with its history."""
        self.write_statement("DELETE FROM notes WHERE id = ? AND deleted IS NOT NULL", [note_id])

    def note_revisions(self, note_id: int) -> list[Revision]:
        """Every saved state of a note, newest first."""
        from reader.library import notes as _notes

        return _notes.revisions(self.handle, note_id)

    def reanchor_notes(self, article_id: int) -> list[int]:
        """Re-find every anchored note of an article (trashed ones too) in its current
        text; return the ids that could not be found (flagged ``unresolved``, never moved
        blindly)."""
        from reader.library import notes as _notes

        with self.transaction():
            _found, lost = _notes.reanchor(
                self.handle, _notes.anchored_ids(self.handle, article_id)
            )
        return lost
