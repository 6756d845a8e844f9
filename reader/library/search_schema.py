"""The search indexes' schema (migration 10) and keeping the stemmed indexes in step.

Two kinds of FTS5 tables:

- ``articles_fts`` (title, text) and ``notes_fts`` (body, quote) index the original words
  (accents folded, no stemming) as external-content tables declared ``content="articles"``
  and ``content="notes"`` (double quotes: how Datasette and sqlite-utils find a table's
  full-text index). Triggers keep them in step with their tables, as before. Their
  vocabularies (``articles_fts_vocab``, ``fts5vocab``) feed "did you mean".
- ``articles_stem_fts`` (title, text, source, lang) and ``notes_stem_fts`` (body, quote,
  lang) index the *index forms* of :mod:`reader.library.search_words`: each word folded
  and stemmed in the article's language (a note in its article's), one form per word, in
  order. Their ``lang`` column holds one word naming the stemmer used (:func:`lang_token`),
  so a query's French forms can be asked of French rows only; that word and the words of
  an outlet (``source``) start with a private-use letter (:data:`LANG_MARK`,
  :data:`SOURCE_MARK`), so a plain word matches titles and texts without a column filter
  (which would make FTS5 read the position of every instance). The search runs on these.

The articles' stemmed index keeps no copy of its words: it is an external-content table
over the view ``articles_stem_source`` (the articles' own title, text and source), so FTS5
cuts a snippet straight from the original text, at the word positions the forms gave (one
form per word). Notes are few: their index keeps its forms (their snippets are mapped back
by :mod:`reader.library.search_snippets`).

SQLite cannot call Python from a trigger on every connection (sqlite-utils, Datasette and
the ``sqlite3`` shell have no stemmer), so the triggers on ``articles`` and ``notes`` only
note what changed in ``search_fts_queue``, in plain SQL; :func:`sync_index` stems what the
queue names and empties it. The library runs it before each search (and may run it after a
write), so a change made by any program is searchable at the next search. An article not
in the queue is indexed with its current values; the first change to an indexed article
(an edit or its deletion) keeps the values it was indexed with in ``search_fts_gone``, and
the next sync takes those forms out of the index (FTS5's ``delete`` command: an
external-content index is told what it held) before indexing the new ones. An import's
writer that has a new article's forms already (computed in a worker process,
:func:`article_forms`) puts them in at once and takes the article off the queue, in the
article's own transaction (:func:`index_new`), when the index is built by this recipe. A
note's row is removed at once. ``search_fts_meta`` records the stemming recipe and each language's
stemmer the index was built with; when either changes, the stemmed indexes are built
again. (The triggers test for a queued row rather than ``INSERT OR IGNORE``: the conflict
clause of the statement that fires a trigger, or of a foreign-key action, would override
the trigger's own.) A plain ``DELETE`` or FTS5 ``rebuild`` on ``articles_stem_fts`` would
read the view's original words, not the forms: :func:`reindex` is its repair.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterable, MutableMapping, Sequence
from typing import Any

from reader.library.handle import Connection
from reader.library.search_words import FORMS_VERSION, algorithm_for, index_text
from reader.library.transactions import write_transaction

__all__ = [
    "FTS_TABLES",
    "INSERT_FORMS",
    "LANG_MARK",
    "MARKED_COLUMNS",
    "SOURCE_MARK",
    "SYNC_BATCH",
    "article_forms",
    "index_articles",
    "index_new",
    "lang_token",
    "languages",
    "migrate",
    "optimize",
    "pending",
    "recipe_state",
    "reindex",
    "source_forms",
    "sync_index",
]

#: Rows stemmed per transaction while the queue is worked through.
SYNC_BATCH = 200
#: The first character of every word of an outlet and of a ``lang`` word: a private-use
#: letter to FTS5, which no word of a query or a text holds, so a plain word never
#: matches those columns and a query needs no column filter to keep to the title and text.
SOURCE_MARK = "\ue002"
LANG_MARK = "\ue003"
#: The columns whose words carry a mark, and the mark.
MARKED_COLUMNS = {"source": SOURCE_MARK}

_ORIGINAL_INDEXES = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, quote,
    content="notes", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, body, quote) VALUES (new.id, new.body, new.quote);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, body, quote)
        VALUES ('delete', old.id, old.body, old.quote);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF body, quote ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, body, quote)
        VALUES ('delete', old.id, old.body, old.quote);
    INSERT INTO notes_fts(rowid, body, quote) VALUES (new.id, new.body, new.quote);
END;

CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, row);
"""

#: The articles' stemmed index, its content view and what keeps it in step (built again,
#: alone, over a file whose index kept its own copy of the forms).
_ARTICLE_INDEX = """
CREATE VIEW articles_stem_source AS SELECT id, title, text, source, NULL AS lang FROM articles;
CREATE VIRTUAL TABLE articles_stem_fts USING fts5(
    title, text, source, lang,
    content='articles_stem_source', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE articles_stem_fts_vocab USING fts5vocab(articles_stem_fts, row);
CREATE TABLE search_fts_gone (
    id INTEGER PRIMARY KEY, title TEXT, text TEXT, source TEXT, language TEXT
);
CREATE TRIGGER articles_stem_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_fts_queue SELECT 'article', new.id WHERE NOT EXISTS (
        SELECT 1 FROM search_fts_queue WHERE kind = 'article' AND id = new.id);
END;
CREATE TRIGGER articles_stem_au AFTER UPDATE OF id, title, text, source, language ON articles
BEGIN
    INSERT INTO search_fts_gone (id, title, text, source, language)
        SELECT old.id, old.title, old.text, old.source, old.language WHERE NOT EXISTS (
            SELECT 1 FROM search_fts_queue WHERE kind = 'article' AND id = old.id)
        AND NOT EXISTS (SELECT 1 FROM search_fts_gone WHERE id = old.id);
    INSERT INTO search_fts_queue SELECT 'article', new.id WHERE NOT EXISTS (
        SELECT 1 FROM search_fts_queue WHERE kind = 'article' AND id = new.id);
    DELETE FROM search_fts_queue WHERE kind = 'article' AND id = old.id AND old.id != new.id;
    INSERT INTO search_fts_queue
        SELECT 'note', n.id FROM notes n
        WHERE n.article_id = new.id AND old.language IS NOT new.language AND NOT EXISTS (
            SELECT 1 FROM search_fts_queue q WHERE q.kind = 'note' AND q.id = n.id);
END;
CREATE TRIGGER articles_stem_ad AFTER DELETE ON articles BEGIN
    INSERT INTO search_fts_gone (id, title, text, source, language)
        SELECT old.id, old.title, old.text, old.source, old.language WHERE NOT EXISTS (
            SELECT 1 FROM search_fts_queue WHERE kind = 'article' AND id = old.id)
        AND NOT EXISTS (SELECT 1 FROM search_fts_gone WHERE id = old.id);
    DELETE FROM search_fts_queue WHERE kind = 'article' AND id = old.id;
END;
"""


_STEMMED_INDEXES = """
CREATE VIRTUAL TABLE notes_stem_fts USING fts5(
    body, quote, lang, tokenize="unicode61 remove_diacritics 0"
);
CREATE TABLE search_fts_queue (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE search_fts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX articles_language ON articles(language);

CREATE TRIGGER notes_stem_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_fts_queue SELECT 'note', new.id WHERE NOT EXISTS (
        SELECT 1 FROM search_fts_queue WHERE kind = 'note' AND id = new.id);
END;
CREATE TRIGGER notes_stem_au AFTER UPDATE OF body, quote, article_id ON notes BEGIN
    INSERT INTO search_fts_queue SELECT 'note', new.id WHERE NOT EXISTS (
        SELECT 1 FROM search_fts_queue WHERE kind = 'note' AND id = new.id);
END;
CREATE TRIGGER notes_stem_ad AFTER DELETE ON notes BEGIN
    DELETE FROM notes_stem_fts WHERE rowid = old.id;
    DELETE FROM search_fts_queue WHERE kind = 'note' AND id = old.id;
END;
"""


def migrate(db: Connection) -> None:
    """Schema version 9 -> 10: the original-word indexes declared so Datasette and
    sqlite-utils find them, and the stemmed indexes built for every existing row."""
    for table in ("articles", "notes"):
        for suffix in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    db.execute("DROP TABLE IF EXISTS articles_fts")
    db.execute("DROP TABLE IF EXISTS notes_fts")
    for statement in _statements(_ORIGINAL_INDEXES + _STEMMED_INDEXES + _ARTICLE_INDEX):
        db.execute(statement)
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO search_fts_queue SELECT 'article', id FROM articles")
    db.execute("INSERT INTO search_fts_queue SELECT 'note', id FROM notes")
    _work_through(db)


def _statements(script: str) -> list[str]:
    """The statements of ``script`` (``executescript`` would commit the migration's
    transaction, so they run one by one)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [s for s in out if s]


# -- keeping the stemmed indexes in step ----------------------------------------------------
Languages = list[tuple[str | None, int]]


def pending(db: Connection, present: Languages | None = None) -> bool:
    """Whether rows wait to be stemmed or taken out (or the recipe changed since the index
    was built); ``present`` is :func:`languages`, if the caller has it."""
    if db.execute("SELECT 1 FROM search_fts_queue LIMIT 1").fetchone() is not None:
        return True
    if _meta(db, "forms") != FORMS_VERSION:
        return True
    if db.execute("SELECT 1 FROM search_fts_gone LIMIT 1").fetchone() is not None:
        return True
    return bool(_changed_languages(db, present))


_seen: weakref.WeakKeyDictionary[Connection, tuple[tuple[int, int, int], Languages]] = (
    weakref.WeakKeyDictionary()
)


def languages(db: Connection) -> Languages:
    """The languages of the library's articles with their counts, commonest first.

    Counted once per state of the file: again when this connection has written since
    (``total_changes``) or another has committed (``PRAGMA data_version``)."""
    key = (
        id(db.conn),
        int(db.execute("PRAGMA data_version").fetchone()[0]),
        db.conn.total_changes,
    )
    seen = _seen.get(db)
    if seen is not None and seen[0] == key:
        return list(seen[1])
    rows = db.execute(
        "SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC"
    ).fetchall()
    found = [(r[0], int(r[1])) for r in rows]
    _seen[db] = (key, found)
    return list(found)


def lang_token(algorithm: str | None) -> str:
    """The word in the ``lang`` column of rows stemmed by ``algorithm`` (None: folded)."""
    return LANG_MARK + (algorithm or "fold")


def source_forms(source: str | None, language: str | None) -> str:
    """The index forms of an article's outlet, each marked (:data:`SOURCE_MARK`)."""
    return " ".join(SOURCE_MARK + f for f in index_text(source, language).split())


def _meta(db: Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM search_fts_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _set_meta(db: Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO search_fts_meta (key, value) VALUES (?, ?)", [key, value])


def _changed_languages(db: Connection, present: Languages | None = None) -> list[str | None]:
    """Languages whose stemmer is not the one their articles were indexed with (a
    language new since the last complete sync is not one: its rows are all queued)."""
    built = dict(db.execute("SELECT key, value FROM search_fts_meta WHERE key LIKE 'lang:%'"))
    out: list[str | None] = []
    for language, _ in languages(db) if present is None else present:
        was = built.get(f"lang:{language or ''}")
        if was is not None and was != str(algorithm_for(language)):
            out.append(language)
    return out


def _start_over(db: Connection) -> None:
    """Empty the stemmed indexes and queue every row (the forms in them are not known)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts_gone'").fetchone() is None:
        # an index of an earlier recipe that kept its own copy of the forms
        for name in ("articles_stem_ai", "articles_stem_au", "articles_stem_ad"):
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute("DROP TABLE IF EXISTS articles_stem_fts_vocab")
        db.execute("DROP TABLE IF EXISTS articles_stem_fts")
        db.execute("DROP VIEW IF EXISTS articles_stem_source")
        for statement in _statements(_ARTICLE_INDEX):
            db.execute(statement)
    db.execute("INSERT INTO articles_stem_fts(articles_stem_fts) VALUES ('delete-all')")
    db.execute("DELETE FROM notes_stem_fts")
    db.execute("DELETE FROM search_fts_gone")
    db.execute("DELETE FROM search_fts_meta")
    db.execute("INSERT OR IGNORE INTO search_fts_queue SELECT 'article', id FROM articles")
    db.execute("INSERT OR IGNORE INTO search_fts_queue SELECT 'note', id FROM notes")


def sync_index(db: Connection, present: Languages | None = None) -> int:
    """Take changed rows out of the stemmed indexes and stem every queued row into them;
    how many rows were indexed.

    Works in batches of :data:`SYNC_BATCH` rows, each its own transaction (inside one, if
    the caller holds a transaction). A read-only connection, or a file another writer
    holds past the busy timeout, leaves the queue as it is.
    ``present`` is :func:`languages`, if the caller has it.
    """
    if not pending(db, present):
        return 0
    if db.execute("PRAGMA query_only").fetchone()[0]:
        return 0
    try:
        with write_transaction(db):
            if _meta(db, "forms") != FORMS_VERSION or _changed_languages(db):
                _start_over(db)
        done = 0
        while True:
            with write_transaction(db):
                count = _work_through(db, SYNC_BATCH)
            done += count
            if count < SYNC_BATCH:
                return done
    except sqlite3.OperationalError:
        # read-only media, or another writer holding the file: the rows stay queued (the
        # search goes on with the index as it is) and the next search tries again
        return 0


#: The full-text indexes :func:`optimize` merges.
FTS_TABLES = ("articles_fts", "articles_stem_fts", "notes_fts", "notes_stem_fts")


def optimize(db: Connection) -> None:
    """Merge each full-text index into one segment (FTS5's ``optimize``): the same words
    and positions, so the same hits and ranks, in fewer pages once the file is vacuumed.
    One transaction per index."""
    for table in FTS_TABLES:
        with write_transaction(db):
            db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def reindex(db: Connection) -> int:
    """Stem every article and note again (a repair); how many rows were indexed."""
    with write_transaction(db):
        _start_over(db)
    return sync_index(db)


def _work_through(db: Connection, limit: int | None = None) -> int:
    """Take out what changed, then index up to ``limit`` queued rows (all when ``None``);
    how many were taken."""
    _take_out_gone(db)
    sql = "SELECT kind, id FROM search_fts_queue ORDER BY kind, id"
    rows = db.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    articles = [int(i) for k, i in rows if k == "article"]
    notes = [int(i) for k, i in rows if k == "note"]
    if _indexed_already(db, articles):
        # rows replaced behind the triggers' back (INSERT OR REPLACE fires no delete
        # trigger): what the index holds for them is not known, so it is built again
        _start_over(db)
        return _work_through(db, limit)
    for chunk in _chunks(articles):
        index_articles(db, chunk)
    for chunk in _chunks(notes):
        _index_notes(db, chunk)
    for kind, ids in (("article", articles), ("note", notes)):
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"DELETE FROM search_fts_queue WHERE kind = ? AND id IN ({marks})", [kind, *chunk]
            )
    if limit is None or len(rows) < limit:
        _set_meta(db, "forms", FORMS_VERSION)
        for language, _ in languages(db):
            _set_meta(db, f"lang:{language or ''}", str(algorithm_for(language)))
    return len(rows)


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _indexed_already(db: Connection, ids: list[int]) -> bool:
    """Whether any of the queued articles ``ids`` is in the index (it should not be)."""
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT 1 FROM articles_stem_fts_docsize WHERE id IN ({marks}) LIMIT 1"
        if db.execute(sql, chunk).fetchone() is not None:
            return True
    return False


def article_forms(
    title: str | None, text: str | None, source: str | None, language: str | None
) -> tuple[str, str, str, str]:
    """(title, text, source, lang) as the stemmed index holds them for an article."""
    return (
        index_text(title, language),
        index_text(text, language),
        source_forms(source, language),
        lang_token(algorithm_for(language)),
    )


def _forms_of(row: Sequence[Any]) -> tuple[Any, ...]:
    """(rowid, title, text, source, lang) as the index holds them, for an article row
    (id, title, text, source, language)."""
    i, title, text, source, language = row
    return (i, *article_forms(title, text, source, language))


#: An article's row of the stemmed index: (rowid, title, text, source, lang).
INSERT_FORMS = (
    "INSERT INTO articles_stem_fts (rowid, title, text, source, lang) VALUES (?, ?, ?, ?, ?)"
)
_UNQUEUE = "DELETE FROM search_fts_queue WHERE kind = 'article' AND id = ?"
_IS_GONE = "SELECT 1 FROM search_fts_gone WHERE id = ?"
_RECORD_LANGUAGE = "INSERT OR IGNORE INTO search_fts_meta (key, value) VALUES (?, ?)"


def recipe_state(conn: sqlite3.Connection) -> dict[str, str]:
    """What ``search_fts_meta`` says the index was built with (for :func:`index_new`)."""
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM search_fts_meta")}


def index_new(
    conn: sqlite3.Connection,
    article_id: int,
    language: str | None,
    forms: Sequence[str],
    recipe: str,
    state: MutableMapping[str, str],
    pending: list[tuple[Any, ...]] | None = None,
) -> bool:
    """Put a just-inserted article's ``forms`` (:func:`article_forms`, made by ``recipe``)
    straight into the index and take it off the queue; False (it stays queued for
    :func:`sync_index`) when the index is not built by this recipe, its language's stemmer
    is not the one it was indexed with, or the id's old values still wait to be taken out.

    ``state`` is :func:`recipe_state` (a language recorded here is added to it). Run it in
    the article's own transaction, after its row is inserted. With ``pending``, the row
    for the index is appended there instead (``(rowid, title, text, source, lang)``, for
    :data:`INSERT_FORMS`): the caller inserts it before that transaction ends.
    """
    if recipe != FORMS_VERSION or state.get("forms") != FORMS_VERSION:
        return False
    key, algorithm = f"lang:{language or ''}", str(algorithm_for(language))
    built = state.get(key)
    if built is None:
        conn.execute(_RECORD_LANGUAGE, (key, algorithm))
        state[key] = algorithm
    elif built != algorithm:
        return False
    if conn.execute(_IS_GONE, (article_id,)).fetchone() is not None:
        return False
    if pending is None:
        conn.execute(INSERT_FORMS, (article_id, *forms))
    else:
        pending.append((article_id, *forms))
    conn.execute(_UNQUEUE, (article_id,))
    return True


def _take_out_gone(db: Connection) -> None:
    """Remove from the index the articles changed or deleted since they were indexed (the
    index holds no copy of its words: they are stemmed again from the values kept)."""
    while True:
        rows = db.execute(
            "SELECT id, title, text, source, language FROM search_fts_gone ORDER BY id LIMIT 200"
        ).fetchall()
        if not rows:
            return
        db.conn.executemany(
            "INSERT INTO articles_stem_fts (articles_stem_fts, rowid, title, text, source, lang) "
            "VALUES ('delete', ?, ?, ?, ?, ?)",
            [_forms_of(r) for r in rows],
        )
        ids = [int(r[0]) for r in rows]
        marks = ",".join("?" * len(ids))
        db.execute(f"DELETE FROM search_fts_gone WHERE id IN ({marks})", ids)


def index_articles(db: Connection, ids: list[int]) -> None:
    """Stem the articles ``ids`` of ``db`` (none of them in the index) into its
    ``articles_stem_fts``."""
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT id, title, text, source, language FROM articles WHERE id IN ({marks})", ids
    ).fetchall()
    db.conn.executemany(INSERT_FORMS, [_forms_of(r) for r in rows])


def _index_notes(db: Connection, ids: list[int]) -> None:
    marks = ",".join("?" * len(ids))
    db.execute(f"DELETE FROM notes_stem_fts WHERE rowid IN ({marks})", ids)
    rows = db.execute(
        f"SELECT n.id, n.body, n.quote, a.language FROM notes n "
        f"LEFT JOIN articles a ON a.id = n.article_id WHERE n.id IN ({marks})",
        ids,
    ).fetchall()
    db.conn.executemany(
        "INSERT INTO notes_stem_fts (rowid, body, quote, lang) VALUES (?, ?, ?, ?)",
        [
            (i, index_text(b, lang), index_text(q, lang), lang_token(algorithm_for(lang)))
            for i, b, q, lang in rows
        ],
    )
