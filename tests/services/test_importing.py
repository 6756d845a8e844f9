"""Importing when things go wrong: a reader or the extractor failing on one file fails it
alone; an error that stops the run comes back with what landed before it; a worker process
that dies stops the run with a clear reason; a huge paragraph is refused clearly."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from helpers.dispatches import write_dispatches
from reader.analysis.entities import Extractor
from reader.ingest import readers
from reader.library import Library
from reader.services import importing
from reader.services.importing import import_paths
from reader.services.pipeline import WorkerCrashedError, prepare_in_parallel


def _three(tmp_path: Path) -> list[Path]:
    return sorted(write_dispatches(tmp_path / "src", 3).iterdir())


def test_a_reader_that_crashes_on_one_file_fails_it_alone(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _three(tmp_path)
    real = readers.parse_text

    def fragile(text: str, *, filename: str = ""):
        if filename == "001.txt":
            raise ZeroDivisionError("a bug in a reader")
        return real(text, filename=filename)

    monkeypatch.setattr(readers, "parse_text", fragile)
    results = import_paths(library, files)
    assert [r.status for r in results] == ["added", "error", "added"]
    assert results[1].error == "the file could not be read (ZeroDivisionError: a bug in a reader)"
    assert library.count() == 2


def test_the_extractor_failing_on_one_text_fails_it_alone(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _three(tmp_path)
    real = Extractor.extract

    def fragile(self: Extractor, text: str, language: str | None = None):
        if "on day 2." in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, text, language)

    monkeypatch.setattr(Extractor, "extract", fragile)
    results = import_paths(library, files)
    assert [r.status for r in results] == ["added", "added", "error"]
    assert results[2].error.startswith("its entities could not be found (RecursionError")
    assert library.count() == 2


@pytest.fixture
def disk_full_at(monkeypatch: pytest.MonkeyPatch):
    """``disk_full_at(n)``: the n-th article stored from now on finds the disk full."""

    def arrange(n: int) -> None:
        real = importing.store
        calls = []

        def filling(*args, **kwargs):
            calls.append(1)
            if len(calls) == n:
                raise sqlite3.OperationalError("database or disk is full")
            return real(*args, **kwargs)

        monkeypatch.setattr(importing, "store", filling)

    return arrange


def test_an_error_that_stops_the_run_comes_back_with_what_landed(
    library: Library, tmp_path: Path, disk_full_at
) -> None:
    files = _three(tmp_path)
    disk_full_at(3)
    results: list = []
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        import_paths(library, files, into=results)
    assert [r.status for r in results] == ["added", "added"]  # what landed, reported
    assert library.count() == 2


def test_the_command_line_reports_a_full_disk_as_json(
    library_path: Path, tmp_path: Path, disk_full_at, capsys
) -> None:
    from reader.cli import main

    files = _three(tmp_path)
    disk_full_at(2)
    status = main(["--library", str(library_path), "import", *map(str, files), "--json"])
    out, err = capsys.readouterr()
    assert status == 1
    *landed, stop = json.loads(out)
    assert [r["status"] for r in landed] == ["added"]
    line = (
        f"{library_path}: the disk is full: the work stopped here, and everything saved before "
        "is kept (1 article was stored before it stopped)"
    )
    assert stop == {"id": None, "title": None, "status": "error", "error": line, "path": ""}
    assert err == f"fieldreader: {line}\n"


def _drain(produced, deadline: float) -> None:
    for _path, _prepared in produced:
        assert time.monotonic() < deadline


def test_a_worker_that_dies_stops_the_run_with_a_reason(tmp_path: Path) -> None:
    files = sorted(write_dispatches(tmp_path / "many", 240).iterdir())
    rows: list[tuple[str, str, str]] = []
    produced = prepare_in_parallel(files, rows, workers=1)
    first, _ = next(produced)
    assert first == files[0]
    [worker] = multiprocessing.active_children()
    os.kill(worker.pid, signal.SIGKILL)  # as a crash in a C library would end it
    with pytest.raises(WorkerCrashedError, match="a reading process ended abruptly") as caught:
        _drain(produced, time.monotonic() + 60)
    assert "nothing from" in str(caught.value)


def test_a_huge_single_paragraph_is_refused_with_its_reason(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("Goma " * (readers.MAX_PARAGRAPH_CHARS // 5 + 10))
    markdown = tmp_path / "dump.md"
    markdown.write_text("# A title\n\n" + "Goma " * (readers.MAX_PARAGRAPH_CHARS // 5 + 10))
    fine = write_dispatches(tmp_path / "fine", 1) / "000.txt"
    results = import_paths(library, [path, markdown, fine])
    assert [r.status for r in results] == ["error", "error", "added"]
    for r in results[:2]:
        assert r.error.startswith("one paragraph holds 1.0 million characters with no break")
