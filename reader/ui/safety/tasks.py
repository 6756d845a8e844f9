"""The Library menu's work as tasks: check, repair, back up, validate, restore, auto-backup.

Each wraps :mod:`reader.library.maintenance` as the command line does
(:mod:`reader.cli.maintenance`) and opens its own ``Library`` (or none, for a restore, which
needs every connection closed). Checks and repairs run on the single-writer pool (the
full-text integrity check is written as an ``INSERT``), restores too; backups and the
validation of a backup only read and use the general pool. :class:`CheckDone` describes a
check or a repair for the report dialog.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from reader.library import Library, maintenance
from reader.library.maintenance import Report
from reader.ui.tasks.runner import Task, worker_library

MAX_LISTED = 8
#: Problems :func:`repair_task` can fix: those the core marks so, and stale mentions
#: (extracted again, as ``fieldreader check --repair`` does).
REPAIRED_KINDS = ("mentions",)
NOUNS = {
    "articles": ("article", "articles"),
    "notes": ("note", "notes"),
    "entities": ("entity", "entities"),
    "mentions": ("entity mention", "entity mentions"),
    "codings": ("coding", "codings"),
}


def _plain(detail: str) -> str:
    """A problem in the window's words: no command-line advice (``(run 'fieldreader …')``),
    no table names."""
    detail = re.sub(r"\s*\(run '[^']*'\)", "", detail)
    return detail.replace("the articles_fts index", "the search index of articles").replace(
        "the notes_fts index", "the search index of notes"
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True, slots=True)
class CheckDone:
    """A check's report (``repaired``: the report after a repair)."""

    report: Report
    repaired: bool = False

    @property
    def repairable(self) -> int:
        """How many of the problems a repair can fix."""
        return sum(p.repairable or p.kind in REPAIRED_KINDS for p in self.report.problems)

    def headline(self) -> str:
        n = len(self.report.problems)
        if self.repaired:
            if self.report.ok:
                return "The library was repaired and is healthy now."
            return f"Repaired what could be repaired; {plural(n, 'problem')} remain."
        if self.report.ok:
            return "The library is healthy."
        return f"Fieldreader found {plural(n, 'problem')} in the library."

    def counts_line(self) -> str:
        parts = [
            f"{n} {NOUNS.get(table, (table, table))[n != 1]}"
            for table, n in self.report.counts.items()
        ]
        return "Checked " + ", ".join(parts) + "." if parts else ""

    def text(self) -> str:
        """The informative text: what was repaired, the problems, what can be done."""
        blocks = []
        if self.report.repaired:
            blocks.append("\n".join(f"\u2713 {line}" for line in self.report.repaired))
        problems = [f"\u2022 {_plain(p.detail)}" for p in self.report.problems]
        if problems:
            shown = problems[:MAX_LISTED]
            if len(problems) > len(shown):
                shown.append(f"\u2026 and {len(problems) - len(shown)} more (see details)")
            blocks.append("\n".join(shown))
        if not self.report.ok and not self.repaired:
            fixable = self.repairable
            if fixable == len(self.report.problems):
                blocks.append("Repair can fix all of them safely.")
            elif fixable:
                blocks.append(f"Repair can fix {fixable} of them safely.")
            else:
                blocks.append(
                    "None of these can be repaired automatically. A backup made before the "
                    "problem appeared can be restored (Library \u203a Restore from Backup\u2026)."
                )
        if self.report.ok:
            blocks.append(self.counts_line())
        return "\n\n".join(b for b in blocks if b)

    def details(self) -> str:
        lines = [f"{p.kind}: {p.detail}" for p in self.report.problems]
        lines += [f"repaired: {r}" for r in self.report.repaired]
        lines.append(self.counts_line())
        return "\n".join(lines)


def check_task(library_path: Path) -> Task:
    """A task checking the library (nothing is changed)."""

    def work(task: Task) -> CheckDone:
        with worker_library(library_path) as library:
            return CheckDone(maintenance.check(library.db))

    return Task(work, "Checking the library", writes_library=True)


def repair_task(library_path: Path) -> Task:
    """A task repairing what is safe to repair, then extracting stale mentions again."""

    def work(task: Task) -> CheckDone:
        with worker_library(library_path) as library:
            report = maintenance.repair(library.db)
            stale = maintenance.articles_with_stale_mentions(library.db)
            if stale and not task.is_cancelled():
                from reader.services.extraction import reextract

                done = reextract(
                    library,
                    stale,
                    progress=lambda i, total, _id: task.report_progress(
                        i, total, f"{i} of {total}"
                    ),
                    cancelled=task.is_cancelled,
                )
                report.repaired.append(f"re-extracted the entities of {plural(done, 'article')}")
                report.problems = maintenance.check(library.db).problems
            return CheckDone(report, repaired=True)

    return Task(work, "Repairing the library", writes_library=True)


def backup_task(library_path: Path, dest: Path) -> Task:
    """A task copying the library to ``dest`` (an existing file there is replaced only
    once the new copy is complete)."""
    dest = Path(dest)

    def work(task: Task) -> Path:
        with worker_library(library_path) as library:
            if not dest.exists():
                return maintenance.backup(library.db, dest)
            fresh = dest.with_name(f".{dest.name}.new")
            fresh.unlink(missing_ok=True)
            maintenance.backup(library.db, fresh)
            os.replace(fresh, dest)
            return dest

    return Task(work, "Backing up the library")


def validate_task(backup: Path) -> Task:
    """A task checking that ``backup`` is a usable library; its schema version."""
    return Task(lambda task: maintenance.validate_backup(Path(backup)), "Checking the backup")


def restore_task(library_path: Path, backup: Path) -> Task:
    """A task replacing the library with ``backup`` (every connection must be closed);
    returns where the replaced library was kept. The restored file is brought up to date."""

    def work(task: Task) -> Path:
        kept = maintenance.restore(Path(library_path), Path(backup))
        Library.open(library_path).close()  # migrates an older backup
        return kept

    return Task(work, "Restoring the library", writes_library=True)


def auto_backup_task(library_path: Path, keep: int) -> Task:
    """A task making today's rotating backup if missing (the file, or ``None``)."""

    def work(task: Task) -> Path | None:
        with worker_library(library_path) as library:
            return maintenance.auto_backup(library.db, Path(library_path), keep=keep)

    return Task(work, "Automatic backup")
