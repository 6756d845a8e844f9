"""The library file: schema, migrations, records, transactions, queries, search; all the SQL.

Nothing here imports another ``reader`` package but :mod:`reader.resources`; everything
above reaches the file through :class:`Library` and the functions of this package's
modules, never through the connection itself. :func:`text_hash` (the writer's) and the
importers' records (:class:`Draft`, :class:`Block`, :class:`Original`) and the statuses
(:class:`ImportStatus`, ...) are imported when first asked for: a search or a list does not
load the write path.
"""

from __future__ import annotations

from reader.library.errors import (
    InvalidInputError,
    LibraryBusyError,
    LibraryError,
    LibraryInUseError,
    LibraryLockedError,
    NotFoundError,
    ReadOnlyLibraryError,
    SchemaTooNewError,
)
from reader.library.library import SORT_KEYS, Library
from reader.library.records import Article, ArticleSummary, SearchHit

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any

    from reader.library.draft import Block, Draft, Original
    from reader.library.statuses import (
        AnchorStatus,
        CodingMethod,
        CodingStatus,
        FeedStatus,
        ImportStatus,
    )
    from reader.library.writer import text_hash

__all__ = [
    "SORT_KEYS",
    "AnchorStatus",
    "Article",
    "ArticleSummary",
    "Block",
    "CodingMethod",
    "CodingStatus",
    "Draft",
    "FeedStatus",
    "ImportStatus",
    "InvalidInputError",
    "Library",
    "LibraryBusyError",
    "LibraryError",
    "LibraryInUseError",
    "LibraryLockedError",
    "NotFoundError",
    "Original",
    "ReadOnlyLibraryError",
    "SchemaTooNewError",
    "SearchHit",
    "text_hash",
]


def __getattr__(name: str) -> Any:
    if name == "text_hash":
        from reader.library.writer import text_hash

        return text_hash
    if name in ("Block", "Draft", "Original"):
        from reader.library import draft

        return getattr(draft, name)
    if name in ("AnchorStatus", "CodingMethod", "CodingStatus", "FeedStatus", "ImportStatus"):
        from reader.library import statuses

        return getattr(statuses, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
