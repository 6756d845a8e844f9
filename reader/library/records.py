"""Plain records the library hands out: what the command line and the UI read.

They are frozen records (:class:`~reader.library.plain.Frozen`) built from rows, so
callers never touch SQL rows directly.
:func:`json_fields` is how every record of the core says itself as JSON: the fields named,
in the order named (the order the command line's JSON has always had). :data:`UNSET`
is the "leave this field as it is" of an update.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import Enum

from reader.library.plain import Frozen, setup

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any, Final

    from reader.library.draft import Block


class _Unset(Enum):
    TOKEN = "unset"


_set = object.__setattr__  # how a frozen record's __init__ gives a field its value

#: "Leave this field as it is" for an update (``None`` clears a field).
UNSET: Final = _Unset.TOKEN


def _json_value(value: Any) -> Any:
    for method in ("to_json", "as_json"):
        if hasattr(value, method):
            return getattr(value, method)()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    return value


def row_values(cls: type, row: dict[str, Any], **given: Any) -> dict[str, Any]:
    """The fields of the record class ``cls`` (a :class:`~reader.library.plain.Frozen` or a
    dataclass) from a row (``given`` ones as given), to build a record with
    ``cls(**row_values(cls, row, ...))``."""
    if issubclass(cls, Frozen):
        names: Iterable[str] = cls.__slots__
    else:
        from dataclasses import fields

        names = (f.name for f in fields(cls))  # type: ignore[arg-type]
    return {name: given[name] if name in given else row[name] for name in names}


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


class ArticleSummary(Frozen):
    """One line of the library list: everything but the text."""

    __slots__ = ("id", "title", "source", "url", "published", "imported", "tags", "trashed")
    id: int
    title: str
    source: str | None
    url: str | None
    published: str | None
    imported: str
    tags: tuple[str, ...]
    trashed: str | None  # when it went to the trash (UTC ISO time), if it did

    def __init__(
        self,
        id: int,
        title: str,
        source: str | None,
        url: str | None,
        published: str | None,
        imported: str,
        tags: tuple[str, ...] = (),
        trashed: str | None = None,
    ) -> None:
        # one set per field, written out: a list builds thousands of these
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "source", source)
        _set(self, "url", url)
        _set(self, "published", published)
        _set(self, "imported", imported)
        _set(self, "tags", tags)
        _set(self, "trashed", trashed)

    def as_json(self) -> dict[str, Any]:
        return json_fields(self, "id title source url published tags")


class Article(Frozen):
    """A whole article as stored, with its canonical text and block structure."""

    __slots__ = (
        "id",
        "uid",
        "title",
        "byline",
        "source",
        "url",
        "published",
        "imported",
        "language",
        "format",
        "text",
        "sha256",
        "reading_position",
        "tags",
        "blocks",
        "trashed",
    )
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
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]
    trashed: str | None  # when it went to the trash (UTC ISO time), if it did

    def __init__(
        self,
        id: int,
        uid: str,
        title: str,
        byline: str | None,
        source: str | None,
        url: str | None,
        published: str | None,
        imported: str,
        language: str | None,
        format: str,
        text: str,
        sha256: str,
        reading_position: float,
        tags: tuple[str, ...] = (),
        blocks: tuple[Block, ...] = (),
        trashed: str | None = None,
    ) -> None:
        setup(
            self,
            id=id,
            uid=uid,
            title=title,
            byline=byline,
            source=source,
            url=url,
            published=published,
            imported=imported,
            language=language,
            format=format,
            text=text,
            sha256=sha256,
            reading_position=reading_position,
            tags=tags,
            blocks=blocks,
            trashed=trashed,
        )

    @classmethod
    def from_row(cls, row: dict[str, Any], tags: tuple[str, ...]) -> Article:
        from reader.library.draft import Block

        blocks = tuple(Block(k, s, e) for k, s, e in json.loads(row["blocks"] or "[]"))
        return cls(**row_values(cls, row, tags=tags, blocks=blocks, trashed=row.get("trashed")))

    def as_json(self) -> dict[str, Any]:
        names = "id uid title byline source url published imported tags text language format"
        return json_fields(self, f"{names} sha256 trashed")


class SearchHit(Frozen):
    """A ranked search result. ``snippet`` marks matches with :data:`MATCH_START`/``END``."""

    __slots__ = ("kind", "id", "title", "snippet", "rank", "article_id")
    kind: str  # "article" or "note"
    id: int
    title: str
    snippet: str
    rank: float
    article_id: int | None  # for a note: the article it belongs to, if any

    def __init__(
        self,
        kind: str,
        id: int,
        title: str,
        snippet: str,
        rank: float,
        article_id: int | None = None,
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "snippet", snippet)
        _set(self, "rank", rank)
        _set(self, "article_id", article_id)


#: Private-use characters that bracket a matched term inside a snippet; each view
#: turns them into its own emphasis (bold HTML in the UI, ``**`` on the command line).
MATCH_START = "\ue000"
MATCH_END = "\ue001"
