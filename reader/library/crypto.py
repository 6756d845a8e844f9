"""Encrypting, decrypting and re-keying a library file, each as one atomic swap.

:func:`encrypt`, :func:`decrypt` and :func:`change_passphrase` hold the library alone
(:func:`~reader.library.exclusive.take_sole_use`: they refuse with
:class:`~reader.library.errors.LibraryInUseError` while another process has it open), put
it in rollback-journal mode (its ``-wal`` is folded in and removed), write the whole
library into a new file beside it with SQLCipher's ``sqlcipher_export`` (keyed with the new
passphrase, or plain), check that copy (integrity, the same rows in every table, the
schema version) and flush it to disk, and only then rename it over the library. A kill at
any moment leaves the old file whole (the copy, ``<name>.rewriting``, is removed by the
next run) or the new one whole. A wrong passphrase changes nothing. (A plain file is
first held alone by a ``sqlite3`` connection too: in one process, the two SQLite libraries
do not see each other's locks.)

The automatic and named backups in the library's ``backups/`` folder follow the library:
each is rewritten the same way, so no plain copy stays behind an encrypted library and
every backup opens with the library's current passphrase.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.library import cipher
from reader.library.errors import InvalidInputError, LibraryError
from reader.library.exclusive import take_sole_use
from reader.library.library import Library

__all__ = ["REWRITING_SUFFIX", "Rewritten", "change_passphrase", "decrypt", "encrypt"]

#: What the new file is called beside the library until it replaces it.
REWRITING_SUFFIX = ".rewriting"
_BACKUP_PATTERNS = ("auto-*.sqlite", "fieldreader-*.sqlite")


@dataclass(slots=True)
class Rewritten:
    """What an encryption, decryption or passphrase change did."""

    file: Path
    encrypted: bool
    backups: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "encrypted": self.encrypted,
            "file": str(self.file),
            "backups": [str(p) for p in self.backups],
            "backups_skipped": [str(p) for p in self.skipped],
        }


def encrypt(path: Path, passphrase: str) -> Rewritten:
    """Encrypt the plain library at ``path`` with ``passphrase`` (and its backups)."""
    path = _existing(path)
    if cipher.is_encrypted(path):
        raise InvalidInputError(
            "the library is encrypted already; change its passphrase with "
            "'fieldreader passphrase change'"
        )
    new = cipher.check_passphrase(passphrase)
    return _rewrite_library(path, None, new)


def decrypt(path: Path, passphrase: str | None = None) -> Rewritten:
    """Make the encrypted library at ``path`` (and its backups) plain again."""
    path = _existing(path)
    old = _old_passphrase(path, passphrase)
    return _rewrite_library(path, old, None)


def change_passphrase(path: Path, new_passphrase: str, passphrase: str | None = None) -> Rewritten:
    """Re-key the encrypted library at ``path`` (and its backups) with ``new_passphrase``."""
    path = _existing(path)
    old = _old_passphrase(path, passphrase)
    new = cipher.check_passphrase(new_passphrase)
    return _rewrite_library(path, old, new)


def _existing(path: Path) -> Path:
    path = Path(path).expanduser()
    if not path.is_file() or path.stat().st_size == 0:
        raise InvalidInputError(f"there is no library at {path}")
    if not cipher.is_plain(path) and not cipher.is_encrypted(path):
        raise InvalidInputError(f"{path.name} is not a Fieldreader library")
    if not cipher.available():
        raise LibraryError(cipher.UNAVAILABLE_MESSAGE)
    return path


def _old_passphrase(path: Path, passphrase: str | None) -> str:
    if not cipher.is_encrypted(path):
        raise InvalidInputError("the library is not encrypted")
    old = passphrase or cipher.remembered(path)
    if old is None:
        raise cipher.PassphraseRequiredError(cipher.ENCRYPTED_MESSAGE)
    return old


def _rewrite_library(path: Path, old: str | None, new: str | None) -> Rewritten:
    with Library.open(path, passphrase=old):  # checks the passphrase, brings the schema up
        pass
    if old is None:  # the sqlite3 module's connections in this process see only its locks
        probe = sqlite3.connect(path)
        try:
            take_sole_use(probe, path)
        finally:
            probe.close()
    conn = _open(path, old)
    try:
        take_sole_use(conn, path)
        _rewrite(conn, path, new)
    finally:
        conn.close()
    cipher.forget(path)
    if new is not None:
        cipher.remember(path, new)
    done = Rewritten(path, new is not None)
    folder = path.parent / "backups"
    for backup in sorted(p for pat in _BACKUP_PATTERNS for p in folder.glob(pat)):
        if _rewrite_backup(backup, old, new):
            done.backups.append(backup)
        else:
            done.skipped.append(backup)
    cipher.prune()  # no key derived from the old passphrase stays in memory
    return done


def _open(path: Path, passphrase: str | None) -> cipher.KeyedConnection:
    if passphrase is None:
        return cipher.open_unkeyed(path)
    return cipher.open_keyed(path, passphrase)


def _rewrite_backup(backup: Path, old: str | None, new: str | None) -> bool:
    """Rewrite one backup of the kind the library was (skipped, unchanged, otherwise: a
    backup made before an earlier change, or one in use)."""
    if (old is None and not cipher.is_plain(backup)) or (old and not cipher.is_encrypted(backup)):
        return False
    try:
        conn = _open(backup, old)
    except (cipher.WrongPassphraseError, sqlite3.DatabaseError):
        return False
    try:
        take_sole_use(conn, backup)
        _rewrite(conn, backup, new)
    except (sqlite3.DatabaseError, InvalidInputError, OSError):
        return False
    finally:
        conn.close()
    return True


def _counts(conn: Any, schema: str) -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
    ]
    return {
        n: int(conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names
    }


def _rewrite(conn: cipher.KeyedConnection, path: Path, new: str | None) -> None:
    """Write what ``conn`` (holding ``path`` alone) holds into a new file keyed with
    ``new`` (plain when ``None``), check it, and rename it over ``path``."""
    partial = path.with_name(path.name + REWRITING_SUFFIX)
    for suffix in ("", "-journal", "-wal", "-shm"):  # what a killed rewrite left
        Path(str(partial) + suffix).unlink(missing_ok=True)
    conn.execute("PRAGMA journal_mode = DELETE")  # the -wal folded into the file, removed
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    expected = _counts(conn, "main")
    try:
        conn.execute("ATTACH DATABASE ? AS rewritten KEY ?", [str(partial), new or ""])
        try:
            conn.execute("SELECT sqlcipher_export('rewritten')").fetchall()
            conn.execute(f"PRAGMA rewritten.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE rewritten")
        _verify(partial, new, version, expected)
        _flush(partial)
        Path(str(path) + "-shm").unlink(missing_ok=True)  # unused in exclusive mode
        if sys.platform == "win32":  # an open file cannot be renamed over there
            conn.close()
        os.replace(partial, path)
        _flush_folder(path.parent)
    except BaseException:
        for suffix in ("", "-journal"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        raise


def _verify(partial: Path, new: str | None, version: int, expected: dict[str, int]) -> None:
    check = _open(partial, new)
    try:
        ok = [r[0] for r in check.execute("PRAGMA integrity_check").fetchall()]
        got_version = int(check.execute("PRAGMA user_version").fetchone()[0])
        got = _counts(check, "main")
    finally:
        check.close()
    if ok != ["ok"] or got_version != version or got != expected:
        raise InvalidInputError("the rewritten copy did not match the library; nothing was changed")


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
