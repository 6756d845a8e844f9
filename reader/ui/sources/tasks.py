"""The tasks that fetch for the window, and what each one reports.

Each task wraps the Qt-free core (:mod:`reader.services.sources`, :mod:`reader.library.sources`)
as the command line does (:mod:`reader.cli.sources`), and opens its own ``Library`` on the
single-writer pool: an import by URL (an :class:`~reader.ui.tasks.operations.ImportSummary`, a URL
with no connection saved to Read Later), fetching the Read Later queue
(:class:`QueueFetched`), refreshing feeds (:class:`FeedsRefreshed`), subscribing (which
fetches nothing) and removing. Fetching tasks report progress and stop when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from reader.services.importing import ImportResult
from reader.services.sources import (
    FeedRefresh,
    QueueOutcome,
    fetch_queue,
    import_url,
    refresh_feeds,
)
from reader.library import sources as store
from reader.ui.tasks.operations import ImportSummary
from reader.ui.tasks.runner import Task, worker_library

T = TypeVar("T")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


@dataclass(frozen=True, slots=True)
class QueueFetched:
    """What fetching the Read Later queue did; ``cancelled`` if the user stopped it."""

    outcomes: tuple[QueueOutcome, ...]
    cancelled: bool = False

    def _results(self, status: str) -> list[ImportResult]:
        return [r for o in self.outcomes for r in o.results if r.status == status]

    @property
    def added(self) -> list[ImportResult]:
        return self._results("added")

    @property
    def failed(self) -> list[ImportResult]:
        return self._results("error")

    def describe(self) -> str:
        """One line such as ``Fetched 2 articles · 1 still waiting for a connection``."""
        if not self.outcomes:
            return "Nothing was fetched (cancelled)." if self.cancelled else "Nothing is waiting."
        parts = [f"Fetched {plural(len(self.added), 'article')}"]
        known = self._results("duplicate")
        offline = self._results("queued")
        failed = self._results("error")
        if known:
            parts.append(f"{len(known)} already in the library")
        if offline:
            parts.append(f"{len(offline)} still waiting for a connection")
        if failed:
            parts.append(f"{len(failed)} failed (kept, with the reason)")
        line = " \u00b7 ".join(parts)
        return f"{line} (cancelled)" if self.cancelled else line

    def details(self) -> str:
        lines = []
        for o in self.outcomes:
            for r in o.results:
                if r.status == "added":
                    lines.append(f"added      {o.queued.url} (\u201c{r.title}\u201d)")
                elif r.status == "duplicate":
                    lines.append(f"duplicate  {o.queued.url} (already in the library)")
                else:
                    lines.append(
                        f"{'waiting' if r.status == 'queued' else 'failed':<10} "
                        f"{o.queued.url}: {r.error}"
                    )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class FeedsRefreshed:
    """What refreshing feeds did; ``cancelled`` if the user stopped it."""

    refreshes: tuple[FeedRefresh, ...]
    cancelled: bool = False

    def new_counts(self) -> dict[int, int]:
        """Feed id -> new articles, for the feeds that answered."""
        return {
            r.feed.id: sum(x.status == "added" for x in r.results)
            for r in self.refreshes
            if r.status in ("ok", "not_modified")
        }

    @property
    def added(self) -> int:
        return sum(x.status == "added" for r in self.refreshes for x in r.results)

    def describe(self) -> str:
        """One line such as ``5 new articles from 3 feeds · 1 feed could not be reached``."""
        if not self.refreshes:
            return "No feed was refreshed (cancelled)." if self.cancelled else "No feeds yet."
        feeds = plural(len(self.refreshes), "feed")
        if self.added:
            parts = [f"{plural(self.added, 'new article')} from {feeds}"]
        else:
            parts = [f"No new articles in {feeds}"]
        offline = sum(r.status == "offline" for r in self.refreshes)
        failed = sum(r.status == "error" for r in self.refreshes)
        if offline:
            parts.append(f"{plural(offline, 'feed')} could not be reached")
        if failed:
            parts.append(f"{plural(failed, 'feed')} failed")
        line = " \u00b7 ".join(parts)
        return f"{line} (cancelled)" if self.cancelled else line

    def details(self) -> str:
        lines = []
        for r in self.refreshes:
            name = r.feed.title or r.feed.url
            if r.status in ("offline", "error"):
                lines.append(f"{name}: {r.status}, {r.error}")
                continue
            new = sum(x.status == "added" for x in r.results)
            lines.append(f"{name}: {new} new" if r.status == "ok" else f"{name}: unchanged")
            lines.extend(f"    \u201c{x.title}\u201d" for x in r.results if x.status == "added")
            lines.extend(f"    failed: {x.error}" for x in r.results if x.status == "error")
        return "\n".join(lines)


# -- tasks --------------------------------------------------------------------------------------
def url_import_task(library_path: Path, url: str, tags: Sequence[str] = ()) -> Task:
    """A task fetching ``url`` and importing what it holds (queued when offline)."""

    def work(task: Task) -> ImportSummary:
        task.report_progress(0, 0, url)
        with worker_library(library_path) as library:
            results = import_url(library, url, tags=list(tags))
        return ImportSummary(tuple(results))

    return Task(work, f"Fetching {_host(url)}", writes_library=True)


def _fetch_work(
    library_path: Path,
    ids: Sequence[int] | None,
    fetch: Callable[..., list[Any]],
    wrap: Callable[..., T],
) -> Callable[[Task], T]:
    """The work of a fetching task: ``fetch`` the ``ids`` (or all) with progress and
    Cancel, and wrap what came back (and whether it was cancelled) in ``wrap``."""

    def work(task: Task) -> T:
        with worker_library(library_path) as library:
            found = fetch(
                library,
                ids=None if ids is None else list(ids),
                progress=lambda done, total, url: task.report_progress(done, total, _host(url)),
                cancelled=task.is_cancelled,
            )
        return wrap(tuple(found), cancelled=task.is_cancelled())

    return work


def queue_fetch_task(library_path: Path, ids: Sequence[int] | None = None) -> Task:
    """A task fetching the queued URLs (``ids``, or all), with progress and Cancel."""
    work = _fetch_work(library_path, ids, fetch_queue, QueueFetched)
    return Task(work, "Fetching Read Later", writes_library=True)


def feeds_refresh_task(library_path: Path, ids: Sequence[int] | None = None) -> Task:
    """A task refreshing feeds (``ids``, or all), importing new entries; progress, Cancel."""
    work = _fetch_work(library_path, ids, refresh_feeds, FeedsRefreshed)
    return Task(work, "Refreshing feeds", writes_library=True)


def feed_add_task(library_path: Path, url: str, tags: Sequence[str] = ()) -> Task:
    """A task subscribing to ``url`` (nothing fetched): ``(feed, added)``."""

    def work(task: Task) -> tuple[store.Feed, bool]:
        with worker_library(library_path) as library:
            return store.add_feed(library, url, list(tags))

    return Task(work, "Subscribing", writes_library=True)


def remove_task(library_path: Path, kind: str, ids: Sequence[int]) -> Task:
    """A task removing queued URLs (``kind`` ``queue``) or subscriptions (``feeds``)."""
    remove = store.dequeue if kind == "queue" else store.remove_feed
    chosen = list(ids)

    def work(task: Task) -> int:
        with worker_library(library_path) as library:
            return sum(remove(library, i) for i in chosen)

    return Task(work, "Removing", writes_library=True)
