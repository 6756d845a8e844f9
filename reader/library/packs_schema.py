"""The field packs' schema (migration 11): stable ids and coders for what packs carry.

- ``library_meta`` (key, value): this library's own settings that travel with it: its
  ``library_uid`` (made the first time a pack is written, so an empty library stays empty
  for the JSON import), the ``coder`` name, and ``last_pack`` (when it last wrote one).
- ``codings.uid``: a stable id (filled for the rows that exist; a trigger fills it for any
  row inserted without one), ``codings.coder`` and ``codings.history`` (JSON list of the
  content hashes the coding had before each change: how an import tells "edited here",
  "edited there" and "edited on both sides" apart).
- ``notes.coder``; on notes and codings, ``conflict_of`` (the uid of the note or coding this
  row is a conflict copy of), ``conflict_coder`` and ``conflict_time`` (who made the
  incoming version, and when).
- ``packs_seen``: every pack imported (its SHA-256, the library and coder that wrote it,
  when it was written and imported, and what it said that library had seen of others).
"""

from __future__ import annotations

from reader.library.handle import Connection

_SCRIPT = """
CREATE TABLE library_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE packs_seen (
    sha256 TEXT PRIMARY KEY,
    library_uid TEXT NOT NULL,
    coder TEXT,
    created TEXT NOT NULL,
    imported TEXT NOT NULL,
    seen TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX packs_seen_library ON packs_seen(library_uid, created);
ALTER TABLE codings ADD COLUMN uid TEXT;
UPDATE codings SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX codings_uid ON codings(uid);
CREATE TRIGGER codings_uid_ai AFTER INSERT ON codings WHEN new.uid IS NULL BEGIN
    UPDATE codings SET uid = lower(hex(randomblob(16))) WHERE id = new.id;
END;
ALTER TABLE codings ADD COLUMN coder TEXT;
ALTER TABLE codings ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
ALTER TABLE codings ADD COLUMN conflict_of TEXT;
ALTER TABLE codings ADD COLUMN conflict_coder TEXT;
ALTER TABLE codings ADD COLUMN conflict_time TEXT;
CREATE INDEX codings_conflicts ON codings(conflict_of) WHERE conflict_of IS NOT NULL;
CREATE INDEX codings_coder ON codings(coder, codebook);
ALTER TABLE notes ADD COLUMN coder TEXT;
ALTER TABLE notes ADD COLUMN conflict_of TEXT;
ALTER TABLE notes ADD COLUMN conflict_coder TEXT;
ALTER TABLE notes ADD COLUMN conflict_time TEXT;
CREATE INDEX notes_conflicts ON notes(conflict_of) WHERE conflict_of IS NOT NULL;
"""


def migrate(db: Connection) -> None:
    """Schema version 10 -> 11 (inside the migration's transaction)."""
    for statement in _statements(_SCRIPT):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """The script's statements, one by one (a trigger's body stays with its trigger)."""
    out: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        inside_trigger = text.upper().startswith("CREATE TRIGGER") and not text.endswith("END;")
        if text.endswith(";") and not inside_trigger:
            out.append(text)
            current = []
    return out
