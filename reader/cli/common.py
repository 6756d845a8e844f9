"""What every command of the command line shares: exit codes, output, opening the library.

With ``--json`` only JSON goes to stdout; otherwise a short human-readable text. Errors
are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from reader.library import Library
from reader.library.errors import (
    DatabaseError,
    InvalidInputError,
    LibraryBusyError,
    LibraryLockedError,
    ReadOnlyLibraryError,
    SchemaTooNewError,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, reported by :func:`reader.cli.main`."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def default_library_path() -> Path:
    """The library file: ``FIELDREADER_LIBRARY``, else a portable app's data folder, else the
    user data folder (see :mod:`reader.locations`)."""
    env = os.environ.get("FIELDREADER_LIBRARY")
    if env:
        return Path(env).expanduser()
    from reader import locations

    return locations.default_library_path()


def emit(args: argparse.Namespace, payload: Any, human: str) -> None:
    """Print ``payload`` as JSON with ``--json``, else the human text."""
    if args.json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif human:
        print(human)


def open_library(args: argparse.Namespace) -> Library:
    """Open the library file the command line names (use it as a context manager)."""
    return Library.open(args.library)


#: The typed errors that are about the library file itself (the message names the file).
FILE_ERRORS = SchemaTooNewError | ReadOnlyLibraryError | LibraryBusyError | LibraryLockedError


def error_line(exc: BaseException, library: str) -> str:
    """The one line ``fieldreader`` prints on stderr for an error that stopped a command.

    A user's mistake (:class:`~reader.library.errors.InvalidInputError`, a ``ValueError``)
    is said as the core says it; trouble with the library file or the disk names the file.
    """
    if isinstance(exc, InvalidInputError):
        return f"fieldreader: {exc}"
    if isinstance(exc, FILE_ERRORS | DatabaseError | OSError):
        return f"fieldreader: {library}: {reason(exc)}"
    return f"fieldreader: {exc}"


def reason(exc: BaseException) -> str:
    """A short, readable reason for an error with a file or the library."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, DatabaseError) and "not a database" in text:
        return "not a Fieldreader library (the file is not an SQLite database)"
    if "readonly database" in text or "read-only" in text:
        return (
            text
            if "read-only" in text
            else "the library is read-only here: reading works, but nothing can be saved"
        )
    if "disk is full" in text:
        return "the disk is full: the work stopped here, and everything saved before is kept"
    return text
