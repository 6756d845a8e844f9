"""Qt models over the library: the article table, the tag filter, search results, the tags
with their counts (:class:`TagCountsModel`, for managing them) and the Trash
(:class:`TrashModel`).

An article with no published date shows none (its Date cell is empty, its tooltip says
"No date"); the import date is never shown in its place.

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

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)

from reader.library import ArticleSummary, Library, SearchHit
from reader.ui.common.roles import (
    ARTICLE_ID_ROLE,
    NOTE_ID_ROLE,
    PANE_ROLES,
    Index,
    ItemListModel,
)
from reader.ui.common.text import date_or_none, format_date, format_moment
from reader.ui.library.search import LIMIT, SearchFound, article_of, find_hits

TAG_ROLE = PANE_ROLES + 1
SNIPPET_ROLE = PANE_ROLES + 2
META_ROLE = PANE_ROLES + 3

PAGE_SIZE = 200
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
#: The roles the article table answers (as ints: a view's questions arrive as ints).
TABLE_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), TOOLTIP_ROLE, ARTICLE_ID_ROLE})


class ArticleTableModel(QAbstractTableModel):
    """The library list: Title, Source, Date, Tags; filtered by tag, sorted by the library."""

    COLUMNS = ("Title", "Source", "Date", "Tags")  # as the code names them; shown translated
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
        self.titles = (self.tr("Title"), self.tr("Source"), self.tr("Date"), self.tr("Tags"))
        self.sort_tips = (
            self.tr("Sort by title"),
            self.tr("Sort by source"),
            self.tr("Sort by date (articles with no date last)"),
        )

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

    def rows_of(self, article_ids: Iterable[int]) -> dict[int, int]:
        """The rows of those of ``article_ids`` the table lists (one pass over the list)."""
        wanted = set(article_ids)
        return {a: row for row, a in enumerate(self._ids) if a in wanted}

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
        # a view asks for a dozen roles per cell (sizing the columns asks for 200 rows):
        # those this model has no answer for are turned away first, compared as plain ints
        if role not in TABLE_ROLES or not index.isValid():
            return None
        if role == ARTICLE_ID_ROLE:
            return self.article_id(index.row())
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if column == 0:
            return summary.title
        if column == 1:
            return summary.source or ""
        if column == 2:
            if role == TOOLTIP_ROLE:
                return date_or_none(summary.published)
            return format_date(summary.published, short=True)
        return ", ".join(summary.tags)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.titles[section]
            if role == Qt.ItemDataRole.ToolTipRole and section in self.SORT_KEYS:
                return self.sort_tips[section]
        return None


class TagListModel(QAbstractListModel):
    """The tag filter: "All articles" first, then every tag with its article count.

    ``total`` is how many articles there are (out of the trash), when the caller knows it
    already (the article table's unfiltered list): the first listing then does not count
    them again; :meth:`refresh` always asks the library. :attr:`total` is the count shown.
    """

    ALL_LABEL = "All articles"  # shown translated

    def __init__(
        self, library: Library, parent: QObject | None = None, *, total: int | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._rows: list[tuple[str | None, int]] = self._query(total)

    def _query(self, total: int | None = None) -> list[tuple[str | None, int]]:
        tags: list[tuple[str | None, int]] = [(t, n) for t, n in self.library.tag_counts() if n]
        return [(None, self.library.count() if total is None else total), *tags]

    @property
    def total(self) -> int:
        """How many articles "All articles" counts (as of the last listing)."""
        return self._rows[0][1]

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
            label = name or self.tr("All articles")
            return f"{label}  ({QLocale().toString(count)})"
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
        self.query: str = ""  # what is shown: ``found``'s
        self.tag: str | None = None

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


class TagCountsModel(QAbstractTableModel):
    """Every tag with how many articles carry it (Tag, Articles), by name: the rows of the
    Manage Tags dialog. The tag's name is in :data:`TAG_ROLE` of every column."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.titles = (self.tr("Tag"), self.tr("Articles"))
        self._rows: list[tuple[str, int]] = list(library.tag_counts())

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = list(self.library.tag_counts())
        self.endResetModel()

    def tag(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, tag: str) -> int | None:
        for row, (name, _count) in enumerate(self._rows):
            if name == tag:
                return row
        return None

    def count_of(self, tag: str) -> int:
        row = self.row_of(tag)
        return 0 if row is None else self._rows[row][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, count = self._rows[index.row()]
        if role == TAG_ROLE:
            return name
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == 0 else count
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None


class TrashModel(QAbstractTableModel):
    """The articles in the Trash (Title, Source, Date, when it was trashed), most recently
    trashed first; each row's article id is in
    :data:`~reader.ui.common.roles.ARTICLE_ID_ROLE`."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.titles = (self.tr("Title"), self.tr("Source"), self.tr("Date"), self.tr("Deleted"))
        self._rows: list[ArticleSummary] = list(library.trashed_articles())

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = list(self.library.trashed_articles())
        self.endResetModel()

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == ARTICLE_ID_ROLE:
            return summary.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return summary.title
        if column == 1:
            return summary.source or ""
        if column == 3:
            return format_moment(summary.trashed, relative=role == Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return date_or_none(summary.published)
        return format_date(summary.published, short=True)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None
