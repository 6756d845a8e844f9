"""The window stays responsive while a big import runs through the task runner.

A 20 ms timer counts how often the GUI event loop gets to run while 2,000 small files are
imported from the window. The import's own speed is not what is tested (it may change):
only that the loop keeps ticking, without a long freeze, and that every article lands.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

FILES = 2000
TICK_MS = 20


def write_files(folder, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"report-{i:04d}.txt").write_text(
            f"Field report {i}\n\nTraders at market {i} in Goma said the price of maize rose "
            f"by {i % 17} percent this week, while lorries from Rutshuru ran again.\n",
            encoding="utf-8",
        )


def test_event_loop_keeps_ticking_during_a_big_import(window, summaries, qtbot, tmp_path):
    folder = tmp_path / "many"
    write_files(folder, FILES)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    started = time.perf_counter()
    timer.start()
    task = window.imports.import_paths([folder])
    assert task is not None
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=240_000)
    ended = time.perf_counter()
    timer.stop()

    elapsed = ended - started
    expected = elapsed / (TICK_MS / 1000)
    moments = [started, *ticks, ended]
    longest_gap = max(b - a for a, b in zip(moments, moments[1:], strict=False))
    assert len(ticks) >= 0.25 * expected, (len(ticks), expected, elapsed)
    assert longest_gap < 1.0, f"the window froze for {longest_gap:.2f} s"
    [summary] = summaries
    assert len(summary.added) == FILES
    assert not summary.failed
    assert window.library.count() == FILES + 10
    assert window.count_label.text() == f"{FILES + 10} articles"
