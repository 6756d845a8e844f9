"""The tasks that fetch for the window, and what each one reports.

Each task wraps the Qt-free core (:mod:`reader.services.sources`, :mod:`reader.library.sources`)
as the command line does (:mod:`reader.cli.sources`), and opens its own ``Library`` on the
single-writer pool: an import by URL (an :class:`~reader.ui.tasks.operations.ImportSummary`, a URL
with no connection saved to Read Later), fetching the Read Later queue
(:class:`QueueFetched`), refreshing feeds (:class:`FeedsRefreshed`), subscribing (which
fetches nothing), subscribing to the feeds of an OPML list (:class:`OpmlImported`, which
fetches nothing either), writing the subscriptions as OPML, and removing. Fetching tasks
report progress and stop when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.library import Library
from reader.library.statuses import FeedStatus, ImportStatus
from reader.ui.common.text import counted_parts, outcome_line
from reader.ui.tasks.operations import ByOutcome, ImportSummary
from reader.ui.tasks.runner import Task, library_task, progress_reporter

if TYPE_CHECKING:  # the fetching and importing services are read when a task is made
    from reader.library import sources as store
    from reader.services.importing import ImportResult
    from reader.services.sources import FeedRefresh, OpmlSubscription, QueueOutcome

T = TypeVar("T")


def _st(text: str) -> str:
    """``text`` in the interface language (the tasks' own words)."""
    return QCoreApplication.translate("SourceTasks", text)


def _quoted(text: str | None) -> str:
    """``text`` between the interface language's quotation marks."""
    return _st("\u201c{0}\u201d").format(text or "")


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


@dataclass(frozen=True, slots=True)
class QueueFetched(ByOutcome):
    """What fetching the Read Later queue did; ``cancelled`` if the user stopped it."""

    outcomes: tuple[QueueOutcome, ...]
    cancelled: bool = False

    def all_results(self) -> Iterator[ImportResult]:
        return (r for o in self.outcomes for r in o.results)

    def describe(self) -> str:
        """One line such as ``Fetched 2 articles · 1 still waiting for a connection``."""
        if not self.outcomes:
            if self.cancelled:
                return _st("Nothing was fetched (cancelled).")
            return _st("Nothing is waiting.")
        known, offline, failed = len(self.duplicates), len(self.queued), len(self.failed)
        parts = counted_parts(
            (known, _st("{0} already in the library").format(known)),
            (offline, _st("{0} still waiting for a connection").format(offline)),
            (failed, _st("{0} failed (kept, with the reason)").format(failed)),
        )
        n = len(self.added)
        first = _st("Fetched 1 article") if n == 1 else _st("Fetched {0} articles").format(n)
        return outcome_line([first, *parts], self.cancelled)

    def details(self) -> str:
        lines = []
        for o in self.outcomes:
            for r in o.results:
                url = o.queued.url
                if r.status == ImportStatus.ADDED:
                    lines.append(f"{_st('added'):<10} {url} ({_quoted(r.title)})")
                elif r.status == ImportStatus.DUPLICATE:
                    known = _st("already in the library")
                    lines.append(f"{_st('duplicate'):<10} {url} ({known})")
                else:
                    word = _st("waiting") if r.status == ImportStatus.QUEUED else _st("failed")
                    lines.append(f"{word:<10} {url}: {r.error}")
        return "\n".join(lines)


ANSWERED = (FeedStatus.OK, FeedStatus.NOT_MODIFIED)
UNREACHED = (FeedStatus.OFFLINE, FeedStatus.ERROR)


def _added(refresh: FeedRefresh) -> int:
    return sum(x.status == ImportStatus.ADDED for x in refresh.results)


@dataclass(frozen=True, slots=True)
class FeedsRefreshed:
    """What refreshing feeds did; ``cancelled`` if the user stopped it."""

    refreshes: tuple[FeedRefresh, ...]
    cancelled: bool = False

    def new_counts(self) -> dict[int, int]:
        """Feed id -> new articles, for the feeds that answered."""
        return {r.feed.id: _added(r) for r in self.refreshes if r.status in ANSWERED}

    @property
    def added(self) -> int:
        return sum(_added(r) for r in self.refreshes)

    @property
    def added_ids(self) -> list[int]:
        """The articles the feeds brought in."""
        found = [x.id for r in self.refreshes for x in r.results if x.status == ImportStatus.ADDED]
        return [i for i in found if i is not None]

    @property
    def unreachable(self) -> bool:
        """Whether a feed could not be reached or failed."""
        return any(r.status in UNREACHED for r in self.refreshes)

    def describe(self) -> str:
        """One line such as ``5 new articles from 3 feeds · 1 feed could not be reached``."""
        if not self.refreshes:
            if self.cancelled:
                return _st("No feed was refreshed (cancelled).")
            return _st("No feeds yet.")
        n = len(self.refreshes)
        feeds = _st("1 feed") if n == 1 else _st("{0} feeds").format(n)
        if self.added == 1:
            first = _st("1 new article from {0}").format(feeds)
        elif self.added:
            first = _st("{0} new articles from {1}").format(self.added, feeds)
        else:
            first = _st("No new articles in {0}").format(feeds)
        offline = sum(r.status == FeedStatus.OFFLINE for r in self.refreshes)
        failed = sum(r.status == FeedStatus.ERROR for r in self.refreshes)
        unreached = _st("1 feed could not be reached")
        if offline != 1:
            unreached = _st("{0} feeds could not be reached").format(offline)
        broken = _st("1 feed failed") if failed == 1 else _st("{0} feeds failed").format(failed)
        parts = counted_parts((offline, unreached), (failed, broken))
        return outcome_line([first, *parts], self.cancelled)

    def details(self) -> str:
        lines = []
        for r in self.refreshes:
            name = r.feed.title or r.feed.url
            if r.status in UNREACHED:
                lines.append(f"{name}: {r.status}, {r.error}")
                continue
            if r.status == FeedStatus.OK:
                lines.append(_st("{0}: {1} new").format(name, _added(r)))
            else:
                lines.append(_st("{0}: unchanged").format(name))
            added = [x for x in r.results if x.status == ImportStatus.ADDED]
            failed = [x for x in r.results if x.status == ImportStatus.ERROR]
            lines.extend(f"    {_quoted(x.title)}" for x in added)
            lines.extend("    " + _st("failed: {0}").format(x.error) for x in failed)
        return "\n".join(lines)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpmlImported", text)


def _counted(n: int, one: object, many: object) -> str:
    """``one`` for a single thing, else ``many`` with ``%1`` the count (both translated)."""
    return _tr(str(one)) if n == 1 else _tr(str(many)).replace("%1", str(n))


@dataclass(frozen=True, slots=True)
class OpmlImported:
    """What subscribing to the feeds of an OPML list did (nothing was fetched)."""

    results: tuple[OpmlSubscription, ...]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def feed_ids(self) -> list[int]:
        """The subscriptions the list named (new or already there)."""
        return [r.id for r in self.results if r.id is not None]

    @property
    def refused(self) -> bool:
        return self.count("error") > 0

    def describe(self) -> str:
        """One line such as ``Subscribed to 3 feeds · 1 already subscribed``."""
        added, known, refused = self.count("added"), self.count("exists"), self.count("error")
        parts = [
            _counted(
                added,
                QT_TRANSLATE_NOOP("OpmlImported", "Subscribed to 1 feed"),
                QT_TRANSLATE_NOOP("OpmlImported", "Subscribed to %1 feeds"),
            )
        ]
        if known:
            parts.append(_tr("%1 already subscribed").replace("%1", str(known)))
        if refused:
            parts.append(_tr("%1 refused").replace("%1", str(refused)))
        return " \u00b7 ".join(parts) + _tr(". Nothing is fetched until you click Refresh.")

    def details(self) -> str:
        words = {"added": _tr("added"), "exists": _tr("already"), "error": _tr("refused")}
        lines = []
        for r in self.results:
            line = f"{words.get(r.status, r.status):<10} {r.url}"
            if r.title:
                line += f" ({_quoted(r.title)})"
            if r.error:
                line += f": {r.error}"
            lines.append(line)
        return "\n".join(lines)


# -- tasks --------------------------------------------------------------------------------------
def url_import_task(library_path: Path, url: str, tags: Sequence[str] = ()) -> Task:
    """A task fetching ``url`` and importing what it holds (queued when offline)."""

    from reader.services.sources import import_url

    def work(library: Library, task: Task) -> ImportSummary:
        task.report_progress(0, 0, url)
        return ImportSummary(tuple(import_url(library, url, tags=list(tags))))

    label = _st("Fetching {0}").format(_host(url))
    return library_task(library_path, label, work, writes_library=True)


def _fetching_task(
    library_path: Path,
    label: str,
    ids: Sequence[int] | None,
    fetch: Callable[..., list[Any]],
    wrap: Callable[..., T],
) -> Task:
    """A writer task that ``fetch``es the ``ids`` (or all) with progress (by host) and
    Cancel, and wraps what came back (and whether it was cancelled) in ``wrap``."""
    chosen = None if ids is None else list(ids)

    def work(library: Library, task: Task) -> T:
        found = fetch(
            library,
            ids=chosen,
            progress=progress_reporter(task, lambda _done, _total, url: _host(url)),
            cancelled=task.is_cancelled,
        )
        return wrap(tuple(found), cancelled=task.is_cancelled())

    return library_task(library_path, label, work, writes_library=True)


def queue_fetch_task(library_path: Path, ids: Sequence[int] | None = None) -> Task:
    """A task fetching the queued URLs (``ids``, or all), with progress and Cancel."""
    from reader.services.sources import fetch_queue

    label = _st("Fetching Read Later")
    return _fetching_task(library_path, label, ids, fetch_queue, QueueFetched)


def feeds_refresh_task(library_path: Path, ids: Sequence[int] | None = None) -> Task:
    """A task refreshing feeds (``ids``, or all), importing new entries; progress, Cancel."""
    from reader.services.sources import refresh_feeds

    label = _st("Refreshing feeds")
    return _fetching_task(library_path, label, ids, refresh_feeds, FeedsRefreshed)


def feed_add_task(library_path: Path, url: str, tags: Sequence[str] = ()) -> Task:
    """A task subscribing to ``url`` (nothing fetched): ``(feed, added)``. A URL Fieldreader
    may not fetch (a user name or password in it) is refused, and not stored: the task fails
    with :func:`~reader.ingest.fetch.check_url`'s reason."""

    from reader.services.sources import add_feed as subscribe

    def work(library: Library, task: Task) -> tuple[store.Feed, bool]:
        return subscribe(library, url, list(tags))

    return library_task(library_path, _st("Subscribing"), work, writes_library=True)


def remove_task(library_path: Path, kind: str, ids: Sequence[int]) -> Task:
    """A task removing queued URLs (``kind`` ``queue``) or subscriptions (``feeds``)."""
    from reader.library import sources as store

    remove = store.dequeue if kind == "queue" else store.remove_feed
    chosen = list(ids)

    def work(library: Library, task: Task) -> int:
        return sum(remove(library, i) for i in chosen)

    return library_task(library_path, _st("Removing"), work, writes_library=True)


def opml_import_task(library_path: Path, path: Path) -> Task:
    """A task subscribing to every feed of the OPML file at ``path`` (nothing fetched); it
    fails with the reason when the file is not a feed list, and then stores nothing."""

    from reader.services.sources import import_opml, read_opml

    def work(library: Library, task: Task) -> OpmlImported:
        return OpmlImported(tuple(import_opml(library, read_opml(path))))

    label = QCoreApplication.translate("SourceTasks", "Importing feed list")
    return library_task(library_path, label, work, writes_library=True)


def opml_export_task(library_path: Path, path: Path) -> Task:
    """A task writing every subscription to ``path`` as OPML: ``(path, feed count)``."""

    from reader.services.sources import export_opml

    def work(library: Library, task: Task) -> tuple[Path, int]:
        return path, export_opml(library, path)

    label = QCoreApplication.translate("SourceTasks", "Exporting feed list")
    return library_task(library_path, label, work)
