"""Commands of the ``fieldreader`` command line.

Keeping the library safe: check [--repair], backup DEST [--auto [--keep N]], restore BACKUP.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    emit,
    failed,
    open_library,
    reason,
)


def cmd_check(args: argparse.Namespace) -> int:
    from reader.services import maintenance

    with open_library(args) as lib:
        report = maintenance.repair(lib) if args.repair else maintenance.check(lib)
    lines = [f"{p.kind}: {p.detail}" for p in report.problems]
    lines += [f"repaired: {r}" for r in report.repaired]
    counts = ", ".join(
        f"{n} in the trash" if t == "trashed" else f"{n} {t}" for t, n in report.counts.items()
    )
    lines.append(("library is healthy" if report.ok else "problems found") + f" ({counts})")
    if not report.ok and not args.repair and any(p.repairable for p in report.problems):
        lines.append("run 'fieldreader check --repair' to fix what can be fixed safely")
    emit(args, report.as_json(), "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from reader.library import maintenance

    if not args.auto and not args.dest:
        print("fieldreader: backup needs DEST, or --auto", file=sys.stderr)
        return EXIT_USAGE
    with open_library(args) as lib:
        try:
            if args.auto:
                made = maintenance.auto_backup(lib, Path(args.library), keep=args.keep)
                folder = maintenance.backups_folder(Path(args.library))
                payload: Any = {"file": str(made) if made else None, "folder": str(folder)}
                human = f"backup written to {made}" if made else f"today's backup is in {folder}"
            else:
                made = maintenance.backup(lib, Path(args.dest))
                payload = {"file": str(made)}
                human = f"backup written to {made}"
        except (OSError, ValueError) as exc:
            return failed(args.dest or "backup", exc)
    emit(args, payload, human)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from reader.library import maintenance

    backup = Path(args.backup)
    version = maintenance.validate_backup(backup)
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "fieldreader: restore replaces the whole library; add --yes to confirm",
                file=sys.stderr,
            )
            return EXIT_USAGE
        answer = input(f"Replace {args.library} with {backup.name}? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("fieldreader: nothing restored", file=sys.stderr)
            return EXIT_FAILED
    try:
        kept = maintenance.restore(Path(args.library), backup)  # refused while in use
    except (OSError, ValueError) as exc:
        print(f"fieldreader: {reason(exc)}", file=sys.stderr)
        return EXIT_FAILED
    emit(
        args,
        {"restored": str(backup), "schema_version": version, "previous_kept_as": str(kept)},
        f"restored {backup.name}; the replaced library was kept as {kept}",
    )
    return EXIT_OK


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    p = sub.add_parser(
        "check", parents=[json_opt], help="check the library file (integrity, indexes, anchors)"
    )
    p.add_argument("--repair", action="store_true", help="fix what can be fixed safely")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", parents=[json_opt], help="copy the library safely, even in use")
    p.add_argument("dest", nargs="?", metavar="DEST", help="a file, or a folder to put it in")
    p.add_argument("--auto", action="store_true", help="today's rotating backup, beside the file")
    p.add_argument("--keep", type=int, default=7, metavar="N", help="automatic backups kept")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[json_opt], help="replace the library with a backup")
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_restore)
