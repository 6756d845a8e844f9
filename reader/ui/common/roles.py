"""The item-data roles and index type every pane's Qt models share.

A row that stands for an article answers :data:`ARTICLE_ID_ROLE` with the article's id, a row
that stands for a note answers :data:`NOTE_ID_ROLE`, in whichever pane it is listed (the
library's table and search results, the entity sidebar's mentioning articles, the notes list,
the comparison's article pickers). A pane's own roles live with its models and start at
:data:`PANE_ROLES` so they never meet these. :class:`ItemListModel` is the flat list model
they build on: it answers Qt's questions from a subclass's items; :class:`TwoLevelModel` the
tree of groups and their members (the entity sidebar's types, the comparison's dimensions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

#: The id of the article a row stands for (or is attached to), else None.
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The id of the note a row stands for, else None.
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 5
#: Roles of one pane's own models are numbered from here.
PANE_ROLES = Qt.ItemDataRole.UserRole + 20

#: What a model's methods are given as an index.
Index = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """A flat list over items a subclass keeps: it gives them in order (:meth:`rows`) and
    says what a role of one is (:meth:`item_data`); Qt's row count and data follow. An item
    may stand for more (a note's id for the note): then :meth:`item` says which.

    A subclass defines ``rows() -> Sequence[Any]`` and
    ``item_data(item, row: int, role: int) -> Any`` (Qt's metaclass rules out ``abc``).
    """

    rows: Callable[[], Sequence[Any]]
    item_data: Callable[[Any, int, int], Any]

    def item(self, row: int) -> Any:
        """What is at ``row`` (``None`` outside the list)."""
        rows = self.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        return None if item is None else self.item_data(item, index.row(), role)


class TwoLevelModel(QAbstractItemModel):
    """A tree two levels deep: groups at the top, their members below. A group's index has
    the internal id 0 and a member's its group's row + 1, so :meth:`index` and
    :meth:`parent` need nothing else; a subclass counts rows and gives the data."""

    @staticmethod
    def is_group(index: Index) -> bool:
        """Whether ``index`` (a valid one) is a group's row, not a member's."""
        return index.internalId() == 0

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return QObject.parent(self)
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)
