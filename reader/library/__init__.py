"""The library file: schema, migrations, articles, tags and search (no Qt)."""

from reader.library.library import Library, Original, text_hash
from reader.library.records import Article, ArticleSummary, SearchHit

__all__ = ["Article", "ArticleSummary", "Library", "Original", "SearchHit", "text_hash"]
