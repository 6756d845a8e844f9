"""The originals' packing (migration 12): ``originals.packing``.

It adds one column, ``originals.packing`` (TEXT, NULL for every row already there: their
bytes stay as they are). New rows say how :mod:`reader.library.originals` packed their
bytes: NULL (as they are), ``"text"`` (the bytes around the article's text, which is not
stored twice) or ``"zlib"``. Nothing else changes, and no row is rewritten, so the step
is instant on a library of any size.
"""

from __future__ import annotations

from reader.library.handle import Connection

__all__ = ["migrate"]


def migrate(db: Connection) -> None:
    """Add ``originals.packing`` (inside the migration's transaction)."""
    db.execute("ALTER TABLE originals ADD COLUMN packing TEXT")
