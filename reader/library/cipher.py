"""Encrypted library files: SQLCipher connections that behave like ``sqlite3``'s.

An encrypted library is a SQLCipher 4 file (``sqlcipher3`` module): every page, the ``-wal``
and the backups made from it are AES-256 ciphertext, and the key comes from the passphrase
by SQLCipher's own PBKDF2-HMAC-SHA512 (256,000 iterations, a random salt per file). Nothing
here does any cryptography itself.

:func:`open_keyed` opens such a file and checks the passphrase at once; what it returns,
a :class:`KeyedConnection`, has the ``sqlite3.Connection`` methods sqlite-utils and the
library use and raises ``sqlite3``'s own exception classes (``sqlcipher3`` has its own), so
every ``except sqlite3.OperationalError`` above keeps working on an encrypted file.
:func:`is_encrypted` tells the two kinds of file apart by their first bytes, without a
passphrase. The process keeps the passphrases it was given in memory (:func:`remember`,
:func:`forget`), so the window's background tasks, which open the library by its path, and
the operations that open their own connections (backups, restores, sole use) find it.

The key is derived once per file and process. Opening an existing encrypted file, the
key is derived from the passphrase and the file's salt (its first 16 bytes) with
``hashlib.pbkdf2_hmac`` and exactly the KDF SQLCipher itself would use (its own default
algorithm and iteration count, read from the driver), and given to SQLCipher in its
raw-key form (``PRAGMA key = "x'…'"``). Once that key has opened the file it is kept in
memory beside the passphrase, so every further connection to the file (each background
task, each reopen) costs no derivation. SQLCipher still derives the page HMAC key
from it and authenticates every page as before; the cipher, the KDF and its cost are
unchanged. :func:`forget` drops the derived keys with the passphrases. If the raw key
does not open the file, the passphrase form is tried too, so the shortcut can never make
a file unopenable: a wrong passphrase costs two derivations.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from reader.library.errors import LibraryError

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "ENCRYPTED_MESSAGE",
    "WRONG_PASSPHRASE_MESSAGE",
    "KeyedConnection",
    "PassphraseRequiredError",
    "WrongPassphraseError",
    "available",
    "check_passphrase",
    "driver_build",
    "forget",
    "is_encrypted",
    "is_plain",
    "key_statement",
    "open_keyed",
    "open_like",
    "open_unkeyed",
    "passphrase_of",
    "prune",
    "remember",
    "remembered",
    "remembered_all",
]

ENCRYPTED_MESSAGE = (
    "the library is encrypted; give its passphrase with --passphrase-file, "
    "FIELDREADER_PASSPHRASE or at the prompt"
)
WRONG_PASSPHRASE_MESSAGE = "wrong passphrase: nothing was opened or changed"
UNAVAILABLE_MESSAGE = (
    "this Fieldreader cannot open encrypted libraries (the sqlcipher3 module is missing)"
)

#: The page cache of a keyed connection, in KiB: a page read again from it is not decrypted
#: again (SQLite's default is 2,000 KiB; the operating system caches only ciphertext).
CACHE_KIB = 65_536

#: What every plain SQLite file starts with (an encrypted one starts with its random salt).
SQLITE_HEADER = b"SQLite format 3\x00"


class PassphraseRequiredError(LibraryError):
    """The file is encrypted and no passphrase was given for it."""


class WrongPassphraseError(LibraryError):
    """The passphrase given does not open the file (nothing was changed)."""


@functools.cache
def _load() -> ModuleType | None:
    """SQLCipher's DB-API module, loaded the first time an encrypted file is met (a plain
    library never pays for it); ``None`` if this build has none."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    return dbapi2


def available() -> bool:
    """Whether this build can open encrypted libraries."""
    return _load() is not None


def _driver() -> ModuleType:
    driver = _load()
    if driver is None:
        raise LibraryError(UNAVAILABLE_MESSAGE)
    return driver


_HEADER_FDS: dict[str, int] = {}
_HEADER_LOCK = threading.Lock()


def _header(path: Path) -> bytes:
    """The first bytes of the file at ``path`` (empty when it cannot be read).

    On POSIX, closing any descriptor of a file drops every lock this process holds on it,
    SQLite's included (another process could then take the file from under an open
    connection). So the descriptor used here stays open, one per file, and is closed only
    once that path names another file (a rewrite swapped it).
    """
    if sys.platform == "win32":  # locks there belong to handles; an open file cannot be swapped
        try:
            with open(path, "rb") as handle:
                return handle.read(len(SQLITE_HEADER))
        except OSError:
            return b""
    key = str(Path(path).expanduser().absolute())
    with _HEADER_LOCK:
        try:
            now = os.stat(key)
        except OSError:
            return b""
        fd = _HEADER_FDS.get(key)
        if fd is not None:
            held = os.fstat(fd)
            if (held.st_dev, held.st_ino) != (now.st_dev, now.st_ino):
                os.close(fd)  # a file nobody opens by this name any more
                fd = None
        if fd is None:
            try:
                fd = os.open(key, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return b""
            _HEADER_FDS[key] = fd
        return os.pread(fd, len(SQLITE_HEADER), 0)


def is_plain(path: Path) -> bool:
    """Whether ``path`` is an existing plain SQLite file (its header says so)."""
    return _header(path) == SQLITE_HEADER


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like an encrypted library: a file of whole 512-byte pages
    that does not start as a plain SQLite file does (an empty, missing or short file, or
    one cut to an odd length, is not)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False
    if size < 1024 or size % 512:
        return False
    return not is_plain(path)


def check_passphrase(passphrase: str) -> str:
    """The passphrase as SQLCipher gets it (Unicode NFC, so the same words typed on two
    keyboards give one key); :class:`~reader.library.errors.InvalidInputError` when empty."""
    import unicodedata

    from reader.library.errors import InvalidInputError

    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        raise InvalidInputError("the passphrase is empty")
    if "\x00" in text:
        raise InvalidInputError("the passphrase holds a NUL character")
    return text


def key_statement(passphrase: str, schema: str = "main") -> str:
    """The ``PRAGMA key`` statement for ``passphrase`` (a pragma takes no parameters: the
    passphrase is quoted as an SQL string)."""
    quoted = check_passphrase(passphrase).replace("'", "''")
    return f"PRAGMA {schema}.key = '{quoted}'"


# -- the process's passphrases -------------------------------------------------------
_KEYRING: dict[str, str] = {}
#: Keys that opened a file: (file, its salt) -> (the passphrase, the key derived from it).
_DERIVED: dict[tuple[str, bytes], tuple[str, bytes]] = {}
_DERIVED_LOCK = threading.Lock()


def _key(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def remember(path: Path, passphrase: str) -> None:
    """Keep ``passphrase`` for the library at ``path`` for this process (in memory only)."""
    _KEYRING[_key(path)] = check_passphrase(passphrase)


def forget(path: Path | None = None) -> None:
    """Drop the passphrase kept for ``path`` (every one when ``None``): locking. The keys
    derived for that file go too, and so does every key derived from a passphrase this
    process no longer keeps for any library (those of its backups, of a rewrite's copy)."""
    with _DERIVED_LOCK:
        if path is None:
            _KEYRING.clear()
            _DERIVED.clear()
            return
        key = _key(path)
        _KEYRING.pop(key, None)
        for held in [k for k in _DERIVED if k[0] == key]:
            del _DERIVED[held]
        _prune()


def prune() -> None:
    """Drop every derived key whose passphrase this process no longer keeps for any
    library (after a passphrase change: the old passphrase's keys of the backups)."""
    with _DERIVED_LOCK:
        _prune()


def _prune() -> None:
    kept = set(_KEYRING.values())
    for held, (passphrase, _raw) in list(_DERIVED.items()):
        if passphrase not in kept:
            del _DERIVED[held]


def remembered(path: Path) -> str | None:
    """The passphrase kept for the library at ``path``, if any."""
    return _KEYRING.get(_key(path))


def remembered_all() -> list[str]:
    """Every passphrase kept, the candidates for a backup of one of those libraries."""
    return list(dict.fromkeys(_KEYRING.values()))


# -- connections ---------------------------------------------------------------------
_ERROR_NAMES = (
    "NotSupportedError",
    "IntegrityError",
    "ProgrammingError",
    "OperationalError",
    "InternalError",
    "DataError",
    "InterfaceError",
    "DatabaseError",
    "Warning",
    "Error",
)


def _mapped(exc: BaseException) -> BaseException:
    """The ``sqlite3`` exception with the same class name and message as ``exc``."""
    for name in _ERROR_NAMES:
        theirs = getattr(_load(), name, None)
        if theirs is not None and type(exc) is theirs:
            ours = getattr(sqlite3, name)(*exc.args)
            for attr in ("sqlite_errorcode", "sqlite_errorname"):
                if hasattr(exc, attr):
                    setattr(ours, attr, getattr(exc, attr))
            return ours
    return exc


def _errors() -> tuple[type[Exception], ...]:
    """The driver's exception classes, caught and raised again as ``sqlite3``'s."""
    driver = _load()
    return (driver.Error,) if driver is not None else ()


class KeyedCursor:
    """A cursor of a :class:`KeyedConnection`: ``sqlite3.Cursor``'s interface, errors."""

    def __init__(self, raw: Any, connection: KeyedConnection) -> None:
        self._raw = raw
        self.connection = connection

    def execute(self, sql: str, parameters: Any = ()) -> KeyedCursor:
        try:
            self._raw.execute(sql, parameters)
        except _errors() as exc:
            raise _mapped(exc) from None
        return self

    def executemany(self, sql: str, seq: Any) -> KeyedCursor:
        try:
            self._raw.executemany(sql, seq)
        except _errors() as exc:
            raise _mapped(exc) from None
        return self

    def executescript(self, sql: str) -> KeyedCursor:
        try:
            self._raw.executescript(sql)
        except _errors() as exc:
            raise _mapped(exc) from None
        return self

    def fetchone(self) -> Any:
        try:
            return self._raw.fetchone()
        except _errors() as exc:
            raise _mapped(exc) from None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return list(self._raw.fetchmany(size if size is not None else self._raw.arraysize))
        except _errors() as exc:
            raise _mapped(exc) from None

    def fetchall(self) -> list[Any]:
        try:
            return list(self._raw.fetchall())
        except _errors() as exc:
            raise _mapped(exc) from None

    def __iter__(self) -> Iterator[Any]:
        raw = self._raw
        while True:
            try:
                rows = raw.fetchmany(256)
            except _errors() as exc:
                raise _mapped(exc) from None
            if not rows:
                return
            yield from rows

    def close(self) -> None:
        self._raw.close()

    @property
    def description(self) -> Any:
        return self._raw.description

    @property
    def lastrowid(self) -> int | None:
        return self._raw.lastrowid

    @property
    def rowcount(self) -> int:
        return int(self._raw.rowcount)

    @property
    def arraysize(self) -> int:
        return int(self._raw.arraysize)

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._raw.arraysize = value


class KeyedConnection:
    """A keyed SQLCipher connection with ``sqlite3.Connection``'s interface and errors.

    ``backup`` copies into another keyed connection, or into an empty file a plain
    ``sqlite3`` connection has just opened: that file gets this connection's passphrase,
    so a copy of an encrypted library is never written in the clear.
    """

    def __init__(self, raw: Any, passphrase: str | None) -> None:
        self._raw = raw
        self._passphrase = passphrase

    @property
    def passphrase(self) -> str | None:
        """The passphrase the file was keyed with (``None``: a plain file on SQLCipher)."""
        return self._passphrase

    def execute(self, sql: str, parameters: Any = ()) -> KeyedCursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq: Any) -> KeyedCursor:
        return self.cursor().executemany(sql, seq)

    def executescript(self, sql: str) -> KeyedCursor:
        return self.cursor().executescript(sql)

    def cursor(self) -> KeyedCursor:
        return KeyedCursor(self._raw.cursor(), self)

    def commit(self) -> None:
        try:
            self._raw.commit()
        except _errors() as exc:
            raise _mapped(exc) from None

    def rollback(self) -> None:
        try:
            self._raw.rollback()
        except _errors() as exc:
            raise _mapped(exc) from None

    def close(self) -> None:
        self._raw.close()

    def interrupt(self) -> None:
        self._raw.interrupt()

    def create_function(self, name: str, narg: int, func: Callable[..., Any], **kw: Any) -> None:
        try:
            self._raw.create_function(name, narg, func, **kw)
        except _errors() as exc:
            raise _mapped(exc) from None

    def create_aggregate(self, name: str, narg: int, cls: Any) -> None:
        try:
            self._raw.create_aggregate(name, narg, cls)
        except _errors() as exc:
            raise _mapped(exc) from None

    def create_collation(self, name: str, func: Callable[[str, str], int]) -> None:
        try:
            self._raw.create_collation(name, func)
        except _errors() as exc:
            raise _mapped(exc) from None

    def set_progress_handler(self, handler: Callable[[], int] | None, n: int) -> None:
        self._raw.set_progress_handler(handler, n)

    def iterdump(self) -> Iterator[str]:
        return self._raw.iterdump()

    def backup(self, target: Any, *, pages: int = -1, progress: Any = None) -> None:
        if isinstance(target, sqlite3.Connection):
            target = _keyed_twin(target, self._passphrase)
            try:
                self.backup(target, pages=pages, progress=progress)
            finally:
                target.close()
            return
        raw = target._raw if isinstance(target, KeyedConnection) else target
        try:
            self._raw.backup(raw, pages=pages, progress=progress)
        except _errors() as exc:
            raise _mapped(exc) from None

    @property
    def in_transaction(self) -> bool:
        return bool(self._raw.in_transaction)

    @property
    def isolation_level(self) -> str | None:
        return self._raw.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._raw.isolation_level = value

    @property
    def total_changes(self) -> int:
        return int(self._raw.total_changes)

    @property
    def row_factory(self) -> Any:
        return self._raw.row_factory

    @row_factory.setter
    def row_factory(self, value: Any) -> None:
        self._raw.row_factory = value

    def __enter__(self) -> KeyedConnection:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def __repr__(self) -> str:
        return "<KeyedConnection>"


def _keyed_twin(target: sqlite3.Connection, passphrase: str | None) -> KeyedConnection:
    """A connection like this one to the empty file the plain ``target`` has open."""
    rows = target.execute("PRAGMA database_list").fetchall()
    filename = next((str(r[2]) for r in rows if r[1] == "main"), "")
    pages = int(target.execute("PRAGMA page_count").fetchone()[0])
    if not filename or pages:
        raise LibraryError("an encrypted library is never copied into a plain database")
    if passphrase is None:
        return open_unkeyed(filename)
    return open_keyed(filename, passphrase, check=False)


def open_unkeyed(database: str | Path, *, timeout: float = 5.0) -> KeyedConnection:
    """A SQLCipher connection to the plain file ``database``: it can attach an encrypted
    one (to encrypt the plain file into it)."""
    return KeyedConnection(_driver().connect(str(database), timeout=timeout), None)


def open_keyed(
    database: str | Path,
    passphrase: str,
    *,
    uri: bool = False,
    timeout: float = 5.0,
    check: bool = True,
) -> KeyedConnection:
    """A connection to the encrypted (or new) file ``database`` keyed with ``passphrase``.

    With ``check`` the passphrase is tried at once: a wrong one raises
    :class:`WrongPassphraseError` and the connection is closed (the file is untouched).
    An existing file is opened with the key derived once for it (see the module
    docstring); a new or empty one with the passphrase (SQLCipher picks its salt).
    """
    driver = _driver()
    text = check_passphrase(passphrase)
    salted = _salt_of(database, uri)
    if salted is not None:
        raw = _open_with_derived_key(driver, database, text, salted, uri, timeout)
        if raw is not None:
            return KeyedConnection(raw, text)
    raw = _connect(driver, database, key_statement(text), uri=uri, timeout=timeout, check=check)
    return KeyedConnection(raw, text)


def _connect(
    driver: ModuleType,
    database: str | Path,
    statement: str,
    *,
    uri: bool,
    timeout: float,
    check: bool,
) -> Any:
    """A driver connection to ``database`` keyed by ``statement``, set up for the library."""
    raw = driver.connect(str(database), uri=uri, timeout=timeout)
    try:
        raw.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is said once, by us
        # Off (SQLCipher's default since 4.5, said here for builds where it is not): on, it
        # wipes and locks every allocation, which guards a running app's memory, outside
        # this threat model, and makes search two to three times slower.
        raw.execute("PRAGMA cipher_memory_security = OFF")
        raw.execute(statement)
        if check:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        raw.execute("PRAGMA temp_store = MEMORY")  # sorts and temporary tables: no file
        raw.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # pages read stay decrypted
    except driver.DatabaseError as exc:
        raw.close()
        if "not a database" in str(exc):
            raise WrongPassphraseError(WRONG_PASSPHRASE_MESSAGE) from None
        raise _mapped(exc) from None
    except BaseException:
        raw.close()
        raise
    return raw


# -- the key, derived once per file --------------------------------------------------
#: SQLCipher's names of its key derivations, as ``hashlib`` names their hash.
_KDF_HASHES = {
    "PBKDF2_HMAC_SHA512": "sha512",
    "PBKDF2_HMAC_SHA256": "sha256",
    "PBKDF2_HMAC_SHA1": "sha1",
}
#: The key length of SQLCipher's AES-256 (bytes).
KEY_BYTES = 32
SALT_BYTES = 16
_KDF: list[tuple[str, int] | None] = []


def _kdf() -> tuple[str, int] | None:
    """The KDF a passphrase-keyed file gets from this SQLCipher, as ``(hash name,
    iterations)``; ``None`` when it is one ``hashlib`` does not do the same way (then
    every file is opened with its passphrase)."""
    if not _KDF:
        probe = _driver().connect(":memory:")
        try:
            algorithm = str(probe.execute("PRAGMA cipher_default_kdf_algorithm").fetchone()[0])
            iterations = int(probe.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0])
            header = int(probe.execute("PRAGMA cipher_default_plaintext_header_size").fetchone()[0])
        except (_driver().Error, TypeError, ValueError):
            algorithm, iterations, header = "", 0, -1
        finally:
            probe.close()
        name = _KDF_HASHES.get(algorithm)
        _KDF.append((name, iterations) if name and iterations > 0 and header == 0 else None)
    return _KDF[0]


def _file_of(database: str | Path, uri: bool) -> Path | None:
    """The file ``database`` names (a path, or a ``file:`` URI), ``None`` for memory."""
    text = str(database)
    if not text or text == ":memory:":
        return None
    if not text.startswith("file:"):
        return None if uri else Path(text)
    from urllib.parse import unquote, urlparse

    parsed = urlparse(text)
    if "mode=memory" in parsed.query or not parsed.path:
        return None
    name = unquote(parsed.path)
    if name == ":memory:":
        return None
    if sys.platform == "win32" and len(name) > 2 and name[0] == "/" and name[2] == ":":
        name = name[1:]  # /C:/Users/... -> C:/Users/...
    return Path(name)


def _salt_of(database: str | Path, uri: bool) -> tuple[str, bytes] | None:
    """``(file, salt)`` of an existing encrypted file: its first 16 bytes are the salt
    SQLCipher derived its key with (``None`` for a new, empty or plain file)."""
    path = _file_of(database, uri)
    if path is None:
        return None
    head = _header(path)
    if len(head) < SALT_BYTES or head == SQLITE_HEADER:
        return None
    return _key(path), head[:SALT_BYTES]


def _derive(passphrase: str, salt: bytes, kdf: tuple[str, int]) -> bytes:
    """The key SQLCipher derives from ``passphrase`` and ``salt`` (the same PBKDF2, by
    OpenSSL through ``hashlib``, which lets other threads run meanwhile)."""
    name, iterations = kdf
    import hashlib

    return hashlib.pbkdf2_hmac(name, passphrase.encode("utf-8"), salt, iterations, KEY_BYTES)


def _held_key(file: str, salt: bytes, passphrase: str) -> bytes | None:
    with _DERIVED_LOCK:
        held = _DERIVED.get((file, salt))
    import hmac

    if held is None or not hmac.compare_digest(held[0].encode("utf-8"), passphrase.encode("utf-8")):
        return None
    return held[1]


def _open_with_derived_key(
    driver: ModuleType,
    database: str | Path,
    passphrase: str,
    salted: tuple[str, bytes],
    uri: bool,
    timeout: float,
) -> Any | None:
    """A connection keyed with the raw key of ``passphrase`` for this file (derived now,
    or the one kept since it last opened the file); ``None`` when that key does not open
    it (the caller tries the passphrase itself)."""
    kdf = _kdf()
    if kdf is None:
        return None
    file, salt = salted
    key = _held_key(file, salt, passphrase)
    fresh = key is None
    if key is None:
        key = _derive(passphrase, salt, kdf)
    statement = f"PRAGMA key = \"x'{key.hex()}'\""
    try:
        raw = _connect(driver, database, statement, uri=uri, timeout=timeout, check=True)
    except WrongPassphraseError:
        if not fresh:
            with _DERIVED_LOCK:
                _DERIVED.pop((file, salt), None)
        return None
    if fresh:
        with _DERIVED_LOCK:
            _DERIVED[(file, salt)] = (passphrase, key)
    return raw


def driver_build() -> str:
    """Which SQLCipher and SQLite this build opens encrypted libraries with (one line)."""
    driver = _load()
    if driver is None:
        return "no SQLCipher"
    probe = driver.connect(":memory:")
    try:
        version = str(probe.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        probe.close()
    return f"SQLCipher {version} on SQLite {driver.sqlite_version}"


def passphrase_of(conn: object) -> str | None:
    """The passphrase ``conn`` was keyed with; ``None`` for a plain connection."""
    return conn.passphrase if isinstance(conn, KeyedConnection) else None


def open_like(conn: object, path: Path) -> sqlite3.Connection | KeyedConnection:
    """A connection to ``path`` of the same kind as ``conn``: keyed with its passphrase
    when it is keyed, plain otherwise (a backup of an encrypted library stays encrypted)."""
    passphrase = passphrase_of(conn)
    if passphrase is None:
        return sqlite3.connect(path)
    return open_keyed(path, passphrase, check=False)
