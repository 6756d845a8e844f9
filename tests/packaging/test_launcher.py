"""The launcher (reader/__main__.py): ``fieldreader FILE...`` and the one-line message that
names a system library the window cannot load."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from helpers.paths import ROOT
from reader import __main__ as launcher

COMMANDS = frozenset({"gui", "import", "list", "search"})


def _commands() -> frozenset[str]:
    return COMMANDS


def test_files_after_global_options_are_opened(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("A\n\nbody\n")
    b = tmp_path / "b.md"
    b.write_text("# B\n")
    assert launcher.split_open_files([str(a), str(b)], _commands) == ([], [str(a), str(b)])
    lib = ["--library", "x.sqlite"]
    assert launcher.split_open_files([*lib, str(a)], _commands) == (lib, [str(a)])
    assert launcher.split_open_files(["--library=x.sqlite", str(a)], _commands) == (
        ["--library=x.sqlite"],
        [str(a)],
    )


def test_commands_and_options_stay_the_command_line(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text("a file named like a command")
    (tmp_path / "a.txt").write_text("A\n")
    assert launcher.split_open_files(["list"], _commands) is None
    assert launcher.split_open_files(["a.txt", "--json"], _commands) is None
    assert launcher.split_open_files(["--version"], _commands) is None
    assert launcher.split_open_files(["--library"], _commands) is None
    assert launcher.split_open_files([], _commands) is None
    assert launcher.split_open_files(["no-such-file.txt"], _commands) is None


def test_the_real_command_names_are_known():
    names = launcher._command_names()
    assert {"gui", "import", "search", "export", "samples"} <= names


def test_missing_library_is_found_in_loader_messages():
    message = "libGL.so.1: cannot open shared object file: No such file or directory"
    assert launcher.missing_library(message) == "libGL.so.1"
    dlopen = "/opt/x/libqxcb.so: libxcb-cursor.so.0: cannot open shared object file: No such"
    assert launcher.missing_library(dlopen) == "libxcb-cursor.so.0"
    assert launcher.missing_library("No module named 'PySide6'") is None
    line = launcher.missing_library_line("libGL.so.1")
    assert "\n" not in line
    assert "libGL.so.1" in line
    assert "apt install libgl1" in line
    assert "apt" not in launcher.missing_library_line("libunknown.so.3")


class _Unloadable(types.ModuleType):
    """A module whose names cannot be imported: as reader.app is when Qt cannot load."""

    def __init__(self, message: str) -> None:
        super().__init__("reader.app")
        self._message = message

    def __getattr__(self, name: str):
        raise ImportError(self._message)


def _gui_args(**values) -> argparse.Namespace:
    base = dict(library="x.sqlite", screenshot=None, article=None, view="library")
    return argparse.Namespace(**{**base, "entity": None, "size": None, **values})


def test_gui_without_a_system_library_says_so_in_one_line(monkeypatch, capsys):
    message = "libEGL.so.1: cannot open shared object file: No such file or directory"
    monkeypatch.setitem(sys.modules, "reader.app", _Unloadable(message))
    assert launcher.open_window(_gui_args(screenshot="x.png")) == launcher.EXIT_FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libEGL.so.1" in err
    assert "libegl1" in err


def test_other_import_errors_are_not_hidden(monkeypatch):
    monkeypatch.setitem(sys.modules, "reader.app", _Unloadable("No module named 'PySide6'"))
    with pytest.raises(ImportError, match="PySide6"):
        launcher.open_window(_gui_args(screenshot="x.png"))


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        and not k.startswith("FIELDREADER_")
    }
    return {**env, **extra}


def test_open_with_imports_then_wants_a_window(tmp_path: Path):
    """``fieldreader FILE`` with no display: the file is in, and one line says why no window."""
    library = tmp_path / "library.sqlite"
    text = tmp_path / "kalemie.txt"
    text.write_text("Kalemie ferry\n\nThe ferry to Kigoma sailed on time.\n", encoding="utf-8")
    command = [sys.executable, "-m", "reader", "--library", str(library)]
    done = subprocess.run(
        [*command, str(text)],
        capture_output=True,
        text=True,
        env=_env(HOME=str(tmp_path)),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == launcher.EXIT_FAILED, done.stderr
    assert "imported 1 of 1" in done.stdout
    assert done.stderr.strip() == launcher.NO_DISPLAY
    listed = subprocess.run(
        [*command, "list", "--json"],
        capture_output=True,
        text=True,
        env=_env(HOME=str(tmp_path)),
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert [item["title"] for item in json.loads(listed.stdout)] == ["Kalemie ferry"]


def test_open_with_a_missing_second_file_changes_nothing(tmp_path: Path, capsys):
    library = tmp_path / "library.sqlite"
    real = tmp_path / "real.txt"
    real.write_text("Real\n\ntext\n")
    status = launcher.open_files(["--library", str(library)], [str(real), str(tmp_path / "gone")])
    assert status == launcher.EXIT_USAGE
    assert "no such file" in capsys.readouterr().err
    assert not library.exists()
