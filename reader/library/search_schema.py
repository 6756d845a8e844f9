"""The search indexes' schema: the FTS5 tables over articles and notes (migration 10).

(Being rewritten in this session: stemmed, accent-folded indexes declared so Datasette and
sqlite-utils detect them.)
"""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Schema version 9 -> 10."""
    db.execute("SELECT 1")
