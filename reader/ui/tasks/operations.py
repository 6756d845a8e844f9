"""The library writes the UI starts, packaged as tasks for the single-writer pool.

Each task opens its own :class:`~reader.library.Library` on the worker thread (sqlite3
connections are per thread, see :func:`~reader.ui.tasks.runner.library_task`), does its work
through the Qt-free core and closes the file.
The result is an :class:`ImportSummary`, which also knows how to describe itself (a URL
that could not be fetched for want of a connection is counted as saved to Read Later);
:class:`ByOutcome` sorts its results by outcome, for it and for the fetches of the sources.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from reader.library import Library
from reader.library.statuses import ImportStatus
from reader.ui.common.text import counted_parts, outcome_line
from reader.ui.common.views import Plain
from reader.ui.tasks.runner import Task, library_task, progress_reporter

if TYPE_CHECKING:
    from reader.services.importing import ImportResult

translate = QCoreApplication.translate

QUEUED_MESSAGE = QT_TRANSLATE_NOOP(
    "ImportSummary", "Saved to Read Later: it will be fetched when you are online"
)


def _with_status(status: ImportStatus, doc: str) -> property:
    return property(lambda self: self.with_status(status), doc=doc)


class ByOutcome(ABC):
    """Import results sorted by outcome, for what a task reports; a subclass says which
    results it holds (:meth:`all_results`)."""

    @abstractmethod
    def all_results(self) -> Iterable[ImportResult]:
        """Every result this report holds, in order."""

    def with_status(self, status: ImportStatus) -> list[ImportResult]:
        """The results of this outcome, in order."""
        return [r for r in self.all_results() if r.status == status]

    added = _with_status(ImportStatus.ADDED, "What was added.")
    duplicates = _with_status(ImportStatus.DUPLICATE, "What was in the library already.")
    failed = _with_status(ImportStatus.ERROR, "What could not be imported, with the reason.")
    queued = _with_status(
        ImportStatus.QUEUED,
        "URLs that could not be fetched for want of a connection (saved to Read Later).",
    )

    @property
    def added_ids(self) -> list[int]:
        """The articles that were added."""
        return [r.id for r in self.added if r.id is not None]


class ImportSummary(Plain, ByOutcome):
    """What an import did, counted by outcome; ``cancelled`` if the user stopped it."""

    __slots__ = ("results", "cancelled")

    def __init__(self, results: tuple[ImportResult, ...], cancelled: bool = False) -> None:
        self.results, self.cancelled = results, cancelled

    def all_results(self) -> Iterable[ImportResult]:
        return self.results

    def headline(self) -> str:
        """One line such as ``Added 3 articles · 1 duplicate · 1 failed``."""
        if not self.results:
            if self.cancelled:
                return translate("ImportSummary", "Import cancelled.")
            return translate("ImportSummary", "No importable files were found.")
        if len(self.queued) == len(self.results) == 1 and not self.cancelled:
            return translate("ImportSummary", QUEUED_MESSAGE)
        queued, duplicates, failed = len(self.queued), len(self.duplicates), len(self.failed)
        added = len(self.added)
        skipped = (
            translate("ImportSummary", "{n} duplicate skipped")
            if duplicates == 1
            else translate("ImportSummary", "{n} duplicates skipped")
        )
        parts = counted_parts(
            (queued, translate("ImportSummary", "{n} saved to Read Later").format(n=_n(queued))),
            (duplicates, skipped.format(n=_n(duplicates))),
            (failed, translate("ImportSummary", "{n} failed").format(n=_n(failed))),
        )
        first = (
            translate("ImportSummary", "Added {n} article")
            if added == 1
            else translate("ImportSummary", "Added {n} articles")
        )
        return outcome_line([first.format(n=_n(added)), *parts], self.cancelled)

    def failure_lines(self) -> list[str]:
        """``name: reason`` for every file that could not be imported."""
        return [
            translate("ImportSummary", "{name}: {reason}").format(
                name=_name(r.path), reason=r.error
            )
            for r in self.failed
        ]

    def details(self) -> str:
        """Every input and its outcome, one per line (for the details view)."""
        lines = []
        for r in self.results:
            name = _name(r.path)
            if r.status == ImportStatus.ERROR:
                line = translate("ImportSummary", "failed     {name}: {reason}").format(
                    name=name, reason=r.error
                )
            elif r.status == ImportStatus.QUEUED:
                line = translate(
                    "ImportSummary", "queued     {name}: saved to Read Later ({reason})"
                ).format(name=name, reason=r.error)
            elif r.status == ImportStatus.DUPLICATE:
                line = translate(
                    "ImportSummary", "duplicate  {name} (already in the library as “{title}”)"
                )
                line = line.format(name=name, title=r.title)
            else:
                line = translate("ImportSummary", "added      {name} (“{title}”)").format(
                    name=name, title=r.title
                )
            lines.append(line)
        return "\n".join(lines)


def _n(count: int) -> str:
    """A count as the interface's locale writes it (``1 500`` in French)."""
    return QLocale().toString(count)


def _name(path: str) -> str:
    """A file's name, or a URL as it is (its last segment alone would say little)."""
    from reader.ingest.fetch import is_url

    return path if is_url(path) else Path(path).name


def _file_name(_done: int, _total: int, path: str) -> str:
    return Path(path).name


def import_task(library_path: Path, paths: Sequence[str | Path], tags: Iterable[str] = ()) -> Task:
    """A task that imports files and folders into the library at ``library_path``."""
    inputs = [str(p) for p in paths]
    tag_list = list(tags)
    if len(inputs) == 1:
        first = Path(inputs[0])
        if first.is_dir():
            label = translate("ImportTask", "Importing from {name}")
        else:
            label = translate("ImportTask", "Importing {name}")
        label = label.format(name=first.name)
    else:
        label = translate("ImportTask", "Importing {n} items")
        label = label.format(n=len(inputs))

    def work(library: Library, task: Task) -> ImportSummary:
        from reader.services.importing import import_paths  # the importer, when it runs

        progress = progress_reporter(task, _file_name)
        results = import_paths(
            library, inputs, tags=tag_list, progress=progress, cancelled=task.is_cancelled
        )
        return ImportSummary(tuple(results), cancelled=task.is_cancelled())

    return library_task(library_path, label, work, writes_library=True)


def samples_task(library_path: Path) -> Task:
    """A task that loads the bundled sample articles (already-present ones are duplicates)."""

    def work(library: Library, task: Task) -> ImportSummary:
        from reader.services.samples import load_samples

        results = load_samples(library, progress=progress_reporter(task, _file_name))
        return ImportSummary(tuple(results))

    label = translate("ImportTask", "Loading sample articles")
    return library_task(library_path, label, work, writes_library=True)
