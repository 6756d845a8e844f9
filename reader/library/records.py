"""Plain records the library hands out: what the command line and the UI read.

They are frozen dataclasses built from rows, so callers never touch SQL rows directly.
:func:`json_fields` is how every record of the core says itself as JSON: the fields named,
in the order named (the order the command line's JSON has always had).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from reader.library.draft import Block


def _json_value(value: Any) -> Any:
    for method in ("to_json", "as_json"):
        if hasattr(value, method):
            return getattr(value, method)()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    return value


def row_values(cls: type, row: dict[str, Any], **given: Any) -> dict[str, Any]:
    """The fields of the dataclass ``cls`` from a row (``given`` ones as given), to build
    a record with ``cls(**row_values(cls, row, ...))``."""
    return {f.name: given[f.name] if f.name in given else row[f.name] for f in fields(cls)}


def json_fields(record: object, names: str | Iterable[str]) -> dict[str, Any]:
    """The named attributes of ``record`` as a JSON object, in the order given (``names``
    may be one string of names separated by spaces).

    ``"key=attr"`` writes attribute ``attr`` under ``key``. Tuples become lists, and a
    record inside (anything with ``to_json`` or ``as_json``) becomes its own JSON.
    """
    out: dict[str, Any] = {}
    for name in names.split() if isinstance(names, str) else names:
        key, _, attr = name.partition("=")
        out[key] = _json_value(getattr(record, attr or key))
    return out


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
    trashed: str | None = None  # when it went to the trash (UTC ISO time), if it did

    def as_json(self) -> dict[str, Any]:
        return json_fields(self, "id title source url published tags")


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
    trashed: str | None = None  # when it went to the trash (UTC ISO time), if it did

    @classmethod
    def from_row(cls, row: dict[str, Any], tags: tuple[str, ...]) -> Article:
        blocks = tuple(Block(k, s, e) for k, s, e in json.loads(row["blocks"] or "[]"))
        return cls(**row_values(cls, row, tags=tags, blocks=blocks, trashed=row.get("trashed")))

    def as_json(self) -> dict[str, Any]:
        names = "id uid title byline source url published imported tags text language format"
        return json_fields(self, f"{names} sha256 trashed")


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
