"""The import's writer (reader.library.writer): the same rows as the write path before it,
the text hashed once, the entity cache kept right across an import run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import pytest

from reader.analysis.entities import Mention
from reader.library import Library, text_hash
from reader.library.draft import Block, Draft, Original
from reader.library.mentions_schema import SURFACE


def _drafts() -> list[tuple[Draft, Original | None, list[str], list[Mention]]]:
    t1 = "Maria Kovalenko met the UN in Goma.\n\nKovalenko said 40% of Goma is cut off."
    t2 = "The UN and Goma again. Nothing about Maria."
    t3 = "A text with no entities at all."
    return [
        (
            Draft(
                title="Talks in Goma",
                text=t1,
                source="Wire",
                url="https://example.org/a",
                published="2025-03-01",
                language="en",
                tags=["Congo", "talks"],
                blocks=[Block("p", 0, 35), Block("p", 37, len(t1))],
            ),
            Original("a.txt", b"Talks in Goma\n\n" + t1.encode() + b"\n"),
            ["batch", "congo"],
            [
                Mention(0, 15, "Maria Kovalenko", "person", "Maria Kovalenko"),
                Mention(24, 26, "United Nations", "organization", "UN"),
                Mention(30, 34, "Goma", "place", "Goma"),
                Mention(37, 46, "Maria Kovalenko", "person", "Kovalenko"),
                Mention(52, 55, "40%", "figure", "40%"),
                Mention(59, 63, "Goma", "place", "Goma"),
            ],
        ),
        (
            Draft(title="Again", text=t2, format="md", byline="A. Writer"),
            None,
            ["batch"],
            [
                Mention(4, 6, "United Nations", "organization", "UN"),
                Mention(11, 15, "Goma", "place", "Goma"),
                Mention(38, 43, "Maria", "other", "Maria"),
            ],
        ),
        (Draft(title="Empty", text=t3, language="en"), Original("c.txt", t3.encode()), [], []),
    ]


def _rows(lib: Library) -> dict[str, list[tuple[Any, ...]]]:
    q = {
        "articles": "SELECT id, title, byline, source, url, published, language, format, text, "
        "blocks, text_hash, sha256, reading_position, trashed FROM articles ORDER BY id",
        "originals": "SELECT article_id, filename, sha256, size FROM originals ORDER BY article_id",
        "tags": "SELECT id, name FROM tags ORDER BY id",
        "article_tags": "SELECT article_id, tag_id FROM article_tags ORDER BY 1, 2",
        "entities": "SELECT id, name, type, mention_count, article_count FROM entities ORDER BY id",
        "mentions": 'SELECT m.id, m.entity_id, m.article_id, m.start, m."end", '
        f"{SURFACE} FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.id",
    }
    return {k: [tuple(r) for r in lib.db.execute(sql).fetchall()] for k, sql in q.items()}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _expected() -> dict[str, list[tuple[Any, ...]]]:
    """The rows the write path stored before this writer (captured from it)."""
    (d1, o1, _, _), (d2, _, _, _), (d3, o3, _, _) = _drafts()
    assert o1 is not None
    assert o3 is not None
    return {
        "articles": [
            (
                1,
                "Talks in Goma",
                None,
                "Wire",
                "https://example.org/a",
                "2025-03-01",
                "en",
                "txt",
                d1.text,
                '[["p",0,35],["p",37,75]]',
                text_hash(d1.text),
                _sha(o1.data),
                0.0,
                None,
            ),
            (
                2,
                "Again",
                "A. Writer",
                None,
                None,
                None,
                None,
                "md",
                d2.text,
                "[]",
                text_hash(d2.text),
                _sha(d2.text.encode()),
                0.0,
                None,
            ),
            (
                3,
                "Empty",
                None,
                None,
                None,
                None,
                "en",
                "txt",
                d3.text,
                "[]",
                text_hash(d3.text),
                _sha(o3.data),
                0.0,
                None,
            ),
        ],  # fmt: skip
        "originals": [(1, "a.txt", _sha(o1.data), len(o1.data)), (3, "c.txt", _sha(o3.data), 31)],
        "tags": [(1, "Congo"), (2, "talks"), (3, "batch")],
        "article_tags": [(1, 1), (1, 2), (1, 3), (2, 3)],
        "entities": [
            (1, "Maria Kovalenko", "person", 2, 1),
            (2, "United Nations", "organization", 2, 2),
            (3, "Goma", "place", 3, 2),
            (4, "40%", "figure", 1, 1),
            (5, "Maria", "other", 1, 1),
        ],
        "mentions": [
            (1, 1, 1, 0, 15, "Maria Kovalenko"),
            (2, 2, 1, 24, 26, "UN"),
            (3, 3, 1, 30, 34, "Goma"),
            (4, 1, 1, 37, 46, "Kovalenko"),
            (5, 4, 1, 52, 55, "40%"),
            (6, 3, 1, 59, 63, "Goma"),
            (7, 2, 2, 4, 6, "UN"),
            (8, 3, 2, 11, 15, "Goma"),
            (9, 5, 2, 38, 43, "Maria"),
        ],
    }


def _fill(lib: Library, *, run: bool, batch: bool) -> list[tuple[int, bool]]:
    out = []
    with lib.import_run() if run else _nothing(), lib.transaction() if batch else _nothing():
        for draft, original, tags, mentions in _drafts():
            out.append(lib.add_unless_duplicate(draft, original, tags, mentions))
        again = _drafts()[1]
        out.append(lib.add_unless_duplicate(again[0], None, [], again[3]))
    return out


class _nothing:  # noqa: N801 - a stand-in context manager
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize(("run", "batch"), [(False, False), (True, True), (True, False)])
def test_the_same_rows_as_before(run: bool, batch: bool) -> None:
    with Library.memory() as lib:
        assert _fill(lib, run=run, batch=batch) == [(1, True), (2, True), (3, True), (2, False)]
        assert _rows(lib) == _expected()
        assert lib.original(1) == _drafts()[0][1]
        assert lib.get(1) is not None
        assert lib.get(1).tags == ("batch", "Congo", "talks")  # type: ignore[union-attr]


def test_add_article_stores_a_duplicate_when_asked() -> None:
    with Library.memory() as lib:
        draft, original, tags, mentions = _drafts()[0]
        first = lib.add_article(draft, original, tags, mentions)
        second = lib.add_article(draft, original, tags, mentions)
        assert (first, second) == (1, 2)
        counts = lib.db.execute("SELECT mention_count, article_count FROM entities WHERE id = 1")
        assert counts.fetchone() == (4, 2)


def _old_text_hash(text: str) -> str:
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "text",
    [
        "Plain",
        "  Tabs\tand\nlines\r\n\u00a0nbsp\u2003em\u3000ideo  ",
        "ＦＵＬＬ width ß",
        "",
        "\x1c\x1d",
    ],
)
def test_text_hash_is_unchanged(text: str) -> None:
    assert text_hash(text) == _old_text_hash(text)


def test_the_text_is_hashed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.library.writer as writer

    calls: list[str] = []
    real = writer.text_hash

    def counted(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(writer, "text_hash", counted)
    with Library.memory() as lib:
        draft, original, tags, mentions = _drafts()[0]
        assert lib.find_duplicate(draft.text, draft.url) is None
        lib.add_unless_duplicate(draft, original, tags, mentions)
    assert calls == [draft.text]


def test_a_failed_article_leaves_no_stale_entity_id() -> None:
    with Library.memory() as lib, lib.import_run():
        draft, original, tags, mentions = _drafts()[0]
        bad = [*mentions, Mention(None, 1, "Broken", "person", "T")]  # type: ignore[arg-type]
        with pytest.raises(Exception, match="NOT NULL"):
            lib.add_article(draft, original, tags, bad)
        assert lib.count() == 0
        lib.add_article(draft, original, tags, mentions)  # ids cached by the failure are gone
        assert lib.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 4
        assert not lib.db.execute("PRAGMA foreign_key_check").fetchall()


def test_the_cache_follows_deletions_and_other_connections(tmp_path: Any) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib, lib.import_run():
        draft, original, tags, mentions = _drafts()[0]
        first = lib.add_article(draft, original, tags, mentions)
        lib.delete_article(first)  # its entities go: the cache must forget them
        second = lib.add_article(draft, original, tags, mentions)
        with Library.open(path) as other:  # another connection deletes them too
            other.delete_article(second)
        third = lib.add_article(draft, original, tags, mentions)
        sql = "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?"
        rows = lib.db.execute(sql, [third])
        ids = {r[0] for r in rows}
        names = {r[0] for r in lib.db.execute("SELECT name FROM entities")}
        assert len(ids) == 4
        assert names == {"Maria Kovalenko", "United Nations", "Goma", "40%"}
        assert not lib.db.execute("PRAGMA foreign_key_check").fetchall()
        counts = lib.db.execute("SELECT sum(mention_count), sum(article_count) FROM entities")
        assert counts.fetchone() == (6, 4)


def test_outside_a_run_no_id_outlives_its_article() -> None:
    with Library.memory() as lib:
        draft, original, tags, mentions = _drafts()[0]
        lib.add_article(draft, original, tags, mentions)
        lib.write_statement("DELETE FROM entities")  # behind the writer's back
        lib.write_statement("DELETE FROM mentions")
        lib.add_article(draft, original, tags, mentions)
        assert not lib.db.execute("PRAGMA foreign_key_check").fetchall()
        assert lib.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 4
