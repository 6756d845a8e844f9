"""Notes and highlights in the library file: anchors, revisions, trash.

A note belongs to an article or stands alone. An anchored note (or a highlight, which is
an anchored note with an empty body) keeps its character offsets into ``articles.text``, the
exact quote and some context, so it can be re-found when the text changes, and is flagged
``unresolved`` when it cannot be. Every save that changes the body keeps a revision; deleting
moves a note to the trash, from which it can be restored. A note can be *private*
(:func:`set_private`): it stays in the library like any other, but every export leaves it
out unless asked. Library-wide lists (:func:`fetch_notes` without an article) skip the notes
of articles in the trash; they come back when their article is restored. A new note carries
the library's coder name (:mod:`reader.library.coders`); a note that came in a field pack
while edited here too is a *conflict copy* (``conflict_of`` names the note it stands beside,
``conflict_coder``/``conflict_time`` who wrote the incoming version and when).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.library.anchors import Anchor
from reader.library.anchors import reanchor as find_again
from reader.library.coders import current_coder
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.handle import Connection
from reader.library.records import json_fields, row_values
from reader.library.statuses import AnchorStatus

if TYPE_CHECKING:
    from reader.library.library import Library

#: Anchor states: ``none`` (free-standing or whole-article), ``ok``, ``unresolved``.
ANCHOR_STATES: tuple[AnchorStatus, ...] = tuple(AnchorStatus)
#: The highlight colours a note may have (``None`` is the default colour).
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
    anchor_status: AnchorStatus
    colour: str | None
    created: str
    updated: str
    deleted: str | None
    private: bool = False
    coder: str | None = None
    conflict_of: str | None = None
    conflict_coder: str | None = None
    conflict_time: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Note:
        return cls(
            **row_values(
                cls,
                row,
                anchor_status=AnchorStatus(row["anchor_status"]),
                private=bool(row.get("private") or 0),
                coder=row.get("coder"),
                conflict_of=row.get("conflict_of"),
                conflict_coder=row.get("conflict_coder"),
                conflict_time=row.get("conflict_time"),
            )
        )

    @property
    def is_conflict(self) -> bool:
        """A conflict copy an import made beside the note it was edited from."""
        return self.conflict_of is not None

    @property
    def is_highlight(self) -> bool:
        """An anchored passage with no text written on it."""
        return self.quote is not None and not self.body.strip()

    def as_json(self) -> dict[str, Any]:
        anchor = "quote start end"
        return json_fields(
            self,
            f"id article_id text=body {anchor} created updated uid colour anchor_status private "
            "coder conflict_of",
        )


@dataclass(frozen=True, slots=True)
class Revision:
    """A saved state of a note's body."""

    id: int
    note_id: int
    body: str
    saved: str


def check_colour(colour: str | None) -> None:
    """:class:`InvalidInputError` unless ``colour`` is one of :data:`COLOURS` (or ``None``)."""
    if colour is not None and colour not in COLOURS:
        raise InvalidInputError(f"unknown colour {colour!r}; use one of {', '.join(COLOURS)}")


def insert_note(
    db: Connection,
    *,
    article_id: int | None,
    body: str,
    anchor: Anchor | None,
    colour: str | None,
    now: str,
    private: bool = False,
) -> int:
    """Insert a note and its first revision (call inside a transaction)."""
    row: dict[str, Any] = {
        "uid": uuid.uuid4().hex,
        "article_id": article_id,
        "body": body,
        "colour": colour,
        "created": now,
        "updated": now,
        "anchor_status": AnchorStatus.NONE.value,
        "private": int(bool(private)),
    }
    coder = current_coder(db)
    if coder is not None:
        row["coder"] = coder
    if anchor is not None:
        row.update(
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            start=anchor.start,
            end=anchor.end,
            anchor_status=AnchorStatus.OK.value,
        )
    columns = ", ".join(f'"{c}"' for c in row)
    cursor = db.execute(
        f"INSERT INTO notes({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    note_id = int(cursor.lastrowid or 0)
    _add_revision(db, note_id, body, now)
    return note_id


def _add_revision(db: Connection, note_id: int, body: str, now: str) -> None:
    db.execute(
        "INSERT INTO note_revisions(note_id, body, saved) VALUES (?, ?, ?)", [note_id, body, now]
    )


def fetch_note(db: Connection, note_id: int) -> Note | None:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", [note_id]))
    return Note.from_row(rows[0]) if rows else None


#: Notes free-standing or on an article outside the trash (the others leave library-wide
#: lists with their article, and come back with it).
OUTSIDE_TRASHED_ARTICLES = (
    "NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = notes.article_id AND a.trashed IS NOT NULL)"
)


def fetch_notes(
    db: Connection, *, article_id: int | None = None, trashed: bool = False
) -> list[Note]:
    """Notes (of one article, or all), in the trash or not; by position, then by time.

    The library-wide list (no ``article_id``) leaves out the notes of articles in the
    trash; one article's list always has that article's notes."""
    where = ["deleted IS NOT NULL" if trashed else "deleted IS NULL"]
    params: list[Any] = []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    else:
        where.append(OUTSIDE_TRASHED_ARTICLES)
    order = "coalesce(start, -1), created" if article_id is not None else "updated DESC"
    sql = f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY {order}, id"
    return [Note.from_row(r) for r in db.query(sql, params)]


def private_count(db: Connection, *, listed_only: bool = False) -> int:
    """How many private notes and highlights the library holds: all of them (what the
    library JSON leaves out), or with ``listed_only`` those a library-wide list shows
    (outside the trash, articles in the trash left out: what the Markdown vault leaves out)."""
    where = "private != 0"
    if listed_only:
        where += f" AND deleted IS NULL AND {OUTSIDE_TRASHED_ARTICLES}"
    return int(db.execute(f"SELECT count(*) FROM notes WHERE {where}").fetchone()[0])


def count_private(library: Library, *, listed_only: bool = False) -> int:
    """:func:`private_count` of ``library`` (for the window and the command line, which do
    not reach the connection; what ``Library.private_note_count`` delegates to)."""
    return private_count(library.handle, listed_only=listed_only)


def mark_private(db: Connection, note_id: int, private: bool) -> bool:
    """Make a note private or not (call inside a transaction); False when it already was.
    :class:`NotFoundError` when there is no such note. The note's ``updated`` time stays:
    the flag says who may see the note, not what it says."""
    row = db.execute("SELECT private FROM notes WHERE id = ?", [note_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no note with id {note_id}")
    if bool(row[0]) == bool(private):
        return False
    db.execute("UPDATE notes SET private = ? WHERE id = ?", [int(bool(private)), note_id])
    return True


def set_private(library: Library, note_id: int, private: bool) -> bool:
    """Make a note of ``library`` private (or public again), in its own write transaction;
    False when nothing changed. (What ``Library.set_note_private`` delegates to.)"""
    with library.transaction():
        return mark_private(library.handle, note_id, private)


def save_body(db: Connection, note_id: int, body: str, now: str) -> bool:
    """Store a new body and keep a revision; False when nothing changed."""
    current = db.execute("SELECT body FROM notes WHERE id = ?", [note_id]).fetchone()
    if current is None:
        raise NotFoundError(f"no note with id {note_id}")
    if current[0] == body:
        return False
    db.execute("UPDATE notes SET body = ?, updated = ? WHERE id = ?", [body, now, note_id])
    _add_revision(db, note_id, body, now)
    return True


def revisions(db: Connection, note_id: int) -> list[Revision]:
    """Every saved state of a note, newest first."""
    return [
        Revision(*row)
        for row in db.execute(
            "SELECT id, note_id, body, saved FROM note_revisions WHERE note_id = ? "
            "ORDER BY id DESC",
            [note_id],
        )
    ]


def anchored_ids(db: Connection, article_id: int) -> list[int]:
    """The notes of an article that are anchored to a passage (trashed ones too)."""
    rows = db.execute(
        "SELECT id FROM notes WHERE article_id = ? AND quote IS NOT NULL AND start IS NOT NULL "
        'AND "end" IS NOT NULL ORDER BY id',
        [article_id],
    )
    return [int(r[0]) for r in rows]


def reanchor(db: Connection, note_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Find each anchored note again in its article's current text (call inside a
    transaction): a note found is moved there and marked ``ok``; one whose quote is gone
    is flagged ``unresolved`` and left where it was. Returns ``(found, lost)`` ids."""
    found: list[int] = []
    lost: list[int] = []
    for note_id in note_ids:
        row = db.execute(
            'SELECT n.start, n."end", n.quote, n.prefix, n.suffix, a.text FROM notes n '
            "JOIN articles a ON a.id = n.article_id WHERE n.id = ? AND n.quote IS NOT NULL",
            [note_id],
        ).fetchone()
        if row is None:
            continue
        start, end, quote, prefix, suffix, text = row
        place = find_again(text, Anchor(start or 0, end or 0, quote, prefix or "", suffix or ""))
        if place is None:
            db.execute(
                "UPDATE notes SET anchor_status = ? WHERE id = ?",
                [AnchorStatus.UNRESOLVED.value, note_id],
            )
            lost.append(note_id)
        else:
            db.execute(
                'UPDATE notes SET start = ?, "end" = ?, anchor_status = ? WHERE id = ?',
                [place[0], place[1], AnchorStatus.OK.value, note_id],
            )
            found.append(note_id)
    return found, lost
