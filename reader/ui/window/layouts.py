"""Where the window's docks go: the first start, the views, the compare layout.

The reader is the central widget; the library dock sits on the left, the entities and the
notes are tabbed on the right, the comparison (hidden at first) goes wide on the left.
:func:`first_start_sizes` gives the side docks sensible widths when no saved layout was
restored; :func:`apply_view` arranges the docks for one of :data:`VIEWS` (``library``,
``reader``, ``notes``, ``compare``); :func:`set_compare_layout` turns the compare layout on
(the grid wide on the left, the reader beside it) or off; :func:`show_dock` brings a dock
forward. They work on any window with the four docks (:class:`DockedWindow`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

VIEWS = ("library", "reader", "notes", "compare")
DOCK_WIDTH = 540  # the library's, at most, on a first start; about a third of the window below
ENTITY_DOCK_WIDTH = 320  # at most, on a first start
NOTES_DOCK_WIDTH = 560  # the notes view's dock, at most
COMPARE_DOCK_WIDTH = 940  # at most


class DockedWindow(Protocol):
    """A main window with the library, entity, notes and compare docks."""

    library_dock: QDockWidget
    entity_dock: QDockWidget
    notes_dock: QDockWidget
    compare_dock: QDockWidget

    def width(self) -> int: ...

    def resizeDocks(  # noqa: N802 (Qt's name)
        self,
        docks: Sequence[QDockWidget],
        sizes: Sequence[int],
        orientation: Qt.Orientation,
    ) -> None: ...


def _share(window: DockedWindow, fraction: float, low: int, high: int) -> int:
    """``fraction`` of the window's width, but at least ``low`` and at most ``high``."""
    return min(high, max(low, int(window.width() * fraction)))


def show_dock(dock: QDockWidget) -> None:
    """Show ``dock`` and bring it to the front of its tabs."""
    dock.show()
    dock.raise_()


def first_start_sizes(window: DockedWindow) -> None:
    """Give the library and the entities sensible widths (no saved layout was restored)."""
    window.resizeDocks(
        [window.library_dock, window.entity_dock],
        [_share(window, 0.31, 300, DOCK_WIDTH), _share(window, 0.215, 220, ENTITY_DOCK_WIDTH)],
        Qt.Orientation.Horizontal,
    )


def apply_view(window: DockedWindow, view: str) -> None:
    """``library``: the docks and the reader; ``reader``: the reader fills the window;
    ``notes``: the reader and the notes pane (with the editor) beside it; ``compare``: the
    comparison of two cases, wide, with the reader beside it."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    window.library_dock.setVisible(view == "library")
    window.entity_dock.setVisible(view in ("library", "notes"))
    window.notes_dock.setVisible(view in ("library", "notes"))
    if view == "notes":
        window.notes_dock.raise_()
        width = _share(window, 0.4, 360, NOTES_DOCK_WIDTH)
        window.resizeDocks([window.notes_dock], [width], Qt.Orientation.Horizontal)
    if view == "compare":
        set_compare_layout(window, True)
    else:
        window.compare_dock.setVisible(False)


def set_compare_layout(window: DockedWindow, on: bool) -> None:
    """The compare layout: the grid wide on the left and the reader beside it (or back)."""
    side_docks = (window.library_dock, window.entity_dock, window.notes_dock)
    if on:
        for dock in side_docks:
            dock.hide()
        show_dock(window.compare_dock)
        width = _share(window, 0.68, 560, COMPARE_DOCK_WIDTH)
        window.resizeDocks([window.compare_dock], [width], Qt.Orientation.Horizontal)
    else:
        window.compare_dock.hide()
        for dock in side_docks:
            dock.show()
        window.entity_dock.raise_()
