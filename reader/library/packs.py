"""Field packs in the library file: gathering what a pack carries, and its conflicts.

:func:`gather` reads the chosen articles (with tags and original bytes), their notes and
highlights (with every revision), codings (with coder and history), the entity corrections,
the user's codebooks and the tombstones of what is in the trash, as plain JSON-ready data;
:func:`read_data` checks such data, field by field, when it comes back from a pack.
:func:`conflict_copies` lists the conflict copies an import left and
:func:`resolve_conflict` resolves one (keep mine, keep theirs, keep both). How a pack merges
in is :mod:`reader.library.packs_merge`'s; the zip file is :mod:`reader.services.packs`'s.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reader.library import notes as _notes
from reader.library.codings import content_hash
from reader.library.errors import InvalidInputError
from reader.library.library import Library, now_iso
from reader.library.statuses import CODING_STATUSES, KEEP_CHOICES, AnchorStatus

_ARTICLE_FIELDS = (
    "uid title byline source url published imported language format text blocks sha256"
).split()
_NOTE_FIELDS = (
    "uid body quote prefix suffix start end anchor_status colour created updated private coder "
    "conflict_of conflict_coder conflict_time"
).split()
_CODING_FIELDS = (
    "uid codebook dimension start end text method status value memo created updated coder "
    "conflict_of conflict_coder conflict_time"
).split()


@dataclass(frozen=True, slots=True)
class Selection:
    """What a pack carries: articles by tag or id (none given: all), changed since a time."""

    tags: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()
    since: str | None = None
    notes: bool = True
    include_private: bool = False


@dataclass(slots=True)
class Gathered:
    """The pack's data (JSON-ready) and the originals' bytes by article uid."""

    data: dict[str, Any]
    originals: dict[str, bytes]

    def count(self, kind: str) -> int:
        return len(self.data[kind])


def body_hash(body: str) -> str:
    """A note body's version hash."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def conflict_uid(uid: str, version: str) -> str:
    """The uid of the conflict copy of ``uid`` at ``version`` (the same in every library)."""
    return hashlib.sha256(f"{uid}:{version}".encode()).hexdigest()[:32]


# -- gathering ------------------------------------------------------------------------------
def _marks(values: Iterable[Any]) -> str:
    return ",".join("?" for _ in values)


def _article_ids(library: Library, sel: Selection) -> list[int]:
    where = ["trashed IS NULL"]
    params: list[Any] = []
    if sel.ids:
        where.append(f"id IN ({_marks(sel.ids)})")
        params.extend(sel.ids)
    if sel.tags:
        where.append(
            "id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            f"WHERE t.name IN ({_marks(sel.tags)}))"
        )
        params.extend(sel.tags)
    if sel.since is not None:
        where.append(
            "(imported >= ? OR id IN (SELECT article_id FROM notes WHERE updated >= ?) "
            "OR id IN (SELECT article_id FROM codings WHERE updated >= ?))"
        )
        params.extend([sel.since] * 3)
    sql = f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY id"
    return [int(r[0]) for r in library.handle.execute(sql, params)]


def _rows(library: Library, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in library.handle.query(sql, params)]


def gather(library: Library, sel: Selection) -> Gathered:
    """Everything a pack of ``sel`` carries, read in one consistent snapshot."""
    with library.snapshot():
        return _gather(library, sel)


def _gather(library: Library, sel: Selection) -> Gathered:
    ids = _article_ids(library, sel)
    uid_of: dict[int, str] = {}
    articles: list[dict[str, Any]] = []
    originals: dict[str, bytes] = {}
    tags = library.tags_of(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cols = ", ".join(f'a."{c}"' for c in _ARTICLE_FIELDS)
        sql = (
            f"SELECT a.id, {cols}, o.filename, o.sha256 AS o_sha, o.data FROM articles a "
            f"LEFT JOIN originals o ON o.article_id = a.id WHERE a.id IN ({_marks(chunk)}) "
            "ORDER BY a.id"
        )
        for row in _rows(library, sql, chunk):
            uid_of[int(row["id"])] = row["uid"]
            item = {k: row[k] for k in _ARTICLE_FIELDS}
            item["tags"] = list(tags.get(int(row["id"]), ()))
            item["original"] = None
            if row["data"] is not None:
                kept = library.original(int(row["id"]))
                originals[row["uid"]] = kept.data if kept is not None else bytes(row["data"])
                item["original"] = {"filename": row["filename"], "sha256": row["o_sha"]}
            articles.append(item)
    notes: list[dict[str, Any]] = []
    if sel.notes:
        notes = _gather_notes(library, sel, uid_of)
    codings = _gather_codings(library, sel, uid_of)
    data = {
        "articles": articles,
        "notes": notes,
        "codings": codings,
        "corrections": [
            {"kind": k, "name": n, "value": v, "created": c}
            for k, n, v, c in library.handle.execute(
                "SELECT kind, name, value, created FROM entity_corrections ORDER BY id"
            )
        ],
        "codebooks": [
            {"id": i, "data": d, "updated": u}
            for i, d, u in library.handle.execute(
                "SELECT id, data, updated FROM codebooks ORDER BY id"
            )
        ],
        "trashed": _tombstones(library, sel.include_private),
    }
    return Gathered(data, originals)


def _gather_notes(library: Library, sel: Selection, uid_of: dict[int, str]) -> list[dict[str, Any]]:
    where = ["n.deleted IS NULL"]
    params: list[Any] = []
    if not sel.include_private:
        where.append("n.private = 0")
    if sel.since is not None:
        where.append("n.updated >= ?")
        params.append(sel.since)
    free = not (sel.ids or sel.tags)
    cols = ", ".join(f'n."{c}"' for c in _NOTE_FIELDS)
    sql = (
        f"SELECT n.id, n.article_id, {cols} FROM notes n WHERE {' AND '.join(where)} ORDER BY n.id"
    )
    out: list[dict[str, Any]] = []
    for row in _rows(library, sql, params):
        aid = row["article_id"]
        if (aid is None and not free) or (aid is not None and int(aid) not in uid_of):
            continue
        item = {k: row[k] for k in _NOTE_FIELDS}
        item["private"] = bool(item["private"])
        item["article_uid"] = None if aid is None else uid_of[int(aid)]
        item["revisions"] = [
            {"body": b, "saved": s}
            for b, s in library.handle.execute(
                "SELECT body, saved FROM note_revisions WHERE note_id = ? ORDER BY id",
                [row["id"]],
            )
        ]
        out.append(item)
    return out


def _gather_codings(
    library: Library, sel: Selection, uid_of: dict[int, str]
) -> list[dict[str, Any]]:
    if not uid_of:
        return []
    params: list[Any] = []
    since = ""
    if sel.since is not None:
        since = " WHERE updated >= ?"
        params.append(sel.since)
    cols = ", ".join(f'"{c}"' for c in _CODING_FIELDS)
    sql = f"SELECT article_id, history, {cols} FROM codings{since} ORDER BY id"
    out: list[dict[str, Any]] = []
    for row in _rows(library, sql, params):
        if int(row["article_id"]) not in uid_of:
            continue
        item = {k: row[k] for k in _CODING_FIELDS}
        item["article_uid"] = uid_of[int(row["article_id"])]
        item["history"] = json.loads(row["history"] or "[]")
        out.append(item)
    return out


def _tombstones(library: Library, include_private: bool) -> dict[str, list[dict[str, Any]]]:
    """What is in the trash (private notes' only with ``include_private``)."""
    db = library.handle
    private = "" if include_private else " AND private = 0"
    return {
        "articles": [
            {"uid": u, "trashed": t}
            for u, t in db.execute(
                "SELECT uid, trashed FROM articles WHERE trashed IS NOT NULL ORDER BY id"
            )
        ],
        "notes": [
            {"uid": u, "trashed": t, "version": body_hash(b)}
            for u, t, b in db.execute(
                "SELECT uid, deleted, body FROM notes "
                f"WHERE deleted IS NOT NULL{private} ORDER BY id"
            )
        ],
    }


# -- reading a pack's data safely ------------------------------------------------------------
def _check(value: Any, kinds: tuple[type, ...], what: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bool) and bool not in kinds:
        raise InvalidInputError(f"the pack is damaged: {what} is not valid")
    if not isinstance(value, kinds):
        raise InvalidInputError(f"the pack is damaged: {what} is not valid")
    return value


def _list(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InvalidInputError(f"the pack is damaged: {key} is not a list of objects")
    return rows


_TEXT_OPTIONAL = {
    "byline",
    "source",
    "url",
    "published",
    "language",
    "quote",
    "prefix",
    "suffix",
    "colour",
    "coder",
    "conflict_of",
    "conflict_coder",
    "conflict_time",
    "value",
    "memo",
    "article_uid",
}
_INTS = {"start", "end"}


def _validated(kind: str, rows: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    out = []
    for n, row in enumerate(rows, 1):
        clean: dict[str, Any] = {}
        for name in names:
            what = f"{kind} {n}'s {name}"
            value = row.get(name)
            if name in _INTS:
                clean[name] = _check(value, (int,), what, optional=kind == "note")
            elif name == "private":
                clean[name] = bool(_check(value, (bool, int), what, optional=True))
            else:
                clean[name] = _check(value, (str,), what, optional=name in _TEXT_OPTIONAL)
        for name, kinds in (("tags", list), ("revisions", list), ("history", list)):
            if name in row:
                clean[name] = _check(row[name], (kinds,), f"{kind} {n}'s {name}")
        if "original" in row:
            clean["original"] = _check(row["original"], (dict,), f"{kind} {n}'s original", True)
        out.append(clean)
    return out


_ANCHOR_STATES = tuple(str(s) for s in AnchorStatus)


def _one_of(value: Any, allowed: Iterable[Any], what: str) -> None:
    if value not in tuple(allowed):
        raise InvalidInputError(f"the pack is damaged: {what} is not valid")


def _check_blocks(blocks: str, size: int, what: str) -> None:
    try:
        parsed = json.loads(blocks)
    except (json.JSONDecodeError, RecursionError):
        raise InvalidInputError(f"the pack is damaged: {what} is not valid") from None
    if not isinstance(parsed, list) or not all(
        isinstance(b, list)
        and len(b) == 3
        and isinstance(b[0], str)
        and all(isinstance(x, int) and not isinstance(x, bool) for x in b[1:])
        and 0 <= b[1] <= b[2] <= size
        for b in parsed
    ):
        raise InvalidInputError(f"the pack is damaged: {what} is not valid")


def read_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """The pack's data checked field by field: :class:`InvalidInputError` (one line) when
    anything has the wrong shape."""
    trashed = data.get("trashed", {})
    if not isinstance(trashed, dict):
        raise InvalidInputError("the pack is damaged: trashed is not an object")
    articles = _validated("article", _list(data, "articles"), [*_ARTICLE_FIELDS, "text"])
    for n, (item, raw) in enumerate(zip(articles, _list(data, "articles"), strict=True), 1):
        item["tags"] = [str(t) for t in raw.get("tags", []) if isinstance(t, str)]
        _check_blocks(item["blocks"], len(item["text"]), f"article {n}'s blocks")
    notes = _validated("note", _list(data, "notes"), [*_NOTE_FIELDS, "article_uid"])
    for n, note in enumerate(notes, 1):
        _one_of(note["anchor_status"], _ANCHOR_STATES, f"note {n}'s anchor_status")
        _one_of(note["colour"], (None, *_notes.COLOURS), f"note {n}'s colour")
    coded = _validated("coding", _list(data, "codings"), [*_CODING_FIELDS, "article_uid"])
    for n, coding in enumerate(coded, 1):
        _one_of(coding["status"], CODING_STATUSES, f"coding {n}'s status")
    return {
        "articles": articles,
        "notes": notes,
        "codings": coded,
        "corrections": _validated(
            "correction", _list(data, "corrections"), "kind name value created".split()
        ),
        "codebooks": _validated("codebook", _list(data, "codebooks"), ["id", "data", "updated"]),
        "trashed": {
            "articles": _validated("tombstone", _list(trashed, "articles"), ["uid", "trashed"]),
            "notes": _validated(
                "tombstone", _list(trashed, "notes"), ["uid", "trashed", "version"]
            ),
        },
    }


# -- conflict copies --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConflictCopy:
    """A conflict copy beside the note or coding it was edited from (``of_id``; ``None``
    when that one is gone): the incoming version, who wrote it and when."""

    kind: str
    id: int
    of_id: int | None
    article_id: int | None
    coder: str | None
    time: str | None
    theirs: str
    mine: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "of": self.of_id,
            "article_id": self.article_id,
            "coder": self.coder,
            "time": self.time,
            "theirs": self.theirs,
            "mine": self.mine,
        }


def _coding_says(status: str, value: str | None, memo: str | None) -> str:
    return " · ".join(str(x) for x in (status, value, memo) if x)


def conflict_copies(library: Library) -> list[ConflictCopy]:
    """Every conflict copy outside the trash: notes first, then codings, oldest first."""
    db = library.handle
    out = [
        ConflictCopy("note", int(i), None if o is None else int(o), a, c, t, str(b), m)
        for i, o, a, c, t, b, m in db.execute(
            "SELECT n.id, o.id, n.article_id, n.conflict_coder, n.conflict_time, n.body, o.body "
            "FROM notes n LEFT JOIN notes o ON o.uid = n.conflict_of "
            "WHERE n.conflict_of IS NOT NULL AND n.deleted IS NULL ORDER BY n.id"
        )
    ]
    for row in db.execute(
        "SELECT c.id, o.id, c.article_id, c.conflict_coder, c.conflict_time, c.dimension, "
        "c.status, c.value, c.memo, o.dimension, o.status, o.value, o.memo "
        "FROM codings c LEFT JOIN codings o ON o.uid = c.conflict_of "
        "WHERE c.conflict_of IS NOT NULL ORDER BY c.id"
    ):
        mine = None if row[1] is None else f"{row[9]}: {_coding_says(*row[10:13])}"
        theirs = f"{row[5]}: {_coding_says(*row[6:9])}"
        out.append(
            ConflictCopy("coding", int(row[0]), row[1], row[2], row[3], row[4], theirs, mine)
        )
    return out


def resolve_conflict(library: Library, kind: str, copy_id: int, keep: str) -> None:
    """Resolve one conflict copy (one transaction): ``mine`` keeps the original (a note's
    copy goes to the trash, a coding's is removed), ``theirs`` gives the original the
    copy's version (a note keeps its old body among its revisions), ``both`` keeps the copy
    as a note or coding of its own. :class:`InvalidInputError` for no such copy."""
    if keep not in KEEP_CHOICES:
        raise InvalidInputError(f"keep one of {', '.join(KEEP_CHOICES)}, not {keep!r}")
    table = {"note": "notes", "coding": "codings"}.get(kind)
    if table is None:
        raise InvalidInputError(f"a conflict copy is a note or a coding, not {kind!r}")
    db = library.handle
    with library.transaction():
        live = " AND deleted IS NULL" if table == "notes" else ""
        row = db.execute(
            f"SELECT conflict_of FROM {table} WHERE id = ? AND conflict_of IS NOT NULL{live}",
            [copy_id],
        ).fetchone()
        if row is None:
            raise InvalidInputError(f"{kind} {copy_id} is not a conflict copy")
        original = db.execute(f"SELECT id FROM {table} WHERE uid = ?", [row[0]]).fetchone()
        now = now_iso()
        if keep == "both" or (keep == "theirs" and original is None):
            db.execute(
                f"UPDATE {table} SET conflict_of = NULL, conflict_coder = NULL, "
                "conflict_time = NULL WHERE id = ?",
                [copy_id],
            )
            return
        if keep == "theirs" and table == "notes":
            body, colour = db.execute(
                "SELECT body, colour FROM notes WHERE id = ?", [copy_id]
            ).fetchone()
            _notes.save_body(db, int(original[0]), body, now)
            db.execute("UPDATE notes SET colour = ? WHERE id = ?", [colour, original[0]])
        elif keep == "theirs":
            _take_coding(db, int(original[0]), copy_id, now)
        if table == "notes":
            db.execute("UPDATE notes SET deleted = ? WHERE id = ?", [now, copy_id])
        else:
            db.execute("DELETE FROM codings WHERE id = ?", [copy_id])


def _take_coding(db: Any, target: int, source: int, now: str) -> None:
    old = db.execute(
        "SELECT dimension, status, value, memo, history FROM codings WHERE id = ?", [target]
    ).fetchone()
    new = db.execute(
        "SELECT dimension, status, value, memo FROM codings WHERE id = ?", [source]
    ).fetchone()
    history = [*json.loads(old[4] or "[]"), content_hash(*old[:4])]
    db.execute(
        "UPDATE codings SET dimension = ?, status = ?, value = ?, memo = ?, updated = ?, "
        "history = ? WHERE id = ?",
        [*new, now, json.dumps(history), target],
    )
