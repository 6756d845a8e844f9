"""The library file: schema, migrations, records, transactions, queries, search; all the SQL.

Nothing here imports another ``reader`` package but :mod:`reader.resources`; everything
above reaches the file through :class:`Library` and the functions of this package's
modules, never through the connection itself.
"""

from reader.library.draft import Block, Draft, Original
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
from reader.library.library import SORT_KEYS, Library, text_hash
from reader.library.records import Article, ArticleSummary, SearchHit
from reader.library.statuses import (
    AnchorStatus,
    CodingMethod,
    CodingStatus,
    FeedStatus,
    ImportStatus,
)

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
