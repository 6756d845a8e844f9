"""Commands of the ``fieldreader`` command line.

The framing comparison: compare, code, coding accept|reject|reset|move|list,
codebook list|show|import.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.cli import formats
from reader.cli.common import (
    EXIT_OK,
    add_actions,
    clean,
    emit,
    emit_lines,
    emit_record,
    open_library,
)
from reader.library.errors import NotFoundError
from reader.library.statuses import CODING_STATUSES, CodingStatus

#: What each review action of ``fieldreader coding`` sets a coding's status to.
REVIEW_ACTIONS = {
    "accept": CodingStatus.ACCEPTED,
    "reject": CodingStatus.REJECTED,
    "reset": CodingStatus.SUGGESTED,
}


def cmd_compare(args: argparse.Namespace) -> int:
    from reader.services.compare import DEFAULT_A, DEFAULT_B, compare, to_csv, to_markdown

    a = DEFAULT_A if args.a is None else args.a
    b = DEFAULT_B if args.b is None else args.b
    with open_library(args) as lib:
        result = compare(lib, a, b, codebook_id=args.codebook, coder=args.coder)
    if args.json:
        args.format = "json"
    if args.format == "csv":
        sys.stdout.write(to_csv(result))
    elif args.format == "md":
        sys.stdout.write(to_markdown(result))
    else:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return EXIT_OK


def cmd_code(args: argparse.Namespace) -> int:
    from reader.services.framing import code_passage, codebook_for, coding

    with open_library(args) as lib:
        codebook = codebook_for(lib, args.codebook)
        coding_id = code_passage(
            lib,
            args.article,
            args.dimension,
            codebook=codebook,
            quote=args.quote,
            value=args.value,
            memo=args.memo,
        )
        made = coding(lib, coding_id)
    return emit_record(args, made, f"coding {coding_id} added to {args.dimension}")


def cmd_coding(args: argparse.Namespace) -> int:
    from reader.services import framing

    with open_library(args) as lib:
        if args.action == "list":
            found = framing.codings(
                lib,
                article_ids=[args.article] if args.article is not None else None,
                codebook=args.codebook,
                statuses=[args.status] if args.status else CODING_STATUSES,
            )
            lines = (
                f"{c.id:>5}  {c.status:<9} {c.dimension:<26} {c.article_id:>5}  "
                + clean(c.text[:60])
                for c in found
            )
            return emit_lines(args, [c.as_json() for c in found], lines, "no codings")
        if args.action == "move":
            current = framing.coding(lib, args.id)
            if current is None:
                raise NotFoundError(f"no coding with id {args.id}")
            new_id = framing.move(
                lib, args.id, args.dimension, framing.codebook_for(lib, current.codebook)
            )
            result = framing.coding(lib, new_id)
        else:
            result = framing.set_status(lib, args.id, REVIEW_ACTIONS[args.action])
    human = "" if result is None else f"coding {result.id}: {result.status} ({result.dimension})"
    return emit_record(args, result, human)


def cmd_codebook(args: argparse.Namespace) -> int:
    from reader.services.framing import codebook_for, codebook_ids

    with open_library(args) as lib:
        if args.action == "list":
            books = [codebook_for(lib, i) for i in codebook_ids(lib)]
            payload: Any = [
                {"id": b.id, "label": b.label, "dimensions": len(b.dimensions)} for b in books
            ]
            human = "\n".join(
                f"{b.id:<24} {len(b.dimensions):>3} dimensions  {b.label}" for b in books
            )
        else:
            book = codebook_for(lib, args.id)
            payload = book.to_dict()
            human = "\n".join(
                [f"{book.label} ({book.id})", ""]
                + [f"{d.id:<26} {d.label}" for d in book.dimensions]
            )
    emit(args, payload, human)
    return EXIT_OK


SELECTOR_HELP = "{side} case: tag:NAME (a tag's articles) or ids:1,2,3 (default: {default})"
CODEBOOK_HELP = (
    "the codebook to code with (default: %(default)s; 'fieldreader codebook list' lists them)"
)
DIMENSION_HELP = "a dimension of the codebook ('fieldreader codebook show ID' lists them)"


def _fill_compare(p: argparse.ArgumentParser) -> None:
    from reader.analysis.codebooks import DEFAULT_CODEBOOK
    from reader.services.compare import DEFAULT_A, DEFAULT_B

    p.add_argument(
        "--a", metavar="SEL", help=SELECTOR_HELP.format(side="the first", default=DEFAULT_A)
    )
    p.add_argument(
        "--b", metavar="SEL", help=SELECTOR_HELP.format(side="the second", default=DEFAULT_B)
    )
    p.add_argument("--codebook", default=DEFAULT_CODEBOOK, metavar="ID", help=CODEBOOK_HELP)
    p.add_argument(
        "--coder",
        metavar="NAME",
        help="only this coder's codings count as evidence (default: every coder's)",
    )
    p.add_argument(
        "--format",
        choices=("json", "md", "csv"),
        default="json",
        help="json (the default), md (a Markdown report) or csv (one row per evidence)",
    )
    p.set_defaults(func=cmd_compare)


def _fill_code(p: argparse.ArgumentParser) -> None:
    from reader.analysis.codebooks import DEFAULT_CODEBOOK

    p.add_argument("article", type=int, metavar="ARTICLE_ID", help="the article's id")
    p.add_argument("--dimension", required=True, metavar="ID", help=DIMENSION_HELP)
    p.add_argument(
        "--quote", required=True, metavar="TEXT", help="the exact passage, as in the article"
    )
    p.add_argument("--codebook", default=DEFAULT_CODEBOOK, metavar="ID", help=CODEBOOK_HELP)
    p.add_argument("--value", metavar="VALUE", help="a short value for the slot")
    p.add_argument("--memo", metavar="TEXT", help="a note kept with the coding")
    p.set_defaults(func=cmd_code)


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser (``compare`` and ``code``
    get their options when they run or show their help: their defaults live in modules
    that are slow to import)."""
    sub.add_parser(
        "compare",
        parents=[json_opt],
        help="compare how two sets of articles are framed",
        description="Compare two cases dimension by dimension. JSON is the default output "
        "(--json says so explicitly); --format md or csv gives a report or a table.",
        fill=_fill_compare,
    )
    sub.add_parser(
        "code",
        parents=[json_opt],
        help="code a passage to a dimension",
        description="Code a passage of an article to a dimension of a codebook by hand "
        "(accepted at once).",
        fill=_fill_code,
    )

    actions = add_actions(sub, "coding", "action", help="accept, reject, move or list codings")
    review_help = {
        "accept": "accept a suggestion",
        "reject": "reject it (it never comes back when the rules run again)",
        "reset": "return it to suggested",
    }
    coding_id_help = "the coding's id ('fieldreader coding list' shows them)"
    for action in REVIEW_ACTIONS:
        a = actions.add_parser(action, parents=[json_opt], help=review_help[action])
        a.add_argument("id", type=int, metavar="CODING_ID", help=coding_id_help)
        a.set_defaults(func=cmd_coding)
    a = actions.add_parser(
        "move",
        parents=[json_opt],
        help="recode to another dimension",
        description="Recode a passage: rejected where it was, accepted where it goes.",
    )
    a.add_argument("id", type=int, metavar="CODING_ID", help=coding_id_help)
    a.add_argument("dimension", metavar="DIMENSION", help=DIMENSION_HELP)
    a.set_defaults(func=cmd_coding)
    a = actions.add_parser("list", parents=[json_opt], help="list codings")
    a.add_argument("--article", type=int, metavar="ID", help="only this article's codings")
    a.add_argument("--codebook", metavar="ID", help="only this codebook's codings")
    a.add_argument(
        "--status",
        choices=CODING_STATUSES,
        help="only codings with this status (" + ", ".join(CODING_STATUSES) + ")",
    )
    a.set_defaults(func=cmd_coding)

    actions = add_actions(sub, "codebook", "action", help="list codebooks or show one")
    a = actions.add_parser("list", parents=[json_opt], help="the codebooks available")
    a.set_defaults(func=cmd_codebook)
    a = actions.add_parser("show", parents=[json_opt], help="one codebook's dimensions and rules")
    a.add_argument("id", metavar="ID", help="the codebook's id ('fieldreader codebook list')")
    a.set_defaults(func=cmd_codebook)
    formats.register_codebook(actions, json_opt)
