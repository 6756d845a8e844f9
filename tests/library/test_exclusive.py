"""Sole use of a library file: refused while any other connection has it open, held until
the block ends, and the refusal names the window when its lock file does."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import Library, LibraryBusyError, LibraryInUseError
from reader.library.exclusive import exclusive_access, in_use_message, window_pid


def _lock_file(library: Path, pid: int) -> None:
    library.with_name(library.name + ".lock").write_text(f"{pid}\n", encoding="utf-8")


def test_refused_while_another_connection_is_open(library_path: Path) -> None:
    other = Library.open(library_path)
    try:
        with pytest.raises(LibraryInUseError, match="another program has it open"):
            with exclusive_access(library_path):
                pass
    finally:
        other.close()
    with exclusive_access(library_path) as held:  # nobody else now
        held.add_note(None, "written under the exclusive lock")
    with Library.open(library_path) as lib:
        assert [n.body for n in lib.notes()] == ["written under the exclusive lock"]


def test_nobody_else_gets_in_while_it_is_held(library_path: Path) -> None:
    Library.open(library_path).close()
    with exclusive_access(library_path):
        conn = sqlite3.connect(library_path, timeout=0.2)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                conn.execute("SELECT count(*) FROM articles").fetchone()
        finally:
            conn.close()
    with Library.open(library_path) as lib:
        assert lib.count() == 0


def test_a_second_sole_user_is_refused(library_path: Path) -> None:
    with exclusive_access(library_path):
        with pytest.raises((LibraryInUseError, LibraryBusyError)):
            with exclusive_access(library_path):
                pass


def test_the_message_names_the_window_only_when_it_is_alive(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert in_use_message(library) == "another program has it open; close it first"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _lock_file(library, sleeper.pid)
        assert window_pid(library) == sleeper.pid
        assert in_use_message(library) == (
            f"the Fieldreader window (pid {sleeper.pid}) has it open; close it first"
        )
    finally:
        sleeper.kill()
        sleeper.wait(timeout=30)
    assert window_pid(library) is None  # the lock file stays behind a closed window
    assert in_use_message(library) == "another program has it open; close it first"
    _lock_file(library, os.getpid())
    assert "this window" in in_use_message(library)
    library.with_name(library.name + ".lock").write_text("not a pid", encoding="utf-8")
    assert window_pid(library) is None
