"""Codings in the library file: passages coded to a codebook's dimensions, and codebooks.

A coding ties ``articles.text[start:end]`` (with the exact text kept) to a dimension, with
its method (``manual`` or ``rule:<rule id>``), status (``suggested``, ``accepted`` or
``rejected``), an optional value and memo, and when. Rule suggestions are stored so that a
re-run never brings back what the user rejected, never duplicates what exists, and drops
only the stale *suggestions* (never an accepted, rejected or manual coding). The
``codebooks`` table holds the user's edited codebooks as JSON (the shipped ones stay in
``resources/``); ``coding_runs`` remembers which rules last ran on which article.

Every function takes the :class:`~reader.library.Library` and writes in its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.library.anchors import Anchor
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

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Coding:
        return cls(**row_values(cls, row, status=CodingStatus(row["status"])))

    @property
    def is_rule_suggestion(self) -> bool:
        """Still a suggestion a rule made (what a re-run of the rules may drop)."""
        return (
            self.status == CodingStatus.SUGGESTED
            and CodingMethod.of(self.method) == CodingMethod.RULE
        )

    def as_json(self) -> dict[str, Any]:
        places = "id article_id codebook dimension start end text"
        return json_fields(self, f"{places} status method value memo created updated")


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
    db = library.db
    now = now_iso()
    with library.transaction():
        existing = {
            (d, s, e): (cid, status, method)
            for cid, d, s, e, status, method in db.execute(
                'SELECT id, dimension, start, "end", status, method FROM codings '
                "WHERE article_id = ? AND codebook = ?",
                [article_id, codebook],
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
            )
            for key, s in fresh.items()
            if key not in existing
        ]
        db.conn.executemany(
            'INSERT INTO codings(article_id, codebook, dimension, start, "end", text, method, '
            "status, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        for (a,) in library.db.execute(
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
) -> list[Coding]:
    """Codings filtered by articles, codebook and status, in text order per article."""
    where = [f"status IN ({','.join('?' * len(statuses))})"]
    params: list[Any] = [str(s) for s in statuses]
    if codebook is not None:
        where.append("codebook = ?")
        params.append(codebook)
    if article_ids is not None:
        if not article_ids:
            return []
        where.append(f"article_id IN ({','.join('?' * len(article_ids))})")
        params.extend(article_ids)
    sql = f"SELECT * FROM codings WHERE {' AND '.join(where)} ORDER BY article_id, start, id"
    return [Coding.from_row(r) for r in library.db.query(sql, params)]


def fetch_coding(library: Library, coding_id: int) -> Coding | None:
    """One coding, or ``None``."""
    rows = list(library.db.query("SELECT * FROM codings WHERE id = ?", [coding_id]))
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
        cursor = library.db.execute(
            'INSERT INTO codings(article_id, codebook, dimension, start, "end", text, method, '
            "status, value, memo, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ],
        )
    return int(cursor.lastrowid or 0)


def set_status(library: Library, coding_id: int, status: str) -> Coding:
    """Accept, reject (or return to suggested) a coding; the coding as it is now."""
    checked = check_status(status)
    with library.transaction():
        changed = library.db.execute(
            "UPDATE codings SET status = ?, updated = ? WHERE id = ?",
            [checked.value, now_iso(), coding_id],
        ).rowcount
    if not changed:
        raise NotFoundError(f"no coding with id {coding_id}")
    fresh = fetch_coding(library, coding_id)
    assert fresh is not None
    return fresh


# -- the user's codebooks -------------------------------------------------------------------
def stored_codebook_ids(library: Library) -> list[str]:
    """The ids of the codebooks the user edited (kept in the library)."""
    return [str(r[0]) for r in library.db.execute("SELECT id FROM codebooks ORDER BY id")]


def stored_codebook(library: Library, codebook_id: str) -> str | None:
    """The JSON of the user's version of a codebook, or ``None``."""
    row = library.db.execute("SELECT data FROM codebooks WHERE id = ?", [codebook_id]).fetchone()
    return None if row is None else str(row[0])


def store_codebook(library: Library, codebook_id: str, data: str) -> None:
    """Keep the user's version of a codebook (its JSON) in the library."""
    with library.transaction():
        library.db.execute(
            "INSERT OR REPLACE INTO codebooks(id, data, updated) VALUES (?, ?, ?)",
            [codebook_id, data, now_iso()],
        )
