"""The :class:`Library`: one SQLite file holding articles, their originals and tags.

It owns the connection (WAL, foreign keys, busy timeout), applies migrations when it opens
a file, and offers the typed operations the command line and the UI use. Every write runs
in :meth:`Library.transaction`, which takes the write lock at once (``BEGIN IMMEDIATE``)
so a second writer waits for the first instead of failing; an article lands whole or not
at all. :meth:`Library.detach` and :meth:`Library.reopen` let the window let go of the file
while a restore replaces it, without handing every pane a new object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reader.library import cipher
from reader.library import entities as _entities
from reader.library.connection import connect, empty_placeholder, memory_connection
from reader.library.errors import (
    DETACHED_MESSAGE,
    InvalidInputError,
    LibraryLockedError,
    ReadOnlyLibraryError,
)
from reader.library.handle import Connection, Handle, as_database, database
from reader.library.library_notes import NoteMethods
from reader.library.records import UNSET, Article, ArticleSummary, _Unset
from reader.library.transactions import read_snapshot, write_transaction

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any

    from sqlite_utils import Database

    from reader.library.draft import Draft, Original
    from reader.library.entities import EntityInfo, MentionLike
    from reader.library.search import SearchHits
    from reader.library.writer import ArticleWriter, now_iso, text_hash

__all__ = [
    "SORT_KEYS",
    "UNSET",
    "Library",
    "Original",
    "ReadOnlyLibraryError",
    "now_iso",
    "text_hash",
]

#: What this module offers from :mod:`.writer`, imported when first asked for.
_FROM_WRITER = ("ArticleWriter", "Original", "now_iso", "text_hash")


def __getattr__(name: str) -> Any:
    if name in _FROM_WRITER:
        from reader.library import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _now() -> str:
    from reader.library.writer import now_iso

    return now_iso()


#: The list's orders (each breaks ties by id; an article with no date comes last).
SORT_KEYS = {
    "published": "a.published",
    "imported": "a.imported",
    "title": "a.title COLLATE NOCASE",
    "source": "coalesce(a.source, '') COLLATE NOCASE",
}


#: A tag link (``at``) of an article in the trash.
_LINK_TRASHED = (
    "EXISTS (SELECT 1 FROM articles x WHERE x.id = at.article_id AND x.trashed IS NOT NULL)"
)


class Library(NoteMethods):
    """An open library file. Use :meth:`open` or :meth:`memory` to get one.

    ``handle`` is the plain connection (:mod:`.handle`); ``db`` sqlite-utils' ``Database``
    on it, built when first asked for (by the writer, tests; never by a read). Only
    :mod:`reader.library` touches them: everything above goes through the methods here.
    """

    def __init__(self, db: Connection, path: Path | None, *, read_only: bool = False) -> None:
        self.handle = db if isinstance(db, Handle) else Handle(db.conn)
        self._db: Database | None = None if isinstance(db, Handle) else as_database(db)
        self.path = path
        self.read_only = read_only
        self._requested_read_only: bool | None = read_only or None
        self._passphrase: str | None = None
        self.detached = False
        self._writer: ArticleWriter | None = None

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool | None = None, passphrase: str | None = None
    ) -> Library:
        """Open (creating if needed) the library at ``path`` and migrate it.

        A file this process may not write (or ``read_only=True``) opens read-only: reading
        works, and every write fails with :class:`ReadOnlyLibraryError`.
        """
        path = Path(path).expanduser()
        db, is_read_only = connect(path, read_only, passphrase=passphrase)
        lib = cls(db, path, read_only=is_read_only)
        lib._requested_read_only = read_only
        lib._passphrase = passphrase
        return lib

    @classmethod
    def memory(cls) -> Library:
        """A throw-away library in memory (tests)."""
        return cls(memory_connection(), None)

    @property
    def db(self) -> Database:
        """sqlite-utils' ``Database`` on this library's connection (imports it now, once)."""
        if self._db is None or self._db.conn is not self.handle.conn:
            self._db = database(self.handle.conn)
        return self._db

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def detach(self) -> None:
        """Let go of the file (a restore is about to replace it).

        Until :meth:`reopen`, this object reads as an empty library, so a stray read finds
        nothing instead of failing, and every write raises :class:`LibraryLockedError`.
        """
        if self.detached:
            return
        placeholder = empty_placeholder()
        real, self.handle = self.handle, placeholder
        self._db = None
        self.detached = True
        real.close()

    def reopen(self) -> None:
        """Open :attr:`path` again (after :meth:`detach`, or to pick up a replaced file).

        Raises, and stays as it was (detached, or on the old connection), when the file
        cannot be opened.
        """
        if self.path is None:
            raise InvalidInputError("an in-memory library has no file to reopen")
        db, is_read_only = connect(
            self.path,
            self._requested_read_only,
            passphrase=cipher.remembered(self.path) or self._passphrase,
        )
        old, self.handle = self.handle, db
        self._db = None
        self.read_only = is_read_only
        self.detached = False
        old.close()

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on this connection: it moves when *another*
        connection (another process, or another connection of this one) commits, and never
        for this connection's own writes. The window polls it to notice the command line."""
        return int(self.handle.execute("PRAGMA data_version").fetchone()[0])

    # -- transactions --------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction: committed when the block ends, rolled back if it raises.

        The outermost one starts with ``BEGIN IMMEDIATE``: it takes the write lock at once,
        so with another writer at work it waits (up to the busy timeout) instead of failing
        later when a read turns into a write. Nested ones are savepoints, so an inner block
        that raises undoes only its own writes. SQLite's "locked" and "read-only" failures
        come out as :class:`LibraryBusyError` and :class:`ReadOnlyLibraryError`.
        """
        if self.detached:
            raise LibraryLockedError(DETACHED_MESSAGE)
        with write_transaction(self.handle):
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads in the block all see one consistent state of the file (no write lock)."""
        with read_snapshot(self.handle):
            yield

    def write_statement(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one write statement in its own transaction; how many rows it changed."""
        with self.transaction():
            return int(self.handle.execute(sql, list(params)).rowcount)

    # -- articles ------------------------------------------------------------------
    @property
    def writer(self) -> ArticleWriter:
        """The write path of new articles on the current connection (:mod:`.writer`)."""
        from reader.library.writer import ArticleWriter

        if self._writer is None or self._writer.db is not self.handle:  # no sqlite-utils
            self._writer = ArticleWriter(self.handle, lambda aid, names: self._add_tags(aid, names))
        return self._writer

    def _add_tags(self, article_id: int, names: Sequence[str]) -> None:
        self.writer.store_tags(article_id, names)

    @contextmanager
    def import_run(self) -> Iterator[None]:
        """An import: entity ids stay cached across the articles added in the block, and
        the stemmed search index takes in what it added when the block ends (not at the
        first search)."""
        from reader.library import search_schema as _search_schema

        with self.writer.run():
            yield
        _search_schema.sync_index(self.db)

    def find_duplicate(self, text: str, url: str | None) -> int | None:
        """The id of an article with the same normalised text, or the same url."""
        return self.writer.find_duplicate(text, url)

    def add_article(
        self,
        draft: Draft,
        original: Original | None = None,
        tags: Iterable[str] = (),
        mentions: Iterable[MentionLike] = (),
    ) -> int:
        """Store ``draft`` (with its original bytes, tags and mentions) in one transaction."""
        if self.detached:
            raise LibraryLockedError(DETACHED_MESSAGE)
        return self.writer.add(draft, original, tags, mentions)[0]

    def add_unless_duplicate(
        self,
        draft: Draft,
        original: Original | None = None,
        tags: Iterable[str] = (),
        mentions: Iterable[MentionLike] = (),
    ) -> tuple[int, bool]:
        """Add ``draft`` unless a duplicate exists: ``(id, True)`` or ``(existing id, False)``."""
        if self.detached:
            raise LibraryLockedError(DETACHED_MESSAGE)
        return self.writer.add(draft, original, tags, mentions, unless_duplicate=True)

    def title_of(self, article_id: int) -> str | None:
        """Just the title of an article (``None`` when there is no such id)."""
        row = self.handle.execute(
            "SELECT title FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return None if row is None else str(row[0])

    def delete_article(self, article_id: int) -> None:
        """Remove an article, its original and its tag links."""
        self.writer.forget()
        with self.transaction():
            _entities.forget_article(self.handle, article_id)
            self.handle.execute("DELETE FROM articles WHERE id = ?", [article_id])
            _entities.drop_unused_entities(self.handle)

    def tags_of(self, article_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """Tag names for each of ``article_ids`` (sorted, case-insensitively)."""
        out: dict[int, list[str]] = {i: [] for i in article_ids}
        for chunk_start in range(0, len(article_ids), 500):
            chunk = list(article_ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.handle.execute(
                f"SELECT at.article_id, t.name FROM article_tags at JOIN tags t "
                f"ON t.id = at.tag_id WHERE at.article_id IN ({marks}) "
                f"ORDER BY t.name COLLATE NOCASE",
                chunk,
            )
            for aid, name in rows:
                out[aid].append(name)
        return {k: tuple(v) for k, v in out.items()}

    def get(self, article_id: int) -> Article | None:
        """The whole article, or ``None`` when there is no such id."""
        rows = list(self.handle.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            return None
        return Article.from_row(rows[0], self.tags_of([article_id])[article_id])

    def original(self, article_id: int) -> Original | None:
        """The original bytes the article was imported from, if kept."""
        return self.writer.original(article_id)

    def article_ids(
        self, *, tag: str | None = None, sort: str = "published", descending: bool = True
    ) -> list[int]:
        """Ids of the articles (optionally with ``tag``) in display order."""
        if sort not in SORT_KEYS:
            raise InvalidInputError(f"unknown sort key {sort!r}; use one of {', '.join(SORT_KEYS)}")
        direction = "DESC" if descending else "ASC"
        where, params = "WHERE a.trashed IS NULL", []
        if tag:
            where += (
                " AND a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t "
                "ON t.id = at.tag_id WHERE t.name = ?)"
            )
            params.append(tag)
        order = f"{SORT_KEYS[sort]} {direction} NULLS LAST, a.id {direction}"
        sql = f"SELECT a.id FROM articles a {where} ORDER BY {order}"
        return [int(r[0]) for r in self.handle.execute(sql, params)]

    def summaries(self, article_ids: Sequence[int]) -> dict[int, ArticleSummary]:
        """Summaries (no text) for the given ids, keyed by id; unknown ids are left out."""
        out: dict[int, ArticleSummary] = {}
        tags = self.tags_of(article_ids)
        for chunk_start in range(0, len(article_ids), 500):
            chunk = list(article_ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.handle.query(
                f"SELECT id, title, source, url, published, imported, trashed FROM articles "
                f"WHERE id IN ({marks})",
                chunk,
            ):
                out[row["id"]] = ArticleSummary(**row, tags=tags.get(row["id"], ()))
        return out

    def list_articles(
        self, *, tag: str | None = None, sort: str = "published", descending: bool = True
    ) -> list[ArticleSummary]:
        """All article summaries (optionally with ``tag``) in display order, but those
        in the trash (:meth:`trashed_articles`)."""
        ids = self.article_ids(tag=tag, sort=sort, descending=descending)
        found = self.summaries(ids)
        return [found[i] for i in ids if i in found]

    def most_recent_id(self) -> int | None:
        """The article to open by default: the newest by date (not one in the trash)."""
        ids = self.handle.execute(
            f"SELECT a.id FROM articles a WHERE a.trashed IS NULL "
            f"ORDER BY {SORT_KEYS['published']} DESC NULLS LAST, a.id DESC LIMIT 1"
        ).fetchone()
        return None if ids is None else int(ids[0])

    def count(self, *, tag: str | None = None) -> int:
        """How many articles (optionally with ``tag``), not counting the trash."""
        if tag:
            sql = (
                "SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                f"WHERE t.name = ? AND NOT {_LINK_TRASHED}"
            )
            return int(self.handle.execute(sql, [tag]).fetchone()[0])
        # all rows less the trashed ones: both counts read an index, not the articles' pages
        sql = (
            "SELECT (SELECT count(*) FROM articles) - "
            "(SELECT count(*) FROM articles WHERE trashed IS NOT NULL)"
        )
        return int(self.handle.execute(sql).fetchone()[0])

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles that carry it, by name (articles in the
        trash leave the counts; a tag only they carry leaves the list)."""
        rows = self.handle.execute(
            f"SELECT t.name, count(at.article_id) FROM tags t LEFT JOIN article_tags at "
            f"ON at.tag_id = t.id AND NOT {_LINK_TRASHED} GROUP BY t.id "
            "HAVING count(at.article_id) > 0 OR NOT EXISTS "
            "(SELECT 1 FROM article_tags x WHERE x.tag_id = t.id) "
            "ORDER BY t.name COLLATE NOCASE"
        )
        return [(name, int(n)) for name, n in rows]

    def set_reading_position(self, article_id: int, position: float) -> None:
        """Remember how far (0..1) the reader got in an article."""
        pos = min(1.0, max(0.0, float(position)))
        self.write_statement(
            "UPDATE articles SET reading_position = ? WHERE id = ?", [pos, article_id]
        )

    # -- managing (reader.library.manage) -------------------------------------------
    def update_article(
        self,
        article_id: int,
        *,
        title: str | _Unset = UNSET,
        byline: str | None | _Unset = UNSET,
        source: str | None | _Unset = UNSET,
        published: str | None | _Unset = UNSET,
        language: str | None | _Unset = UNSET,
    ) -> Article:
        """Correct an article's details (those given; ``None`` clears one, ``published``
        is ``YYYY-MM-DD``, ``language`` two or three letters); the article as it is now."""
        from reader.library import manage as _manage

        return _manage.update_article(
            self,
            article_id,
            title=title,
            byline=byline,
            source=source,
            published=published,
            language=language,
        )

    def add_tag(self, name: str, article_ids: Iterable[int]) -> int:
        """Tag the articles; how many did not carry the tag before."""
        from reader.library import manage as _manage

        return _manage.add_tag(self, name, article_ids)

    def remove_tag(self, name: str, article_ids: Iterable[int]) -> int:
        """Take a tag off the articles; how many carried it."""
        from reader.library import manage as _manage

        return _manage.remove_tag(self, name, article_ids)

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere (merging into ``new`` if it exists); articles carrying it."""
        from reader.library import manage as _manage

        return _manage.rename_tag(self, old, new)

    def delete_tag(self, name: str) -> int:
        """Remove a tag everywhere; how many articles carried it."""
        from reader.library import manage as _manage

        return _manage.delete_tag(self, name)

    def trash_articles(self, article_ids: Iterable[int]) -> list[int]:
        """Move articles to the trash (with their notes, codings...); the ids moved."""
        from reader.library import manage as _manage

        return _manage.trash_articles(self, article_ids, _now())

    def restore_articles(self, article_ids: Iterable[int]) -> list[int]:
        """Bring articles back from the trash, whole; the ids restored."""
        from reader.library import manage as _manage

        return _manage.restore_articles(self, article_ids)

    def trashed_articles(self) -> list[ArticleSummary]:
        """The articles in the trash (``trashed`` says when), the latest first."""
        from reader.library import manage as _manage

        return _manage.trashed_articles(self)

    def empty_trash(self) -> int:
        """Delete the trashed articles for good, with all they carry; how many."""
        from reader.library import manage as _manage

        return _manage.empty_trash(self)

    # -- entities ------------------------------------------------------------------
    def replace_mentions(self, article_id: int, mentions: Iterable[MentionLike]) -> int:
        """Store a fresh extraction of one article (one transaction); return the count."""
        self.writer.forget()
        with self.transaction():
            count = _entities.store_mentions(self.handle, article_id, mentions)
            _entities.drop_unused_entities(self.handle)
        return count

    def article_entities(self, article_id: int) -> list[EntityInfo]:
        """The entities of one article with their mention offsets."""
        return _entities.article_entities(self.handle, article_id)

    def entities(
        self, *, type_: str | None = None, article_id: int | None = None
    ) -> list[EntityInfo]:
        """Library-wide entities with mention and article counts."""
        return _entities.library_entities(self.handle, type_=type_, article_id=article_id)

    def entity_names(self) -> list[str]:
        """Every entity name in the library, sorted."""
        return _entities.entity_names(self.handle)

    def entity(self, entity_id: int) -> tuple[str, str] | None:
        """``(name, type)`` of an entity, or ``None``."""
        return _entities.entity_by_id(self.handle, entity_id)

    def entity_ids_named(self, name: str) -> list[int]:
        """Ids of the entities called ``name`` (any type; case-insensitive)."""
        rows = self.handle.execute(
            "SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id", [name]
        )
        return [int(r[0]) for r in rows]

    def articles_mentioning(self, entity_id: int) -> list[tuple[int, str, int]]:
        """``(article id, title, mentions)`` for each article mentioning the entity."""
        return _entities.articles_mentioning(self.handle, entity_id)

    def correction_rows(self) -> list[tuple[str, str, str]]:
        """The user's entity corrections as ``(kind, name, value)``, oldest first."""
        return _entities.correction_rows(self.handle)

    def add_correction(self, kind: str, name: str, value: str = "") -> None:
        """Record one entity correction (it applies from the next extraction on)."""
        self.write_statement(
            "INSERT INTO entity_corrections(kind, name, value, created) VALUES (?, ?, ?, ?)",
            [kind, name, value, _now()],
        )

    def all_article_ids(self) -> list[int]:
        """Every article id, in id order."""
        return [int(r[0]) for r in self.handle.execute("SELECT id FROM articles ORDER BY id")]

    def text_of(self, article_id: int) -> str | None:
        """Just the text of an article."""
        row = self.handle.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return None if row is None else str(row[0])

    def language_of(self, article_id: int) -> str | None:
        """The article's language (ISO 639-1), or None when it is not known."""
        row = self.handle.execute(
            "SELECT language FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def article_with_url(self, url: str) -> int | None:
        """The id of an article imported from ``url``, if there is one."""
        row = self.handle.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", [url]).fetchone()
        return None if row is None else int(row[0])

    def entity_names_in(
        self, article_ids: Sequence[int], *, except_types: Sequence[str] = ()
    ) -> set[str]:
        """The names of the entities the articles mention (but those of ``except_types``)."""
        return _entities.names_in(self.handle, article_ids, except_types=except_types)

    # -- search --------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        tag: str | None = None,
        kinds: tuple[str, ...] = ("article", "note"),
    ) -> SearchHits:
        """Ranked full-text search over articles and notes; never raises for odd queries.

        The hits are a list that also says what ran (``query``) and whether the query was
        cut to the bounds (``truncated``)."""
        from reader.library import search as _search

        return _search.search_articles(self.handle, query, limit=limit, tag=tag, kinds=kinds)

    def search_ids(self, query: str, *, tag: str | None = None, limit: int = 1000) -> list[int]:
        """Ids of matching articles, best first (for filtering the library list)."""
        return [h.id for h in self.search(query, limit=limit, tag=tag, kinds=("article",))]
