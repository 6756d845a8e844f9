"""Coders in the library file: this library's coder name and uid, and codings by coder.

Each library has one coder name (``library_meta`` key ``coder``; :func:`set_coder`) that
every new note and coding carries, and a ``library_uid`` made the first time it is asked
for (:func:`library_uid`: a field pack names the library that wrote it). Setting the
coder name also gives it to the notes and codings that have no coder yet (written before
there was one). :func:`coder_codings` and :func:`coders` read what the agreement between
two coders is computed from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.errors import InvalidInputError
from reader.library.handle import Connection

if TYPE_CHECKING:
    from reader.library.library import Library

CODER_KEY = "coder"
UID_KEY = "library_uid"
LAST_PACK_KEY = "last_pack"
TEAM_FOLDER_KEY = "team_folder"
#: The longest coder name.
MAX_CODER = 80
_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def has_meta(db: Connection) -> bool:
    """Whether the file has the table (schema 11 and later)."""
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'library_meta'"
    ).fetchone()
    return row is not None


def get_meta(db: Connection, key: str) -> str | None:
    """One value of ``library_meta`` (``None`` when unset)."""
    if not has_meta(db):
        return None
    row = db.execute("SELECT value FROM library_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def put_meta(db: Connection, key: str, value: str | None) -> None:
    """Set (or with ``None`` remove) one value (call inside a transaction)."""
    if value is None:
        db.execute("DELETE FROM library_meta WHERE key = ?", [key])
    else:
        db.execute("INSERT OR REPLACE INTO library_meta(key, value) VALUES (?, ?)", [key, value])


def check_coder(name: str) -> str:
    """``name`` trimmed; :class:`InvalidInputError` when empty, too long or with control
    characters."""
    name = name.strip()
    if not name:
        raise InvalidInputError("a coder name cannot be empty")
    if len(name) > MAX_CODER:
        raise InvalidInputError(f"a coder name has at most {MAX_CODER} characters")
    if _BAD.search(name):
        raise InvalidInputError("a coder name cannot hold control characters or line breaks")
    return name


def coder(library: Library) -> str | None:
    """This library's coder name, or ``None`` when none was set."""
    return get_meta(library.handle, CODER_KEY)


def current_coder(db: Connection) -> str | None:
    """:func:`coder` on a connection (what new notes and codings are given)."""
    return get_meta(db, CODER_KEY)


def set_coder(library: Library, name: str) -> str:
    """Name this library's coder (one transaction); the notes and codings with no coder
    are given this one. Returns the name as stored."""
    name = check_coder(name)
    with library.transaction():
        put_meta(library.handle, CODER_KEY, name)
        library.handle.execute("UPDATE notes SET coder = ? WHERE coder IS NULL", [name])
        library.handle.execute("UPDATE codings SET coder = ? WHERE coder IS NULL", [name])
    return name


def library_uid(library: Library) -> str:
    """This library's stable uid (made, in its own transaction, the first time)."""
    found = get_meta(library.handle, UID_KEY)
    if found is not None:
        return found
    with library.transaction():
        found = get_meta(library.handle, UID_KEY)
        if found is None:
            import uuid  # read only when a coder is first named (uuid imports platform)

            found = uuid.uuid4().hex
            put_meta(library.handle, UID_KEY, found)
    return found


def setting(library: Library, key: str) -> str | None:
    """A value of ``library_meta`` (the team folder, the last pack's time)."""
    return get_meta(library.handle, key)


def set_setting(library: Library, key: str, value: str | None) -> None:
    """Set or clear a value of ``library_meta`` in its own transaction."""
    with library.transaction():
        put_meta(library.handle, key, value)


def coders(library: Library) -> list[str]:
    """The coders named on this library's codings and notes, sorted."""
    rows = library.handle.execute(
        "SELECT coder FROM codings WHERE coder IS NOT NULL UNION "
        "SELECT coder FROM notes WHERE coder IS NOT NULL ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


@dataclass(frozen=True, slots=True)
class CoderCoding:
    """One coding as the agreement reads it."""

    article_id: int
    dimension: str
    start: int
    end: int
    status: str


def coder_codings(
    library: Library, coder_name: str, codebook: str | None = None
) -> dict[str, list[CoderCoding]]:
    """The codings of one coder (not conflict copies, not on articles in the trash), by
    codebook."""
    sql = (
        'SELECT codebook, article_id, dimension, start, "end", status FROM codings '
        "WHERE coder = ? AND conflict_of IS NULL "
        "AND article_id NOT IN (SELECT id FROM articles WHERE trashed IS NOT NULL)"
    )
    params: list[object] = [coder_name]
    if codebook is not None:
        sql += " AND codebook = ?"
        params.append(codebook)
    out: dict[str, list[CoderCoding]] = {}
    for book, article_id, dimension, start, end, status in library.handle.execute(
        sql + " ORDER BY codebook, article_id, start, id", params
    ):
        out.setdefault(str(book), []).append(
            CoderCoding(int(article_id), str(dimension), int(start), int(end), str(status))
        )
    return out


def article_texts(library: Library, article_ids: list[int]) -> dict[int, tuple[str, str | None]]:
    """``(text, language)`` of each of ``article_ids`` that exists."""
    out: dict[int, tuple[str, str | None]] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        rows = library.handle.execute(
            f"SELECT id, text, language FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for aid, text, language in rows:
            out[int(aid)] = (str(text), language)
    return out
