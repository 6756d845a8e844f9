"""Hostile conditions: a read-only library, a full disk, a library from a newer version."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from helpers.cli import newer_library
from reader.cli import main
from reader.library import Library, ReadOnlyLibraryError, maintenance
from reader.library.draft import Draft
from reader.services.importing import import_paths


def _files(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03}.txt").write_text(
            f"Dispatch {i}\n\n" + f"Fighting near Goma displaced {i} families. " * 40
        )
    return folder


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    lib = Library.open(path)
    lib.add_article(Draft(title="Coltan note", text="Coltan from Rubaya."), tags=["drc"])
    lib.close()
    return path


def _no_write_access(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    real = os.access

    def access(p, mode, *args, **kwargs):
        if mode & os.W_OK and Path(p).resolve() in (path.resolve(), path.parent.resolve()):
            return False
        return real(p, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_read_only_library_reads_and_refuses_writes(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = existing.read_bytes()
    _no_write_access(monkeypatch, existing)
    lib = Library.open(existing)
    assert lib.read_only
    assert [h.title for h in lib.search("coltan")] == ["Coltan note"]
    assert lib.count(tag="drc") == 1
    with pytest.raises(ReadOnlyLibraryError, match="read-only"):
        lib.add_article(Draft(title="New", text="new text"))
    with pytest.raises(sqlite3.OperationalError):  # still the kind of error it always was
        lib.trash_note(1)
    lib.close()
    assert existing.read_bytes() == before


def test_read_only_library_from_the_command_line(
    existing: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    _no_write_access(monkeypatch, existing)
    assert main(["--library", str(existing), "list", "--json"]) == 0
    assert "Coltan note" in capsys.readouterr().out
    note = tmp_path / "n.txt"
    note.write_text("Title\n\nBody text here.")
    assert main(["--library", str(existing), "import", str(note)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "read-only" in err
    assert "Traceback" not in err


def test_full_disk_stops_cleanly_and_keeps_what_landed(tmp_path: Path) -> None:
    for parallel in (False, True):
        path = tmp_path / f"full-{parallel}.sqlite"
        lib = Library.open(path)
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 60}")
        with pytest.raises(sqlite3.OperationalError, match="full"):
            import_paths(lib, [_files(tmp_path / f"src-{parallel}", 80)], parallel=parallel)
        landed = lib.count()
        report = maintenance.check(lib)
        assert report.ok, report.as_json()
        lib.close()
        again = Library.open(path)  # the limit was this connection's: space is back
        results = import_paths(again, [tmp_path / f"src-{parallel}"], parallel=parallel)
        assert sum(r.status == "duplicate" for r in results) == landed
        assert again.count() == 80
        again.close()


def test_full_disk_message_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reader.cli.common as common

    real_open = common.open_library

    def tiny(args):
        lib = real_open(args)
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 30}")
        return lib

    monkeypatch.setattr("reader.cli.articles.open_library", tiny)
    status = main(
        ["--library", str(tmp_path / "l.sqlite"), "import", str(_files(tmp_path / "s", 40))]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert "disk is full" in err
    assert "Traceback" not in err


def test_newer_library_is_refused_unchanged(tmp_path: Path, capsys) -> None:
    path = newer_library(tmp_path / "new.sqlite")
    before = path.read_bytes()
    assert main(["--library", str(path), "list"]) == 1
    assert "newer Fieldreader" in capsys.readouterr().err
    assert path.read_bytes() == before
