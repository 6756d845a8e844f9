"""Qt models over the library: the article table, the tag filter and search results.

Search results include notes (marked "Note" in their meta line, with the note's id in
:data:`~reader.ui.common.roles.NOTE_ID_ROLE` and its article, if any, in
:data:`~reader.ui.common.roles.ARTICLE_ID_ROLE`); the model shows what a search found
(:class:`~reader.ui.library.search.SearchFound`), which the pane has looked for on a worker
thread.

The models hold ids and fetch what a view asks for. :class:`ArticleTableModel` keeps only
the ordered ids of the current filter and loads summaries a page at a time into a cache
when a row is first shown (in the manner of Anki's browser table), so a library of tens
of thousands of articles opens as fast as one of ten.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt

from reader.library import ArticleSummary, Library, SearchHit
from reader.ui.common.roles import (
    ARTICLE_ID_ROLE,
    NOTE_ID_ROLE,
    PANE_ROLES,
    Index,
    ItemListModel,
)
from reader.ui.common.text import format_date
from reader.ui.library.search import LIMIT, SearchFound, article_of, find_hits

TAG_ROLE = PANE_ROLES + 1
SNIPPET_ROLE = PANE_ROLES + 2
META_ROLE = PANE_ROLES + 3

PAGE_SIZE = 200


class ArticleTableModel(QAbstractTableModel):
    """The library list: Title, Source, Date, Tags; filtered by tag, sorted by the library."""

    COLUMNS = ("Title", "Source", "Date", "Tags")
    #: Column -> the library's sort key; the Tags column does not sort.
    SORT_KEYS = {0: "title", 1: "source", 2: "published"}

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tag: str | None = None
        self.sort_key = "published"
        self.descending = True
        self._ids: list[int] = []
        self._cache: dict[int, ArticleSummary] = {}
        self._ids = self._query()

    # -- queries -----------------------------------------------------------------------
    def _query(self) -> list[int]:
        return self.library.article_ids(
            tag=self.tag, sort=self.sort_key, descending=self.descending
        )

    def refresh(self) -> None:
        """Query the ids again (after imports or a filter change) and drop the cache."""
        self.beginResetModel()
        self._ids = self._query()
        self._cache.clear()
        self.endResetModel()

    def set_tag(self, tag: str | None) -> None:
        """Show only articles tagged ``tag`` (``None`` for all)."""
        if tag != self.tag:
            self.tag = tag
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_key and descending == self.descending:
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_key, self.descending = key, descending
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._ids = self._query()
        rows = {article_id: row for row, article_id in enumerate(self._ids)}
        new = [
            self.index(rows[a], i.column()) if a in rows else QModelIndex()
            for a, i in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- lookups -----------------------------------------------------------------------
    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def summary(self, row: int) -> ArticleSummary | None:
        """The summary at ``row``, fetching its page of :data:`PAGE_SIZE` rows if needed."""
        article_id = self.article_id(row)
        if article_id is None:
            return None
        if article_id not in self._cache:
            start = row - row % PAGE_SIZE
            self._cache.update(self.library.summaries(self._ids[start : start + PAGE_SIZE]))
        return self._cache.get(article_id)

    # -- the model interface -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ARTICLE_ID_ROLE:
            return self.article_id(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if column == 0:
            return summary.title
        if column == 1:
            return summary.source or ""
        if column == 2:
            if role == Qt.ItemDataRole.ToolTipRole:
                return summary.published or summary.imported[:10]
            return format_date(summary.published or summary.imported, short=True)
        return ", ".join(summary.tags)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section in self.SORT_KEYS:
                return f"Sort by {self.COLUMNS[section].lower()}"
        return None


class TagListModel(QAbstractListModel):
    """The tag filter: "All articles" first, then every tag with its article count."""

    ALL_LABEL = "All articles"

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._rows: list[tuple[str | None, int]] = self._query()

    def _query(self) -> list[tuple[str | None, int]]:
        tags: list[tuple[str | None, int]] = [(t, n) for t, n in self.library.tag_counts() if n]
        return [(None, self.library.count()), *tags]

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._query()
        self.endResetModel()

    def tag(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, tag: str | None) -> int:
        for row, (name, _count) in enumerate(self._rows):
            if name == tag:
                return row
        return 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name or self.ALL_LABEL}  ({count})"
        if role == TAG_ROLE:
            return name
        return None


class SearchResultsModel(ItemListModel):
    """Ranked full-text matches in articles and notes for a query, best first, with snippets.

    :meth:`show` lists what a search found (the pane searches on a worker thread);
    :meth:`set_query` searches on the calling thread's library and shows it.
    """

    LIMIT = LIMIT

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.found = SearchFound("")
        self.query, self.tag = "", None  # what is shown: ``found``'s

    def set_query(self, query: str, tag: str | None = None) -> None:
        """Search for ``query`` (within ``tag`` if given) now; an empty query clears."""
        self.show(find_hits(self.library, query, tag))

    def show(self, found: SearchFound) -> None:
        """List what a search found."""
        self.beginResetModel()
        self.found = found
        self.query, self.tag = found.query, found.tag
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query, self.tag)

    def hit(self, row: int) -> SearchHit | None:
        return self.item(row)

    def rows(self) -> tuple[SearchHit, ...]:
        return self.found.hits

    def item_data(self, hit: SearchHit, row: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return hit.title
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == META_ROLE:
            return self.found.meta[row]
        if role == ARTICLE_ID_ROLE:
            return article_of(hit)
        if role == NOTE_ID_ROLE:
            return hit.id if hit.kind == "note" else None
        return None
