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
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.library import Library
from reader.ui.common.pane_chrome import make_action
from reader.ui.common.views import Plain
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import MenuController
from reader.ui.tasks.runner import Task, library_task, progress_reporter
from reader.ui.tasks.summary_dialog import open_message

translate = QCoreApplication.translate

JSON_FILTER = QT_TRANSLATE_NOOP("TransferDialogs", "Fieldreader library (*.json);;All files (*)")
NOT_EMPTY = QT_TRANSLATE_NOOP(
    "TransferController",
    "Import Library restores a Fieldreader export into an empty library, so nothing "
    "already here can clash with it. This library holds {what}.\n\nTo import, start "
    "Fieldreader on a new library file (fieldreader --library NEW.sqlite gui) and import "
    "there, or use: fieldreader --library NEW.sqlite import-library FILE.json",
)


def _count(n: int, one: str, several: str) -> str:
    """``one`` or ``several`` (translated templates with ``{n}``) for ``n`` things."""
    return (one if n == 1 else several).format(n=QLocale().toString(n))


def _articles(n: int) -> str:
    return _count(
        n, translate("TransferDone", "{n} article"), translate("TransferDone", "{n} articles")
    )


def _notes(n: int) -> str:
    return _count(n, translate("TransferDone", "{n} note"), translate("TransferDone", "{n} notes"))


class TransferDone(Plain):
    """What an export or import did: ``kind`` is ``notes``, ``export`` or ``import``."""

    __slots__ = ("kind", "path", "counts", "cancelled", "private_left_out")

    def __init__(
        self,
        kind: str,
        path: Path,
        counts: dict[str, int] | None = None,
        cancelled: bool = False,
        private_left_out: int = 0,
    ) -> None:
        self.kind, self.path, self.counts = kind, path, {} if counts is None else counts
        self.cancelled, self.private_left_out = cancelled, private_left_out

    def describe(self) -> str:
        """One line for the summary, such as ``Exported 4 Markdown files to …``, and how many
        private notes stayed out."""
        line = self._what_happened()
        if self.private_left_out and not self.cancelled:
            left = _count(
                self.private_left_out,
                translate("TransferDone", "{n} private note left out"),
                translate("TransferDone", "{n} private notes left out"),
            )
            hint = translate("TransferDone", "tick Include private notes to export them")
            line = f"{line} \u00b7 {left} ({hint})"
        return line

    def _what_happened(self) -> str:
        if self.cancelled:
            return translate(
                "TransferDone", "The library export was cancelled; no file was written."
            )
        if self.kind == "notes":
            files = self.counts.get("files", 0)
            if not files:
                return translate("TransferDone", "There are no notes or highlights to export yet.")
            exported = _count(
                files,
                translate("TransferDone", "{n} Markdown file"),
                translate("TransferDone", "{n} Markdown files"),
            )
            line = translate("TransferDone", "Exported {files} to {path}")
            return line.format(files=exported, path=self.path)
        articles = _articles(self.counts.get("articles", 0))
        notes = _notes(self.counts.get("notes", 0))
        if self.kind == "export":
            line = translate("TransferDone", "Exported the library ({articles}, {notes}) to {path}")
        else:
            line = translate("TransferDone", "Imported {articles} and {notes} from {path}")
        return line.format(articles=articles, notes=notes, path=self.path)


def export_notes_task(library_path: Path, dest_dir: Path, include_private: bool = False) -> Task:
    """A task writing every note as Markdown files into ``dest_dir`` (private ones only if
    ``include_private``)."""

    def work(library: Library, task: Task) -> TransferDone:
        from reader.library.export_markdown import export_vault  # when a task runs

        vault = export_vault(library, Path(dest_dir), include_private=include_private)
        return TransferDone(
            "notes",
            Path(dest_dir),
            {"files": len(vault.files)},
            private_left_out=vault.private_left_out,
        )

    return library_task(library_path, translate("TransferTasks", "Exporting notes"), work)


def export_library_task(library_path: Path, dest: Path, include_private: bool = False) -> Task:
    """A task writing the whole library to ``dest`` as JSON (progress and Cancel; private
    notes only if ``include_private``)."""

    def work(library: Library, task: Task) -> TransferDone:
        from reader.library.export_json import ExportCancelled, dump_library

        try:
            dump = dump_library(
                library,
                Path(dest),
                progress=progress_reporter(task),
                cancelled=task.is_cancelled,
                include_private=include_private,
            )
        except ExportCancelled:
            return TransferDone("export", Path(dest), cancelled=True)
        return TransferDone(
            "export", Path(dest), dict(dump.tables), private_left_out=dump.private_left_out
        )

    return library_task(library_path, translate("TransferTasks", "Exporting the library"), work)


def import_library_task(library_path: Path, src: Path) -> Task:
    """A task loading an export into the (empty) library at ``library_path``."""

    def work(library: Library, task: Task) -> TransferDone:
        from reader.library.export_json import import_library

        return TransferDone("import", Path(src), import_library(library, Path(src)))

    return library_task(
        library_path, translate("TransferTasks", "Importing the library"), work, writes_library=True
    )


class TransferDialogs:
    """The questions and messages of the exports (tests pass a stand-in)."""

    def export_folder(self, parent: QWidget, private_count: int = 0) -> tuple[str, bool]:
        """The vault's folder, and whether private notes go too (asked only when the
        library has some)."""
        from reader.ui.transfer.export_choice import ExportChooser  # when first asked

        return ExportChooser().folder(parent, private_count)

    def export_file(self, parent: QWidget, private_count: int = 0) -> tuple[str, bool]:
        """The JSON file, and whether private notes go too."""
        from reader.ui.transfer.export_choice import ExportChooser

        suggested = translate("TransferDialogs", "fieldreader-library.json")
        return ExportChooser().file(parent, private_count, suggested)

    def import_file(self, parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("TransferDialogs", "Import Library"),
            "",
            translate("TransferDialogs", JSON_FILTER),
        )
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
            self,
            translate("TransferController", "Export &Notes as Markdown\u2026"),
            self.export_notes,
        )
        self.export_library_action = make_action(
            self,
            translate("TransferController", "&Export Library\u2026"),
            self.export_library,
        )
        self.import_library_action = make_action(
            self,
            translate("TransferController", "Import &Library\u2026"),
            self.import_library,
        )
        #: The File menu's entries, in order.
        self.actions = [
            self.export_notes_action,
            self.export_library_action,
            self.import_library_action,
        ]

    @Slot()
    def export_notes(self) -> Task | None:
        """Ask for a folder, then write every note there as Markdown."""
        private = self.library.private_note_count(listed_only=True)
        folder, include = self.dialogs.export_folder(self.widget, private)
        return self._export(
            folder, export_notes_task, translate("TransferController", "Export Notes"), include
        )

    @Slot()
    def export_library(self) -> Task | None:
        """Ask for a file, then write the whole library there as JSON."""
        path, include = self.dialogs.export_file(self.widget, self.library.private_note_count())
        return self._export(
            path, export_library_task, translate("TransferController", "Export Library"), include
        )

    def _export(
        self,
        chosen: str,
        make_task: Callable[[Path, Path, bool], Task],
        title: str,
        include_private: bool,
    ) -> Task | None:
        if not chosen:
            return None
        self.flush()  # what is being typed goes out too
        return self._run(make_task(self.library_path, Path(chosen), include_private), title)

    @Slot()
    def import_library(self) -> Task | None:
        """Ask for an export, then load it (only into an empty library)."""
        what = self._contents()
        if what:
            self.dialogs.inform(
                self.widget,
                translate("TransferController", "Import Library"),
                translate("TransferController", NOT_EMPTY).format(what=what),
                warning=True,
            )
            return None
        path = self.dialogs.import_file(self.widget)
        if not path:
            return None
        return self._run(
            import_library_task(self.library_path, Path(path)),
            translate("TransferController", "Import Library"),
        )

    def _contents(self) -> str:
        articles = self.library.count()
        notes = len(self.library.notes()) + len(self.library.notes(trashed=True))
        parts = [text(n) for n, text in ((articles, _articles), (notes, _notes)) if n]
        return translate("TransferController", " and ").join(parts)

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
        text = translate("TransferController", "{title} failed: {reason}").format(
            title=title, reason=message
        )
        self.dialogs.inform(self.widget, title, text, warning=True)
        self.ctx.messages.error(text)
