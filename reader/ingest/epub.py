"""Import of EPUB books (2 and 3): one article a book, its chapters in reading order.

This module owns :func:`parse_epub`: the bytes of an ``.epub`` become one
:class:`~reader.library.draft.Draft` (``format="epub"``). The package document (OPF) found
through ``META-INF/container.xml`` gives the title, authors, language, publisher and date;
its spine gives the chapters in reading order, each read through the web-page block
walker, each opening with a heading (its own, else its entry in the table of contents).
The table of contents page itself, and pages marked as not in the reading order, are left
out. A book whose chapters are encrypted (DRM) is refused with that reason.

Every part is read through :class:`reader.ingest.archive.Archive` (size caps, no name
outside the book) and parsed with no DTD, no entity and no network; nothing the book
links to (images, fonts, style sheets, remote pages) is ever read or fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs
import lxml.html  # type: ignore[import-untyped]  # lxml ships no stubs

from reader.ingest.archive import Archive, ArchiveError, local_name, parse_xml
from reader.ingest.blocks import HEADINGS, norm_space
from reader.ingest.dates import parse_date
from reader.ingest.documents import (
    clean_meta,
    document_draft,
    language_code,
    strip_namespaces,
    tree_parts,
)
from reader.library.draft import Draft

__all__ = ["EPUB_MIMETYPE", "is_epub", "parse_epub"]

EPUB_MIMETYPE = b"application/epub+zip"
_WHAT = "EPUB book"
_DOCUMENT_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/html"})
_FULL_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
#: Font obfuscation (not DRM) as EPUB and Adobe write it: the fonts are left alone anyway.
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


def is_epub(archive: Archive) -> bool:
    """Whether an open archive is an EPUB book (its ``mimetype`` part says so)."""
    return archive.has("mimetype") and archive.read("mimetype").strip() == EPUB_MIMETYPE


@dataclass(slots=True)
class _Item:
    path: str
    media_type: str
    properties: str


@dataclass(slots=True)
class _Package:
    path: str
    meta: dict[str, list[str]]
    items: dict[str, _Item]
    spine: list[str]  # manifest ids, in reading order (linear only)
    ncx: str | None  # the manifest id of the EPUB 2 table of contents


def _package_path(archive: Archive) -> str:
    if archive.has("META-INF/container.xml"):
        root = parse_xml(archive.read("META-INF/container.xml"), "the book's container.xml")
        for el in root.iter():
            if local_name(el) == "rootfile" and el.get("full-path"):
                media = el.get("media-type") or "application/oebps-package+xml"
                if media == "application/oebps-package+xml":
                    path = archive.resolve("", el.get("full-path"))
                    if path is not None and archive.has(path):
                        return path
    opfs = [name for name in archive.names() if name.lower().endswith(".opf")]
    if not opfs:
        raise ArchiveError("not a valid EPUB book (it has no package document)")
    return opfs[0]


def _read_package(archive: Archive) -> _Package:
    path = _package_path(archive)
    root = parse_xml(archive.read(path), "the book's package document", recover=True)
    meta: dict[str, list[str]] = {}
    items: dict[str, _Item] = {}
    spine: list[str] = []
    ncx: str | None = None
    for el in root.iter():
        name = local_name(el)
        parent = el.getparent()
        where = local_name(parent) if parent is not None else ""
        dublin_core = str(el.tag).startswith("{http://purl.org/dc/elements/1.1/}")
        if where == "metadata" and dublin_core:
            value = norm_space("".join(el.itertext()))
            if value:
                meta.setdefault(name, []).append(value)
        elif name == "item" and el.get("id") and el.get("href"):
            target = archive.resolve(path, el.get("href"))
            if target is not None:
                items[el.get("id")] = _Item(
                    target, (el.get("media-type") or "").lower(), el.get("properties") or ""
                )
        elif name == "spine":
            ncx = el.get("toc")
        elif name == "itemref" and el.get("idref"):
            if (el.get("linear") or "yes").lower() != "no":
                spine.append(el.get("idref"))
    return _Package(path, meta, items, spine, ncx)


def _encrypted_parts(archive: Archive) -> set[str]:
    """The parts META-INF/encryption.xml says are encrypted with something other than the
    usual font obfuscation."""
    if not archive.has("META-INF/encryption.xml"):
        return set()
    root = parse_xml(archive.read("META-INF/encryption.xml"), "the book's encryption.xml")
    found: set[str] = set()
    for data in root.iter():
        if local_name(data) != "EncryptedData":
            continue
        methods = [
            m.get("Algorithm", "") for m in data.iter() if local_name(m) == "EncryptionMethod"
        ]
        if methods and all(m in _FONT_OBFUSCATION for m in methods):
            continue
        for ref in data.iter():
            if local_name(ref) == "CipherReference" and ref.get("URI"):
                target = archive.resolve("", ref.get("URI"))
                if target is not None:
                    found.add(target)
    return found


def _toc_labels(archive: Archive, package: _Package) -> dict[str, str]:
    """Each chapter file's first label in the table of contents (EPUB 3 nav, else NCX)."""
    labels: dict[str, str] = {}
    nav = next((i for i in package.items.values() if "nav" in i.properties.split()), None)
    ncx = package.items.get(package.ncx or "")
    try:
        if nav is not None and archive.has(nav.path):
            root = _parse_page(archive.read(nav.path))
            for link in root.iter("a"):
                target = archive.resolve(nav.path, link.get("href") or "")
                label = norm_space(link.text_content())
                if target and label:
                    labels.setdefault(target, label)
        elif ncx is not None and archive.has(ncx.path):
            root = parse_xml(archive.read(ncx.path), "the book's table of contents", recover=True)
            for point in root.iter():
                if local_name(point) != "navPoint":
                    continue
                label_el = next((e for e in point if local_name(e) == "navLabel"), None)
                content = next((e for e in point if local_name(e) == "content"), None)
                if label_el is None or content is None:
                    continue
                target = archive.resolve(ncx.path, content.get("src") or "")
                label = norm_space("".join(label_el.itertext()))
                if target and label:
                    labels.setdefault(target, label)
    except ArchiveError:
        return labels  # a broken table of contents only costs the chapter labels
    return labels


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def _page_text(data: bytes) -> str:
    """A chapter's bytes as text: its byte-order mark, else the encoding its XML
    declaration names, else UTF-8 (what EPUB requires)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    found = _XML_ENCODING.match(data[:200])
    encoding = found[1].decode("ascii") if found else "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _parse_page(data: bytes) -> Any:
    """A chapter (XHTML) as an HTML tree: libxml2's HTML parser reads XHTML's empty
    elements and named entities, never loads a DTD and never fetches."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", _page_text(data), count=1)
    source = text.encode("utf-8", "replace")
    if not source.strip():
        raise ArchiveError("a chapter of the book is empty")
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError) as exc:
        raise ArchiveError(f"a chapter of the book cannot be read ({exc})") from exc
    return strip_namespaces(root)


def _chapter_parts(root: Any, label: str | None) -> list[tuple[str, str]]:
    body = root.find(".//body")
    parts = tree_parts(body if body is not None else root)
    if parts and label and parts[0][0] not in HEADINGS:
        parts.insert(0, ("h2", label))
    return parts


def _first(meta: dict[str, list[str]], name: str) -> str | None:
    values = meta.get(name)
    return values[0] if values else None


def parse_epub(data: bytes, *, filename: str = "") -> Draft:
    """One book as one draft; ``ValueError`` with the reason when it cannot be read."""
    archive = Archive(data, _WHAT)
    package = _read_package(archive)
    encrypted = _encrypted_parts(archive)
    labels = _toc_labels(archive, package)
    nav_paths = {i.path for i in package.items.values() if "nav" in i.properties.split()}
    parts: list[tuple[str, str]] = []
    seen: set[str] = set()
    for idref in package.spine:
        item = package.items.get(idref)
        if item is None or item.path in seen or item.path in nav_paths:
            continue
        seen.add(item.path)
        if item.media_type not in _DOCUMENT_TYPES or not archive.has(item.path):
            continue
        if item.path in encrypted:
            raise ArchiveError(
                "the book is protected by DRM (its chapters are encrypted): "
                "Fieldreader cannot read it"
            )
        parts.extend(_chapter_parts(_parse_page(archive.read(item.path)), labels.get(item.path)))
    if not parts:
        raise ValueError("the book holds no text (no chapter has any)")
    meta = package.meta
    authors = list(dict.fromkeys(meta.get("creator", [])))
    date = _first(meta, "date")
    return document_draft(
        parts,
        fmt="epub",
        title=_first(meta, "title"),
        byline=", ".join(authors) or None,
        published=parse_date(date) if date and _FULL_DATE.match(date) else None,
        language=language_code(_first(meta, "language")),
        source=clean_meta(_first(meta, "publisher")),
    )
