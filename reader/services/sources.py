"""Importing from the network, always at the user's request: URLs, the queue, feeds.

This module owns the three operations that fetch: :func:`import_url` (``fieldreader import
https://...``: the page, PDF or feed at a URL becomes articles; with no connection the URL
goes into the read-later queue instead), :func:`fetch_queue` (``fieldreader queue fetch``:
try every queued URL again; a success leaves the queue, a failure stays with its reason and
attempt count) and :func:`refresh_feeds` (``fieldreader feeds refresh``: fetch each
subscription, conditionally, and import only the entries not seen before). What one
response holds is decided by :func:`incoming_from`: a PDF, a feed, an HTML page or plain
text. Fetching itself is :mod:`reader.ingest.fetch`; storage is :mod:`reader.library.sources`.

Feed lists move between feed readers as OPML: :func:`import_opml` (``fieldreader feeds
import-opml FILE``) subscribes to every feed a list names, fetching nothing, exactly as
:func:`add_feed` does for one, and :func:`export_opml` (``feeds export-opml FILE``) writes
the subscriptions as OPML 2.0, their tags as categories.

A URL Fieldreader never fetches (one with a user name or password in it, or not
``http(s)://``) is refused before anything is stored: :func:`import_url` checks it first,
and :func:`add_feed` and :func:`queue_url` are the way to subscribe and to queue (the
library cannot check URLs itself: that knowledge is :func:`reader.ingest.fetch.check_url`'s).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from reader.analysis.entities import Extractor
from reader.ingest.feeds import looks_like_feed, parse_feed
from reader.ingest.fetch import Fetched, FetchError, Unreachable, check_url, decode_page, fetch
from reader.ingest.opml import MAX_OPML_BYTES, OpmlFeed, parse_opml, write_opml
from reader.ingest.pdf import is_pdf
from reader.ingest.readers import Incoming, check_paragraphs, feed_incoming
from reader.ingest.urls import outlet_from_url
from reader.library import Library, Original
from reader.library import sources as _db
from reader.library.sources import Feed, QueuedUrl
from reader.library.statuses import FeedStatus, ImportStatus
from reader.services.extraction import extractor_for
from reader.services.steps import CancelledFn, ProgressFn, steps
from reader.services.storing import ImportResult, store

__all__ = [
    "FeedRefresh",
    "OpmlSubscription",
    "QueueOutcome",
    "add_feed",
    "export_opml",
    "fetch_queue",
    "import_opml",
    "import_url",
    "incoming_from",
    "queue_url",
    "read_opml",
    "refresh_feeds",
    "without_credentials",
]

Fetcher = Callable[..., Fetched]

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")
#: Types servers send when they do not know better: the content decides.
SNIFFED_TYPES = {"application/octet-stream", "binary/octet-stream"}


def _filename(url: str, default: str) -> str:
    name = unquote(PurePosixPath(urlsplit(url).path).name)
    return name if name and "." in name else default


def without_credentials(url: str) -> str:
    """``url`` with any user name and password in it replaced by ``***`` (to show it)."""
    return _USERINFO.sub(r"\1***@", url, count=1)


def incoming_from(fetched: Fetched) -> list[Incoming]:
    """The articles in one response; ``ValueError`` when it holds nothing readable."""
    ctype, url, data = fetched.content_type, fetched.final_url, fetched.data
    if not data.strip():
        raise FetchError("the server sent an empty page")
    if ctype == "application/pdf" or is_pdf(data):
        from reader.ingest.pdf import parse_pdf

        draft = parse_pdf(data, filename=_filename(url, "document.pdf"))
        draft.url = url
        draft.source = outlet_from_url(url)
        return [Incoming(draft, Original(_filename(url, "document.pdf"), data))]
    if ctype in FEED_TYPES or looks_like_feed(data):
        return feed_incoming(data, url=url)
    if ctype in XML_TYPES:
        raise FetchError("the URL gives an XML document that is not an RSS or Atom feed")
    if ctype and ctype not in SNIFFED_TYPES and ctype not in HTML_TYPES:
        if not ctype.startswith("text/"):
            raise FetchError(f"Fieldreader cannot read {ctype} content")
    text = decode_page(fetched)
    if ctype in HTML_TYPES or (not ctype.startswith("text/") and "<html" in text[:4096].lower()):
        from reader.ingest.html import extract_html

        draft = check_paragraphs(extract_html(text, url=url))
        return [Incoming(draft, Original(_filename(url, "page.html"), data))]
    if ctype.startswith("text/"):
        from reader.ingest.plaintext import parse_text

        draft = check_paragraphs(parse_text(text, filename=_filename(url, "page.txt")))
        draft.url = draft.url or url
        draft.source = draft.source or outlet_from_url(url)
        return [Incoming(draft, Original(_filename(url, "page.txt"), data))]
    raise FetchError(f"Fieldreader cannot read {ctype or 'this kind of'} content")


def import_url(
    library: Library,
    url: str,
    *,
    tags: Iterable[str] = (),
    extractor: Extractor | None = None,
    fetcher: Fetcher = fetch,
    language: str | None = None,
) -> list[ImportResult]:
    """Fetch ``url`` and import what it holds (one result per article; ``language`` names
    their language instead of the page's or the detected one).

    A URL Fieldreader does not fetch (with a user name or password, or not http(s)) is an
    ``error`` at once, and leaves the queue if it was waiting there. An article already in
    the library with this url comes back as ``duplicate`` with no fetch. With no
    connection the URL is queued (status ``queued``, the reason in ``error``). If the URL
    was queued, a success takes it out of the queue and a failure is counted there with
    its reason.
    """
    tags = list(tags)
    try:
        check_url(url)
    except FetchError as exc:
        _db.dequeue_url(library, url)  # never kept, not even to try again
        return [ImportResult(without_credentials(url), ImportStatus.ERROR, error=str(exc))]
    waiting = _db.queued_by_url(library, url)
    existing = library.article_with_url(url)
    if existing is not None:
        if waiting is not None:
            _db.dequeue(library, waiting.id)
        title = library.title_of(existing)
        return [ImportResult(url, ImportStatus.DUPLICATE, id=existing, title=title)]
    try:
        items = incoming_from(fetcher(url))
    except Unreachable as exc:
        queue_url(library, url, tags, error=str(exc))
        return [ImportResult(url, ImportStatus.QUEUED, error=str(exc))]
    except (ValueError, OSError) as exc:
        reason = str(exc) or type(exc).__name__
        if waiting is not None:
            _db.record_attempt(library, waiting.id, reason)
        return [ImportResult(url, ImportStatus.ERROR, error=reason)]
    extractor = extractor or extractor_for(library)
    results = [store(library, url, item, tags, extractor, language=language) for item in items]
    if waiting is not None:
        _db.dequeue(library, waiting.id)
    return results


# -- the read-later queue ---------------------------------------------------------------------
def queue_url(
    library: Library, url: str, tags: Iterable[str] = (), error: str | None = None
) -> QueuedUrl:
    """Put ``url`` in the read-later queue (:func:`reader.library.sources.queue_url`), once
    it is a URL Fieldreader would fetch: :class:`FetchError` (a ``ValueError``) otherwise,
    and nothing is stored."""
    check_url(url)
    return _db.queue_url(library, url, tags, error=error)


@dataclass(slots=True)
class QueueOutcome:
    """One queued URL tried again: its import results and its queue entry afterwards
    (``None`` once it has left the queue)."""

    queued: QueuedUrl
    results: list[ImportResult]
    after: QueuedUrl | None

    def as_json(self) -> list[dict[str, Any]]:
        out = []
        for r in self.results:
            item = {**r.as_json(), "queue_id": self.queued.id}
            if self.after is not None:
                item["attempts"] = self.after.attempts
            out.append(item)
        return out


def fetch_queue(
    library: Library,
    *,
    ids: Sequence[int] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    fetcher: Fetcher = fetch,
) -> list[QueueOutcome]:
    """Try every queued URL (or those in ``ids``) again, oldest first."""
    waiting = [q for q in _db.queue(library) if ids is None or q.id in ids]
    extractor = extractor_for(library) if waiting else None
    outcomes: list[QueueOutcome] = []
    for item in steps(waiting, progress=progress, cancelled=cancelled, label=_url_of):
        results = import_url(
            library, item.url, tags=item.tags, extractor=extractor, fetcher=fetcher
        )
        outcomes.append(QueueOutcome(item, results, _db.queued(library, item.id)))
    return outcomes


def _url_of(item: QueuedUrl | Feed) -> str:
    return item.url


# -- feeds ------------------------------------------------------------------------------------
def add_feed(library: Library, url: str, tags: Iterable[str] = ()) -> tuple[Feed, bool]:
    """Subscribe to ``url`` (:func:`reader.library.sources.add_feed`: nothing is fetched),
    once it is a URL Fieldreader would fetch: :class:`FetchError` (a ``ValueError``)
    otherwise, and nothing is stored."""
    check_url(url)
    return _db.add_feed(library, url, tags)


@dataclass(slots=True)
class FeedRefresh:
    """One subscription refreshed: ``ok``, ``not_modified``, ``offline`` or ``error``."""

    feed: Feed
    status: FeedStatus
    error: str | None = None
    results: list[ImportResult] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.feed.id,
            "url": self.feed.url,
            "title": self.feed.title,
            "status": self.status,
        }
        if self.error is not None:
            out["error"] = self.error
        out["new"] = sum(r.status == ImportStatus.ADDED for r in self.results)
        out["articles"] = [r.as_json() for r in self.results]
        return out


def _refresh_one(
    library: Library, feed: Feed, extractor: Extractor, fetcher: Fetcher
) -> FeedRefresh:
    try:
        fetched = fetcher(feed.url, etag=feed.etag, modified=feed.modified)
    except Unreachable as exc:
        _db.record_fetch(library, feed.id, error=f"offline: {exc}")
        return FeedRefresh(feed, FeedStatus.OFFLINE, str(exc))
    except (ValueError, OSError) as exc:
        _db.record_fetch(library, feed.id, error=str(exc))
        return FeedRefresh(feed, FeedStatus.ERROR, str(exc))
    if fetched.not_modified:
        _db.record_fetch(library, feed.id, etag=feed.etag, modified=feed.modified)
        return FeedRefresh(feed, FeedStatus.NOT_MODIFIED)
    try:
        parsed = parse_feed(fetched.data, url=fetched.final_url)
    except ValueError as exc:
        _db.record_fetch(library, feed.id, error=str(exc))
        return FeedRefresh(feed, FeedStatus.ERROR, str(exc))
    seen = _db.seen_keys(library, feed.id)
    results: list[ImportResult] = []
    for item in parsed.items:
        if item.key in seen:
            continue
        seen.add(item.key)
        error = None if item.error is None else f"{item.label}: {item.error}"
        result = store(
            library, feed.url, Incoming(item.draft, item.original, error), feed.tags, extractor
        )
        _db.mark_seen(library, feed.id, item.key, result.id)
        results.append(result)
    _db.record_fetch(
        library,
        feed.id,
        title=parsed.title,
        site_url=parsed.site_url,
        etag=fetched.etag,
        modified=fetched.last_modified,
    )
    return FeedRefresh(_db.feed(library, feed.id) or feed, FeedStatus.OK, results=results)


def refresh_feeds(
    library: Library,
    *,
    ids: Sequence[int] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    fetcher: Fetcher = fetch,
) -> list[FeedRefresh]:
    """Fetch every subscription (or those in ``ids``) and import the entries not seen yet."""
    chosen = [f for f in _db.feeds(library) if ids is None or f.id in ids]
    if not chosen:
        return []
    extractor = extractor_for(library)
    return [
        _refresh_one(library, feed, extractor, fetcher)
        for feed in steps(chosen, progress=progress, cancelled=cancelled, label=_url_of)
    ]


# -- OPML feed lists ----------------------------------------------------------------------------
@dataclass(slots=True)
class OpmlSubscription:
    """One feed of an OPML list: ``added``, ``exists`` (already subscribed: its tags were
    extended) or ``error`` (a URL Fieldreader never fetches), with the feed's id."""

    url: str
    title: str | None
    status: str
    tags: list[str] = field(default_factory=list)
    id: int | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "url": self.url,
            "title": self.title,
            "status": self.status,
            "id": self.id,
            "tags": self.tags,
        }
        if self.error is not None:
            out["error"] = self.error
        return out


def read_opml(path: Path) -> list[OpmlFeed]:
    """The feeds the OPML file at ``path`` lists; ``ValueError``/``OSError`` with the
    reason when it cannot be read or is not a feed list."""
    if not path.exists():
        raise FileNotFoundError("no such file")
    if not path.is_file():
        raise ValueError("not a regular file")
    if path.stat().st_size > MAX_OPML_BYTES:
        raise ValueError(f"the feed list is larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    return parse_opml(path.read_bytes()).feeds


def import_opml(
    library: Library, feeds: Iterable[OpmlFeed], tags: Iterable[str] = ()
) -> list[OpmlSubscription]:
    """Subscribe to every feed of a list (nothing is fetched), each with ``tags`` and the
    list's own tags (its folders and categories), all in one transaction. A URL
    Fieldreader never fetches is an ``error`` entry; the others are still subscribed."""
    extra = list(tags)
    results: list[OpmlSubscription] = []
    with library.transaction():
        for item in feeds:
            wanted = list(dict.fromkeys([*extra, *item.tags]))
            try:
                check_url(item.url)
            except FetchError as exc:
                shown = without_credentials(item.url)
                results.append(OpmlSubscription(shown, item.title, "error", wanted, error=str(exc)))
                continue
            feed, added = _db.add_feed(library, item.url, wanted, title=item.title)
            status = "added" if added else "exists"
            results.append(OpmlSubscription(feed.url, item.title, status, list(feed.tags), feed.id))
    return results


def export_opml(library: Library, path: Path) -> int:
    """Write every subscription to ``path`` as OPML 2.0 (replacing it whole, never half
    written); how many feeds it lists."""
    chosen = _db.feeds(library)
    data = write_opml(OpmlFeed(f.url, f.title, f.site_url, list(f.tags)) for f in chosen)
    folder = path.parent if str(path.parent) else Path(".")
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(chosen)
