"""Full-text search over the library: stemmed, accent-folded, bounded, never failing.

A query (FTS5's syntax plus ``-word``; see :mod:`reader.library.search_query`, which bounds
it) is rewritten for the stemmed indexes of :mod:`reader.library.search_schema`
(:mod:`reader.library.search_plan`): every word becomes the forms it takes in the
languages the library holds (``négociations`` is ``negoci`` in French and in English, so it
finds ``negociation``, ``Négociations`` and ``négociation``), a prefix ``lith*`` is folded,
and a word without a column filter looks in the title and the text (``source:okapi`` looks
at the outlet). Articles have the columns
``title``, ``text`` and ``source``; notes ``body`` and ``quote``: a query that names columns
only one kind has searches that kind alone, and one naming columns neither has runs as its
plain words. Trashed articles, their notes and deleted notes are never found.

Results are ranked by BM25 with titles weighted above body text, and carry a snippet in the
original words whose matches are bracketed by :data:`~reader.library.records.MATCH_START`
and ``MATCH_END`` (but for a search of :data:`IDS_ONLY_FROM` hits or more: a filter). FTS5
cuts the snippet from the article's own text (the stemmed index reads it through its
content view); when the words it marked are not the query's (a text FTS5 cuts otherwise),
one is cut in Python. FTS5 scores every row it ranks, so a query matching more than
:data:`RANK_WINDOW` articles ranks the most recently added that many (found by walking the
index in rowid order, which costs no scoring) and says so (``SearchHits.bounded``).
A search runs one statement when it can: each connection remembers, for one state of the
file (``PRAGMA data_version`` and its own changes), that the stemmed index was in step, the
library's languages and the window floors it found; a query in several languages' versions
runs each version among its own rows (cheaper to rank, and each row scored as FTS5 scores it
alone). A line break in a snippet is shown (:func:`~reader.library.search_snippets.separated`):
a heading does not run into the paragraph after it.
:func:`search_articles` returns a :class:`SearchHits` list that also says what ran and,
when nothing matched, what the library's own vocabulary suggests instead
(:mod:`reader.library.search_suggest`). :func:`query_terms` and :func:`match_spans` say
where a query's words occur in a text (the reader highlights them).
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat

from reader.library import search_schema
from reader.library.handle import Connection, Handle, as_database
from reader.library.records import MATCH_END, MATCH_START, SearchHit
from reader.library.search_plan import (
    ARTICLE_COLUMNS,
    NOTE_COLUMNS,
    Query,
    algorithms_of,
    plan_for,
    stemmed,
)
from reader.library.search_query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    PreparedQuery,
    parse,
    plain_terms,
    prepare_query,
)
from reader.library.search_snippets import (
    ELLIPSIS,
    Terms,
    fitting,
    original_snippet,
    python_snippet,
    separated,
)
from reader.library.search_snippets import match_spans as _spans_of
from reader.library.search_suggest import query_words, suggest
from reader.library.search_words import algorithm_for

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "PreparedQuery",
    "SearchHits",
    "Terms",
    "match_spans",
    "plain_terms",
    "prepare_query",
    "query_terms",
    "query_words",
    "search_articles",
    "snippet_markup",
    "suggest",
]

#: BM25 weights for the articles' indexed columns (title, text, source).
TITLE_WEIGHT = 5.0
TEXT_WEIGHT = 1.0
SOURCE_WEIGHT = 1.0
SNIPPET_TOKENS = 24
#: A search for this many hits or more is a filter (``Library.search_ids``), not a list
#: to read: its articles carry no snippets, which spares reading every text.
IDS_ONLY_FROM = 1000
#: A search with more matching articles than this ranks the most recently added this many
#: (FTS5 ranks every row it is given: a word in every article of a large library is
#: answered without scoring them all).
RANK_WINDOW = 2000


# -- the result ---------------------------------------------------------------------------------
class SearchHits(list[SearchHit]):
    """Hits best first (a plain list to every caller), and what was run to find them.

    ``query`` is the (bounded) query actually searched, ``terms`` the number of phrases in
    it, and ``truncated`` is true when the user's query was cut to fit the bounds (too long
    or too many terms), so a view can say so. ``words`` are the words it looks for (not
    those it excludes); ``suggestions``, when nothing matched, are queries spelled from the
    library's own vocabulary that may ("tshisekedi" for "Tshisekdi"). ``bounded`` is true
    when more than :data:`RANK_WINDOW` articles matched and the articles were ranked among
    the most recently added that many (every match is still a match: a filter-sized search
    ranks them all).
    """

    def __init__(
        self,
        hits: Iterable[SearchHit] = (),
        *,
        query: str = "",
        terms: int = 0,
        truncated: bool = False,
        words: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        bounded: bool = False,
    ) -> None:
        super().__init__(hits)
        self.bounded = bounded
        self.query = query
        self.terms = terms
        self.truncated = truncated
        self.words = tuple(words)
        self.suggestions = tuple(suggestions)


def query_terms(query: str, language: str | None) -> Terms:
    """What ``query`` looks for in a text written in ``language``, as index forms."""
    tree = parse(prepare_query(query).match)
    if tree is None:
        return Terms()
    found = stemmed(tree, [algorithm_for(language)], (*ARTICLE_COLUMNS, *NOTE_COLUMNS))
    return Terms() if found is None else found.terms


def match_spans(text: str, language: str | None, query: str) -> list[tuple[int, int]]:
    """Where ``text`` (written in ``language``) has the words ``query`` looks for."""
    return _spans_of(text, language, query_terms(query, language))


def _by_rank(row: tuple[Any, ...]) -> tuple[float, int]:
    return row[-1], row[0]


# -- what one connection has seen --------------------------------------------------------------
class _Seen:
    """What one connection knows of its library at one state of the file (``state``:
    ``PRAGMA data_version`` and the connection's own ``total_changes``): its languages and
    their stemmers, whether the stemmed index was found in step (nothing queued, so no row
    is left out of it and none needs stemming now), and the window floors found so far."""

    __slots__ = ("algorithms", "floors", "in_step", "present", "state")

    def __init__(self, state: tuple[int, int], present: search_schema.Languages) -> None:
        self.state = state
        self.present = present
        self.algorithms = algorithms_of(present)
        self.in_step = False
        self.floors: dict[tuple[str, int], int | None] = {}


#: What each connection has seen, by the id of its ``Handle`` (with a reference that says
#: whether it is still that one).
_seen: dict[int, tuple[weakref.ref[Connection], _Seen]] = {}
#: Window floors kept per state of the file, at most.
FLOORS_KEPT = 256


def _state(db: Connection) -> tuple[int, int]:
    conn = db.conn
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


def _in_step(db: Connection) -> _Seen:
    """The stemmed index brought up to date (when the file changed since the last
    search on ``db``), and what ``db`` knows of the library now."""
    state = _state(db)
    known = _seen.get(id(db))
    if known is not None and known[0]() is db and known[1].state == state:
        return known[1]
    present = search_schema.languages(as_database(db))
    if search_schema.pending(as_database(db), present):
        search_schema.sync_index(as_database(db), present)
        state = _state(db)  # what the sync wrote
        in_step = not search_schema.pending(as_database(db), present)
    else:
        in_step = True
    seen = _Seen(state, present)
    seen.in_step = in_step
    for key in [k for k, (ref, _) in _seen.items() if ref() is None]:
        del _seen[key]  # connections closed and gone
    if in_step:  # else the next search tries the sync again (another writer held the file)
        _seen[id(db)] = (weakref.ref(db), seen)
    else:
        _seen.pop(id(db), None)
    return seen


# -- running it ---------------------------------------------------------------------------------
def _tag_filter(column: str, tag: str | None, params: list[object]) -> str:
    if not tag:
        return ""
    params.append(tag)
    return (
        f"AND {column} IN (SELECT at.article_id FROM article_tags at JOIN tags t "
        "ON t.id = at.tag_id WHERE t.name = ?)"
    )


def _python_snippet(db: Connection, article_id: int, language: str | None, terms: Terms) -> str:
    """A snippet cut in Python from the article's text: FTS5's marked words that are not
    those the query looks for (a text FTS5 cuts into words otherwise than the index forms
    were made, such as ``м'ясо``)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return python_snippet(row[0] if row else "", language, terms)


def _window_floor(
    db: Connection, match: str, floors: dict[tuple[str, int], int | None] | None
) -> int | None:
    """The rowid below the :data:`RANK_WINDOW` most recent articles matching ``match``
    (None: that many do not match, so all are ranked). FTS5 walks its index in rowid
    order and stops, so this costs no ranking; ``floors`` keeps what one state of the
    file gave."""
    key = (match, RANK_WINDOW)
    if floors is not None and key in floors:
        return floors.get(key)
    row = db.execute(
        "SELECT rowid FROM articles_stem_fts WHERE articles_stem_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [match, RANK_WINDOW],
    ).fetchone()
    floor = None if row is None else int(row[0])
    if floors is not None:
        if len(floors) >= FLOORS_KEPT:
            floors.clear()
        floors[key] = floor
    return floor


def _rows(
    db: Connection,
    ranked: str,
    exact: str | None,
    floor: int | None,
    marked: str | None,
    limit: int,
    tag: str | None,
    queued: bool,
) -> list[tuple[Any, ...]]:
    """(id, title, [language, snippet,] rank) of the best ``limit`` articles ``ranked``
    ranks, among those ``exact`` also matches (None: all), above ``floor`` (None: all),
    the snippet marking what ``marked`` matches (None: ``ranked``; no snippets at
    :data:`IDS_ONLY_FROM` hits or more), leaving out rows still ``queued``."""
    # ``rank MATCH`` and ``ORDER BY rank`` let FTS5 return rows best first and stop at the
    # limit, so snippets are made for the rows shown only; ``CROSS JOIN`` keeps the index
    # the outer loop (one query, no rows materialised and sorted again, the trash read from
    # the row joined anyway)
    params: list[object] = [ranked]
    window = within = ""
    if floor is not None:
        window = "AND f.rowid > ?"
        params.append(floor)
    if exact is not None:
        # ``+f.rowid``: a filter on the rows FTS5 gives, not a lookup FTS5 would run per row
        within = "AND +f.rowid IN (SELECT rowid FROM articles_stem_fts WHERE articles_stem_fts "
        within += "MATCH ?"
        params.append(exact)
        if floor is not None:
            within += " AND rowid > ?"
            params.append(floor)
        within += ")"
    left_out = ""
    if queued:
        left_out = "AND f.rowid NOT IN (SELECT id FROM search_fts_queue WHERE kind = 'article')"
    tag_filter = _tag_filter("f.rowid", tag, params)
    params.append(limit)
    weights = f"bm25({TITLE_WEIGHT}, {TEXT_WEIGHT}, {SOURCE_WEIGHT}, 0.0)"
    columns = ""
    snippet = f"snippet(articles_stem_fts, 1, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS})"
    if limit < IDS_ONLY_FROM and marked is not None:
        columns = "a.language, NULL,"  # the snippets are cut next, by what ``marked`` matches
    elif limit < IDS_ONLY_FROM:
        columns = f"a.language, {snippet},"
        params = [MATCH_START, MATCH_END, *params]
    sql = f"""
        SELECT a.id, a.title, {columns} f.rank
        FROM articles_stem_fts AS f CROSS JOIN articles AS a ON a.id = f.rowid
        WHERE articles_stem_fts MATCH ? AND f.rank MATCH '{weights}' {window} {within}
        AND a.trashed IS NULL {left_out}
        {tag_filter}
        ORDER BY f.rank LIMIT ?
    """
    rows = db.execute(sql, params).fetchall()
    if limit < IDS_ONLY_FROM and marked is not None and rows:
        cut = _marked_snippets(db, marked, [int(r[0]) for r in rows])
        rows = [(i, title, lang, cut.get(int(i)), rank) for i, title, lang, _, rank in rows]
    return rows


def _marked_snippets(db: Connection, marked: str, ids: list[int]) -> dict[int, str]:
    """The snippets of the articles ``ids`` (all matching ``marked``) marking what
    ``marked`` matches, in one pass over the rows between the first and the last of them
    (one query of each row, :data:`RANK_WINDOW` rows at most, costs FTS5 more)."""
    snippet = f"snippet(articles_stem_fts, 1, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS})"
    marks = ",".join("?" * len(ids))
    # ``+rowid``: a filter on the rows FTS5 gives, not a lookup FTS5 would run per id
    sql = (
        f"SELECT rowid, {snippet} FROM articles_stem_fts WHERE articles_stem_fts MATCH ? "
        f"AND rowid >= ? AND rowid <= ? AND +rowid IN ({marks})"
    )
    params = [MATCH_START, MATCH_END, marked, min(ids), max(ids), *ids]
    return {int(i): str(snip or "") for i, snip in db.execute(sql, params)}


def _run(
    db: Connection,
    query: Query,
    limit: int,
    tag: str | None,
    widen: Callable[[], Query | None] | None = None,
    seen: _Seen | None = None,
) -> tuple[list[SearchHit], bool]:
    """The hits of ``query`` among articles, and whether the ranking was bounded.

    ``widen`` gives the query with its phrases taken as their words (``loosened``), if
    that differs: a bounded search ranks the rows matching ``query`` by it (asked only
    then), the snippets marking what ``query`` matched. A query in several languages'
    versions that is not bounded runs each version alone among its languages' rows
    (:class:`~reader.library.search_plan.Query`). ``seen`` is what the connection knows
    (None: nothing, every row may be queued)."""
    match = query.match
    with_snippets = limit < IDS_ONLY_FROM
    floor = _window_floor(db, match, seen.floors if seen else None) if with_snippets else None
    wider = widen() if floor is not None and widen is not None else None
    queued = seen is None or not seen.in_step
    if floor is None and query.versions:
        rows = [
            row
            for text, langs in query.versions
            for row in _rows(db, text, f"({langs}) AND ({text})", None, None, limit, tag, queued)
        ]
        rows.sort(key=_by_rank)
        del rows[limit:]
    elif wider is not None:
        rows = _rows(db, wider.match, match, floor, match, limit, tag, queued)
    else:
        rows = _rows(db, match, None, floor, None, limit, tag, queued)
    if not with_snippets:
        return [SearchHit("article", int(i), title, "", float(r)) for i, title, r in rows], False
    if not rows:
        return [], floor is not None
    terms = query.terms
    ids, titles, languages, cut, ranks = zip(*rows, strict=True)
    snippets = [snip or "" for snip in cut]
    fits = fitting(snippets, languages, terms, query.fits)
    shown = [
        (snip if "\n" not in snip else separated(snip))
        if fit
        else separated(_python_snippet(db, int(i), lang, terms))
        for i, lang, snip, fit in zip(ids, languages, snippets, fits, strict=True)
    ]
    hits = list(map(SearchHit, repeat("article"), ids, titles, shown, ranks))
    return hits, floor is not None


_STALE_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, title TEXT, text TEXT, source TEXT, language TEXT, trashed TEXT
);
CREATE TABLE search_fts_queue (kind TEXT, id INTEGER);
CREATE VIEW articles_stem_source AS SELECT id, title, text, source, NULL AS lang FROM articles;
CREATE VIRTUAL TABLE articles_stem_fts USING fts5(
    title, text, source, lang,
    content='articles_stem_source', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0"
);
"""


def _run_stale(db: Connection, query: Query, limit: int, tag: str | None) -> list[SearchHit]:
    """Hits among articles still queued for the stemmed index (a read-only file, or one
    another writer held), stemmed now into an index in memory."""
    queued = [r[0] for r in db.execute("SELECT id FROM search_fts_queue WHERE kind = 'article'")]
    if not queued:
        return []
    params: list[object] = list(queued)
    tag_filter = _tag_filter("id", tag, params)
    marks = ",".join("?" * len(queued))
    rows = db.execute(
        f"SELECT id, title, text, source, language FROM articles "
        f"WHERE id IN ({marks}) AND trashed IS NULL {tag_filter}",
        params,
    ).fetchall()
    if not rows:
        return []
    memory = Handle(sqlite3.connect(":memory:"))
    try:
        memory.conn.executescript(_STALE_SCHEMA)
        memory.conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, NULL)", rows)
        search_schema.index_articles(as_database(memory), [int(r[0]) for r in rows])
        return _run(memory, query, limit, None)[0]
    finally:
        memory.close()


def _run_notes(
    db: Connection, match: str, terms: Terms, limit: int, tag: str | None
) -> list[SearchHit]:
    params: list[object] = [MATCH_START, MATCH_END, MATCH_START, MATCH_END, match]
    tag_filter = _tag_filter("n.article_id", tag, params)
    params.append(limit)
    sql = f"""
        SELECT n.id, n.article_id, a.title, a.language, n.body, n.quote,
            s.snippet, s.quoted, s.body, s.quote, s.rank
        FROM (
            SELECT rowid, snippet(notes_stem_fts, 0, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS})
                AS snippet,
                snippet(notes_stem_fts, 1, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS}) AS quoted,
                body, quote, rank
            FROM notes_stem_fts WHERE notes_stem_fts MATCH ? AND rank MATCH 'bm25(1.0, 1.0, 0.0)'
            ORDER BY rank
        ) AS s
        JOIN notes n ON n.id = s.rowid
        LEFT JOIN articles a ON a.id = n.article_id
        WHERE n.deleted IS NULL AND a.trashed IS NULL {tag_filter}
        ORDER BY s.rank LIMIT ?
    """
    hits = []
    for row in db.execute(sql, params).fetchall():
        note_id, article_id, title, language, body, quote, snip, quoted = row[:8]
        body_forms, quote_forms, r = row[8:]
        snippet = None
        if quote and MATCH_START in (quoted or "") and MATCH_START not in (snip or ""):
            snippet = original_snippet(quoted, quote_forms, quote)  # only the quote matched
        if snippet is None:
            snippet = original_snippet(snip or "", body_forms, body)
        if snippet is None:
            snippet = python_snippet(body, language, terms)
        if not title:
            first = body.strip().splitlines()[0] if body.strip() else "Note"
            title = first.lstrip("# ").strip()[:80] or "Note"
        hits.append(
            SearchHit("note", int(note_id), title, separated(snippet), float(r), article_id)
        )
    return hits


def _attempt(
    db: Connection,
    prepared: PreparedQuery,
    seen: _Seen,
    limit: int,
    tag: str | None,
    kinds: tuple[str, ...],
) -> tuple[list[SearchHit], bool] | None:
    """The hits of ``prepared`` and whether their ranking was bounded (None: no index
    has the columns it names)."""
    algorithms = seen.algorithms
    plan = plan_for(prepared.match, algorithms, "note" in kinds)
    if plan is None:
        return None
    articles, notes = plan.articles, plan.notes
    if articles is None and notes is None:
        return None
    hits: list[SearchHit] = []
    bounded = False
    lists = 0
    if "article" in kinds and articles is not None:
        found, bounded = _run(db, articles, limit, tag, lambda: plan.wider(algorithms), seen)
        hits += found
        lists += 1
        if not seen.in_step:
            stale = _run_stale(db, articles, limit, tag)
            hits += stale
            lists += bool(stale)
    if "note" in kinds and notes is not None:
        hits += _run_notes(db, notes.match, notes.terms, limit, tag)
        lists += 1
    if lists > 1:  # each list is best first already
        hits.sort(key=lambda h: h.rank)
    return hits[:limit], bounded


def search_articles(
    db: Connection,
    query: str,
    *,
    limit: int = 50,
    tag: str | None = None,
    kinds: tuple[str, ...] = ("article", "note"),
    suggest_words: bool = True,
) -> SearchHits:
    """Ranked matches for ``query``; an empty or wordless query gives no results.

    The query is bounded first (:func:`prepare_query`); the result says what ran and
    whether the query was cut. When nothing matches, ``suggestions`` are filled (unless
    ``suggest_words`` is false); a ``limit`` of 0 runs no search and only suggests.
    """
    prepared = prepare_query(query)
    if not prepared.match:
        return SearchHits(truncated=prepared.truncated)
    found: tuple[list[SearchHit], bool] | None = ([], False)
    if limit > 0:
        seen = _in_step(db)
        try:
            found = _attempt(db, prepared, seen, limit, tag, kinds)
        except sqlite3.OperationalError:
            found = None
        if found is None and prepared.fallback is not None:
            prepared = prepared.fallback  # FTS5 syntax it rejects: the words alone
            found = _attempt(db, prepared, seen, limit, tag, kinds)
    hits, bounded = found if found is not None else ([], False)
    looked_for = query_words(prepared.match)
    suggestions = suggest(db, prepared.match) if not hits and suggest_words else []
    return SearchHits(
        hits,
        bounded=bounded,
        query=prepared.match,
        terms=prepared.terms,
        truncated=prepared.truncated,
        words=looked_for,
        suggestions=suggestions,
    )


def snippet_markup(snippet: str, start: str, end: str) -> str:
    """Replace the match markers in ``snippet`` with ``start``/``end`` (e.g. ``**``)."""
    return snippet.replace(MATCH_START, start).replace(MATCH_END, end)
