"""The library file's schema, as an ordered list of migrations.

The schema version lives in ``PRAGMA user_version``. Each migration moves the file from
version ``n`` to ``n + 1`` inside one transaction; :func:`migrate` applies the missing ones
and refuses a file written by a newer Fieldreader. A file with data is copied aside (with
SQLite's online backup) before its schema changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.library.errors import SchemaTooNewError
from reader.library.handle import Connection, as_database
from reader.library.transactions import write_transaction

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SchemaTooNewError", "migrate", "user_version"]


def _v1(db: Connection) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            byline TEXT,
            source TEXT,
            url TEXT,
            published TEXT,
            imported TEXT NOT NULL,
            language TEXT,
            format TEXT NOT NULL,
            text TEXT NOT NULL,
            blocks TEXT NOT NULL DEFAULT '[]',
            text_hash TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            reading_position REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_text_hash ON articles(text_hash);
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_imported ON articles(imported);

        CREATE TABLE originals (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            filename TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        );

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        );
        CREATE INDEX article_tags_tag ON article_tags(tag_id);

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text,
            content='articles', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
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
        """
    )


def _v2(db: Connection) -> None:
    """Entities, their mentions in articles, and the user's corrections."""
    db.executescript(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            UNIQUE (name, type)
        );
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            surface TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id, start);
        CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
        CREATE TABLE entity_corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        );
        """
    )


def _v3(db: Connection) -> None:
    """Notes and highlights (anchored or free-standing), their revisions, and their index."""
    db.executescript(
        """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            body TEXT NOT NULL DEFAULT '',
            quote TEXT,
            prefix TEXT,
            suffix TEXT,
            start INTEGER,
            "end" INTEGER,
            anchor_status TEXT NOT NULL DEFAULT 'none',
            colour TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT
        );
        CREATE INDEX notes_article ON notes(article_id, start);
        CREATE INDEX notes_updated ON notes(updated);
        CREATE TABLE note_revisions (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            saved TEXT NOT NULL
        );
        CREATE INDEX note_revisions_note ON note_revisions(note_id, id);

        CREATE VIRTUAL TABLE notes_fts USING fts5(
            body, quote,
            content='notes', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
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
        """
    )


def _v4(db: Connection) -> None:
    """Framing codebooks the user edited, codings of passages, and when rules last ran."""
    db.executescript(
        """
        CREATE TABLE codebooks (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE codings (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            codebook TEXT NOT NULL,
            dimension TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            method TEXT NOT NULL,
            status TEXT NOT NULL,
            value TEXT,
            memo TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX codings_article ON codings(article_id, codebook, start);
        CREATE INDEX codings_dimension ON codings(codebook, dimension, status);
        CREATE TABLE coding_runs (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            codebook TEXT NOT NULL,
            rules_hash TEXT NOT NULL,
            ran TEXT NOT NULL,
            PRIMARY KEY (article_id, codebook)
        );
        """
    )


def _v5(db: Connection) -> None:
    """Feed subscriptions, the feed entries already seen, and the read-later queue of URLs."""
    db.executescript(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            site_url TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            added TEXT NOT NULL,
            last_fetched TEXT,
            last_success TEXT,
            etag TEXT,
            modified TEXT,
            last_error TEXT
        );
        CREATE TABLE feed_entries_seen (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (feed_id, entry_key)
        );
        CREATE TABLE url_queue (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            tags TEXT NOT NULL DEFAULT '[]',
            added TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt TEXT,
            last_error TEXT
        );
        """
    )


def _v6(db: Connection) -> None:
    """Indexes on the library list's sort orders, so its first page shows at once."""
    db.executescript(
        """
        CREATE INDEX articles_by_date
            ON articles(coalesce(published, substr(imported, 1, 10)), id);
        CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE, id);
        CREATE INDEX articles_by_source ON articles(coalesce(source, '') COLLATE NOCASE, id);
        """
    )


def _v7(db: Connection) -> None:
    """Mention and article counts kept on each entity (fast library-wide lists)."""
    db.executescript(
        """
        ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET
            mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),
            article_count = (
                SELECT count(DISTINCT m.article_id) FROM mentions m
                WHERE m.entity_id = entities.id
            );
        """
    )


def _v8(db: Connection) -> None:
    """Articles can go to the trash: ``trashed`` holds when (UTC ISO time), NULL if not.

    A trashed article keeps its notes, highlights, codings and mentions; it only leaves the
    lists, the search and the comparison until it is restored or the trash is emptied.
    The date order no longer falls back to the import date (an undated article sorts
    last, on ``articles_published``), so the index of that fallback goes.
    """
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN trashed TEXT;
        CREATE INDEX articles_trashed ON articles(trashed) WHERE trashed IS NOT NULL;
        DROP INDEX IF EXISTS articles_by_date;
        """
    )


def _v9(db: Connection) -> None:
    """A note or highlight can be private: exports leave it out unless asked."""
    db.executescript("ALTER TABLE notes ADD COLUMN private INTEGER NOT NULL DEFAULT 0;")


# The later steps live beside what they serve, imported only when a file needs them.
def _v10(db: Connection) -> None:
    """Stemmed search indexes (:mod:`reader.library.search_schema`)."""
    from reader.library.search_schema import migrate

    migrate(as_database(db))


def _v11(db: Connection) -> None:
    """Field packs (:mod:`reader.library.packs_schema`)."""
    from reader.library.packs_schema import migrate

    migrate(db)


def _v12(db: Connection) -> None:
    """The originals' packing (:mod:`reader.library.originals_schema`)."""
    from reader.library.originals_schema import migrate

    migrate(db)


def _v13(db: Connection) -> None:
    """What each merged pack was made since, and the library list's own index.

    ``packs_seen.since`` is the time a merged pack said it carried changes from (NULL: it
    carried everything; so are the packs merged before this version). A library counts a
    peer's content as received up to a time only along an unbroken chain of packs from a
    full one (:func:`reader.library.packs_merge.latest_seen`), so a library that joins a
    team late is sent everything rather than only the last changes. ``articles_listed``
    serves the library list's date order without reading the trashed rows.
    """
    db.executescript(
        """
        ALTER TABLE packs_seen ADD COLUMN since TEXT;
        CREATE INDEX articles_listed ON articles(published, id) WHERE trashed IS NULL;
        """
    )


def _v14(db: Connection) -> None:
    """The original-word index without positions, written by the import's writer itself
    (:mod:`reader.library.words_index_schema`)."""
    from reader.library.words_index_schema import migrate

    migrate(db)


def _v15(db: Connection) -> None:
    """Mentions keep a surface only where it differs from the text's slice
    (:mod:`reader.library.mentions_schema`)."""
    from reader.library.mentions_schema import migrate

    migrate(db)


Migration = Callable[[Connection], None]

#: ``MIGRATIONS[n]`` takes the file from version ``n`` to ``n + 1``.
MIGRATIONS: list[Migration] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
    _v10,
    _v11,
    _v12,
    _v13,
    _v14,
    _v15,
]

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: Connection) -> int:
    """The schema version recorded in the file."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def backup_to(db: Connection, dest: Path) -> Path:
    """Copy the whole library to ``dest`` with SQLite's online backup API."""
    target = sqlite3.connect(dest)
    try:
        db.conn.backup(target)
    finally:
        target.close()
    return dest


def migrate(
    db: Connection,
    path: Path | None = None,
    migrations: list[Migration] | None = None,
) -> list[int]:
    """Bring the schema up to date; return the versions applied.

    ``path`` is the file on disk (``None`` for an in-memory library); when the file
    already holds a schema, it is backed up next to itself before the first change.
    """
    steps = MIGRATIONS if migrations is None else migrations
    current = user_version(db)
    if current > len(steps):
        raise SchemaTooNewError(
            f"this library was written by a newer Fieldreader (schema {current}, "
            f"this version knows up to {len(steps)}); upgrade Fieldreader to open it"
        )
    applied: list[int] = []
    if 0 < current < len(steps) and path is not None:
        from datetime import UTC, datetime

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_to(db, path.with_name(f"{path.stem}.v{current}-{stamp}.backup{path.suffix}"))
    for version in range(current, len(steps)):
        with write_transaction(db):
            steps[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
        applied.append(version + 1)
    return applied
