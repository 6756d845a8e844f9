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
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.fetch import is_url
from reader.library import Library
from reader.library.statuses import ImportStatus
from reader.services.importing import ImportResult, import_paths
from reader.services.samples import load_samples
from reader.ui.common.text import counted_parts, outcome_line, plural
from reader.ui.tasks.runner import Task, library_task, progress_reporter

QUEUED_MESSAGE = "Saved to Read Later: it will be fetched when you are online"


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


@dataclass(frozen=True, slots=True)
class ImportSummary(ByOutcome):
    """What an import did, counted by outcome; ``cancelled`` if the user stopped it."""

    results: tuple[ImportResult, ...]
    cancelled: bool = False

    def all_results(self) -> Iterable[ImportResult]:
        return self.results

    def headline(self) -> str:
        """One line such as ``Added 3 articles · 1 duplicate · 1 failed``."""
        if not self.results:
            return "Import cancelled." if self.cancelled else "No importable files were found."
        if len(self.queued) == len(self.results) == 1 and not self.cancelled:
            return QUEUED_MESSAGE
        queued, duplicates, failed = len(self.queued), len(self.duplicates), len(self.failed)
        parts = counted_parts(
            (queued, f"{queued} saved to Read Later"),
            (duplicates, f"{plural(duplicates, 'duplicate')} skipped"),
            (failed, f"{failed} failed"),
        )
        return outcome_line([f"Added {plural(len(self.added), 'article')}", *parts], self.cancelled)

    def failure_lines(self) -> list[str]:
        """``name: reason`` for every file that could not be imported."""
        return [f"{_name(r.path)}: {r.error}" for r in self.failed]

    def details(self) -> str:
        """Every input and its outcome, one per line (for the details view)."""
        lines = []
        for r in self.results:
            name = _name(r.path)
            if r.status == ImportStatus.ERROR:
                lines.append(f"failed     {name}: {r.error}")
            elif r.status == ImportStatus.QUEUED:
                lines.append(f"queued     {name}: saved to Read Later ({r.error})")
            elif r.status == ImportStatus.DUPLICATE:
                lines.append(f"duplicate  {name} (already in the library as “{r.title}”)")
            else:
                lines.append(f"added      {name} (“{r.title}”)")
        return "\n".join(lines)


def _name(path: str) -> str:
    """A file's name, or a URL as it is (its last segment alone would say little)."""
    return path if is_url(path) else Path(path).name


def _file_name(_done: int, _total: int, path: str) -> str:
    return Path(path).name


def import_task(library_path: Path, paths: Sequence[str | Path], tags: Iterable[str] = ()) -> Task:
    """A task that imports files and folders into the library at ``library_path``."""
    inputs = [str(p) for p in paths]
    tag_list = list(tags)
    if len(inputs) == 1:
        first = Path(inputs[0])
        label = f"Importing from {first.name}" if first.is_dir() else f"Importing {first.name}"
    else:
        label = f"Importing {len(inputs)} items"

    def work(library: Library, task: Task) -> ImportSummary:
        progress = progress_reporter(task, _file_name)
        results = import_paths(
            library, inputs, tags=tag_list, progress=progress, cancelled=task.is_cancelled
        )
        return ImportSummary(tuple(results), cancelled=task.is_cancelled())

    return library_task(library_path, label, work, writes_library=True)


def samples_task(library_path: Path) -> Task:
    """A task that loads the bundled sample articles (already-present ones are duplicates)."""

    def work(library: Library, task: Task) -> ImportSummary:
        results = load_samples(library, progress=progress_reporter(task, _file_name))
        return ImportSummary(tuple(results))

    return library_task(library_path, "Loading sample articles", work, writes_library=True)
