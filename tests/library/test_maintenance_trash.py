"""The check counts the articles in the library and those in the trash apart, in the
report, in ``check --json`` and in its human line; the trash is still checked."""

from __future__ import annotations

from pathlib import Path

from helpers.cli import run, run_json
from reader.library import Library
from reader.library import maintenance as m
from reader.services.importing import import_paths


def _three(library: Library, tmp_path: Path) -> list[int]:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(f"Report {i}\n\nCobalt from Kolwezi, report {i} says.")
    import_paths(library, [src])
    return [a.id for a in library.list_articles()]


def test_trashed_articles_are_counted_apart(library: Library, tmp_path: Path) -> None:
    ids = _three(library, tmp_path)
    assert m.check(library).counts["trashed"] == 0
    library.add_note(ids[0], "kept with it", quote="Cobalt")
    library.trash_articles([ids[0]])
    report = m.check(library)
    assert report.ok
    assert report.counts["articles"] == library.count() == 2
    assert report.counts["trashed"] == 1
    assert report.counts["notes"] == 1  # a trashed article's note is checked all the same
    assert list(report.counts)[:2] == ["articles", "trashed"]
    library.restore_articles([ids[0]])
    assert m.check(library).counts == {**report.counts, "articles": 3, "trashed": 0}


def test_a_trashed_articles_damage_is_still_found(library: Library, tmp_path: Path) -> None:
    ids = _three(library, tmp_path)
    library.trash_articles([ids[1]])
    library.db.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', ?, 'wrong', 'wrong words')",
        [ids[1]],
    )
    assert [p.kind for p in m.check(library).problems] == ["search_index"]


def test_check_command_says_both(library_path: Path) -> None:
    run_json(library_path, "samples")
    listed = run_json(library_path, "list")
    run_json(library_path, "article", "delete", str(listed[0]["id"]))
    shape = run_json(library_path, "check")
    assert shape["ok"] is True
    assert shape["counts"]["articles"] == len(listed) - 1
    assert shape["counts"]["trashed"] == 1
    assert {"ok", "problems", "repaired", "counts", "steps"} <= set(shape)
    human = run(library_path, "check")
    assert human.returncode == 0, human.stderr
    assert f"({len(listed) - 1} articles, 1 in the trash, " in human.stdout
