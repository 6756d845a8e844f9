"""Commands of the ``fieldreader`` command line.

Entities: entities, entity rename|retype|merge|hide|add|corrections, reextract.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.analysis.corrections import KINDS, TYPES
from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    add_actions,
    clean,
    emit,
    emit_lines,
    open_library,
)

ENTITY_HELP = "correct entities (the corrections stick)"
ENTITY_ABOUT = (
    "Correct the entity list. NAME may be an entity's name or id. Every correction is stored "
    "in the library, applied at once, and applied first to every article imported or "
    "re-extracted later."
)
TYPE_LIST = ", ".join(TYPES)
#: Each correction's help, and the name of its second argument (``None``: it has none).
CORRECTION_HELP: dict[str, tuple[str, str | None]] = {
    "rename": ("give an entity a new name", "NEW_NAME"),
    "retype": (f"change an entity's type (one of {TYPE_LIST})", "TYPE"),
    "merge": ("merge NAME into TARGET (NAME becomes an alias)", "TARGET"),
    "hide": ("mark NAME as not an entity", None),
    "add": (f"mark every occurrence of TEXT as an entity of TYPE ({TYPE_LIST})", "TYPE"),
}
#: The help of each correction's arguments.
ARGUMENT_HELP = {
    "NAME": "the entity's name or id ('fieldreader entities' lists them)",
    "TEXT": "the words to mark, as they appear in the articles",
    "NEW_NAME": "the name it is shown with from now on",
    "TYPE": f"one of {TYPE_LIST}",
    "TARGET": "the entity it joins (a name or id)",
}


def cmd_entities(args: argparse.Namespace) -> int:
    from reader.services.extraction import entities_json

    with open_library(args) as lib:
        if args.article is not None and lib.get(args.article) is None:
            print(f"fieldreader: no article with id {args.article}", file=sys.stderr)
            return EXIT_FAILED
        infos = lib.entities(type_=args.type, article_id=args.article)
        payload = entities_json(lib, infos, with_mentions=False)
    lines = (
        f"{e['id']:>5}  {e['type']:<12} {e['count']:>5} in {e['articles']:>4}  {clean(e['name'])}"
        for e in payload
    )
    return emit_lines(args, payload, lines, "no entities")


def cmd_entity(args: argparse.Namespace) -> int:
    from reader.services.extraction import correct

    with open_library(args) as lib:
        if args.action == "corrections":
            rows = [{"kind": k, "name": n, "value": v} for k, n, v in lib.correction_rows()]
            lines = (f"{r['kind']:<8} {clean(r['name'])}  {clean(r['value'])}" for r in rows)
            return emit_lines(args, rows, lines, "no corrections")
        name = args.name
        if name.isdigit() and args.action != "add":
            found = lib.entity(int(name))
            if found is None:
                print(f"fieldreader: no entity with id {name}", file=sys.stderr)
                return EXIT_FAILED
            name = found[0]
        value = getattr(args, "value", "") or ""
        updated = correct(lib, args.action, name, value)
    payload = {
        "correction": {"kind": args.action, "name": name, "value": value},
        "articles_updated": updated,
    }
    emit(args, payload, f"{args.action} {name} {value}".rstrip() + f": {updated} articles updated")
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    from reader.services.extraction import reextract

    with open_library(args) as lib:
        done = reextract(lib)
        entities = len(lib.entities())
    emit(args, {"articles": done, "entities": entities}, f"{done} articles re-extracted")
    return EXIT_OK


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    p = sub.add_parser("entities", parents=[json_opt], help="list entities with counts")
    p.add_argument("--article", type=int, metavar="ID", help="only this article's entities")
    p.add_argument(
        "--type", choices=TYPES, metavar="TYPE", help=f"only entities of this type: {TYPE_LIST}"
    )
    p.set_defaults(func=cmd_entities)

    actions = add_actions(sub, "entity", "action", help=ENTITY_HELP, description=ENTITY_ABOUT)
    for action in KINDS:  # the corrections the core knows, each with its words here
        helptext, second = CORRECTION_HELP[action]
        a = actions.add_parser(
            action,
            parents=[json_opt],
            help=helptext,
            description=helptext[0].upper() + helptext[1:] + ".",
        )
        first = "TEXT" if action == "add" else "NAME"
        a.add_argument("name", metavar=first, help=ARGUMENT_HELP[first])
        if second:
            a.add_argument("value", metavar=second, help=ARGUMENT_HELP[second])
        a.set_defaults(func=cmd_entity)
    a = actions.add_parser("corrections", parents=[json_opt], help="list stored corrections")
    a.set_defaults(func=cmd_entity)

    p = sub.add_parser(
        "reextract", parents=[json_opt], help="extract the entities of every article again"
    )
    p.set_defaults(func=cmd_reextract)
