"""Runs imports for the window: files, folders, drops, URLs and the sample articles.

Every import is a task on the single-writer pool (see :mod:`reader.ui.tasks.operations`), shown
in the status bar while it runs and summarised when it ends. :class:`ImportController` offers
File › Import Files… (whose filter lists every type the importer reads:
:func:`~reader.ingest.readers.file_dialog_filter`), Import Folder… and
Load Sample Articles; the sources run their imports by URL through it too, so every import
ends the same way: the articles it added are told to the change bus, the summary is shown,
and a failure is said in the status bar. On first run it loads the samples quietly and says
so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.ui.common.pane_chrome import make_action
from reader.ui.tasks.bus import Area
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.controller import Controller
from reader.ui.tasks.operations import ImportSummary, import_task, samples_task
from reader.ui.tasks.runner import Task
from reader.ui.tasks.summary_dialog import show_import_summary

SummaryPresenter = Callable[[ImportSummary], object]
EMPTY_MESSAGE = QT_TRANSLATE_NOOP(
    "ImportController", "Your library is empty: loading the sample articles\u2026"
)
FIRST_RUN_MESSAGE = QT_TRANSLATE_NOOP(
    "ImportController",
    "Loaded {n} sample articles. Import your own with File \u203a Import Files\u2026 "
    "or drop files here.",
)


class ImportController(Controller):
    """Starts import tasks and reports their outcome.

    Signals:
        import_finished(summary): an import ended, with its :class:`ImportSummary`.
    """

    import_finished = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        widget: QWidget,
        present_summary: SummaryPresenter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(ctx, parent or widget, widget=widget)
        self.present_summary: SummaryPresenter = present_summary or (
            lambda summary: show_import_summary(self.widget, summary)
        )
        self.import_files_action = make_action(
            self,
            QCoreApplication.translate("ImportController", "&Import Files\u2026"),
            self.ask_import_files,
            QKeySequence.StandardKey.Open,
        )
        self.import_folder_action = make_action(
            self,
            QCoreApplication.translate("ImportController", "Import &Folder\u2026"),
            self.ask_import_folder,
            "Ctrl+Shift+O",
        )
        self.samples_action = make_action(
            self,
            QCoreApplication.translate("ImportController", "Load &Sample Articles"),
            self.load_samples,
        )
        #: The File menu's imports, in order (the samples go lower down).
        self.actions = [self.import_files_action, self.import_folder_action]

    # -- what the user asks for --------------------------------------------------------
    @Slot()
    def ask_import_files(self) -> Task | None:
        """Ask for files (of any type the importer reads) and import them."""
        from reader.ingest.readers import file_dialog_filter  # every reader: when asked

        paths, _ = QFileDialog.getOpenFileNames(
            self.widget,
            QCoreApplication.translate("ImportController", "Import Files"),
            "",
            file_dialog_filter(),
        )
        return self.import_paths(paths)

    @Slot()
    def ask_import_folder(self) -> Task | None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(
            self.widget, QCoreApplication.translate("ImportController", "Import Folder")
        )
        return self.import_paths([folder]) if folder else None

    def import_paths(self, paths: Sequence[str | Path]) -> Task | None:
        """Import files and folders; a summary is presented when done."""
        if not paths:
            return None
        return self.run(import_task(self.library_path, paths))

    @Slot()
    def load_samples(self, *, present: bool = True) -> Task:
        """Load the bundled sample articles (quietly on first run)."""
        return self.run(samples_task(self.library_path), present=present)

    def load_samples_if_empty(self) -> Task | None:
        """On first run, load the sample articles in the background and say so."""
        if self.library.most_recent_id() is not None:  # not empty (an indexed look, not a count)
            return None
        self.ctx.messages.status(QCoreApplication.translate("ImportController", EMPTY_MESSAGE), 0)
        task = self.load_samples(present=False)
        task.succeeded.connect(
            lambda summary: self.ctx.messages.status(
                QCoreApplication.translate("ImportController", FIRST_RUN_MESSAGE).format(
                    n=len(summary.added)
                )
            )
        )
        return task

    # -- every import ------------------------------------------------------------------
    def run(self, task: Task, *, present: bool = True) -> Task:
        """Run a task whose result is an :class:`ImportSummary` (an import of files, of a
        URL, of the samples): what it added goes to the change bus, its summary is shown
        (if ``present``), a failure goes to the status bar."""
        return self.start(
            task,
            on_success=lambda summary: self._on_succeeded(summary, present),
            on_failure=lambda message: self.ctx.messages.error(
                QCoreApplication.translate("ImportController", "Import failed: {reason}").format(
                    reason=message
                )
            ),
        )

    def _on_succeeded(self, summary: ImportSummary, present: bool) -> None:
        added = summary.added
        if added:
            self.ctx.bus.publish(Area.ARTICLES | Area.ENTITIES, [r.id for r in added])
        if present:
            self.present_summary(summary)
        self.import_finished.emit(summary)
