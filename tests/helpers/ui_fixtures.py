"""Fixtures shared by the UI tests: a library with the samples, settings, the window.

Import the fixtures you use from here (``tests/ui/conftest.py`` does); this module has no
tests of its own. ``bus_changes`` lists every :class:`~reader.ui.tasks.bus.Change` the
window's change bus carries, ``status_lines`` every line its message service shows.
:func:`search_library` searches from the library pane and waits for the result (the pane
searches in the background), :func:`wait_idle` waits until the window's tasks are done,
and :class:`Ticks` measures whether the GUI event loop kept running meanwhile.
:func:`column_titles` reads a table model's header.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from reader.services.samples import load_samples
from reader.ui.tasks.bus import Change
from reader.ui.tasks.operations import ImportSummary


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary ini file, never the user's."""
    return QSettings(str(tmp_path / "settings" / "Fieldreader.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sampled(library):
    """The conftest ``library`` with every sample article in it (see ``helpers.samples``)."""
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
    win.watcher.stop()  # before the library closes (closing it rewrites the file)
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


def search_library(window, qtbot, query: str, timeout: int = 10_000) -> None:
    """Search the library pane for ``query`` and wait until its result is shown."""
    pane = window.library_pane
    pane.search_edit.setText(query)
    pane.run_search()
    qtbot.waitUntil(lambda: not pane.searching, timeout=timeout)


def wait_idle(window, qtbot, timeout: int = 60_000) -> None:
    """Wait until none of the window's tasks is queued or running."""
    qtbot.waitUntil(lambda: not window.tasks.active, timeout=timeout)


class Ticks:
    """A timer on the GUI thread that notes every time it ran, while the ``with`` block
    lasts: if the event loop is held up, the gaps between the notes grow."""

    def __init__(self, every_ms: int = 20) -> None:
        self.every_ms = every_ms
        self.moments: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(lambda: self.moments.append(time.perf_counter()))
        self.started = self.ended = 0.0

    def __enter__(self) -> Ticks:
        self.started = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.ended = time.perf_counter()
        self.timer.stop()

    @property
    def elapsed(self) -> float:
        return self.ended - self.started

    @property
    def expected(self) -> float:
        """How many ticks an event loop that is never held up would have made."""
        return self.elapsed / (self.every_ms / 1000)

    @property
    def longest_gap(self) -> float:
        """The longest time, in seconds, the event loop did not get to run the timer."""
        moments = [self.started, *self.moments, self.ended]
        return max(b - a for a, b in zip(moments, moments[1:], strict=False))


def column_titles(model) -> list[str]:
    """The titles of a table model's columns, as its header shows them."""
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
