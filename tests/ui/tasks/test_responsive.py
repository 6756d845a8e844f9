"""The window stays responsive while a big import runs through the task runner.

A 20 ms timer counts how often the GUI event loop gets to run while 2,000 small files are
imported from the window. The import's own speed is not what is tested (it may change):
only that the loop keeps ticking, without a long freeze, and that every article lands.
"""

from __future__ import annotations

from helpers.samples import SAMPLE_COUNT
from helpers.ui_fixtures import Ticks

FILES = 2000


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
    with Ticks() as ticks:
        task = window.imports.import_paths([folder])
        assert task is not None
        qtbot.waitUntil(lambda: len(summaries) == 1, timeout=240_000)

    assert len(ticks.moments) >= 0.25 * ticks.expected, (ticks.moments, ticks.elapsed)
    assert ticks.longest_gap < 1.0, f"the window froze for {ticks.longest_gap:.2f} s"
    [summary] = summaries
    assert len(summary.added) == FILES
    assert not summary.failed
    assert window.library.count() == FILES + SAMPLE_COUNT
    assert window.count_label.text() == f"{FILES + SAMPLE_COUNT} articles"
