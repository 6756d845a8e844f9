"""What replaces a library's contents refuses while another process has it open.

Before, ``restore --yes`` swapped the file under a process holding it open: that process
saved three notes afterwards, got no error, and the notes existed nowhere. Now the restore
takes the file for itself alone first (SQLite's exclusive locking mode), which fails while
any other connection is open: one line says so (naming the window when its lock file
does), the command exits 1 and nothing changes. These run real processes: a small holder
(``tests/helpers/library_holder.py``) and the real window.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.cli import command, run, run_json
from helpers.paths import HELPERS
from helpers.samples import SAMPLE_COUNT
from reader.library import Library

pytestmark = pytest.mark.e2e


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    return env


@pytest.fixture
def library_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A library with the samples and one note, and a backup made before that note."""
    library = tmp_path / "lib.sqlite"
    run_json(library, "samples")
    backup = Path(run_json(library, "backup", str(tmp_path / "backup.sqlite"))["file"])
    run_json(library, "note", "add", "1", "--text", "made after the backup")
    return library, backup


class Holder:
    """``library_holder.py`` in a subprocess: holds the library open until told."""

    def __init__(self, library: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HELPERS / "library_holder.py"), str(library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        assert self.ask_line() == "READY"

    def ask_line(self, line: str | None = None) -> str:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        if line is not None:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def save_notes(self, n: int) -> list[int]:
        words = self.ask_line(f"notes {n}").split()
        assert words[0] == "SAVED", words
        return [int(w) for w in words[1:]]

    def close(self) -> None:
        self.proc.communicate(timeout=30)  # closes stdin: the holder lets go and ends


def _state(library: Path) -> tuple[int, int, list[str]]:
    with Library.open(library) as lib:
        counts = lib.count(), len(lib.notes())
    return (*counts, sorted(p.name for p in library.parent.iterdir()))


def test_restore_is_refused_while_another_process_holds_the_library(
    library_with_backup: tuple[Path, Path],
) -> None:
    library, backup = library_with_backup
    holder = Holder(library)
    try:
        before = _state(library)
        refused = run(library, "restore", str(backup), "--yes")
        assert refused.returncode == 1
        assert refused.stdout == ""
        lines = refused.stderr.splitlines()
        assert lines == [f"fieldreader: {library}: another program has it open; close it first"]
        assert _state(library) == before  # nothing restored, nothing kept aside, no leftovers
        # the case: the holder goes on saving; none of it may be lost
        saved = holder.save_notes(3)
    finally:
        holder.close()
    with Library.open(library) as lib:
        assert all(lib.note(i) is not None for i in saved)
        assert len(lib.notes()) == before[1] + 3
    done = run_json(library, "restore", str(backup), "--yes")  # nobody holds it now
    assert Path(done["previous_kept_as"]).is_file()
    with Library.open(library) as lib:
        assert lib.notes() == []  # the backup had none
    with Library.open(done["previous_kept_as"]) as kept:
        assert len(kept.notes()) == 4  # the replaced library, whole, with the holder's notes


def test_import_library_is_refused_while_another_process_holds_the_library(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source.sqlite"
    run_json(source, "samples")
    dump = tmp_path / "dump.json"
    run_json(source, "export", "library", str(dump))
    target = tmp_path / "target.sqlite"
    Library.open(target).close()
    holder = Holder(target)
    try:
        refused = run(target, "import-library", str(dump), "--json")
        assert refused.returncode == 1
        assert refused.stdout == ""
        assert refused.stderr.splitlines() == [
            f"fieldreader: {target}: another program has it open; close it first"
        ]
    finally:
        holder.close()
    with Library.open(target) as lib:
        assert lib.count() == 0
    loaded = run_json(target, "import-library", str(dump))
    assert loaded["tables"]["articles"] == SAMPLE_COUNT


def _wait_until_in_use(library: Path, proc: subprocess.Popen[str], timeout: float) -> None:
    from reader.library import LibraryInUseError
    from reader.library.exclusive import exclusive_access

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the window ended before it opened the library"
        try:
            with exclusive_access(library):
                pass
        except LibraryInUseError:
            return
        time.sleep(0.2)
    raise AssertionError("the window did not open the library in time")


def test_restore_under_the_open_window_names_it_and_changes_nothing(
    library_with_backup: tuple[Path, Path],
) -> None:
    library, backup = library_with_backup
    window = subprocess.Popen(
        [*command(), "--library", str(library), "gui"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_env(),
    )
    try:
        _wait_until_in_use(library, window, timeout=90)
        lock = library.with_name(library.name + ".lock")
        assert lock.read_text(encoding="utf-8").split()[0] == str(window.pid)
        before = _state(library)
        refused = run(library, "restore", str(backup), "--yes")
        assert refused.returncode == 1
        assert refused.stderr.splitlines() == [
            f"fieldreader: {library}: the Fieldreader window (pid {window.pid}) has it open; "
            "close it first"
        ]
        assert _state(library) == before
    finally:
        window.kill()
        window.wait(timeout=30)
