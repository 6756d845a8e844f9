"""The window is built with Python's garbage collector paused (issue 19: the start makes
many objects and frees few), and collecting again once it is up, or if the start fails;
once the window is closed, what it made is left out of the collections at exit."""

from __future__ import annotations

import argparse
import gc

import pytest

import reader.app
from reader.__main__ import open_window


def _args(tmp_path) -> argparse.Namespace:
    return argparse.Namespace(
        library=str(tmp_path / "library.sqlite"),
        screenshot=str(tmp_path / "window.png"),
        article=None,
        view="library",
        entity=None,
        size=None,
    )


def test_the_window_is_built_with_the_collector_paused(monkeypatch, tmp_path):
    seen: list[bool] = []

    def run_gui(_path, **_options) -> int:
        seen.append(gc.isenabled())
        reader.app.resume_collection()  # what the window does before its event loop
        seen.append(gc.isenabled())
        return 0

    frozen: list[bool] = []
    monkeypatch.setattr(reader.app, "run_gui", run_gui)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not this test process
    assert gc.isenabled()
    assert open_window(_args(tmp_path)) == 0
    assert seen == [False, True]
    assert frozen == [True]  # the window closed: its objects are left to the exit
    assert gc.isenabled()


def test_a_failed_start_collects_again(monkeypatch, tmp_path):
    def run_gui(_path, **_options) -> int:
        raise RuntimeError("no window today")

    monkeypatch.setattr(reader.app, "run_gui", run_gui)
    with pytest.raises(RuntimeError):
        open_window(_args(tmp_path))
    assert gc.isenabled()
