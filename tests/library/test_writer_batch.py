"""The writer's batches (no savepoint per article, all or nothing) and the compaction after
a large import run (:mod:`reader.library.writer`)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.library import writer as writer_module
from reader.library.draft import Block, Draft, Original
from reader.library.errors import LibraryError
from reader.library.mentions_schema import SURFACE


@dataclass(frozen=True)
class M:
    start: int
    end: int
    name: str
    type: str
    surface: str | None


def _article(n: int) -> tuple[Draft, Original, list[M]]:
    """A distinct little article naming Goma and one of a few people."""
    person = ("Maria Kovalenko", "Jean Mbala", "Olena Shevchuk")[n % 3]
    text = f"{person} spoke in Goma on day {n}.\n\nThe talks in Goma went on (report {n})."
    draft = Draft(
        title=f"Report {n} from Goma",
        text=text,
        source="Wire",
        language="en",
        blocks=[Block("p", 0, text.index("\n")), Block("p", text.index("The"), len(text))],
    )
    at = text.index("Goma")
    mentions = [
        M(0, len(person), person, "person", person),
        M(at, at + 4, "Goma", "place", "Goma"),
        M(text.rindex("Goma"), text.rindex("Goma") + 4, "Goma", "place", "Goma"),
    ]
    return draft, Original(f"{n}.txt", f"{draft.title}\n\n{text}\n".encode()), mentions


def _content(lib: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row that does not depend on when or with which random uid."""
    q = {
        "articles": "SELECT id, title, text, blocks, text_hash, sha256 FROM articles ORDER BY id",
        "originals": "SELECT article_id, filename, size, data, packing FROM originals ORDER BY 1",
        "entities": "SELECT id, name, type, mention_count, article_count FROM entities ORDER BY 1",
        "mentions": f'SELECT m.entity_id, m.article_id, m.start, m."end", {SURFACE} '
        "FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY 2, 3",
    }
    return {k: [tuple(r) for r in lib.db.execute(sql)] for k, sql in q.items()}


def _store(lib: Library, numbers: range, batch: bool) -> None:
    with lib.import_run():
        if batch:
            with lib.transaction(), lib.writer.batch():
                for n in numbers:
                    lib.add_unless_duplicate(*_article(n)[:2], (), _article(n)[2])
        else:
            for n in numbers:
                lib.add_unless_duplicate(*_article(n)[:2], (), _article(n)[2])


def test_a_batch_stores_what_single_articles_store() -> None:
    with Library.memory() as one, Library.memory() as many:
        _store(one, range(6), batch=False)
        _store(many, range(6), batch=True)
        assert _content(many) == _content(one)
        assert many.count() == 6
        counts = many.db.execute("SELECT mention_count, article_count FROM entities WHERE id = 2")
        assert counts.fetchone() == (12, 6)  # Goma: two mentions in each of six articles


def test_a_batch_has_no_savepoint_per_article_and_asks_data_version_once() -> None:
    with Library.memory() as lib, lib.import_run():
        statements: list[str] = []
        lib.db.conn.set_trace_callback(statements.append)
        with lib.transaction(), lib.writer.batch():
            for n in range(4):
                lib.add_unless_duplicate(*_article(n)[:2], (), _article(n)[2])
        lib.db.conn.set_trace_callback(None)
        assert sum(s.startswith("SAVEPOINT") for s in statements) == 1  # the batch's own
        assert sum(s == "PRAGMA data_version" for s in statements) == 1
        assert lib.count() == 4


def test_an_article_failing_in_a_batch_takes_the_batch_with_it() -> None:
    with Library.memory() as lib, lib.import_run():
        draft, original, mentions = _article(1)

        def good_then_broken() -> None:
            with lib.transaction(), lib.writer.batch():
                lib.add_unless_duplicate(*_article(0)[:2], (), _article(0)[2])
                broken = [*mentions, M(None, 1, "Broken", "person", "M")]  # type: ignore[arg-type]
                lib.add_unless_duplicate(draft, original, (), broken)

        with pytest.raises(Exception, match="NOT NULL"):
            good_then_broken()
        assert lib.count() == 0
        assert lib.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
        _store(lib, range(2), batch=True)  # no id cached by the failure survives it
        assert not lib.db.execute("PRAGMA foreign_key_check").fetchall()
        assert lib.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 3


def test_a_batch_that_goes_on_after_a_failed_article_is_refused() -> None:
    with Library.memory() as lib, lib.import_run():
        draft, original, _mentions = _article(1)

        def going_on_after_a_failure() -> None:
            with lib.transaction(), lib.writer.batch():
                lib.add_unless_duplicate(*_article(0)[:2], (), _article(0)[2])
                broken = [M(None, 1, "X", "person", "M")]  # type: ignore[arg-type]
                with pytest.raises(Exception, match="NOT NULL"):
                    lib.add_unless_duplicate(draft, original, (), broken)
                lib.add_unless_duplicate(*_article(2)[:2], (), _article(2)[2])

        with pytest.raises(LibraryError, match="nothing of the batch was stored"):
            going_on_after_a_failure()
        assert lib.count() == 0  # not even the article before the failure
        assert lib.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
        _store(lib, range(1), batch=True)  # the next batch is not refused
        assert lib.count() == 1


def test_blocks_are_stored_as_compact_json() -> None:
    blocks = [Block("p", 0, 35), Block("h2", 37, 75)]
    assert writer_module.blocks_json(blocks) == '[["p",0,35],["h2",37,75]]'
    assert writer_module.blocks_json([]) == "[]"
    odd = [Block('q"\\', 1, 2)]  # a kind no reader makes still comes back as it was
    assert json.loads(writer_module.blocks_json(odd)) == [['q"\\', 1, 2]]


def test_uids_are_random_version_4_uuids() -> None:
    uids = {writer_module.new_uid() for _ in range(200)}
    assert len(uids) == 200
    for uid in uids:
        parsed = uuid.UUID(hex=uid)
        assert (parsed.version, parsed.variant, parsed.hex) == (4, uuid.RFC_4122, uid)


# -- compaction after a large run -----------------------------------------------------------
QUERIES = ["Goma", "talks", "Kovalenko", "report 3", "speak"]


def _searches(lib: Library) -> list[list[tuple[Any, ...]]]:
    return [
        [(h.id, h.title, h.snippet) for h in lib.search(q, kinds=("article",))] for q in QUERIES
    ]


def _vacuums(lib: Library, work: Any) -> list[str]:
    statements: list[str] = []
    lib.db.conn.set_trace_callback(statements.append)
    try:
        work()
    finally:
        lib.db.conn.set_trace_callback(None)
    return [s for s in statements if s == "VACUUM"]


def test_a_run_that_adds_most_of_the_library_compacts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "COMPACT_MIN_ARTICLES", 4)
    plain, compacted = tmp_path / "plain.sqlite", tmp_path / "compacted.sqlite"
    with Library.open(plain) as lib:
        with lib.transaction():  # a run inside a transaction never compacts
            for first in range(0, 12, 3):  # four commits: four segments in each index
                assert not _vacuums(lib, lambda f=first: _store(lib, range(f, f + 3), True))
        before, rows = _searches(lib), _content(lib)
    with Library.open(compacted) as lib:
        assert _vacuums(lib, lambda: _store(lib, range(12), batch=True)) == ["VACUUM"]
        assert lib.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert _searches(lib) == before  # the same hits, ranks and snippets
        assert _content(lib) == rows
        for table in ("articles_fts", "articles_stem_fts"):
            lib.db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_a_small_run_into_a_larger_library_does_not_compact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "COMPACT_MIN_ARTICLES", 2)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        _store(lib, range(8), batch=True)
        assert not _vacuums(lib, lambda: _store(lib, range(8, 11), batch=True))  # 3 of 11
        assert _vacuums(lib, lambda: _store(lib, range(11, 23), batch=False)) == ["VACUUM"]
        assert lib.count() == 23
