"""File › Import from URL, Read Later and Feeds: who runs the tasks that fetch.

Every task that fetches (:mod:`reader.ui.sources.tasks`) is started by a click whose label
says so (Import, Fetch, Refresh); opening a dialog or adding a subscription fetches
nothing. An import by URL goes through the window's
:class:`~reader.ui.tasks.imports.ImportController`, so its summary is the usual import summary
(a URL with no connection is "Saved to Read Later"). :class:`SourceController` owns the
models of the queue and the feeds, opens their dialogs and turns their buttons into tasks
with progress and Cancel, then summarises what came in. The Feeds window also imports an
OPML feed list (subscribing, fetching nothing) and exports the subscriptions as one. What a
task changed goes to the change bus (the queue and subscriptions, and the articles a fetch
brought in); the models are read again when the bus says the sources changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QWidget

from reader.ui.common.pane_chrome import make_action
from reader.ui.sources.dialogs import FeedsDialog, ReadLaterDialog, SourceDialogs
from reader.ui.sources.models import FeedsModel, QueueModel
from reader.ui.sources.tasks import (
    FeedsRefreshed,
    OpmlImported,
    QueueFetched,
    feed_add_task,
    feeds_refresh_task,
    opml_export_task,
    opml_import_task,
    queue_fetch_task,
    remove_task,
    url_import_task,
)
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.controller import Controller
from reader.ui.tasks.imports import ImportController
from reader.ui.tasks.runner import Task

if TYPE_CHECKING:  # only the type of a subscription is named here
    from reader.library import sources as store

SourceDialog = ReadLaterDialog | FeedsDialog


class SourceController(Controller):
    """The File menu's sources: Import from URL, Read Later and Feeds."""

    def __init__(
        self,
        ctx: UiContext,
        imports: ImportController,
        widget: QWidget,
        *,
        dialogs: SourceDialogs | None = None,
    ) -> None:
        super().__init__(ctx, widget, widget=widget)
        self.imports = imports
        self.dialogs = dialogs or SourceDialogs()
        self.queue_model = QueueModel(ctx.library, self)
        self.feeds_model = FeedsModel(ctx.library, self)
        self.read_later_dialog: ReadLaterDialog | None = None
        self.feeds_dialog: FeedsDialog | None = None
        self.import_url_action = make_action(
            self,
            QCoreApplication.translate("SourceController", "Import from &URL\u2026"),
            self.import_url,
            "Ctrl+Shift+U",
        )
        self.read_later_action = make_action(
            self,
            QCoreApplication.translate("SourceController", "&Read Later\u2026"),
            self.show_read_later,
        )
        self.feeds_action = make_action(
            self, QCoreApplication.translate("SourceController", "F&eeds\u2026"), self.show_feeds
        )
        #: The File menu's entries, in order.
        self.actions = [self.import_url_action, self.read_later_action, self.feeds_action]

    # -- import from URL ---------------------------------------------------------------
    @Slot()
    def import_url(self) -> Task | None:
        """Ask for a URL and tags, then fetch and import it (or queue it when offline)."""
        answer = self.dialogs.ask_url(self.widget)
        if answer is None:
            return None
        url, tags = answer
        task = url_import_task(self.library_path, url, tags)
        task.finished.connect(self._publish_sources)  # a URL with no connection is queued
        return self.imports.run(task)

    # -- read later --------------------------------------------------------------------
    @Slot()
    def show_read_later(self) -> ReadLaterDialog:
        """Open (or bring forward) the Read Later window; nothing is fetched."""
        if self.read_later_dialog is None:
            self.read_later_dialog = ReadLaterDialog(self.queue_model, self.widget)
            self.read_later_dialog.fetch_requested.connect(self.fetch_queue)
            self.read_later_dialog.remove_requested.connect(self.remove_queued)
        return self._present(self.read_later_dialog)

    @Slot(object)
    def fetch_queue(self, ids: Sequence[int] | None = None) -> Task:
        """Fetch the queued URLs ``ids`` (``None``: all of them) now."""
        task = queue_fetch_task(self.library_path, ids)
        return self._start(task, self.read_later_dialog, self._on_queue_fetched)

    def _on_queue_fetched(self, done: QueueFetched) -> None:
        self._publish_added(done.added_ids)
        fetched = bool(done.outcomes)
        title = self.tr("Read Later")
        self._report(self.read_later_dialog, title, done, fetched, bool(done.failed))

    @Slot(object)
    def remove_queued(self, ids: Sequence[int]) -> Task | None:
        """Drop ``ids`` from the queue, after asking."""
        if len(ids) == 1:
            text = self.tr("Remove this address from Read Later? It will not be fetched.")
        else:
            text = self.tr("Remove {0} addresses from Read Later? They will not be fetched.")
            text = text.format(len(ids))
        parent = self._parent(self.read_later_dialog)
        title, accept = self.tr("Remove from Read Later"), self.tr("Remove")
        if not self.dialogs.confirm(parent, title, text, accept):
            return None
        return self._start(remove_task(self.library_path, "queue", ids), None, None)

    # -- feeds -------------------------------------------------------------------------
    @Slot()
    def show_feeds(self) -> FeedsDialog:
        """Open (or bring forward) the Feeds window; nothing is fetched."""
        if self.feeds_dialog is None:
            self.feeds_dialog = dialog = FeedsDialog(self.feeds_model, self.widget)
            dialog.add_requested.connect(self.add_feed)
            dialog.refresh_requested.connect(self.refresh_feeds)
            dialog.remove_requested.connect(self.remove_feeds)
            dialog.import_opml_requested.connect(self.import_opml)
            dialog.export_opml_requested.connect(self.export_opml)
        return self._present(self.feeds_dialog)

    @Slot()
    def import_opml(self) -> Task | None:
        """Ask for an OPML file and subscribe to every feed in it (fetching nothing)."""
        path = self.dialogs.ask_opml_to_import(self._parent(self.feeds_dialog))
        if path is None:
            return None
        task = opml_import_task(self.library_path, path)
        return self._start(task, self.feeds_dialog, self._on_opml_imported)

    def _on_opml_imported(self, done: OpmlImported) -> None:
        text = done.describe()
        if self.feeds_dialog is not None:
            self.feeds_model.reload()
            self.feeds_dialog.show_message(text)
        parent = self._parent(self.feeds_dialog)
        title = self.tr("Feed list imported")
        self.dialogs.inform(parent, title, text, details=done.details(), warning=done.refused)
        self.ctx.messages.status(text)

    @Slot()
    def export_opml(self) -> Task | None:
        """Ask where, then write every subscription there as OPML."""
        path = self.dialogs.ask_opml_to_export(self._parent(self.feeds_dialog))
        if path is None:
            return None
        task = opml_export_task(self.library_path, path)
        return self._start(task, self.feeds_dialog, self._on_opml_exported)

    def _on_opml_exported(self, done: tuple[Path, int]) -> None:
        path, count = done
        if count == 1:
            text = self.tr("Wrote 1 feed to %1").replace("%1", path.name)
        else:
            text = self.tr("Wrote %1 feeds to %2").replace("%1", str(count))
            text = text.replace("%2", path.name)
        if self.feeds_dialog is not None:
            self.feeds_dialog.show_message(text)
        self.ctx.messages.status(text)

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
            text = self.tr("Subscribed to {0}. Nothing is fetched until you click Refresh.")
        else:
            text = self.tr("Already subscribed to {0}.")
        text = text.format(feed.url)
        if self.feeds_dialog is not None:
            self.feeds_model.reload()
            self.feeds_dialog.show_message(text)
            self.feeds_dialog.select_id(feed.id)
        self.ctx.messages.status(text)

    @Slot(object)
    def refresh_feeds(self, ids: Sequence[int] | None = None) -> Task:
        """Fetch the feeds ``ids`` (``None``: all of them) and import their new entries."""
        task = feeds_refresh_task(self.library_path, ids)
        return self._start(task, self.feeds_dialog, self._on_feeds_refreshed)

    def _on_feeds_refreshed(self, done: FeedsRefreshed) -> None:
        self.feeds_model.set_new_counts(done.new_counts())
        self._publish_added(done.added_ids)
        refreshed = bool(done.refreshes)
        title = self.tr("Feeds refreshed")
        self._report(self.feeds_dialog, title, done, refreshed, done.unreachable)

    @Slot(object)
    def remove_feeds(self, ids: Sequence[int]) -> Task | None:
        """Unsubscribe from ``ids``, after asking; their articles stay."""
        if len(ids) == 1:
            text = self.tr(
                "Unsubscribe from this feed? The articles already imported stay in the library."
            )
        else:
            text = self.tr(
                "Unsubscribe from {0} feeds? The articles already imported stay in the library."
            ).format(len(ids))
        parent = self._parent(self.feeds_dialog)
        title = accept = self.tr("Unsubscribe")
        if not self.dialogs.confirm(parent, title, text, accept):
            return None
        return self._start(remove_task(self.library_path, "feeds", ids), None, None)

    # -- plumbing ----------------------------------------------------------------------
    def _report(
        self,
        dialog: SourceDialog | None,
        title: str,
        done: QueueFetched | FeedsRefreshed,
        fetched: bool,
        warning: bool,
    ) -> None:
        """Say what a fetch did: in its dialog, in a message with the details (if anything
        was fetched at all) and in the status bar."""
        text = done.describe()
        if dialog is not None:
            dialog.show_message(text)
        if fetched:
            parent = self._parent(dialog)
            self.dialogs.inform(parent, title, text, details=done.details(), warning=warning)
        self.ctx.messages.status(text)

    def _parent(self, dialog: QWidget | None) -> QWidget:
        return dialog if dialog is not None and dialog.isVisible() else self.widget

    def _present(self, dialog: SourceDialog) -> SourceDialog:
        """Show ``dialog`` in front, its list read anew."""
        dialog.model.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _start(
        self,
        task: Task,
        dialog: SourceDialog | None,
        on_success: Callable[..., object] | None,
    ) -> Task:
        trackers = () if dialog is None else (dialog,)
        return self.start(
            task,
            *trackers,
            on_success=on_success,
            on_failure=lambda message: self._on_failed(task.label, message),
            on_finished=self._publish_sources,
        )

    def _on_failed(self, label: str, message: str) -> None:
        text = self.tr("{0} failed: {1}").format(label, message)
        self.dialogs.inform(self.widget, "Fieldreader", text, warning=True)
        self.ctx.messages.error(text)

    def _publish_sources(self) -> None:
        """The queue or the subscriptions may have changed: tell the change bus."""
        self.ctx.bus.publish(Area.SOURCES)

    def _publish_added(self, article_ids: list[int]) -> None:
        """A fetch brought articles in: tell the change bus (if any came)."""
        if article_ids:
            self.ctx.bus.publish(Area.ARTICLES | Area.ENTITIES, article_ids)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: read the queue and the subscriptions again when they changed."""
        if change.touches(Area.SOURCES):
            self.queue_model.reload()
            self.feeds_model.reload()
