"""Exchange formats on the command line: ``export citations``, ``export qdpx`` and
``codebook import``.

The ``export`` and ``codebook`` command groups belong to :mod:`reader.cli.notes` and
:mod:`reader.cli.framing`; they call :func:`register_exports` and :func:`register_codebook`
to add these actions. Exports leave private notes out unless ``--include-private`` and say
how many; a peer tool's file that cannot be read safely is refused whole with one line.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reader.cli.common import EXIT_OK, clean, emit, failed, open_library, warn_plaintext_export
from reader.library.errors import InvalidInputError


def _ids(value: str) -> list[int]:
    """``--ids 1,2,5`` as a list of ids."""
    try:
        ids = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of article ids: {value!r}") from None
    if not ids or any(i <= 0 for i in ids):
        raise argparse.ArgumentTypeError(f"not a list of article ids: {value!r}")
    return ids


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _left_out(count: int) -> str:
    if not count:
        return ""
    what = "1 private note" if count == 1 else f"{count} private notes"
    return f" ({what} left out; --include-private exports them)"


def cmd_export_citations(args: argparse.Namespace) -> int:
    warn_plaintext_export(args)
    from reader.services.citations import export_citations

    with open_library(args) as lib:
        try:
            result = export_citations(
                lib,
                Path(args.dest),
                args.format,
                tags=args.tag or (),
                ids=args.ids,
                include_private=args.include_private,
            )
        except OSError as exc:
            return failed(args.dest, exc)
    payload: dict[str, Any] = {
        "file": str(result.file),
        "format": result.format,
        "articles": result.articles,
        "private_left_out": result.private_left_out,
        "includes_private": bool(args.include_private),
    }
    human = (
        f"{_count(result.articles, 'reference')} written to {clean(args.dest)} ({result.format})"
    )
    emit(args, payload, human + _left_out(result.private_left_out))
    return EXIT_OK


def cmd_export_qdpx(args: argparse.Namespace) -> int:
    warn_plaintext_export(args)
    from reader.services.qdpx import export_qdpx

    with open_library(args) as lib:
        try:
            result = export_qdpx(
                lib,
                Path(args.dest),
                codebook_id=args.codebook,
                tags=args.tag or (),
                include_private=args.include_private,
            )
        except OSError as exc:
            return failed(args.dest, exc)
    payload: dict[str, Any] = {
        "file": str(result.file),
        "articles": result.articles,
        "codebooks": result.codebooks,
        "codes": result.codes,
        "codings": result.codings,
        "notes": result.notes,
        "unplaced": result.unplaced,
        "private_left_out": result.private_left_out,
        "includes_private": bool(args.include_private),
    }
    counts = ", ".join(
        _count(n, word)
        for n, word in (
            (result.articles, "article"),
            (result.codes, "code"),
            (result.codings, "coding"),
            (result.notes, "note"),
        )
    )
    human = f"REFI-QDA project written to {clean(args.dest)}: {counts}"
    if result.unplaced:
        human += f"; {result.unplaced} codings left out (their passage is no longer in the text)"
    emit(args, payload, human + _left_out(result.private_left_out))
    return EXIT_OK


def cmd_codebook_import(args: argparse.Namespace) -> int:
    from reader.services.qdc import import_codebook

    path = Path(args.file)
    if not path.is_file():
        raise InvalidInputError(f"{path.name}: no such file")
    with open_library(args) as lib:
        try:
            done = import_codebook(lib, path, codebook_id=args.id, replace=args.replace)
        except OSError as exc:
            return failed(args.file, exc)
    book = done.codebook
    payload = {
        "codebook": book.id,
        "label": book.label,
        "file": str(path),
        "dimensions": [{"id": d.id, "label": d.label} for d in book.dimensions],
    }
    human = "\n".join(
        [f"codebook {book.id!r} imported: {len(book.dimensions)} dimensions ({clean(book.label)})"]
        + [f"  {d.id:<26} {clean(d.label)}" for d in book.dimensions]
    )
    emit(args, payload, human)
    return EXIT_OK


def _private_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="export private notes and highlights too (left out by default)",
    )


def _fill_citations(a: argparse.ArgumentParser) -> None:
    from reader.services.citations import FORMATS

    a.add_argument("dest", metavar="FILE")
    a.add_argument("--format", required=True, choices=list(FORMATS), help="the file format")
    a.add_argument(
        "--tag", action="append", metavar="T", help="only articles with this tag (repeatable)"
    )
    a.add_argument("--ids", type=_ids, metavar="1,2,…", help="only these articles")
    _private_option(a)
    a.set_defaults(func=cmd_export_citations)


def register_exports(kinds: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add ``citations`` and ``qdpx`` to the ``export`` command's actions (``citations``
    gets its options when it runs or shows its help: its formats live in a module that is
    slow to import)."""
    kinds.add_parser(
        "citations",
        parents=[json_opt],
        help="references for Zotero or LaTeX: CSL-JSON, RIS or BibTeX",
        description="Write the articles' references (title, authors, outlet, date, URL, "
        "accessed date, language, tags as keywords, notes) for a reference manager.",
        fill=_fill_citations,
    )

    a = kinds.add_parser(
        "qdpx",
        parents=[json_opt],
        help="a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder",
        description="Write the articles, the codebook's dimensions as codes, the accepted "
        "codings, and the notes as a REFI-QDA project (.qdpx).",
    )
    a.add_argument("dest", metavar="FILE.qdpx")
    a.add_argument(
        "--codebook", metavar="ID", help="only this codebook (default: every one with codings)"
    )
    a.add_argument(
        "--tag", action="append", metavar="T", help="only articles with this tag (repeatable)"
    )
    _private_option(a)
    a.set_defaults(func=cmd_export_qdpx)


def register_codebook(actions: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add ``import`` to the ``codebook`` command's actions."""
    a = actions.add_parser(
        "import",
        parents=[json_opt],
        help="read a codebook from NVivo, ATLAS.ti, MAXQDA or QualCoder (.qdc or .qdpx)",
        description="Store a peer tool's codebook as your own: its codes (nested ones too) "
        "become dimensions with no rules, to code by hand.",
    )
    a.add_argument("file", metavar="FILE.qdc|FILE.qdpx", help="a REFI-QDA codebook or project file")
    a.add_argument("--id", metavar="ID", help="the new codebook's id (default: from the file name)")
    a.add_argument(
        "--replace",
        action="store_true",
        help="store it even when a codebook of that id exists (yours is replaced, a shipped one "
        "is shadowed)",
    )
    a.set_defaults(func=cmd_codebook_import)
