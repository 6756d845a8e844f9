"""The import's write path: storing a new article, its original, tags and mentions.

:class:`ArticleWriter` is what :meth:`reader.library.Library.add_article` and
:meth:`~reader.library.Library.add_unless_duplicate` run. It does the least a brand-new
article needs: fixed statements on the bare connection (SQLite's statement cache keeps
them prepared), one savepoint, the text's hash computed once (the duplicate check and the
row share it), set-based inserts of the mentions and the entities' counts raised from the
mentions in hand (a new article has no old mentions to take away, none to delete). Where
the file has ``originals.packing`` (:mod:`reader.library.originals_schema`), the original's
bytes are kept packed (:mod:`reader.library.originals`), and :meth:`ArticleWriter.original`
unpacks them.

During an import run (:meth:`ArticleWriter.run`) entity ids are cached for the whole run,
so a name seen before costs no statement. The cache is dropped when another connection
commits (``PRAGMA data_version`` moves: it may have deleted entities), when a write of
this writer fails (its savepoint rolled back new entities), when the library deletes
entities on this connection (:meth:`ArticleWriter.forget`), and when the run ends.
Outside a run the cache lives for one article, as it always did.

A draft may bring its text's hash and its stemmed index forms computed already
(:func:`ahead_of`, run by an import's worker processes, where the text is): then the writer
neither hashes nor stems, it puts the forms straight into the search index in the
article's transaction (:func:`reader.library.search_schema.index_new`) instead of leaving
the article queued for the index's next sync, which would stem it in this process. What
the index was built with (``search_fts_meta``) is cached like the entity ids.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from reader.library import originals as _originals
from reader.library import search_schema as _search_schema
from reader.library.draft import Ahead, Draft, Original
from reader.library.entities import MentionLike
from reader.library.handle import Connection
from reader.library.search_words import FORMS_VERSION
from reader.library.transactions import write_transaction

__all__ = ["ArticleWriter", "ahead_of", "now_iso", "text_hash"]

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
#: A new entity in one statement; one already there returns no row (then look it up).
_INSERT_ENTITY = (
    "INSERT INTO entities(name, type) VALUES (?, ?) ON CONFLICT(name, type) DO NOTHING RETURNING id"
)
_INSERT_MENTION = (
    'INSERT INTO mentions(entity_id, article_id, start, "end", surface) VALUES (?, ?, ?, ?, ?)'
)
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
        self._version: int | None = None
        self._hashed: tuple[str, str] | None = None  # (text, its hash): the last one hashed
        self._packing: bool | None = None  # whether originals.packing exists (once known)
        self._recipe: dict[str, str] | None = None  # search_fts_meta, cached as entities are

    # -- the run's cache -----------------------------------------------------------------
    @contextmanager
    def run(self) -> Iterator[None]:
        """Keep entity ids cached across the articles added in the block."""
        self._in_run += 1
        try:
            yield
        finally:
            self._in_run -= 1
            if not self._in_run:
                self.forget()

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
        """Store ``draft`` whole in one transaction (a savepoint inside another):
        ``(new id, True)``, or with ``unless_duplicate`` ``(existing id, False)`` when
        the library has the text or the url already."""
        ahead = draft.ahead
        if ahead is not None and ahead.fits(draft):
            self._hashed = (draft.text, ahead.text_hash)
        try:
            with write_transaction(self.db):
                if unless_duplicate:
                    existing = self.find_duplicate(draft.text, draft.url)
                    if existing is not None:
                        return existing, False
                return self._insert(draft, original, tags, mentions), True
        except BaseException:
            self.forget()  # new entities of the rolled-back savepoint may be cached
            raise

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
        blocks = json.dumps([[b.kind, b.start, b.end] for b in draft.blocks])
        cursor = conn.execute(
            _INSERT_ARTICLE,
            (
                uuid.uuid4().hex,
                draft.title,
                draft.byline,
                draft.source,
                draft.url,
                draft.published,
                now_iso(),
                draft.language,
                draft.format,
                text,
                blocks,
                self.hash_of(text),
                sha,
            ),
        )
        article_id = int(cursor.lastrowid or 0)
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
            )
        names = [*draft.tags, *tags]
        if names:
            self.add_tags(article_id, names)
        self._insert_mentions(conn, article_id, mentions)
        return article_id

    def store_tags(self, article_id: int, names: Sequence[str]) -> None:
        """Tag an article (tags made as needed; blank names and repeats left out)."""
        unique = dict.fromkeys(n.strip() for n in names if n and n.strip())
        if unique:
            conn = self.db.conn
            conn.executemany(_INSERT_TAG, [(name,) for name in unique])
            conn.executemany(_LINK_TAG, [(article_id, name) for name in unique])

    def _insert_mentions(
        self, conn: sqlite3.Connection, article_id: int, mentions: Iterable[MentionLike]
    ) -> None:
        """The mentions of a brand-new article, and its entities' counts raised by them."""
        mentions = mentions if isinstance(mentions, Sequence) else list(mentions)
        if not mentions:
            return
        cache = self._entities
        rows = []
        per_entity: dict[int, int] = {}
        for m in mentions:
            key = (m.name, m.type)
            entity_id = cache.get(key)
            if entity_id is None:
                found = conn.execute(_INSERT_ENTITY, key).fetchone()
                if found is None:
                    found = conn.execute(_FIND_ENTITY, key).fetchone()
                entity_id = int(found[0])
                cache[key] = entity_id
            rows.append((entity_id, article_id, m.start, m.end, m.surface))
            per_entity[entity_id] = per_entity.get(entity_id, 0) + 1
        conn.executemany(_INSERT_MENTION, rows)
        conn.executemany(_RAISE_COUNTS, [(n, eid) for eid, n in per_entity.items()])
