"""Importing files, folders and URLs into the library, one article per transaction.

:func:`import_paths` walks folders, reads each file (refusing what is not text), picks the
parser by extension, skips duplicates (same normalised text or same url), extracts the
entities and stores each article with its mentions whole or not at all. One bad file is
reported and never stops the rest. Progress and cancellation are plain callables, so the
command line and the UI's tasks share it.

Most inputs give one article; a feed file gives one per entry (:mod:`reader.ingest.feeds`)
and so one :class:`ImportResult` per entry. PDFs (:mod:`reader.ingest.pdf`) are binary and
branch off before any text decoding. An ``http(s)://`` input is fetched, because the user
asked for it, by :func:`reader.services.sources.import_url`; when there is no connection it
lands in the read-later queue with the status ``queued``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analysis.entities import Extractor, Mention
from reader.services.extraction import extractor_for
from reader.ingest.decode import MAX_BYTES, NotTextError, decode_text
from reader.library.draft import Draft
from reader.ingest.markdown_file import parse_markdown
from reader.services.pipeline import PARALLEL_MIN_FILES
from reader.ingest.plaintext import parse_text
from reader.library import Library, Original

Parser = Callable[..., Draft]

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
FEED_SUFFIXES = {".rss", ".atom"}
#: ``.xml`` files are read as feeds when they are feeds (a folder walk skips the others).
XML_SUFFIXES = {".xml"}
#: What a folder walk picks up; files named explicitly may have any name.
KNOWN_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES | PDF_SUFFIXES | FEED_SUFFIXES

#: Every status an :class:`ImportResult` can have.
STATUSES = ("added", "duplicate", "error", "queued")


@dataclass(slots=True)
class ImportResult:
    """What happened to one article of one input: ``added``, ``duplicate``, ``error``, or
    ``queued`` (a URL that could not be fetched for want of a connection: it waits in the
    read-later queue, and ``error`` holds the reason)."""

    path: str
    status: str
    id: int | None = None
    title: str | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status}
        if self.error is not None:
            out["reason" if self.status == "queued" else "error"] = self.error
        out["path"] = self.path
        return out


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
    """The parser for a file, chosen by its extension (plain text by default)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return parse_markdown
    if suffix in HTML_SUFFIXES:
        return _parse_html
    return parse_text


def _is_url(value: str | Path) -> bool:
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


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

    URLs are not files: :func:`import_paths` takes them apart before this walk.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and _walk_wants(child):
                    yield child
        else:
            yield path


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise FileNotFoundError("no such file")
    if not path.is_file():
        raise NotTextError("not a regular file")
    if path.stat().st_size > MAX_BYTES:
        raise NotTextError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return path.read_bytes()


def read_draft(path: Path) -> tuple[Draft, Original]:
    """Read and parse one single-article file (text, Markdown, HTML or PDF); raise
    ``ValueError``/``OSError`` with a clear reason. Feeds give many: see :func:`read_inputs`."""
    data = _read_bytes(path)
    if path.suffix.lower() in PDF_SUFFIXES or data[:5] == b"%PDF-":
        from reader.ingest.pdf import parse_pdf  # binary: never decoded as text

        return parse_pdf(data, filename=path.name), Original(path.name, data)
    text = decode_text(data)
    draft = parser_for(path)(text, filename=path.name)
    return draft, Original(path.name, data)


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


def store(
    library: Library,
    label: str,
    incoming: Incoming,
    tags: Iterable[str] = (),
    extractor: Extractor | None = None,
    mentions: list[Mention] | None = None,
) -> ImportResult:
    """Store one article unless it is a duplicate (extracting its entities first, unless
    ``mentions`` were found already)."""
    draft, original = incoming.draft, incoming.original
    if draft is None or incoming.error is not None:
        return ImportResult(label, "error", error=incoming.error or "nothing to import")
    existing = library.find_duplicate(draft.text, draft.url)
    if existing is not None:
        return ImportResult(label, "duplicate", id=existing, title=library.title_of(existing))
    if mentions is None:
        mentions = (extractor or extractor_for(library)).extract(draft.text)
    article_id, added = library.add_unless_duplicate(draft, original, tags, mentions)
    status = "added" if added else "duplicate"
    title = draft.title if added else library.title_of(article_id)
    return ImportResult(label, status, id=article_id, title=title)


def import_one(
    library: Library, path: Path, tags: Iterable[str] = (), extractor: Extractor | None = None
) -> list[ImportResult]:
    """Import one file (a feed file gives one result per entry); errors become results."""
    tags = list(tags)
    extractor = extractor or extractor_for(library)
    return [store(library, str(path), item, tags, extractor) for item in read_inputs(path)]


ProgressFn = Callable[[int, int, str], None]


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    tags: Iterable[str] = (),
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    parallel: bool = True,
) -> list[ImportResult]:
    """Import every input; ``progress(done, total, path)`` after each, stop when cancelled.

    Many files are read and their entities found in worker processes (``parallel``), while
    this thread alone writes, a few whole articles per transaction.

    An ``http(s)://`` input is fetched (the user named it); the rest are files and folders.
    """
    inputs: list[str | Path] = []
    for raw in paths:
        if _is_url(raw):
            inputs.append(str(raw))
        else:
            inputs.extend(iter_inputs([raw]))
    tags = list(tags)
    extractor = extractor_for(library)
    results: list[ImportResult] = []
    total = len(inputs)
    done = 0
    files = [i for i in inputs if isinstance(i, Path)]
    if parallel and len(files) >= PARALLEL_MIN_FILES:
        done = _import_files_in_parallel(
            library, files, tags, results, progress, cancelled, total=total
        )
        inputs = [i for i in inputs if isinstance(i, str)]
    for item in inputs:
        if cancelled is not None and cancelled():
            break
        done += 1
        if isinstance(item, str):
            from reader.services.sources import import_url

            results.extend(import_url(library, item, tags=tags, extractor=extractor))
        else:
            results.extend(import_one(library, item, tags, extractor))
        if progress is not None:
            progress(done, total, str(item))
    return results


#: A write transaction holds at most this many articles, or lasts at most this long, so
#: other writers (the window saving a note) never wait long.
BATCH_ARTICLES = 32
BATCH_SECONDS = 0.25


def _import_files_in_parallel(
    library: Library,
    files: list[Path],
    tags: list[str],
    results: list[ImportResult],
    progress: ProgressFn | None,
    cancelled: Callable[[], bool] | None,
    *,
    total: int,
) -> int:
    """Read and extract in worker processes; store here, a few articles per transaction."""
    from reader.services.pipeline import prepare_in_parallel

    done = 0
    batch_started = time.monotonic()
    pending = 0
    library.db.execute("BEGIN")
    try:
        for path, prepared in prepare_in_parallel(
            files, library.correction_rows(), cancelled=cancelled
        ):
            for incoming, mentions in prepared:
                with library.db.atomic():  # a savepoint: one article whole or not at all
                    results.append(store(library, str(path), incoming, tags, mentions=mentions))
                pending += 1
            done += 1
            if pending >= BATCH_ARTICLES or time.monotonic() - batch_started > BATCH_SECONDS:
                library.db.execute("COMMIT")
                library.db.execute("BEGIN")
                batch_started, pending = time.monotonic(), 0
            if progress is not None:
                progress(done, total, str(path))
        library.db.execute("COMMIT")
    except BaseException:
        if library.db.conn.in_transaction:
            library.db.execute("COMMIT")  # keep every whole article stored so far
        raise
    return done
