"""Storing one article that an input gave, unless the library has it already.

:func:`store` is the one way an :class:`~reader.ingest.readers.Incoming` article lands:
skip it when it is a duplicate (same normalised text, or same url), else find its entities
(unless they were found already, in a worker process) and add it with its original and its
mentions in one transaction. :class:`ImportResult` says what happened; importing files
(:mod:`reader.services.importing`) and fetching URLs and feeds
(:mod:`reader.services.sources`) both report through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.analysis.entities import Extractor, Mention
from reader.ingest.readers import Incoming
from reader.library import Library
from reader.library.statuses import ImportStatus
from reader.services.extraction import extractor_for
from reader.services.steps import ProgressFn

__all__ = ["ImportResult", "ProgressFn", "store"]


@dataclass(slots=True)
class ImportResult:
    """What happened to one article of one input: ``added``, ``duplicate``, ``error``, or
    ``queued`` (a URL that could not be fetched for want of a connection: it waits in the
    read-later queue, and ``error`` holds the reason)."""

    path: str
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status}
        if self.error is not None:
            out["reason" if self.status == ImportStatus.QUEUED else "error"] = self.error
        out["path"] = self.path
        return out


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
        return ImportResult(label, ImportStatus.ERROR, error=incoming.error or "nothing to import")
    existing = library.find_duplicate(draft.text, draft.url)
    if existing is not None:
        title = library.title_of(existing)
        return ImportResult(label, ImportStatus.DUPLICATE, id=existing, title=title)
    if mentions is None:
        mentions = (extractor or extractor_for(library)).extract(draft.text, draft.language)
    article_id, added = library.add_unless_duplicate(draft, original, tags, mentions)
    status = ImportStatus.ADDED if added else ImportStatus.DUPLICATE
    title = draft.title if added else library.title_of(article_id)
    return ImportResult(label, status, id=article_id, title=title)
