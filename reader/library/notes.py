"""Notes and highlights in the library file: anchors, revisions, trash.

A note belongs to an article or stands alone. An anchored note (or a highlight, which is
an anchored note with an empty body) keeps its character offsets into ``articles.text``, the
exact quote and some context, so it can be re-found when the text changes, and is flagged
``unresolved`` when it cannot be. Every save that changes the body keeps a revision; deleting
moves a note to the trash, from which it can be restored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

#: Anchor states: ``none`` (free-standing or whole-article), ``ok``, ``unresolved``.
ANCHOR_STATES = ("none", "ok", "unresolved")
COLOURS = ("yellow", "green", "blue", "pink", "purple")


@dataclass(frozen=True, slots=True)
class Note:
    """One note or highlight as stored."""

    id: int
    uid: str
    article_id: int | None
    body: str
    quote: str | None
    prefix: str | None
    suffix: str | None
    start: int | None
    end: int | None
    anchor_status: str
    colour: str | None
    created: str
    updated: str
    deleted: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Note:
        return cls(**{k: row[k] for k in cls.__slots__})  # type: ignore[attr-defined]

    @property
    def is_highlight(self) -> bool:
        """An anchored passage with no text written on it."""
        return self.quote is not None and not self.body.strip()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "text": self.body,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "created": self.created,
            "updated": self.updated,
            "uid": self.uid,
            "colour": self.colour,
            "anchor_status": self.anchor_status,
        }


@dataclass(frozen=True, slots=True)
class Revision:
    """A saved state of a note's body."""

    id: int
    note_id: int
    body: str
    saved: str


def insert_note(
    db: Database,
    *,
    article_id: int | None,
    body: str,
    anchor: Any | None,
    colour: str | None,
    now: str,
) -> int:
    """Insert a note (and its first revision); ``anchor`` has start/end/quote/prefix/suffix."""
    row: dict[str, Any] = {
        "uid": uuid.uuid4().hex,
        "article_id": article_id,
        "body": body,
        "colour": colour,
        "created": now,
        "updated": now,
        "anchor_status": "none",
    }
    if anchor is not None:
        row.update(
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            start=anchor.start,
            end=anchor.end,
            anchor_status="ok",
        )
    note_id = int(db["notes"].insert(row).last_pk)
    db["note_revisions"].insert({"note_id": note_id, "body": body, "saved": now})
    return note_id


def fetch_note(db: Database, note_id: int) -> Note | None:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", [note_id]))
    return Note.from_row(rows[0]) if rows else None


def fetch_notes(
    db: Database, *, article_id: int | None = None, trashed: bool = False
) -> list[Note]:
    """Notes (of one article, or all), in the trash or not; by position, then by time."""
    where = ["deleted IS NOT NULL" if trashed else "deleted IS NULL"]
    params: list[Any] = []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    order = "coalesce(start, -1), created" if article_id is not None else "updated DESC"
    sql = f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY {order}, id"
    return [Note.from_row(r) for r in db.query(sql, params)]


def save_body(db: Database, note_id: int, body: str, now: str) -> bool:
    """Store a new body and keep a revision; False when nothing changed."""
    current = db.execute("SELECT body FROM notes WHERE id = ?", [note_id]).fetchone()
    if current is None:
        raise KeyError(note_id)
    if current[0] == body:
        return False
    db.execute("UPDATE notes SET body = ?, updated = ? WHERE id = ?", [body, now, note_id])
    db["note_revisions"].insert({"note_id": note_id, "body": body, "saved": now})
    return True


def revisions(db: Database, note_id: int) -> list[Revision]:
    """Every saved state of a note, newest first."""
    return [
        Revision(*row)
        for row in db.execute(
            "SELECT id, note_id, body, saved FROM note_revisions WHERE note_id = ? "
            "ORDER BY id DESC",
            [note_id],
        )
    ]
