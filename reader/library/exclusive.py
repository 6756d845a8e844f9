"""Sole use of a library file, for the operations that replace what it holds.

A restore (and loading a library export, and the encryption of a later issue) must not run
while another process has the file open: that process would go on reading and writing a
library that is no longer there, and what it saved afterwards would be lost without a word.
:func:`exclusive_access` opens its own connection in SQLite's exclusive locking mode and
takes ``BEGIN EXCLUSIVE`` with a short wait. In WAL mode every other open connection holds
a shared lock on the file, so this fails, on every platform, while anyone else has it
open: the caller gets :class:`~reader.library.errors.LibraryInUseError` whose one line says
who, when the window's lock file (``<library>.lock``, see
``reader.ui.common.single_instance``) names a live process. Once taken, the lock is held
until the block ends: nobody else can open the file meanwhile.

:func:`replace_contents` copies a backup INTO the file through SQLite's online backup API
on that connection, so the file is never swapped or unlinked and no ``-wal``/``-shm`` of a
file another process may use is ever deleted.

An encrypted library (:mod:`reader.library.cipher`) is held the same way, on a keyed
connection (the passphrase given, or the one this process keeps for it); a restore copies
only a backup of the same kind, keyed with the same passphrase, into it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.library import cipher
from reader.library.connection import configure, key_for, raw_connection
from reader.library.errors import InvalidInputError, LibraryInUseError
from reader.library.handle import Handle
from reader.library.library import Library

__all__ = [
    "EXCLUSIVE_WAIT_MS",
    "exclusive_access",
    "in_use_message",
    "open_read_only",
    "replace_contents",
    "take_sole_use",
    "window_pid",
]

#: How long sole use waits for the others to let go (a moment: they are not about to).
EXCLUSIVE_WAIT_MS = 300


def window_pid(library_path: Path) -> int | None:
    """The process id the window's lock file beside ``library_path`` names, if that
    process is alive (the file stays behind when the window closes)."""
    path = Path(library_path).expanduser().resolve()
    try:
        first = path.with_name(path.name + ".lock").read_text(encoding="utf-8").split()
        pid = int(first[0]) if first else 0
    except (OSError, ValueError):
        return None
    return pid if pid > 0 and _alive(pid) else None


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, and someone else's
    return True


def in_use_message(library_path: Path) -> str:
    """The one line that says the library is open elsewhere, naming the window if it is."""
    pid = window_pid(library_path)
    if pid == os.getpid():  # the window itself, restoring: one of its own tasks holds it
        return "work still running in this window has it open; wait for it to finish"
    if pid is not None:
        return f"the Fieldreader window (pid {pid}) has it open; close it first"
    return "another program has it open; close it first"


def open_read_only(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """A read-only connection to the SQLite file at ``path`` (any name: it goes as a URI),
    keyed when the file is encrypted: with ``passphrase``, else the one this process keeps
    for ``path``, else each one it keeps (a backup of one of its libraries)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    if not cipher.is_encrypted(Path(path)):
        return sqlite3.connect(uri, uri=True)
    given = passphrase or cipher.remembered(Path(path))
    candidates = [given] if given else cipher.remembered_all()
    if not candidates:
        raise cipher.PassphraseRequiredError(
            f"{Path(path).name} is encrypted and no passphrase was given for it"
        )
    for candidate in candidates[:-1]:
        try:
            return raw_connection(uri, candidate, uri=True)
        except cipher.WrongPassphraseError:
            continue
    return raw_connection(uri, candidates[-1], uri=True)


def take_sole_use(conn: sqlite3.Connection | cipher.KeyedConnection, path: Path) -> None:
    """Make ``conn`` (just opened on ``path``, nothing read since the key) hold the file
    alone until it closes; :class:`LibraryInUseError` when another connection has it."""
    conn.execute(f"PRAGMA busy_timeout = {EXCLUSIVE_WAIT_MS}")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # before the first read of the file
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # the lock stays: exclusive mode keeps it to the end
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise LibraryInUseError(in_use_message(path)) from exc


@contextmanager
def exclusive_access(
    path: str | Path, *, migrate: bool = True, passphrase: str | None = None
) -> Iterator[Library]:
    """The library at ``path`` (created if missing), held by this connection alone.

    Raises :class:`LibraryInUseError` at once when another connection has the file open;
    until the block ends nobody else can open it. The library is migrated as usual, unless
    ``migrate`` is false (its contents are about to be replaced). An encrypted file is
    opened with ``passphrase`` (or the one this process keeps for it).
    """
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Handle(raw_connection(path, key_for(path, passphrase)))
    try:
        take_sole_use(db.conn, path)
        if migrate:
            configure(db, path, wal=True)
        else:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA recursive_triggers = ON")
        yield Library(db, path)
    finally:
        db.close()


def replace_contents(library: Library, source: Path) -> None:
    """Make the exclusively held ``library`` a copy of the SQLite file ``source``.

    The copy goes page by page through the backup API into the same file, under a
    rollback journal (a kill midway is rolled back when the file is next opened), and the
    file is back in WAL mode and migrated to the current schema when this returns.
    """
    conn = library.handle.conn
    passphrase = cipher.passphrase_of(conn)
    if (passphrase is None) != (not cipher.is_encrypted(Path(source))):
        raise InvalidInputError(
            f"{Path(source).name} is encrypted and the library is not"
            if passphrase is None
            else f"{Path(source).name} is not encrypted and the library is: "
            "decrypt the library first, or encrypt the restored one afterwards"
        )
    conn.execute("PRAGMA journal_mode = DELETE")  # WAL refuses a copy of another page size
    try:
        reader = open_read_only(source, passphrase)
    except cipher.WrongPassphraseError:
        raise InvalidInputError(
            f"{Path(source).name} was encrypted with another passphrase than the library's"
        ) from None
    try:
        reader.backup(conn)
    finally:
        reader.close()
    configure(library.handle, library.path, wal=True)
