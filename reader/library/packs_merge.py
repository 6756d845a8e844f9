"""Merging a field pack's data into the library file (one transaction), and its plan.

Merging goes by stable uid (an article also by its normalised text hash):

- a thing not here is added; the same version changes nothing (a pack imported twice is a
  no-op);
- a note whose body here appears among the pack's revisions of it was edited only on the
  pack's side: it takes the pack's body and revisions (``changed``); a note whose pack body
  appears among its revisions here was edited only here: it stays. A coding decides the
  same way with the content hashes of its ``history``; an article "changes" when the pack
  gives it tags it lacks here (tags are merged, its text and details stay);
- edited on both sides: the incoming version becomes a *conflict copy* beside the note or
  coding (its uid derived from the original's and the version's, so two libraries make the
  same copy once, and a version already standing here as the original or as a copy is not
  copied again), marked with the incoming coder and time; nothing is overwritten;
- the pack's tombstones move things here to the trash (never a hard delete); a note edited
  here since the other side trashed it stays (an edit beats a deletion). More than
  :data:`GUARD_COUNT` items or :data:`GUARD_SHARE` of the library (its articles and notes
  outside the trash) to trash needs ``yes``: otherwise :class:`MassTrashError`;
- entity corrections are added when missing; a codebook when this library has none of that
  id (an edited one here stays as it is);
- a note or coding on an article neither here nor in the pack is skipped (counted).

:func:`merge` records the pack in ``packs_seen`` with what it said its library had seen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.library import notes as _notes
from reader.library.anchors import Anchor
from reader.library.anchors import reanchor as find_again
from reader.library.codings import content_hash
from reader.library.errors import InvalidInputError
from reader.library.library import Library, now_iso, text_hash
from reader.library.packs import body_hash, conflict_uid

#: A pack trashing more than this many items, or this share of the library, needs ``yes``.
GUARD_COUNT = 10
GUARD_SHARE = 0.2


class MassTrashError(InvalidInputError):
    """The pack would move too much to the trash; nothing was changed."""


@dataclass(slots=True)
class Plan:
    """What merging a pack would do: per kind, the items new, the same and changed, the
    conflict copies to make and the things to move to the trash."""

    new: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    same: dict[str, int] = field(default_factory=dict)
    changed: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    conflicts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    trash_articles: list[int] = field(default_factory=list)
    trash_notes: list[int] = field(default_factory=list)
    skipped: int = 0
    article_ids: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def trashes(self) -> int:
        return len(self.trash_articles) + len(self.trash_notes)

    def summary(self, kind: str) -> dict[str, int]:
        return {
            "new": len(self.new.get(kind, [])),
            "same": self.same.get(kind, 0),
            "changed": len(self.changed.get(kind, [])),
        }


def _once(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items with a uid not seen before in the list (a pack lists each thing once)."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item["uid"] not in seen:
            seen.add(item["uid"])
            out.append(item)
    return out


def plan(library: Library, data: Mapping[str, Any]) -> Plan:
    """What :func:`merge` would do with ``data`` (already :func:`read_data`), changing
    nothing."""
    with library.snapshot():
        return _plan(library, data)


def _plan(library: Library, data: Mapping[str, Any]) -> Plan:
    db = library.handle
    p = Plan(new={"articles": [], "notes": [], "codings": []}, same={}, changed={})
    for kind in ("articles", "notes", "codings"):
        p.same[kind] = 0
        p.changed[kind] = []
    coming: set[str] = set()
    new_by_text: dict[str, str] = {}
    for art in _once(data["articles"]):
        row = db.execute("SELECT id FROM articles WHERE uid = ?", [art["uid"]]).fetchone()
        digest = text_hash(art["text"])
        if row is None:
            row = db.execute(
                "SELECT id FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1", [digest]
            ).fetchone()
        if row is None and digest in new_by_text:  # the same text twice in the pack
            p.aliases[art["uid"]] = new_by_text[digest]
            coming.add(art["uid"])
            p.same["articles"] += 1
            continue
        if row is None:
            p.new["articles"].append(art)
            coming.add(art["uid"])
            new_by_text[digest] = art["uid"]
            continue
        aid = int(row[0])
        p.article_ids[art["uid"]] = aid
        have = {t.casefold() for t in library.tags_of([aid])[aid]}
        if any(t.strip() and t.strip().casefold() not in have for t in art["tags"]):
            p.changed["articles"].append((aid, art))
        else:
            p.same["articles"] += 1
    for uid in {n["article_uid"] for n in [*data["notes"], *data["codings"]] if n["article_uid"]}:
        if uid not in p.article_ids and uid not in coming:
            row = db.execute("SELECT id FROM articles WHERE uid = ?", [uid]).fetchone()
            if row is not None:
                p.article_ids[uid] = int(row[0])
    known = set(p.article_ids) | coming
    for note in _once(data["notes"]):
        if note["article_uid"] is not None and note["article_uid"] not in known:
            p.skipped += 1
            continue
        _plan_note(db, p, note)
    for coding in _once(data["codings"]):
        if coding["article_uid"] not in known:
            p.skipped += 1
            continue
        _plan_coding(db, p, coding)
    for stone in data["trashed"]["articles"]:
        row = db.execute(
            "SELECT id FROM articles WHERE uid = ? AND trashed IS NULL", [stone["uid"]]
        ).fetchone()
        if row is not None:
            p.trash_articles.append(int(row[0]))
    for stone in data["trashed"]["notes"]:
        row = db.execute(
            "SELECT id, body FROM notes WHERE uid = ? AND deleted IS NULL", [stone["uid"]]
        ).fetchone()
        if row is not None and body_hash(row[1]) == stone["version"]:
            p.trash_notes.append(int(row[0]))
    return p


def _copy_exists(db: Any, table: str, of: str, uid: str, version: str) -> bool:
    """Whether the version already stands here: as the copy's uid, the original, or another
    conflict copy of the same original."""
    if db.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [uid]).fetchone() is not None:
        return True
    rows = db.execute(
        f"SELECT {_version_sql(table)} FROM {table} WHERE uid = ? OR conflict_of = ?", [of, of]
    )
    return any(_version_of(table, r) == version for r in rows)


def _version_sql(table: str) -> str:
    return "body" if table == "notes" else "dimension, status, value, memo"


def _version_of(table: str, row: Any) -> str:
    return body_hash(row[0]) if table == "notes" else content_hash(*row)


def _plan_note(db: Any, p: Plan, note: dict[str, Any]) -> None:
    version = body_hash(note["body"])
    row = db.execute("SELECT id, body FROM notes WHERE uid = ?", [note["uid"]]).fetchone()
    if row is None:
        of = note["conflict_of"]
        if of is not None and _copy_exists(db, "notes", of, note["uid"], version):
            p.same["notes"] += 1
        else:
            p.new["notes"].append(note)
        return
    note_id, body = int(row[0]), str(row[1])
    theirs = {body_hash(str(r.get("body", ""))) for r in note.get("revisions", [])}
    mine = {
        body_hash(b)
        for (b,) in db.execute("SELECT body FROM note_revisions WHERE note_id = ?", [note_id])
    }
    if body_hash(body) == version or version in mine:
        p.same["notes"] += 1
    elif body_hash(body) in theirs:
        p.changed["notes"].append((note_id, note))
    elif _copy_exists(db, "notes", note["uid"], conflict_uid(note["uid"], version), version):
        p.same["notes"] += 1
    else:
        p.conflicts.append(("notes", note))


def _plan_coding(db: Any, p: Plan, coding: dict[str, Any]) -> None:
    version = content_hash(coding["dimension"], coding["status"], coding["value"], coding["memo"])
    row = db.execute(
        "SELECT id, dimension, status, value, memo, history FROM codings WHERE uid = ?",
        [coding["uid"]],
    ).fetchone()
    if row is None and coding["conflict_of"] is None:
        aid = p.article_ids.get(coding["article_uid"])
        row = (
            db.execute(
                "SELECT id, dimension, status, value, memo, history FROM codings "
                "WHERE article_id = ? "
                'AND codebook = ? AND dimension = ? AND start = ? AND "end" = ? AND coder IS ? '
                "AND conflict_of IS NULL",
                [
                    aid,
                    coding["codebook"],
                    coding["dimension"],
                    coding["start"],
                    coding["end"],
                    coding["coder"],
                ],
            ).fetchone()
            if aid is not None
            else None
        )
    if row is None:
        of = coding["conflict_of"]
        if of is not None and _copy_exists(db, "codings", of, coding["uid"], version):
            p.same["codings"] += 1
        else:
            p.new["codings"].append(coding)
        return
    mine_now = content_hash(row[1], row[2], row[3], row[4])
    mine = set(json.loads(row[5] or "[]"))
    theirs = {str(h) for h in coding.get("history", [])}
    if mine_now == version or version in mine:
        p.same["codings"] += 1
    elif mine_now in theirs:
        p.changed["codings"].append((int(row[0]), coding))
    elif _copy_exists(db, "codings", coding["uid"], conflict_uid(coding["uid"], version), version):
        p.same["codings"] += 1
    else:
        p.conflicts.append(("codings", coding))


# -- merging ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PackRecord:
    """Who wrote a pack, and when: recorded in ``packs_seen`` when it is merged."""

    sha256: str
    library_uid: str
    coder: str | None
    created: str
    seen: Mapping[str, str] = field(default_factory=dict)
    #: The time the pack carries changes from (None: it carries everything).
    since: str | None = None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What :func:`merge` did."""

    added: dict[str, int]
    unchanged: int
    updated: int
    conflicts: int
    trashed: int
    skipped: int
    #: The ids of the articles the pack added (their entities are found after the merge).
    new_article_ids: tuple[int, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "trashed": self.trashed,
            "updated": self.updated,
            "skipped": self.skipped,
        }


def library_size(db: Any) -> int:
    """The articles and notes outside the trash (what the mass-deletion guard measures)."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM articles WHERE trashed IS NULL) + "
        "(SELECT count(*) FROM notes WHERE deleted IS NULL)"
    ).fetchone()
    return int(row[0])


def needs_yes(library: Library, p: Plan) -> bool:
    """Whether ``p`` trashes more than the guard lets through without ``yes``."""
    size = library_size(library.handle)
    return p.trashes > GUARD_COUNT or (p.trashes > 0 and p.trashes > GUARD_SHARE * size)


def guard_line(p: Plan) -> str:
    """The one line that stops a pack the guard holds."""
    return (
        f"the pack would move {p.trashes} items to the trash (more than {GUARD_COUNT} or "
        f"{int(GUARD_SHARE * 100)}% of the library): nothing was changed; confirm with --yes"
    )


def seen_packs(library: Library) -> set[str]:
    """The SHA-256 of every pack merged here."""
    return {str(r[0]) for r in library.handle.execute("SELECT sha256 FROM packs_seen")}


def latest_seen(library: Library) -> dict[str, str]:
    """For each library whose packs were merged here, the time up to which all its content
    has arrived: the newest pack of an unbroken chain that starts with a full pack (``since``
    NULL), each later pack made since a time the chain had already reached. A library whose
    packs so far were all partial is left out, so it is sent a full pack."""
    rows = library.handle.execute(
        "SELECT library_uid, created, since FROM packs_seen ORDER BY library_uid, created"
    )
    reached: dict[str, str] = {}
    for uid, created, since in rows:
        held = reached.get(uid)
        if since is None or (held is not None and str(since) <= held):
            reached[uid] = max(held or "", str(created))
    return reached


def merge(
    library: Library,
    data: Mapping[str, Any],
    originals: Mapping[str, bytes],
    *,
    yes: bool = False,
    record: PackRecord | None = None,
    coder: str | None = None,
) -> MergeResult:
    """Merge a pack's checked data in one transaction (nothing changes when it raises).
    ``coder`` (else ``record``'s) is who wrote the pack: the coder its conflict copies are
    marked with (else each note's or coding's own)."""
    with library.transaction():
        db = library.handle
        p = _plan(library, data)
        if not yes and needs_yes(library, p):
            raise MassTrashError(guard_line(p))
        m = _Merger(library, p, originals, coder or (record.coder if record else None))
        added_articles = m.articles()
        added_notes, added_codings = m.notes(), m.codings()
        m.extras(data)
        now = now_iso()
        for aid in p.trash_articles:
            db.execute("UPDATE articles SET trashed = ? WHERE id = ?", [now, aid])
        for nid in p.trash_notes:
            db.execute("UPDATE notes SET deleted = ? WHERE id = ?", [now, nid])
        if record is not None:
            db.execute(
                "INSERT OR REPLACE INTO packs_seen(sha256, library_uid, coder, created, "
                "imported, seen, since) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    record.sha256,
                    record.library_uid,
                    record.coder,
                    record.created,
                    now,
                    json.dumps(dict(record.seen)),
                    record.since,
                ],
            )
    return MergeResult(
        added={"articles": added_articles, "notes": added_notes, "codings": added_codings},
        unchanged=sum(p.same.values()),
        updated=sum(len(v) for v in p.changed.values()),
        conflicts=len(p.conflicts) - m.lost_conflicts,
        trashed=p.trashes,
        skipped=p.skipped + m.skipped,
        new_article_ids=tuple(m.new_article_ids),
    )


class _Merger:
    """Applies a :class:`Plan` (inside :func:`merge`'s transaction)."""

    def __init__(
        self, library: Library, p: Plan, originals: Mapping[str, bytes], coder: str | None
    ) -> None:
        self.library, self.db, self.p, self.originals = library, library.handle, p, originals
        self.coder = coder
        self.skipped = 0
        self.lost_conflicts = 0
        self.new_article_ids: list[int] = []

    def _tags(self, article_id: int, names: list[str]) -> None:
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            self.db.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", [name])
            tag_id = self.db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
            self.db.execute(
                "INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)",
                [article_id, tag_id],
            )

    def articles(self) -> int:
        for art in self.p.new["articles"]:
            row = {k: art[k] for k in _ARTICLE_COLUMNS}
            row["text_hash"] = text_hash(art["text"])
            cursor = self.db.execute(
                f"INSERT INTO articles({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            aid = int(cursor.lastrowid or 0)
            self.p.article_ids[art["uid"]] = aid
            self.new_article_ids.append(aid)
            data = self.originals.get(art["uid"])
            original = art.get("original") or {}
            if data is not None:
                self.db.execute(
                    "INSERT INTO originals(article_id, filename, sha256, size, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        aid,
                        str(original.get("filename") or "original"),
                        str(original.get("sha256") or art["sha256"]),
                        len(data),
                        data,
                    ],
                )
            self._tags(aid, art["tags"])
        for alias, first in self.p.aliases.items():
            self.p.article_ids[alias] = self.p.article_ids[first]
        for aid, art in self.p.changed["articles"]:
            self._tags(aid, art["tags"])
        return len(self.p.new["articles"])

    def _text(self, article_uid: str | None) -> tuple[int | None, str | None]:
        if article_uid is None:
            return None, None
        aid = self.p.article_ids[article_uid]
        return aid, self.library.text_of(aid)

    def _insert_note(self, note: dict[str, Any], **given: Any) -> None:
        aid, text = self._text(note["article_uid"])
        row = {k: note[k] for k in _NOTE_COLUMNS}
        row.update(given)
        row["article_id"] = aid
        row["private"] = int(bool(row["private"]))
        anchored = row["quote"] is not None and row["start"] is not None and row["end"] is not None
        if not anchored:
            row.update(quote=None, start=None, end=None, prefix=None, suffix=None)
            row["anchor_status"] = "none"
        elif row["anchor_status"] not in ("ok", "unresolved"):
            row["anchor_status"] = "ok"
        cols = ", ".join(f'"{c}"' for c in row)
        cursor = self.db.execute(
            f"INSERT INTO notes({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        note_id = int(cursor.lastrowid or 0)
        self._revisions(note_id, note)
        if anchored and (text is None or text[row["start"] : row["end"]] != row["quote"]):
            _notes.reanchor(self.db, [note_id])

    def _revisions(self, note_id: int, note: dict[str, Any]) -> None:
        have = set(
            self.db.execute(
                "SELECT body, saved FROM note_revisions WHERE note_id = ?", [note_id]
            ).fetchall()
        )
        revisions = [
            (str(r.get("body", "")), str(r.get("saved", "")))
            for r in note.get("revisions", [])
            if isinstance(r, dict)
        ] or [(note["body"], note["updated"])]
        for body, saved in revisions:
            if (body, saved) not in have:
                have.add((body, saved))
                self.db.execute(
                    "INSERT INTO note_revisions(note_id, body, saved) VALUES (?, ?, ?)",
                    [note_id, body, saved or note["updated"]],
                )

    def notes(self) -> int:
        for note in self.p.new["notes"]:
            self._insert_note(note)
        for note_id, note in self.p.changed["notes"]:
            self.db.execute(
                "UPDATE notes SET body = ?, updated = ?, colour = ? WHERE id = ?",
                [note["body"], note["updated"], note["colour"], note_id],
            )
            self._revisions(note_id, note)
        for kind, note in self.p.conflicts:
            if kind == "notes":
                self._insert_note(
                    note,
                    uid=conflict_uid(note["uid"], body_hash(note["body"])),
                    conflict_of=note["uid"],
                    conflict_coder=self.coder or note["coder"],
                    conflict_time=note["updated"],
                )
        return len(self.p.new["notes"])

    def _insert_coding(self, coding: dict[str, Any], **given: Any) -> bool:
        aid, text = self._text(coding["article_uid"])
        row = {k: coding[k] for k in _CODING_COLUMNS}
        row.update(given)
        row["article_id"] = aid
        row["history"] = json.dumps([str(h) for h in coding.get("history", [])])
        if text is None or text[row["start"] : row["end"]] != row["text"]:
            place = (
                None
                if text is None
                else find_again(text, Anchor(row["start"], row["end"], row["text"], "", ""))
            )
            if place is None:
                self.skipped += 1
                return False
            row["start"], row["end"] = place
        cols = ", ".join(f'"{c}"' for c in row)
        self.db.execute(
            f"INSERT INTO codings({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        return True

    def codings(self) -> int:
        added = sum(self._insert_coding(c) for c in self.p.new["codings"])
        for coding_id, coding in self.p.changed["codings"]:
            old = self.db.execute(
                "SELECT dimension, status, value, memo, history FROM codings WHERE id = ?",
                [coding_id],
            ).fetchone()
            history = list(
                dict.fromkeys(
                    [
                        *json.loads(old[4] or "[]"),
                        content_hash(*old[:4]),
                        *(str(h) for h in coding.get("history", [])),
                    ]
                )
            )
            self.db.execute(
                "UPDATE codings SET dimension = ?, status = ?, value = ?, memo = ?, "
                "updated = ?, history = ? WHERE id = ?",
                [
                    coding["dimension"],
                    coding["status"],
                    coding["value"],
                    coding["memo"],
                    coding["updated"],
                    json.dumps(history),
                    coding_id,
                ],
            )
        for kind, coding in self.p.conflicts:
            if kind == "codings":
                version = content_hash(
                    coding["dimension"], coding["status"], coding["value"], coding["memo"]
                )
                placed = self._insert_coding(
                    coding,
                    uid=conflict_uid(coding["uid"], version),
                    conflict_of=coding["uid"],
                    conflict_coder=self.coder or coding["coder"],
                    conflict_time=coding["updated"],
                )
                self.lost_conflicts += not placed
        return added

    def extras(self, data: Mapping[str, Any]) -> None:
        for c in data["corrections"]:
            row = self.db.execute(
                "SELECT 1 FROM entity_corrections WHERE kind = ? AND name = ? AND value = ?",
                [c["kind"], c["name"], c["value"]],
            ).fetchone()
            if row is None:
                self.db.execute(
                    "INSERT INTO entity_corrections(kind, name, value, created) "
                    "VALUES (?, ?, ?, ?)",
                    [c["kind"], c["name"], c["value"], c["created"]],
                )
        for book in data["codebooks"]:
            self.db.execute(
                "INSERT OR IGNORE INTO codebooks(id, data, updated) VALUES (?, ?, ?)",
                [book["id"], book["data"], book["updated"]],
            )


_ARTICLE_COLUMNS = (
    "uid title byline source url published imported language format text blocks sha256"
).split()
_NOTE_COLUMNS = (
    "uid body quote prefix suffix start end anchor_status colour created updated private coder "
    "conflict_of conflict_coder conflict_time"
).split()
_CODING_COLUMNS = (
    "uid codebook dimension start end text method status value memo created updated coder "
    "conflict_of conflict_coder conflict_time"
).split()
