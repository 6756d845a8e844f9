"""Commands of the ``fieldreader`` command line.

Articles: gui, import, list, show, search, samples.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    emit,
    open_library,
)
from reader.library import SORT_KEYS
from reader.library.statuses import ImportStatus
from reader.services.views import VIEWS, View


def cmd_import(args: argparse.Namespace) -> int:
    from reader.services.importing import import_paths

    with open_library(args) as lib:
        results = import_paths(lib, args.paths, tags=args.tag or [])
    lines = []
    for r in results:
        if r.status == ImportStatus.ERROR:
            print(f"fieldreader: {r.path}: {r.error}", file=sys.stderr)
        elif r.status == ImportStatus.QUEUED:
            lines.append(f"{'queued':<9} {'':>5}  {r.path} ({r.error}; 'queue fetch' tries again)")
        else:
            lines.append(f"{r.status:<9} {r.id:>5}  {r.title}")
    added = sum(r.status == ImportStatus.ADDED for r in results)
    dupes = sum(r.status == ImportStatus.DUPLICATE for r in results)
    failed = sum(r.status == ImportStatus.ERROR for r in results)
    queued = sum(r.status == ImportStatus.QUEUED for r in results)
    summary = f"{added} added, {dupes} duplicate, {failed} failed"
    lines.append(summary + (f", {queued} queued for later" if queued else ""))
    emit(args, [r.as_json() for r in results], "\n".join(lines))
    if not results:
        print("fieldreader: no importable files found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        items = lib.list_articles(tag=args.tag, sort=args.sort, descending=not args.ascending)
    human = "\n".join(
        f"{a.id:>5}  {a.published or '          '}  {a.title}"
        + (f"  [{', '.join(a.tags)}]" if a.tags else "")
        for a in items
    )
    emit(args, [a.as_json() for a in items], human)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from reader.services.extraction import entities_json

    with open_library(args) as lib:
        article = lib.get(args.id)
        entities = (
            entities_json(lib, lib.article_entities(args.id), with_mentions=True)
            if article is not None
            else []
        )
        notes = [n.as_json() for n in lib.notes(article_id=args.id)] if article else []
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
    emit(args, payload, "\n".join(meta) + "\n\n" + article.text)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.library.search import snippet_markup

    with open_library(args) as lib:
        hits = lib.search(args.query, limit=args.limit, tag=args.tag)
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
    emit(args, payload, human or "no matches")
    return EXIT_OK


def cmd_samples(args: argparse.Namespace) -> int:
    from reader.services.samples import load_samples

    with open_library(args) as lib:
        results = load_samples(lib)
    added = sum(r.status == ImportStatus.ADDED for r in results)
    failed = [r for r in results if r.status == ImportStatus.ERROR]
    for r in failed:
        print(f"fieldreader: {r.path}: {r.error}", file=sys.stderr)
    emit(
        args,
        [r.as_json() for r in results],
        f"{added} sample articles added, {len(results) - added - len(failed)} already present",
    )
    return EXIT_FAILED if failed else EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    if args.gui_runner is None:
        print("fieldreader: this build has no window; use the commands", file=sys.stderr)
        return EXIT_FAILED
    return int(args.gui_runner(args))


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument("--screenshot", metavar="PNG", help="save a 1400x900 picture and exit")
    p.add_argument("--article", type=int, metavar="ID", help="the article to open")
    p.add_argument("--view", choices=VIEWS, default=View.LIBRARY, help="what the window shows")
    p.add_argument("--entity", metavar="NAME", help="select this entity of the article")
    p.set_defaults(func=cmd_gui, json=False)

    p = sub.add_parser("import", parents=[json_opt], help="import files, folders and URLs")
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument("--tag", action="append", metavar="TAG", help="tag every imported article")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[json_opt], help="list articles")
    p.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    p.add_argument("--sort", choices=tuple(SORT_KEYS), default="published")
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

    p = sub.add_parser("samples", parents=[json_opt], help="load the bundled sample articles")
    p.set_defaults(func=cmd_samples)
