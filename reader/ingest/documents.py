"""What the document readers (EPUB, Word, OpenDocument) share once a file is a tree.

This module owns the last steps from a document's HTML-like tree to a
:class:`~reader.library.draft.Draft`: tags without their namespaces
(:func:`strip_namespaces`, so XHTML walks like HTML), tables as text, one line a row with
its cells joined by ``" | "`` (:func:`flatten_tables`), the blocks of a tree through the
web-page block walker (:func:`tree_parts`, :func:`reader.ingest.blocks.element_blocks`),
and the draft itself (:func:`document_draft`: the title from the metadata, else the first
heading, else the first sentence; a first heading that repeats the title is dropped). The
metadata helpers :func:`language_code` and :func:`clean_meta` keep what the metadata says
short and plain. Nothing is fetched; images and other media never contribute text.
"""

from __future__ import annotations

import re
from typing import Any

from reader.ingest.archive import local_name
from reader.ingest.blocks import HEADINGS, element_blocks, norm_space
from reader.ingest.plaintext import title_from_text
from reader.library.draft import Draft, join_blocks

__all__ = [
    "clean_meta",
    "document_draft",
    "flatten_tables",
    "language_code",
    "strip_namespaces",
    "tree_parts",
]

Parts = list[tuple[str, str]]

_CELLS = ("td", "th")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_MAX_META_CHARS = 300


def strip_namespaces(root: Any) -> Any:
    """Every element of ``root`` with its tag's namespace dropped (in place); ``root``."""
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = local_name(el)
    return root


def _row_text(row: Any) -> str:
    cells = [norm_space(cell.text_content()) for cell in row if cell.tag in _CELLS]
    return " | ".join(cell for cell in cells if cell)


def flatten_tables(root: Any) -> None:
    """Each table of ``root`` becomes paragraphs: its caption, then one a row (in place).

    The block walker would make every cell a paragraph of its own; a row on one line keeps
    a table readable as text. A table inside a table is read as part of its cell.
    """
    tables = [t for t in root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
    for table in tables:
        holder = table.makeelement("div", {})
        lines: list[str] = []
        caption = table.find("caption")
        if caption is not None:
            lines.append(norm_space(caption.text_content()))
        for row in table.iter("tr"):
            if any(a.tag == "table" and a is not table for a in row.iterancestors()):
                continue  # a row of an inner table: part of its cell's text
            lines.append(_row_text(row))
        for line in lines:
            if line:
                para = holder.makeelement("p", {})
                para.text = line
                holder.append(para)
        holder.tail = table.tail
        parent = table.getparent()
        if parent is None:
            continue
        parent.replace(table, holder)


def tree_parts(root: Any) -> Parts:
    """The ``(kind, text)`` blocks of a document tree (tables flattened first)."""
    flatten_tables(root)
    return element_blocks(root, skip=("figure", "figcaption"))


def clean_meta(value: str | None) -> str | None:
    """A metadata value on one line, at most a few hundred characters (``None`` if empty)."""
    text = norm_space(value)
    if not text:
        return None
    return text[:_MAX_META_CHARS]


def language_code(value: str | None) -> str | None:
    """The two- or three-letter code of a language tag (``fr-FR`` is ``fr``), or ``None``."""
    found = _LANGUAGE.match(norm_space(value))
    return found[1].lower() if found else None


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def document_draft(
    parts: Parts,
    *,
    fmt: str,
    title: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    language: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Draft:
    """The draft of a document's blocks; ``ValueError`` when they hold no text.

    The title is ``title`` when the metadata gave one, else the first heading, else drawn
    from the first sentence. A first heading equal to the title is not repeated in the text.
    """
    parts = [(kind, text) for kind, text in parts if kind == "pre" or _key(text)]
    title = clean_meta(title)
    if title is None:
        heading = next((text for kind, text in parts[:3] if kind in HEADINGS), None)
        title = clean_meta(heading)
    if len(parts) > 1 and title and parts[0][0] in HEADINGS and _key(parts[0][1]) == _key(title):
        parts = parts[1:]
    text, blocks = join_blocks(parts)
    if not text:
        raise ValueError("the document holds no text")
    return Draft(
        title=title or title_from_text(text),
        text=text,
        byline=clean_meta(byline),
        source=clean_meta(source),
        url=url,
        published=published,
        language=language,
        blocks=blocks,
        format=fmt,
    )
