"""Commands of the ``fieldreader`` command line.

Notes and exports: note add|list|delete|restore|history, export notes|library, import-library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    add_actions,
    clean,
    emit,
    emit_lines,
    emit_record,
    failed,
    open_library,
)
from reader.library.notes import COLOURS


def cmd_note(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.action == "add":
            note_id = lib.add_note(args.article, args.text, quote=args.quote, colour=args.colour)
            return emit_record(args, lib.note(note_id), f"note {note_id} added")
        if args.action == "list":
            notes = lib.notes(article_id=args.article, trashed=args.trash)
            lines = (
                f"{n.id:>5}  article {n.article_id or '-':>5}  "
                + (f"“{clean(n.quote[:40])}” " if n.quote else "")
                + clean(n.body.strip().replace("\n", " ")[:60])
                for n in notes
            )
            return emit_lines(args, [n.as_json() for n in notes], lines, "no notes")
        note = lib.note(args.id)
        if note is None:
            print(f"fieldreader: no note with id {args.id}", file=sys.stderr)
            return EXIT_FAILED
        if args.action == "delete":
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


def cmd_export(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        try:
            if args.what == "notes":
                from reader.library.export_markdown import export_notes

                paths = export_notes(lib, Path(args.dest))
                payload: Any = {"files": [str(p) for p in paths], "count": len(paths)}
                human = f"{len(paths)} Markdown files written to {args.dest}"
            else:
                from reader.library.export_json import export_library

                counts = export_library(lib, Path(args.dest))
                payload = {"file": str(args.dest), "tables": counts}
                human = (
                    f"library written to {args.dest}: {counts.get('articles', 0)} articles, "
                    f"{counts.get('notes', 0)} notes"
                )
        except (ValueError, OSError) as exc:
            return failed(args.dest, exc)
    emit(args, payload, human)
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
    a.set_defaults(func=cmd_note)
    a = actions.add_parser("list", parents=[json_opt], help="list notes")
    a.add_argument("--article", type=int, metavar="ID", help="only this article's notes")
    a.add_argument("--trash", action="store_true", help="list the notes in the trash")
    a.set_defaults(func=cmd_note)
    for action, helptext in (
        ("delete", "move a note to the trash"),
        ("restore", "bring a note back from the trash"),
        ("history", "every saved version of a note, newest first"),
    ):
        a = actions.add_parser(action, parents=[json_opt], help=helptext)
        a.add_argument("id", type=int, metavar="NOTE_ID")
        a.set_defaults(func=cmd_note)

    export_help = "export notes as Markdown, or the whole library as JSON"
    kinds = add_actions(sub, "export", "what", metavar="WHAT", help=export_help)
    a = kinds.add_parser(
        "notes", parents=[json_opt], help="one Markdown file per article with notes (a vault)"
    )
    a.add_argument("dest", metavar="DIR")
    a.set_defaults(func=cmd_export)
    a = kinds.add_parser("library", parents=[json_opt], help="everything, as one JSON file")
    a.add_argument("dest", metavar="FILE.json")
    a.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import-library", parents=[json_opt], help="load a library export into an empty library"
    )
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(func=cmd_import_library)
