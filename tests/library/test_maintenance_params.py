"""The check's problems and a repair's steps carry a kind and the parameters of their
sentence, beside the English detail, in the report and in ``check --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from reader.library import Library
from reader.library import maintenance as m
from reader.services import maintenance as upkeep
from reader.services.importing import import_paths


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(2):
        (src / f"{i}.txt").write_text(
            f"Report {i}\n\nM23 rebels held Goma and the coltan mines of Rubaya, report {i} says."
        )
    import_paths(library, [src])
    library.add_note(1, "check this", quote="coltan mines")
    return library


def test_moved_text_gives_problems_with_their_parameters(filled: Library) -> None:
    note = filled.notes()[0]
    filled.db.execute("UPDATE articles SET text = 'Preface. ' || text WHERE id = 1")
    filled.db.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', 2, 'wrong', 'wrong words')"
    )
    filled.db.execute("UPDATE entities SET mention_count = mention_count + 5")
    problems = {p.kind: p for p in m.check(filled).problems}
    assert problems["anchor"].params == {"note": note.id}
    mentions = problems["mentions"].params
    assert mentions["articles"] == [1]
    assert mentions["article_count"] == 1
    assert mentions["count"] >= 2
    assert f"{mentions['count']} entity mentions" in problems["mentions"].detail
    assert problems["search_index"].params == {
        "table": "articles_fts",
        "of": "articles",
        "stemmed": False,
    }
    assert problems["entity_counts"].params["count"] >= 1
    shape = problems["anchor"].as_json()
    assert set(shape) == {"kind", "detail", "repairable", "params"}


def test_a_repair_records_its_steps(filled: Library) -> None:
    filled.db.execute("UPDATE articles SET text = 'Preface. ' || text WHERE id = 1")
    filled.db.execute("UPDATE entities SET mention_count = mention_count + 5")
    report = upkeep.repair(filled)
    assert report.ok, report.as_json()
    kinds = [s.kind for s in report.steps]
    assert kinds[0] == "search_indexes"
    assert "note_anchors" in kinds
    assert kinds[-1] == "reextracted"
    steps = {s.kind: s for s in report.steps}
    assert steps["note_anchors"].params == {"moved": 1, "lost": 0}
    assert steps["reextracted"].params == {"count": 1}
    assert report.repaired == [s.detail for s in report.steps]  # the sentences, as before
    shape = report.as_json()
    assert {"ok", "problems", "repaired", "counts", "steps"} <= set(shape)
    assert shape["steps"][0] == {
        "kind": "search_indexes",
        "detail": "rebuilt the search indexes",
        "params": {},
    }


def test_check_json_keeps_its_fields_and_adds_params(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite"
    src = tmp_path / "a.txt"
    src.write_text("Goma\n\nM23 rebels held Goma, the report says.")
    run_json(library_path, "import", str(src))
    lib = Library.open(library_path)
    try:
        lib.db.execute("UPDATE articles SET text = 'Preface. ' || text WHERE id = 1")
    finally:
        lib.close()
    proc = run(library_path, "check", "--json")
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"ok", "problems", "repaired", "counts"}
    [mentions] = [p for p in out["problems"] if p["kind"] == "mentions"]
    assert set(mentions) == {"kind", "detail", "repairable", "params"}
    assert mentions["params"]["articles"] == [1]
