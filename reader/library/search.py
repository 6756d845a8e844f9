"""Full-text search over the library with SQLite FTS5.

Queries use FTS5's own syntax (phrases in quotes, ``OR``, ``NOT``, prefix ``*``, ``title:``);
a query FTS5 rejects is retried as plain terms, so a user's search never fails. Results are
ranked by BM25 with titles weighted above body text, and carry a snippet whose matches are
bracketed by :data:`~reader.library.records.MATCH_START` and ``MATCH_END``.
"""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from reader.library.records import MATCH_END, MATCH_START, SearchHit

#: BM25 weights for the indexed columns (title, text).
TITLE_WEIGHT = 5.0
TEXT_WEIGHT = 1.0
SNIPPET_TOKENS = 24

_WORD = re.compile(r"\w+", re.UNICODE)


def plain_terms(query: str) -> str:
    """``query`` as FTS5 plain terms: every word quoted, operators and punctuation dropped."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def _tag_filter(column: str, tag: str | None, params: list[object]) -> str:
    if not tag:
        return ""
    params.append(tag)
    return (
        f"AND {column} IN (SELECT at.article_id FROM article_tags at JOIN tags t "
        "ON t.id = at.tag_id WHERE t.name = ?)"
    )


def _run(db: Database, match: str, limit: int, tag: str | None) -> list[SearchHit]:
    # ``rank MATCH`` and ``ORDER BY rank`` let FTS5 return rows best first and stop at the
    # limit, so snippets are made for the rows shown only (as fast as bare FTS5).
    params: list[object] = [MATCH_START, MATCH_END, match]
    tag_filter = _tag_filter("rowid", tag, params)
    params.append(limit)
    sql = f"""
        SELECT a.id, a.title, s.snippet, s.rank
        FROM (
            SELECT rowid, snippet(articles_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet, rank
            FROM articles_fts
            WHERE articles_fts MATCH ? AND rank MATCH 'bm25({TITLE_WEIGHT}, {TEXT_WEIGHT})'
            {tag_filter}
            ORDER BY rank LIMIT ?
        ) AS s JOIN articles a ON a.id = s.rowid
        ORDER BY s.rank
    """
    rows = db.execute(sql, params).fetchall()
    return [SearchHit("article", int(i), t, s or "", float(r)) for i, t, s, r in rows]


def _run_notes(db: Database, match: str, limit: int, tag: str | None) -> list[SearchHit]:
    params: list[object] = [MATCH_START, MATCH_END, match]
    tag_filter = _tag_filter("n.article_id", tag, params)
    params.append(limit)
    sql = f"""
        SELECT n.id, n.article_id, a.title, n.body, s.snippet, s.rank
        FROM (
            SELECT rowid, snippet(notes_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet, rank
            FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rank
        ) AS s
        JOIN notes n ON n.id = s.rowid
        LEFT JOIN articles a ON a.id = n.article_id
        WHERE n.deleted IS NULL {tag_filter}
        ORDER BY s.rank LIMIT ?
    """
    hits = []
    for note_id, article_id, title, body, snippet, rank in db.execute(sql, params).fetchall():
        if not title:
            first = body.strip().splitlines()[0] if body.strip() else "Note"
            title = first.lstrip("# ").strip()[:80] or "Note"
        hits.append(SearchHit("note", int(note_id), title, snippet or "", float(rank), article_id))
    return hits


def _both(
    db: Database, match: str, limit: int, tag: str | None, kinds: tuple[str, ...]
) -> list[SearchHit]:
    hits: list[SearchHit] = []
    if "article" in kinds:
        hits += _run(db, match, limit, tag)
    if "note" in kinds:
        hits += _run_notes(db, match, limit, tag)
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]


def search_articles(
    db: Database,
    query: str,
    *,
    limit: int = 50,
    tag: str | None = None,
    kinds: tuple[str, ...] = ("article", "note"),
) -> list[SearchHit]:
    """Ranked matches for ``query``; an empty or wordless query gives no results."""
    query = query.strip()
    if not query:
        return []
    try:
        return _both(db, query, limit, tag, kinds)
    except sqlite3.OperationalError:
        pass  # FTS5 syntax it rejects: fall back to the words alone
    terms = plain_terms(query)
    if not terms:
        return []
    return _both(db, terms, limit, tag, kinds)


def snippet_markup(snippet: str, start: str, end: str) -> str:
    """Replace the match markers in ``snippet`` with ``start``/``end`` (e.g. ``**``)."""
    return snippet.replace(MATCH_START, start).replace(MATCH_END, end)
