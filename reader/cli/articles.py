"""Commands of the ``fieldreader`` command line.

Articles: gui, import, list, show, search (and ``search --suggest``: "did you mean"),
samples.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    clean,
    emit,
    emit_lines,
    open_library,
    stopped_line,
)
from reader.library import SORT_KEYS

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any


def cmd_import(args: argparse.Namespace) -> int:
    from reader.library.statuses import ImportStatus
    from reader.services.importing import ImportResult, import_paths

    results: list[ImportResult] = []
    stopped: BaseException | None = None
    with open_library(args) as lib:
        try:
            import_paths(lib, args.paths, tags=args.tag or [], into=results, language=args.language)
        except BaseException as exc:  # even Ctrl+C: what landed is reported, then why
            stopped = exc
    lines = []
    for r in results:
        if r.status == ImportStatus.ERROR:
            print(f"fieldreader: {clean(r.path)}: {clean(r.error)}", file=sys.stderr)
        elif r.status == ImportStatus.QUEUED:
            lines.append(
                f"{'queued':<9} {'':>5}  {clean(r.path)} ({clean(r.error)}; "
                "'queue fetch' tries again)"
            )
        else:
            lines.append(f"{r.status:<9} {r.id:>5}  {clean(r.title)}")
    count = Counter(r.status for r in results)
    added, failed, queued = (
        count[ImportStatus.ADDED],
        count[ImportStatus.ERROR],
        count[ImportStatus.QUEUED],
    )
    summary = f"{added} added, {count[ImportStatus.DUPLICATE]} duplicate, {failed} failed"
    lines.append(summary + (f", {queued} queued for later" if queued else ""))
    payload = [r.as_json() for r in results]
    if stopped is not None:  # one more result: why it stopped (no id), and on stderr
        line = stopped_line(stopped, args.library, added)
        payload.append(ImportResult("", ImportStatus.ERROR, error=line).as_json())
        emit(args, payload, "\n".join(lines))
        print(f"fieldreader: {line}", file=sys.stderr)
        return EXIT_FAILED
    emit(args, payload, "\n".join(lines))
    if not results:
        print("fieldreader: no importable files found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        items = lib.list_articles(tag=args.tag, sort=args.sort, descending=not args.ascending)
    lines = (
        f"{a.id:>5}  {clean(a.published) or '          '}  {clean(a.title)}"
        + (f"  [{clean(', '.join(a.tags))}]" if a.tags else "")
        for a in items
    )
    empty = f"no articles tagged {clean(args.tag)!r}" if args.tag else "the library is empty"
    if not args.tag:
        empty += " (add some with 'fieldreader import PATH' or 'fieldreader samples')"
    return emit_lines(args, [a.as_json() for a in items], lines, empty)


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
    human = "\n".join(clean(m) for m in meta) + "\n\n" + clean(article.text, lines=True)
    emit(args, payload, human)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.library.search import MAX_QUERY_CHARS, MAX_TERMS, snippet_markup

    if args.suggest:
        return _suggest(args)
    with open_library(args) as lib:
        hits = lib.search(args.query, limit=args.limit, tag=args.tag)
    if hits.truncated:
        print(
            f"fieldreader: the query was too long and was cut (at most {MAX_TERMS} terms, "
            f"{MAX_QUERY_CHARS} characters); searched for: {clean(hits.query) or 'nothing'}",
            file=sys.stderr,
        )
    payload = []
    for h in hits:
        item: dict[str, Any] = {"kind": h.kind, "id": h.id}
        if h.kind == "note":
            item["article_id"] = h.article_id
        item.update(title=h.title, snippet=snippet_markup(h.snippet, "", ""), rank=round(h.rank, 6))
        payload.append(item)
    lines = (
        f"{h.kind:<7} {h.id:>5}  {clean(h.title)}\n"
        f"               {clean(snippet_markup(h.snippet, '*', '*'))}"
        for h in hits
    )
    if not hits and hits.suggestions and not args.json:
        shown = ", ".join(clean(s) for s in hits.suggestions)
        print(f"fieldreader: no matches; did you mean: {shown}?", file=sys.stderr)
    return emit_lines(args, payload, lines, "no matches")


def _suggest(args: argparse.Namespace) -> int:
    """``search --suggest QUERY``: spellings from the library's vocabulary, best first."""
    with open_library(args) as lib:
        suggestions = list(lib.search(args.query, limit=0, tag=args.tag).suggestions)
    lines = (clean(s) for s in suggestions)
    return emit_lines(args, suggestions, lines, "no suggestions: every word is known, or none near")


def language_option(text: str) -> str:
    """An ISO 639-1 code (``fr``, ``uk``; ``pt-BR`` is kept whole), lower-cased."""
    code = text.strip()
    main, _, region = code.partition("-")
    if not (main.isascii() and main.isalpha() and 2 <= len(main) <= 3) or (
        region and not (region.isascii() and region.isalnum())
    ):
        raise argparse.ArgumentTypeError(
            f"not a language code: {text!r} (write it as ISO 639-1, e.g. fr, en, uk)"
        )
    return main.lower() + (f"-{region.upper()}" if region else "")


def cmd_samples(args: argparse.Namespace) -> int:
    from reader.library.statuses import ImportStatus
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


def screen_size(text: str) -> tuple[int, int]:
    """``WxH`` (e.g. ``1366x768``) as two whole numbers of pixels."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (write it as WxH, e.g. 1366x768)")
    size = int(width), int(height)
    if not (320 <= size[0] <= 16384 and 240 <= size[1] <= 16384):
        raise argparse.ArgumentTypeError(f"not a screen size: {text!r}")
    return size


def _gui_arguments(p: argparse.ArgumentParser) -> None:
    from reader.services.views import VIEWS, View

    p.add_argument("--screenshot", metavar="PNG", help="save a 1400x900 picture and exit")
    p.add_argument("--article", type=int, metavar="ID", help="the article to open")
    p.add_argument("--view", choices=VIEWS, default=View.LIBRARY, help="what the window shows")
    p.add_argument("--entity", metavar="NAME", help="select this entity of the article")
    p.add_argument(
        "--size",
        type=screen_size,
        metavar="WxH",
        help="with --screenshot: render the first-start layout for a screen of this size",
    )


def _import_arguments(p: argparse.ArgumentParser) -> None:
    from reader.ingest.formats import formats_help

    p.epilog = formats_help()
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument("--tag", action="append", metavar="TAG", help="tag every imported article")
    p.add_argument(
        "--language",
        type=language_option,
        metavar="xx",
        help="the language of every imported article (ISO 639-1, e.g. fr), instead of detecting it",
    )


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    # gui's and import's arguments are added when those commands run (or show their help):
    # their views and formats are not imported for the others
    p = sub.add_parser("gui", help="open the window (the default)", fill=_gui_arguments)
    p.set_defaults(func=cmd_gui, json=False)

    p = sub.add_parser(
        "import", parents=[json_opt], help="import files, folders and URLs", fill=_import_arguments
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[json_opt], help="list articles")
    p.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    p.add_argument(
        "--sort",
        choices=tuple(SORT_KEYS),
        default="published",
        help="the order: publication date (the default; newest first), import date, title "
        "or source",
    )
    p.add_argument("--ascending", action="store_true", help="oldest / A first")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[json_opt], help="show one article")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", parents=[json_opt], help="full-text search")
    p.add_argument("query", nargs="?", metavar="QUERY")
    p.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    p.add_argument(
        "--limit", type=int, default=50, metavar="N", help="at most N results (default 50)"
    )
    p.add_argument(
        "--suggest",
        action="store_true",
        help="instead of searching, list spellings of QUERY from the library's own words "
        '(for a misspelling: "did you mean")',
    )
    search_parser = p

    def dash_query(args: argparse.Namespace, extra: list[str]) -> list[str]:
        # ``search -cobalt`` (exclude a word) looks like an option to argparse: it is the query
        if args.query is None and len(extra) == 1:
            args.query, extra = extra[0], []
        if args.query is None:
            search_parser.error("the following arguments are required: QUERY")
        return extra

    p.set_defaults(func=cmd_search, take_extra=dash_query)

    p = sub.add_parser("samples", parents=[json_opt], help="load the bundled sample articles")
    p.set_defaults(func=cmd_samples)
