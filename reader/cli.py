"""The ``fieldreader`` command line: the library's operations, with JSON output.

``fieldreader [--library PATH] COMMAND``; ``FIELDREADER_LIBRARY`` also names the file, and
the default lives in the user data folder. With ``--json`` only JSON goes to stdout. Exit
status: 0 success, 1 when some inputs failed (the rest still done), 2 for bad usage. Errors
are one line on stderr, never a traceback. Qt is imported only by ``gui``.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from reader import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
VIEWS = ("library", "reader")
NOTE_COLOURS = ("yellow", "green", "blue", "pink", "purple")
ENTITY_TYPES = ("person", "organization", "armed_group", "place", "commodity", "figure", "other")


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def default_library_path() -> Path:
    """The library file: ``FIELDREADER_LIBRARY``, else the user data folder."""
    env = os.environ.get("FIELDREADER_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Fieldreader", appauthor=False) / "library.sqlite"


def _emit(args: argparse.Namespace, payload: Any, human: str) -> None:
    if args.json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif human:
        print(human)


def _open(args: argparse.Namespace):
    from reader.library import Library

    return Library.open(args.library)


def cmd_import(args: argparse.Namespace) -> int:
    from reader.ingest.importer import import_paths

    lib = _open(args)
    try:
        results = import_paths(lib, args.paths, tags=args.tag or [])
    finally:
        lib.close()
    lines = []
    for r in results:
        if r.status == "error":
            print(f"fieldreader: {r.path}: {r.error}", file=sys.stderr)
        else:
            lines.append(f"{r.status:<9} {r.id:>5}  {r.title}")
    added = sum(r.status == "added" for r in results)
    dupes = sum(r.status == "duplicate" for r in results)
    failed = sum(r.status == "error" for r in results)
    lines.append(f"{added} added, {dupes} duplicate, {failed} failed")
    _emit(args, [r.as_json() for r in results], "\n".join(lines))
    if not results:
        print("fieldreader: no importable files found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    lib = _open(args)
    try:
        items = lib.list_articles(tag=args.tag, sort=args.sort, descending=not args.ascending)
    finally:
        lib.close()
    human = "\n".join(
        f"{a.id:>5}  {a.published or '          '}  {a.title}"
        + (f"  [{', '.join(a.tags)}]" if a.tags else "")
        for a in items
    )
    _emit(args, [a.as_json() for a in items], human)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from reader.analysis.extraction import entities_json

    lib = _open(args)
    try:
        article = lib.get(args.id)
        entities = (
            entities_json(lib, lib.article_entities(args.id), with_mentions=True)
            if article is not None
            else []
        )
        notes = [n.as_json() for n in lib.notes(article_id=args.id)] if article else []
    finally:
        lib.close()
    if article is None:
        print(f"fieldreader: no article with id {args.id}", file=sys.stderr)
        return EXIT_FAILED
    payload = {**article.as_json(), "entities": entities, "notes": notes}
    meta = [
        article.title,
        " · ".join(x for x in (article.source, article.published, article.byline) if x),
    ]
    if article.url:
        meta.append(article.url)
    if article.tags:
        meta.append("tags: " + ", ".join(article.tags))
    if entities:
        meta.append(
            "entities: " + ", ".join(f"{e['name']} ({e['type']}, {e['count']})" for e in entities)
        )
    _emit(args, payload, "\n".join(meta) + "\n\n" + article.text)
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from reader.analysis.extraction import entities_json

    lib = _open(args)
    try:
        if args.article is not None and lib.get(args.article) is None:
            print(f"fieldreader: no article with id {args.article}", file=sys.stderr)
            return EXIT_FAILED
        infos = lib.entities(type_=args.type, article_id=args.article)
        payload = entities_json(lib, infos, with_mentions=False)
    finally:
        lib.close()
    human = "\n".join(
        f"{e['id']:>5}  {e['type']:<12} {e['count']:>5} in {e['articles']:>4}  {e['name']}"
        for e in payload
    )
    _emit(args, payload, human or "no entities")
    return EXIT_OK


def cmd_entity(args: argparse.Namespace) -> int:
    from reader.analysis.extraction import correct

    lib = _open(args)
    try:
        if args.action == "corrections":
            rows = [{"kind": k, "name": n, "value": v} for k, n, v in lib.correction_rows()]
            human = "\n".join(f"{r['kind']:<8} {r['name']}  {r['value']}" for r in rows)
            _emit(args, rows, human or "no corrections")
            return EXIT_OK
        name = args.name
        if name.isdigit() and args.action != "add":
            found = lib.entity(int(name))
            if found is None:
                print(f"fieldreader: no entity with id {name}", file=sys.stderr)
                return EXIT_FAILED
            name = found[0]
        value = getattr(args, "value", "") or ""
        try:
            updated = correct(lib, args.action, name, value)
        except ValueError as exc:
            print(f"fieldreader: {exc}", file=sys.stderr)
            return EXIT_FAILED
    finally:
        lib.close()
    payload = {
        "correction": {"kind": args.action, "name": name, "value": value},
        "articles_updated": updated,
    }
    _emit(args, payload, f"{args.action} {name} {value}".rstrip() + f": {updated} articles updated")
    return EXIT_OK


def cmd_note(args: argparse.Namespace) -> int:
    lib = _open(args)
    try:
        if args.action == "add":
            try:
                note_id = lib.add_note(
                    args.article, args.text, quote=args.quote, colour=args.colour
                )
            except ValueError as exc:
                print(f"fieldreader: {exc}", file=sys.stderr)
                return EXIT_FAILED
            note = lib.note(note_id)
            assert note is not None
            _emit(args, note.as_json(), f"note {note_id} added")
            return EXIT_OK
        if args.action == "list":
            notes = lib.notes(article_id=args.article, trashed=args.trash)
            human = "\n".join(
                f"{n.id:>5}  article {n.article_id or '-':>5}  "
                + (f"“{n.quote[:40]}” " if n.quote else "")
                + n.body.strip().replace("\n", " ")[:60]
                for n in notes
            )
            _emit(args, [n.as_json() for n in notes], human or "no notes")
            return EXIT_OK
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
            _emit(
                args,
                [{"id": r.id, "text": r.body, "saved": r.saved} for r in revisions],
                "\n\n".join(f"[{r.saved}]\n{r.body}" for r in revisions),
            )
            return EXIT_OK
        fresh = lib.note(args.id)
        assert fresh is not None
        _emit(args, fresh.as_json(), message)
        return EXIT_OK
    finally:
        lib.close()


def cmd_export(args: argparse.Namespace) -> int:
    lib = _open(args)
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
        print(f"fieldreader: {args.dest}: {_reason(exc)}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        lib.close()
    _emit(args, payload, human)
    return EXIT_OK


def cmd_import_library(args: argparse.Namespace) -> int:
    from reader.library.export_json import import_library

    lib = _open(args)
    try:
        counts = import_library(lib, Path(args.file))
    except (ValueError, OSError) as exc:
        print(f"fieldreader: {args.file}: {_reason(exc)}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        lib.close()
    _emit(
        args,
        {"file": str(args.file), "tables": counts},
        f"imported {counts.get('articles', 0)} articles and {counts.get('notes', 0)} notes",
    )
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    from reader.analysis.extraction import reextract

    lib = _open(args)
    try:
        done = reextract(lib)
        entities = len(lib.entities())
    finally:
        lib.close()
    _emit(args, {"articles": done, "entities": entities}, f"{done} articles re-extracted")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.library.search import snippet_markup

    lib = _open(args)
    try:
        hits = lib.search(args.query, limit=args.limit, tag=args.tag)
    finally:
        lib.close()
    payload = []
    for h in hits:
        item: dict[str, Any] = {"kind": h.kind, "id": h.id}
        if h.kind == "note":
            item["article_id"] = h.article_id
        item.update(title=h.title, snippet=snippet_markup(h.snippet, "", ""), rank=round(h.rank, 6))
        payload.append(item)
    human = "\n".join(
        f"{h.kind:<7} {h.id:>5}  {h.title}\n               {snippet_markup(h.snippet, '*', '*')}"
        for h in hits
    )
    _emit(args, payload, human or "no matches")
    return EXIT_OK


def cmd_samples(args: argparse.Namespace) -> int:
    from reader.ingest.samples import load_samples

    lib = _open(args)
    try:
        results = load_samples(lib)
    finally:
        lib.close()
    added = sum(r.status == "added" for r in results)
    failed = [r for r in results if r.status == "error"]
    for r in failed:
        print(f"fieldreader: {r.path}: {r.error}", file=sys.stderr)
    _emit(
        args,
        [r.as_json() for r in results],
        f"{added} sample articles added, {len(results) - added - len(failed)} already present",
    )
    return EXIT_FAILED if failed else EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from reader.app import run_gui

    return run_gui(
        Path(args.library),
        screenshot=Path(args.screenshot) if args.screenshot else None,
        article_id=args.article,
        view=args.view,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fieldreader",
        description="An offline reader for articles, reports and notes.",
    )
    parser.add_argument("--version", action="version", version=f"fieldreader {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $FIELDREADER_LIBRARY, else the user data folder)",
    )
    json_opt = _Parser(add_help=False)
    json_opt.add_argument("--json", action="store_true", help="print JSON only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument("--screenshot", metavar="PNG", help="save a 1400x900 picture and exit")
    p.add_argument("--article", type=int, metavar="ID", help="the article to open")
    p.add_argument("--view", choices=VIEWS, default="library", help="what the window shows")
    p.set_defaults(func=cmd_gui, json=False)

    p = sub.add_parser("import", parents=[json_opt], help="import files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--tag", action="append", metavar="TAG", help="tag every imported article")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[json_opt], help="list articles")
    p.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    p.add_argument(
        "--sort", choices=("published", "imported", "title", "source"), default="published"
    )
    p.add_argument("--ascending", action="store_true", help="oldest / A first")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[json_opt], help="show one article")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", parents=[json_opt], help="full-text search")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("entities", parents=[json_opt], help="list entities with counts")
    p.add_argument("--article", type=int, metavar="ID", help="only this article's entities")
    p.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser(
        "entity",
        help="correct entities (the corrections stick)",
        description="Correct the entity list. NAME may be an entity's name or id. Every "
        "correction is stored in the library, applied at once, and applied first to every "
        "article imported or re-extracted later.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    for action, helptext, second, second_help in (
        ("rename", "give an entity a new name", "value", "NEW_NAME"),
        ("retype", "change an entity's type", "value", "TYPE"),
        ("merge", "merge NAME into TARGET (NAME becomes an alias)", "value", "TARGET"),
        ("hide", "mark NAME as not an entity", None, None),
        ("add", "mark every occurrence of TEXT as an entity of TYPE", "value", "TYPE"),
    ):
        a = actions.add_parser(action, parents=[json_opt], help=helptext)
        a.add_argument("name", metavar="TEXT" if action == "add" else "NAME")
        if second:
            a.add_argument(second, metavar=second_help)
        a.set_defaults(func=cmd_entity)
    a = actions.add_parser("corrections", parents=[json_opt], help="list stored corrections")
    a.set_defaults(func=cmd_entity)

    p = sub.add_parser("note", help="add, list and manage notes and highlights")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    a = actions.add_parser("add", parents=[json_opt], help="add a note to an article")
    a.add_argument("article", type=int, metavar="ARTICLE_ID")
    a.add_argument("--text", required=True, metavar="MARKDOWN", help="the note (Markdown)")
    a.add_argument("--quote", metavar="EXACT", help="anchor at the first occurrence of EXACT")
    a.add_argument("--colour", "--color", choices=NOTE_COLOURS, help="highlight colour")
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

    p = sub.add_parser("export", help="export notes as Markdown, or the whole library as JSON")
    kinds = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    kinds.required = True
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

    p = sub.add_parser(
        "reextract", parents=[json_opt], help="extract the entities of every article again"
    )
    p.set_defaults(func=cmd_reextract)

    p = sub.add_parser("samples", parents=[json_opt], help="load the bundled sample articles")
    p.set_defaults(func=cmd_samples)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"fieldreader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        args.func, args.json = cmd_gui, False
        args.screenshot, args.article, args.view = None, None, "library"
    args.library = str(Path(args.library).expanduser() if args.library else default_library_path())
    from reader.library.schema import SchemaTooNewError

    try:
        return int(args.func(args))
    except BrokenPipeError:
        # the reader of our output went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (SchemaTooNewError, sqlite3.DatabaseError, OSError) as exc:
        print(f"fieldreader: {args.library}: {_reason(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fieldreader: interrupted", file=sys.stderr)
        return 130


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return "not a Fieldreader library (the file is not an SQLite database)"
    return text
