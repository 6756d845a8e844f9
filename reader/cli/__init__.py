"""The ``fieldreader`` command line: the library's operations, with JSON output.

``fieldreader [--library PATH] COMMAND``; ``FIELDREADER_LIBRARY`` also names the file, and
the default lives in the user data folder. With ``--json`` only JSON goes to stdout. Exit
status: 0 success, 1 when some inputs failed (the rest still done), 2 for bad usage. Errors
are one line on stderr, never a traceback. Qt is imported only by ``gui``. An encrypted
library's passphrase comes from ``--passphrase-file F`` or ``FIELDREADER_PASSPHRASE`` (or a
prompt on a terminal); it is kept in memory for this run only.

A command line that names its command builds the parser of that command's module alone
(:data:`COMMAND_MODULES`), so ``fieldreader search`` imports neither the other commands
nor what they need; ``fieldreader --help``, no command, or an unknown one builds them all.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from reader import __version__
from reader.cli import articles
from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    UsageError,
    default_library_path,
    error_line,
    given_passphrase,
)
from reader.library import cipher
from reader.library.errors import DatabaseError, LibraryError

__all__ = [
    "COMMAND_MODULES",
    "MODULES",
    "build_parser",
    "command_of",
    "default_library_path",
    "main",
]

#: The modules of :mod:`reader.cli` that add commands, in the order ``--help`` lists them.
MODULES = (
    "articles",
    "entities",
    "notes",
    "framing",
    "maintenance",
    "sources",
    "privacy",
    "manage",
    "packs",
)

#: Each command and the module of :data:`MODULES` that adds it.
COMMAND_MODULES = {
    **dict.fromkeys(("gui", "import", "list", "show", "search", "samples"), "articles"),
    **dict.fromkeys(("entities", "entity", "reextract"), "entities"),
    **dict.fromkeys(("note", "export", "import-library"), "notes"),
    **dict.fromkeys(("compare", "code", "coding", "codebook"), "framing"),
    **dict.fromkeys(("check", "backup", "restore"), "maintenance"),
    **dict.fromkeys(("feeds", "queue"), "sources"),
    **dict.fromkeys(("encrypt", "decrypt", "passphrase"), "privacy"),
    **dict.fromkeys(("article", "tag", "trash"), "manage"),
    **dict.fromkeys(("pack", "config", "agreement", "sync"), "packs"),
}

#: Options before the command that take a value (``--library PATH``).
_VALUED_OPTIONS = ("--library", "--passphrase-file", "--lang")


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument past the global options that take a value (``--library PATH``,
    ``--lang=fr``); None when there is nothing past them."""
    args = iter(argv)
    for arg in args:
        if arg in _VALUED_OPTIONS:
            next(args, None)
        elif not ("=" in arg and arg.split("=", 1)[0] in _VALUED_OPTIONS):
            return arg
    return None


def command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (``search``), past the global options; None when there
    is none, or help or the version is asked before it."""
    word = _first_word(argv)
    return None if word is None or word.startswith("-") else word


def _asks_version(argv: Sequence[str]) -> bool:
    """Whether ``--version`` comes first, past the global options: argparse prints the
    version there and stops, so no command's parser is needed."""
    return _first_word(argv) == "--version"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``fieldreader`` parser: every command, or only those of the module that adds
    ``command`` when it is one of :data:`COMMAND_MODULES`."""
    return _build(command)


def _build(command: str | None, *, commands: bool = True) -> argparse.ArgumentParser:
    parser = Parser(
        prog="fieldreader",
        description="An offline reader for articles, reports and notes.",
    )
    parser.add_argument("--version", action="version", version=f"fieldreader {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $FIELDREADER_LIBRARY, else the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="F",
        help="the passphrase of an encrypted library, in a file "
        "(default: $FIELDREADER_PASSPHRASE, else asked on a terminal)",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the window's language, e.g. fr or en (default: $FIELDREADER_LANG, the "
        "choice in View › Interface Language, else the system's)",
    )
    json_opt = Parser(add_help=False)
    json_opt.add_argument("--json", action="store_true", help="print JSON only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    chosen = COMMAND_MODULES.get(command or "")
    for name in (MODULES if chosen is None else (chosen,)) if commands else ():
        _command_module(name).register(sub, json_opt)
    return parser


def _command_module(name: str) -> ModuleType:
    """The module ``name`` of :data:`MODULES`, imported now (each import is written out, so
    a bundler that follows imports finds every one)."""
    match name:
        case "articles":
            return articles
        case "entities":
            from reader.cli import entities as module
        case "notes":
            from reader.cli import notes as module
        case "framing":
            from reader.cli import framing as module
        case "maintenance":
            from reader.cli import maintenance as module
        case "sources":
            from reader.cli import sources as module
        case "privacy":
            from reader.cli import privacy as module
        case "manage":
            from reader.cli import manage as module
        case "packs":
            from reader.cli import packs as module
        case _:
            raise KeyError(name)
    return module


#: Opens the window for ``fieldreader gui`` (given by the launcher, :mod:`reader.__main__`,
#: so that the command line never imports the window itself).
GuiRunner = Callable[[argparse.Namespace], int]


def _printable_output() -> None:
    """A character the terminal's encoding cannot take (a file name's stray byte) is
    written as an escape, never a crash halfway through the output."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, *, gui: GuiRunner | None = None) -> int:
    """Run the command line; return the exit status. ``gui`` opens the window."""
    _printable_output()
    given = list(sys.argv[1:] if argv is None else argv)
    parser = _build(command_of(given), commands=not _asks_version(given))
    try:
        args, extra = parser.parse_known_args(given)
        take_extra = getattr(args, "take_extra", None)  # a command that reads them itself
        if take_extra is not None:
            extra = take_extra(args, extra)
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except UsageError as exc:
        print(f"fieldreader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        from reader.services.views import View

        args.func, args.json = articles.cmd_gui, False
        args.screenshot, args.article, args.view, args.entity = None, None, View.LIBRARY, None
        args.size = None
    args.library = str(Path(args.library).expanduser() if args.library else default_library_path())
    args.gui_runner = gui
    if getattr(args, "lang", None):  # the window reads it (reader.ui.window.i18n)
        os.environ["FIELDREADER_LANG"] = args.lang
    try:
        passphrase = given_passphrase(args)
        if passphrase is not None:
            cipher.remember(Path(args.library), passphrase)
        return int(args.func(args))
    except BrokenPipeError:
        # the reader of our output went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (LibraryError, DatabaseError, OSError, ValueError) as exc:
        # the core's typed errors (and the file's, the disk's): one clear line each
        print(error_line(exc, args.library), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fieldreader: interrupted", file=sys.stderr)
        return 130
