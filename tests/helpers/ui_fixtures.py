"""Fixtures shared by the UI tests: a library with the samples, settings, the window.

Import the fixtures you use from here (``tests/ui/conftest.py`` does); this module has no
tests of its own. ``bus_changes`` lists every :class:`~reader.ui.tasks.bus.Change` the
window's change bus carries, ``status_lines`` every line its message service shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.services.samples import load_samples
from reader.ui.tasks.bus import Change
from reader.ui.tasks.operations import ImportSummary


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary ini file, never the user's."""
    return QSettings(str(tmp_path / "settings" / "Fieldreader.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sampled(library):
    """The conftest ``library`` with the ten sample articles in it."""
    load_samples(library)
    return library


@pytest.fixture
def summaries() -> list[ImportSummary]:
    """Every import summary the window presented (instead of opening a dialog)."""
    return []


@pytest.fixture
def window(sampled, library_path, settings, summaries, qtbot):
    """The main window on the sample library, shown offscreen with the newest article open."""
    from reader.app import build_main_window
    from reader.ui.tasks.runner import TaskRunner

    tasks = TaskRunner()
    win = build_main_window(
        sampled, library_path, settings=settings, tasks=tasks, present_summary=summaries.append
    )
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.reader.open_initial()
    yield win
    tasks.shutdown()


@pytest.fixture
def bus_changes(window) -> list[Change]:
    """Every change the window's bus carries from now on, in order."""
    seen: list[Change] = []
    window.ctx.bus.changed.connect(seen.append)
    return seen


@pytest.fixture
def status_lines(window) -> list[str]:
    """Every line the window's message service shows from now on, in order."""
    seen: list[str] = []
    window.ctx.messages.shown.connect(lambda text, _ms: seen.append(text))
    return seen
