"""The library writes the UI starts, packaged as tasks for the single-writer pool.

Each task opens its own :class:`~reader.library.Library` on the worker thread (sqlite3
connections are per thread), does its work through the Qt-free core and closes the file.
The result is an :class:`ImportSummary`, which also knows how to describe itself (a URL
that could not be fetched for want of a connection is counted as saved to Read Later).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.fetch import is_url
from reader.services.importing import ImportResult, import_paths
from reader.services.samples import load_samples
from reader.ui.tasks.runner import Task, worker_library

QUEUED_MESSAGE = "Saved to Read Later: it will be fetched when you are online"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, counted by outcome; ``cancelled`` if the user stopped it."""

    results: tuple[ImportResult, ...]
    cancelled: bool = False

    @property
    def added(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "added"]

    @property
    def duplicates(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "duplicate"]

    @property
    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == "error"]

    @property
    def queued(self) -> list[ImportResult]:
        """URLs that could not be fetched for want of a connection (saved to Read Later)."""
        return [r for r in self.results if r.status == "queued"]

    def headline(self) -> str:
        """One line such as ``Added 3 articles · 1 duplicate · 1 failed``."""
        if not self.results:
            return "Import cancelled." if self.cancelled else "No importable files were found."
        if len(self.queued) == len(self.results) == 1 and not self.cancelled:
            return QUEUED_MESSAGE
        parts = [f"Added {_plural(len(self.added), 'article')}"]
        if self.queued:
            parts.append(f"{len(self.queued)} saved to Read Later")
        if self.duplicates:
            parts.append(f"{_plural(len(self.duplicates), 'duplicate')} skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        line = " · ".join(parts)
        return f"{line} (cancelled)" if self.cancelled else line

    def failure_lines(self) -> list[str]:
        """``name: reason`` for every file that could not be imported."""
        return [f"{_name(r.path)}: {r.error}" for r in self.failed]

    def details(self) -> str:
        """Every input and its outcome, one per line (for the details view)."""
        lines = []
        for r in self.results:
            name = _name(r.path)
            if r.status == "error":
                lines.append(f"failed     {name}: {r.error}")
            elif r.status == "queued":
                lines.append(f"queued     {name}: saved to Read Later ({r.error})")
            elif r.status == "duplicate":
                lines.append(f"duplicate  {name} (already in the library as “{r.title}”)")
            else:
                lines.append(f"added      {name} (“{r.title}”)")
        return "\n".join(lines)


def _name(path: str) -> str:
    """A file's name, or a URL as it is (its last segment alone would say little)."""
    return path if is_url(path) else Path(path).name


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def import_task(library_path: Path, paths: Sequence[str | Path], tags: Iterable[str] = ()) -> Task:
    """A task that imports files and folders into the library at ``library_path``."""
    inputs = [str(p) for p in paths]
    tag_list = list(tags)
    count = len(inputs)
    if count == 1:
        first = Path(inputs[0])
        label = f"Importing from {first.name}" if first.is_dir() else f"Importing {first.name}"
    else:
        label = f"Importing {count} items"

    def work(task: Task) -> ImportSummary:
        with worker_library(library_path) as library:
            results = import_paths(
                library,
                inputs,
                tags=tag_list,
                progress=lambda done, total, path: task.report_progress(
                    done, total, Path(path).name
                ),
                cancelled=task.is_cancelled,
            )
        return ImportSummary(tuple(results), cancelled=task.is_cancelled())

    return Task(work, label, writes_library=True)


def samples_task(library_path: Path) -> Task:
    """A task that loads the bundled sample articles (already-present ones are duplicates)."""

    def work(task: Task) -> ImportSummary:
        with worker_library(library_path) as library:
            results = load_samples(
                library,
                progress=lambda done, total, path: task.report_progress(
                    done, total, Path(path).name
                ),
            )
        return ImportSummary(tuple(results))

    return Task(work, "Loading sample articles", writes_library=True)
