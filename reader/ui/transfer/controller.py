"""The File menu's exports and import: notes as Markdown, the library as JSON and back.

Each one asks for a place through :class:`TransferDialogs` (tests pass a stand-in), then
runs as a task that opens its own ``Library`` on a worker thread: the Markdown export
(:func:`~reader.library.export_markdown.export_notes`) and the JSON export (with progress
and Cancel; a cancelled export leaves no file) on the general pool, the import (only into
an empty library) on the single-writer pool. Unsaved typing in the note editor is saved
first. Outcomes are summarised in a non-blocking message; an import tells the change bus
that the library is a new one (every pane starts over).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.library import Library
from reader.library.export_json import ExportCancelled, export_library, import_library
from reader.library.export_markdown import export_notes
from reader.ui.common.pane_chrome import make_action
from reader.ui.common.text import plural
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import MenuController
from reader.ui.tasks.runner import Task, library_task, progress_reporter
from reader.ui.tasks.summary_dialog import open_message

JSON_FILTER = "Fieldreader library (*.json);;All files (*)"
NOT_EMPTY = (
    "Import Library restores a Fieldreader export into an empty library, so nothing "
    "already here can clash with it. This library holds {what}.\n\nTo import, start "
    "Fieldreader on a new library file (fieldreader --library NEW.sqlite gui) and import "
    "there, or use: fieldreader --library NEW.sqlite import-library FILE.json"
)


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
            return f"Exported {plural(files, 'Markdown file')} to {self.path}"
        articles = plural(self.counts.get("articles", 0), "article")
        notes = plural(self.counts.get("notes", 0), "note")
        if self.kind == "export":
            return f"Exported the library ({articles}, {notes}) to {self.path}"
        return f"Imported {articles} and {notes} from {self.path}"


def export_notes_task(library_path: Path, dest_dir: Path) -> Task:
    """A task writing every note as Markdown files into ``dest_dir``."""

    def work(library: Library, task: Task) -> TransferDone:
        written = export_notes(library, Path(dest_dir))
        return TransferDone("notes", Path(dest_dir), {"files": len(written)})

    return library_task(library_path, "Exporting notes", work)


def export_library_task(library_path: Path, dest: Path) -> Task:
    """A task writing the whole library to ``dest`` as JSON (progress and Cancel)."""

    def work(library: Library, task: Task) -> TransferDone:
        try:
            counts = export_library(
                library, Path(dest), progress=progress_reporter(task), cancelled=task.is_cancelled
            )
        except ExportCancelled:
            return TransferDone("export", Path(dest), cancelled=True)
        return TransferDone("export", Path(dest), counts)

    return library_task(library_path, "Exporting the library", work)


def import_library_task(library_path: Path, src: Path) -> Task:
    """A task loading an export into the (empty) library at ``library_path``."""

    def work(library: Library, task: Task) -> TransferDone:
        return TransferDone("import", Path(src), import_library(library, Path(src)))

    return library_task(library_path, "Importing the library", work, writes_library=True)


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
        return open_message(parent, "transferMessage", title, text, warning=warning)


class TransferController(MenuController):
    """Runs the exports and the import for the window.

    Signals:
        transfer_finished(done): an export or import ended, with its :class:`TransferDone`.
    """

    transfer_finished = Signal(object)
    DIALOGS = TransferDialogs
    dialogs: TransferDialogs

    def setup(self) -> None:
        self.export_notes_action = make_action(
            self, "Export &Notes as Markdown\u2026", self.export_notes
        )
        self.export_library_action = make_action(self, "&Export Library\u2026", self.export_library)
        self.import_library_action = make_action(self, "Import &Library\u2026", self.import_library)
        #: The File menu's entries, in order.
        self.actions = [
            self.export_notes_action,
            self.export_library_action,
            self.import_library_action,
        ]

    @Slot()
    def export_notes(self) -> Task | None:
        """Ask for a folder, then write every note there as Markdown."""
        folder = self.dialogs.export_folder(self.widget)
        return self._export(folder, export_notes_task, "Export Notes")

    @Slot()
    def export_library(self) -> Task | None:
        """Ask for a file, then write the whole library there as JSON."""
        path = self.dialogs.export_file(self.widget)
        return self._export(path, export_library_task, "Export Library")

    def _export(
        self, chosen: str, make_task: Callable[[Path, Path], Task], title: str
    ) -> Task | None:
        if not chosen:
            return None
        self.flush()  # what is being typed goes out too
        return self._run(make_task(self.library_path, Path(chosen)), title)

    @Slot()
    def import_library(self) -> Task | None:
        """Ask for an export, then load it (only into an empty library)."""
        what = self._contents()
        if what:
            self.dialogs.inform(
                self.widget, "Import Library", NOT_EMPTY.format(what=what), warning=True
            )
            return None
        path = self.dialogs.import_file(self.widget)
        if not path:
            return None
        return self._run(import_library_task(self.library_path, Path(path)), "Import Library")

    def _contents(self) -> str:
        articles = self.library.count()
        notes = len(self.library.notes()) + len(self.library.notes(trashed=True))
        parts = [plural(n, w) for n, w in ((articles, "article"), (notes, "note")) if n]
        return " and ".join(parts)

    def _run(self, task: Task, title: str) -> Task:
        return self.start(
            task,
            on_success=lambda done: self._on_succeeded(title, done),
            on_failure=lambda message: self._on_failed(title, message),
        )

    def _on_succeeded(self, title: str, done: TransferDone) -> None:
        if done.kind == "import":
            self.ctx.bus.publish(Area.LIBRARY)  # an empty library now holds a whole other one
        self.dialogs.inform(self.widget, title, done.describe())
        self.transfer_finished.emit(done)

    def _on_failed(self, title: str, message: str) -> None:
        text = f"{title} failed: {message}"
        self.dialogs.inform(self.widget, title, text, warning=True)
        self.ctx.messages.error(text)
