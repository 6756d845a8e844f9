"""The import's write path: storing a new article, its original, tags and mentions.

:class:`ArticleWriter` is what :meth:`reader.library.Library.add_article` and
:meth:`~reader.library.Library.add_unless_duplicate` run. It does the least a brand-new
article needs: fixed statements on the bare connection (SQLite's statement cache keeps
them prepared), one savepoint (none inside :meth:`ArticleWriter.batch`, where the batch is
all or nothing), the text's hash computed once (the duplicate check and the row share it),
set-based inserts of the mentions, an entity new to the library inserted with its counts
and the counts of the others raised from the mentions in hand (a new article has no old
mentions to take away, none to delete), the blocks as compact JSON. Where
the file has ``originals.packing`` (:mod:`reader.library.originals_schema`), the original's
bytes are kept packed (:mod:`reader.library.originals`), and :meth:`ArticleWriter.original`
unpacks them.

During an import run (:meth:`ArticleWriter.run`) entity ids are cached for the whole run,
so a name seen before costs no statement. The cache is dropped when another connection
commits (``PRAGMA data_version`` moves: it may have deleted entities), when a write of
this writer fails (its savepoint rolled back new entities), when the library deletes
entities on this connection (:meth:`ArticleWriter.forget`), and when the run ends.
Outside a run the cache lives for one article, as it always did. A run that added most of
the library (a first import) compacts the file when it ends (:func:`compact_after_import`).

A draft may bring its text's hash and its stemmed index forms computed already
(:func:`ahead_of`, run by an import's worker processes, where the text is): then the writer
neither hashes nor stems, it puts the forms straight into the search index in the
article's transaction (:func:`reader.library.search_schema.index_new`) instead of leaving
the article queued for the index's next sync, which would stem it in this process. What
the index was built with (``search_fts_meta``) is cached like the entity ids.

The search indexes' rows of new articles are inserted last, together: the stemmed forms
and (where the file has migration 14's hold, :mod:`reader.library.words_index_schema`) the
original words, which the writer then inserts itself with ``articles_ai`` held aside, are
kept until the batch (or the single article's transaction) is about to end and go in with
one statement each (:meth:`ArticleWriter.flush_index`). FTS5 writes its pending words out
as a segment at every statement savepoint, and an insert into ``articles`` (its triggers,
its unique uid) or ``mentions`` (its foreign keys) opens one: inserted as each article
came, every article became a segment of each index to merge again. Deferred, a batch's
words are one segment: 0.50 to 0.34 ms of writer CPU per article for 2,000 Reuters
articles, with the same rows in both indexes. What a failed batch deferred is dropped with
its rollback.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from reader.library import originals as _originals
from reader.library import search_schema as _search_schema
from reader.library import words_index_schema as _words_schema
from reader.library.draft import BLOCK_KINDS, Ahead, Block, Draft, Original
from reader.library.entities import MentionLike
from reader.library.errors import LibraryError
from reader.library.handle import Connection
from reader.library.search_words import FORMS_VERSION
from reader.library.transactions import write_transaction

__all__ = [
    "COMPACT_MIN_ARTICLES",
    "ArticleWriter",
    "ahead_of",
    "blocks_json",
    "compact_after_import",
    "new_uid",
    "now_iso",
    "text_hash",
]

_INSERT_ARTICLE = (
    "INSERT INTO articles(uid, title, byline, source, url, published, imported, language, "
    "format, text, blocks, text_hash, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ORIGINAL = (
    "INSERT INTO originals(article_id, filename, sha256, size, data) VALUES (?, ?, ?, ?, ?)"
)
_INSERT_PACKED = (
    "INSERT INTO originals(article_id, filename, sha256, size, data, packing) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_TAG = "INSERT OR IGNORE INTO tags(name) VALUES (?)"
_LINK_TAG = (
    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?"
)
_FIND_ENTITY = "SELECT id FROM entities WHERE name = ? AND type = ?"
#: A new entity with its counts from this article, in one statement; one already there is
#: left as it is (no row changed: then look it up and raise its counts). ``RETURNING``
#: would cost twice the plain insert, and its ``UPDATE`` a third statement.
_INSERT_ENTITY = (
    "INSERT INTO entities(name, type, mention_count, article_count) VALUES (?, ?, ?, 1) "
    "ON CONFLICT(name, type) DO NOTHING"
)
_INSERT_MENTION = (
    'INSERT INTO mentions(entity_id, article_id, start, "end", surface) VALUES (?, ?, ?, ?, ?)'
)
#: The hold that sets ``articles_ai`` aside while the writer indexes an article's words
#: itself (:mod:`reader.library.words_index_schema`), and the words' insert.
_HOLD_WORDS = f"INSERT OR IGNORE INTO {_words_schema.HOLD_TABLE}(id) VALUES (1)"
_RELEASE_WORDS = f"DELETE FROM {_words_schema.HOLD_TABLE}"
_INDEX_WORDS = "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)"
_RAISE_COUNTS = (
    "UPDATE entities SET mention_count = mention_count + ?, article_count = article_count + 1 "
    "WHERE id = ?"
)


def text_hash(text: str) -> str:
    """Hash of the text with case, Unicode form and white space normalised (duplicates)."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def ahead_of(draft: Draft) -> Ahead:
    """``draft``'s hash and index forms, computed now from its current title, text, source
    and language (give it its language first): what :attr:`Draft.ahead` holds."""
    return Ahead(
        title=draft.title,
        text=draft.text,
        source=draft.source,
        language=draft.language,
        recipe=FORMS_VERSION,
        text_hash=text_hash(draft.text),
        forms=_search_schema.article_forms(draft.title, draft.text, draft.source, draft.language),
    )


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


_stamp: tuple[int, str] = (-1, "")  # (a second, now_iso() during it): the writer's clock


def _now_stamp() -> str:
    """:func:`now_iso`, made once a second (an import stores many articles in one)."""
    global _stamp
    second = int(time.time())
    if _stamp[0] != second:
        _stamp = (second, datetime.fromtimestamp(second, UTC).isoformat())
    return _stamp[1]


def new_uid() -> str:
    """A random version-4 UUID as 32 hex digits (what ``uuid.uuid4().hex`` gives, made
    without building a ``UUID`` object)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    return raw.hex()


_PLAIN_KINDS = frozenset(BLOCK_KINDS)


def blocks_json(blocks: Sequence[Block]) -> str:
    """The blocks as ``articles.blocks`` keeps them: compact JSON, ``[["p",0,35],...]``."""
    if all(b.kind in _PLAIN_KINDS for b in blocks):  # names JSON needs no escape in
        return "[" + ",".join(f'["{b.kind}",{int(b.start)},{int(b.end)}]' for b in blocks) + "]"
    return json.dumps([[b.kind, b.start, b.end] for b in blocks], separators=(",", ":"))


#: An import run that adds at least this many articles, and at least half of the articles
#: the library then holds, compacts the file when it ends (:func:`compact_after_import`).
COMPACT_MIN_ARTICLES = 500


def compact_after_import(db: Connection, added: int) -> bool:
    """After an import run that added ``added`` articles: when that is most of the library
    (a first import, or one that doubled it; :data:`COMPACT_MIN_ARTICLES` at least), merge
    each search index into one segment (:func:`reader.library.search_schema.optimize`) and
    rewrite the file without its free and half-empty pages (``VACUUM``); whether it did.

    The file comes out about 5% smaller (40.2 MB to 38.2 MB for 10,000 Reuters
    articles, for about a second), each index is one segment for the searches that
    follow, and what a search finds and how it ranks it are unchanged. The cost is bounded
    by the import's own size (the library holds at most twice the articles it added).
    Skipped inside a transaction, and when another writer holds the file past the busy
    timeout (it is only a saving: the library stays as it is)."""
    conn = db.conn
    if added < COMPACT_MIN_ARTICLES or conn.in_transaction:
        return False
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    if added * 2 < total:
        return False
    try:
        _search_schema.sync_index(db)  # what waits in the queue goes into the merge too
        _search_schema.optimize(db)
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        return False  # busy or read-only: a saving missed, nothing lost
    return True


class ArticleWriter:
    """Adds new articles on one connection (see the module's notes for the entity cache)."""

    def __init__(
        self, db: Connection, add_tags: Callable[[int, Sequence[str]], None] | None = None
    ) -> None:
        self.db = db
        #: how an article's tags are stored (the library passes its own, tests replace it)
        self.add_tags = add_tags or self.store_tags
        self._entities: dict[tuple[str, str], int] = {}
        self._in_run = 0
        self._added = 0  # articles added in the current run
        self._in_batch = 0
        self._batch_broken = False  # an article of the open batch failed part-way
        self._batch_checked = False  # the open batch asked PRAGMA data_version already
        self._version: int | None = None
        self._hashed: tuple[str, str] | None = None  # (text, its hash): the last one hashed
        self._packing: bool | None = None  # whether originals.packing exists (once known)
        self._holds: bool | None = None  # whether the file has search_fts_writer (once known)
        #: index rows of new articles, inserted together before their transaction ends
        #: (flush_index): (rowid, title, text) for articles_fts, and the stemmed forms
        self._words: list[tuple[int, str, str]] = []
        self._forms: list[tuple[object, ...]] = []
        self._recipe: dict[str, str] | None = None  # search_fts_meta, cached as entities are

    # -- the run's cache -----------------------------------------------------------------
    @contextmanager
    def run(self) -> Iterator[None]:
        """Keep entity ids cached across the articles added in the block; when the block
        added most of the library (:func:`compact_after_import`), compact the file."""
        if not self._in_run:
            self._added = 0
        self._in_run += 1
        try:
            yield
        finally:
            self._in_run -= 1
            if not self._in_run:
                self.forget()
        if not self._in_run:
            compact_after_import(self.db, self._added)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Add the block's articles in one transaction (a savepoint inside the caller's),
        with no savepoint of their own: all of them land, or none.

        Two statements fewer per article (its ``SAVEPOINT`` and ``RELEASE``), and the
        block asks ``PRAGMA data_version`` once (it holds the write lock: no other
        connection commits meanwhile). An article that fails part-way fails the block:
        the exception rolls it back, and a block that goes on after catching one is
        refused when it ends (:class:`LibraryError`), so nothing of a half-written article
        is ever committed."""
        with write_transaction(self.db):
            self._in_batch += 1
            broken = self._batch_broken
            self._batch_broken = False
            self.flush_index()  # (an enclosing batch's rows go in before this one's)
            try:
                yield
                if self._batch_broken:
                    raise LibraryError(
                        "an article failed part-way and its batch went on: nothing of the "
                        "batch was stored"
                    )
                self.flush_index()
            except BaseException:
                self._drop_deferred()  # their articles are rolled back with the batch
                raise
            finally:
                self._in_batch -= 1
                self._batch_broken = broken
                self._batch_checked = False

    def flush_index(self) -> None:
        """Insert the search index rows deferred since the last flush: the new articles'
        words into ``articles_fts`` and their forms into ``articles_stem_fts``, one
        statement each (their transaction must still be open)."""
        conn = self.db.conn
        if self._words:
            conn.executemany(_INDEX_WORDS, self._words)
            self._words.clear()
        if self._forms:
            conn.executemany(_search_schema.INSERT_FORMS, self._forms)
            self._forms.clear()

    def _drop_deferred(self) -> None:
        self._words.clear()
        self._forms.clear()

    def forget(self) -> None:
        """Drop every cached entity id (entities were deleted, or a write failed)."""
        self._entities.clear()
        self._recipe = None
        self._version = None

    def _check_cache(self, conn: sqlite3.Connection) -> None:
        if not self._in_run:
            self._entities.clear()
            self._recipe = None
            return
        if self._batch_checked:  # the batch holds the write lock: nobody else commits
            return
        self._batch_checked = bool(self._in_batch)
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._entities.clear()
            self._recipe = None
            self._version = version

    def _recipe_state(self, conn: sqlite3.Connection) -> dict[str, str]:
        if self._recipe is None:
            self._recipe = _search_schema.recipe_state(conn)
        return self._recipe

    # -- hashing and duplicates ----------------------------------------------------------
    def hash_of(self, text: str) -> str:
        """:func:`text_hash` of ``text``, computed once for the text last asked about."""
        last = self._hashed
        if last is not None and last[0] is text:
            return last[1]
        digest = text_hash(text)
        self._hashed = (text, digest)
        return digest

    def find_duplicate(self, text: str, url: str | None) -> int | None:
        """The id of an article with the same normalised text, or the same url."""
        conn = self.db.conn
        row = conn.execute(
            "SELECT id FROM articles WHERE text_hash = ? LIMIT 1", [self.hash_of(text)]
        ).fetchone()
        if row is not None:
            return int(row[0])
        if not url:
            return None
        row = conn.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", [url]).fetchone()
        return None if row is None else int(row[0])

    @property
    def indexes_words(self) -> bool:
        """Whether this writer puts a new article's words into ``articles_fts`` itself,
        its trigger held aside (the file has :data:`words_index_schema.HOLD_TABLE`)."""
        if self._holds is None:
            row = self.db.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                [_words_schema.HOLD_TABLE],
            ).fetchone()
            self._holds = row is not None
        return self._holds

    # -- originals -----------------------------------------------------------------------
    @property
    def packs_originals(self) -> bool:
        """Whether the file keeps originals packed (it has ``originals.packing``)."""
        if self._packing is None:
            columns = self.db.conn.execute("PRAGMA table_info(originals)").fetchall()
            self._packing = any(c[1] == "packing" for c in columns)
        return self._packing

    def original(self, article_id: int) -> Original | None:
        """The original bytes an article was imported from, exactly, if kept."""
        conn = self.db.conn
        if not self.packs_originals:
            row = conn.execute(
                "SELECT filename, data FROM originals WHERE article_id = ?", [article_id]
            ).fetchone()
            return None if row is None else Original(row[0], bytes(row[1]))
        row = conn.execute(
            "SELECT o.filename, o.data, o.packing, a.text FROM originals o "
            "JOIN articles a ON a.id = o.article_id WHERE o.article_id = ?",
            [article_id],
        ).fetchone()
        return None if row is None else Original(row[0], _originals.unpack(*row[1:]))

    # -- adding --------------------------------------------------------------------------
    def add(
        self,
        draft: Draft,
        original: Original | None = None,
        tags: Iterable[str] = (),
        mentions: Iterable[MentionLike] = (),
        *,
        unless_duplicate: bool = False,
    ) -> tuple[int, bool]:
        """Store ``draft`` whole in one transaction (a savepoint inside another; inside
        :meth:`batch`, the batch's): ``(new id, True)``, or with ``unless_duplicate``
        ``(existing id, False)`` when the library has the text or the url already."""
        ahead = draft.ahead
        if ahead is not None and ahead.fits(draft):
            self._hashed = (draft.text, ahead.text_hash)
        try:
            if self._in_batch and self.db.conn.in_transaction:
                return self._add(draft, original, tags, mentions, unless_duplicate)
            with write_transaction(self.db):
                self.flush_index()
                done = self._add(draft, original, tags, mentions, unless_duplicate)
                self.flush_index()
                return done
        except BaseException:
            self.forget()  # new entities of the rolled-back savepoint may be cached
            if self._in_batch:
                self._batch_broken = True
            else:
                self._drop_deferred()
            raise

    def _add(
        self,
        draft: Draft,
        original: Original | None,
        tags: Iterable[str],
        mentions: Iterable[MentionLike],
        unless_duplicate: bool,
    ) -> tuple[int, bool]:
        if unless_duplicate:
            existing = self.find_duplicate(draft.text, draft.url)
            if existing is not None:
                return existing, False
        return self._insert(draft, original, tags, mentions), True

    def _insert(
        self,
        draft: Draft,
        original: Original | None,
        tags: Iterable[str],
        mentions: Iterable[MentionLike],
    ) -> int:
        conn = self.db.conn
        self._check_cache(conn)
        text = draft.text
        sha = original.sha256 if original else hashlib.sha256(text.encode()).hexdigest()
        row = (
            new_uid(),
            draft.title,
            draft.byline,
            draft.source,
            draft.url,
            draft.published,
            _now_stamp(),
            draft.language,
            draft.format,
            text,
            blocks_json(draft.blocks),
            self.hash_of(text),
            sha,
        )
        if self.indexes_words:  # the words deferred (flush_index), not by the trigger
            conn.execute(_HOLD_WORDS)
            try:
                article_id = int(conn.execute(_INSERT_ARTICLE, row).lastrowid or 0)
            finally:
                conn.execute(_RELEASE_WORDS)
            self._words.append((article_id, draft.title, text))
        else:
            article_id = int(conn.execute(_INSERT_ARTICLE, row).lastrowid or 0)
        if original is not None:
            data, name = original.data, original.filename
            if self.packs_originals:
                stored, packing = _originals.pack(data, text)
                conn.execute(_INSERT_PACKED, (article_id, name, sha, len(data), stored, packing))
            else:
                conn.execute(_INSERT_ORIGINAL, (article_id, name, sha, len(data), data))
        ahead = draft.ahead
        if ahead is not None and ahead.fits(draft):
            _search_schema.index_new(
                conn,
                article_id,
                draft.language,
                ahead.forms,
                ahead.recipe,
                self._recipe_state(conn),
                self._forms,
            )
        names = [*draft.tags, *tags]
        if names:
            self.add_tags(article_id, names)
        self._insert_mentions(conn, article_id, mentions, text)
        self._added += 1
        return article_id

    def store_tags(self, article_id: int, names: Sequence[str]) -> None:
        """Tag an article (tags made as needed; blank names and repeats left out)."""
        unique = dict.fromkeys(n.strip() for n in names if n and n.strip())
        if unique:
            conn = self.db.conn
            conn.executemany(_INSERT_TAG, [(name,) for name in unique])
            conn.executemany(_LINK_TAG, [(article_id, name) for name in unique])

    def _insert_mentions(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        mentions: Iterable[MentionLike],
        text: str,
    ) -> None:
        """The mentions of a brand-new article, and its entities' counts raised by them
        (an entity new to the library is inserted with its counts); a surface that is the
        text's own slice is stored as NULL (:mod:`reader.library.mentions_schema`)."""
        if not isinstance(mentions, list | tuple):  # (an ABC check costs more)
            mentions = list(mentions)
        if not mentions:
            return
        cache = self._entities
        keys = [(m.name, m.type) for m in mentions]
        per_key = dict.fromkeys(keys, 0)
        for key in keys:
            per_key[key] += 1
        raised = []
        for key, count in per_key.items():
            entity_id = cache.get(key)
            if entity_id is None:
                cursor = conn.execute(_INSERT_ENTITY, (key[0], key[1], count))
                if cursor.rowcount == 1:
                    cache[key] = int(cursor.lastrowid or 0)
                    continue
                entity_id = cache[key] = int(conn.execute(_FIND_ENTITY, key).fetchone()[0])
            raised.append((count, entity_id))
        conn.executemany(
            _INSERT_MENTION,
            [
                (
                    cache[key],
                    article_id,
                    m.start,
                    m.end,
                    None if text[m.start : m.end] == m.surface else m.surface,
                )
                for key, m in zip(keys, mentions, strict=True)
            ],
        )
        if raised:
            conn.executemany(_RAISE_COUNTS, raised)
