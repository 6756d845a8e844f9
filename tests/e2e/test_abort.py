"""``import --json`` always reports: when a run stops early it prints what landed, then why.

Before, an import that stopped (Ctrl+C, the disk full, the library locked for too long)
printed nothing on stdout despite ``--json``, so the user never learnt what had landed.
Now the JSON is the list of results as always, with one more item for the stop (status
``error``, no id, the reason in ``error``); the same line goes to stderr, with how many
articles were stored; the exit status is 1. Real ``fieldreader`` processes, stopped by a
real signal, a real file-size limit and a real lock held by another process.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.cli import article_count, command
from helpers.dispatches import write_dispatches
from reader.library import Library, maintenance

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and limits"),
]

FILES = 400


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    return env


def _start_import(library: Path, folder: Path, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*command(), "--library", str(library), "import", str(folder), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        **popen,  # type: ignore[call-overload]
    )


def _wait_for_articles(library: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while article_count(library) == 0:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "nothing landed in time"
        time.sleep(0.02)


def _stopped_report(proc: subprocess.Popen[str], library: Path) -> tuple[list[dict], str]:
    """The results that landed and the stop's line, checked against the library."""
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 1, err
    results = json.loads(out)  # valid JSON, whatever stopped the run
    *landed, stop = results
    assert stop == {
        "id": None,
        "title": None,
        "status": "error",
        "error": stop["error"],
        "path": "",
    }
    assert landed, "the run stopped before anything landed"
    assert {r["status"] for r in landed} == {"added"}
    added = len(landed)
    assert f"({added} articles were stored before it stopped)" in stop["error"]
    assert err.splitlines()[-1] == f"fieldreader: {stop['error']}"
    with Library.open(library) as lib:
        assert lib.count() == added  # exactly what was reported
        assert sorted(r["id"] for r in landed) == lib.all_article_ids()
        assert maintenance.check(lib).ok
    return landed, stop["error"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_dispatches(tmp_path / "src", FILES)


def test_an_interrupted_import_reports_what_landed(tmp_path: Path, folder: Path) -> None:
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()
    proc = _start_import(library, folder)
    _wait_for_articles(library, proc)
    proc.send_signal(signal.SIGINT)
    _landed, line = _stopped_report(proc, library)
    assert line.startswith("interrupted (")


def _limit_file_size(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_an_import_that_runs_out_of_disk_reports_what_landed(tmp_path: Path, folder: Path) -> None:
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()
    # no file of the process may grow past 600 KB: the WAL fills up, as a full disk would
    limit = 600 * 1024
    proc = _start_import(library, folder, preexec_fn=lambda: _limit_file_size(limit))
    _landed, line = _stopped_report(proc, library)
    assert line.startswith(f"{library}: ")


def test_a_writer_kept_waiting_too_long_reports_what_it_stored(
    tmp_path: Path, folder: Path
) -> None:
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()
    proc = _start_import(library, folder)
    _wait_for_articles(library, proc)
    other = sqlite3.connect(library, timeout=30, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program takes the write lock, and keeps it
        _landed, line = _stopped_report_after(proc, library, other, hold=13.0)
    finally:
        other.close()
    assert "the library is busy: another program kept it locked for too long" in line


def _stopped_report_after(
    proc: subprocess.Popen[str], library: Path, other: sqlite3.Connection, hold: float
) -> tuple[list[dict], str]:
    deadline = time.monotonic() + hold
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    other.execute("ROLLBACK")
    return _stopped_report(proc, library)
