"""Commands of the ``fieldreader`` command line.

Managing the library: ``article edit|delete|restore``, ``tag add|remove|rename|delete|list``
and ``trash list|empty``. ``article delete`` moves articles to the trash (with their notes,
highlights and codings, which come back with ``article restore``); only ``trash empty``
deletes for good, and it asks first (``--yes`` answers for a script). Every id is checked
before anything changes, so a bad one changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from reader.cli import articles
from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_actions,
    clean,
    emit,
    emit_lines,
    open_library,
)
from reader.library import Library
from reader.library.manage import UNSET

#: What ``--date`` and ``--language`` take to clear the field.
NONE = "none"

EDIT_FIELDS = ("title", "byline", "source", "date", "language")


def _articles(n: int) -> str:
    return "1 article" if n == 1 else f"{n} articles"


def _ids(ids: Sequence[int]) -> str:
    return " ".join(str(i) for i in ids)


# -- article edit | delete | restore ---------------------------------------------------------
def _cleared(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() == NONE else value


def cmd_article_edit(args: argparse.Namespace) -> int:
    given = {name: getattr(args, name) for name in EDIT_FIELDS if getattr(args, name) is not None}
    if not given:
        options = ", ".join(f"--{name}" for name in EDIT_FIELDS)
        print(f"fieldreader: article edit: give at least one of {options}", file=sys.stderr)
        return EXIT_USAGE
    changes: dict[str, Any] = {
        "title": given.get("title", UNSET),
        "byline": given.get("byline", UNSET),
        "source": given.get("source", UNSET),
        "published": _cleared(given["date"]) if "date" in given else UNSET,
        "language": _cleared(given["language"]) if "language" in given else UNSET,
    }
    with open_library(args) as lib:
        lib.update_article(args.id, **changes)
    return articles.cmd_show(args)


def cmd_article_delete(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        moved = lib.trash_articles(args.ids)
    lines = []
    if moved:
        lines.append(
            f"{_articles(len(moved))} moved to the trash, with their notes, highlights and "
            f"codings ('fieldreader article restore {_ids(moved)}' brings them back)"
        )
    lines += [f"article {i} was in the trash already" for i in args.ids if i not in moved]
    return emit_lines(args, {"trashed": moved}, dict.fromkeys(lines))


def cmd_article_restore(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        back = lib.restore_articles(args.ids)
    lines = [f"{_articles(len(back))} restored: {_ids(back)}"] if back else []
    lines += [f"article {i} was not in the trash" for i in args.ids if i not in back]
    return emit_lines(args, {"restored": back}, dict.fromkeys(lines))


# -- tag add | remove | rename | delete | list -----------------------------------------------
def _carrying(lib: Library, name: str) -> tuple[str, int]:
    """The tag's own spelling and how many articles (not in the trash) carry it."""
    for tag, n in lib.tag_counts():
        if tag.casefold() == name.strip().casefold():
            return tag, n
    return name.strip(), 0


def _tag_list(args: argparse.Namespace, lib: Library) -> int:
    counts = lib.tag_counts()
    payload = [{"tag": tag, "articles": n} for tag, n in counts]
    width = max((len(clean(tag)) for tag, _ in counts), default=0)
    lines = (f"{clean(tag):<{width}}  {_articles(n)}" for tag, n in counts)
    return emit_lines(args, payload, lines, "no tags")


def cmd_tag(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.action == "list":
            return _tag_list(args, lib)
        if args.action == "add":
            changed = lib.add_tag(args.tag, args.ids)
            tag, now = _carrying(lib, args.tag)
            payload = {"tag": tag, "articles": now, "added": changed}
            human = f"tag {clean(tag)!r} added to {_articles(changed)}"
        elif args.action == "remove":
            changed = lib.remove_tag(args.tag, args.ids)
            tag, now = _carrying(lib, args.tag)
            payload = {"tag": tag, "articles": now, "removed": changed}
            human = f"tag {clean(tag)!r} taken off {_articles(changed)}"
        elif args.action == "rename":
            old, _ = _carrying(lib, args.old)
            changed = lib.rename_tag(args.old, args.new)
            tag, now = _carrying(lib, args.new)
            payload = {"tag": tag, "articles": now, "renamed": changed, "from": old}
            human = f"tag {clean(old)!r} renamed to {clean(tag)!r} ({_articles(changed)})"
        else:  # delete
            tag, _ = _carrying(lib, args.tag)
            changed = lib.delete_tag(args.tag)
            payload, now = {"tag": tag, "articles": 0, "deleted": changed}, 0
            human = f"tag {clean(tag)!r} deleted; {_articles(changed)} carried it"
    if args.action in ("add", "remove", "rename"):
        human += f"; {_articles(now)} {'carries' if now == 1 else 'carry'} it now"
    emit(args, payload, human)
    return EXIT_OK


# -- trash list | empty ----------------------------------------------------------------------
def _confirmed(count: int) -> bool:
    """Ask on the terminal whether to delete ``count`` articles for good."""
    sys.stderr.write(
        f"Delete the {_articles(count)} in the trash for good, with their notes, highlights "
        "and codings? This cannot be undone. [y/N] "
    )
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


def cmd_trash(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        trashed = lib.trashed_articles()
        if args.action == "list":
            payload = [{**a.as_json(), "trashed": a.trashed} for a in trashed]
            lines = (
                f"{a.id:>5}  {clean((a.trashed or '')[:10])}  {clean(a.title)}" for a in trashed
            )
            return emit_lines(args, payload, lines, "the trash is empty")
        if trashed and not args.yes:
            if not sys.stdin.isatty():
                print(
                    f"fieldreader: trash empty: this deletes {_articles(len(trashed))} for "
                    "good; add --yes to do it without a terminal to ask on",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            if not _confirmed(len(trashed)):
                print("fieldreader: trash empty: nothing deleted", file=sys.stderr)
                return EXIT_FAILED
        deleted = lib.empty_trash() if trashed else 0
    human = f"{_articles(deleted)} deleted for good" if deleted else "the trash is empty"
    emit(args, {"deleted": deleted}, human)
    return EXIT_OK


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    actions = add_actions(
        sub, "article", "action", help="correct an article's details, delete or restore articles"
    )
    a = actions.add_parser(
        "edit", parents=[json_opt], help="correct an article's details; prints it as 'show' does"
    )
    a.add_argument("id", type=int, metavar="ID", help="the article's id (see 'list')")
    a.add_argument("--title", metavar="T", help="the new title (it cannot be empty)")
    a.add_argument("--byline", metavar="B", help='who wrote it ("" clears it)')
    a.add_argument("--source", metavar="S", help='where it was published ("" clears it)')
    a.add_argument(
        "--date", metavar="YYYY-MM-DD|none", help="when it was published ('none': no date)"
    )
    a.add_argument(
        "--language",
        metavar="xx",
        help="its language, two or three letters (e.g. en, fr; 'none' clears it)",
    )
    a.set_defaults(func=cmd_article_edit)
    a = actions.add_parser(
        "delete",
        parents=[json_opt],
        help="move articles to the trash (with their notes, highlights and codings)",
    )
    a.add_argument("ids", nargs="+", type=int, metavar="ID", help="the articles' ids")
    a.set_defaults(func=cmd_article_delete)
    a = actions.add_parser(
        "restore", parents=[json_opt], help="bring articles back from the trash, whole"
    )
    a.add_argument("ids", nargs="+", type=int, metavar="ID", help="the articles' ids")
    a.set_defaults(func=cmd_article_restore)

    actions = add_actions(sub, "tag", "action", help="tag articles; rename, delete or list tags")
    a = actions.add_parser("add", parents=[json_opt], help="tag articles (the tag is made if new)")
    a.add_argument("tag", metavar="TAG", help="the tag's name")
    a.add_argument("ids", nargs="+", type=int, metavar="ID", help="the articles to tag")
    a.set_defaults(func=cmd_tag)
    a = actions.add_parser("remove", parents=[json_opt], help="take a tag off articles")
    a.add_argument("tag", metavar="TAG", help="the tag's name")
    a.add_argument("ids", nargs="+", type=int, metavar="ID", help="the articles to untag")
    a.set_defaults(func=cmd_tag)
    a = actions.add_parser(
        "rename", parents=[json_opt], help="rename a tag everywhere (merges into an existing one)"
    )
    a.add_argument("old", metavar="OLD", help="the tag's name now")
    a.add_argument("new", metavar="NEW", help="its new name (a tag of that name absorbs it)")
    a.set_defaults(func=cmd_tag)
    a = actions.add_parser(
        "delete", parents=[json_opt], help="remove a tag from every article (articles stay)"
    )
    a.add_argument("tag", metavar="TAG", help="the tag's name")
    a.set_defaults(func=cmd_tag)
    a = actions.add_parser("list", parents=[json_opt], help="every tag with its article count")
    a.set_defaults(func=cmd_tag)

    actions = add_actions(sub, "trash", "action", help="the deleted articles: list or empty")
    a = actions.add_parser("list", parents=[json_opt], help="the articles in the trash")
    a.set_defaults(func=cmd_trash)
    a = actions.add_parser(
        "empty", parents=[json_opt], help="delete the articles in the trash for good"
    )
    a.add_argument(
        "--yes", action="store_true", help="do not ask first (needed without a terminal)"
    )
    a.set_defaults(func=cmd_trash)
