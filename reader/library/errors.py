"""The errors the core raises, one class per thing that can go wrong for a user.

Every layer above the library (ingest, analysis, services) raises these, never a bare
``ValueError`` or a raw ``sqlite3`` error for something a user can cause or meet, so the
command line (:func:`reader.cli.main`) and the window map each to one clear message, once.

- :class:`InvalidInputError`: the user asked for something malformed (a bad selector, an
  unknown colour, a passage outside the text). It is a ``ValueError``.
- :class:`NotFoundError`: no such article, note, coding, entity or codebook. It is an
  :class:`InvalidInputError` and also a ``KeyError`` (so code written against either keeps
  working), but it prints as its message, not as a quoted key.
- :class:`LibraryBusyError`: another program held the library's write lock for longer than
  the busy timeout.
- :class:`LibraryLockedError`: the library is detached while its file is replaced (a
  restore); writes wait until it is reopened.
- :class:`LibraryInUseError`: another process has the file open, so an operation that
  replaces what it holds (a restore, loading an export) refuses to run.
- :class:`ReadOnlyLibraryError`: the file cannot be written here (read-only file, folder or
  medium), or a read-only file would need a schema upgrade first.
- :class:`SchemaTooNewError`: the file was written by a newer Fieldreader.

Those about the file itself are also ``sqlite3.OperationalError``/``RuntimeError`` as
they were before there were typed errors, so older ``except`` clauses still catch them.
"""

from __future__ import annotations

import sqlite3

#: Any failure SQLite reports about the file (not a database, damaged, disk full, locked):
#: the file errors below are among them. Code above the library catches this name, so it
#: never imports ``sqlite3`` itself.
DatabaseError = sqlite3.DatabaseError


class LibraryError(Exception):
    """Base class of every error the core raises on purpose."""


class InvalidInputError(LibraryError, ValueError):
    """Malformed input: the message says what was wrong and what would be right."""


class NotFoundError(InvalidInputError, KeyError):
    """The article, note, coding, entity or codebook asked for does not exist."""

    __str__ = BaseException.__str__  # the message, not KeyError's quoted repr


class LibraryBusyError(LibraryError, sqlite3.OperationalError):
    """Another writer kept the library locked for longer than the busy timeout."""


class LibraryLockedError(LibraryError, sqlite3.OperationalError):
    """The library is detached (its file is being replaced); nothing can be written now."""


class LibraryInUseError(LibraryError, sqlite3.OperationalError):
    """Another process has the library open: what would replace its contents refuses."""


class ReadOnlyLibraryError(LibraryError, sqlite3.OperationalError):
    """The library file cannot be written here (read-only file, folder or medium)."""


class SchemaTooNewError(LibraryError, RuntimeError):
    """The file was written by a newer Fieldreader than this one."""


BUSY_MESSAGE = (
    "the library is busy: another program kept it locked for too long; try again in a moment"
)
DETACHED_MESSAGE = "the library is being replaced (a restore); try again once it is done"
READ_ONLY_MESSAGE = "the library is read-only here: reading works, but nothing can be saved"


def translate(exc: sqlite3.OperationalError) -> LibraryError | None:
    """The typed error for an SQLite failure a user can meet; ``None`` for the rest, and
    for an error that is typed already."""
    if isinstance(exc, LibraryError):
        return None
    text = str(exc)
    if "database is locked" in text or "database table is locked" in text:
        return LibraryBusyError(BUSY_MESSAGE)
    if "readonly database" in text:
        return ReadOnlyLibraryError(READ_ONLY_MESSAGE)
    return None
