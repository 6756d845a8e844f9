"""Where the window's docks go: the first start, the views, the compare layout, going back.

The reader is the central widget; the library dock sits on the left, the entities and the
notes are tabbed on the right, the comparison (hidden at first) goes wide on the left.
:func:`first_start_size` sizes the window from the screen's available size (80% of it, at
least what shows every pane comfortably, never more than the screen) and
:func:`first_start_sizes` gives the side docks their widths from the window's, when no saved
layout was restored; :func:`apply_view` arranges the docks for one of the views
(:data:`reader.services.views.VIEWS`, which the command line offers too: ``library``,
``reader``, ``notes``, ``compare``); :func:`set_compare_layout` turns the compare layout on
(the grid wide on the left, the reader beside it) or off; :func:`show_dock` brings a dock
forward. They work on any window with the four docks (:class:`DockedWindow`), whose
comparison is built when the compare layout first turns on, and its notes pane when the
notes view first does.

Going back: a view other than ``library`` first keeps the window's ``saveState`` (on the
window's :attr:`DockedWindow.kept_layouts`, newest last); leaving it (Compare off, or the
``library`` view) restores exactly that state, never a hand-made resize. :func:`base_layout`
is the layout the views replaced (what is worth saving when the window closes), and
:func:`crushed` says whether a layout hides or squeezes a pane so much that it should be
thrown away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.services.views import VIEWS, View

SCREEN_SHARE = 0.8  # of the available screen, on a first start
COMFORTABLE_SIZE = (1340, 640)  # what shows the library, the reader and the entities well
LIBRARY_SHARE, LIBRARY_WIDTH = 0.42, (380, 640)  # of the window; at least, at most
ENTITY_SHARE, ENTITY_WIDTH = 0.2, (250, 340)
NOTES_DOCK_WIDTH = 560  # the notes view's dock, at most
COMPARE_DOCK_WIDTH = 940  # at most
READER_SHARE = 0.38  # of the window, at least, on a first start (small screens)
MIN_READER_WIDTH = 320  # a saved layout with a narrower reader is discarded
MIN_DOCK_SIZE = (120, 120)  # a shown, docked pane smaller than this is crushed

KeptLayout = tuple[View, QByteArray]


class DockedWindow(Protocol):
    """A main window with the library, entity, notes and compare docks, that keeps the
    layouts its views replaced."""

    library_dock: QDockWidget
    entity_dock: QDockWidget
    notes_dock: QDockWidget
    compare_dock: QDockWidget
    kept_layouts: list[KeptLayout]

    def ensure_compare(self) -> object: ...  # the comparison is built on first use

    def ensure_notes(self) -> object: ...  # and the notes pane

    def width(self) -> int: ...

    def centralWidget(self) -> QWidget: ...  # noqa: N802 (Qt's name)

    def saveState(self, version: int = 0) -> QByteArray: ...  # noqa: N802 (Qt's name)

    def restoreState(  # noqa: N802 (Qt's name)
        self, state: QByteArray | bytes | bytearray | memoryview, version: int = 0
    ) -> bool: ...

    def resizeDocks(  # noqa: N802 (Qt's name)
        self,
        docks: Sequence[QDockWidget],
        sizes: Sequence[int],
        orientation: Qt.Orientation,
    ) -> None: ...


def check_view(view: str) -> View:
    """``view`` as a :class:`~reader.services.views.View`; ``ValueError`` if it is none."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    return View(view)


def _share(window: DockedWindow, fraction: float, low: int, high: int) -> int:
    """``fraction`` of the window's width, but at least ``low`` and at most ``high``."""
    return min(high, max(low, int(window.width() * fraction)))


def show_dock(dock: QDockWidget) -> None:
    """Show ``dock`` and bring it to the front of its tabs."""
    dock.show()
    dock.raise_()


def first_start_size(available: QSize) -> QSize:
    """The window's size on a first start on a screen of ``available`` size: 80% of it, at
    least :data:`COMFORTABLE_SIZE`, never more than the screen."""
    sides = []
    for have, comfortable in zip(
        (available.width(), available.height()), COMFORTABLE_SIZE, strict=True
    ):
        sides.append(min(have, max(int(have * SCREEN_SHARE), comfortable)))
    return QSize(*sides)


def first_start_sizes(window: DockedWindow) -> None:
    """Give the library and the entities widths from the window's (no saved layout was
    restored): the library about two fifths, the entities a fifth, the reader the rest
    (on a small screen both give way, so the reader keeps :data:`READER_SHARE`)."""
    library = _share(window, LIBRARY_SHARE, *LIBRARY_WIDTH)
    entities = _share(window, ENTITY_SHARE, *ENTITY_WIDTH)
    room = window.width() - max(int(window.width() * READER_SHARE), MIN_READER_WIDTH + 40)
    if library + entities > room:
        total = library + entities
        library, entities = room * library // total, room * entities // total
    window.resizeDocks(
        [window.library_dock, window.entity_dock],
        [library, entities],
        Qt.Orientation.Horizontal,
    )


def _keep_layout(window: DockedWindow, view: View) -> None:
    """Keep the layout ``view`` replaces (not again while ``view`` is already shown)."""
    if window.kept_layouts and window.kept_layouts[-1][0] == view:
        return
    window.kept_layouts.append((view, window.saveState()))


def _bring_back(window: DockedWindow, view: View | None = None) -> bool:
    """Restore the layout that ``view`` replaced (``None``: the one the first view
    replaced), forgetting it and every layout kept after it; False if none was kept."""
    kept = window.kept_layouts
    where = next((i for i in range(len(kept) - 1, -1, -1) if kept[i][0] == view), None)
    if view is None:
        where = 0 if kept else None
    if where is None:
        return False
    state = kept[where][1]
    del kept[where:]
    return window.restoreState(state)


def base_layout(window: DockedWindow) -> QByteArray:
    """The layout the views replaced (the window's own if no view replaced it)."""
    return window.kept_layouts[0][1] if window.kept_layouts else window.saveState()


def apply_view(window: DockedWindow, view: str) -> None:
    """``library``: the docks and the reader (the layout the other views replaced, if they
    did); ``reader``: the reader fills the window; ``notes``: the reader and the notes pane
    (with the editor) beside it; ``compare``: the comparison of two cases, wide, with the
    reader beside it."""
    view = check_view(view)
    if view == View.LIBRARY and _bring_back(window):
        window.compare_dock.setVisible(False)
        window.library_dock.setVisible(True)
        return
    if view != View.LIBRARY:
        _keep_layout(window, view)
    window.library_dock.setVisible(view == View.LIBRARY)
    window.entity_dock.setVisible(view in (View.LIBRARY, View.NOTES))
    window.notes_dock.setVisible(view in (View.LIBRARY, View.NOTES))
    if view == View.NOTES:
        window.ensure_notes()  # before its dock is sized, so it is laid out with its pane
        window.notes_dock.raise_()
        width = _share(window, 0.4, 360, NOTES_DOCK_WIDTH)
        window.resizeDocks([window.notes_dock], [width], Qt.Orientation.Horizontal)
    if view == View.COMPARE:
        set_compare_layout(window, True)
    else:
        window.compare_dock.setVisible(False)


def set_compare_layout(window: DockedWindow, on: bool) -> None:
    """The compare layout: the grid wide on the left and the reader beside it; off: the
    layout it replaced, exactly."""
    side_docks = (window.library_dock, window.entity_dock, window.notes_dock)
    if on:
        window.ensure_compare()  # before the dock shows, so it is laid out with its pane
        _keep_layout(window, View.COMPARE)
        for dock in side_docks:
            dock.hide()
        show_dock(window.compare_dock)
        width = _share(window, 0.68, 560, COMPARE_DOCK_WIDTH)
        window.resizeDocks([window.compare_dock], [width], Qt.Orientation.Horizontal)
        return
    window.compare_dock.hide()
    if _bring_back(window, View.COMPARE):
        window.compare_dock.hide()
        return
    for dock in side_docks:  # nothing was kept (the compare dock was shown by hand)
        dock.show()
    window.entity_dock.raise_()


def library_pane_shown(window: DockedWindow, checked: bool) -> None:
    """View › Library Pane turned on while the notes or reader view is shown: that leaves the
    view, giving back the layout it replaced (the library where it was, every dock its width)
    rather than squeezing the library in beside the view's docks."""
    if checked and window.kept_layouts and window.kept_layouts[-1][0] in (View.NOTES, View.READER):
        apply_view(window, View.LIBRARY)


def compare_dock_closed(window: DockedWindow, visible: bool) -> None:
    """The Compare dock went away by its own ✕ (hidden, not merely tabbed behind another
    dock or with the window minimised): give back the layout Compare replaced, as View ›
    Compare Cases does."""
    if visible or not window.compare_dock.isHidden():
        return
    if any(view == View.COMPARE for view, _state in window.kept_layouts):
        set_compare_layout(window, False)


def crushed(window: DockedWindow) -> bool:
    """Whether the window's layout hides or squeezes a pane: the reader narrower than
    :data:`MIN_READER_WIDTH`, or a shown, docked pane smaller than :data:`MIN_DOCK_SIZE`."""
    reader = window.centralWidget()
    if reader.isVisible() and reader.width() < MIN_READER_WIDTH:
        return True
    for dock in (window.library_dock, window.entity_dock, window.notes_dock, window.compare_dock):
        if dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty():
            if dock.width() < MIN_DOCK_SIZE[0] or dock.height() < MIN_DOCK_SIZE[1]:
                return True
    return False
