"""The library pane: search box, tag filter, the article table and its count.

Typing in the search box (debounced) swaps the table for the results list; Enter or a
click opens a result, Esc clears the search and brings the table back. Choosing a row of
the table opens that article; a note among the results opens that note. The pane owns no
data: three models from :mod:`reader.ui.library.models` do, and it only tells the window
which article or note was chosen, and how many articles it shows (for the status bar;
while a search's results are shown, how many of them match). When
the change bus says articles changed (or the whole library), :meth:`LibraryPane.on_changed`
queries again, keeping the filter, the search, the chosen article and where the table was
scrolled to.

The search flow is not in this module: :class:`~reader.ui.library.search_flow.LibrarySearch`
(the pane's :attr:`LibraryPane.search`) owns the debounce, the search on its way (a task on
the general pool, so a long query never holds the window up; only the newest query's
result is shown), the results page and the keys of the box and the list; the rows'
context menu is :class:`~reader.ui.library.row_menu.RowMenu`'s (:attr:`LibraryPane.row_menus`).
The pane keeps every public name it had and hands those on to them.

The table's Title column takes what the others leave; Source, Date and Tags are sized to
what they show whenever the list is queried again, giving way in a narrow pane so that
Title keeps its share (:mod:`reader.ui.library.columns`), and a title wraps onto a second
line before it is elided. The tag filter is as wide as its longest entry (up to
:data:`TAG_COMBO_MAX`) and never narrower than the entry it shows (so "All articles  (10)"
is never cut); the search box has the rest.

Rows can be chosen several at a time (Shift and Ctrl) for what acts on a selection
(:attr:`LibraryPane.selected_ids`). What can be done to them is not the pane's: a controller
(:class:`~reader.ui.library.manage.ManageController`) gives it the entries of the rows'
context menu (:meth:`LibraryPane.set_row_actions`; Delete works while the table has the
focus, and the Menu key or Shift+F10 opens the menu for the current row) and of the tag
filter's (:meth:`LibraryPane.set_tag_actions`), and hears ``selection_changed``.
Articles with no date show none.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QMenu,
    QStackedWidget,
    QTableView,
    QWidget,
)

from reader.ui.common.pane_chrome import Mode, filter_edit, item_view, lay_out_pane, size_columns
from reader.ui.common.text import fill
from reader.ui.library.columns import FIT_ROWS, ColumnFitter, fit_combo_width
from reader.ui.library.models import ArticleTableModel, SearchResultsModel, TagListModel
from reader.ui.library.row_menu import RowMenu
from reader.ui.library.search_flow import (
    QUERY_SHOWN,
    RESULTS_PAGE,
    SEARCH_DELAY_MS,
    TABLE_PAGE,
    LibrarySearch,
)
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.runner import Task

__all__ = [
    "KEPT_SELECTION",
    "QUERY_SHOWN",
    "RESULTS_PAGE",
    "SEARCH_DELAY_MS",
    "TABLE_PAGE",
    "TAG_COMBO_MAX",
    "TITLE_LINES",
    "LibraryPane",
]

TITLE_LINES = 2  # a title wraps onto this many lines before it is elided
TAG_COMBO_MAX = 240
KEPT_SELECTION = 100_000  # at most this many chosen rows are chosen again after a refresh


class LibraryPane(QWidget):
    """Browse, filter and search the library.

    Signals:
        article_activated(article_id): the user chose an article to read.
        note_activated(note_id): the user chose a note among the search results.
        count_changed(text): how many articles are shown changed (``5 of 10 articles``;
            during a search ``3 of 14 articles match “minerai”``).
        selection_changed(): the chosen rows of the table changed (or were listed anew).
        search_cleared(): the search box was emptied (Esc, or its text deleted).
    """

    article_activated = Signal(int)
    #: A search result was opened: its article and the query that found it (the reader
    #: marks the matched words).
    search_result_opened = Signal(int, str)
    #: The search box was emptied: the words a search matched need no highlight any more.
    search_cleared = Signal()
    note_activated = Signal(int)
    count_changed = Signal(str)
    selection_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.ctx = ctx
        self.library = library = ctx.library
        self.table_model = ArticleTableModel(library, self)
        unfiltered = self.table_model.tag is None  # its rows are then every article
        total = self.table_model.rowCount() if unfiltered else None
        self.tag_model = TagListModel(library, self, total=total)
        self.results_model = SearchResultsModel(library, self)
        self._syncing = False

        self.search_edit = filter_edit(self, "searchEdit", self.tr("Search the library"))
        self.search_edit.setToolTip(
            self.tr('Words, "exact phrases", OR, NOT, prefix* — Enter opens, Esc clears (Ctrl+K)')
        )
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tagCombo")
        self.tag_combo.setModel(self.tag_model)
        self.tag_combo.setToolTip(self.tr("Show only articles with this tag"))
        self.tag_combo.setAccessibleName(self.tr("Tag filter"))
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.setMaximumWidth(TAG_COMBO_MAX)
        self.search_edit.setMinimumWidth(120)

        self.table = self._make_table()
        # the search flow: the box's debounce, the search on its way, the results page.
        self.search = LibrarySearch(self)
        self.results_label = self.search.results_label
        self.results = self.search.results
        self.suggestion_label = self.search.suggestion_label
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)  # TABLE_PAGE
        self.stack.addWidget(self.search.page)  # RESULTS_PAGE

        lay_out_pane(self, [(self.search_edit, 1), (self.tag_combo, 0)], 8, self.stack)

        self.tag_combo.currentIndexChanged.connect(self.on_tag_index_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_row_changed)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        # the rows' context menu: its entries, for a right click and for the keyboard.
        self.row_menus = RowMenu(self)
        self._fit_tag_combo()

    def _make_table(self) -> QTableView:
        table = item_view(QTableView(self), "articleTable", self.tr("Articles"), self.table_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.setShowGrid(False)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().hide()
        lines = QFontMetrics(self.font()).lineSpacing() * TITLE_LINES
        table.verticalHeader().setDefaultSectionSize(lines + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setMinimumSectionSize(40)
        free = Mode.Interactive
        size_columns(header, {0: Mode.Stretch, 1: free, 2: free, 3: free})
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self._sort_indicator = (2, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.on_sort_indicator_changed)
        table.setSortingEnabled(True)
        self._columns: ColumnFitter | None = None  # measured when first needed
        return table

    @property
    def columns(self) -> ColumnFitter:
        """What sizes the columns, made (measuring them) when first needed: when shown."""
        if self._columns is None:
            self._columns = ColumnFitter(self.table)
        return self._columns

    def fit_columns(self) -> None:
        """Size Source, Date and Tags to what they show (Title takes the rest), narrower
        if that would leave Title less than its share of the table
        (:class:`~reader.ui.library.columns.ColumnFitter`)."""
        if self._columns is None:
            self.columns.share(always=True)  # measured just now
        else:
            self._columns.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._columns is not None:  # else fitted when shown
            self._columns.follow_room()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.fit_columns()  # the window's styles (padding, font) are in force by now

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            if self.isVisible():  # else fitted when shown
                self.fit_columns()
            self._fit_tag_combo()

    def _fit_tag_combo(self) -> None:
        fit_combo_width(self.tag_combo, TAG_COMBO_MAX)

    # -- the library changed -----------------------------------------------------------
    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: articles (or their tags, or the whole library) changed."""
        if change.touches(Area.ARTICLES):
            self.refresh()

    def refresh(self, current_article: int | None = None) -> None:
        """Re-query every model and keep the filter, the search and the chosen article
        (``current_article``, else the one chosen before)."""
        if current_article is None:
            current_article = self.table_model.article_id(self.table.currentIndex().row())
        chosen = self.selected_ids[:KEPT_SELECTION]
        tag = self.table_model.tag
        self.tag_combo.blockSignals(True)
        self.tag_model.refresh()
        self.tag_combo.setCurrentIndex(self.tag_model.row_of(tag))
        self.tag_combo.blockSignals(False)
        self._fit_tag_combo()
        self.table_model.tag = self.tag_model.tag(self.tag_combo.currentIndex())
        scrolled = self.table.verticalScrollBar().value()
        self.table_model.refresh()
        self.fit_columns()
        if self.search_edit.text().strip():
            self.run_search()
        if current_article is not None:
            self.select_article(current_article, reveal=False)
        self._choose_again(chosen)
        self.table.verticalScrollBar().setValue(scrolled)
        self.announce_count()
        self.selection_changed.emit()

    def show_tag(self, tag: str | None) -> None:
        """Filter by ``tag`` (``None``: all articles), if the filter lists it."""
        self.tag_combo.setCurrentIndex(self.tag_model.row_of(tag))

    def _choose_again(self, article_ids: Sequence[int]) -> None:
        """Choose the rows of ``article_ids`` again (after the table was listed anew)."""
        if len(article_ids) < 2:
            return
        selection = QItemSelection()
        last = self.table_model.columnCount() - 1
        rows = sorted(self.table_model.rows_of(article_ids).values())
        start = 0
        for i, row in enumerate(rows):  # one range per run of neighbouring rows
            if i + 1 == len(rows) or rows[i + 1] != row + 1:
                top, bottom = (
                    self.table_model.index(rows[start], 0),
                    self.table_model.index(row, last),
                )
                selection.select(top, bottom)
                start = i + 1
        flags = QItemSelectionModel.SelectionFlag.Select
        self.table.selectionModel().select(selection, flags)

    @Slot(int)
    def select_article(self, article_id: int, *, reveal: bool = True) -> None:
        """Highlight ``article_id`` in the table (without reopening it), scrolled into
        view if ``reveal``."""
        row = self.table_model.row_of(article_id)
        if row is None:
            return
        self._syncing = True
        try:
            index = self.table_model.index(row, 0)
            self.table.setCurrentIndex(index)
            if reveal:
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def choose_article(self, article_id: int) -> None:
        """Make ``article_id`` the chosen row, scrolled into view, and open it."""
        if self.table_model.row_of(article_id) is not None:
            self.select_article(article_id)
            self.article_activated.emit(article_id)

    @property
    def shown_count(self) -> int:
        return self.table_model.rowCount()

    @property
    def count_text(self) -> str:
        """``10 articles``, or ``5 of 10 articles`` while a tag filter hides some (the
        total is the tag filter's "All articles", listed with the table)."""
        total = self.tag_model.total
        shown = self.shown_count
        if shown == total:
            return self.tr("1 article") if total == 1 else fill(self.tr("%1 articles"), total)
        if total == 1:
            return fill(self.tr("%1 of 1 article"), shown)
        return fill(self.tr("%1 of %2 articles"), shown, total)

    def announce_count(self) -> None:
        """Tell the status bar how many articles are shown or, while a search's results
        are shown, how many of them match (``3 of 14 articles match “minerai”``)."""
        found = self.results_model.found
        if self.stack.currentIndex() == RESULTS_PAGE and found.query:
            self.count_changed.emit(found.count_line())
        else:
            self.count_changed.emit(self.count_text)

    @property
    def current_tag(self) -> str | None:
        """The tag the filter shows (``None``: all articles)."""
        return self.table_model.tag

    # -- the chosen rows and what can be done to them -------------------------------------
    @property
    def selected_ids(self) -> list[int]:
        """The chosen articles of the table, in its order (the current one if none is
        chosen)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        ids = (self.table_model.article_id(row) for row in rows)
        return [i for i in ids if i is not None]

    @property
    def row_actions(self) -> list[QAction | None]:
        """The entries of the rows' context menu (``None``: a separator)."""
        return self.row_menus.actions

    @property
    def default_row_action(self) -> QAction | None:
        """The entry of the rows' context menu shown in bold (``None``: none)."""
        return self.row_menus.default

    def set_row_actions(
        self, actions: Sequence[QAction | None], default: QAction | None = None
    ) -> None:
        """The entries of the rows' context menu (``None``: a separator), ``default`` shown
        in bold. Those with a shortcut are added to the table too, so that a shortcut the
        action keeps to the table (Delete, with ``WidgetWithChildrenShortcut``) works
        while it has the focus."""
        self.row_menus.set_actions(actions, default)

    def set_tag_actions(self, actions: Sequence[QAction]) -> None:
        """The entries of the tag filter's context menu (they act on :attr:`current_tag`)."""
        self.tag_combo.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in actions:
            self.tag_combo.addAction(action)

    @Slot(QPoint)
    def show_row_menu(self, pos: QPoint) -> QMenu | None:
        """Open the rows' context menu (:meth:`row_menu`) at ``pos`` in the table's
        viewport, without waiting for it; the menu, or ``None``."""
        return self.row_menus.show_at(pos)

    @Slot()
    def show_current_row_menu(self) -> QMenu | None:
        """Open the rows' context menu for the current row, below its left end (what the
        Menu key and Shift+F10 ask for); the menu, or ``None``."""
        return self.row_menus.show_for_current_row()

    def row_menu(self, pos: QPoint) -> QMenu | None:
        """The rows' context menu for a click at ``pos`` (in the table's viewport): a row
        clicked outside the chosen ones is chosen alone first. ``None`` when there is no
        row there or nothing to offer."""
        return self.row_menus.menu_at(pos)

    def popup(self, menu: QMenu, at: QPoint) -> None:
        """Show ``menu`` at the screen position ``at`` (tests look instead)."""
        menu.popup(at)

    @Slot()
    def on_table_selection_changed(self) -> None:
        self.selection_changed.emit()

    @Slot()
    def open_current(self) -> None:
        """Open the current row's article (the context menu's Open)."""
        article_id = self.table_model.article_id(self.table.currentIndex().row())
        if article_id is not None:
            self.article_activated.emit(article_id)

    # -- tag filter and sorting --------------------------------------------------------
    @Slot(int)
    def on_tag_index_changed(self, row: int) -> None:
        self.table_model.set_tag(self.tag_model.tag(row))
        self._fit_tag_combo()
        self.fit_columns()
        if self.search_edit.text().strip():
            self.run_search()
        self.announce_count()
        self.selection_changed.emit()

    @Slot(int, Qt.SortOrder)
    def on_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if section not in ArticleTableModel.SORT_KEYS:  # Tags: put the indicator back
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (section, order)

    # -- choosing articles -------------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def on_table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        article_id = self.table_model.article_id(current.row())
        if article_id is not None:
            self.article_activated.emit(article_id)

    # -- search: handed on to the search flow (reader.ui.library.search_flow) --------
    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        """A search result was chosen: open its note, or its article (and say the query
        that found it)."""
        self.search.on_result_activated(index)

    @Slot()
    def focus_search(self) -> None:
        """Put the focus in the search box with its text chosen (Ctrl+K)."""
        self.search.focus()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """The search box's text changed: search once typing pauses; empty clears."""
        self.search.on_text_changed(text)

    @Slot()
    def run_search(self) -> Task | None:
        """Search now for what is in the box (the debounce timer calls this), in the
        background; the newest search's result is shown when it arrives."""
        return self.search.run()

    @property
    def searching(self) -> bool:
        """Whether a search is on its way."""
        return self.search.searching

    @Slot()
    def clear_search(self) -> None:
        """Empty the box and show the table again (Esc)."""
        self.search.clear()

    @Slot(str)
    def search_for(self, query: str) -> Task | None:
        """Put ``query`` in the search box and search for it now (a suggestion clicked)."""
        return self.search.search_for(query)

    @Slot()
    def on_search_return_pressed(self) -> None:
        """Enter in the search box: search if need be and open the chosen result."""
        self.search.on_return_pressed()

    def open_current_result(self) -> None:
        """Open the chosen result (the first, if none is chosen)."""
        self.search.open_current_result()
