"""The comparison, built the first time it is needed rather than when the window starts.

The Compare pane reads the shipped codebooks (a few hundred regular expressions) and pulls in
the framing and comparison services; the first window shows none of it. So the window starts
with an empty, hidden Compare dock, and an :class:`OnDemandCompare` builds the
:class:`~reader.ui.compare.pane.ComparePane` and its
:class:`~reader.ui.compare.controller.CompareController` (through the builder
:func:`reader.app.build_main_window` gives it) on first use: the dock shown (View › Compare
Cases, the ``compare`` view, a restored layout), the reader's context menu over a selection
(its "Code Selection to" entries), or anyone asking the window for ``compare`` or
``compare_pane``.

Until then the Edit menu holds :func:`stand_in_actions`: the controller's Undo and Redo
entries as a controller with nothing reviewed shows them (same words, same shortcuts, same
object names, disabled); once built, the controller's own actions take their places in the
menu (:meth:`OnDemandCompare.swap_into`), so the menu is the same before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

if TYPE_CHECKING:
    from reader.ui.compare.controller import CompareController
    from reader.ui.compare.pane import ComparePane

#: The context of the controller's own strings (the stand-ins say the same, translated alike).
CONTROLLER_CONTEXT = "CompareController"
UNDO_TEXT, REDO_TEXT = "&Undo Review", "&Redo Review"

#: Builds the pane and its controller over the window.
CompareBuilder = Callable[[], tuple["ComparePane", "CompareController"]]


def stand_in_actions(parent: QObject) -> list[QAction]:
    """Edit › Undo Review and Redo Review as the controller makes them before any review
    (disabled: there is nothing to undo before the comparison exists)."""
    undo = QAction(QCoreApplication.translate(CONTROLLER_CONTEXT, UNDO_TEXT), parent)
    undo.setObjectName("compareUndo")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = QAction(QCoreApplication.translate(CONTROLLER_CONTEXT, REDO_TEXT), parent)
    redo.setObjectName("compareRedo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action in (undo, redo):
        action.setEnabled(False)
    return [undo, redo]


class OnDemandCompare(QObject):
    """Builds the comparison into ``dock`` on first use and keeps it.

    Signals:
        built(): the pane and the controller exist now (once).
    """

    built = Signal()

    def __init__(
        self,
        dock: QDockWidget,
        selected_span: Callable[[], tuple[int, int] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dock = dock
        self.selected_span = selected_span  # the reader's selection, as article offsets
        self.builder: CompareBuilder | None = None
        self.pane: ComparePane | None = None
        self.controller: CompareController | None = None
        #: What the Edit menu shows for the comparison (the stand-ins until it is built).
        self.actions: list[QAction] = stand_in_actions(self)
        #: Called with the pane once built (the window gives it its theme).
        self.on_built: list[Callable[[ComparePane], object]] = []

    @property
    def is_built(self) -> bool:
        return self.controller is not None

    def ensure(self) -> tuple[ComparePane, CompareController]:
        """The pane and its controller, built now if they were not yet."""
        if self.pane is None or self.controller is None:
            if self.builder is None:
                raise RuntimeError("the window was given no way to build the comparison")
            self.pane, self.controller = self.builder()
            self.dock.setWidget(self.pane)
            for step in self.on_built:
                step(self.pane)
            self.built.emit()
        return self.pane, self.controller

    def swap_into(self, menu: QMenu) -> None:
        """Put the controller's own Undo and Redo where the stand-ins are in ``menu``."""
        if self.controller is None:
            return
        real = list(self.controller.actions)
        shown = [stand_in for stand_in in self.actions if stand_in in menu.actions()]
        if shown:
            for action in real:
                menu.insertAction(shown[0], action)
            for stand_in in shown:
                menu.removeAction(stand_in)
        for stand_in in self.actions:
            stand_in.deleteLater()
        self.actions = real

    def on_visibility_changed(self, visible: bool) -> None:
        """The dock was shown (build the pane if need be) or hidden; the controller hears it."""
        if visible:
            self.ensure()
        if self.controller is not None:
            self.controller.on_visibility_changed(visible)

    def extend_reader_menu(self, menu: QMenu) -> None:
        """The reader's context menu: "Code Selection to" when article text is selected
        (building the comparison, whose codebook names the entries)."""
        if self.selected_span() is None:
            return
        self.ensure()[1].extend_reader_menu(menu)
