"""The library pane's search flow: from what is typed in the box to the results list.

:class:`LibrarySearch` belongs to a :class:`~reader.ui.library.pane.LibraryPane` and owns
everything between its search box and its ranked results: the debounce timer, the search
on its way (a task on the general pool, :func:`~reader.ui.library.search.search_task`, so
a long query never holds the window up), the results page (the line saying what was
found, the "Search for …" suggestions, the results list) and the keys of the box and the
list (Enter opens, Esc clears, Up and Down step through the results). Only the newest
query's result is shown: one typed over is cancelled, and dropped if it still arrives;
Enter before it arrived opens its first result when it does. When the query was cut to
fit the search's bounds, the line above the results says so.

The pane keeps its public names (``run_search``, ``clear_search``, ``search_for``,
``searching``, ``results``...) and hands them on to this object. Its strings are
translated in the pane's context (``LibraryPane``), where the French catalogue has them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListView, QWidget

from reader.ui.common.pane_chrome import rich_list, stacked
from reader.ui.common.roles import ARTICLE_ID_ROLE, NOTE_ID_ROLE
from reader.ui.common.text import elide, fill
from reader.ui.library.search import SearchFound, search_task
from reader.ui.library.search_delegate import SearchHitDelegate
from reader.ui.tasks.launch import launch
from reader.ui.tasks.runner import Task

if TYPE_CHECKING:
    from reader.ui.library.pane import LibraryPane

SEARCH_DELAY_MS = 250
TABLE_PAGE, RESULTS_PAGE = 0, 1  # the pages of the pane's stack: its table, the results
QUERY_SHOWN = 60  # characters of the query the results line repeats, at most
CONTEXT = "LibraryPane"  # the translation context of these strings: the pane's


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class LibrarySearch(QObject):
    """Search the library from ``pane``'s search box and show the results on its page.

    Made by the pane once its box and table exist; :attr:`page` is the results page the
    pane puts in its stack (at :data:`RESULTS_PAGE`, its table at :data:`TABLE_PAGE`).
    """

    def __init__(self, pane: LibraryPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._edit = pane.search_edit
        self._model = pane.results_model
        self._task: Task | None = None  # the newest search, until its result is shown
        self._open_when_found = False

        self.results_label = QLabel(pane)
        self.results_label.setObjectName("resultsLabel")
        self.results = self._make_results(pane)
        self.suggestion_label = QLabel(pane)  # "Search for “…”": runs a suggested spelling
        self.suggestion_label.setObjectName("searchSuggestions")
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.linkActivated.connect(self.search_for)
        self.suggestion_label.hide()
        rows = ((self.results_label, 0), (self.suggestion_label, 0), (self.results, 1))
        self.page: QWidget = stacked(pane, *rows)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self._edit.textChanged.connect(self.on_text_changed)
        self._edit.returnPressed.connect(self.on_return_pressed)
        self._edit.installEventFilter(self)
        self.results.installEventFilter(self)
        pane.table.installEventFilter(self)  # Esc there clears a search too
        self.results.clicked.connect(self.on_result_activated)
        self.results.activated.connect(self.on_result_activated)

    def _make_results(self, pane: LibraryPane) -> QListView:
        delegate = SearchHitDelegate(pane)
        label = _tr("Search results")
        results = rich_list(pane, "searchResults", label, self._model, delegate)
        results.setResizeMode(QListView.ResizeMode.Adjust)
        return results

    @property
    def showing_results(self) -> bool:
        """Whether the pane shows the results page (rather than its table)."""
        return self._pane.stack.currentIndex() == RESULTS_PAGE

    @property
    def searching(self) -> bool:
        """Whether a search is on its way."""
        return self._task is not None

    # -- the box -----------------------------------------------------------------------
    @Slot()
    def focus(self) -> None:
        """Put the focus in the search box with its text chosen (Ctrl+K)."""
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    @Slot(str)
    def on_text_changed(self, text: str) -> None:
        """The box's text changed: search once typing pauses; an empty box clears."""
        if text.strip():
            self._timer.start()
        else:
            self.clear()

    @Slot()
    def on_return_pressed(self) -> None:
        """Enter in the box: search now if the results are not those of its text, and
        open the chosen result (when it arrives, if a search is on its way)."""
        if self._timer.isActive() or not self.showing_results:
            self.run()
        if self.searching:
            self._open_when_found = True  # the result is on its way: open it when it comes
            return
        self.open_current_result()

    # -- searching ---------------------------------------------------------------------
    @Slot()
    def run(self) -> Task | None:
        """Search now for what is in the box (the debounce timer calls this), in the
        background, within the pane's tag filter; the newest search's result is shown
        when it arrives. The task, or ``None`` when the box is empty (the search is then
        cleared)."""
        self._timer.stop()
        query = self._edit.text().strip()
        if not query:
            self.clear()
            return None
        self._drop()
        ctx = self._pane.ctx
        task = search_task(ctx.library_path, query, self._pane.current_tag)
        self._task = task
        return launch(
            task,
            self._pane,
            ctx.tasks,
            on_success=partial(self._on_found, task),
            on_failure=partial(self._on_failed, task),
        )

    @Slot(str)
    def search_for(self, query: str) -> Task | None:
        """Put ``query`` in the search box and search for it now (a suggestion clicked)."""
        self._edit.setText(query)
        return self.run()

    @Slot()
    def clear(self) -> None:
        """Empty the box and show the table again (Esc); the pane says ``search_cleared``."""
        self._timer.stop()
        self._drop()
        self._open_when_found = False
        if self._edit.text():
            self._edit.blockSignals(True)
            self._edit.clear()
            self._edit.blockSignals(False)
        self._model.show(SearchFound(""))
        self.suggestion_label.hide()
        self._pane.stack.setCurrentIndex(TABLE_PAGE)
        self._pane.announce_count()
        self._pane.search_cleared.emit()

    def _drop(self) -> None:
        """Forget the search on its way (it is cancelled; its result, if any, is dropped)."""
        if self._task is not None:
            self._task.cancel()
        self._task = None

    def _on_found(self, task: Task, found: SearchFound | None) -> None:
        if task is not self._task or found is None:
            return  # the user typed on: a newer search is on its way, or the box is empty
        self._task = None
        self._model.show(found)
        shown = elide(found.query, QUERY_SHOWN)
        count = self._model.rowCount()
        if count:
            if count == 1:
                line = fill(_tr("1 result for \u201c%1\u201d"), shown)
            else:
                line = fill(_tr("%1 results for \u201c%2\u201d"), count, shown)
            self.results.setCurrentIndex(self._model.index(0, 0))
        else:
            line = fill(_tr("Nothing matches \u201c%1\u201d"), shown)
        note = found.note()
        self.results_label.setText(f"{line}\n{note}" if note else line)
        self.suggestion_label.setText(found.suggestion_links())
        self.suggestion_label.setVisible(bool(found.suggestion_links()))
        self._pane.stack.setCurrentIndex(RESULTS_PAGE)
        self._pane.announce_count()
        if self._open_when_found:
            self._open_when_found = False
            self.open_current_result()

    def _on_failed(self, task: Task, message: str) -> None:
        if task is not self._task:
            return
        self._task = None
        self._open_when_found = False
        self._model.show(SearchFound(""))
        self.results_label.setText(fill(_tr("Could not search: %1"), message))
        self.suggestion_label.hide()
        self._pane.stack.setCurrentIndex(RESULTS_PAGE)
        self._pane.announce_count()

    # -- the results -------------------------------------------------------------------
    def open_current_result(self) -> None:
        """Open the chosen result (the first, if none is chosen)."""
        index = self.results.currentIndex()
        if not index.isValid() and self._model.rowCount():
            index = self._model.index(0, 0)
        if index.isValid():
            self.on_result_activated(index)

    @Slot(QModelIndex)
    def on_result_activated(self, index: QModelIndex) -> None:
        """A result was chosen: the pane says which note, or which article and the query
        that found it."""
        pane = self._pane
        note_id = index.data(NOTE_ID_ROLE)
        if note_id is not None:
            pane.note_activated.emit(int(note_id))
            return
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            pane.article_activated.emit(int(article_id))
            pane.search_result_opened.emit(int(article_id), self._model.found.query)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Esc (in the box, the results or the table) clears a search; Up and Down in
        the box step through the results shown."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self._edit.text():
                self.clear()
                self._edit.setFocus()
                return True
            if (
                watched is self._edit
                and key in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                and self.showing_results
            ):
                self.results.setFocus()
                row = self.results.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                target = min(max(row + step, 0), self._model.rowCount() - 1)
                self.results.setCurrentIndex(self._model.index(target, 0))
                return True
        return super().eventFilter(watched, event)
