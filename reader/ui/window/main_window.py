"""The main window: docks the panes, shows the status bar, takes drops; implements no pane.

The reader is the central widget; the library, entities, notes and compare panes sit in docks
(object names set, so ``saveState`` restores them; :mod:`reader.ui.window.layouts` arranges
them). The Compare dock starts empty: its pane and controller are built the first time they
are needed (:attr:`MainWindow.on_demand_compare`; ``window.compare`` and
``window.compare_pane`` build them when asked for); so does the Notes dock, tabbed behind
Entities (:attr:`MainWindow.on_demand_notes` stands in for its pane until then;
``window.notes_pane`` builds it). :func:`reader.app.build_main_window`
builds the panes (:class:`Panes`), the window, the controllers (:class:`Controllers`, given
with :meth:`MainWindow.attach`) and the menus (:class:`MenuActions`, kept as
``window.menu_actions`` by :func:`reader.ui.window.menus.build_menus`), and wires them.
The window itself only shows what the message service says in its status bar (with the task
progress and the article count beside it; a line too long for the bar is cut with an
ellipsis, whole in its tooltip: :class:`ElidingStatusBar`), hands dropped files to the
imports, follows the open article in its title, applies a theme to every pane, keeps its
layout, holds still while the library is restored, and saves what is being edited when it
closes. Its first paint is drawn by Qt alone (Fusion, the stylesheets, and the entity
tree's expanders from images: :mod:`reader.ui.entities.expanders`): the readable check boxes,
radio buttons and expanders (:class:`~reader.ui.common.theme.ReadableStyle`) join in the
turn of the event loop after it (the status bar says when it is painted), or before it
only should that paint show an expander no image draws
(:meth:`MainWindow.bring_readable_style`).

Its layout: a first start (no saved layout) sizes the window from the screen and the docks
from the window (:func:`~reader.ui.window.layouts.first_start_size`); a saved layout that
is larger than the screen or crushes a pane is discarded on start for that first-start
layout; View › Reset Layout (:meth:`MainWindow.reset_layout`) puts it back at any time. The
layout saved on closing is the one the views replaced (a window closed in the compare view
opens as it was before Compare).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QRect,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStatusBar,
    QStyle,
    QStyleOption,
    QWidget,
)

from reader.ui.common.theme import (
    Theme,
    install_application_style,
    palette_for,
    theme_named,
    use_readable_style,
    window_stylesheet,
)
from reader.ui.tasks.context import HasContext, UiContext
from reader.ui.window.layouts import (
    KeptLayout,
    base_layout,
    crushed,
    first_start_size,
    first_start_sizes,
    show_dock,
)
from reader.ui.window.on_demand import OnDemandCompare
from reader.ui.window.on_demand_notes import OnDemandNotes

if TYPE_CHECKING:  # built by reader.app; only named here
    from collections.abc import Callable

    from reader.ui.compare.controller import CompareController
    from reader.ui.compare.pane import ComparePane
    from reader.ui.entities.controller import EntityController
    from reader.ui.entities.pane import EntityPane
    from reader.ui.help.about import AboutDialog
    from reader.ui.help.controller import HelpController
    from reader.ui.library.manage import ManageController
    from reader.ui.library.pane import LibraryPane
    from reader.ui.notes.controller import NoteController
    from reader.ui.notes.pane import NotesPane
    from reader.ui.packs.controller import PacksController
    from reader.ui.privacy.controller import PrivacyController
    from reader.ui.reader.pane import ReaderPane
    from reader.ui.safety.controller import SafetyController
    from reader.ui.sources.controller import SourceController
    from reader.ui.tasks.imports import ImportController
    from reader.ui.tasks.watcher import LibraryWatcher
    from reader.ui.transfer.controller import TransferController
    from reader.ui.window.i18n import LanguageController

#: The latest the readable boxes and expanders join after the window is shown (ms).
READABLE_STYLE_LATEST_MS = 1000
RESTORING = QT_TRANSLATE_NOOP("MainWindow", "Restoring the library from the backup\u2026")
DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


class Panes:
    """The window's panes: the reader in the middle, the others in docks (the notes pane and
    the comparison's are built on first use:
    :class:`~reader.ui.window.on_demand_notes.OnDemandNotes`,
    :class:`~reader.ui.window.on_demand.OnDemandCompare`). Plain classes, these three, not
    dataclasses: the window's start-up imports them (:class:`reader.ui.common.views.Plain`)."""

    __slots__ = ("reader", "library", "entities")

    def __init__(self, *, reader: ReaderPane, library: LibraryPane, entities: EntityPane) -> None:
        self.reader, self.library, self.entities = reader, library, entities


class Controllers:
    """What joins the panes and menus to the library (the comparison's controller is built
    with its pane, on first use)."""

    __slots__ = (
        "imports",
        "entities",
        "notes",
        "transfers",
        "sources",
        "safety",
        "manage",
        "privacy",
        "packs",
    )

    def __init__(
        self,
        *,
        imports: ImportController,
        entities: EntityController,
        notes: NoteController,
        transfers: TransferController,
        sources: SourceController,
        safety: SafetyController,
        manage: ManageController,
        privacy: PrivacyController,
        packs: PacksController,
    ) -> None:
        self.imports, self.entities, self.notes = imports, entities, notes
        self.transfers, self.sources, self.safety = transfers, sources, safety
        self.manage, self.privacy, self.packs = manage, privacy, packs


class MenuActions:
    """The window's own menu entries (the controllers keep theirs)."""

    __slots__ = (
        "quit",
        "library_pane",
        "entities_pane",
        "notes_pane",
        "compare",
        "reset_layout",
        "search",
        "zoom_in",
        "zoom_out",
        "zoom_reset",
        "themes",
        "theme_group",
        "find",
        "next_mention",
        "previous_mention",
        "colour_mentions",
        "about",
        "guide",
        "shortcuts",
    )

    def __init__(
        self,
        *,
        quit: QAction,
        library_pane: QAction,
        entities_pane: QAction,
        notes_pane: QAction,
        compare: QAction,
        reset_layout: QAction,
        search: QAction,
        zoom_in: QAction,
        zoom_out: QAction,
        zoom_reset: QAction,
        themes: dict[str, QAction],
        theme_group: QActionGroup,
        find: QAction,
        next_mention: QAction,
        previous_mention: QAction,
        colour_mentions: QAction,
        about: QAction,
        guide: QAction,
        shortcuts: QAction,
    ) -> None:
        self.quit, self.library_pane = quit, library_pane
        self.entities_pane, self.notes_pane = entities_pane, notes_pane
        self.compare, self.reset_layout, self.search = compare, reset_layout, search
        self.zoom_in, self.zoom_out, self.zoom_reset = zoom_in, zoom_out, zoom_reset
        self.themes, self.theme_group = themes, theme_group
        self.find, self.next_mention = find, next_mention
        self.previous_mention, self.colour_mentions = previous_mention, colour_mentions
        self.about, self.guide, self.shortcuts = about, guide, shortcuts


GEOMETRY_MAGIC = 0x1D9D0CB  # how QWidget.saveGeometry's data begins


def fits_on(geometry: QByteArray, available: QSize) -> bool:
    """Whether the window saved as ``geometry`` (``saveGeometry``'s data) fits a screen of
    ``available`` size; unreadable data does not."""
    from PySide6.QtCore import QDataStream, QIODevice  # only a saved layout is read so

    stream = QDataStream(geometry, QIODevice.OpenModeFlag.ReadOnly)
    magic, _major, _minor = stream.readUInt32(), stream.readUInt16(), stream.readUInt16()
    frame = QRect()
    stream >> frame  # type: ignore[operator]  (PySide's stream operator)
    if magic != GEOMETRY_MAGIC or stream.status() != QDataStream.Status.Ok:
        return False
    return frame.width() <= available.width() and frame.height() <= available.height()


def style_application(theme: Theme) -> None:
    """The application's style and its palette in ``theme``, each set only when it changes
    (before the panes are built, so that no widget is told of a new palette)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_application_style(app)  # its readable boxes and expanders come when needed
        palette = palette_for(theme)
        if palette != app.palette():
            app.setPalette(palette)


class ElidingStatusBar(QStatusBar):
    """A status bar whose message ends in "…" when it is wider than the room beside the
    permanent widgets (the task progress, the article count); the whole line is its tooltip.
    :meth:`currentMessage` stays the whole line."""

    MARGIN = 8  # pixels between the message and the bar's ends or its widgets

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self.setToolTip)
        #: called once, in the turn of the event loop after the bar's first paint (the
        #: window's first paint: the bar is painted with it)
        self.after_first_paint: Callable[[], None] | None = None

    def message_room(self) -> QRect:
        """Where the message may be drawn: left of the first permanent widget shown."""
        right = self.width() - self.MARGIN
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and child.x() > self.MARGIN:
                right = min(right, child.x() - self.MARGIN)
        return QRect(self.MARGIN, 0, max(0, right - self.MARGIN), self.height())

    def shown_message(self) -> str:
        """The message as drawn: whole, or cut with an ellipsis to fit."""
        room = self.message_room()
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, room.width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.after_first_paint is not None:
            QTimer.singleShot(0, self.after_first_paint)  # once this paint is done
            self.after_first_paint = None
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_room(),
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
            self.shown_message(),
        )
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.update()


class MainWindow(QMainWindow, HasContext):
    """Fieldreader's window. Build it through :func:`reader.app.build_main_window`.

    Its controllers are attributes named as in :class:`Controllers` (``window.imports``,
    ``window.safety``, ...), given by :meth:`attach`; the parts of its context are its
    attributes too (``window.library``, ``window.tasks``, ...); its own menu entries are
    :attr:`menu_actions`; :attr:`watcher` notices other programs' changes to the library.
    """

    menu_actions: MenuActions
    watcher: LibraryWatcher
    help: HelpController
    #: The View menu (the interface-language choice joins it) and that choice.
    view_menu: QMenu
    language: LanguageController

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
        self.kept_layouts: list[KeptLayout] = []  # what the views replaced, newest last
        self._layout_restored = False  # a layout is in place (saved, or the first start's)
        self._check_restored = False  # a saved one was restored: see it is whole when shown
        # styled before the panes come in: each is polished under the sheet once, not again
        theme = theme_named(ctx.preferences.theme)
        self._style(theme)

        self.reader = panes.reader
        self.setCentralWidget(panes.reader)
        self.library_pane, self.entity_pane = panes.library, panes.entities
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.library_dock = self._dock(self.tr("Library"), "libraryDock", panes.library, left)
        self.entity_dock = self._dock(self.tr("Entities"), "entitiesDock", panes.entities, right)
        self.notes_dock = self._dock(self.tr("Notes"), "notesDock", None, right)
        self.tabifyDockWidget(self.entity_dock, self.notes_dock)
        self.on_demand_notes = OnDemandNotes(self.notes_dock, theme, self)
        self.entity_dock.raise_()
        beside = Qt.Orientation.Horizontal  # the comparison goes beside the library, not below
        self.compare_dock = self._dock(self.tr("Compare"), "compareDock", None, left, beside)
        self.compare_dock.hide()
        self.on_demand_compare = OnDemandCompare(
            self.compare_dock, panes.reader.selected_span, self
        )
        self.on_demand_compare.on_built.append(lambda pane: pane.set_theme(self.reader.theme))

        #: True: the readable boxes and expanders join once the first paint is done (see
        #: :mod:`reader.ui.common.theme`); False: only when :meth:`bring_readable_style` asks
        #: (a picture does, before it is taken, if it shows any)
        self.readable_style_after_paint = True
        bar = ElidingStatusBar(self)
        bar.after_first_paint = self._after_first_paint
        self.setStatusBar(bar)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(ctx.progress)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(False)
        ctx.messages.shown.connect(self.statusBar().showMessage)
        self._first_state = self.saveState()  # every dock where it starts

    def _dock(
        self,
        title: str,
        name: str,
        pane: QWidget | None,
        area: Qt.DockWidgetArea,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if pane is not None:  # the notes' and the comparison's come on first use
            dock.setWidget(pane)
        dock.setFeatures(DOCK_FEATURES)
        self.addDockWidget(area, dock, orientation)
        return dock

    def attach(self, controllers: Controllers) -> None:
        """Take the controllers (built over this window) as attributes of the same name."""
        self.imports, self.entities = controllers.imports, controllers.entities
        self.notes, self.transfers = controllers.notes, controllers.transfers
        self.sources, self.safety = controllers.sources, controllers.safety
        self.manage = controllers.manage
        self.privacy, self.packs = controllers.privacy, controllers.packs

    # -- the notes pane and the comparison, built on first use ------------------------
    def ensure_notes(self) -> NotesPane:
        """The notes pane, built now if need be."""
        return self.on_demand_notes.ensure()

    @property
    def notes_pane(self) -> NotesPane:
        """The notes pane (asking for it builds it)."""
        return self.ensure_notes()

    def ensure_compare(self) -> tuple[ComparePane, CompareController]:
        """The Compare pane and its controller, built now if need be."""
        return self.on_demand_compare.ensure()

    @property
    def compare(self) -> CompareController:
        """The comparison's controller (asking for it builds the comparison)."""
        return self.ensure_compare()[1]

    @property
    def compare_pane(self) -> ComparePane:
        """The Compare pane (asking for it builds the comparison)."""
        return self.ensure_compare()[0]

    # -- what the window shows ---------------------------------------------------------
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
        self.on_demand_notes.flush()
        self.reader.save_position()

    @Slot()
    def on_restore_started(self) -> None:
        self.setEnabled(False)  # nothing may touch the library while it is replaced
        self.ctx.messages.status(self.tr(RESTORING), 0)

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
        self._style(theme)
        for pane in (self.reader, self.entity_pane, self.on_demand_notes):
            pane.set_theme(theme)
        if self.on_demand_compare.pane is not None:
            self.on_demand_compare.pane.set_theme(theme)
        self.ctx.preferences.theme = theme.name
        self.menu_actions.themes[theme.name].setChecked(True)
        self.help.set_theme(theme)

    def _style(self, theme: Theme) -> None:
        """The application's style and palette and the window's stylesheet in ``theme``,
        each set only when it changes."""
        style_application(theme)
        sheet = window_stylesheet(self.stylesheet_template, theme)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    @property
    def theme_name(self) -> str:
        return self.reader.theme.name

    @Slot()
    def show_about(self) -> AboutDialog:
        """Help › About: the version, the library's path and the licences."""
        return self.help.show_about()

    # -- layout ------------------------------------------------------------------------
    def available_size(self) -> QSize:
        """The size of the screen the window is on, without panels and docks."""
        screen = self.screen()
        return screen.availableGeometry().size() if screen is not None else QSize(1400, 900)

    def restore_layout(self) -> bool:
        """Put the window and its docks back as the user left them; a first start (nothing
        saved) or a saved window larger than the screen gets the first-start layout. True
        when the saved layout was restored (it is checked again once shown)."""
        geometry, state = self.ctx.preferences.window_layout()
        if geometry is not None and state is not None and fits_on(geometry, self.available_size()):
            if self.restoreGeometry(geometry) and self.restoreState(state):
                self._layout_restored = self._check_restored = True
                return True
        self.reset_layout()
        return False

    def reset_layout(self, available: QSize | None = None) -> None:
        """The first-start layout (View › Reset Layout): the window sized from the screen
        (``available``, default the one it is on) and centred on it, every dock where it
        starts, the side docks sized from the window's width."""
        available = available if available is not None else self.available_size()
        self.kept_layouts.clear()
        self.restoreState(self._first_state)
        self.compare_dock.hide()
        if self.isMaximized() or self.isFullScreen():
            self.showNormal()
        size = first_start_size(available)
        self.resize(size)
        screen = self.screen()
        if screen is not None and available == screen.availableGeometry().size():
            frame = QRect(screen.availableGeometry().topLeft(), available)
            self.move(frame.center() - QRect(0, 0, size.width(), size.height()).center())
        self._check_restored = False
        self._layout_restored = self.isVisible()
        if self.isVisible():  # else when it is shown
            first_start_sizes(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.readable_style_after_paint:  # at the latest, should the bar not be painted
            QTimer.singleShot(READABLE_STYLE_LATEST_MS, self._after_first_paint)
        if not self._layout_restored:  # first start: give the side docks their widths
            self._layout_restored = True
            first_start_sizes(self)
        elif self._check_restored:  # once laid out: a layout that crushes a pane goes
            self._check_restored = False
            QTimer.singleShot(0, self._discard_if_crushed)

    def _after_first_paint(self) -> None:
        if self.readable_style_after_paint:
            self.bring_readable_style(now=True)

    def bring_readable_style(self, *, now: bool = False) -> bool:
        """Put the readable boxes and expanders in place (:func:`use_readable_style`): now,
        or only if the next paint shows an expander that only it draws (an entity tree
        with groups to open whose images could not be made); whether they are in place."""
        if now or self.entity_pane.expanders_need_style():
            return use_readable_style() is not None
        return False

    def _discard_if_crushed(self) -> None:
        if self.isVisible() and crushed(self):
            self.reset_layout()

    def layout_state(self) -> QByteArray:
        """The dock layout worth saving: the one the views (Compare, notes...) replaced."""
        return base_layout(self)

    def save_layout(self) -> None:
        self.ctx.preferences.save_window_layout(self.saveGeometry(), self.layout_state())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.watcher.stop()  # a closed window shows nothing more
        self.flush_edits()
        if self.persist_layout:
            self.save_layout()
        self.ctx.preferences.sync()
        super().closeEvent(event)
