"""Plain records the library hands out: what the command line and the UI read.

They are frozen dataclasses built from rows, so callers never touch SQL rows directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.library.draft import Block


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the library list: everything but the text."""

    id: int
    title: str
    source: str | None
    url: str | None
    published: str | None
    imported: str
    tags: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "tags": list(self.tags),
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A whole article as stored, with its canonical text and block structure."""

    id: int
    uid: str
    title: str
    byline: str | None
    source: str | None
    url: str | None
    published: str | None
    imported: str
    language: str | None
    format: str
    text: str
    sha256: str
    reading_position: float
    tags: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=())

    @classmethod
    def from_row(cls, row: dict[str, Any], tags: tuple[str, ...]) -> Article:
        blocks = tuple(Block(k, s, e) for k, s, e in json.loads(row["blocks"] or "[]"))
        return cls(
            id=row["id"],
            uid=row["uid"],
            title=row["title"],
            byline=row["byline"],
            source=row["source"],
            url=row["url"],
            published=row["published"],
            imported=row["imported"],
            language=row["language"],
            format=row["format"],
            text=row["text"],
            sha256=row["sha256"],
            reading_position=row["reading_position"],
            tags=tags,
            blocks=blocks,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "title": self.title,
            "byline": self.byline,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "imported": self.imported,
            "tags": list(self.tags),
            "text": self.text,
            "language": self.language,
            "format": self.format,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A ranked search result. ``snippet`` marks matches with :data:`MATCH_START`/``END``."""

    kind: str  # "article" or "note"
    id: int
    title: str
    snippet: str
    rank: float
    article_id: int | None = None  # for a note: the article it belongs to, if any


#: Private-use characters that bracket a matched term inside a snippet; each view
#: turns them into its own emphasis (bold HTML in the UI, ``**`` on the command line).
MATCH_START = "\ue000"
MATCH_END = "\ue001"
