"""The Library menu's work as tasks: check, repair, back up, validate, restore, auto-backup.

Checks and repairs call :mod:`reader.services.maintenance`, as ``fieldreader check
[--repair]`` does, so both repair the same way; backups, validation and restores call
:mod:`reader.library.maintenance`. Each task opens its own ``Library`` (or none, for a
restore, which needs every connection closed). Checks and repairs run on the
single-writer pool (the full-text integrity check is written as an ``INSERT``), restores
too; backups and the validation of a backup only read and use the general pool.
:class:`CheckDone` describes a check or a repair for the report dialog, each problem and
step written in the window's language (:mod:`reader.ui.safety.problems`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from reader.library import Library, maintenance
from reader.library.maintenance import Report
from reader.services import maintenance as upkeep
from reader.services.maintenance import REEXTRACTED_KIND, plural
from reader.ui.safety.problems import problem_text, step_text
from reader.ui.tasks.runner import Task, library_task, progress_reporter

__all__ = [
    "CheckDone",
    "auto_backup_task",
    "backup_task",
    "check_task",
    "plural",
    "repair_task",
    "restore_task",
    "validate_task",
]

translate = QCoreApplication.translate

MAX_LISTED = 8
#: Problems :func:`repair_task` can fix: those the core marks so, and stale mentions
#: (extracted again, as ``fieldreader check --repair`` does).
REPAIRED_KINDS = (REEXTRACTED_KIND,)
#: table -> (one, several): what a count of its rows is called, ``{n}`` the number.
NOUNS = {
    "articles": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} article"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} articles"),
    ),
    "trashed": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} in the trash"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} in the trash"),
    ),
    "notes": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} note"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} notes"),
    ),
    "entities": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} entity"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} entities"),
    ),
    "mentions": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} entity mention"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} entity mentions"),
    ),
    "codings": (
        QT_TRANSLATE_NOOP("CheckDone", "{n} coding"),
        QT_TRANSLATE_NOOP("CheckDone", "{n} codings"),
    ),
}


# The articles' count when the report counts the trash apart (``trashed``).
IN_LIBRARY = (
    QT_TRANSLATE_NOOP("CheckDone", "{n} article in the library"),
    QT_TRANSLATE_NOOP("CheckDone", "{n} articles in the library"),
)
NBSP = "\u00a0"


def _counted(table: str, n: int, nouns: tuple[object, object] | None = None) -> str:
    """``3 articles`` for ``n`` rows of ``table`` (an unknown table by its name), the
    number held to the word that follows it (a line never breaks between them)."""
    one, several = nouns or NOUNS.get(table, ("{n} " + table, "{n} " + table))
    template = translate("CheckDone", str(several if n != 1 else one))
    return template.replace("{n} ", "{n}" + NBSP).format(n=QLocale().toString(n))


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
                return translate("CheckDone", "The library was repaired and is healthy now.")
            if n == 1:
                line = translate(
                    "CheckDone", "Repaired what could be repaired; {n} problem remains."
                )
            else:
                line = translate(
                    "CheckDone", "Repaired what could be repaired; {n} problems remain."
                )
            return line.format(n=n)
        if self.report.ok:
            return translate("CheckDone", "The library is healthy.")
        if n == 1:
            line = translate("CheckDone", "Fieldreader found {n} problem in the library.")
        else:
            line = translate("CheckDone", "Fieldreader found {n} problems in the library.")
        return line.format(n=n)

    def counts_line(self) -> str:
        """What the check went through: ``Checked 13 articles in the library, 1 in the
        trash, 2 notes, …`` (the trash is named when the report counts it apart)."""
        counts = self.report.counts
        apart = "trashed" in counts
        parts = [
            _counted(table, n, IN_LIBRARY if apart and table == "articles" else None)
            for table, n in counts.items()
        ]
        if not parts:
            return ""
        return translate("CheckDone", "Checked {counts}.").format(counts=", ".join(parts))

    def text(self) -> str:
        """The informative text: what was repaired, the problems, what can be done."""
        blocks = []
        if self.report.repaired:
            blocks.append("\n".join(f"\u2713 {line}" for line in self.repaired_lines()))
        problems = [f"\u2022 {problem_text(p)}" for p in self.report.problems]
        if problems:
            shown = problems[:MAX_LISTED]
            if len(problems) > len(shown):
                more = translate("CheckDone", "\u2026 and {n} more (see details)")
                shown.append(more.format(n=len(problems) - len(shown)))
            blocks.append("\n".join(shown))
        if not self.report.ok and not self.repaired:
            fixable = self.repairable
            if fixable == len(self.report.problems):
                blocks.append(translate("CheckDone", "Repair can fix all of them safely."))
            elif fixable:
                line = translate("CheckDone", "Repair can fix {n} of them safely.")
                blocks.append(line.format(n=fixable))
            else:
                blocks.append(
                    translate(
                        "CheckDone",
                        "None of these can be repaired automatically. A backup made before the "
                        "problem appeared can be restored (Library \u203a Restore from "
                        "Backup\u2026).",
                    )
                )
        if self.report.ok:
            blocks.append(self.counts_line())
        return "\n\n".join(b for b in blocks if b)

    def repaired_lines(self) -> list[str]:
        """What the repair did, in the window's language: each step, then any line
        recorded without one."""
        steps = self.report.steps
        known = {s.detail for s in steps}
        return [step_text(s) for s in steps] + [
            line for line in self.report.repaired if line not in known
        ]

    def details(self) -> str:
        lines = [f"{p.kind}: {p.detail}" for p in self.report.problems]
        repaired = translate("CheckDone", "repaired: {what}")
        lines += [repaired.format(what=r) for r in self.report.repaired]
        lines.append(self.counts_line())
        return "\n".join(lines)


def check_task(library_path: Path) -> Task:
    """A task checking the library (nothing is changed)."""
    return library_task(
        library_path,
        translate("SafetyTasks", "Checking the library"),
        lambda library, _task: CheckDone(upkeep.check(library)),
        writes_library=True,
    )


def repair_task(library_path: Path) -> Task:
    """A task repairing what is safe to repair, then extracting stale mentions again."""

    def repair(library: Library, task: Task) -> CheckDone:
        progress = progress_reporter(
            task,
            lambda done, total, _id: translate("SafetyTasks", "{done} of {total}").format(
                done=done, total=total
            ),
        )
        report = upkeep.repair(library, progress=progress, cancelled=task.is_cancelled)
        return CheckDone(report, repaired=True)

    return library_task(
        library_path, translate("SafetyTasks", "Repairing the library"), repair, writes_library=True
    )


def backup_task(library_path: Path, dest: Path) -> Task:
    """A task copying the library to ``dest`` (an existing file there is replaced only
    once the new copy is complete)."""
    dest = Path(dest)

    def back_up(library: Library, _task: Task) -> Path:
        if not dest.exists():
            return maintenance.backup(library, dest)
        fresh = dest.with_name(f".{dest.name}.new")
        fresh.unlink(missing_ok=True)
        maintenance.backup(library, fresh)
        os.replace(fresh, dest)
        return dest

    return library_task(library_path, translate("SafetyTasks", "Backing up the library"), back_up)


def validate_task(backup: Path) -> Task:
    """A task checking that ``backup`` is a usable library; its schema version."""
    return Task(
        lambda task: maintenance.validate_backup(Path(backup)),
        translate("SafetyTasks", "Checking the backup"),
    )


def restore_task(library_path: Path, backup: Path) -> Task:
    """A task replacing the library with ``backup`` (every connection must be closed);
    returns where the replaced library was kept. The restored file is brought up to date."""

    def work(task: Task) -> Path:
        kept = maintenance.restore(Path(library_path), Path(backup))
        with Library.open(library_path):  # migrates an older backup
            pass
        return kept

    return Task(work, translate("SafetyTasks", "Restoring the library"), writes_library=True)


def auto_backup_task(library_path: Path, keep: int) -> Task:
    """A task making today's rotating backup if missing (the file, or ``None``)."""

    return library_task(
        library_path,
        translate("SafetyTasks", "Automatic backup"),
        lambda library, _task: maintenance.auto_backup(library, Path(library_path), keep=keep),
    )
