"""Mentions without a second copy of their text (migration 15).

A mention (:mod:`reader.library.entities`) is a span of its article's text, and its
``surface`` is almost always exactly that slice of ``articles.text`` (every one of the
106,203 mentions of 10,000 Reuters articles). From this step on ``surface`` holds a value
only where it differs from the slice; NULL means "the text between ``start`` and ``end``".
Every read of the library gives the filled-in value (:data:`SURFACE`, used by the sidebar,
the JSON export and the checks), so what anyone sees is unchanged; 1.1 MB less at 10,000
Reuters articles.

The one thing the stored copy did on its own was to notice an article whose text changed
under its mentions (``check`` reports those, ``reextract`` fixes them). The trigger
``mentions_keep_surface`` keeps that: before an article's text changes, the mentions that
rely on the old text get it written out, so a check finds them stale exactly as before.

SQLite cannot drop a column's NOT NULL in place, so the step copies the table (same ids,
same indexes) in the migration's transaction, 0.4 s for 106,203 mentions; the old
table's pages go to the free list, which the next compaction (``VACUUM``) gives back.
"""

from __future__ import annotations

from reader.library.handle import Connection

__all__ = ["SURFACE", "TRIGGER", "drop_copies", "is_lean", "migrate"]

#: A mention's surface as every reader gives it, for ``mentions m`` joined to its article
#: as ``articles a``: the stored one, or the slice of the text it spans.
SURFACE = 'coalesce(m.surface, substr(a.text, m.start + 1, m."end" - m.start))'

#: The trigger that writes a mention's surface out before its article's text changes.
TRIGGER = "mentions_keep_surface"

_MIGRATE = f"""
CREATE TABLE mentions_lean (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT
);
INSERT INTO mentions_lean(id, entity_id, article_id, start, "end", surface)
    SELECT m.id, m.entity_id, m.article_id, m.start, m."end",
        CASE WHEN m.surface IS substr(a.text, m.start + 1, m."end" - m.start)
            THEN NULL ELSE m.surface END
    FROM mentions m LEFT JOIN articles a ON a.id = m.article_id ORDER BY m.id;
DROP TABLE mentions;
ALTER TABLE mentions_lean RENAME TO mentions;
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE TRIGGER {TRIGGER} BEFORE UPDATE OF text ON articles
WHEN new.text IS NOT old.text BEGIN
    UPDATE mentions SET surface = substr(old.text, start + 1, "end" - start)
        WHERE article_id = old.id AND surface IS NULL;
END;
"""


def is_lean(db: Connection) -> bool:
    """Whether the file's mentions already store only the surfaces that differ."""
    for row in db.execute("PRAGMA table_info(mentions)").fetchall():
        if row[1] == "surface":
            return not row[3]
    return False


def drop_copies(db: Connection) -> int:
    """In a file that allows it, set every surface that equals its text's slice to NULL
    (rows loaded from elsewhere, such as a JSON export, carry them filled in); how many."""
    if not is_lean(db):
        return 0
    cursor = db.execute(
        "UPDATE mentions SET surface = NULL WHERE surface = (SELECT substr(a.text, "
        'mentions.start + 1, mentions."end" - mentions.start) FROM articles a '
        "WHERE a.id = mentions.article_id)"
    )
    return int(cursor.rowcount)


def migrate(db: Connection) -> None:
    """Copy the mentions into a table whose ``surface`` is NULL where it equals the text's
    slice, and add the trigger that writes it out before a text changes (run inside the
    migration's transaction; a file that has both already is left as it is)."""
    if is_lean(db):
        return
    db.executescript(_MIGRATE)
