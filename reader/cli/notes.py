"""Commands of the ``fieldreader`` command line.

Notes and exports: note add|list|edit|delete|restore|history, export notes|library,
import-library. A note can be private (``note add --private``, ``note edit ID --private``);
the exports leave private notes out unless ``--include-private``, and say how many.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli import formats
from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_actions,
    clean,
    emit,
    emit_lines,
    emit_record,
    failed,
    open_library,
    warn_plaintext_export,
)
from reader.library import Library
from reader.library import notes as library_notes
from reader.library.notes import COLOURS, Note

PRIVATE_MARK = "[private] "


def _line(note: Note) -> str:
    return (
        f"{note.id:>5}  article {note.article_id or '-':>5}  "
        + (PRIVATE_MARK if note.private else "")
        + (f"“{clean(note.quote[:40])}” " if note.quote else "")
        + clean(note.body.strip().replace("\n", " ")[:60])
    )


def _add(lib: Library, args: argparse.Namespace) -> int:
    """A new note, private from the start when asked (one transaction: never public)."""
    with lib.transaction():
        note_id = lib.add_note(args.article, args.text, quote=args.quote, colour=args.colour)
        if args.private:
            library_notes.set_private(lib, note_id, True)
    return note_id


def _edit(lib: Library, args: argparse.Namespace) -> str:
    """Change a note's text and/or privacy; what was done, for the human line."""
    done: list[str] = []
    with lib.transaction():
        if args.text is not None and lib.save_note(args.id, args.text):
            done.append("text saved")
        if args.private is not None and library_notes.set_private(lib, args.id, args.private):
            done.append("now private" if args.private else "now public")
    return ", ".join(done) or "unchanged"


def cmd_note(args: argparse.Namespace) -> int:
    if args.action == "edit" and args.text is None and args.private is None:
        print("fieldreader: note edit: give --text, --private or --public", file=sys.stderr)
        return EXIT_USAGE
    with open_library(args) as lib:
        if args.action == "add":
            note_id = _add(lib, args)
            private = " (private)" if args.private else ""
            return emit_record(args, lib.note(note_id), f"note {note_id} added{private}")
        if args.action == "list":
            notes = lib.notes(article_id=args.article, trashed=args.trash)
            lines = (_line(n) for n in notes)
            return emit_lines(args, [n.as_json() for n in notes], lines, "no notes")
        note = lib.note(args.id)
        if note is None:
            print(f"fieldreader: no note with id {args.id}", file=sys.stderr)
            return EXIT_FAILED
        if args.action == "edit":
            if note.deleted is not None and args.text is not None:
                print(
                    f"fieldreader: note {args.id} is in the trash; restore it before editing",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            message = f"note {args.id}: {_edit(lib, args)}"
        elif args.action == "delete":
            lib.trash_note(args.id)
            message = f"note {args.id} moved to the trash (restore with 'note restore')"
        elif args.action == "restore":
            lib.restore_note(args.id)
            message = f"note {args.id} restored"
        else:  # history
            revisions = lib.note_revisions(args.id)
            emit(
                args,
                [{"id": r.id, "text": r.body, "saved": r.saved} for r in revisions],
                "\n\n".join(f"[{r.saved}]\n{r.body}" for r in revisions),
            )
            return EXIT_OK
        return emit_record(args, lib.note(args.id), message)


def left_out_line(count: int) -> str:
    """What the human line adds when private notes were left out of an export."""
    if not count:
        return ""
    what = "1 private note" if count == 1 else f"{count} private notes"
    return f" ({what} left out; --include-private exports them)"


def cmd_export(args: argparse.Namespace) -> int:
    warn_plaintext_export(args)
    include = args.include_private
    with open_library(args) as lib:
        try:
            if args.what == "notes":
                from reader.library.export_markdown import export_vault

                vault = export_vault(lib, Path(args.dest), include_private=include)
                paths, left_out = vault.files, vault.private_left_out
                payload: Any = {"files": [str(p) for p in paths], "count": len(paths)}
                human = f"{len(paths)} Markdown files written to {args.dest}"
            else:
                from reader.library.export_json import dump_library

                dump = dump_library(lib, Path(args.dest), include_private=include)
                counts, left_out = dump.tables, dump.private_left_out
                payload = {"file": str(args.dest), "tables": counts}
                human = (
                    f"library written to {args.dest}: {counts.get('articles', 0)} articles, "
                    f"{counts.get('notes', 0)} notes"
                )
        except (ValueError, OSError) as exc:
            return failed(args.dest, exc)
    payload["private_left_out"] = left_out
    payload["includes_private"] = include
    emit(args, payload, human + left_out_line(left_out))
    return EXIT_OK


def cmd_import_library(args: argparse.Namespace) -> int:
    from reader.library.exclusive import exclusive_access
    from reader.library.export_json import import_library

    with exclusive_access(args.library) as lib:  # refused while another program has it open
        try:
            counts = import_library(lib, Path(args.file))
        except (ValueError, OSError) as exc:
            return failed(args.file, exc)
    emit(
        args,
        {"file": str(args.file), "tables": counts},
        f"imported {counts.get('articles', 0)} articles and {counts.get('notes', 0)} notes",
    )
    return EXIT_OK


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    actions = add_actions(sub, "note", "action", help="add, list and manage notes and highlights")
    a = actions.add_parser("add", parents=[json_opt], help="add a note to an article")
    a.add_argument("article", type=int, metavar="ARTICLE_ID")
    a.add_argument("--text", required=True, metavar="MARKDOWN", help="the note (Markdown)")
    a.add_argument("--quote", metavar="EXACT", help="anchor at the first occurrence of EXACT")
    a.add_argument("--colour", "--color", choices=COLOURS, help="highlight colour")
    a.add_argument(
        "--private",
        action="store_true",
        help="a private note: exports leave it out unless --include-private",
    )
    a.set_defaults(func=cmd_note)
    a = actions.add_parser("list", parents=[json_opt], help="list notes")
    a.add_argument("--article", type=int, metavar="ID", help="only this article's notes")
    a.add_argument("--trash", action="store_true", help="list the notes in the trash")
    a.set_defaults(func=cmd_note)
    a = actions.add_parser(
        "edit", parents=[json_opt], help="change a note's text, or make it private or public"
    )
    a.add_argument("id", type=int, metavar="NOTE_ID")
    a.add_argument(
        "--text", metavar="MARKDOWN", help="the new text (the old one is kept in history)"
    )
    privacy = a.add_mutually_exclusive_group()
    privacy.add_argument(
        "--private",
        dest="private",
        action="store_const",
        const=True,
        default=None,
        help="make the note private (exports leave it out unless --include-private)",
    )
    privacy.add_argument(
        "--public",
        dest="private",
        action="store_const",
        const=False,
        help="make the note public again",
    )
    a.set_defaults(func=cmd_note)
    for action, helptext in (
        ("delete", "move a note to the trash"),
        ("restore", "bring a note back from the trash"),
        ("history", "every saved version of a note, newest first"),
    ):
        a = actions.add_parser(action, parents=[json_opt], help=helptext)
        a.add_argument("id", type=int, metavar="NOTE_ID")
        a.set_defaults(func=cmd_note)

    export_help = (
        "export notes as Markdown, the library as JSON, citations (CSL-JSON, RIS, BibTeX) "
        "or a REFI-QDA project"
    )
    kinds = add_actions(sub, "export", "what", metavar="WHAT", help=export_help)
    a = kinds.add_parser(
        "notes", parents=[json_opt], help="one Markdown file per article with notes (a vault)"
    )
    a.add_argument("dest", metavar="DIR")
    _include_private_option(a)
    a.set_defaults(func=cmd_export)
    a = kinds.add_parser("library", parents=[json_opt], help="everything, as one JSON file")
    a.add_argument("dest", metavar="FILE.json")
    _include_private_option(a)
    a.set_defaults(func=cmd_export)
    formats.register_exports(kinds, json_opt)

    p = sub.add_parser(
        "import-library", parents=[json_opt], help="load a library export into an empty library"
    )
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(func=cmd_import_library)


def _include_private_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="export private notes and highlights too (left out by default)",
    )
