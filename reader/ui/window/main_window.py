"""The main window: composes the panes, the status bar and drag-and-drop, and wires them.

It implements no pane itself. The reader is the central widget; the library is a dock on
the left and the entities a dock on the right (object names set, so ``saveState`` restores
them); :class:`~reader.ui.entities.controller.EntityController` joins the entity dock to the reader
and runs corrections and re-extraction. The notes dock (tabbed with the entities) lists
every note with its editor; :class:`~reader.ui.notes.controller.NoteController` joins it to the
reader, and :class:`~reader.ui.transfer.controller.TransferController` runs the exports. Imports
go through the :class:`~reader.ui.tasks.imports.ImportController`; the window only asks for
paths and refreshes the views when the library changes. The File menu's URL import, Read
Later and Feeds are :class:`~reader.ui.sources.controller.SourceController`; the Library menu
(check, backups, restore) is :class:`~reader.ui.safety.controller.SafetyController`. The menus
themselves are built by :func:`~reader.ui.window.menus.build_menus`; their slots stay here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from reader import __version__
from reader.library import Library
from reader.ui.compare.controller import CompareController
from reader.ui.compare.pane import ComparePane
from reader.ui.entities.controller import EntityController
from reader.ui.entities.pane import EntityPane
from reader.ui.transfer.controller import TransferController
from reader.ui.tasks.imports import ImportController
from reader.ui.library.pane import LibraryPane
from reader.ui.window.menus import build_menus
from reader.ui.notes.controller import NoteController
from reader.ui.notes.pane import NotesPane
from reader.ui.tasks.operations import ImportSummary
from reader.ui.common.preferences import Preferences
from reader.ui.reader.pane import ReaderPane
from reader.ui.safety.controller import SafetyController
from reader.ui.sources.controller import SourceController
from reader.ui.tasks.summary_dialog import show_import_summary
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner
from reader.ui.common.theme import palette_for, theme_named, window_stylesheet

IMPORT_FILTER = (
    "Articles (*.md *.markdown *.mdown *.txt *.text *.html *.htm *.xhtml);;All files (*)"
)
FIRST_RUN_MESSAGE = (
    "Your library was empty, so Fieldreader loaded {n} sample articles. "
    "Add your own with File \u203a Import files\u2026 or by dropping files on the window."
)
MESSAGE_MS = 20_000
DOCK_WIDTH = 540  # at most, on a first start; about a third of the window below that
ENTITY_DOCK_WIDTH = 320  # at most, on a first start


class MainWindow(QMainWindow):
    """Fieldreader's window. Build it through :func:`reader.app.build_main_window`."""

    def __init__(
        self,
        library: Library,
        library_path: Path,
        preferences: Preferences,
        tasks: TaskRunner,
        *,
        stylesheet_template: str = "",
        present_summary: Callable[[ImportSummary], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Fieldreader")
        self.setAcceptDrops(True)
        self.library = library
        self.preferences = preferences
        self.tasks = tasks
        self.stylesheet_template = stylesheet_template
        self.persist_layout = True

        self.reader = ReaderPane(library, preferences, self)
        self.setCentralWidget(self.reader)
        self.library_pane = LibraryPane(library, self)
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library_pane)
        self.library_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.entity_pane = EntityPane(library, self)
        self.entity_dock = QDockWidget("Entities", self)
        self.entity_dock.setObjectName("entitiesDock")
        self.entity_dock.setWidget(self.entity_pane)
        self.entity_dock.setFeatures(self.library_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.entity_dock)
        self.notes_pane = NotesPane(library, self)
        self.notes_dock = QDockWidget("Notes", self)
        self.notes_dock.setObjectName("notesDock")
        self.notes_dock.setWidget(self.notes_pane)
        self.notes_dock.setFeatures(self.library_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.tabifyDockWidget(self.entity_dock, self.notes_dock)
        self.entity_dock.raise_()
        self.compare_pane = ComparePane(library, self)
        self.compare_dock = QDockWidget("Compare", self)
        self.compare_dock.setObjectName("compareDock")
        self.compare_dock.setWidget(self.compare_pane)
        self.compare_dock.setFeatures(self.library_dock.features())
        self.addDockWidget(
            Qt.DockWidgetArea.LeftDockWidgetArea, self.compare_dock, Qt.Orientation.Horizontal
        )
        self.compare_dock.hide()
        self._layout_restored = False

        self.progress = TaskProgress(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(False)

        self.imports = ImportController(
            library_path,
            tasks,
            self.progress,
            present_summary or (lambda summary: show_import_summary(self, summary)),
            self,
        )
        self.entity_actions = EntityController(
            library_path, tasks, self.progress, self.entity_pane, self.reader, self
        )
        self.note_actions = NoteController(library, self.reader, self.notes_pane, self)
        self.transfers = TransferController(
            library, library_path, tasks, self.progress, self, flush=self.notes_pane.flush
        )
        self.compare_actions = CompareController(
            library, library_path, tasks, self.progress, self.compare_pane, self.reader, self
        )
        self.sources = SourceController(
            library, library_path, tasks, self.progress, self.imports, self
        )
        self.safety = SafetyController(
            library, library_path, tasks, self.progress, preferences, self, flush=self.flush_edits
        )
        build_menus(self)

        self.library_pane.article_activated.connect(self.open_article)
        self.entity_pane.article_activated.connect(self.open_article)
        self.entity_actions.status_reported.connect(self.show_status)
        self.entity_actions.action_failed.connect(self.show_status)
        self.imports.library_changed.connect(self.entity_actions.on_library_changed)
        self.library_pane.filter_changed.connect(self.update_count)
        self.reader.article_shown.connect(self.on_article_shown)
        self.reader.font_size_changed.connect(self.on_font_size_changed)
        self.imports.library_changed.connect(self.on_library_changed)
        self.imports.import_failed.connect(self.on_import_failed)
        self.note_actions.note_opened.connect(self.on_note_opened)
        self.note_actions.status_reported.connect(self.show_status)
        self.library_pane.note_activated.connect(self.note_actions.go_to_note)
        self.transfers.library_replaced.connect(self.entity_actions.on_library_changed)
        self.transfers.library_replaced.connect(self.on_library_changed)
        self.transfers.transfer_failed.connect(self.show_status)
        self.compare_actions.status_reported.connect(self.show_status)
        self.compare_actions.action_failed.connect(self.show_status)
        self.compare_dock.visibilityChanged.connect(self.compare_actions.on_visibility_changed)
        for changed in (
            self.imports.library_changed,
            self.transfers.library_replaced,
            self.entity_actions.entities_changed,
            self.sources.library_changed,
            self.safety.library_changed,
        ):
            changed.connect(self.compare_actions.on_library_changed)
        for changed in (self.sources.library_changed, self.safety.library_changed):
            changed.connect(self.entity_actions.on_library_changed)
            changed.connect(self.on_library_changed)
        for source in (self.sources, self.safety):
            source.status_reported.connect(self.show_status)
            source.action_failed.connect(self.show_status)
        self.safety.restore_started.connect(self.on_restore_started)
        self.safety.restore_finished.connect(self.on_restore_finished)
        self.apply_theme(preferences.theme)
        self.update_count()

    # -- articles ----------------------------------------------------------------------
    @Slot(int)
    def open_article(self, article_id: int) -> bool:
        """Show ``article_id`` in the reader (and select it in the library)."""
        return self.reader.show_article(article_id)

    def open_initial_article(self, article_id: int | None = None) -> None:
        """Open ``article_id``, else the last one read, else the newest; or nothing."""
        for candidate in (article_id, self.preferences.last_article, self.library.most_recent_id()):
            if candidate and self.open_article(candidate):
                return

    @Slot(int)
    def on_article_shown(self, article_id: int) -> None:
        article = self.reader.article
        self.setWindowTitle(f"{article.title} \u2014 Fieldreader" if article else "Fieldreader")
        if article_id:
            self.preferences.last_article = article_id
            self.library_pane.select_article(article_id)

    # -- library changes and imports ---------------------------------------------------
    @Slot()
    def on_library_changed(self) -> None:
        self.library_pane.refresh(self.reader.article_id)
        self.notes_pane.refresh()
        self.note_actions.redraw()
        self.update_count()
        if self.reader.article is None:
            self.open_initial_article()

    def flush_edits(self) -> None:
        """Save what is being edited (the note's typing, the reading position) now."""
        self.notes_pane.flush()
        self.reader.save_position()

    @Slot()
    def on_restore_started(self) -> None:
        self.setEnabled(False)  # nothing may touch the library while it is replaced
        self.statusBar().showMessage("Restoring the library from the backup\u2026")

    @Slot(object)
    def on_restore_finished(self, _kept: object) -> None:
        self.reload_library()
        self.setEnabled(True)

    def reload_library(self) -> None:
        """The library file was replaced (a restore): show what it holds now in every pane,
        the same article if it is still there."""
        article_id = self.reader.article_id
        self.reader.article = None  # its position belongs to the file that was replaced
        self.reader.clear()
        self.notes_pane.editor.reload()
        self.open_initial_article(article_id)
        self.on_library_changed()
        self.entity_actions.on_library_changed()
        self.compare_actions.on_library_changed()
        self.sources.on_sources_changed()

    @Slot()
    def update_count(self) -> None:
        total = self.library.count()
        shown = self.library_pane.shown_count
        noun = "article" if total == 1 else "articles"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        self.count_label.setText(text)

    def load_samples_if_empty(self) -> Task | None:
        """On first run, load the sample articles in the background and say so."""
        if self.library.count():
            return None
        self.statusBar().showMessage("Your library is empty: loading the sample articles\u2026")
        task = self.imports.load_samples(present=False)
        task.succeeded.connect(self.on_first_samples_loaded)
        return task

    @Slot(object)
    def on_first_samples_loaded(self, summary: ImportSummary) -> None:
        message = FIRST_RUN_MESSAGE.format(n=len(summary.added))
        self.statusBar().showMessage(message, MESSAGE_MS)

    @Slot(str)
    def on_import_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    @Slot(str)
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    @Slot()
    def on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import Files", "", IMPORT_FILTER)
        self.imports.import_paths(paths)

    @Slot()
    def on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import Folder")
        if folder:
            self.imports.import_paths([folder])

    @Slot()
    def on_load_samples(self) -> None:
        self.imports.load_samples()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.imports.import_paths(paths)

    # -- view --------------------------------------------------------------------------
    def apply_theme(self, name: str) -> None:
        """Switch the whole window (palette, styles and page) to the theme ``name``."""
        theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette_for(theme))
        self.setStyleSheet(window_stylesheet(self.stylesheet_template, theme))
        self.reader.set_theme(theme)
        self.entity_pane.set_theme(theme)
        self.notes_pane.set_theme(theme)
        self.compare_pane.set_theme(theme)
        self.preferences.theme = theme.name
        self.theme_actions[theme.name].setChecked(True)

    @property
    def theme_name(self) -> str:
        return self.reader.theme.name

    @Slot(int)
    def on_note_opened(self, _note_id: int) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()

    @Slot(int)
    def on_font_size_changed(self, points: int) -> None:
        self.statusBar().showMessage(f"Text size {points} pt", 2000)

    @Slot()
    def on_search_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library_pane.focus_search()

    @Slot()
    def on_about(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle("About Fieldreader")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(f"<b>Fieldreader</b> {__version__}")
        box.setInformativeText(
            "An offline reader for news, reports and notes. Everything stays in one "
            f"file on this computer:\n{self.library.path}"
        )
        box.open()

    # -- layout ------------------------------------------------------------------------
    def restore_layout(self) -> None:
        """Put the window and its docks back as the user left them."""
        geometry, state = self.preferences.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._layout_restored = self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._layout_restored:  # first start: give the library a sensible width
            self._layout_restored = True
            width = min(DOCK_WIDTH, max(300, int(self.width() * 0.31)))
            side = min(ENTITY_DOCK_WIDTH, max(220, int(self.width() * 0.215)))
            self.resizeDocks(
                [self.library_dock, self.entity_dock], [width, side], Qt.Orientation.Horizontal
            )

    def save_layout(self) -> None:
        self.preferences.save_window_layout(self.saveGeometry(), self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.notes_pane.flush()
        self.reader.save_position()
        if self.persist_layout:
            self.save_layout()
        self.preferences.sync()
        super().closeEvent(event)
