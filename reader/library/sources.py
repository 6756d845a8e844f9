"""Where articles come from besides files: feed subscriptions and the read-later queue.

This module owns three tables of the library file (schema 5): ``feeds`` (a subscription:
its url, title, tags, and what the last fetch said: when, etag / last-modified, error),
``feed_entries_seen`` (the entries of each feed already taken, so a refresh only brings
new ones) and ``url_queue`` (URLs the user asked for while offline, with the attempts made
and the last reason they failed). It only stores and reads; fetching is
:mod:`reader.ingest.fetch`'s job and deciding what to fetch is :mod:`reader.services.sources`'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.library.library import Library, now_iso
from reader.library.records import json_fields, row_values


def _tags(raw: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(t) for t in value) if isinstance(value, list) else ()


def _tags_json(tags: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(t.strip() for t in tags if t and t.strip())))


# -- feeds ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription and what its last fetch said."""

    id: int
    url: str
    title: str | None
    site_url: str | None
    tags: tuple[str, ...]
    added: str
    last_fetched: str | None
    last_success: str | None
    etag: str | None
    modified: str | None
    last_error: str | None
    entries_seen: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Feed:
        return cls(**row_values(cls, row, tags=_tags(row.get("tags"))))

    def as_json(self) -> dict[str, Any]:
        fetches = "last_fetched last_success last_error etag modified"
        return json_fields(self, f"id url title site_url tags added {fetches} entries_seen")


_FEED_SQL = (
    "SELECT f.*, (SELECT count(*) FROM feed_entries_seen s WHERE s.feed_id = f.id) "
    "AS entries_seen FROM feeds f"
)


def add_feed(
    library: Library, url: str, tags: Iterable[str] = (), *, title: str | None = None
) -> tuple[Feed, bool]:
    """Subscribe to ``url`` (nothing is fetched): ``(feed, True)``, or the existing one and
    ``False`` when already subscribed (its tags are then extended with ``tags``). ``title``
    names a new subscription until its first refresh (an OPML list gives one)."""
    db = library.handle
    with library.transaction():
        existing = feed_by_url(library, url)
        if existing is not None:
            if tags:
                merged = _tags_json([*existing.tags, *tags])
                db.execute("UPDATE feeds SET tags = ? WHERE id = ?", [merged, existing.id])
                existing = feed(library, existing.id)
            assert existing is not None
            return existing, False
        cursor = db.execute(
            "INSERT INTO feeds(url, tags, added, title) VALUES (?, ?, ?, ?)",
            [url, _tags_json(tags), now_iso(), title or None],
        )
        feed_id = int(cursor.lastrowid or 0)
    found = feed(library, feed_id)
    assert found is not None
    return found, True


def feed(library: Library, feed_id: int) -> Feed | None:
    """One subscription, or ``None``."""
    rows = list(library.handle.query(f"{_FEED_SQL} WHERE f.id = ?", [feed_id]))
    return Feed.from_row(rows[0]) if rows else None


def feed_by_url(library: Library, url: str) -> Feed | None:
    """The subscription to ``url``, or ``None``."""
    rows = list(library.handle.query(f"{_FEED_SQL} WHERE f.url = ?", [url]))
    return Feed.from_row(rows[0]) if rows else None


def feeds(library: Library) -> list[Feed]:
    """Every subscription, oldest first."""
    return [Feed.from_row(r) for r in library.handle.query(f"{_FEED_SQL} ORDER BY f.id")]


def remove_feed(library: Library, feed_id: int) -> bool:
    """Unsubscribe (the articles already imported stay); False when there was no such feed."""
    with library.transaction():
        cursor = library.handle.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    return cursor.rowcount > 0


def record_fetch(
    library: Library,
    feed_id: int,
    *,
    error: str | None = None,
    title: str | None = None,
    site_url: str | None = None,
    etag: str | None = None,
    modified: str | None = None,
) -> None:
    """Note a fetch of the feed: an ``error``, or a success with what the server said."""
    now = now_iso()
    if error is not None:
        with library.transaction():
            library.handle.execute(
                "UPDATE feeds SET last_fetched = ?, last_error = ? WHERE id = ?",
                [now, error, feed_id],
            )
        return
    with library.transaction():
        library.handle.execute(
            "UPDATE feeds SET last_fetched = ?, last_success = ?, last_error = NULL, "
            "title = coalesce(?, title), site_url = coalesce(?, site_url), etag = ?, "
            "modified = ? WHERE id = ?",
            [now, now, title, site_url, etag, modified, feed_id],
        )


def seen_keys(library: Library, feed_id: int) -> set[str]:
    """The keys of the entries of a feed already taken."""
    rows = library.handle.execute(
        "SELECT entry_key FROM feed_entries_seen WHERE feed_id = ?", [feed_id]
    )
    return {str(r[0]) for r in rows}


def mark_seen(library: Library, feed_id: int, key: str, article_id: int | None) -> None:
    """Remember that an entry of a feed was taken (and which article it became)."""
    with library.transaction():
        library.handle.execute(
            "INSERT OR IGNORE INTO feed_entries_seen(feed_id, entry_key, article_id, seen) "
            "VALUES (?, ?, ?, ?)",
            [feed_id, key, article_id, now_iso()],
        )


# -- the read-later queue ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QueuedUrl:
    """A URL waiting to be fetched, with the attempts made so far."""

    id: int
    url: str
    tags: tuple[str, ...]
    added: str
    attempts: int
    last_attempt: str | None
    last_error: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> QueuedUrl:
        return cls(**row_values(cls, row, tags=_tags(row.get("tags"))))

    def as_json(self) -> dict[str, Any]:
        return json_fields(
            self, ("id", "url", "tags", "added", "attempts", "last_attempt", "last_error")
        )


def queue_url(
    library: Library, url: str, tags: Iterable[str] = (), error: str | None = None
) -> QueuedUrl:
    """Put ``url`` in the queue (once; its tags are merged), recording a failed attempt
    when ``error`` says why it could not be fetched now."""
    db = library.handle
    with library.transaction():
        row = db.execute("SELECT id, tags FROM url_queue WHERE url = ?", [url]).fetchone()
        if row is None:
            cursor = db.execute(
                "INSERT INTO url_queue(url, tags, added) VALUES (?, ?, ?)",
                [url, _tags_json(tags), now_iso()],
            )
            queue_id = int(cursor.lastrowid or 0)
        else:
            queue_id = int(row[0])
            merged = _tags_json([*_tags(row[1]), *tags])
            db.execute("UPDATE url_queue SET tags = ? WHERE id = ?", [merged, queue_id])
        if error is not None:
            record_attempt(library, queue_id, error)
    found = queued(library, queue_id)
    assert found is not None
    return found


def record_attempt(library: Library, queue_id: int, error: str) -> None:
    """Count one more failed attempt at a queued URL, with its reason."""
    with library.transaction():
        library.handle.execute(
            "UPDATE url_queue SET attempts = attempts + 1, last_attempt = ?, last_error = ? "
            "WHERE id = ?",
            [now_iso(), error, queue_id],
        )


def queued(library: Library, queue_id: int) -> QueuedUrl | None:
    """One queued URL, or ``None``."""
    rows = list(library.handle.query("SELECT * FROM url_queue WHERE id = ?", [queue_id]))
    return QueuedUrl.from_row(rows[0]) if rows else None


def queued_by_url(library: Library, url: str) -> QueuedUrl | None:
    """The queue entry for ``url``, or ``None``."""
    rows = list(library.handle.query("SELECT * FROM url_queue WHERE url = ?", [url]))
    return QueuedUrl.from_row(rows[0]) if rows else None


def queue(library: Library) -> list[QueuedUrl]:
    """Every URL waiting, oldest first."""
    return [
        QueuedUrl.from_row(r) for r in library.handle.query("SELECT * FROM url_queue ORDER BY id")
    ]


def dequeue(library: Library, queue_id: int) -> bool:
    """Take a URL out of the queue; False when it was not there."""
    return library.write_statement("DELETE FROM url_queue WHERE id = ?", [queue_id]) > 0


def dequeue_url(library: Library, url: str) -> bool:
    """Take ``url`` out of the queue; False when it was not there."""
    return library.write_statement("DELETE FROM url_queue WHERE url = ?", [url]) > 0
