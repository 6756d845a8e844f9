"""The main window: docks the panes, shows the status bar, takes drops; implements no pane.

The reader is the central widget; the library, entities, notes and compare panes sit in docks
(object names set, so ``saveState`` restores them; :mod:`reader.ui.window.layouts` arranges
them). :func:`reader.app.build_main_window` builds the panes (:class:`Panes`), the window,
the controllers (:class:`Controllers`, given with :meth:`MainWindow.attach`) and the menus
(:class:`MenuActions`, kept as ``window.menu_actions`` by
:func:`reader.ui.window.menus.build_menus`), and wires them.
The window itself only shows what the message service says in its status bar (with the task
progress and the article count beside it), hands dropped files to the imports, follows the
open article in its title, applies a theme to every pane, keeps its layout, holds still while
the library is restored, and saves what is being edited when it closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from reader import __version__
from reader.library import Library
from reader.ui.common.theme import palette_for, theme_named, window_stylesheet
from reader.ui.compare.controller import CompareController
from reader.ui.compare.pane import ComparePane
from reader.ui.entities.controller import EntityController
from reader.ui.entities.pane import EntityPane
from reader.ui.library.pane import LibraryPane
from reader.ui.notes.controller import NoteController
from reader.ui.notes.pane import NotesPane
from reader.ui.reader.pane import ReaderPane
from reader.ui.safety.controller import SafetyController
from reader.ui.sources.controller import SourceController
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.imports import ImportController
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import TaskRunner
from reader.ui.transfer.controller import TransferController
from reader.ui.window.layouts import first_start_sizes, show_dock

RESTORING = "Restoring the library from the backup\u2026"
DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


@dataclass(frozen=True, slots=True)
class Panes:
    """The window's panes: the reader in the middle, the others in docks."""

    reader: ReaderPane
    library: LibraryPane
    entities: EntityPane
    notes: NotesPane
    compare: ComparePane


@dataclass(frozen=True, slots=True)
class Controllers:
    """What joins the panes and menus to the library."""

    imports: ImportController
    entities: EntityController
    notes: NoteController
    transfers: TransferController
    sources: SourceController
    safety: SafetyController
    compare: CompareController


@dataclass(slots=True)
class MenuActions:
    """The window's own menu entries (the controllers keep theirs)."""

    quit: QAction
    library_pane: QAction
    entities_pane: QAction
    notes_pane: QAction
    compare: QAction
    search: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    themes: dict[str, QAction]
    theme_group: QActionGroup
    find: QAction
    next_mention: QAction
    previous_mention: QAction
    colour_mentions: QAction
    about: QAction


class MainWindow(QMainWindow):
    """Fieldreader's window. Build it through :func:`reader.app.build_main_window`.

    Its controllers are attributes named as in :class:`Controllers` (``window.imports``,
    ``window.safety``, ...), given by :meth:`attach`; its own menu entries are
    :attr:`menu_actions`.
    """

    menu_actions: MenuActions

    def __init__(
        self,
        ctx: UiContext,
        panes: Panes,
        *,
        stylesheet_template: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Fieldreader")
        self.setAcceptDrops(True)
        self.ctx = ctx
        self.panes = panes
        self.stylesheet_template = stylesheet_template
        self.persist_layout = True
        self._layout_restored = False

        self.reader = panes.reader
        self.setCentralWidget(panes.reader)
        self.library_pane, self.entity_pane = panes.library, panes.entities
        self.notes_pane, self.compare_pane = panes.notes, panes.compare
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.library_dock = self._dock("Library", "libraryDock", panes.library, left)
        self.entity_dock = self._dock("Entities", "entitiesDock", panes.entities, right)
        self.notes_dock = self._dock("Notes", "notesDock", panes.notes, right)
        self.tabifyDockWidget(self.entity_dock, self.notes_dock)
        self.entity_dock.raise_()
        beside = Qt.Orientation.Horizontal  # the comparison goes beside the library, not below
        self.compare_dock = self._dock("Compare", "compareDock", panes.compare, left, beside)
        self.compare_dock.hide()

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(ctx.progress)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(False)
        ctx.messages.shown.connect(self.statusBar().showMessage)

    def _dock(
        self,
        title: str,
        name: str,
        pane: QWidget,
        area: Qt.DockWidgetArea,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(pane)
        dock.setFeatures(DOCK_FEATURES)
        self.addDockWidget(area, dock, orientation)
        return dock

    def attach(self, controllers: Controllers) -> None:
        """Take the controllers (built over this window) as attributes of the same name."""
        self.imports, self.entities = controllers.imports, controllers.entities
        self.notes, self.transfers = controllers.notes, controllers.transfers
        self.sources, self.safety = controllers.sources, controllers.safety
        self.compare = controllers.compare

    # -- what the window shows ---------------------------------------------------------
    @property
    def library(self) -> Library:
        return self.ctx.library

    @property
    def tasks(self) -> TaskRunner:
        return self.ctx.tasks

    @property
    def progress(self) -> TaskProgress:
        """The status bar's indicator of the running task."""
        return self.ctx.progress

    @Slot(int)
    def open_article(self, article_id: int) -> bool:
        """Show ``article_id`` in the reader (the library pane follows)."""
        return self.reader.show_article(article_id)

    @Slot(int)
    def on_article_shown(self, _article_id: int) -> None:
        article = self.reader.article
        self.setWindowTitle(f"{article.title} \u2014 Fieldreader" if article else "Fieldreader")

    def flush_edits(self) -> None:
        """Save what is being edited (the note's typing, the reading position) now."""
        self.notes_pane.flush()
        self.reader.save_position()

    @Slot()
    def on_restore_started(self) -> None:
        self.setEnabled(False)  # nothing may touch the library while it is replaced
        self.ctx.messages.status(RESTORING, 0)

    @Slot(object)
    def on_restore_finished(self, _kept: object) -> None:
        self.setEnabled(True)  # the change bus has told every pane to start over

    @Slot()
    def search_library(self) -> None:
        show_dock(self.library_dock)
        self.library_pane.focus_search()

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
        """Switch the whole window (palette, styles and every pane) to the theme ``name``."""
        theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette_for(theme))
        self.setStyleSheet(window_stylesheet(self.stylesheet_template, theme))
        for pane in (self.reader, self.entity_pane, self.notes_pane, self.compare_pane):
            pane.set_theme(theme)
        self.ctx.preferences.theme = theme.name
        self.menu_actions.themes[theme.name].setChecked(True)

    @property
    def theme_name(self) -> str:
        return self.reader.theme.name

    @Slot()
    def show_about(self) -> QMessageBox:
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
        return box

    # -- layout ------------------------------------------------------------------------
    def restore_layout(self) -> None:
        """Put the window and its docks back as the user left them."""
        geometry, state = self.ctx.preferences.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._layout_restored = self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._layout_restored:  # first start: give the side docks sensible widths
            self._layout_restored = True
            first_start_sizes(self)

    def save_layout(self) -> None:
        self.ctx.preferences.save_window_layout(self.saveGeometry(), self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.flush_edits()
        if self.persist_layout:
            self.save_layout()
        self.ctx.preferences.sync()
        super().closeEvent(event)
