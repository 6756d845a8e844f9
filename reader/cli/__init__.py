"""The ``fieldreader`` command line: the library's operations, with JSON output.

``fieldreader [--library PATH] COMMAND``; ``FIELDREADER_LIBRARY`` also names the file, and
the default lives in the user data folder. With ``--json`` only JSON goes to stdout. Exit
status: 0 success, 1 when some inputs failed (the rest still done), 2 for bad usage. Errors
are one line on stderr, never a traceback. Qt is imported only by ``gui``. An encrypted
library's passphrase comes from ``--passphrase-file F`` or ``FIELDREADER_PASSPHRASE`` (or a
prompt on a terminal); it is kept in memory for this run only.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import __version__
from reader.cli import (
    articles,
    entities,
    framing,
    maintenance,
    manage,
    notes,
    packs,
    privacy,
    sources,
)
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
from reader.services.views import View

__all__ = ["build_parser", "default_library_path", "main"]


def build_parser() -> argparse.ArgumentParser:
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

    for module in (
        articles,
        entities,
        notes,
        framing,
        maintenance,
        sources,
        privacy,
        manage,
        packs,
    ):
        module.register(sub, json_opt)
    return parser


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
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        take_extra = getattr(args, "take_extra", None)  # a command that reads them itself
        if take_extra is not None:
            extra = take_extra(args, extra)
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except UsageError as exc:
        print(f"fieldreader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
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
