"""RSS and Atom feeds: one article per entry, from a feed file or the bytes of a feed URL.

This module owns :func:`parse_feed` (and :func:`looks_like_feed`): the bytes of an RSS 0.9x,
1.0 or 2.0 or an Atom feed become a :class:`ParsedFeed` whose items each hold a
:class:`~reader.library.draft.Draft` (``format="feed"``) or the reason the entry could not be
read. An entry's text is its full content (``content:encoded``, Atom ``<content>``) when the
feed has it, else its summary (``<description>``, Atom ``<summary>``); a summary-only
article carries the tag :data:`SUMMARY_TAG`, so it can be listed and found again. The
entry's link, author and date (as written, see :mod:`reader.ingest.dates`) are kept; the
original kept for each article is a small JSON record of the entry as the feed gave it.

Nothing is fetched: feedparser only ever sees the bytes (never a URL or a file name), HTML
content is reduced to text by :func:`reader.ingest.blocks.fragment_blocks`, and a feed that
declares its own XML entities (the "billion laughs" attack) is refused before it is parsed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from reader.ingest.blocks import fragment_blocks, norm_space
from reader.ingest.dates import parse_date
from reader.ingest.plaintext import paragraphs, title_from_text
from reader.ingest.urls import outlet_from_url
from reader.library.draft import Draft, Original, join_blocks

__all__ = [
    "ENTITY_MESSAGE",
    "SUMMARY_TAG",
    "FeedItem",
    "ParsedFeed",
    "looks_like_feed",
    "parse_feed",
]

#: The tag every article made from an entry's summary (not its full text) carries.
SUMMARY_TAG = "summary-only"
NOT_A_FEED = "not an RSS or Atom feed"
ENTITY_MESSAGE = "the feed declares its own XML entities (an entity-expansion attack?); refused"

_PROLOG_SKIP = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S | re.I)
_ROOT = re.compile(r"<(?:[\w.-]+:)?(rss|feed|RDF)\b", re.I)
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


@dataclass(slots=True)
class FeedItem:
    """One entry of a feed: its key (id, link or a hash) and its draft, or why not."""

    key: str
    label: str
    draft: Draft | None
    original: Original | None
    error: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    """A feed's own title and site link, and its entries in feed order."""

    title: str | None
    site_url: str | None
    items: list[FeedItem] = field(default_factory=list)


def _head_text(data: bytes, limit: int = 65536) -> str:
    head = data[:limit]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if len(head) > 1 and head[0] == 0 and head[1] != 0:
        return head.decode("utf-16-be", errors="ignore")
    if len(head) > 1 and head[1] == 0 and head[0] != 0:
        return head.decode("utf-16-le", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def looks_like_feed(data: bytes) -> bool:
    """Whether the document's root element is an RSS, RSS 1.0 (RDF) or Atom feed."""
    text = _head_text(data, 8192)
    pos = 0
    while (m := _PROLOG_SKIP.match(text, pos)) is not None and m.end() > pos:
        pos = m.end()
    return _ROOT.match(text, pos) is not None


def _declares_entities(data: bytes) -> bool:
    """Whether the prolog (before the root element) declares XML entities."""
    text = _head_text(data, 1024 * 1024)
    root = _ROOT.search(text)
    prolog = text[: root.start()] if root else text
    return "<!ENTITY" in prolog


def _plain(value: str | None, kind: str | None) -> str:
    """Text of a feed string that may be HTML."""
    if not value:
        return ""
    if kind and "html" in kind:
        try:
            text, _ = fragment_blocks(value)
        except Exception:  # lxml refuses some fragments: drop the tags by hand
            text = re.sub(r"<[^>]*>", " ", value)
        return norm_space(text)
    return norm_space(value)


def _entry_body(entry: Any) -> tuple[str, str, bool]:
    """``(value, type, is_full_content)`` of an entry: its content, else its summary."""
    contents = [c for c in (entry.get("content") or []) if norm_space(c.get("value"))]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return best.get("value") or "", best.get("type") or "text/html", True
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html", False


def _text_and_blocks(value: str, kind: str) -> tuple[str, list[Any]]:
    if "html" in kind:
        try:
            return fragment_blocks(value)
        except Exception as exc:  # lxml refuses some fragments
            raise ValueError(f"could not read the entry's HTML: {exc}") from exc
    return join_blocks([("p", p) for p in paragraphs(value)])


def _date(entry: Any) -> str | None:
    # dict.get: feedparser's own lookup maps a missing "updated" to "published", with a warning
    for name in ("published", "updated", "created"):
        day = parse_date(dict.get(entry, name))
        if day:
            return day
        parsed = dict.get(entry, f"{name}_parsed")
        if parsed:
            try:
                return parse_date(time.strftime("%Y-%m-%d", parsed))
            except (TypeError, ValueError):
                continue
    return None


def _author(entry: Any) -> str | None:
    raw = norm_space(entry.get("author"))
    if m := _EMAIL_NAME.match(raw):  # RSS writes "desk@example.org (Jane Doe)"
        return m[1].strip() or None
    if re.fullmatch(r"\S+@\S+", raw):
        return None
    detail = entry.get("author_detail") or {}
    return norm_space(detail.get("name")) or raw or None


def _language(*values: str | None) -> str | None:
    for value in values:
        if value and (m := re.match(r"[A-Za-z]{2,3}\b", value.strip())):
            return m[0].lower()
    return None


def _web_link(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else None


def _entry_key(entry: Any, title: str, body: str) -> str:
    key = norm_space(entry.get("id")) or _web_link(entry.get("link"))
    if key:
        return key
    digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()[:32]
    return f"sha256:{digest}"


def _item(entry: Any, index: int, feed_title: str | None, feed_lang: str | None) -> FeedItem:
    title = _plain(entry.get("title"), (entry.get("title_detail") or {}).get("type"))
    value, kind, full = _entry_body(entry)
    link = _web_link(entry.get("link"))
    key = _entry_key(entry, title, value)
    label = f"entry {index} ({title or link or key})"
    record = {
        "feed": feed_title,
        "id": entry.get("id"),
        "link": link,
        "title": title,
        "author": _author(entry),
        "published": dict.get(entry, "published"),
        "updated": dict.get(entry, "updated"),
        "content_type": kind,
        "content": value if full else None,
        "summary": entry.get("summary"),
    }
    original = Original(
        f"entry-{index}.json", json.dumps(record, ensure_ascii=False, indent=1).encode()
    )
    try:
        text, blocks = _text_and_blocks(value, kind)
    except ValueError as exc:
        return FeedItem(key, label, None, original, str(exc))
    if not text:
        return FeedItem(key, label, None, original, "the entry has no text")
    content_lang = None
    for c in entry.get("content") or []:
        content_lang = content_lang or c.get("language")
    draft = Draft(
        title=title or title_from_text(text),
        text=text,
        byline=_author(entry),
        source=feed_title or outlet_from_url(link),
        url=link,
        published=_date(entry),
        language=_language(content_lang, feed_lang),
        tags=[] if full else [SUMMARY_TAG],
        blocks=blocks,
        format="feed",
    )
    return FeedItem(key, label, draft, original)


def parse_feed(data: bytes, *, url: str | None = None) -> ParsedFeed:
    """Read a feed's bytes; ``url`` (where they came from) resolves relative links.

    Raises ``ValueError`` when the bytes are not an RSS or Atom feed, or declare entities.
    """
    import feedparser

    if _declares_entities(data):
        raise ValueError(ENTITY_MESSAGE)
    headers = {"content-location": url} if url else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser is lenient, but not with everything
        raise ValueError(f"could not read the feed: {exc}") from exc
    if not parsed.get("version") and not parsed.entries:
        raise ValueError(NOT_A_FEED)
    meta = parsed.feed
    feed_title = _plain(meta.get("title"), (meta.get("title_detail") or {}).get("type")) or None
    result = ParsedFeed(title=feed_title, site_url=_web_link(meta.get("link")))
    feed_lang = meta.get("language")
    for index, entry in enumerate(parsed.entries, start=1):
        result.items.append(_item(entry, index, feed_title, feed_lang))
    return result
