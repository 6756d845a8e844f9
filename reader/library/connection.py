"""Opening the library file: the connection, its settings, and migrating it on open.

:func:`connect` gives a configured, migrated connection (read-write with WAL, or read-only
when the file or its folder cannot be written); :func:`configure` sets a connection up
(busy timeout, foreign keys, WAL) and migrates the file; :func:`empty_placeholder` is the
in-memory stand-in a detached library holds while its file is replaced.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from reader.library.errors import InvalidInputError, ReadOnlyLibraryError, SchemaTooNewError
from reader.library.schema import SCHEMA_VERSION, migrate, user_version

__all__ = ["BUSY_TIMEOUT_MS", "configure", "connect", "empty_placeholder"]

#: How long a writer waits for another one to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


def connect(
    path: Path, read_only: bool | None, *, passphrase: str | None = None
) -> tuple[Database, bool]:
    """A configured, migrated connection to the file at ``path`` and whether it is read-only."""
    if passphrase is not None:
        raise InvalidInputError("this build cannot open encrypted libraries")
    if read_only is None:
        read_only = path.exists() and not (
            os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        )
    if read_only:
        return _connect_read_only(path), True
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    try:
        configure(db, path, wal=True)
    except BaseException:
        db.close()
        raise
    return db, False


def _connect_read_only(path: Path) -> Database:
    if not path.is_file():
        raise FileNotFoundError(2, "No such file", str(path))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError:
        conn.close()  # a WAL file with no -shm beside it, on read-only media
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        conn.close()
        raise SchemaTooNewError(
            f"this library was written by a newer Fieldreader (schema {version}); "
            "upgrade Fieldreader to open it"
        )
    if version < SCHEMA_VERSION:
        conn.close()
        raise ReadOnlyLibraryError(
            f"{path} is read-only and was written by an older Fieldreader: it must be "
            "upgraded once where it can be written"
        )
    conn.execute("PRAGMA query_only = ON")
    return Database(conn)


def configure(db: Database, path: Path | None, *, wal: bool) -> None:
    """Set the connection up (busy timeout, foreign keys, WAL) and migrate the file."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if user_version(db) > SCHEMA_VERSION:
        migrate(db, path)  # refuses, before anything touches the file
    if wal:
        db.enable_wal()
    migrate(db, path)


def empty_placeholder() -> Database:
    """An in-memory library with the schema and nothing in it, that refuses writes."""
    db = Database(memory=True)
    configure(db, None, wal=False)
    db.execute("PRAGMA query_only = ON")
    return db
