"""Qt models over the sources that fetch: the Read Later queue and the feed subscriptions.

Both are small tables read from the library (:mod:`reader.library.sources`) on the GUI
thread; :meth:`~SourceTableModel.reload` reads them again after a task changed them. They
hold the rows' dataclasses (a queue or a list of subscriptions stays short) and show them;
the ids of chosen rows come back through :data:`SOURCE_ID_ROLE`. :class:`FeedsModel` also
remembers how many new articles each feed brought at its latest refresh in this session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from reader.library import Library
from reader.ui.common.roles import PANE_ROLES, Index
from reader.ui.common.text import format_moment

if TYPE_CHECKING:  # the subscriptions' store is read when a list is first loaded
    from reader.library.sources import Feed, QueuedUrl

SOURCE_ID_ROLE = PANE_ROLES + 1


def _tags_line(context: str, tags: Sequence[str]) -> str:
    """A tooltip's last line naming ``tags`` (after a line break), or "" for none."""
    if not tags:
        return ""
    if context == "QueueModel":
        line = QCoreApplication.translate("QueueModel", "Tags: {0}")
    else:
        line = QCoreApplication.translate("FeedsModel", "Tags: {0}")
    return "\n" + line.format(", ".join(tags))


def _muted() -> Any:
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _warning_icon() -> Any:
    style = QApplication.style() if QApplication.instance() is not None else None
    return None if style is None else style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class SourceTableModel(QAbstractTableModel):
    """A read-only table of rows with an ``id``; subclasses say how to load and show them."""

    COLUMNS: tuple[object, ...] = ()  # marked with QT_TRANSLATE_NOOP under the class name

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.rows: list[Any] = []
        self.reload()

    def _load(self) -> list[Any]:
        """The rows to show; each subclass reads its own (the base shows none)."""
        return []

    def reload(self) -> None:
        """Read the rows from the library again."""
        self.beginResetModel()
        self.rows = self._load()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return QCoreApplication.translate(type(self).__name__, str(self.COLUMNS[section]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def id_at(self, row: int) -> int | None:
        return int(self.rows[row].id) if 0 <= row < len(self.rows) else None

    def ids(self) -> list[int]:
        return [int(r.id) for r in self.rows]

    def row_of(self, source_id: int) -> int | None:
        for row, item in enumerate(self.rows):
            if item.id == source_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        item = self.rows[index.row()]
        if role == SOURCE_ID_ROLE:
            return int(item.id)
        return self._data(item, index.column(), role)

    def _data(self, item: Any, column: int, role: int) -> Any:
        """What a cell shows; each subclass formats its own rows."""
        return None


class QueueModel(SourceTableModel):
    """The Read Later queue: URL, Added, Attempts, Last error (oldest first)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("QueueModel", "URL"),
        QT_TRANSLATE_NOOP("QueueModel", "Added"),
        QT_TRANSLATE_NOOP("QueueModel", "Attempts"),
        QT_TRANSLATE_NOOP("QueueModel", "Last error"),
    )

    def _load(self) -> list[QueuedUrl]:
        from reader.library import sources as store

        return store.queue(self.library)

    def _data(self, item: QueuedUrl, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.url
            if column == 1:
                return format_moment(item.added)
            if column == 2:
                return item.attempts
            if item.last_error or item.attempts:
                return item.last_error
            return QCoreApplication.translate("QueueModel", "not tried yet")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return item.url + _tags_line("QueueModel", item.tags)
            if column == 3 and item.last_error:
                tried = QCoreApplication.translate("QueueModel", "Last tried {0}")
                return f"{item.last_error}\n" + tried.format(format_moment(item.last_attempt))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not item.last_error:
            return _muted()
        if role == Qt.ItemDataRole.DecorationRole and column == 3 and item.last_error:
            return _warning_icon()
        return None


class FeedsModel(SourceTableModel):
    """The subscriptions: Title, URL, Last fetched, New, Last error (oldest first)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("FeedsModel", "Title"),
        QT_TRANSLATE_NOOP("FeedsModel", "URL"),
        QT_TRANSLATE_NOOP("FeedsModel", "Last fetched"),
        QT_TRANSLATE_NOOP("FeedsModel", "New"),
        QT_TRANSLATE_NOOP("FeedsModel", "Last error"),
    )

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        #: Feed id -> new articles at its latest refresh in this session.
        self.new_counts: dict[int, int] = {}
        super().__init__(library, parent)

    def _load(self) -> list[Feed]:
        from reader.library import sources as store

        return store.feeds(self.library)

    def set_new_counts(self, counts: dict[int, int]) -> None:
        """Remember the new articles of the feeds just refreshed (others keep theirs)."""
        self.new_counts.update(counts)
        if self.rows:
            column = self.COLUMNS.index("New")
            last = len(self.rows) - 1
            self.dataChanged.emit(self.index(0, column), self.index(last, column))

    def _data(self, item: Feed, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.title or QCoreApplication.translate("FeedsModel", "Not fetched yet")
            if column == 1:
                return item.url
            if column == 2:
                fetched = format_moment(item.last_fetched)
                return fetched or QCoreApplication.translate("FeedsModel", "never")
            if column == 3:
                new = self.new_counts.get(item.id)
                return "" if new is None else new
            return item.last_error or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (0, 1):
                title = item.title or QCoreApplication.translate("FeedsModel", "Not fetched yet")
                site = ""
                if item.site_url:
                    site = "\n" + QCoreApplication.translate("FeedsModel", "Site: {0}")
                    site = site.format(item.site_url)
                return f"{title}\n{item.url}{site}" + _tags_line("FeedsModel", item.tags)
            if column == 3:
                return QCoreApplication.translate(
                    "FeedsModel",
                    "New articles at the latest refresh; {0} entries taken from this feed in all",
                ).format(item.entries_seen)
            if column == 4 and item.last_error:
                return item.last_error
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setItalic(not item.title)
            font.setBold(bool(self.new_counts.get(item.id)))
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (
            (column == 0 and not item.title) or (column == 2 and not item.last_fetched)
        ):
            return _muted()
        if role == Qt.ItemDataRole.DecorationRole and column == 4 and item.last_error:
            return _warning_icon()
        return None
