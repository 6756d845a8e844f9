"""Checks, repairs, backups, restores, and libraries written by older versions."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import command, newer_library, run, run_json
from helpers.paths import FIXTURES
from reader.library import Library
from reader.library import maintenance as m
from reader.library.schema import SCHEMA_VERSION, user_version
from reader.services.importing import import_paths

OLD = FIXTURES / "libraries"


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(
            f"Report {i}\n\nM23 rebels held Goma and the coltan mines of Rubaya, report {i} says."
        )
    import_paths(library, [src])
    library.add_note(1, "check this", quote="coltan mines")
    return library


@pytest.mark.parametrize("path", sorted(OLD.glob("schema-v*.sqlite")), ids=lambda p: p.stem)
def test_every_older_library_upgrades_and_checks_clean(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(path, copy)
    old_version = int(path.stem.split("-v")[1])
    lib = Library.open(copy)
    try:
        assert user_version(lib.db) == SCHEMA_VERSION
        assert m.check(lib).ok, m.check(lib).as_json()
        assert lib.get(1).title == "Goma under M23"
        assert lib.original(1).data == b"abc"
        assert [h.id for h in lib.search("coltan", kinds=("article",))] == [1]
        if old_version >= 3:
            assert lib.notes(article_id=1)[0].quote == "coltan"
        assert list(tmp_path.glob(f"old.v{old_version}-*.backup.sqlite"))
    finally:
        lib.close()


def test_old_library_fixtures_cover_every_previous_version() -> None:
    versions = {int(p.stem.split("-v")[1]) for p in OLD.glob("schema-v*.sqlite")}
    assert versions == set(range(1, SCHEMA_VERSION)), (
        "run tests/fixtures/libraries/make_old_libraries.py after adding a migration"
    )


def test_healthy_library_checks_clean(filled: Library) -> None:
    report = m.check(filled)
    assert report.ok
    assert report.counts["articles"] == 3
    assert report.counts["notes"] == 1


def test_broken_search_index_is_found_and_repaired(filled: Library) -> None:
    filled.db.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', 1, 'wrong', 'wrong words')"
    )
    report = m.check(filled)
    assert [p.kind for p in report.problems] == ["search_index"]
    assert report.problems[0].repairable
    fixed = m.repair(filled)
    assert fixed.ok
    assert "rebuilt the search indexes" in fixed.repaired
    assert len(filled.search("coltan", kinds=("article",))) == 3


def test_moved_text_is_reanchored_and_lost_text_flagged(filled: Library) -> None:
    note = filled.notes()[0]
    text = filled.text_of(1)
    filled.db.execute("UPDATE articles SET text = ? WHERE id = 1", ["Preface. " + text])
    kinds = {p.kind for p in m.check(filled).problems}
    assert {"anchor", "mentions"} <= kinds
    m.repair(filled)
    moved = filled.note(note.id)
    assert filled.text_of(1)[moved.start : moved.end] == "coltan mines"
    filled.db.execute("UPDATE articles SET text = 'Nothing left here.' WHERE id = 1")
    m.repair(filled)
    assert filled.note(note.id).anchor_status == "unresolved"


def test_backup_while_another_connection_writes(filled: Library, tmp_path: Path) -> None:
    other = sqlite3.connect(filled.path, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE articles SET title = 'uncommitted' WHERE id = 1")
    copy = m.backup(filled, tmp_path / "b.sqlite")
    other.rollback()
    other.close()
    assert m.validate_backup(copy) == SCHEMA_VERSION
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0] != "uncommitted"
    conn.close()
    with pytest.raises(FileExistsError):
        m.backup(filled, copy)
    into_folder = m.backup(filled, tmp_path)
    assert into_folder.parent == tmp_path
    assert into_folder.name.startswith("fieldreader-")


def test_auto_backups_rotate(filled: Library, tmp_path: Path) -> None:
    folder = m.backups_folder(filled.path)
    folder.mkdir(exist_ok=True)
    for day in ("20240101", "20240102", "20240103", "20240104"):
        (folder / f"auto-{day}.sqlite").write_bytes(b"old")
    (folder / "mine.sqlite").write_bytes(b"kept: not an automatic backup")
    made = m.auto_backup(filled, filled.path, keep=3)
    assert made is not None
    assert made.exists()
    assert m.auto_backup(filled, filled.path, keep=3) is None  # one a day
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["auto-20240103.sqlite", "auto-20240104.sqlite", made.name, "mine.sqlite"]


def test_validate_refuses_what_is_not_a_usable_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(ValueError, match="not a Fieldreader library"):
        m.validate_backup(junk)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(ValueError, match="not a Fieldreader library"):
        m.validate_backup(other)
    newer = newer_library(tmp_path / "newer.sqlite")
    with pytest.raises(ValueError, match="newer Fieldreader"):
        m.validate_backup(newer)


def test_restore_keeps_the_replaced_library(filled: Library, tmp_path: Path) -> None:
    path = filled.path
    copy = m.backup(filled, tmp_path / "b.sqlite")
    filled.delete_article(1)
    filled.close()
    kept = m.restore(path, copy)
    lib = Library.open(path)
    assert lib.count() == 3
    lib.close()
    old = sqlite3.connect(kept)
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    old.close()


@pytest.mark.e2e
def test_check_backup_restore_commands(library_path: Path, tmp_path: Path) -> None:
    run_json(library_path, "samples")
    assert run_json(library_path, "check")["ok"] is True
    made = run_json(library_path, "backup", str(tmp_path / "b.sqlite"))
    assert Path(made["file"]).exists()
    no = run(library_path, "restore", made["file"])
    assert no.returncode == 2
    assert "--yes" in no.stderr
    done = run_json(library_path, "restore", made["file"], "--yes")
    assert Path(done["previous_kept_as"]).exists()
    conn = sqlite3.connect(library_path)
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', 1, 'a', 'b')"
    )
    conn.commit()
    conn.close()
    broken = run(library_path, "check")
    assert broken.returncode == 1
    assert "search_index" in broken.stdout
    assert run_json(library_path, "check", "--repair")["ok"] is True
    auto = run_json(library_path, "backup", "--auto")
    assert auto["file"]
    assert Path(auto["file"]).parent.name == "backups"


def test_wrong_entity_counts_are_found_and_recounted(filled: Library) -> None:
    filled.db.execute("UPDATE entities SET mention_count = mention_count + 5")
    report = m.check(filled)
    assert [p.kind for p in report.problems] == ["entity_counts"]
    fixed = m.repair(filled)
    assert fixed.ok
    assert "recounted the entities' mentions" in fixed.repaired


# -- leftovers of failed and killed backups and restores -----------------------------------------
WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE IF NOT EXISTS t(x)")
conn.execute("INSERT INTO t VALUES (randomblob(200000))")
print("WRITING", flush=True)
time.sleep(120)
"""


def _writing(path: Path) -> subprocess.Popen[str]:
    """A real process in the middle of writing an SQLite file (as a backup writes its copy)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "WRITING"
    return proc


def _killed_mid_write(path: Path) -> None:
    proc = _writing(path)
    proc.kill()
    proc.communicate(timeout=30)
    assert Path(f"{path}-journal").exists()  # what a killed copy leaves: itself and its journal


def test_a_backup_removes_what_a_killed_backup_left(filled: Library, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    _killed_mid_write(folder / "fieldreader-20240101-000000.sqlite.partial")
    (folder / "auto-20240102.sqlite.partial-journal").write_bytes(b"")  # a journal alone
    (folder / "notes.txt.partial").write_bytes(b"the user's: not a backup's")
    busy = folder / "fieldreader-20240103-000000.sqlite.partial"
    writer = _writing(busy)  # another backup at work right now: left alone
    try:
        made = m.backup(filled, folder)
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted([made.name, "notes.txt.partial", busy.name, f"{busy.name}-journal"])
    finally:
        writer.kill()
        writer.communicate(timeout=30)
    _killed_mid_write(tmp_path / "mine.sqlite.partial")
    m.backup(filled, tmp_path / "mine.sqlite")  # a named file: its own leftovers go
    assert not list(tmp_path.glob("mine.sqlite.partial*"))


def test_a_failed_backup_leaves_nothing_behind(library_path: Path, tmp_path: Path) -> None:
    run_json(library_path, "samples")
    dest = tmp_path / "out" / "b.sqlite"
    dest.parent.mkdir()
    limit = library_path.stat().st_size // 2  # the copy cannot be written whole
    proc = subprocess.run(
        [*command(), "--library", str(library_path), "backup", str(dest)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: _limit_file_size(limit),
    )
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1
    assert list(dest.parent.iterdir()) == []


def _limit_file_size(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_restore_removes_what_a_killed_restore_left(filled: Library, tmp_path: Path) -> None:
    path = filled.path
    assert path is not None
    copy = m.backup(filled, tmp_path / "b.sqlite")
    filled.close()
    _killed_mid_write(path.with_name("library.before-restore-20240101-000000.sqlite.partial"))
    path.with_name(path.name + ".restoring").write_bytes(b"")  # what earlier versions left
    kept = m.restore(path, copy)
    names = sorted(p.name for p in path.parent.iterdir() if p.name.startswith("library."))
    assert names == sorted([path.name, kept.name])


def test_restores_in_the_same_second_keep_every_replaced_library(
    filled: Library, tmp_path: Path
) -> None:
    path = filled.path
    assert path is not None
    copy = m.backup(filled, tmp_path / "b.sqlite")
    filled.close()
    kept = {m.restore(path, copy) for _ in range(3)}
    assert len(kept) == 3
    assert all(k.is_file() for k in kept)


def test_restore_over_a_file_that_is_not_a_database(filled: Library, tmp_path: Path) -> None:
    path = filled.path
    assert path is not None
    copy = m.backup(filled, tmp_path / "b.sqlite")
    filled.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    path.write_bytes(b"overwritten by something else" * 1000)
    kept = m.restore(path, copy)
    assert kept.read_bytes().startswith(b"overwritten")  # kept aside as it was
    with Library.open(path) as lib:
        assert lib.count() == 3
