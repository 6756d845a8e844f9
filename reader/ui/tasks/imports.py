"""Runs imports for the window: files, folders, drops and the sample articles.

Every import is a task on the single-writer pool (see :mod:`reader.ui.tasks.operations`), shown
in the status bar while it runs and summarised when it ends. The controller announces
that the library changed, so the window can refresh its models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.ui.tasks.operations import ImportSummary, import_task, samples_task
from reader.ui.tasks.launch import launch
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner

SummaryPresenter = Callable[[ImportSummary], object]


class ImportController(QObject):
    """Starts import tasks and reports their outcome.

    Signals:
        library_changed(): articles were added (refresh the views).
        import_finished(summary): an import ended, with its :class:`ImportSummary`.
        import_failed(message): an import could not run at all.
    """

    library_changed = Signal()
    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(
        self,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        present_summary: SummaryPresenter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.tasks = tasks
        self.progress = progress
        self.present_summary = present_summary

    def import_paths(self, paths: Sequence[str | Path]) -> Task | None:
        """Import files and folders; a summary is presented when done."""
        if not paths:
            return None
        return self._start(import_task(self.library_path, paths), present=True)

    def load_samples(self, *, present: bool = True) -> Task:
        """Load the bundled sample articles (quietly on first run)."""
        return self._start(samples_task(self.library_path), present=present)

    def run(self, task: Task, *, present: bool = True) -> Task:
        """Run another task whose result is an :class:`ImportSummary` (an import by URL),
        with the same progress, summary and ``library_changed`` as the imports here."""
        return self._start(task, present=present)

    def _start(self, task: Task, *, present: bool) -> Task:
        return launch(
            task,
            self,
            self.tasks,
            self.progress,
            on_success=lambda summary: self._on_succeeded(summary, present),
            on_failure=self._on_failed,
        )

    def _on_succeeded(self, summary: ImportSummary, present: bool) -> None:
        if summary.added:
            self.library_changed.emit()
        if present:
            self.present_summary(summary)
        self.import_finished.emit(summary)

    def _on_failed(self, error: object) -> None:
        self.import_failed.emit(f"Import failed: {error}")
