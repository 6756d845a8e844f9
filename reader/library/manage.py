"""Managing what the library holds: correcting an article's details, tags, and the trash.

- :func:`update_article` changes an article's title, byline, source, date and language
  (only the fields given; :data:`UNSET` means "leave it").
- :func:`add_tag`, :func:`remove_tag`, :func:`rename_tag` (merging into a tag that already
  exists) and :func:`delete_tag` change tags everywhere: on the articles, and in what feed
  subscriptions and queued URLs will tag their imports with.
- :func:`trash_articles` moves articles to the trash (``articles.trashed`` holds when):
  they leave the lists, the counts, the entity counts and the comparison, but keep their
  notes, highlights, codings, mentions and original, so :func:`restore_articles` brings
  them back whole. :func:`empty_trash` deletes them for good, with all of that.

Every function takes the :class:`~reader.library.Library`, checks everything first and
writes in one transaction, so bad input changes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from reader.library import entities as _entities
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.records import UNSET, Article, ArticleSummary, _Unset

if TYPE_CHECKING:
    from reader.library.library import Library


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


# -- checking input --------------------------------------------------------------------------
def check_date(value: str) -> str:
    """``value`` if it is a real date written ``YYYY-MM-DD``; else :class:`InvalidInputError`."""
    text = value.strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            f"not a date: {value!r} (write it as YYYY-MM-DD, e.g. 2025-03-14)"
        ) from None
    return text


def check_language(value: str) -> str:
    """A two- or three-letter language code (ISO 639), in lower case."""
    text = value.strip().lower()
    if not _LANGUAGE.fullmatch(text):
        raise InvalidInputError(
            f"not a language code: {value!r} (use two or three letters, e.g. en or fr)"
        )
    return text


def check_tag(name: str) -> str:
    """A tag name with the spaces around it gone; :class:`InvalidInputError` when empty."""
    text = name.strip() if isinstance(name, str) else ""
    if not text:
        raise InvalidInputError("a tag needs a name")
    return text


def _optional_text(value: str | None) -> str | None:
    text = None if value is None else " ".join(value.split())
    return text or None


def _states(library: Library, ids: Sequence[int]) -> dict[int, str | None]:
    """``trashed`` of each existing article among ``ids`` (``None``: not in the trash)."""
    out: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows = library.handle.execute(
            f"SELECT id, trashed FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        out.update((int(i), t) for i, t in rows)
    return out


def _unique_ids(article_ids: Iterable[int]) -> list[int]:
    try:
        return list(dict.fromkeys(int(i) for i in article_ids))
    except (TypeError, ValueError):
        raise InvalidInputError("article ids are whole numbers") from None


def _existing(library: Library, article_ids: Iterable[int], *, live: bool) -> list[int]:
    """The ids, each checked to exist (and with ``live``, not to be in the trash)."""
    ids = _unique_ids(article_ids)
    states = _states(library, ids)
    for i in ids:
        if i not in states:
            raise NotFoundError(f"no article with id {i}")
        if live and states[i] is not None:
            raise InvalidInputError(f"article {i} is in the trash (restore it first)")
    return ids


# -- editing an article ----------------------------------------------------------------------
def update_article(
    library: Library,
    article_id: int,
    *,
    title: str | _Unset = UNSET,
    byline: str | None | _Unset = UNSET,
    source: str | None | _Unset = UNSET,
    published: str | None | _Unset = UNSET,
    language: str | None | _Unset = UNSET,
) -> Article:
    """Change the fields given (``None`` clears one; the title cannot be cleared) and
    return the article as it is now."""
    [article_id] = _existing(library, [article_id], live=True)
    changes: dict[str, str | None] = {}
    if not isinstance(title, _Unset):
        clean_title = _optional_text(title)
        if clean_title is None:
            raise InvalidInputError("an article's title cannot be empty")
        changes["title"] = clean_title
    if not isinstance(byline, _Unset):
        changes["byline"] = _optional_text(byline)
    if not isinstance(source, _Unset):
        changes["source"] = _optional_text(source)
    if not isinstance(published, _Unset):
        changes["published"] = None if published is None else check_date(published)
    if not isinstance(language, _Unset):
        changes["language"] = None if language is None else check_language(language)
    if changes:
        sets = ", ".join(f"{name} = ?" for name in changes)
        with library.transaction():
            library.handle.execute(
                f"UPDATE articles SET {sets} WHERE id = ?", [*changes.values(), article_id]
            )
    article = library.get(article_id)
    if article is None:  # deleted by another program between the write and this read
        raise NotFoundError(f"no article with id {article_id}")
    return article


# -- tags ------------------------------------------------------------------------------------
def _tag_id(library: Library, name: str) -> int | None:
    row = library.handle.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    return None if row is None else int(row[0])


def _drop_unused_tags(library: Library) -> None:
    library.handle.execute(
        "DELETE FROM tags WHERE NOT EXISTS "
        "(SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)"
    )


def _retag_sources(library: Library, old: str, new: str | None) -> None:
    """Feeds and queued URLs tag what they import: ``old`` becomes ``new`` (or goes)."""
    for table in ("feeds", "url_queue"):
        rows = library.handle.execute(f"SELECT id, tags FROM {table}").fetchall()
        for row_id, raw in rows:
            try:
                tags = [str(t) for t in json.loads(raw or "[]")]
            except (ValueError, TypeError):
                continue
            if not any(t.casefold() == old.casefold() for t in tags):
                continue
            kept = [new if t.casefold() == old.casefold() else t for t in tags]
            merged = list(dict.fromkeys(t for t in kept if t))
            library.handle.execute(
                f"UPDATE {table} SET tags = ? WHERE id = ?", [json.dumps(merged), row_id]
            )


def add_tag(library: Library, name: str, article_ids: Iterable[int]) -> int:
    """Tag the articles with ``name`` (made if new; an existing tag keeps its spelling);
    how many were not tagged so before."""
    name = check_tag(name)
    with library.transaction():
        ids = _existing(library, article_ids, live=True)
        library.handle.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", [name])
        tag_id = _tag_id(library, name)
        added = 0
        for article_id in ids:
            cursor = library.handle.execute(
                "INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)",
                [article_id, tag_id],
            )
            added += cursor.rowcount
    return added


def remove_tag(library: Library, name: str, article_ids: Iterable[int]) -> int:
    """Take the tag off the articles; how many had it. A tag left on no article goes."""
    name = check_tag(name)
    with library.transaction():
        ids = _existing(library, article_ids, live=True)
        tag_id = _tag_id(library, name)
        if tag_id is None:
            raise NotFoundError(f"no tag called {name!r}")
        removed = 0
        for article_id in ids:
            cursor = library.handle.execute(
                "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                [article_id, tag_id],
            )
            removed += cursor.rowcount
        _drop_unused_tags(library)
    return removed


def rename_tag(library: Library, old: str, new: str) -> int:
    """Call tag ``old`` ``new`` everywhere; when ``new`` exists already the two merge.
    How many articles (trashed ones too) carry ``new`` because of it."""
    old, new = check_tag(old), check_tag(new)
    with library.transaction():
        old_id = _tag_id(library, old)
        if old_id is None:
            raise NotFoundError(f"no tag called {old!r}")
        carried = int(
            library.handle.execute(
                "SELECT count(*) FROM article_tags WHERE tag_id = ?", [old_id]
            ).fetchone()[0]
        )
        new_id = _tag_id(library, new)
        if new_id is None or new_id == old_id:  # a new name, or only its case changes
            library.handle.execute("UPDATE tags SET name = ? WHERE id = ?", [new, old_id])
        else:
            library.handle.execute(
                "INSERT OR IGNORE INTO article_tags(article_id, tag_id) "
                "SELECT article_id, ? FROM article_tags WHERE tag_id = ?",
                [new_id, old_id],
            )
            library.handle.execute("DELETE FROM tags WHERE id = ?", [old_id])
        _retag_sources(library, old, new)
    return carried


def delete_tag(library: Library, name: str) -> int:
    """Remove a tag from every article (and from feeds and queued URLs); how many had it."""
    name = check_tag(name)
    with library.transaction():
        tag_id = _tag_id(library, name)
        if tag_id is None:
            raise NotFoundError(f"no tag called {name!r}")
        cursor = library.handle.execute("DELETE FROM article_tags WHERE tag_id = ?", [tag_id])
        library.handle.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        _retag_sources(library, name, None)
    return int(cursor.rowcount)


# -- the trash -------------------------------------------------------------------------------
def trash_articles(library: Library, article_ids: Iterable[int], now: str) -> list[int]:
    """Move the articles to the trash; the ids moved (those already there are left)."""
    with library.transaction():
        ids = _existing(library, article_ids, live=False)
        states = _states(library, ids)
        moving = [i for i in ids if states[i] is None]
        for article_id in moving:
            _entities.leave_counts(library.handle, article_id)
            library.handle.execute(
                "UPDATE articles SET trashed = ? WHERE id = ?", [now, article_id]
            )
    return moving


def restore_articles(library: Library, article_ids: Iterable[int]) -> list[int]:
    """Bring articles back from the trash, whole; the ids restored (the others were not
    in the trash)."""
    with library.transaction():
        ids = _existing(library, article_ids, live=False)
        states = _states(library, ids)
        back = [i for i in ids if states[i] is not None]
        for article_id in back:
            library.handle.execute("UPDATE articles SET trashed = NULL WHERE id = ?", [article_id])
            _entities.join_counts(library.handle, article_id)
    return back


def trashed_ids(library: Library) -> list[int]:
    """The ids in the trash, the most recently trashed first."""
    rows = library.handle.execute(
        "SELECT id FROM articles WHERE trashed IS NOT NULL ORDER BY trashed DESC, id DESC"
    )
    return [int(r[0]) for r in rows]


def trashed_articles(library: Library) -> list[ArticleSummary]:
    """Summaries of the articles in the trash (``trashed`` says when), newest first."""
    ids = trashed_ids(library)
    found = library.summaries(ids)
    return [found[i] for i in ids if i in found]


def empty_trash(library: Library) -> int:
    """Delete every trashed article for good, with its original, tags, notes and
    highlights (and their history), codings and mentions; how many articles went."""
    with library.transaction():
        ids = trashed_ids(library)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            # the counts left these articles' mentions when they were trashed
            library.handle.execute(f"DELETE FROM mentions WHERE article_id IN ({marks})", chunk)
            library.handle.execute(f"DELETE FROM notes WHERE article_id IN ({marks})", chunk)
            library.handle.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
        _entities.drop_unused_entities(library.handle)
        _drop_unused_tags(library)
    return len(ids)
