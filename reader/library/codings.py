"""Codings in the library file: passages coded to a codebook's dimensions.

A coding ties ``articles.text[start:end]`` (with the exact text kept) to a dimension, with
its method (``manual`` or ``rule:<rule id>``), status (``suggested``, ``accepted`` or
``rejected``), an optional value and memo, and when. Rule suggestions are stored so that a
re-run never brings back what the user rejected, never duplicates what exists, and drops
only the stale *suggestions* (never an accepted, rejected or manual coding).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database

STATUSES = ("suggested", "accepted", "rejected")


class SuggestionLike(Protocol):
    """What the library needs of a rule suggestion."""

    dimension: str
    start: int
    end: int
    text: str
    rule: str


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
    status: str
    value: str | None
    memo: str | None
    created: str
    updated: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Coding:
        return cls(**{k: row[k] for k in cls.__slots__})  # type: ignore[attr-defined]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "codebook": self.codebook,
            "dimension": self.dimension,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": self.status,
            "method": self.method,
            "value": self.value,
            "memo": self.memo,
            "created": self.created,
            "updated": self.updated,
        }


def store_suggestions(
    db: Database,
    article_id: int,
    codebook: str,
    suggestions: Iterable[SuggestionLike],
    rules_hash: str,
    now: str,
) -> int:
    """Merge a rule run into the stored codings (call inside a transaction); return added."""
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
        cid
        for key, (cid, status, method) in existing.items()
        if status == "suggested" and method.startswith("rule:") and key not in fresh
    ]
    for cid in stale:
        db.execute("DELETE FROM codings WHERE id = ?", [cid])
    rows = [
        {
            "article_id": article_id,
            "codebook": codebook,
            "dimension": s.dimension,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "method": f"rule:{s.rule}",
            "status": "suggested",
            "created": now,
            "updated": now,
        }
        for key, s in fresh.items()
        if key not in existing
    ]
    if rows:
        db["codings"].insert_all(rows)
    db.execute(
        "INSERT OR REPLACE INTO coding_runs(article_id, codebook, rules_hash, ran) "
        "VALUES (?, ?, ?, ?)",
        [article_id, codebook, rules_hash, now],
    )
    return len(rows)


def articles_needing_rules(
    db: Database, article_ids: Sequence[int], codebook: str, rules_hash: str
) -> list[int]:
    """Which of ``article_ids`` were never coded with these exact rules."""
    done = {
        int(a)
        for (a,) in db.execute(
            "SELECT article_id FROM coding_runs WHERE codebook = ? AND rules_hash = ?",
            [codebook, rules_hash],
        )
    }
    return [a for a in article_ids if a not in done]


def fetch_codings(
    db: Database,
    *,
    article_ids: Sequence[int] | None = None,
    codebook: str | None = None,
    statuses: Sequence[str] = STATUSES,
) -> list[Coding]:
    """Codings filtered by articles, codebook and status, in text order per article."""
    where = [f"status IN ({','.join('?' * len(statuses))})"]
    params: list[Any] = list(statuses)
    if codebook is not None:
        where.append("codebook = ?")
        params.append(codebook)
    if article_ids is not None:
        if not article_ids:
            return []
        where.append(f"article_id IN ({','.join('?' * len(article_ids))})")
        params.extend(article_ids)
    sql = f"SELECT * FROM codings WHERE {' AND '.join(where)} ORDER BY article_id, start, id"
    return [Coding.from_row(r) for r in db.query(sql, params)]


def fetch_coding(db: Database, coding_id: int) -> Coding | None:
    rows = list(db.query("SELECT * FROM codings WHERE id = ?", [coding_id]))
    return Coding.from_row(rows[0]) if rows else None
