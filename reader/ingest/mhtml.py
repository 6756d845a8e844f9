"""Import of single-file web pages (MHTML: ``.mhtml``, ``.mht``, as Chrome and Edge save).

This module owns :func:`parse_mhtml`: an MHTML file is a MIME message (read with the
standard library's email parser) whose root part is the page and whose other parts are
the page's images, style sheets and frames. The page's HTML part, decoded with its own
charset and transfer encoding, goes through the web-page extractor
(:func:`reader.ingest.html.extract_html`) like a saved ``.html`` page; its address
(``Snapshot-Content-Location`` or the part's ``Content-Location``) is the article's URL,
and the message's ``Subject`` is the title when the page names none. The embedded
resources are never decoded, loaded or fetched; the extractor runs no script.
"""

from __future__ import annotations

import email
import email.header
import email.policy
from email.message import Message
from typing import Any

from reader.ingest.plaintext import title_from_text
from reader.library.draft import Draft

__all__ = ["looks_like_mhtml", "parse_mhtml"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_mhtml(data: bytes) -> bool:
    """Whether ``data`` starts like an MHTML file (a MIME message of a related page)."""
    head = data[:4096].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError):  # a malformed header: as if absent
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _page_part(message: Message) -> Message | None:
    """The part that is the page: the one the ``start`` parameter names, else the first
    HTML part (a message that is itself one HTML part is its own page)."""
    if not message.is_multipart():
        return message if message.get_content_type() in _HTML_TYPES else None
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str) and start.strip():
        wanted = start.strip()
        for part in parts:
            cid = (_header(part, "Content-ID") or "").strip()
            if cid and cid == wanted and part.get_content_type() in _HTML_TYPES:
                return part
    return next((p for p in parts if p.get_content_type() in _HTML_TYPES), None)


def _part_text(part: Message) -> str:
    """The page's HTML as text, with its transfer encoding undone and its charset."""
    payload: Any = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _web_url(value: str | None) -> str | None:
    return value if value and value.lower().startswith(("http://", "https://")) else None


def parse_mhtml(data: bytes, *, filename: str = "") -> Draft:
    """The article of a single-file page; ``ValueError`` with the reason when it has none."""
    from reader.ingest.html import extract_html

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    page = _page_part(message)
    if page is None:
        raise ValueError("not a valid MHTML page (it holds no HTML part)")
    url = _web_url(_header(message, "Snapshot-Content-Location")) or _web_url(
        _header(page, "Content-Location")
    )
    draft = extract_html(_part_text(page), url=url)
    subject = _subject(message)
    if subject and draft.title == title_from_text(draft.text):
        draft.title = subject  # the page named no title: the one the browser saved
    draft.format = "mhtml"
    return draft


def _subject(message: Message) -> str | None:
    raw = _header(message, "Subject")
    if not raw:
        return None
    try:
        decoded = str(email.header.make_header(email.header.decode_header(raw)))
    except (ValueError, LookupError, UnicodeError):
        decoded = raw
    text = " ".join(decoded.split())
    return text[:300] or None
