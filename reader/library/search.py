"""Full-text search over the library: stemmed, accent-folded, bounded, never failing.

A query (FTS5's syntax plus ``-word``; see :mod:`reader.library.search_query`, which bounds
it) is rewritten for the stemmed indexes of :mod:`reader.library.search_schema`: every word
becomes the forms it takes in the languages the library holds (``négociations`` is
``negoci`` in French and in English, so it finds ``negociation``, ``Négociations`` and
``négociation``), a prefix ``lith*`` is folded, and a word without a column filter looks in
the title and the text (``source:okapi`` looks at the outlet). Articles have the columns
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
:func:`search_articles` returns a :class:`SearchHits` list that also says what ran and,
when nothing matched, what the library's own vocabulary suggests instead
(:mod:`reader.library.search_suggest`). :func:`query_terms` and :func:`match_spans` say
where a query's words occur in a text (the reader highlights them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence

from reader.library import search_schema
from reader.library.handle import Connection, Handle, as_database
from reader.library.records import MATCH_END, MATCH_START, SearchHit
from reader.library.search_query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    Group,
    Leaf,
    Node,
    Phrase,
    PreparedQuery,
    parse,
    plain_terms,
    prepare_query,
    unquote,
)
from reader.library.search_snippets import (
    ELLIPSIS,
    Terms,
    original_snippet,
    python_snippet,
    snippet_fits,
)
from reader.library.search_snippets import match_spans as _spans_of
from reader.library.search_suggest import query_words, suggest
from reader.library.search_words import algorithm_for, fold, forms_for, words

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
#: The columns of each index a query may name (a word without a column filter looks in
#: all but the marked ones: the title and the text, the body and the quote).
ARTICLE_COLUMNS = ("title", "text", "source")
NOTE_COLUMNS = ("body", "quote")


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


# -- the query, rewritten for the stemmed index ----------------------------------------------
class _UnfitError(ValueError):
    """The query names a column this index does not have."""


def _names(colset: str, allowed: Sequence[str]) -> list[str]:
    """The columns ``colset`` names (``-title``: every other one) among ``allowed``."""
    names = [unquote(n).lower() for n in colset.lstrip("-").strip("{}").split()]
    if not names or any(n not in allowed for n in names):
        raise _UnfitError(colset)
    if colset.startswith("-"):
        return [c for c in allowed if c not in names]
    return names


def _items(phrase: Phrase, algorithms: Sequence[str | None]) -> list[tuple[list[str], bool]]:
    """Each word of ``phrase`` as (its form under each of ``algorithms``, is a prefix)."""
    items: list[tuple[list[str], bool]] = []
    for text, star in phrase.parts:
        found = [m.group() for m in words(unquote(text))]
        for j, word in enumerate(found):
            if star and j == len(found) - 1:
                items.append(([fold(word)] * len(algorithms), True))
            else:
                items.append(([forms_for([word], a)[0] for a in algorithms], False))
    return items


Items = list[tuple[list[str], bool]]


def _variants(items: Items) -> list[str]:
    """The phrase of ``items`` once per language (an article is stemmed in one)."""
    if not items:
        return ['""']  # FTS5's empty phrase: matches nothing
    out: list[str] = []
    for k in range(len(items[0][0])):
        parts = [f'"{forms[k]}"' + ("*" if star else "") for forms, star in items]
        text = " + ".join(parts)
        if text not in out:
            out.append(text)
    return out


def _phrase_text(items: Items, caret: bool) -> str:
    texts = [("^" if caret else "") + v for v in _variants(items)]
    return texts[0] if len(texts) == 1 else "(" + " OR ".join(texts) + ")"


def _near_text(phrases: list[Items], carets: list[bool], distance: str) -> str:
    groups: list[str] = []
    count = len(phrases[0][0][0]) if phrases and phrases[0] else 1
    for k in range(count):
        inner = " ".join(
            ("^" if caret else "")
            + (" + ".join(f'"{f[k]}"' + ("*" if s else "") for f, s in items) if items else '""')
            for items, caret in zip(phrases, carets, strict=True)
        )
        group = f"NEAR({inner}{', ' + distance if distance else ''})"
        if group not in groups:
            groups.append(group)
    return groups[0] if len(groups) == 1 else "(" + " OR ".join(groups) + ")"


def _leaf_text(node: Leaf, phrases: list[Items], mark: str = "") -> str:
    if mark:
        phrases = [[([mark + f for f in forms], star) for forms, star in p] for p in phrases]
    if node.near:
        return _near_text(phrases, [p.caret for p in node.phrases], node.distance)
    return _phrase_text(phrases[0], node.phrases[0].caret)


def _within(own: list[str] | None, outer: list[str] | None) -> list[str] | None:
    """The columns a phrase may match: its own filter within its group's (None: any)."""
    if own is None or outer is None:
        return own if outer is None else outer
    return [n for n in own if n in outer]


def _rewrite(
    node: Node,
    algorithms: Sequence[str | None],
    columns: Sequence[str],
    outer: list[str] | None,
    terms: list[tuple[list[str], bool]] | None,
) -> str:
    """``node`` as FTS5 over index forms (``terms`` collects the forms looked for).

    A column filter is given to every phrase under it (FTS5's meaning: a filter within a
    filter matches where both allow). A phrase with no filter needs none: the words of
    the marked columns (:data:`~reader.library.search_schema.MARKED_COLUMNS`) never equal
    a plain form, so it matches titles and texts (bodies and quotes) only, and FTS5 need
    not read where each instance is."""
    names = _within(_names(node.colset, columns) if node.colset else None, outer)
    if isinstance(node, Leaf):
        phrases = [_items(p, algorithms) for p in node.phrases]
        if terms is not None:
            terms.extend(item for items in phrases for item in items)
        if names is None:
            return _leaf_text(node, phrases)
        plain_columns = [c for c in columns if c not in search_schema.MARKED_COLUMNS]
        plain = [n for n in names if n not in search_schema.MARKED_COLUMNS]
        parts: list[str] = []
        if plain:
            colset = "" if set(plain) == set(plain_columns) else _colset(plain) + " : "
            parts.append(colset + _leaf_text(node, phrases))
        for name in names:
            if name in search_schema.MARKED_COLUMNS:
                mark = search_schema.MARKED_COLUMNS[name]
                parts.append(f"{name} : {_leaf_text(node, phrases, mark)}")
        if not parts:
            return '""'
        return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)
    if node.op == "NOT":
        left = _rewrite(node.children[0], algorithms, columns, names, terms)
        right = _rewrite(node.children[1], algorithms, columns, names, None)
        return f"({left}) NOT ({right})"
    parts = [_rewrite(c, algorithms, columns, names, terms) for c in node.children]
    return f" {node.op} ".join(f"({p})" for p in parts)


def _colset(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else "{" + " ".join(names) + "}"


def _loosened(node: Node) -> Node:
    """``node`` with every phrase and ``NEAR`` group taken as its words ANDed: a query
    matching at least what ``node`` matches, whose ranking needs no phrase counted over
    the whole index (BM25 counts the rows holding each phrase; for a phrase that means
    matching positions in every row with its words)."""
    if isinstance(node, Group):
        children = list(node.children)
        if node.op == "NOT":  # what is excluded stays exact: still a wider match
            children[0] = _loosened(children[0])
        else:
            children = [_loosened(c) for c in children]
        return Group(node.op, tuple(children), node.colset)
    leaves: list[Node] = []
    for phrase in node.phrases:
        parts = [
            (w, star and j == len(found) - 1)
            for text, star in phrase.parts
            for found in [[m.group() for m in words(unquote(text))]]
            for j, w in enumerate(found)
        ]
        for k, (word, star) in enumerate(parts):
            one = Phrase(((f'"{word}"', star),), phrase.caret and k == 0)
            leaves.append(Leaf((one,), node.colset))
    if len(leaves) <= 1:
        return node
    return Group("AND", tuple(leaves))


def _stemmed(
    tree: Node, algorithms: Sequence[str | None], columns: Sequence[str]
) -> tuple[str, Terms] | None:
    """The FTS5 query over one index and what it looks for (None: not this index's).

    The query is rewritten once per stemmer; where the languages' forms differ, each
    version asks only the rows of its languages (their ``lang`` word), so the French form
    of an English word does not find French articles."""
    found: list[tuple[list[str], bool]] = []
    versions: dict[str, list[str | None]] = {}
    try:
        for algorithm in algorithms:
            text = _rewrite(tree, [algorithm], columns, None, found)
            versions.setdefault(text, []).append(algorithm)
    except _UnfitError:
        return None
    if len(versions) == 1:
        match = next(iter(versions))
    else:
        match = " OR ".join(
            "(({}) AND ({}))".format(
                " OR ".join(f'"{search_schema.lang_token(a)}"' for a in algs), text
            )
            for text, algs in versions.items()
        )
    forms = frozenset(f for fs, star in found if not star for f in fs)
    prefixes = tuple(dict.fromkeys(fs[0] for fs, star in found if star))
    return match, Terms(forms, prefixes)


def _algorithms(present: search_schema.Languages) -> list[str | None]:
    """The stemmers of the library's languages (``present``), commonest first (English
    always there: notes and articles of no language are stemmed as English)."""
    out: list[str | None] = []
    for language, _ in present:
        algorithm = algorithm_for(language)
        if algorithm not in out:
            out.append(algorithm)
    english = algorithm_for(None)
    if english not in out:
        out.append(english)
    return out


def query_terms(query: str, language: str | None) -> Terms:
    """What ``query`` looks for in a text written in ``language``, as index forms."""
    tree = parse(prepare_query(query).match)
    if tree is None:
        return Terms()
    found = _stemmed(tree, [algorithm_for(language)], (*ARTICLE_COLUMNS, *NOTE_COLUMNS))
    return Terms() if found is None else found[1]


def match_spans(text: str, language: str | None, query: str) -> list[tuple[int, int]]:
    """Where ``text`` (written in ``language``) has the words ``query`` looks for."""
    return _spans_of(text, language, query_terms(query, language))


# -- running it ---------------------------------------------------------------------------------
def _tag_filter(column: str, tag: str | None, params: list[object]) -> str:
    if not tag:
        return ""
    params.append(tag)
    return (
        f"AND {column} IN (SELECT at.article_id FROM article_tags at JOIN tags t "
        "ON t.id = at.tag_id WHERE t.name = ?)"
    )


def _snippet(
    db: Connection,
    article_id: int,
    snippet: str,
    language: str | None,
    terms: Terms,
    seen: dict[tuple[str, str | None], bool],
) -> str:
    """FTS5's snippet of the article's text (cut from the original words), or one cut in
    Python when the words FTS5 marked are not those the query looks for (a text FTS5
    cuts into words otherwise than the index forms were made, such as ``м'ясо``); ``seen``
    is :func:`snippet_fits`'s memory for one search."""
    if snippet_fits(snippet, language, terms, seen):
        return snippet
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return python_snippet(row[0] if row else "", language, terms)


def _window_floor(db: Connection, match: str) -> int | None:
    """The rowid below the :data:`RANK_WINDOW` most recent articles matching ``match``
    (None: that many do not match, so all are ranked). FTS5 walks its index in rowid
    order and stops, so this costs no ranking."""
    row = db.execute(
        "SELECT rowid FROM articles_stem_fts WHERE articles_stem_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [match, RANK_WINDOW],
    ).fetchone()
    return None if row is None else int(row[0])


def _run(
    db: Connection,
    match: str,
    terms: Terms,
    limit: int,
    tag: str | None,
    widen: Callable[[], str | None] | None = None,
) -> tuple[list[SearchHit], bool]:
    """The hits of ``match`` among articles, and whether the ranking was bounded.

    ``widen`` gives the query with its phrases taken as their words (:func:`_loosened`), if
    that differs: a bounded search ranks the rows matching ``match`` by it (asked only
    then)."""
    # ``rank MATCH`` and ``ORDER BY rank`` let FTS5 return rows best first and stop at the
    # limit, so snippets are made for the rows shown only; ``CROSS JOIN`` keeps the index
    # the outer loop (one query, no rows materialised and sorted again, the trash read from
    # the row joined anyway)
    with_snippets = limit < IDS_ONLY_FROM
    floor = _window_floor(db, match) if with_snippets else None
    ranked, exact = match, ""
    params: list[object] = []
    wider = widen() if floor is not None and widen is not None else None
    if floor is not None and wider is not None:
        ranked = wider
        # ``+f.rowid``: a filter on the rows FTS5 gives, not a lookup FTS5 would run per row
        exact = (
            "AND +f.rowid IN (SELECT rowid FROM articles_stem_fts "
            "WHERE articles_stem_fts MATCH ? AND rowid > ?)"
        )
    params += [ranked]
    window = ""
    if floor is not None:
        window = "AND f.rowid > ?"
        params.append(floor)
    if exact:
        params += [match, floor]
    tag_filter = _tag_filter("f.rowid", tag, params)
    params.append(limit)
    weights = f"bm25({TITLE_WEIGHT}, {TEXT_WEIGHT}, {SOURCE_WEIGHT}, 0.0)"
    columns = ""
    snippet = f"snippet(articles_stem_fts, 1, ?, ?, '{ELLIPSIS}', {SNIPPET_TOKENS})"
    if with_snippets and exact:  # the snippet marks what the query itself matched
        columns = (
            f"a.language, (SELECT {snippet} FROM articles_stem_fts "
            "WHERE articles_stem_fts MATCH ? AND rowid = f.rowid),"
        )
        params = [MATCH_START, MATCH_END, match, *params]
    elif with_snippets:
        columns = f"a.language, {snippet},"
        params = [MATCH_START, MATCH_END, *params]
    sql = f"""
        SELECT a.id, a.title, {columns} f.rank
        FROM articles_stem_fts AS f CROSS JOIN articles AS a ON a.id = f.rowid
        WHERE articles_stem_fts MATCH ? AND f.rank MATCH '{weights}' {window} {exact}
        AND a.trashed IS NULL
        AND f.rowid NOT IN (SELECT id FROM search_fts_queue WHERE kind = 'article')
        {tag_filter}
        ORDER BY f.rank LIMIT ?
    """
    rows = db.execute(sql, params).fetchall()
    if not with_snippets:
        return [SearchHit("article", int(i), title, "", float(r)) for i, title, r in rows], False
    seen: dict[tuple[str, str | None], bool] = {}
    hits = [
        SearchHit("article", int(i), title, _snippet(db, int(i), snip or "", lang, terms, seen), r)
        for i, title, lang, snip, r in rows
    ]
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


def _run_stale(
    db: Connection, match: str, terms: Terms, limit: int, tag: str | None
) -> list[SearchHit]:
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
        return _run(memory, match, terms, limit, None)[0]
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
        hits.append(SearchHit("note", int(note_id), title, snippet, float(r), article_id))
    return hits


def _attempt(
    db: Connection,
    prepared: PreparedQuery,
    algorithms: list[str | None],
    limit: int,
    tag: str | None,
    kinds: tuple[str, ...],
) -> tuple[list[SearchHit], bool] | None:
    """The hits of ``prepared`` and whether their ranking was bounded (None: no index
    has the columns it names)."""
    tree = parse(prepared.match)
    if tree is None:
        return None
    articles = _stemmed(tree, algorithms, ARTICLE_COLUMNS)
    notes = (
        _stemmed(tree, algorithms, NOTE_COLUMNS) if "note" in kinds or articles is None else None
    )
    if articles is None and notes is None:
        return None

    def widen() -> str | None:
        loose = _stemmed(_loosened(tree), algorithms, ARTICLE_COLUMNS)
        return None if loose is None or articles is None or loose[0] == articles[0] else loose[0]

    hits: list[SearchHit] = []
    bounded = False
    if "article" in kinds and articles is not None:
        found, bounded = _run(db, *articles, limit, tag, widen)
        hits += found
        hits += _run_stale(db, *articles, limit, tag)
    if "note" in kinds and notes is not None:
        hits += _run_notes(db, *notes, limit, tag)
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
        present = search_schema.languages(as_database(db))
        search_schema.sync_index(as_database(db), present)
        algorithms = _algorithms(present)
        try:
            found = _attempt(db, prepared, algorithms, limit, tag, kinds)
        except sqlite3.OperationalError:
            found = None
        if found is None and prepared.fallback is not None:
            prepared = prepared.fallback  # FTS5 syntax it rejects: the words alone
            found = _attempt(db, prepared, algorithms, limit, tag, kinds)
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
