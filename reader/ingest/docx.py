"""Import of Word documents (``.docx``): clean HTML by mammoth, then the block walker.

This module owns :func:`parse_docx`: the bytes of a ``.docx`` become one
:class:`~reader.library.draft.Draft` (``format="docx"``). mammoth turns the document into
plain HTML (headings by their Word style, the Title style as the top heading, lists, block
quotes, tables, footnotes at the end), which the web-page block walker reads like any
article, with each table row as one line. The title and author come from the document's
properties (``docProps/core.xml``) when they are set, else the title is the first heading.

The archive is checked first (:class:`reader.ingest.archive.Archive`: size caps, no part
named outside it, no encryption) and mammoth is given only those checked bytes. Pictures
are never read (they give no text) and linked files are never opened: mammoth's external
file access stays off, and a document with a DTD is refused, so nothing is fetched.
"""

from __future__ import annotations

import io
import logging
from typing import Any
from xml.parsers.expat import ExpatError

import lxml.html  # type: ignore[import-untyped]  # lxml ships no stubs

from reader.ingest.archive import (
    DAMAGED_ZIP_ERRORS,
    Archive,
    ArchiveError,
    local_name,
    parse_xml,
)
from reader.ingest.documents import clean_meta, document_draft, language_code, tree_parts
from reader.library.draft import Draft

__all__ = ["is_docx", "parse_docx"]

_WHAT = "Word document"
_MAIN = "word/document.xml"
_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
#: Parts mammoth reads; each must be XML with no document type declaration.
_XML_PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    _MAIN,
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
    "word/comments.xml",
)

logging.getLogger("mammoth").addHandler(logging.NullHandler())


def is_docx(archive: Archive) -> bool:
    """Whether an open archive is a Word document (it has ``word/document.xml``)."""
    return archive.has(_MAIN)


def _no_image(image: Any) -> dict[str, str]:
    return {}  # the picture is never read: it gives no text


def _check_parts(archive: Archive) -> None:
    """Refuse a document whose parts declare a DTD (Word never writes one)."""
    if not archive.has(_MAIN):
        raise ArchiveError("not a valid Word document (it has no word/document.xml)")
    for name in _XML_PARTS:
        if archive.has(name):
            head = archive.read(name)[:4096]
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise ArchiveError(f"the Word document declares a DTD in {name}: refused")


def _properties(archive: Archive) -> dict[str, str]:
    """Title, creator and language from ``docProps/core.xml`` (empty when absent)."""
    name = "docProps/core.xml"
    if not archive.has(name):
        return {}
    try:
        root = parse_xml(archive.read(name), "the document's properties", recover=True)
    except ArchiveError:
        return {}
    found: dict[str, str] = {}
    for el in root:
        key = local_name(el)
        value = clean_meta("".join(el.itertext()))
        if key in ("title", "creator", "language") and value:
            found.setdefault(key, value)
    return found


def _drop_back_links(root: Any) -> None:
    """Footnotes end with a link back to their reference ("↑"): drop it."""
    for link in root.iter("a"):
        href = link.get("href") or ""
        if href.startswith(("#footnote-ref-", "#endnote-ref-")):
            link.drop_tree()


def parse_docx(data: bytes, *, filename: str = "") -> Draft:
    """One Word document as one draft; ``ValueError`` with the reason when it cannot be
    read."""
    import mammoth  # type: ignore[import-untyped]  # loads on first use; ships no stubs

    archive = Archive(data, _WHAT)
    _check_parts(archive)
    props = _properties(archive)
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_STYLE_MAP,
            convert_image=mammoth.images.img_element(_no_image),
            external_file_access=False,
        )
    except (*DAMAGED_ZIP_ERRORS, ExpatError, LookupError, AttributeError, TypeError) as exc:
        reason = str(exc)[:120] or type(exc).__name__
        raise ArchiveError(f"the Word document cannot be read ({reason})") from exc
    html = result.value or ""
    if not html.strip():
        raise ValueError("the document holds no text")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    _drop_back_links(root)
    return document_draft(
        tree_parts(root),
        fmt="docx",
        title=props.get("title"),
        byline=props.get("creator"),
        language=language_code(props.get("language")),
    )
