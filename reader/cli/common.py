"""What every command of the command line shares: exit codes, output, opening the library.

With ``--json`` only JSON goes to stdout; otherwise a short human-readable text. Errors
are one line on stderr, never a traceback. What the library holds reaches the terminal
through :func:`clean` (titles and texts may carry escape sequences) and what a user named
through :func:`reader.ingest.readers.display_path` (file names may hold any bytes).

An encrypted library takes its passphrase the same way for every command: the global
``--passphrase-file F``, else ``FIELDREADER_PASSPHRASE``, else a prompt when the command
runs on a terminal (:func:`open_library`, :func:`unlock`); without one the command stops
with one line saying so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.library import Library, cipher
from reader.library.errors import (
    DatabaseError,
    InvalidInputError,
    LibraryBusyError,
    LibraryError,
    LibraryInUseError,
    LibraryLockedError,
    ReadOnlyLibraryError,
    SchemaTooNewError,
)

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any, NoReturn

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, reported by :func:`reader.cli.main`.

    ``fill`` (optional) adds the parser's own arguments the first time it is used (it
    parses, or shows its help or usage): a command whose choices or defaults come from a
    module that is slow to import costs nothing to the other commands.
    """

    def __init__(self, *args: Any, fill: Callable[[Parser], None] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self._fill = fill

    def filled(self) -> Parser:
        """This parser with its own arguments added (once)."""
        fill, self._fill = self._fill, None
        if fill is not None:
            fill(self)
        return self

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        return super(Parser, self.filled()).parse_known_args(args, namespace)

    def _parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        # what every way of parsing runs, whichever a Python version's argparse calls
        return super(Parser, self.filled())._parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        return super(Parser, self.filled()).format_help()

    def format_usage(self) -> str:
        return super(Parser, self.filled()).format_usage()

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse asks for a formatter for every argument added (to check its metavar),
        # and its own finds the width through shutil, an import of 4 ms a command's start
        # would pay for no help shown; the width is the one shutil would give
        return self.formatter_class(prog=self.prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` says it (``$COLUMNS``, else
    the width of the terminal on standard output, else 80), without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def default_library_path() -> Path:
    """The library file: ``FIELDREADER_LIBRARY``, else a portable app's data folder, else the
    user data folder (see :mod:`reader.locations`)."""
    env = os.environ.get("FIELDREADER_LIBRARY")
    if env:
        return Path(env).expanduser()
    from reader import locations

    return locations.default_library_path()


#: Terminal escape sequences (CSI, OSC, and the two-character ones) and the control
#: characters left (C0 but tab and line feed, DEL, C1).
_ESCAPES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)"  # ESC [ … / ESC ] …
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # the one-byte CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\t\n\u2028\u2029]+")


def clean(text: object, *, lines: bool = False) -> str:
    """``text`` made safe for a terminal: escape sequences and control characters go.

    On one line (the default, for titles and names) tabs and line breaks become a space;
    with ``lines`` (an article's text) they stay.
    """
    out = _CONTROLS.sub("", _ESCAPES.sub("", "" if text is None else str(text)))
    return out if lines else _BREAKS.sub(" ", out)


def emit(args: argparse.Namespace, payload: Any, human: str) -> None:
    """Print ``payload`` as JSON with ``--json``, else the human text."""
    if args.json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif human:
        print(human)


def emit_lines(
    args: argparse.Namespace, payload: Any, lines: Iterable[str], empty: str = ""
) -> int:
    """Print ``payload`` as JSON with ``--json``, else ``lines`` (``empty`` when there are
    none); the exit status of success."""
    emit(args, payload, "\n".join(lines) or empty)
    return EXIT_OK


def emit_record(args: argparse.Namespace, record: Any, human: str) -> int:
    """Print one record the command just made or changed (its ``as_json()`` with
    ``--json``, else ``human``); the exit status of success."""
    if record is None:
        raise RuntimeError("the record just written cannot be read back")
    emit(args, record.as_json(), human)
    return EXIT_OK


def failed(label: object, exc: BaseException) -> int:
    """Say on stderr, on one line, that the work on ``label`` failed and why; the exit
    status of a failure."""
    print(f"fieldreader: {label}: {reason(exc)}", file=sys.stderr)
    return EXIT_FAILED


def add_actions(sub: Any, name: str, dest: str, *, metavar: str = "ACTION", **options: Any) -> Any:
    """Add a command made of actions (``note add``, ``feeds list``, …); its sub-parsers,
    one of which must be given."""
    actions = sub.add_parser(name, **options).add_subparsers(
        dest=dest, metavar=metavar, parser_class=Parser
    )
    actions.required = True
    return actions


#: Where scripts put the passphrase of an encrypted library (or ``--passphrase-file``).
PASSPHRASE_ENV = "FIELDREADER_PASSPHRASE"


def read_passphrase_file(path: Path) -> str:
    """The passphrase in the file at ``path``: its text without the final line break."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidInputError(f"cannot read the passphrase file {path}: {why}") from None
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise InvalidInputError(f"the passphrase file {path} is empty")
    return text


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase given without a prompt: ``--passphrase-file``, else the environment."""
    file = getattr(args, "passphrase_file", None)
    if file:
        return read_passphrase_file(Path(file))
    return os.environ.get(PASSPHRASE_ENV) or None


def on_terminal() -> bool:
    """Whether a person is at the keyboard (standard input is a terminal): then a missing
    passphrase is asked for."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def ask(prompt: str) -> str:
    """Ask for a passphrase on the terminal without showing it; empty when none came."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return ""


def unlock(args: argparse.Namespace) -> None:
    """Make sure this process has the passphrase of the library, when it is encrypted:
    given, or asked for on a terminal; one line and exit 1 (by the caller) otherwise."""
    path = Path(args.library)
    if not cipher.is_encrypted(path) or cipher.remembered(path) is not None:
        return
    passphrase = ask(f"Passphrase of {path.name}: ") if on_terminal() else ""
    if not passphrase:
        raise cipher.PassphraseRequiredError(cipher.ENCRYPTED_MESSAGE)
    cipher.remember(path, passphrase)


def open_library(args: argparse.Namespace) -> Library:
    """Open the library file the command line names (use it as a context manager); an
    encrypted one with its passphrase (:func:`unlock`)."""
    unlock(args)
    return Library.open(args.library)


#: The typed errors that are about the library file itself (the message names the file).
FILE_ERRORS = (
    SchemaTooNewError
    | ReadOnlyLibraryError
    | LibraryBusyError
    | LibraryLockedError
    | LibraryInUseError
)


PLAINTEXT_EXPORT = (
    "fieldreader: note: the export is not encrypted: anyone who has the file can read it"
)


def warn_plaintext_export(args: argparse.Namespace) -> None:
    """Say on stderr, before an export of an encrypted library writes anything, that what
    it writes is plain text."""
    if cipher.is_encrypted(Path(args.library)):
        print(PLAINTEXT_EXPORT, file=sys.stderr)


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


def stopped_line(exc: BaseException, library: str, stored: int) -> str:
    """Why a run stopped before its end, and how many articles it had stored by then (the
    words of :func:`error_line`, without its ``fieldreader:``)."""
    if isinstance(exc, KeyboardInterrupt):
        why = "interrupted"
    elif isinstance(exc, LibraryError | DatabaseError | OSError | ValueError):
        why = error_line(exc, library).removeprefix("fieldreader: ")
    else:  # a failure nobody foresaw: said as it is, still on one line
        why = f"the import stopped: {type(exc).__name__}: {exc}".rstrip(": ")
    what = "1 article was" if stored == 1 else f"{stored} articles were"
    return f"{clean(why)} ({what} stored before it stopped)"


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
