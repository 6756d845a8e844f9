"""PDF reports: the text layer of a PDF turned into paragraphs, with a title and metadata.

This module owns :func:`parse_pdf`, which reads the bytes of a PDF with pypdf and builds a
:class:`~reader.library.draft.Draft` with ``format="pdf"``:

* lines come from pypdf's text extraction together with their position and font size, so a
  vertical gap wider than the page's usual line spacing, a change of font size, or a bullet
  starts a new paragraph, and wrapped lines are joined into one;
* a page break always ends a paragraph, except when a word is hyphenated across it;
* a word hyphenated at the end of a line is joined again (``eco-`` + ``nomic``); the hyphen
  is kept only when the document spells the same word with a hyphen elsewhere (``well-known``);
* page numbers and running headers or footers repeated on most pages are dropped;
* the title is the document's metadata title when it is a real one, else the first
  heading-like line (the largest type on the first page, or a short first line);
* a PDF with no text layer (a scan) raises ``ValueError`` with :data:`NO_TEXT_LAYER`.

Nothing is fetched: pypdf only reads the bytes it is given.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from reader.ingest.blocks import norm_space
from reader.ingest.dates import parse_date
from reader.ingest.plaintext import looks_like_headline, title_from_text
from reader.library.draft import Draft, join_blocks

__all__ = ["NO_TEXT_LAYER", "is_pdf", "parse_pdf"]

NO_TEXT_LAYER = "this PDF has no text layer (a scan?); Fieldreader cannot read it without OCR"
#: Fewer letters and digits than this in the whole document count as no text layer.
MIN_TEXT_CHARS = 20

# pypdf logs its complaints about odd files; the ValueError we raise says enough.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙·*]|[-–—](?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6})$", re.I
)
_JUNK_TITLE = re.compile(
    r"^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|rtf|odt))$",
    re.I,
)
_HYPHEN_END = re.compile(r"(\w+)[-\u00ad]$")
_LOWER_START = re.compile(r"^([a-zà-ÿ]\w*)")


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` starts like a PDF file (the ``%PDF-`` marker, within the first KB)."""
    return b"%PDF-" in data[:1024]


@dataclass(slots=True)
class _Line:
    text: str
    y: float
    size: float


# --------------------------------------------------------------------------- reading lines


def _scale(m: Any) -> float:
    """The vertical scale of a transformation matrix ``[a, b, c, d, e, f]``."""
    try:
        return math.hypot(float(m[2]), float(m[3])) or 1.0
    except (TypeError, ValueError, IndexError):
        return 1.0


def _page_lines(page: Any) -> list[_Line]:
    """The lines of one page in reading order, each with its height and font size."""
    lines: list[_Line] = []
    parts: list[str] = []
    sizes: Counter[float] = Counter()
    first_y: list[float | None] = [None]

    def end_line() -> None:
        text = norm_space("".join(parts))
        if text:
            size = sizes.most_common(1)[0][0] if sizes else 0.0
            lines.append(_Line(text, first_y[0] or 0.0, size))
        parts.clear()
        sizes.clear()
        first_y[0] = None

    def visit(text: str, cm: Any, tm: Any, _font: Any, font_size: Any) -> None:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                end_line()
            if not piece:
                continue
            try:
                y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
                size = round(float(font_size or 0) * _scale(tm) * _scale(cm), 1)
            except (TypeError, ValueError, IndexError):
                y, size = 0.0, 0.0
            if first_y[0] is None and piece.strip():
                first_y[0] = y
            parts.append(piece)
            if piece.strip():
                sizes[size] += len(piece.strip())

    page.extract_text(visitor_text=visit)
    end_line()
    return lines


def _strip_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and running headers/footers repeated on most pages."""

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    edges: Counter[str] = Counter()
    for lines in pages:
        for line in {key(x): x for x in (lines[:2] + lines[-2:])}.values():
            edges[key(line)] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= 0.6 * len(pages)}
    out = []
    for number, lines in enumerate(pages):
        kept = []
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            running = number > 0 and key(line) in repeated  # the first page has the title
            if at_edge and (_PAGE_NUMBER.match(line.text) or running):
                continue
            kept.append(line)
        out.append(kept)
    return out


# --------------------------------------------------------------------------- paragraphs


def _body_size(pages: list[list[_Line]]) -> float:
    """The font size most of the text is set in."""
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _line_gap(pages: list[list[_Line]], body: float) -> float | None:
    """The usual distance between two lines of one paragraph of body text."""
    gaps = [
        round(a.y - b.y, 1)
        for lines in pages
        for a, b in zip(lines, lines[1:], strict=False)
        if a.y - b.y > 0.5 and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5
    ]
    if not gaps:
        return None
    small = sorted(gaps)[: max(1, (len(gaps) * 3) // 4)]  # paragraph gaps are the big ones
    gap = statistics.median(small)
    if len(gaps) < 3 and body:  # too few lines to tell: assume ordinary leading
        gap = min(gap, body * 1.5)
    return gap


def _starts_paragraph(prev: _Line, line: _Line, gap: float | None) -> bool:
    if _BULLET.match(line.text):
        return True
    if prev.size and line.size and abs(prev.size - line.size) / max(prev.size, line.size) > 0.12:
        return True
    dy = prev.y - line.y
    if gap is None:
        return False
    return dy < -gap * 0.5 or dy > gap * 1.3


def _is_heading(text: str, size: float, body: float) -> bool:
    if len(text) > 160 or text.endswith((".", ",", ";")):
        return False
    return bool(body) and size > body * 1.12


def _page_paragraphs(
    lines: list[_Line], body: float, gap: float | None
) -> list[tuple[str, list[str]]]:
    """``(kind, lines)`` paragraphs of one page."""
    paras: list[tuple[str, list[str]]] = []
    prev: _Line | None = None
    for line in lines:
        if prev is None or _starts_paragraph(prev, line, gap):
            kind = "li" if _BULLET.match(line.text) else "p"
            if _is_heading(line.text, line.size, body):
                kind = "h2"
            paras.append((kind, [line.text]))
        else:
            paras[-1][1].append(line.text)
        prev = line
    return paras


def _join_lines(lines: list[str], hyphenated: set[str]) -> str:
    """One paragraph from its lines, repairing words hyphenated at a line end."""
    out = ""
    for line in lines:
        if not out:
            out = line
            continue
        end, start = _HYPHEN_END.search(out), _LOWER_START.match(line)
        if end and start:
            word = f"{end[1]}-{start[1]}".casefold()
            hyphen = "-" if out.endswith("-") and word in hyphenated else ""
            out = out[:-1] + hyphen + line
        else:
            out = f"{out} {line}"
    return out


def _hyphenated_words(pages: list[list[_Line]]) -> set[str]:
    """Words the document writes with a hyphen inside a line (``well-known``)."""
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            words.update(m.casefold() for m in re.findall(r"\w+-\w+", line.text))
    return words


def _paragraphs(pages: list[list[_Line]]) -> list[tuple[str, str]]:
    body = _body_size(pages)
    hyphenated = _hyphenated_words(pages)
    gap = _line_gap(pages, body)
    merged: list[tuple[str, list[str]]] = []
    for lines in pages:
        paras = _page_paragraphs(lines, body, gap)
        if merged and paras and merged[-1][0] == "p" and paras[0][0] == "p":
            last, first = merged[-1][1][-1], paras[0][1][0]
            if _HYPHEN_END.search(last) and _LOWER_START.match(first):
                merged[-1][1].extend(paras[0][1])  # a word split across the page break
                paras = paras[1:]
        merged.extend(paras)
    return [(kind, _join_lines(lines, hyphenated)) for kind, lines in merged]


# --------------------------------------------------------------------------- metadata


def _meta_title(meta: Any) -> str | None:
    title = norm_space(str(getattr(meta, "title", None) or "")) if meta is not None else ""
    if len(title) < 3 or _JUNK_TITLE.match(title) or not any(c.isalpha() for c in title):
        return None
    return title


def _published(meta: Any) -> str | None:
    if meta is None:
        return None
    try:
        created = meta.creation_date
    except Exception:  # pypdf raises assorted errors on malformed dates
        created = None
    if created is not None:
        return parse_date(created.date().isoformat())
    return None


def _title_and_parts(
    parts: list[tuple[str, str]], meta_title: str | None, first_page: list[_Line], body: float
) -> tuple[str | None, list[tuple[str, str]]]:
    """The title, and the parts with the title's own paragraph marked as ``h1``."""
    if not parts:
        return meta_title, parts
    kind0, text0 = parts[0]
    if meta_title is not None:
        if norm_space(text0).casefold() == meta_title.casefold():
            parts[0] = ("h1", text0)
        return meta_title, parts
    biggest = max((line.size for line in first_page), default=0.0)
    heading_first = kind0 == "h2" and first_page and first_page[0].size >= biggest
    if heading_first or (len(parts) > 1 and looks_like_headline(text0) and len(text0) <= 150):
        parts[0] = ("h1", text0)
        return text0, parts
    return None, parts


def parse_pdf(data: bytes, *, filename: str = "") -> Draft:
    """Build a :class:`Draft` from the bytes of a PDF; ``ValueError`` with a reason otherwise."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValueError("this PDF is protected by a password; Fieldreader cannot open it")
        pages = [_page_lines(page) for page in reader.pages]
        meta = reader.metadata
    except ValueError as exc:
        if "password" in str(exc):
            raise
        raise ValueError(f"could not read the PDF: {_short(exc)}") from exc
    except (PyPdfError, RecursionError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ValueError(f"could not read the PDF: {_short(exc)}") from exc
    except Exception as exc:  # pypdf raises other errors on broken files
        if isinstance(exc, MemoryError):
            raise
        raise ValueError(f"could not read the PDF: {_short(exc)}") from exc
    if not pages:
        raise ValueError("the PDF has no pages")
    letters = sum(ch.isalnum() for lines in pages for line in lines for ch in line.text)
    if letters < MIN_TEXT_CHARS:
        raise ValueError(NO_TEXT_LAYER)
    pages = _strip_furniture(pages)
    body = _body_size(pages)
    parts = _paragraphs(pages)
    title, parts = _title_and_parts(parts, _meta_title(meta), pages[0], body)
    text, blocks = join_blocks(parts)
    if not text:
        raise ValueError(NO_TEXT_LAYER)
    author = norm_space(str(getattr(meta, "author", None) or "")) if meta is not None else ""
    stem = PurePath(filename).stem if filename else ""
    return Draft(
        title=title or title_from_text(text) or stem or "Untitled PDF",
        text=text,
        byline=author or None,
        published=_published(meta),
        blocks=blocks,
        format="pdf",
    )


def _short(exc: BaseException) -> str:
    return (norm_space(str(exc)) or type(exc).__name__)[:120]
