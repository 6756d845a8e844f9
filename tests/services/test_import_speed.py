"""The import does the least per article (counted, never timed): the writer's statements,
no work a brand-new article does not need, entity ids looked up once a run, nothing
compiled per article by the extractor, and one worker process per core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.dispatches import write_dispatches
from reader.analysis.entities import Extractor
from reader.library import Library
from reader.services import pipeline
from reader.services.importing import import_paths

ARTICLES = 12


def _statements(library: Library, tmp_path: Path, *, parallel: bool) -> list[str]:
    folder = write_dispatches(tmp_path / "src", ARTICLES)
    seen: list[str] = []
    library.db.conn.set_trace_callback(seen.append)
    try:
        results = import_paths(library, [folder], parallel=parallel)
    finally:
        library.db.conn.set_trace_callback(None)
    assert [r.status for r in results] == ["added"] * ARTICLES
    return [s.strip() for s in seen if not s.lstrip().startswith("--")]  # not trigger bodies


def _count(statements: list[str], start: str) -> int:
    return sum(1 for s in statements if s.upper().startswith(start.upper()))


@pytest.mark.parametrize("parallel", [False, True])
def test_a_new_article_costs_a_few_statements(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 1)
    statements = _statements(library, tmp_path, parallel=parallel)
    one = library.db.execute
    entities = one("SELECT count(*) FROM entities").fetchone()[0]
    mentions = one("SELECT count(*) FROM mentions").fetchone()[0]
    pairs = one("SELECT count(*) FROM (SELECT DISTINCT article_id, entity_id FROM mentions)")
    assert _count(statements, "DELETE FROM mentions") == 0  # a new article has no old mentions
    assert _count(statements, "SELECT entity_id") == 0  # nor old counts to take away
    assert _count(statements, "INSERT INTO entities(") == entities  # each once, then cached
    assert _count(statements, "SELECT id FROM entities") == 0
    assert _count(statements, "SELECT id FROM articles WHERE text_hash") == ARTICLES
    assert _count(statements, "INSERT INTO originals(") == ARTICLES
    assert _count(statements, "INSERT INTO mentions(") == mentions  # rows of one executemany
    # a new entity is inserted with its counts; only the ones the library knew are raised
    assert _count(statements, "UPDATE entities") == pairs.fetchone()[0] - entities
    assert _count(statements, "SAVEPOINT") <= ARTICLES
    assert _count(statements, "INSERT OR IGNORE INTO tags") == 0  # no tags, no tag work


def test_the_counts_are_right_without_a_recount(library: Library, tmp_path: Path) -> None:
    _statements(library, tmp_path, parallel=False)
    assert library.db.execute(
        "SELECT count(*) FROM entities e WHERE mention_count != "
        "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) OR article_count != "
        "(SELECT count(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id)"
    ).fetchone() == (0,)
    goma = "SELECT mention_count, article_count FROM entities WHERE name = 'Goma'"
    assert library.db.execute(goma).fetchone() == (ARTICLES, ARTICLES)


def test_extraction_compiles_nothing_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    extractor = Extractor()
    texts = [
        f"Maria Kovalenko{i} met officials of the Kivu Mining Company{i} in Goma on day {i}. "
        f"Kovalenko{i} said the Company{i} (KMC{i}) would export 40% more coltan. "
        f"Dr. Aisha Bello{i} of the University of Kinshasa disagreed."
        for i in range(8)
    ]
    extractor.extract(texts[0], "en")  # the language's patterns are compiled once
    extractor.extract(texts[0], "fr")
    compiled: list[object] = []
    real = re._compiler.compile  # type: ignore[attr-defined]

    def spy(pattern: object, flags: int = 0) -> object:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", spy)  # type: ignore[attr-defined]
    found = [extractor.extract(t, "en" if i % 2 else "fr") for i, t in enumerate(texts)]
    assert compiled == []
    assert all(any(m.surface.startswith("Kovalenko") for m in f) for f in found[1::2])


def test_one_worker_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert pipeline.worker_count() == 2
    monkeypatch.setattr(
        pipeline.os, "sched_getaffinity", lambda _pid: set(range(64)), raising=False
    )
    assert pipeline.worker_count() == pipeline.MAX_WORKERS

    def no_affinity(_pid: int) -> set[int]:
        raise AttributeError("no affinity here")

    monkeypatch.setattr(pipeline.os, "sched_getaffinity", no_affinity, raising=False)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 3)
    assert pipeline.worker_count() == 3
