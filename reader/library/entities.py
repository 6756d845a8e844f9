"""Entities and their mentions in the library file, and the user's entity corrections.

Mentions are stored per article, replaced whole when an article is (re-)extracted, each
with its character offsets into ``articles.text`` and its exact surface text (from schema
15 stored only where it differs from that slice of the text, and read back filled in:
:mod:`reader.library.mentions_schema`). Entities are unique by (name, type); ones left
without mentions are removed. An entity's counts leave out the articles in the trash
(their mentions stay, and count again once restored). Corrections are plain rows
``(kind, name, value)`` that the analysis layer turns into rules applied before
extraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.library.handle import Connection
from reader.library.mentions_schema import is_lean
from reader.library.plain import Frozen, setup

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object  # the protocol is the type checker's: a plain class at run time


class MentionLike(Protocol):
    """What the library needs of an extracted mention."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def surface(self) -> str: ...


class EntityInfo(Frozen):
    """An entity as listed: counts, the other names it appears under, and its mentions."""

    __slots__ = ("id", "name", "type", "count", "articles", "aliases", "mentions")
    id: int
    name: str
    type: str
    count: int
    articles: int
    aliases: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]

    def __init__(
        self,
        id: int,
        name: str,
        type: str,
        count: int,
        articles: int = 1,
        aliases: tuple[str, ...] = (),
        mentions: tuple[tuple[int, int], ...] = (),
    ) -> None:
        setup(
            self,
            id=id,
            name=name,
            type=type,
            count=count,
            articles=articles,
            aliases=aliases,
            mentions=mentions,
        )

    def as_json(self, *, with_mentions: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "aliases": list(self.aliases),
        }
        if with_mentions:
            out["mentions"] = [{"start": s, "end": e} for s, e in self.mentions]
        else:
            out["articles"] = self.articles
        return out


def _entity_id(db: Connection, name: str, type_: str, cache: dict[tuple[str, str], int]) -> int:
    key = (name, type_)
    if key not in cache:
        db.execute("INSERT OR IGNORE INTO entities(name, type) VALUES (?, ?)", [name, type_])
        row = db.execute(
            "SELECT id FROM entities WHERE name = ? AND type = ?", [name, type_]
        ).fetchone()
        cache[key] = int(row[0])
    return cache[key]


#: An article in the trash: its mentions stay, but its entities' counts leave them out.
_IN_TRASH = "EXISTS (SELECT 1 FROM articles a WHERE a.id = ? AND a.trashed IS NOT NULL)"


def _adjust_counts(db: Connection, article_id: int, sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) one article's mentions from its entities' counts
    (nothing for an article in the trash: its mentions are out of the counts already)."""
    per_entity = db.execute(
        f"SELECT entity_id, count(*) FROM mentions WHERE article_id = ? AND NOT {_IN_TRASH} "
        "GROUP BY entity_id",
        [article_id, article_id],
    ).fetchall()
    db.conn.executemany(
        "UPDATE entities SET mention_count = mention_count + ?, "
        "article_count = article_count + ? WHERE id = ?",
        [(sign * n, sign, entity_id) for entity_id, n in per_entity],
    )


def store_mentions(db: Connection, article_id: int, mentions: Iterable[MentionLike]) -> int:
    """Replace an article's mentions and keep the entities' counts (call inside a
    transaction); return how many. A surface equal to the text's slice is stored as NULL
    where the file allows it (:mod:`reader.library.mentions_schema`)."""
    _adjust_counts(db, article_id, -1)
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    cache: dict[tuple[str, str], int] = {}
    text = None  # the article's text, where a surface equal to its slice is left out
    if is_lean(db):
        row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        text = None if row is None else str(row[0])
    rows = [
        (
            _entity_id(db, m.name, m.type, cache),
            article_id,
            m.start,
            m.end,
            None if text is not None and text[m.start : m.end] == m.surface else m.surface,
        )
        for m in mentions
    ]
    db.conn.executemany(
        'INSERT INTO mentions(entity_id, article_id, start, "end", surface) VALUES (?,?,?,?,?)',
        rows,
    )
    _adjust_counts(db, article_id, 1)
    return len(rows)


def forget_article(db: Connection, article_id: int) -> None:
    """Take an article's mentions out of the counts before the article is deleted."""
    store_mentions(db, article_id, [])


def leave_counts(db: Connection, article_id: int) -> None:
    """Take an article's mentions out of the counts as it goes to the trash (call before
    marking it trashed)."""
    _adjust_counts(db, article_id, -1)


def join_counts(db: Connection, article_id: int) -> None:
    """Put an article's mentions back in the counts as it leaves the trash (call after
    clearing its mark)."""
    _adjust_counts(db, article_id, 1)


def drop_unused_entities(db: Connection) -> None:
    """Remove entities that no article mentions any more (one mentioned only by articles
    in the trash stays, out of the lists, until the trash is emptied)."""
    db.execute(
        "DELETE FROM entities WHERE mention_count <= 0 "
        "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)"
    )


#: The mentions that count: those of articles not in the trash.
_COUNTED = (
    "FROM mentions m WHERE m.entity_id = {entity} AND NOT EXISTS "
    "(SELECT 1 FROM articles a WHERE a.id = m.article_id AND a.trashed IS NOT NULL)"
)

_EACH = _COUNTED.format(entity="entities.id")
RECOUNT = f"""
    UPDATE entities SET
        mention_count = (SELECT count(*) {_EACH}),
        article_count = (SELECT count(DISTINCT m.article_id) {_EACH})
"""


def recount(db: Connection) -> None:
    """Compute every entity's mention and article counts from scratch (after bulk loads)."""
    db.execute(RECOUNT)


def miscounted(db: Connection) -> int:
    """How many entities carry counts that disagree with their mentions."""
    row = db.execute(
        "SELECT count(*) FROM entities e WHERE mention_count != "
        f"(SELECT count(*) {_COUNTED.format(entity='e.id')})"
    ).fetchone()
    return int(row[0])


def article_entities(db: Connection, article_id: int) -> list[EntityInfo]:
    """The entities of one article with their mentions, most mentioned first.

    ``aliases`` are the other surfaces the entity has in this article (cheap: no look at
    the rest of the library, so opening an article stays fast in a large library).
    """
    by_entity: dict[int, list[tuple[int, int]]] = {}
    names: dict[int, tuple[str, str]] = {}
    surfaces: dict[int, set[str]] = {}
    rows = db.execute(
        'SELECT e.id, e.name, e.type, m.start, m."end", m.surface FROM mentions m '
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start",
        [article_id],
    ).fetchall()
    text = ""  # the article's text, read once if a surface is its slice (stored as NULL)
    if any(row[5] is None for row in rows):
        text = str(db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0])
    for eid, name, type_, start, end, stored in rows:
        surface = text[start:end] if stored is None else stored
        by_entity.setdefault(eid, []).append((start, end))
        names[eid] = (name, type_)
        if surface != name:
            surfaces.setdefault(eid, set()).add(surface)
    infos = [
        EntityInfo(
            id=eid,
            name=names[eid][0],
            type=names[eid][1],
            count=len(spans),
            aliases=tuple(sorted(surfaces.get(eid, ()))),
            mentions=tuple(spans),
        )
        for eid, spans in by_entity.items()
    ]
    infos.sort(key=lambda i: (-i.count, i.name.casefold()))
    return infos


def library_entities(
    db: Connection, *, type_: str | None = None, article_id: int | None = None
) -> list[EntityInfo]:
    """Every entity with its mention and article counts, most mentioned first."""
    where: list[str] = ["e.mention_count > 0"]
    params: list[object] = []
    if type_:
        where.append("e.type = ?")
        params.append(type_)
    if article_id is not None:
        where.append("e.id IN (SELECT entity_id FROM mentions WHERE article_id = ?)")
        params.append(article_id)
    rows = db.execute(
        "SELECT e.id, e.name, e.type, e.mention_count, e.article_count FROM entities e "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY e.mention_count DESC, e.name COLLATE NOCASE",
        params,
    ).fetchall()
    return [EntityInfo(id=r[0], name=r[1], type=r[2], count=r[3], articles=r[4]) for r in rows]


def names_in(
    db: Connection, article_ids: Sequence[int], *, except_types: Sequence[str] = ()
) -> set[str]:
    """The names of the entities the articles mention, leaving out ``except_types``."""
    names: set[str] = set()
    ids = list(dict.fromkeys(article_ids))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        skip = f" AND e.type NOT IN ({','.join('?' * len(except_types))})" if except_types else ""
        rows = db.execute(
            "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.article_id IN ({','.join('?' * len(chunk))}){skip}",
            [*chunk, *except_types],
        )
        names.update(str(r[0]) for r in rows)
    return names


def entity_names(db: Connection) -> list[str]:
    """Every entity name in the library, sorted (for completers)."""
    rows = db.execute("SELECT DISTINCT name FROM entities WHERE mention_count > 0 ORDER BY name")
    return [r[0] for r in rows]


def entity_by_id(db: Connection, entity_id: int) -> tuple[str, str] | None:
    """``(name, type)`` of an entity, or ``None``."""
    row = db.execute("SELECT name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    return None if row is None else (row[0], row[1])


def articles_mentioning(db: Connection, entity_id: int) -> list[tuple[int, str, int]]:
    """``(article id, title, mentions)`` for every article that mentions the entity."""
    return [
        (int(a), t, int(n))
        for a, t, n in db.execute(
            "SELECT a.id, a.title, count(*) FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE m.entity_id = ? AND a.trashed IS NULL GROUP BY a.id "
            "ORDER BY count(*) DESC, a.title COLLATE NOCASE",
            [entity_id],
        )
    ]


def correction_rows(db: Connection) -> list[tuple[str, str, str]]:
    """Every stored correction as ``(kind, name, value)``, oldest first."""
    return [
        (k, n, v)
        for k, n, v in db.execute("SELECT kind, name, value FROM entity_corrections ORDER BY id")
    ]
