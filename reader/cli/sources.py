"""Commands of the ``fieldreader`` command line.

Sources that fetch, only when asked: ``feeds add|list|refresh|remove`` (subscriptions),
``feeds import-opml|export-opml`` (feed lists to and from other feed readers) and ``queue
list|fetch|remove`` (URLs imported while offline). ``feeds add`` and ``feeds import-opml``
only record subscriptions; the network is used by ``feeds refresh``, ``queue fetch`` and
``import URL``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_actions,
    clean,
    emit,
    emit_lines,
    failed,
    open_library,
)
from reader.library.statuses import FeedStatus, ImportStatus

if TYPE_CHECKING:
    from reader.library.sources import Feed, QueuedUrl
    from reader.services.storing import ImportResult


def _result_line(r: ImportResult) -> str:
    if r.status == ImportStatus.ERROR:
        return f"{'error':<9} {'':>5}  {clean(r.error)}"
    if r.status == ImportStatus.QUEUED:
        return f"{'queued':<9} {'':>5}  {clean(r.path)} ({clean(r.error)})"
    return f"{r.status:<9} {r.id:>5}  {clean(r.title)}"


def _report(
    results: Iterable[ImportResult], lines: list[str], *, indent: str = "", stderr: bool = True
) -> bool:
    """Add a line per result to ``lines`` (and each error to stderr, with ``stderr``);
    whether any failed."""
    failed = False
    for r in results:
        if r.status == ImportStatus.ERROR:
            failed = True
            if stderr:
                print(f"fieldreader: {clean(r.path)}: {clean(r.error)}", file=sys.stderr)
        lines.append(indent + _result_line(r))
    return failed


def _removed(args: argparse.Namespace, removed: bool, missing: str, done: str) -> int:
    """Say that ``args.id`` was removed (``done``), or that there was none (``missing``)."""
    if not removed:
        print(f"fieldreader: {missing}", file=sys.stderr)
        return EXIT_FAILED
    emit(args, {"id": args.id, "removed": True}, done)
    return EXIT_OK


# -- feeds ------------------------------------------------------------------------------------
def cmd_feeds_add(args: argparse.Namespace) -> int:
    from reader.ingest.fetch import FetchError, check_url
    from reader.services.sources import add_feed

    try:
        check_url(args.url)  # before the library is opened: a refused URL touches nothing
    except FetchError as exc:
        print(f"fieldreader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with open_library(args) as lib:
        feed, added = add_feed(lib, args.url, args.tag or [])
    status = "added" if added else "exists"
    human = (
        f"subscribed to {feed.url} (id {feed.id}); 'fieldreader feeds refresh' fetches it"
        if added
        else f"already subscribed to {feed.url} (id {feed.id})"
    )
    emit(args, {**feed.as_json(), "status": status}, human)
    return EXIT_OK


def cmd_feeds_import_opml(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.ingest.readers import display_path
    from reader.services.sources import import_opml, read_opml

    path = Path(args.file)
    try:  # before the library is opened: a file that is not a feed list touches nothing
        listed = read_opml(path)
    except (ValueError, OSError) as exc:
        return failed(clean(display_path(path)), exc)
    with open_library(args) as lib:
        results = import_opml(lib, listed, args.tag or [])
    lines = []
    for r in results:
        if r.status == "error":
            print(f"fieldreader: {clean(r.url)}: {clean(r.error)}", file=sys.stderr)
            continue
        name = clean(r.title) if r.title else ""
        lines.append(f"{r.status:<7} {r.id:>4}  {clean(r.url)}" + (f"  {name}" if name else ""))
    added = sum(r.status == "added" for r in results)
    errors = sum(r.status == "error" for r in results)
    lines.append(
        f"{added} subscribed, {len(results) - added - errors} already subscribed, "
        f"{errors} refused; 'fieldreader feeds refresh' fetches them"
    )
    emit(args, [r.as_json() for r in results], "\n".join(lines))
    return EXIT_FAILED if errors else EXIT_OK


def cmd_feeds_export_opml(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.ingest.readers import display_path
    from reader.services.sources import export_opml

    path = Path(args.file)
    with open_library(args) as lib:
        try:
            count = export_opml(lib, path)
        except OSError as exc:
            return failed(clean(display_path(path)), exc)
    shown = display_path(path)
    emit(args, {"path": shown, "feeds": count}, f"wrote {count} feed(s) to {clean(shown)}")
    return EXIT_OK


def _feed_line(f: Feed) -> str:
    state = f"error: {f.last_error}" if f.last_error else f"fetched {f.last_fetched or 'never'}"
    tags = f"  [{', '.join(f.tags)}]" if f.tags else ""
    name = clean(f.title or "(not fetched yet)")
    return f"{f.id:>4}  {name}  <{clean(f.url)}>{clean(tags)}\n      {clean(state)}"


def cmd_feeds_refresh(args: argparse.Namespace) -> int:
    from reader.services.sources import refresh_feeds

    with open_library(args) as lib:
        outcomes = refresh_feeds(lib, ids=args.ids or None)
    if args.ids and len(outcomes) < len(set(args.ids)):
        print("fieldreader: some of those feed ids do not exist", file=sys.stderr)
    lines: list[str] = []
    failed = False
    for o in outcomes:
        line = f"{o.feed.id:>4}  {clean(o.feed.title or o.feed.url)}: "
        if o.status in (FeedStatus.ERROR, FeedStatus.OFFLINE):
            failed = True
            print(f"fieldreader: {clean(o.feed.url)}: {clean(o.error)}", file=sys.stderr)
            lines.append(f"{line}{o.status}")
            continue
        new = sum(r.status == ImportStatus.ADDED for r in o.results)
        lines.append(line + (f"{new} new" if o.status == FeedStatus.OK else "unchanged"))
        failed = _report(o.results, lines, indent="      ", stderr=False) or failed
    emit(args, [o.as_json() for o in outcomes], "\n".join(lines) or "no subscriptions")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_feeds_remove(args: argparse.Namespace) -> int:
    from reader.library import sources

    with open_library(args) as lib:
        removed = sources.remove_feed(lib, args.id)
    return _removed(
        args, removed, f"no feed with id {args.id}", f"unsubscribed from feed {args.id}"
    )


# -- queue ------------------------------------------------------------------------------------
def _queued_line(q: QueuedUrl) -> str:
    tried = f"{q.attempts} attempt(s), last: {q.last_error}" if q.attempts else "not tried"
    return f"{q.id:>4}  {clean(q.url)}\n      {clean(tried)}"


def cmd_list(args: argparse.Namespace) -> int:
    """``feeds list`` and ``queue list``: every subscription, or every URL waiting."""
    from reader.library import sources

    with open_library(args) as lib:
        if args.listing == "feeds":
            feeds = sources.feeds(lib)
            payload, lines, empty = feeds, map(_feed_line, feeds), "no subscriptions"
        else:
            queued = sources.queue(lib)
            payload, lines, empty = queued, map(_queued_line, queued), "the queue is empty"
    return emit_lines(args, [item.as_json() for item in payload], lines, empty)


def cmd_queue_fetch(args: argparse.Namespace) -> int:
    from reader.services.sources import fetch_queue

    with open_library(args) as lib:
        outcomes = fetch_queue(lib, ids=args.ids or None)
    payload: list[dict[str, Any]] = []
    lines: list[str] = []
    failed = False
    for o in outcomes:
        payload.extend(o.as_json())
        failed = _report(o.results, lines) or failed
        if o.after is not None:
            lines.append(f"          still queued after {o.after.attempts} attempt(s)")
    emit(args, payload, "\n".join(lines) or "the queue is empty")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_queue_remove(args: argparse.Namespace) -> int:
    from reader.library import sources

    with open_library(args) as lib:
        removed = sources.dequeue(lib, args.id)
    missing = f"no queued URL with id {args.id}"
    return _removed(args, removed, missing, f"removed {args.id} from the queue")


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    fsub = add_actions(sub, "feeds", "feeds_command", help="feed subscriptions (RSS, Atom)")
    p = fsub.add_parser("add", parents=[json_opt], help="subscribe to a feed (fetches nothing)")
    p.add_argument("url", metavar="URL")
    p.add_argument("--tag", action="append", metavar="TAG", help="tag its articles")
    p.set_defaults(func=cmd_feeds_add)
    p = fsub.add_parser("list", parents=[json_opt], help="list subscriptions")
    p.set_defaults(func=cmd_list, listing="feeds")
    p = fsub.add_parser(
        "import-opml",
        parents=[json_opt],
        help="subscribe to every feed of an OPML file (fetches nothing)",
        description="Subscribe to every feed an OPML file lists (as other feed readers "
        "export them); its folders and categories become tags. Nothing is fetched until "
        "'fieldreader feeds refresh'.",
    )
    p.add_argument("file", metavar="FILE", help="the OPML file")
    p.add_argument("--tag", action="append", metavar="TAG", help="also tag their articles")
    p.set_defaults(func=cmd_feeds_import_opml)
    p = fsub.add_parser(
        "export-opml", parents=[json_opt], help="write the subscriptions to an OPML file"
    )
    p.add_argument("file", metavar="FILE", help="the OPML file to write (replaced whole)")
    p.set_defaults(func=cmd_feeds_export_opml)
    p = fsub.add_parser("refresh", parents=[json_opt], help="fetch feeds, import new entries")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these feeds")
    p.set_defaults(func=cmd_feeds_refresh)
    p = fsub.add_parser("remove", parents=[json_opt], help="unsubscribe (articles stay)")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=cmd_feeds_remove)

    qsub = add_actions(sub, "queue", "queue_command", help="URLs waiting for a connection")
    p = qsub.add_parser("list", parents=[json_opt], help="list the URLs waiting")
    p.set_defaults(func=cmd_list, listing="queue")
    p = qsub.add_parser("fetch", parents=[json_opt], help="fetch and import what is waiting")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these entries")
    p.set_defaults(func=cmd_queue_fetch)
    p = qsub.add_parser("remove", parents=[json_opt], help="drop a URL from the queue")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=cmd_queue_remove)
