"""Which reader reads which file, and reading one file into the articles it holds (pure).

This module owns the choice of reader for a file and the reading: the one list of what
Fieldreader imports (:data:`KNOWN_SUFFIXES`, what a folder walk picks up,
:func:`file_dialog_filter`, what File › Import Files offers, and :func:`formats_help`, what
the command line's ``import --help`` lists) lives in :mod:`reader.ingest.formats`, which
imports nothing, and is re-exported here. :func:`parser_for` picks the text formats'
parser; EPUB, Word, OpenDocument and MHTML go by suffix, or by their content when the name
says nothing. :func:`iter_inputs` walks the named files and folders, and
:func:`read_inputs` reads one file into :class:`Incoming` articles: one for a text,
Markdown, HTML, MHTML, PDF, EPUB, Word or OpenDocument file, one per entry for a feed. A
file of a kind Fieldreader does not import is refused by its suffix before it is decoded,
with the list of what it does import (:func:`unsupported_format`); an OPML feed list is
pointed to ``feeds import-opml`` and a citation file (RIS, BibTeX) is said to be one.
Nothing here touches the library; storing is :mod:`reader.services.importing`'s work.
Reading never raises for a bad file: the reason comes back in :attr:`Incoming.error`, so
one bad file never stops the rest.

Any file name works: :func:`display_path` is the one way a name becomes text to store or
print (bytes that are not UTF-8, as Linux allows, are written ``\\xNN``), and a name too
long for the system fails alone. A text with one paragraph longer than
:data:`MAX_PARAGRAPH_CHARS` is refused with its reason (:func:`check_paragraphs`) before
its entities are looked for, which is what would take the memory.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.decode import MAX_BYTES, NotTextError, decode_text
from reader.ingest.formats import (
    CITATION_SUFFIXES,
    DOCX_SUFFIXES,
    EPUB_SUFFIXES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    KNOWN_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MHTML_SUFFIXES,
    ODT_SUFFIXES,
    OPML_SUFFIXES,
    PDF_SUFFIXES,
    REFUSED_SUFFIXES,
    TEXT_READ_SUFFIXES,
    TEXT_SUFFIXES,
    XML_SUFFIXES,
    file_dialog_filter,
    formats_help,
    supported_formats,
    unsupported_format,
)
from reader.ingest.plaintext import parse_text
from reader.library.draft import Draft, Original

__all__ = [
    "CITATION_SUFFIXES",
    "DOCX_SUFFIXES",
    "EPUB_SUFFIXES",
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "KNOWN_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "MHTML_SUFFIXES",
    "ODT_SUFFIXES",
    "OPML_SUFFIXES",
    "PDF_SUFFIXES",
    "TEXT_SUFFIXES",
    "XML_SUFFIXES",
    "Incoming",
    "check_paragraphs",
    "display_path",
    "feed_incoming",
    "file_dialog_filter",
    "formats_help",
    "iter_inputs",
    "parser_for",
    "read_draft",
    "read_inputs",
    "supported_formats",
    "unsupported_format",
]

Parser = Callable[..., Draft]
#: A reader of a binary document: its bytes and file name to one draft.
BytesReader = Callable[..., Draft]

#: The longest paragraph an article may have (a million characters, some 300 pages): a
#: longer one is a data dump rather than prose, and finding its entities would take many
#: times its size in memory.
MAX_PARAGRAPH_CHARS = 1_000_000


def display_path(path: str | Path) -> str:
    """``path`` as text that can always be stored and printed.

    A file name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which neither SQLite nor a UTF-8 terminal accepts): each becomes ``\\xNN``.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _refuse_paragraph(length: int) -> None:
    if length > MAX_PARAGRAPH_CHARS:
        size = f"{length / 1_000_000:.1f} million characters"
        raise NotTextError(
            f"one paragraph holds {size} with no break: too long to read as an article "
            f"(at most {MAX_PARAGRAPH_CHARS // 1_000_000} million a paragraph)"
        )


def check_paragraphs(draft: Draft) -> Draft:
    """``draft`` as it is; :class:`NotTextError` when one paragraph is too long to read."""
    _refuse_paragraph(max((b.end - b.start for b in draft.blocks), default=len(draft.text)))
    return draft


def _check_lines(text: str) -> None:
    """Refuse a text or Markdown file with a line too long for a paragraph, before it is
    parsed (HTML is not checked: a whole page on one line is common there)."""
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return
    start = 0
    while (end := text.find("\n", start)) >= 0:
        _refuse_paragraph(end - start)
        start = end + 1
    _refuse_paragraph(len(text) - start)


def _looks_like_opml(data: bytes) -> bool:
    from reader.ingest.opml import looks_like_opml  # lxml: loaded for XML files only

    return looks_like_opml(data)


def _refusal(suffix: str, data: bytes) -> str | None:
    """Why a file is refused before it is decoded, or ``None`` to read it."""
    if suffix in OPML_SUFFIXES or (suffix in XML_SUFFIXES and _looks_like_opml(data)):
        return (
            "an OPML feed list, not an article: 'fieldreader feeds import-opml FILE' "
            "(or File › Feeds… › Import OPML… in the window) subscribes to its feeds"
        )
    if suffix in CITATION_SUFFIXES:
        return (
            f"a citation file ({suffix}), not an article: citation files are not "
            "supported for import"
        )
    if suffix in REFUSED_SUFFIXES:
        return unsupported_format(suffix)
    return None


def _document_reader(suffix: str, data: bytes) -> BytesReader | None:
    """The reader of a binary or MIME document: by its suffix, else (a name that says
    nothing Fieldreader knows) by what the bytes are."""
    if suffix in EPUB_SUFFIXES:
        from reader.ingest.epub import parse_epub

        return parse_epub
    if suffix in DOCX_SUFFIXES:
        from reader.ingest.docx import parse_docx

        return parse_docx
    if suffix in ODT_SUFFIXES:
        from reader.ingest.odt import parse_odt

        return parse_odt
    if suffix in MHTML_SUFFIXES:
        from reader.ingest.mhtml import parse_mhtml

        return parse_mhtml
    if suffix in KNOWN_SUFFIXES or suffix in XML_SUFFIXES:
        return None
    return _sniffed_reader(data)


def _sniffed_reader(data: bytes) -> BytesReader | None:
    from reader.ingest.archive import Archive, ArchiveError, is_zip
    from reader.ingest.mhtml import looks_like_mhtml

    if looks_like_mhtml(data):
        return _document_reader(".mhtml", data)
    if not is_zip(data):
        return None
    try:
        archive = Archive(data, "document")
        from reader.ingest.docx import is_docx
        from reader.ingest.epub import is_epub
        from reader.ingest.odt import is_odt

        for check, suffix in ((is_epub, ".epub"), (is_odt, ".odt"), (is_docx, ".docx")):
            if check(archive):
                return _document_reader(suffix, data)
    except ArchiveError:
        return None
    return None


@dataclass(slots=True)
class Incoming:
    """One article an input gave, ready to store, or the reason it could not be read."""

    draft: Draft | None
    original: Original | None
    error: str | None = None


def _parse_html(text: str, *, filename: str = "") -> Draft:
    from reader.ingest.html import extract_html  # lxml and readability load on first use

    return extract_html(text)


def parser_for(path: Path) -> Parser:
    """The parser for a text file, chosen by its extension (plain text by default)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        from reader.ingest.markdown_file import parse_markdown  # YAML, Markdown on first use

        return parse_markdown
    if suffix in HTML_SUFFIXES:
        return _parse_html
    return parse_text


def _walk_wants(child: Path) -> bool:
    suffix = child.suffix.lower()
    if suffix in KNOWN_SUFFIXES:
        return True
    if suffix in XML_SUFFIXES:
        from reader.ingest.feeds import looks_like_feed

        try:
            with child.open("rb") as handle:
                return looks_like_feed(handle.read(8192))
        except OSError:
            return True  # named in the results with its error
    return False


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the importable files of named folders (sorted, no hidden).

    URLs are not files: :func:`reader.services.importing.import_paths` takes them apart
    before this walk.
    """
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long for the system: read_inputs says so
            is_dir = False
        if is_dir:
            for parts, child in _folder_children(path):
                if any(part.startswith(".") for part in parts):
                    continue
                if child.is_file() and _walk_wants(child):
                    yield child
        else:
            yield path


def _folder_children(folder: Path) -> list[tuple[tuple[str, ...], Path]]:
    """Everything under ``folder`` as ``sorted(folder.rglob("*"))`` lists it, each with its
    parts below ``folder``: one ``os.scandir`` per directory, symlinked directories listed
    but not entered, a directory that may not be read skipped (a fifth of the cost).

    Sorted by those parts, which is how paths compare on POSIX; elsewhere (paths compare
    without case on Windows) by the paths themselves, as before."""
    if os.name != "posix":
        return [(child.relative_to(folder).parts, child) for child in sorted(folder.rglob("*"))]
    found: list[tuple[tuple[str, ...], Path]] = []
    pending: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
    while pending:
        directory, above = pending.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except PermissionError:
            continue
        descend = True  # (as rglob: a directory it may not look into ends the descent)
        for entry in entries:
            parts = (*above, entry.name)
            child = directory / entry.name
            found.append((parts, child))
            if descend:
                try:
                    if _is_dir(entry) and not entry.is_symlink():
                        pending.append((child, parts))
                except PermissionError:
                    descend = False
    found.sort(key=_first)
    return found


def _first(item: tuple[tuple[str, ...], Path]) -> tuple[str, ...]:
    return item[0]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError as exc:
        if isinstance(exc, PermissionError) or exc.errno not in _ABSENT:
            raise
        return False


#: What ``Path.exists`` takes to mean "there is nothing there".
_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at ``path`` (one ``stat``, then the read)."""
    try:
        status = path.stat()
    except OSError as exc:
        if exc.errno not in _ABSENT:
            raise
        raise FileNotFoundError("no such file") from None
    except ValueError:  # a name the system cannot hold (a NUL in it)
        raise FileNotFoundError("no such file") from None
    if not stat.S_ISREG(status.st_mode):
        raise NotTextError("not a regular file")
    if status.st_size > MAX_BYTES:
        raise NotTextError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return path.read_bytes()


def read_draft(path: Path) -> tuple[Draft, Original]:
    """Read and parse one single-article file (text, Markdown, HTML, MHTML, PDF, EPUB, Word
    or OpenDocument); raise ``ValueError``/``OSError`` with a clear reason. Feeds give many:
    see :func:`read_inputs`."""
    data = _read_bytes(path)
    name = display_path(path.name)
    suffix = path.suffix.lower()
    refusal = _refusal(suffix, data)
    if refusal is not None:
        raise NotTextError(refusal)
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        from reader.ingest.pdf import parse_pdf  # binary: never decoded as text

        return check_paragraphs(parse_pdf(data, filename=name)), Original(name, data)
    reader = _document_reader(suffix, data)
    if reader is not None:  # binary or MIME: never decoded as text
        return check_paragraphs(reader(data, filename=name)), Original(name, data)
    try:
        text = decode_text(data)
    except NotTextError as exc:
        if data.strip() and suffix not in TEXT_READ_SUFFIXES:
            raise NotTextError(unsupported_format(suffix)) from exc
        raise
    parser = parser_for(path)
    if parser is not _parse_html:
        _check_lines(text)
    draft = check_paragraphs(parser(text, filename=name))
    return draft, Original(name, data)


def _reason(exc: BaseException) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return reason or exc.__class__.__name__


def feed_incoming(data: bytes, *, url: str | None = None) -> list[Incoming]:
    """The articles of a feed's bytes (``ValueError`` when they are not a feed)."""
    from reader.ingest.feeds import parse_feed

    parsed = parse_feed(data, url=url)
    if not parsed.items:
        raise ValueError("the feed has no entries")
    return [
        Incoming(i.draft, i.original, None if i.error is None else f"{i.label}: {i.error}")
        for i in parsed.items
    ]


def read_inputs(path: Path) -> list[Incoming]:
    """Every article one file gives: one, or one per entry of a feed (never raises)."""
    try:
        suffix = path.suffix.lower()
        if suffix in FEED_SUFFIXES or suffix in XML_SUFFIXES:
            from reader.ingest.feeds import looks_like_feed

            data = _read_bytes(path)
            if suffix in FEED_SUFFIXES or looks_like_feed(data):
                return feed_incoming(data)
        draft, original = read_draft(path)
        return [Incoming(draft, original)]
    except (ValueError, OSError) as exc:
        return [Incoming(None, None, _reason(exc))]
    except MemoryError:
        return [Incoming(None, None, "the file is too large to read in the memory available")]
    except Exception as exc:  # a reader that fails on this file fails it alone
        return [Incoming(None, None, f"the file could not be read ({_crash(exc)})")]


def _crash(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
