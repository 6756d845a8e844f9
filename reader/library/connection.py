"""Opening the library file: the connection, its settings, and migrating it on open.

:func:`connect` gives a configured, migrated connection (read-write with WAL, or read-only
when the file or its folder cannot be written); :func:`configure` sets a connection up
(busy timeout, foreign keys, WAL) and migrates the file; :func:`empty_placeholder` is the
in-memory stand-in a detached library holds while its file is replaced.

An encrypted file (see :mod:`reader.library.cipher`) opens the same way, on a keyed
SQLCipher connection, with the passphrase given or the one this process was given for it;
without one it raises :class:`~reader.library.cipher.PassphraseRequiredError`, with a
wrong one :class:`~reader.library.cipher.WrongPassphraseError`, the file untouched. A new
file opened with a passphrase given to :func:`connect` is created encrypted; a plain file
opens plain whatever passphrase comes with it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.library import cipher
from reader.library.errors import ReadOnlyLibraryError, SchemaTooNewError
from reader.library.handle import Connection, Handle
from reader.library.schema import SCHEMA_VERSION, migrate, user_version

__all__ = [
    "BUSY_TIMEOUT_MS",
    "configure",
    "connect",
    "empty_placeholder",
    "enable_wal",
    "key_for",
    "memory_connection",
    "raw_connection",
]

#: How long a writer waits for another one to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


def connect(
    path: Path, read_only: bool | None, *, passphrase: str | None = None
) -> tuple[Handle, bool]:
    """A configured, migrated connection to the file at ``path`` and whether it is read-only.

    It is the plain connection (:class:`~reader.library.handle.Handle`): opening a file
    imports no table API."""
    passphrase = key_for(path, passphrase)
    if read_only is None:
        read_only = path.exists() and not (
            os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        )
    if read_only:
        return _connect_read_only(path, passphrase), True
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Handle(raw_connection(path, passphrase))
    try:
        configure(db, path, wal=True)
    except BaseException:
        db.close()
        raise
    return db, False


def key_for(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open ``path`` with: for an encrypted file the one given, else the
    one this process keeps for it (:class:`~reader.library.cipher.PassphraseRequiredError`
    when there is none); for a missing or empty file the one given (it is created
    encrypted); ``None`` for a plain file or one that is no library at all."""
    if not cipher.is_encrypted(path):
        empty = not path.exists() or path.stat().st_size == 0
        return passphrase if empty else None
    passphrase = passphrase or cipher.remembered(path)
    if passphrase is None:
        raise cipher.PassphraseRequiredError(cipher.ENCRYPTED_MESSAGE)
    return passphrase


def raw_connection(
    database: Path | str, passphrase: str | None, *, uri: bool = False, timeout: float = 5.0
) -> sqlite3.Connection:
    """A bare connection to ``database``: keyed (and the passphrase checked) when a
    passphrase is given, a plain ``sqlite3`` one otherwise."""
    if passphrase is None:
        return sqlite3.connect(str(database), uri=uri, timeout=timeout)
    keyed = cipher.open_keyed(database, passphrase, uri=uri, timeout=timeout)
    return keyed  # type: ignore[return-value]  # sqlite3.Connection's interface and errors


def _connect_read_only(path: Path, passphrase: str | None = None) -> Handle:
    if not path.is_file():
        raise FileNotFoundError(2, "No such file", str(path))
    uri = path.resolve().as_uri()
    conn = None
    try:
        conn = raw_connection(f"{uri}?mode=ro", passphrase, uri=True)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError:
        if conn is not None:
            conn.close()  # a WAL file with no -shm beside it, on read-only media
        conn = raw_connection(f"{uri}?immutable=1", passphrase, uri=True)
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
    conn.execute("PRAGMA recursive_triggers = ON")
    return Handle(conn)


def configure(db: Connection, path: Path | None, *, wal: bool) -> None:
    """Set the connection up (busy timeout, foreign keys, recursive triggers, WAL) and
    migrate the file."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it: triggers nest
    if user_version(db) > SCHEMA_VERSION:
        migrate(db, path)  # refuses, before anything touches the file
    if wal:
        enable_wal(db)
    migrate(db, path)


def enable_wal(db: Connection) -> None:
    """Switch the file to write-ahead logging (outside any transaction), if not yet."""
    conn = db.conn
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    if conn.in_transaction:
        raise sqlite3.OperationalError("cannot change the journal mode inside a transaction")
    conn.execute("PRAGMA journal_mode = wal")


def memory_connection() -> Handle:
    """A configured, migrated library in memory."""
    db = Handle(sqlite3.connect(":memory:"))
    configure(db, None, wal=False)
    return db


def empty_placeholder() -> Handle:
    """An in-memory library with the schema and nothing in it, that refuses writes."""
    db = memory_connection()
    db.execute("PRAGMA query_only = ON")
    return db
