"""OPML feed lists, the file feed readers exchange their subscriptions in (pure).

This module owns reading and writing OPML: :func:`parse_opml` gives every feed an OPML
file lists (an ``outline`` with an ``xmlUrl``), with its title, its site and its tags (the
folders it sits in, and its ``category`` attribute); :func:`write_opml` writes
subscriptions as an OPML 2.0 document (tags as ``category``, so a round trip keeps them);
:func:`looks_like_opml` tells an OPML file from other XML. The XML is parsed with no DTD,
no entity and no network; nothing a feed list names is fetched here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs

from reader.ingest.archive import ArchiveError, UnsafeXmlError, local_name, parse_xml
from reader.ingest.blocks import norm_space

__all__ = [
    "MAX_OPML_BYTES",
    "OpmlFeed",
    "OpmlList",
    "looks_like_opml",
    "parse_opml",
    "write_opml",
]

#: The largest feed list read (a list of thousands of feeds is well under 1 MB).
MAX_OPML_BYTES = 10 * 1024 * 1024
_MAX_TEXT = 300
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(slots=True)
class OpmlFeed:
    """One feed an OPML file lists."""

    url: str
    title: str | None = None
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OpmlList:
    """What an OPML file holds: its title and its feeds, in document order."""

    title: str | None
    feeds: list[OpmlFeed]


def looks_like_opml(data: bytes) -> bool:
    """Whether ``data`` starts like an OPML document (its root element is ``<opml>``)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    while head.startswith(b"<!--"):
        end = head.find(b"-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    return head.startswith(b"<opml")


def _xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (control characters)."""
    return _NOT_XML.sub("", text)


def _text(value: str | None) -> str | None:
    text = norm_space(value)
    return text[:_MAX_TEXT] if text else None


def _categories(value: str | None) -> list[str]:
    """OPML 2.0 ``category``: comma-separated, each a ``/``-path; the last step is the tag."""
    tags = []
    for item in (value or "").split(","):
        step = item.strip().strip("/").rsplit("/", 1)[-1].strip()
        if step:
            tags.append(step[:_MAX_TEXT])
    return tags


def parse_opml(data: bytes) -> OpmlList:
    """The feeds of an OPML file; ``ValueError`` when it is not one or lists none."""
    if len(data) > MAX_OPML_BYTES:
        raise ValueError(f"the feed list is larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    try:
        root = parse_xml(data, "the feed list")
    except UnsafeXmlError:
        raise
    except ArchiveError:
        try:
            root = parse_xml(data, "the feed list", recover=True)
        except ArchiveError as exc:
            raise ValueError("not an OPML feed list (not XML)") from exc
    if local_name(root).lower() != "opml":
        raise ValueError("not an OPML feed list (its root element is not <opml>)")
    head = next((el for el in root if local_name(el) == "head"), None)
    title_el = None if head is None else next((e for e in head if local_name(e) == "title"), None)
    title = None if title_el is None else _text("".join(title_el.itertext()))
    body = next((el for el in root if local_name(el) == "body"), None)
    if body is None:
        raise ValueError("not an OPML feed list (it has no <body>)")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    # Depth-first with the folders above each outline: (element, folder names).
    stack: list[tuple[lxml.etree._Element, tuple[str, ...]]] = [
        (child, ()) for child in reversed(body)
    ]
    while stack:
        el, folders = stack.pop()
        if local_name(el) != "outline":
            continue
        url = _text(el.get("xmlUrl") or el.get("xmlurl"))
        name = _text(el.get("title")) or _text(el.get("text"))
        if url is not None:
            if url not in seen:
                seen.add(url)
                tags = list(dict.fromkeys([*folders, *_categories(el.get("category"))]))
                feeds.append(OpmlFeed(url, name, _text(el.get("htmlUrl")), tags))
            continue
        inner = (*folders, name) if name else folders
        stack.extend((child, inner) for child in reversed(el))
    if not feeds:
        raise ValueError("the feed list names no feeds (no outline has an xmlUrl)")
    return OpmlList(title, feeds)


def write_opml(feeds: Iterable[OpmlFeed], *, title: str = "Fieldreader feeds") -> bytes:
    """An OPML 2.0 document listing ``feeds`` (UTF-8, with an XML declaration)."""
    root = lxml.etree.Element("opml", version="2.0")
    head = lxml.etree.SubElement(root, "head")
    lxml.etree.SubElement(head, "title").text = _xml_safe(title)
    lxml.etree.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = lxml.etree.SubElement(root, "body")
    for feed in feeds:
        name = _xml_safe(feed.title or "")
        attrs = {"type": "rss", "text": name or _xml_safe(feed.url)}
        if name:
            attrs["title"] = name
        attrs["xmlUrl"] = _xml_safe(feed.url)
        if feed.site_url:
            attrs["htmlUrl"] = _xml_safe(feed.site_url)
        tags = [_xml_safe(t).replace(",", " ").replace("/", " ").strip() for t in feed.tags]
        if any(tags):
            attrs["category"] = ",".join(f"/{t}" for t in tags if t)
        lxml.etree.SubElement(body, "outline", attrs)
    data: bytes = lxml.etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data
