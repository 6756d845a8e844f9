"""Two writers at once: two real ``fieldreader import`` processes into one library.

Each import writes a few whole articles per transaction. The transaction takes the write
lock when it starts (``BEGIN IMMEDIATE``), so the second writer waits for the first
instead of failing with "database is locked" when its reads turn into a write; both
imports finish, every article lands once, and the file stays whole.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from helpers.cli import command
from helpers.dispatches import write_dispatches
from reader.library import Library, maintenance

pytestmark = pytest.mark.e2e

FILES = 100


def test_two_imports_at_once_both_finish(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()  # created and migrated before the race starts
    folders = [write_dispatches(tmp_path / name, FILES, f"{name} ") for name in ("First", "Second")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    procs = [
        subprocess.Popen(
            [*command(), "--library", str(library), "import", str(folder), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for folder in folders
    ]
    outcomes = [proc.communicate(timeout=240) for proc in procs]
    for proc, (out, err) in zip(procs, outcomes, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        results = json.loads(out)
        assert [r["status"] for r in results] == ["added"] * FILES
    with Library.open(library) as lib:
        assert lib.count() == 2 * FILES
        report = maintenance.check(lib)
        assert report.ok, report.as_json()
