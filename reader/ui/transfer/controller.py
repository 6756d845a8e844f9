"""The File menu's exports and import: notes as Markdown, the library as JSON and back.

Each one asks for a place through :class:`TransferDialogs` (tests pass a stand-in), then
runs as a task that opens its own ``Library`` on a worker thread: the Markdown export
(:func:`~reader.library.export_markdown.export_notes`) and the JSON export (with progress
and Cancel; a cancelled export leaves no file) on the general pool, the import (only into
an empty library) on the single-writer pool. Unsaved typing in the note editor is saved
first. Outcomes are summarised in a non-blocking message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.library import Library
from reader.library.export_json import ExportCancelled, export_library, import_library
from reader.library.export_markdown import export_notes
from reader.ui.tasks.launch import launch
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner, worker_library

JSON_FILTER = "Fieldreader library (*.json);;All files (*)"
NOT_EMPTY = (
    "Import Library restores a Fieldreader export into an empty library, so nothing "
    "already here can clash with it. This library holds {what}.\n\nTo import, start "
    "Fieldreader on a new library file (fieldreader --library NEW.sqlite gui) and import "
    "there, or use: fieldreader --library NEW.sqlite import-library FILE.json"
)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True, slots=True)
class TransferDone:
    """What an export or import did: ``kind`` is ``notes``, ``export`` or ``import``."""

    kind: str
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False

    def describe(self) -> str:
        """One line for the summary, such as ``Exported 4 Markdown files to …``."""
        if self.cancelled:
            return "The library export was cancelled; no file was written."
        if self.kind == "notes":
            files = self.counts.get("files", 0)
            if not files:
                return "There are no notes or highlights to export yet."
            return f"Exported {_plural(files, 'Markdown file')} to {self.path}"
        articles = _plural(self.counts.get("articles", 0), "article")
        notes = _plural(self.counts.get("notes", 0), "note")
        if self.kind == "export":
            return f"Exported the library ({articles}, {notes}) to {self.path}"
        return f"Imported {articles} and {notes} from {self.path}"


def export_notes_task(library_path: Path, dest_dir: Path) -> Task:
    """A task writing every note as Markdown files into ``dest_dir``."""

    def work(task: Task) -> TransferDone:
        with worker_library(library_path) as library:
            written = export_notes(library, Path(dest_dir))
        return TransferDone("notes", Path(dest_dir), {"files": len(written)})

    return Task(work, "Exporting notes")


def export_library_task(library_path: Path, dest: Path) -> Task:
    """A task writing the whole library to ``dest`` as JSON (progress and Cancel)."""

    def work(task: Task) -> TransferDone:
        with worker_library(library_path) as library:
            try:
                counts = export_library(
                    library,
                    Path(dest),
                    progress=lambda done, total, table: task.report_progress(done, total, table),
                    cancelled=task.is_cancelled,
                )
            except ExportCancelled:
                return TransferDone("export", Path(dest), cancelled=True)
        return TransferDone("export", Path(dest), counts)

    return Task(work, "Exporting the library")


def import_library_task(library_path: Path, src: Path) -> Task:
    """A task loading an export into the (empty) library at ``library_path``."""

    def work(task: Task) -> TransferDone:
        with worker_library(library_path) as library:
            counts = import_library(library, Path(src))
        return TransferDone("import", Path(src), counts)

    return Task(work, "Importing the library", writes_library=True)


class TransferDialogs:
    """The questions and messages of the exports (tests pass a stand-in)."""

    def export_folder(self, parent: QWidget) -> str:
        return QFileDialog.getExistingDirectory(parent, "Export Notes as Markdown")

    def export_file(self, parent: QWidget) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent, "Export Library", "fieldreader-library.json", JSON_FILTER
        )
        return path

    def import_file(self, parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, "Import Library", "", JSON_FILTER)
        return path

    def inform(self, parent: QWidget, title: str, text: str, *, warning: bool = False) -> object:
        box = QMessageBox(parent)
        box.setObjectName("transferMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setText(text)
        box.open()
        return box


class TransferController(QObject):
    """Runs the exports and the import for the window.

    Signals:
        library_replaced(): an import filled the library (refresh every view).
        transfer_finished(done): an export or import ended, with its :class:`TransferDone`.
        transfer_failed(message): it could not be done.
    """

    library_replaced = Signal()
    transfer_finished = Signal(object)
    transfer_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        parent_widget: QWidget,
        *,
        flush: Callable[[], object] = lambda: None,
        dialogs: TransferDialogs | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.library = library
        self.library_path = library_path
        self.tasks = tasks
        self.progress = progress
        self.widget = parent_widget
        self.flush = flush
        self.dialogs = dialogs or TransferDialogs()
        self.export_notes_action = QAction("Export &Notes as Markdown\u2026", self)
        self.export_notes_action.triggered.connect(self.export_notes)
        self.export_library_action = QAction("&Export Library\u2026", self)
        self.export_library_action.triggered.connect(self.export_library)
        self.import_library_action = QAction("Import &Library\u2026", self)
        self.import_library_action.triggered.connect(self.import_library)
        #: The File menu's entries, in order.
        self.actions = [
            self.export_notes_action,
            self.export_library_action,
            self.import_library_action,
        ]

    def export_notes(self) -> Task | None:
        folder = self.dialogs.export_folder(self.widget)
        if not folder:
            return None
        self.flush()
        return self._start(export_notes_task(self.library_path, Path(folder)), "Export Notes")

    def export_library(self) -> Task | None:
        path = self.dialogs.export_file(self.widget)
        if not path:
            return None
        self.flush()
        return self._start(export_library_task(self.library_path, Path(path)), "Export Library")

    def import_library(self) -> Task | None:
        what = self._contents()
        if what:
            self.dialogs.inform(
                self.widget, "Import Library", NOT_EMPTY.format(what=what), warning=True
            )
            return None
        path = self.dialogs.import_file(self.widget)
        if not path:
            return None
        return self._start(import_library_task(self.library_path, Path(path)), "Import Library")

    def _contents(self) -> str:
        articles = self.library.count()
        notes = len(self.library.notes()) + len(self.library.notes(trashed=True))
        parts = [_plural(n, w) for n, w in ((articles, "article"), (notes, "note")) if n]
        return " and ".join(parts)

    def _start(self, task: Task, title: str) -> Task:
        return launch(
            task,
            self,
            self.tasks,
            self.progress,
            on_success=lambda done: self._on_succeeded(title, done),
            on_failure=lambda error: self._on_failed(title, error),
        )

    def _on_succeeded(self, title: str, done: TransferDone) -> None:
        if done.kind == "import":
            self.library_replaced.emit()
        self.dialogs.inform(self.widget, title, done.describe())
        self.transfer_finished.emit(done)

    def _on_failed(self, title: str, error: object) -> None:
        message = f"{title} failed: {error}"
        self.dialogs.inform(self.widget, title, message, warning=True)
        self.transfer_failed.emit(message)
