"""Import of OpenDocument texts (``.odt``, LibreOffice and others): zip and lxml only.

This module owns :func:`parse_odt`: the bytes of an ``.odt`` become one
:class:`~reader.library.draft.Draft` (``format="odt"``). ``content.xml`` gives the text:
headings by their outline level, paragraphs, list items, and tables one line a row with
cells joined by ``" | "``; comments, tracked deletions, footnote bodies, frames (pictures,
text boxes) and generated indexes (a table of contents) are left out. ``meta.xml`` gives
the title, author and language when they are set.

The archive is read through :class:`reader.ingest.archive.Archive` (size caps, no part
named outside it) and its XML parsed with no DTD, no entity and no network: nothing the
document links to is ever read or fetched.
"""

from __future__ import annotations

from typing import Any

from reader.ingest.archive import Archive, ArchiveError, local_name, parse_xml
from reader.ingest.blocks import norm_space
from reader.ingest.documents import clean_meta, document_draft, language_code
from reader.library.draft import Draft

__all__ = ["ODT_MIMETYPE", "is_odt", "parse_odt"]

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_WHAT = "OpenDocument text"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#: Elements whose content is not part of the running text.
_SKIP = frozenset(
    {
        f"{{{_OFFICE}}}annotation",
        f"{{{_OFFICE}}}annotation-end",
        f"{{{_TEXT}}}tracked-changes",
        f"{{{_TEXT}}}note",
        f"{{{_TEXT}}}sequence-decls",
        f"{{{_TEXT}}}variable-decls",
        f"{{{_TEXT}}}user-field-decls",
        f"{{{_TEXT}}}table-of-content",
        f"{{{_TEXT}}}alphabetical-index",
        f"{{{_TEXT}}}illustration-index",
        f"{{{_TEXT}}}bibliography",
        f"{{{_TABLE}}}covered-table-cell",
    }
)
_HEADING = f"{{{_TEXT}}}h"
_PARAGRAPH = f"{{{_TEXT}}}p"
_LIST_ITEM = f"{{{_TEXT}}}list-item"
_TABLE_EL = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELL = f"{{{_TABLE}}}table-cell"


def is_odt(archive: Archive) -> bool:
    """Whether an open archive is an OpenDocument text (its ``mimetype`` says so)."""
    return archive.has("mimetype") and archive.read("mimetype").strip() == ODT_MIMETYPE


def _inline(el: Any, out: list[str]) -> None:
    """The running text of ``el`` (spaces, tabs and line breaks as spaces)."""
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP or tag.startswith(f"{{{_DRAW}}}"):
            pass
        elif tag == f"{{{_TEXT}}}s":
            out.append(" " * min(int(child.get(f"{{{_TEXT}}}c", "1") or 1), 100))
        elif tag in (f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"):
            out.append(" ")
        elif tag:
            _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _line(el: Any) -> str:
    out: list[str] = []
    _inline(el, out)
    return norm_space("".join(out))


def _cell_text(cell: Any) -> str:
    return " ".join(line for p in cell.iter(_PARAGRAPH, _HEADING) if (line := _line(p)))


def _heading_kind(el: Any) -> str:
    try:
        level = int(el.get(f"{{{_TEXT}}}outline-level", "1"))
    except ValueError:
        level = 1
    return f"h{min(max(level, 1), 6)}"


def _blocks(body: Any) -> list[tuple[str, str]]:
    """The ``(kind, text)`` blocks of ``office:text``, in document order."""
    parts: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(child, "p") for child in reversed(body)]
    while stack:
        el, kind = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP or tag.startswith(f"{{{_DRAW}}}"):
            continue
        if tag == _HEADING:
            parts.append((_heading_kind(el), _line(el)))
        elif tag == _PARAGRAPH:
            parts.append((kind, _line(el)))
        elif tag == _TABLE_EL:
            for row in el.iter(_ROW):
                if any(a.tag == _TABLE_EL and a is not el for a in row.iterancestors()):
                    continue  # an inner table is read as part of its cell
                cells = [_cell_text(c) for c in row if c.tag == _CELL]
                parts.append(("p", " | ".join(c for c in cells if c)))
        else:
            inner = "li" if tag == _LIST_ITEM else kind
            stack.extend((child, inner) for child in reversed(el))
    return [(kind, text) for kind, text in parts if text]


def _meta(archive: Archive) -> dict[str, str]:
    if not archive.has("meta.xml"):
        return {}
    try:
        root = parse_xml(archive.read("meta.xml"), "the document's meta.xml", recover=True)
    except ArchiveError:
        return {}
    found: dict[str, str] = {}
    for el in root.iter():
        key = local_name(el)
        if key in ("title", "creator", "initial-creator", "language"):
            value = clean_meta("".join(el.itertext()))
            if value:
                found.setdefault(key, value)
    return found


def parse_odt(data: bytes, *, filename: str = "") -> Draft:
    """One OpenDocument text as one draft; ``ValueError`` with the reason when it cannot
    be read."""
    archive = Archive(data, _WHAT)
    if not archive.has("content.xml"):
        raise ArchiveError("not a valid OpenDocument text (it has no content.xml)")
    root = parse_xml(archive.read("content.xml"), "the document's content.xml")
    body = next(root.iter(f"{{{_OFFICE}}}text"), None)
    if body is None:
        raise ValueError("the document holds no text (not a text document?)")
    meta = _meta(archive)
    return document_draft(
        _blocks(body),
        fmt="odt",
        title=meta.get("title"),
        byline=meta.get("initial-creator") or meta.get("creator"),
        language=language_code(meta.get("language")),
    )
