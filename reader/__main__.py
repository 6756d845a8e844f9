"""The launcher: ``fieldreader`` and ``python -m reader`` run the command line here.

It hands the command line a way to open the window (:func:`open_window`, which imports Qt
and :mod:`reader.app` only when ``fieldreader gui`` runs), so the command line itself never
depends on the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path


def open_window(args: argparse.Namespace) -> int:
    """``fieldreader gui``: open the window on ``args.library``."""
    from reader.app import run_gui

    return run_gui(
        Path(args.library),
        screenshot=Path(args.screenshot) if args.screenshot else None,
        article_id=args.article,
        view=args.view,
        entity=args.entity,
        size=args.size,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``fieldreader``; return the exit status."""
    from reader.cli import main as cli_main

    return cli_main(argv, gui=open_window)


if __name__ == "__main__":  # worker processes import this module too
    raise SystemExit(main())
