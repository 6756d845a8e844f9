"""Commands of the ``fieldreader`` command line: field packs, coders, agreement, team folder.

``pack export FILE`` (``--tag``, ``--ids``, ``--since``, ``--no-notes``,
``--include-private``), ``pack inspect FILE`` (what importing would do, changing nothing),
``pack import FILE [--yes]`` (``--yes`` lets a pack trash more than the mass-deletion guard
allows), ``pack conflicts`` and ``pack resolve KIND ID --keep mine|theirs|both``;
``config set coder NAME`` / ``config get coder`` (and ``team-folder``);
``agreement --a-coder X --b-coder Y [--codebook ID]``; ``sync [FOLDER] [--yes]``.
A refused pack is one line on stderr, exit 1, and nothing changed.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.cli.common import EXIT_OK, add_actions, clean, emit, open_library, warn_plaintext_export
from reader.library import coders as _coders
from reader.library.errors import InvalidInputError
from reader.library.statuses import KEEP_CHOICES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")
#: ``config`` keys: the name the command line uses -> the library's setting.
CONFIG_KEYS = {"coder": _coders.CODER_KEY, "team-folder": _coders.TEAM_FOLDER_KEY}


def _ids(value: str) -> list[int]:
    try:
        ids = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of article ids: {value!r}") from None
    if not ids or any(i <= 0 for i in ids):
        raise argparse.ArgumentTypeError(f"not a list of article ids: {value!r}")
    return ids


def _since(value: str) -> str:
    """``--since``: a date (``YYYY-MM-DD``, taken as UTC) or a time with its offset, as the
    UTC ISO text the library's times are compared with."""
    if not _DATE.match(value):
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    if len(value) == 10:
        return value
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _counts(d: dict[str, int]) -> str:
    return f"{d['new']} new, {d['same']} the same, {d['changed']} changed"


def cmd_pack_export(args: argparse.Namespace) -> int:
    from reader.library import packs as _packs
    from reader.services import packs as _files

    warn_plaintext_export(args)
    selection = _packs.Selection(
        tags=tuple(args.tag or ()),
        ids=tuple(args.ids or ()),
        since=args.since,
        notes=not args.no_notes,
        include_private=args.include_private,
    )
    with open_library(args) as lib:
        done = _files.export_pack(lib, Path(args.file).expanduser(), selection)
    human = (
        f"wrote {done['file']}: {done['articles']} articles, {done['notes']} notes, "
        f"{done['codings']} codings ({done['bytes']} bytes)"
    )
    emit(args, done, human)
    return EXIT_OK


def cmd_pack_inspect(args: argparse.Namespace) -> int:
    from reader.services import packs as _files

    with open_library(args) as lib:
        found = _files.inspect_pack(lib, Path(args.file).expanduser())
    human = "\n".join(
        [
            f"pack by {clean(found['coder'] or 'an unnamed coder')}, written {found['created']}",
            f"articles: {_counts(found['articles'])}",
            f"notes: {_counts(found['notes'])}",
            f"codings: {_counts(found['codings'])}",
            f"conflict copies it would make: {found['conflicts']}",
            f"moves to the trash: {found['trashes']}"
            + (" (needs --yes)" if found["needs_yes"] else ""),
        ]
    )
    emit(args, found, human)
    return EXIT_OK


def cmd_pack_import(args: argparse.Namespace) -> int:
    from reader.services import packs as _files

    with open_library(args) as lib:
        done = _files.import_pack(lib, Path(args.file).expanduser(), yes=args.yes)
    added = done["added"]
    human = (
        f"added {added['articles']} articles, {added['notes']} notes, {added['codings']} "
        f"codings; {done['updated']} updated, {done['unchanged']} unchanged, "
        f"{done['conflicts']} conflict copies, {done['trashed']} moved to the trash"
    )
    emit(args, done, human)
    return EXIT_OK


def cmd_pack_conflicts(args: argparse.Namespace) -> int:
    from reader.library import packs as _packs

    with open_library(args) as lib:
        found = [c.as_json() for c in _packs.conflict_copies(lib)]
    lines = [
        f"{c['kind']} {c['id']} (of {c['of']}) by {clean(c['coder'] or '?')} at {c['time']}: "
        f"{clean(c['theirs'])[:60]}"
        for c in found
    ]
    emit(args, {"conflicts": found}, "\n".join(lines) or "no conflict copies")
    return EXIT_OK


def cmd_pack_resolve(args: argparse.Namespace) -> int:
    from reader.library import packs as _packs

    with open_library(args) as lib:
        _packs.resolve_conflict(lib, args.kind, args.id, args.keep)
    emit(args, {"kind": args.kind, "id": args.id, "kept": args.keep}, "resolved")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    key = CONFIG_KEYS[args.key]
    with open_library(args) as lib:
        if args.config_action == "set":
            if key == _coders.CODER_KEY:
                value: str | None = _coders.set_coder(lib, args.value)
            else:
                folder = Path(args.value).expanduser()
                if not folder.is_dir():
                    raise InvalidInputError(f"{folder} is not a folder")
                value = str(folder.resolve())
                _coders.set_setting(lib, key, value)
        else:
            value = _coders.setting(lib, key)
    emit(args, {"key": args.key, "value": value}, clean(value or f"(no {args.key} set)"))
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    from reader.services import packs as _files

    with open_library(args) as lib:
        found = _files.coder_agreement(lib, args.a_coder, args.b_coder, args.codebook)

    def shown(k: Any) -> str:
        return "undefined" if k is None else f"{k:.3f}"

    lines = [
        f"{d['codebook']}/{d['id']}: kappa {shown(d['kappa'])} (both {d['both']}, only A "
        f"{d['only_a']}, only B {d['only_b']}, neither {d['neither']})"
        for d in found["dimensions"]
    ]
    lines.append(f"overall: {shown(found['overall'])} over {found['sentences']} sentences")
    emit(args, found, "\n".join(lines))
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from reader.services import sync as _sync

    with open_library(args) as lib:
        folder = args.folder or _coders.setting(lib, _coders.TEAM_FOLDER_KEY)
        if not folder:
            raise InvalidInputError(
                "name the team folder (fieldreader sync FOLDER, or config set team-folder)"
            )
        done = _sync.sync(lib, Path(folder), yes=args.yes).as_json()
    human = (
        f"wrote {done['wrote']}; imported {len(done['imported'])} packs, "
        f"{done['conflicts']} conflict copies"
        + (f"; held (needs --yes): {', '.join(done['held'])}" if done["held"] else "")
        + (f"; refused: {len(done['refused'])}" if done["refused"] else "")
    )
    emit(args, done, human)
    return EXIT_OK


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    actions = add_actions(sub, "pack", "pack_action", help="field packs: share with a team")
    p = actions.add_parser("export", parents=[json_opt], help="write a field pack")
    p.add_argument("file", metavar="FILE.fieldpack")
    p.add_argument("--tag", action="append", metavar="T", help="articles with this tag")
    p.add_argument("--ids", type=_ids, metavar="1,2,…", help="only these articles")
    p.add_argument("--since", type=_since, metavar="DATE", help="only what changed since")
    p.add_argument("--no-notes", action="store_true", help="leave notes and highlights out")
    p.add_argument(
        "--include-private", action="store_true", help="carry private notes too (left out)"
    )
    p.set_defaults(func=cmd_pack_export)
    p = actions.add_parser(
        "inspect", parents=[json_opt], help="what a pack holds and would do (changes nothing)"
    )
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_pack_inspect)
    p = actions.add_parser("import", parents=[json_opt], help="merge a field pack")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="let it move many things to the trash")
    p.set_defaults(func=cmd_pack_import)
    p = actions.add_parser("conflicts", parents=[json_opt], help="list the conflict copies")
    p.set_defaults(func=cmd_pack_conflicts)
    p = actions.add_parser("resolve", parents=[json_opt], help="resolve a conflict copy")
    p.add_argument("kind", choices=("note", "coding"))
    p.add_argument("id", type=int, metavar="COPY_ID")
    p.add_argument("--keep", required=True, choices=KEEP_CHOICES)
    p.set_defaults(func=cmd_pack_resolve)

    config = add_actions(sub, "config", "config_action", help="this library's settings")
    p = config.add_parser("set", parents=[json_opt], help="set a setting")
    p.add_argument("key", choices=sorted(CONFIG_KEYS))
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(func=cmd_config)
    p = config.add_parser("get", parents=[json_opt], help="show a setting")
    p.add_argument("key", choices=sorted(CONFIG_KEYS))
    p.set_defaults(func=cmd_config)

    p = sub.add_parser("agreement", parents=[json_opt], help="Cohen's kappa of two coders")
    p.add_argument("--a-coder", required=True, metavar="X")
    p.add_argument("--b-coder", required=True, metavar="Y")
    p.add_argument("--codebook", metavar="ID", help="one codebook (default: each one used)")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("sync", parents=[json_opt], help="exchange packs with a team folder")
    p.add_argument("folder", nargs="?", metavar="FOLDER", help="default: config team-folder")
    p.add_argument("--yes", action="store_true", help="let packs move many things to trash")
    p.set_defaults(func=cmd_sync)
