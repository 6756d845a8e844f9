"""File › Import from URL, Read Later and Feeds: who runs the tasks that fetch.

Every task that fetches (:mod:`reader.ui.sources.tasks`) is started by a click whose label
says so (Import, Fetch, Refresh); opening a dialog or adding a subscription fetches
nothing. An import by URL goes through the window's
:class:`~reader.ui.tasks.imports.ImportController`, so its summary is the usual import summary
(a URL with no connection is "Saved to Read Later"). :class:`SourceController` owns the
models of the queue and the feeds, opens their dialogs and turns their buttons into tasks
with progress and Cancel, then summarises what came in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.library import Library
from reader.library import sources as store
from reader.ui.tasks.imports import ImportController
from reader.ui.sources.models import FeedsModel, QueueModel
from reader.ui.sources.tasks import (
    FeedsRefreshed,
    QueueFetched,
    feed_add_task,
    feeds_refresh_task,
    queue_fetch_task,
    remove_task,
    url_import_task,
)
from reader.ui.sources.dialogs import FeedsDialog, ReadLaterDialog, SourceDialogs
from reader.ui.tasks.launch import launch
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner


# -- the controller -----------------------------------------------------------------------------
class SourceController(QObject):
    """The File menu's sources: Import from URL, Read Later and Feeds.

    Signals:
        library_changed(): a fetch added articles (refresh the views).
        sources_changed(): the queue or the subscriptions changed (the models reloaded).
        status_reported(message): a short outcome for the status bar.
        action_failed(message): a task could not run.
    """

    library_changed = Signal()
    sources_changed = Signal()
    status_reported = Signal(str)
    action_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        imports: ImportController,
        parent_widget: QWidget,
        *,
        dialogs: SourceDialogs | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.library_path = library_path
        self.tasks = tasks
        self.progress = progress
        self.imports = imports
        self.widget = parent_widget
        self.dialogs = dialogs or SourceDialogs()
        self.queue_model = QueueModel(library, self)
        self.feeds_model = FeedsModel(library, self)
        self.read_later_dialog: ReadLaterDialog | None = None
        self.feeds_dialog: FeedsDialog | None = None
        self.import_url_action = QAction("Import from &URL\u2026", self)
        self.import_url_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.import_url_action.triggered.connect(self.import_url)
        self.read_later_action = QAction("&Read Later\u2026", self)
        self.read_later_action.triggered.connect(self.show_read_later)
        self.feeds_action = QAction("F&eeds\u2026", self)
        self.feeds_action.triggered.connect(self.show_feeds)
        #: The File menu's entries, in order.
        self.actions = [self.import_url_action, self.read_later_action, self.feeds_action]
        self.sources_changed.connect(self.on_sources_changed)

    # -- import from URL ---------------------------------------------------------------
    @Slot()
    def import_url(self) -> Task | None:
        """Ask for a URL and tags, then fetch and import it (or queue it when offline)."""
        answer = self.dialogs.ask_url(self.widget)
        if answer is None:
            return None
        url, tags = answer
        task = url_import_task(self.library_path, url, tags)
        task.finished.connect(self.sources_changed)
        return self.imports.run(task)

    # -- read later --------------------------------------------------------------------
    @Slot()
    def show_read_later(self) -> ReadLaterDialog:
        """Open (or bring forward) the Read Later window; nothing is fetched."""
        if self.read_later_dialog is None:
            dialog = ReadLaterDialog(self.queue_model, self.widget)
            dialog.fetch_requested.connect(self.fetch_queue)
            dialog.remove_requested.connect(self.remove_queued)
            self.read_later_dialog = dialog
        self.queue_model.reload()
        return self._present(self.read_later_dialog)

    @Slot(object)
    def fetch_queue(self, ids: Sequence[int] | None = None) -> Task:
        """Fetch the queued URLs ``ids`` (``None``: all of them) now."""
        task = queue_fetch_task(self.library_path, ids)
        return self._start(task, self.read_later_dialog, self._on_queue_fetched)

    def _on_queue_fetched(self, done: QueueFetched) -> None:
        if done.added:
            self.library_changed.emit()
        text = done.describe()
        if self.read_later_dialog is not None:
            self.read_later_dialog.show_message(text)
        failed = bool(done.failed)
        if done.outcomes:
            self.dialogs.inform(
                self._parent(self.read_later_dialog),
                "Read Later",
                text,
                details=done.details(),
                warning=failed,
            )
        self.status_reported.emit(text)

    @Slot(object)
    def remove_queued(self, ids: Sequence[int]) -> Task | None:
        """Drop ``ids`` from the queue, after asking."""
        if len(ids) == 1:
            text = "Remove this address from Read Later? It will not be fetched."
        else:
            text = f"Remove {len(ids)} addresses from Read Later? They will not be fetched."
        parent = self._parent(self.read_later_dialog)
        if not self.dialogs.confirm(parent, "Remove from Read Later", text, "Remove"):
            return None
        return self._start(remove_task(self.library_path, "queue", ids), None, None)

    # -- feeds -------------------------------------------------------------------------
    @Slot()
    def show_feeds(self) -> FeedsDialog:
        """Open (or bring forward) the Feeds window; nothing is fetched."""
        if self.feeds_dialog is None:
            dialog = FeedsDialog(self.feeds_model, self.widget)
            dialog.add_requested.connect(self.add_feed)
            dialog.refresh_requested.connect(self.refresh_feeds)
            dialog.remove_requested.connect(self.remove_feeds)
            self.feeds_dialog = dialog
        self.feeds_model.reload()
        return self._present(self.feeds_dialog)

    @Slot()
    def add_feed(self) -> Task | None:
        """Ask for a feed URL and tags and subscribe (fetching nothing)."""
        answer = self.dialogs.ask_feed(self._parent(self.feeds_dialog))
        if answer is None:
            return None
        url, tags = answer
        return self._start(feed_add_task(self.library_path, url, tags), None, self._on_feed_added)

    def _on_feed_added(self, result: tuple[store.Feed, bool]) -> None:
        feed, added = result
        if added:
            text = f"Subscribed to {feed.url}. Nothing is fetched until you click Refresh."
        else:
            text = f"Already subscribed to {feed.url}."
        if self.feeds_dialog is not None:
            self.feeds_model.reload()
            self.feeds_dialog.show_message(text)
            self.feeds_dialog.select_id(feed.id)
        self.status_reported.emit(text)

    @Slot(object)
    def refresh_feeds(self, ids: Sequence[int] | None = None) -> Task:
        """Fetch the feeds ``ids`` (``None``: all of them) and import their new entries."""
        task = feeds_refresh_task(self.library_path, ids)
        return self._start(task, self.feeds_dialog, self._on_feeds_refreshed)

    def _on_feeds_refreshed(self, done: FeedsRefreshed) -> None:
        self.feeds_model.set_new_counts(done.new_counts())
        if done.added:
            self.library_changed.emit()
        text = done.describe()
        if self.feeds_dialog is not None:
            self.feeds_dialog.show_message(text)
        if done.refreshes:
            warning = any(r.status in ("offline", "error") for r in done.refreshes)
            self.dialogs.inform(
                self._parent(self.feeds_dialog),
                "Feeds refreshed",
                text,
                details=done.details(),
                warning=warning,
            )
        self.status_reported.emit(text)

    @Slot(object)
    def remove_feeds(self, ids: Sequence[int]) -> Task | None:
        """Unsubscribe from ``ids``, after asking; their articles stay."""
        what = "this feed" if len(ids) == 1 else f"{len(ids)} feeds"
        text = f"Unsubscribe from {what}? The articles already imported stay in the library."
        parent = self._parent(self.feeds_dialog)
        if not self.dialogs.confirm(parent, "Unsubscribe", text, "Unsubscribe"):
            return None
        return self._start(remove_task(self.library_path, "feeds", ids), None, None)

    # -- plumbing ----------------------------------------------------------------------
    def _parent(self, dialog: QWidget | None) -> QWidget:
        return dialog if dialog is not None and dialog.isVisible() else self.widget

    def _present(self, dialog: ReadLaterDialog | FeedsDialog) -> ReadLaterDialog | FeedsDialog:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _start(
        self,
        task: Task,
        dialog: ReadLaterDialog | FeedsDialog | None,
        on_success: Callable[..., object] | None,
    ) -> Task:
        trackers = (self.progress,) if dialog is None else (self.progress, dialog)
        return launch(
            task,
            self,
            self.tasks,
            *trackers,
            on_success=on_success,
            on_failure=lambda error: self._on_failed(task, error),
            on_finished=self.sources_changed,
        )

    def _on_failed(self, task: Task, error: object) -> None:
        message = f"{task.label} failed: {error}"
        self.dialogs.inform(self.widget, "Fieldreader", message, warning=True)
        self.action_failed.emit(message)

    @Slot()
    def on_sources_changed(self) -> None:
        self.queue_model.reload()
        self.feeds_model.reload()
