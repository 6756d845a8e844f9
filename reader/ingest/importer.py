"""Importing files and folders into the library, one article per transaction.

:func:`import_paths` walks folders, reads each file (refusing what is not text), picks the
parser by extension, skips duplicates (same normalised text or same url), extracts the
entities and stores each article with its mentions whole or not at all. One bad file is
reported and never stops the rest. Progress and cancellation are plain callables, so the
command line and the UI's tasks share it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analysis.entities import Extractor
from reader.analysis.extraction import extractor_for
from reader.ingest.decode import MAX_BYTES, NotTextError, decode_text
from reader.ingest.draft import Draft
from reader.ingest.markdown_file import parse_markdown
from reader.ingest.plaintext import parse_text
from reader.library import Library, Original

Parser = Callable[..., Draft]

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
#: What a folder walk picks up; files named explicitly may have any name.
KNOWN_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES


@dataclass(slots=True)
class ImportResult:
    """What happened to one input: ``added``, ``duplicate`` or ``error``."""

    path: str
    status: str
    id: int | None = None
    title: str | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status}
        if self.error is not None:
            out["error"] = self.error
        out["path"] = self.path
        return out


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


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the importable files of named folders (sorted, no hidden)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                    yield child
        else:
            yield path


def read_draft(path: Path) -> tuple[Draft, Original]:
    """Read and parse one file; raise ``ValueError``/``OSError`` with a clear reason."""
    if not path.exists():
        raise FileNotFoundError("no such file")
    if not path.is_file():
        raise NotTextError("not a regular file")
    if path.stat().st_size > MAX_BYTES:
        raise NotTextError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    text = decode_text(data)
    draft = parser_for(path)(text, filename=path.name)
    return draft, Original(path.name, data)


def import_one(
    library: Library, path: Path, tags: Iterable[str] = (), extractor: Extractor | None = None
) -> ImportResult:
    """Import a single file (extracting its entities); errors become an ``error`` result."""
    try:
        draft, original = read_draft(path)
    except (ValueError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return ImportResult(str(path), "error", error=reason or exc.__class__.__name__)
    existing = library.find_duplicate(draft.text, draft.url)
    if existing is not None:
        return ImportResult(str(path), "duplicate", id=existing, title=library.title_of(existing))
    mentions = (extractor or extractor_for(library)).extract(draft.text)
    article_id, added = library.add_unless_duplicate(draft, original, tags, mentions)
    status = "added" if added else "duplicate"
    title = draft.title if added else library.title_of(article_id)
    return ImportResult(str(path), status, id=article_id, title=title)


ProgressFn = Callable[[int, int, str], None]


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    tags: Iterable[str] = (),
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import every input; ``progress(done, total, path)`` after each, stop when cancelled."""
    files = list(iter_inputs(paths))
    tags = list(tags)
    extractor = extractor_for(library)
    results: list[ImportResult] = []
    for done, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            break
        results.append(import_one(library, path, tags, extractor))
        if progress is not None:
            progress(done, len(files), str(path))
    return results
