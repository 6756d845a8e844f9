"""Write transactions on a library connection: ``BEGIN IMMEDIATE`` outside, savepoints inside.

:func:`write_transaction` is what :meth:`reader.library.Library.transaction` runs, and what
the library's own modules use where they hold a bare connection (migrations, the JSON
import). The outermost transaction takes the write lock at once, so a second writer waits
for the first (up to the busy timeout) instead of failing at the moment its reads turn into
a write ("database is locked" that no timeout helps with). A nested one is a savepoint of a
fixed name (SQLite nests savepoints of the same name), so an inner block that raises undoes
only its own writes. SQLite's "locked" and "read-only" failures come out typed
(:class:`~reader.library.errors.LibraryBusyError`,
:class:`~reader.library.errors.ReadOnlyLibraryError`); every other error is left as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reader.library.errors import translate
from reader.library.handle import Connection

#: The savepoint a nested transaction uses.
NESTED_SAVEPOINT = "fieldreader_nested"


@contextmanager
def write_transaction(db: Connection) -> Iterator[None]:
    """Commit what the block writes when it ends; roll it back if the block raises."""
    conn = db.conn
    if conn.in_transaction:
        conn.execute(f"SAVEPOINT {NESTED_SAVEPOINT}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may have ended the whole transaction
                conn.execute(f"ROLLBACK TO {NESTED_SAVEPOINT}")
                conn.execute(f"RELEASE {NESTED_SAVEPOINT}")
            raise
        conn.execute(f"RELEASE {NESTED_SAVEPOINT}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        typed = translate(exc)
        if typed is None:
            raise
        raise typed from exc
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        typed = translate(exc)
        if typed is None:
            raise
        raise typed from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def read_snapshot(db: Connection) -> Iterator[None]:
    """Every read in the block sees the file as it was at its first read (a consistent
    snapshot), without taking the write lock: writers go on meanwhile (WAL)."""
    conn = db.conn
    if conn.in_transaction:  # a write transaction is a snapshot already
        yield
        return
    conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # nothing was written: this only ends the snapshot
