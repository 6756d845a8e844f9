"""Storing one article that an input gave, unless the library has it already.

:func:`store` is the one way an :class:`~reader.ingest.readers.Incoming` article lands:
give it its language and dateline date (:func:`~reader.services.pipeline.complete_draft`,
when a worker process has not already), skip it when it is a duplicate (same normalised
text, or same url) but give the duplicate the tags this import names, else find its
entities (unless they were found already, in a worker process) and add it with its
original and its mentions in one transaction. :class:`ImportResult` says what happened;
importing files (:mod:`reader.services.importing`) and fetching URLs and feeds
(:mod:`reader.services.sources`) both report through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.analysis.entities import Extractor
from reader.ingest.readers import Incoming
from reader.library import Library
from reader.library.entities import MentionLike
from reader.library.statuses import ImportStatus
from reader.services.extraction import extractor_for
from reader.services.pipeline import complete_draft
from reader.services.steps import ProgressFn

__all__ = ["ImportResult", "ProgressFn", "store"]


@dataclass(slots=True)
class ImportResult:
    """What happened to one article of one input: ``added``, ``duplicate``, ``error``, or
    ``queued`` (a URL that could not be fetched for want of a connection: it waits in the
    read-later queue, and ``error`` holds the reason). ``tags_added``: the tags a duplicate
    did not carry yet and now does (the JSON has it only for a duplicate given tags)."""

    path: str
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    error: str | None = None
    tags_added: list[str] | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status}
        if self.error is not None:
            out["reason" if self.status == ImportStatus.QUEUED else "error"] = self.error
        out["path"] = self.path
        if self.tags_added is not None:
            out["tags_added"] = self.tags_added
        return out


def store(
    library: Library,
    label: str,
    incoming: Incoming,
    tags: Iterable[str] = (),
    extractor: Extractor | None = None,
    mentions: Sequence[MentionLike] | None = None,
    *,
    language: str | None = None,
) -> ImportResult:
    """Store one article unless it is a duplicate (extracting its entities first, unless
    ``mentions`` were found already); a duplicate gets ``tags`` it lacks.

    ``language`` (checked by :func:`~reader.services.pipeline.check_language`) overrides
    the article's; it is ignored once ``mentions`` are given (they were found in a worker
    process, which completed the draft already).
    """
    draft, original = incoming.draft, incoming.original
    if draft is None or incoming.error is not None:
        return ImportResult(label, ImportStatus.ERROR, error=incoming.error or "nothing to import")
    tags = list(tags)
    if mentions is None:  # look for a duplicate first: it needs no extraction
        existing = library.find_duplicate(draft.text, draft.url)
        if existing is not None:
            return _duplicate(library, label, existing, tags)
        complete_draft(draft, language)
        mentions = (extractor or extractor_for(library)).extract(draft.text, draft.language)
    article_id, added = library.add_unless_duplicate(draft, original, tags, mentions)
    if not added:
        return _duplicate(library, label, article_id, tags)
    return ImportResult(label, ImportStatus.ADDED, id=article_id, title=draft.title)


def _duplicate(library: Library, label: str, article_id: int, tags: list[str]) -> ImportResult:
    """The result for an article the library has, tagged with the ``tags`` it lacked."""
    added: list[str] | None = None
    if tags:
        added = [tag for tag in dict.fromkeys(tags) if library.add_tag(tag, [article_id])]
    title = library.title_of(article_id)
    return ImportResult(label, ImportStatus.DUPLICATE, id=article_id, title=title, tags_added=added)
