"""Codings in the library file: passages coded to a codebook's dimensions, and codebooks.

A coding ties ``articles.text[start:end]`` (with the exact text kept) to a dimension, with
its method (``manual`` or ``rule:<rule id>``), status (``suggested``, ``accepted`` or
``rejected``), an optional value and memo, and when. Rule suggestions are stored so that a
re-run never brings back what the user rejected, never duplicates what exists, and drops
only the stale *suggestions* (never an accepted, rejected or manual coding). The
``codebooks`` table holds the user's edited codebooks as JSON (the shipped ones stay in
``resources/``); ``coding_runs`` remembers which rules last ran on which article.

A coding has a stable ``uid`` and the ``coder`` who made it (the library's coder name when
it was stored). A rule run merges into *this coder's* codings only, so codings another coder
sent in a field pack are never dropped or taken for this coder's own. Each review (status
change) keeps the coding's previous content hash in ``history`` (:func:`content_hash`), which
is how a field pack import tells an edit made on one side from edits made on both.

A coding made by hand (a manual coding, or the new place of a move) can be deleted
(:func:`delete_coding`, what an undo of it does) and put back exactly, with the same id when
it is free and always the same uid (:func:`restore_coding`, what a redo does). A rule's
suggestion is never deleted, only rejected, so a rejected suggestion never comes back.

Every function takes the :class:`~reader.library.Library` and writes in its transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.library.anchors import Anchor
from reader.library.coders import current_coder
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.library import Library, now_iso
from reader.library.records import json_fields, row_values
from reader.library.statuses import CODING_STATUSES, CodingMethod, CodingStatus


class SuggestionLike(Protocol):
    """What the library needs of a rule suggestion."""

    @property
    def dimension(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def rule(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Coding:
    """One coded passage."""

    id: int
    article_id: int
    codebook: str
    dimension: str
    start: int
    end: int
    text: str
    method: str
    status: CodingStatus
    value: str | None
    memo: str | None
    created: str
    updated: str
    uid: str | None = None
    coder: str | None = None
    conflict_of: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Coding:
        return cls(
            **row_values(
                cls,
                row,
                status=CodingStatus(row["status"]),
                uid=row.get("uid"),
                coder=row.get("coder"),
                conflict_of=row.get("conflict_of"),
            )
        )

    @property
    def is_rule_suggestion(self) -> bool:
        """Still a suggestion a rule made (what a re-run of the rules may drop)."""
        return (
            self.status == CodingStatus.SUGGESTED
            and CodingMethod.of(self.method) == CodingMethod.RULE
        )

    def as_json(self) -> dict[str, Any]:
        places = "id article_id codebook dimension start end text"
        return json_fields(
            self, f"{places} status method value memo created updated uid coder conflict_of"
        )


def content_hash(dimension: str, status: str, value: str | None, memo: str | None) -> str:
    """What a coding says (its dimension, status, value and memo), hashed: two libraries
    hold the same version of a coding when these agree (the place may be re-found)."""
    data = json.dumps([dimension, status, value, memo], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _own(coder: str | None) -> tuple[str, list[Any]]:
    """The condition (and its parameter) for the codings of ``coder`` (none: no coder)."""
    return "coalesce(coder, '') = ? AND conflict_of IS NULL", [coder or ""]


def check_status(status: str) -> CodingStatus:
    """``status`` as a :class:`CodingStatus`; :class:`InvalidInputError` when unknown."""
    try:
        return CodingStatus(status)
    except ValueError:
        known = ", ".join(CODING_STATUSES)
        raise InvalidInputError(f"unknown status {status!r}; use one of {known}") from None


# -- rule runs ------------------------------------------------------------------------------
def store_suggestions(
    library: Library,
    article_id: int,
    codebook: str,
    suggestions: Iterable[SuggestionLike],
    rules_hash: str,
) -> int:
    """Merge a rule run into the stored codings (one transaction); return how many added."""
    db = library.handle
    now = now_iso()
    with library.transaction():
        coder = current_coder(db)
        own, own_params = _own(coder)
        existing = {
            (d, s, e): (cid, status, method)
            for cid, d, s, e, status, method in db.execute(
                'SELECT id, dimension, start, "end", status, method FROM codings '
                f"WHERE article_id = ? AND codebook = ? AND {own}",
                [article_id, codebook, *own_params],
            )
        }
        fresh = {(s.dimension, s.start, s.end): s for s in suggestions}
        stale = [
            (cid,)
            for key, (cid, status, method) in existing.items()
            if status == CodingStatus.SUGGESTED
            and CodingMethod.of(method) == CodingMethod.RULE
            and key not in fresh
        ]
        db.conn.executemany("DELETE FROM codings WHERE id = ?", stale)
        rows = [
            (
                article_id,
                codebook,
                s.dimension,
                s.start,
                s.end,
                s.text,
                CodingMethod.for_rule(s.rule),
                CodingStatus.SUGGESTED.value,
                now,
                now,
                coder,
            )
            for key, s in fresh.items()
            if key not in existing
        ]
        db.conn.executemany(
            'INSERT INTO codings(article_id, codebook, dimension, start, "end", text, method, '
            "status, created, updated, coder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.execute(
            "INSERT OR REPLACE INTO coding_runs(article_id, codebook, rules_hash, ran) "
            "VALUES (?, ?, ?, ?)",
            [article_id, codebook, rules_hash, now],
        )
    return len(rows)


def articles_needing_rules(
    library: Library, article_ids: Sequence[int], codebook: str, rules_hash: str
) -> list[int]:
    """Which of ``article_ids`` were never coded with these exact rules."""
    done = {
        int(a)
        for (a,) in library.handle.execute(
            "SELECT article_id FROM coding_runs WHERE codebook = ? AND rules_hash = ?",
            [codebook, rules_hash],
        )
    }
    return [a for a in article_ids if a not in done]


# -- reading and reviewing ------------------------------------------------------------------
def fetch_codings(
    library: Library,
    *,
    article_ids: Sequence[int] | None = None,
    codebook: str | None = None,
    statuses: Sequence[str] = CODING_STATUSES,
    coder: str | None = None,
) -> list[Coding]:
    """Codings filtered by articles, codebook, status and coder (``None``: every coder's),
    in text order per article (without ``article_ids``, those of the articles in the trash
    are left out)."""
    where = [f"status IN ({','.join('?' * len(statuses))})"]
    params: list[Any] = [str(s) for s in statuses]
    if codebook is not None:
        where.append("codebook = ?")
        params.append(codebook)
    if coder is not None:
        where.append("coder = ?")
        params.append(coder)
    if article_ids is not None:
        if not article_ids:
            return []
        where.append(f"article_id IN ({','.join('?' * len(article_ids))})")
        params.extend(article_ids)
    else:  # the whole library's: not those of articles in the trash
        where.append("article_id NOT IN (SELECT id FROM articles WHERE trashed IS NOT NULL)")
    sql = f"SELECT * FROM codings WHERE {' AND '.join(where)} ORDER BY article_id, start, id"
    return [Coding.from_row(r) for r in library.handle.query(sql, params)]


def fetch_coding(library: Library, coding_id: int) -> Coding | None:
    """One coding, or ``None``."""
    rows = list(library.handle.query("SELECT * FROM codings WHERE id = ?", [coding_id]))
    return Coding.from_row(rows[0]) if rows else None


def add_coding(
    library: Library,
    article_id: int,
    codebook: str,
    dimension: str,
    anchor: Anchor,
    *,
    method: str = CodingMethod.MANUAL,
    status: CodingStatus = CodingStatus.ACCEPTED,
    value: str | None = None,
    memo: str | None = None,
) -> int:
    """Store one coding of the passage ``anchor`` of an article; its id."""
    now = now_iso()
    with library.transaction():
        cursor = library.handle.execute(
            'INSERT INTO codings(article_id, codebook, dimension, start, "end", text, method, '
            "status, value, memo, created, updated, coder) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                codebook,
                dimension,
                anchor.start,
                anchor.end,
                anchor.quote,
                str(method),
                str(status),
                value,
                memo,
                now,
                now,
                current_coder(library.handle),
            ],
        )
    return int(cursor.lastrowid or 0)


def coding_id_for_uid(library: Library, uid: str) -> int | None:
    """The id of the coding with this stable uid, or ``None``."""
    row = library.handle.execute("SELECT id FROM codings WHERE uid = ?", [uid]).fetchone()
    return None if row is None else int(row[0])


@dataclass(frozen=True, slots=True)
class StoredCoding:
    """A deleted coding's whole row, column by column: what :func:`restore_coding` puts
    back."""

    columns: tuple[tuple[str, Any], ...]

    @property
    def id(self) -> int:
        return int(dict(self.columns)["id"])

    @property
    def uid(self) -> str | None:
        found = dict(self.columns).get("uid")
        return None if found is None else str(found)


def delete_coding(library: Library, coding_id: int) -> StoredCoding:
    """Delete a coding made by hand (a manual coding, or where a move put a passage) and
    return its row for :func:`restore_coding`; :class:`NotFoundError` when there is none,
    :class:`InvalidInputError` for a rule's suggestion (reject it instead: a rejected
    suggestion is remembered, so the rules never suggest it again)."""
    with library.transaction():
        rows = list(library.handle.query("SELECT * FROM codings WHERE id = ?", [coding_id]))
        if not rows:
            raise NotFoundError(f"no coding with id {coding_id}")
        row = rows[0]
        if CodingMethod.of(str(row["method"])) != CodingMethod.MANUAL:
            raise InvalidInputError(
                f"coding {coding_id} was suggested by a rule: reject it instead "
                "(a rejected suggestion never comes back)"
            )
        library.handle.execute("DELETE FROM codings WHERE id = ?", [coding_id])
    return StoredCoding(tuple(row.items()))


def restore_coding(library: Library, stored: StoredCoding) -> int:
    """Put a deleted coding back as it was (same uid; same id unless another coding took
    it since) in one transaction; its id. A coding with that uid already there is left as
    it is (restoring twice adds nothing); :class:`NotFoundError` when its article is gone."""
    row = dict(stored.columns)
    with library.transaction():
        uid = stored.uid
        if uid is not None:
            found = coding_id_for_uid(library, uid)
            if found is not None:
                return found
        article = library.handle.execute(
            "SELECT 1 FROM articles WHERE id = ?", [row["article_id"]]
        ).fetchone()
        if article is None:
            raise NotFoundError(f"no article with id {row['article_id']}")
        taken = library.handle.execute("SELECT 1 FROM codings WHERE id = ?", [stored.id]).fetchone()
        if taken is not None:
            del row["id"]
        names = ", ".join(f'"{name}"' for name in row)
        cursor = library.handle.execute(
            f"INSERT INTO codings({names}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    return stored.id if taken is None else int(cursor.lastrowid or 0)


def set_status(library: Library, coding_id: int, status: str) -> Coding:
    """Accept, reject (or return to suggested) a coding; the coding as it is now."""
    checked = check_status(status)
    with library.transaction():
        row = library.handle.execute(
            "SELECT dimension, status, value, memo, history FROM codings WHERE id = ?",
            [coding_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no coding with id {coding_id}")
        history = list(json.loads(row[4] or "[]"))
        if row[1] != checked.value:
            history.append(content_hash(row[0], row[1], row[2], row[3]))
        library.handle.execute(
            "UPDATE codings SET status = ?, updated = ?, history = ? WHERE id = ?",
            [checked.value, now_iso(), json.dumps(history), coding_id],
        )
    fresh = fetch_coding(library, coding_id)
    assert fresh is not None
    return fresh


# -- the user's codebooks -------------------------------------------------------------------
def stored_codebook_ids(library: Library) -> list[str]:
    """The ids of the codebooks the user edited (kept in the library)."""
    return [str(r[0]) for r in library.handle.execute("SELECT id FROM codebooks ORDER BY id")]


def stored_codebook(library: Library, codebook_id: str) -> str | None:
    """The JSON of the user's version of a codebook, or ``None``."""
    row = library.handle.execute(
        "SELECT data FROM codebooks WHERE id = ?", [codebook_id]
    ).fetchone()
    return None if row is None else str(row[0])


def store_codebook(library: Library, codebook_id: str, data: str) -> None:
    """Keep the user's version of a codebook (its JSON) in the library."""
    with library.transaction():
        library.handle.execute(
            "INSERT OR REPLACE INTO codebooks(id, data, updated) VALUES (?, ?, ?)",
            [codebook_id, data, now_iso()],
        )
