"""The library pane: search box, tag filter, the article table and ranked search results.

Typing in the search box (debounced) swaps the table for the results list; Enter or a
click opens a result, Esc clears the search and brings the table back. Choosing a row of
the table opens that article; a note among the results opens that note. The pane owns no
data: three models from :mod:`reader.ui.library.models` do, and it only tells the window
which article or note was chosen, and how many articles it shows (for the status bar;
while a search's results are shown, how many of them match). When
the change bus says articles changed (or the whole library), :meth:`LibraryPane.on_changed`
queries again, keeping the filter, the search, the chosen article and where the table was
scrolled to.

A search runs as a task on the general pool (:func:`~reader.ui.library.search.search_task`,
on its own connection), so a long query never holds the window up; only the newest query's
result is shown (one typed over is cancelled, and dropped if it still arrives), and Enter
before it arrived opens its first result when it does. When the query was cut to fit the
search's bounds, the line above the results says so.

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
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QListView,
    QMenu,
    QStackedWidget,
    QTableView,
    QWidget,
)

from reader.ui.common.pane_chrome import (
    Mode,
    filter_edit,
    item_view,
    lay_out_pane,
    rich_list,
    size_columns,
    stacked,
)
from reader.ui.common.roles import ARTICLE_ID_ROLE, NOTE_ID_ROLE
from reader.ui.common.text import elide, fill
from reader.ui.library.columns import FIT_ROWS, ColumnFitter, fit_combo_width
from reader.ui.library.models import ArticleTableModel, SearchResultsModel, TagListModel
from reader.ui.library.search import SearchFound, search_task
from reader.ui.library.search_delegate import SearchHitDelegate
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.launch import launch
from reader.ui.tasks.runner import Task

SEARCH_DELAY_MS = 250
TABLE_PAGE, RESULTS_PAGE = 0, 1
QUERY_SHOWN = 60  # characters of the query the results line repeats, at most
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
        self._search: Task | None = None  # the newest search, until its result is shown
        self._open_when_found = False
        self.row_actions: list[QAction | None] = []  # the rows' context menu (None: a line)
        self.default_row_action: QAction | None = None

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
        self.results_label = QLabel(self)
        self.results_label.setObjectName("resultsLabel")
        self.results = self._make_results()
        self.suggestion_label = QLabel(self)  # "Search for “…”": runs a suggested spelling
        self.suggestion_label.setObjectName("searchSuggestions")
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.linkActivated.connect(self.search_for)
        self.suggestion_label.hide()
        rows = ((self.results_label, 0), (self.suggestion_label, 0), (self.results, 1))
        results_page = stacked(self, *rows)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(results_page)

        lay_out_pane(self, [(self.search_edit, 1), (self.tag_combo, 0)], 8, self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self.on_search_text_changed)
        self.search_edit.returnPressed.connect(self.on_search_return_pressed)
        self.search_edit.installEventFilter(self)
        self.results.installEventFilter(self)
        self.tag_combo.currentIndexChanged.connect(self.on_tag_index_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_row_changed)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.customContextMenuRequested.connect(self.show_row_menu)
        self.table.installEventFilter(self)  # the Menu key's menu: the current row's
        menu_keys = QShortcut(QKeySequence("Shift+F10"), self.table)  # Qt sends no event
        menu_keys.setContext(Qt.ShortcutContext.WidgetShortcut)
        menu_keys.activated.connect(self.show_current_row_menu)
        self._fit_tag_combo()
        self.results.clicked.connect(self.on_result_activated)
        self.results.activated.connect(self.on_result_activated)

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

    def _make_results(self) -> QListView:
        delegate = SearchHitDelegate(self)
        label = self.tr("Search results")
        results = rich_list(self, "searchResults", label, self.results_model, delegate)
        results.setResizeMode(QListView.ResizeMode.Adjust)
        return results

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
        self._announce_count()
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

    def _announce_count(self) -> None:
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

    def set_row_actions(
        self, actions: Sequence[QAction | None], default: QAction | None = None
    ) -> None:
        """The entries of the rows' context menu (``None``: a separator), ``default`` shown
        in bold. Those with a shortcut are added to the table too, so that a shortcut the
        action keeps to the table (Delete, with ``WidgetWithChildrenShortcut``) works
        while it has the focus."""
        for action in self.row_actions:
            if action is not None:
                self.table.removeAction(action)
        self.row_actions = list(actions)
        self.default_row_action = default
        for action in self.row_actions:
            if action is not None and not action.shortcut().isEmpty():
                self.table.addAction(action)

    def set_tag_actions(self, actions: Sequence[QAction]) -> None:
        """The entries of the tag filter's context menu (they act on :attr:`current_tag`)."""
        self.tag_combo.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in actions:
            self.tag_combo.addAction(action)

    @Slot(QPoint)
    def show_row_menu(self, pos: QPoint) -> QMenu | None:
        """Open the rows' context menu (:meth:`row_menu`) at ``pos`` in the table's
        viewport, without waiting for it; the menu, or ``None``."""
        menu = self.row_menu(pos)
        if menu is not None:
            self.popup(menu, self.table.viewport().mapToGlobal(pos))
        return menu

    @Slot()
    def show_current_row_menu(self) -> QMenu | None:
        """Open the rows' context menu for the current row, below its left end (what the
        Menu key and Shift+F10 ask for); the menu, or ``None``."""
        index = self.table.currentIndex()
        if not index.isValid() or QApplication.activePopupWidget() is not None:
            return None  # no row, or a menu is open already (a key can ask twice)
        rect = self.table.visualRect(index.siblingAtColumn(0))
        self.table.scrollTo(index)
        pos = QPoint(rect.left() + 8, rect.center().y())
        menu = self.row_menu(pos)
        if menu is not None:
            self.popup(menu, self.table.viewport().mapToGlobal(pos))
        return menu

    def row_menu(self, pos: QPoint) -> QMenu | None:
        """The rows' context menu for a click at ``pos`` (in the table's viewport): a row
        clicked outside the chosen ones is chosen alone first. ``None`` when there is no
        row there or nothing to offer."""
        index = self.table.indexAt(pos)
        if not index.isValid() or not self.row_actions:
            return None
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
        menu = QMenu(self)
        menu.setObjectName("libraryRowMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.row_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.default_row_action is not None:
            menu.setDefaultAction(self.default_row_action)
        return menu

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
        self._announce_count()
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

    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        note_id = index.data(NOTE_ID_ROLE)
        if note_id is not None:
            self.note_activated.emit(int(note_id))
            return
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.article_activated.emit(int(article_id))
            self.search_result_opened.emit(int(article_id), self.results_model.found.query)

    # -- search ------------------------------------------------------------------------
    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self.clear_search()

    @Slot()
    def run_search(self) -> Task | None:
        """Search now for what is in the box (the debounce timer calls this), in the
        background; the newest search's result is shown when it arrives."""
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        if not query:
            self.clear_search()
            return None
        self._drop_search()
        task = search_task(self.ctx.library_path, query, self.table_model.tag)
        self._search = task
        return launch(
            task,
            self,
            self.ctx.tasks,
            on_success=partial(self._on_found, task),
            on_failure=partial(self._on_search_failed, task),
        )

    def _drop_search(self) -> None:
        """Forget the search on its way (it is cancelled; its result, if any, is dropped)."""
        if self._search is not None:
            self._search.cancel()
        self._search = None

    @property
    def searching(self) -> bool:
        """Whether a search is on its way."""
        return self._search is not None

    def _on_found(self, task: Task, found: SearchFound | None) -> None:
        if task is not self._search or found is None:
            return  # the user typed on: a newer search is on its way, or the box is empty
        self._search = None
        self.results_model.show(found)
        shown = elide(found.query, QUERY_SHOWN)
        count = self.results_model.rowCount()
        if count:
            if count == 1:
                line = fill(self.tr("1 result for \u201c%1\u201d"), shown)
            else:
                line = fill(self.tr("%1 results for \u201c%2\u201d"), count, shown)
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        else:
            line = fill(self.tr("Nothing matches \u201c%1\u201d"), shown)
        note = found.note()
        self.results_label.setText(f"{line}\n{note}" if note else line)
        self.suggestion_label.setText(found.suggestion_links())
        self.suggestion_label.setVisible(bool(found.suggestion_links()))
        self.stack.setCurrentIndex(RESULTS_PAGE)
        self._announce_count()
        if self._open_when_found:
            self._open_when_found = False
            self.open_current_result()

    def _on_search_failed(self, task: Task, message: str) -> None:
        if task is not self._search:
            return
        self._search = None
        self._open_when_found = False
        self.results_model.show(SearchFound(""))
        self.results_label.setText(fill(self.tr("Could not search: %1"), message))
        self.suggestion_label.hide()
        self.stack.setCurrentIndex(RESULTS_PAGE)
        self._announce_count()

    @Slot()
    def clear_search(self) -> None:
        """Empty the box and show the table again (Esc)."""
        self._search_timer.stop()
        self._drop_search()
        self._open_when_found = False
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
        self.results_model.show(SearchFound(""))
        self.suggestion_label.hide()
        self.stack.setCurrentIndex(TABLE_PAGE)
        self._announce_count()
        self.search_cleared.emit()

    @Slot(str)
    def search_for(self, query: str) -> Task | None:
        """Put ``query`` in the search box and search for it now (a suggestion clicked)."""
        self.search_edit.setText(query)
        return self.run_search()

    @Slot()
    def on_search_return_pressed(self) -> None:
        if self._search_timer.isActive() or self.stack.currentIndex() != RESULTS_PAGE:
            self.run_search()
        if self.searching:
            self._open_when_found = True  # the result is on its way: open it when it comes
            return
        self.open_current_result()

    def open_current_result(self) -> None:
        """Open the chosen result (the first, if none is chosen)."""
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0, 0)
        if index.isValid():
            self.on_result_activated(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and isinstance(event, QContextMenuEvent)
            and event.reason() != QContextMenuEvent.Reason.Mouse
        ):  # its position is the table's, not the viewport's: go by the current row
            self.show_current_row_menu()
            return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.clear_search()
                self.search_edit.setFocus()
                return True
            if (
                watched is self.search_edit
                and key in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                and self.stack.currentIndex() == RESULTS_PAGE
            ):
                self.results.setFocus()
                row = self.results.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                target = min(max(row + step, 0), self.results_model.rowCount() - 1)
                self.results.setCurrentIndex(self.results_model.index(target, 0))
                return True
        return super().eventFilter(watched, event)
