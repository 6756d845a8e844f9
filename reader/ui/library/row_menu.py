"""The context menu of the library table's rows: its entries, and building and opening it.

What can be done to the chosen articles is not the pane's: a controller
(:class:`~reader.ui.library.manage.ManageController`) hands the entries to the pane, which
keeps them here (:meth:`RowMenu.set_actions`); those with a shortcut are put on the table
too, so that Delete works while the table has the focus. :class:`RowMenu` builds the menu
for a right click (a row clicked outside the chosen ones is chosen alone first) and for
the keyboard: the Menu key and Shift+F10 open it for the current row, below its left end,
never for the row under the mouse. The menu is shown through the pane's ``popup`` (which
tests replace to look at it instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

if TYPE_CHECKING:
    from reader.ui.library.pane import LibraryPane


class RowMenu(QObject):
    """The rows' context menu of ``pane``'s table (made by the pane once its table exists).

    :attr:`actions` are its entries (``None``: a separator), :attr:`default` the one shown
    in bold.
    """

    def __init__(self, pane: LibraryPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._table = table = pane.table
        self.actions: list[QAction | None] = []
        self.default: QAction | None = None
        table.customContextMenuRequested.connect(self.show_at)
        table.installEventFilter(self)  # the Menu key's menu: the current row's
        menu_keys = QShortcut(QKeySequence("Shift+F10"), table)  # Qt sends no event
        menu_keys.setContext(Qt.ShortcutContext.WidgetShortcut)
        menu_keys.activated.connect(self.show_for_current_row)

    def set_actions(
        self, actions: Sequence[QAction | None], default: QAction | None = None
    ) -> None:
        """The menu's entries (``None``: a separator), ``default`` shown in bold. Those with
        a shortcut are added to the table too, so that a shortcut the action keeps to the
        table (Delete, with ``WidgetWithChildrenShortcut``) works while it has the focus."""
        for action in self.actions:
            if action is not None:
                self._table.removeAction(action)
        self.actions = list(actions)
        self.default = default
        for action in self.actions:
            if action is not None and not action.shortcut().isEmpty():
                self._table.addAction(action)

    @Slot(QPoint)
    def show_at(self, pos: QPoint) -> QMenu | None:
        """Open the menu (:meth:`menu_at`) at ``pos`` in the table's viewport, without
        waiting for it; the menu, or ``None``."""
        menu = self.menu_at(pos)
        if menu is not None:
            self._pane.popup(menu, self._table.viewport().mapToGlobal(pos))
        return menu

    @Slot()
    def show_for_current_row(self) -> QMenu | None:
        """Open the menu for the current row, below its left end (what the Menu key and
        Shift+F10 ask for); the menu, or ``None``."""
        table = self._table
        index = table.currentIndex()
        if not index.isValid() or QApplication.activePopupWidget() is not None:
            return None  # no row, or a menu is open already (a key can ask twice)
        rect = table.visualRect(index.siblingAtColumn(0))
        table.scrollTo(index)
        pos = QPoint(rect.left() + 8, rect.center().y())
        menu = self.menu_at(pos)
        if menu is not None:
            self._pane.popup(menu, table.viewport().mapToGlobal(pos))
        return menu

    def menu_at(self, pos: QPoint) -> QMenu | None:
        """The menu for a click at ``pos`` (in the table's viewport): a row clicked outside
        the chosen ones is chosen alone first. ``None`` when there is no row there or
        nothing to offer."""
        table = self._table
        index = table.indexAt(pos)
        if not index.isValid() or not self.actions:
            return None
        if not table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            table.selectionModel().setCurrentIndex(index, flags)
        menu = QMenu(self._pane)
        menu.setObjectName("libraryRowMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.default is not None:
            menu.setDefaultAction(self.default)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A context menu asked for from the keyboard (the Menu key) opens for the current
        row: the event's position is the table's, not the viewport's."""
        if (
            watched is self._table
            and isinstance(event, QContextMenuEvent)
            and event.reason() != QContextMenuEvent.Reason.Mouse
        ):
            self.show_for_current_row()
            return True
        return super().eventFilter(watched, event)
