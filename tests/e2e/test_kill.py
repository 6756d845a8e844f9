"""Killing the process at any moment leaves an intact library (SIGKILL, real subprocesses).

Each round starts real work in a subprocess, kills it at a random moment, then checks the
file: SQLite integrity, the search indexes, foreign keys, anchors, and that every article
landed whole (with its original and its entity mentions). Re-running the import finishes
the job and skips what landed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.cli import article_count, command, run_json
from helpers.dispatches import write_dispatches
from reader.library import Draft, Library, Original, maintenance

pytestmark = pytest.mark.e2e

ROUNDS = int(os.environ.get("FIELDREADER_KILL_ROUNDS", "4"))
FILES = 600


def _kill_after(args: list[str], delay: float, env: dict[str, str] | None = None) -> None:
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or os.environ.copy()
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _kill_mid_import(args: list[str], library: Path, extra: float) -> None:
    """Kill the import once some articles have landed, ``extra`` seconds later."""
    before = article_count(library)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proc.poll() is None and article_count(library) <= before and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(extra)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _assert_intact(path: Path) -> int:
    lib = Library.open(path)
    try:
        report = maintenance.check(lib)
        assert report.ok, report.as_json()
        half = lib.db.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM originals o WHERE o.article_id = a.id) "
            "OR NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
        ).fetchone()[0]
        assert half == 0, "an article landed without its original or its mentions"
        return lib.count()
    finally:
        lib.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_dispatches(tmp_path / "src", FILES)


def test_killed_imports_leave_whole_articles_and_resume(tmp_path: Path, folder: Path) -> None:
    library = tmp_path / "lib.sqlite"
    rng = random.Random(20251127)
    seen: list[int] = []
    for _ in range(ROUNDS):
        _kill_mid_import(
            [*command(), "--library", str(library), "import", str(folder)],
            library,
            rng.uniform(0.0, 0.15),
        )
        seen.append(_assert_intact(library))
    assert seen == sorted(seen)  # nothing that landed was lost
    assert any(0 < n < FILES for n in seen), f"no kill landed mid-import: {seen}"
    results = run_json(library, "import", str(folder))
    assert {r["status"] for r in results} <= {"added", "duplicate"}
    assert sum(r["status"] == "duplicate" for r in results) == seen[-1]
    assert _assert_intact(library) == FILES


def test_killed_reextraction_leaves_consistent_mentions(tmp_path: Path, folder: Path) -> None:
    library = tmp_path / "lib.sqlite"
    run_json(library, "import", str(folder))
    run_json(library, "entity", "hide", "Goma")
    rng = random.Random(7)
    for _ in range(ROUNDS):
        _kill_after([*command(), "--library", str(library), "reextract"], rng.uniform(0.2, 0.45))
        assert _assert_intact(library) == FILES
    run_json(library, "reextract")
    names = {e["name"] for e in run_json(library, "entities")}
    assert "Goma" not in names


SAVER = """
import sys
from reader.library import Library
lib = Library.open(sys.argv[1])
note = int(sys.argv[2])
i = 0
while True:
    i += 1
    lib.save_note(note, f"draft {i}: " + "words " * (i % 50))
    print(i, flush=True)
"""


def test_killed_note_saves_keep_the_last_saved_version(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    run_json(library, "samples")
    note = run_json(library, "note", "add", "1", "--text", "start")["id"]
    rng = random.Random(3)
    for _ in range(ROUNDS):
        _kill_after([sys.executable, "-c", SAVER, str(library), str(note)], rng.uniform(0.2, 0.8))
        _assert_intact(library)
        lib = Library.open(library)
        body = lib.note(note).body
        [latest, *_] = lib.note_revisions(note)
        lib.close()
        assert body == latest.body  # the note and its history agree: no half save


def test_killed_restores_leave_one_whole_library_and_no_leftovers(tmp_path: Path) -> None:
    """A restore copies the backup into the library under a rollback journal: killed at
    any moment, the file is the old library or the backup, whole; the next restore
    removes what the killed one left (a part-written copy of the replaced library)."""
    library = tmp_path / "lib.sqlite"
    with Library.open(library) as lib:
        for i in range(30):  # some 30 MB, so that a kill lands while it copies
            lib.add_article(
                Draft(title=f"Report {i}", text=f"Report {i} from Goma. " * 50),
                Original(f"{i}.bin", os.urandom(1_000_000)),
            )
        backup = maintenance.backup(lib, tmp_path / "backup.sqlite")
        lib.delete_article(1)
    restore = [*command(), "--library", str(library), "restore", str(backup), "--yes"]
    rng = random.Random(13)
    for _ in range(ROUNDS):
        _kill_after(restore, rng.uniform(0.3, 1.2))
        assert _intactarticle_count(library) in (29, 30)
    run_json(library, "restore", str(backup), "--yes")
    assert _intactarticle_count(library) == 30
    names = [p.name for p in tmp_path.iterdir()]
    assert not [n for n in names if ".partial" in n or n.endswith(("-journal", ".restoring"))]


def _intactarticle_count(path: Path) -> int:
    with Library.open(path) as lib:
        report = maintenance.check(lib)
        assert report.ok, report.as_json()
        return lib.count()
