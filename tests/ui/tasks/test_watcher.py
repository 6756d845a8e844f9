"""The open window notices what other processes change in its library, and only that.

The end-to-end cases run the real ``fieldreader`` command in a subprocess while the window
fixture has the library open; the window's watcher (started as the app starts it) must show
the new article, note and tag within a few seconds. The window's own writes (an import task,
a note, the reading position) must not come back as another program's change.
"""

from __future__ import annotations

import threading

import pytest

from helpers.cli import run
from helpers.samples import SAMPLE_COUNT
from reader.library import Library
from reader.ui.tasks.bus import Area
from reader.ui.tasks.watcher import (
    OUTSIDE_AREAS,
    POLL_MS,
    DataVersion,
    LibraryWatcher,
    version_source,
)

FAST_MS = 50  # the tests that count changes look often, so a missed one would show


def note_from_elsewhere(library_path, body: str) -> None:
    """A note written through another connection to the file, as another program would."""
    with Library.open(library_path) as other:
        other.add_note(None, body)


def outside(changes) -> list:
    return [c for c in changes if c.areas == OUTSIDE_AREAS]


def write_report(folder, name: str, words: str):
    path = folder / name
    path.write_text(f"{words.title()}\n\nA field report about {words} in Goma.\n", "utf-8")
    return path


def test_the_poll_is_as_documented(window):
    assert POLL_MS == 1500
    assert window.watcher.timer.interval() == POLL_MS
    assert not window.watcher.timer.isActive()  # the app starts it, after the window shows
    assert OUTSIDE_AREAS & Area.LIBRARY == Area(0)


@pytest.mark.e2e
def test_an_import_from_the_command_line_shows_in_the_open_window(
    window, library_path, tmp_path, qtbot, bus_changes
):
    window.watcher.start()
    report = write_report(tmp_path, "kolwezi.txt", "cobalt lorries")
    done = run(library_path, "import", "--tag", "kolwezi", str(report))
    assert done.returncode == 0, done.stderr
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.table_model.rowCount() == SAMPLE_COUNT + 1, timeout=10_000)
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"
    assert pane.tag_model.row_of("kolwezi") > 0  # the tag filter lists the new tag
    assert len(outside(bus_changes)) == 1


@pytest.mark.e2e
def test_a_note_from_the_command_line_shows_in_the_notes_pane(window, sampled, library_path, qtbot):
    window.watcher.start()
    window.notes_pane.set_scope("all")
    before = window.notes_pane.model.rowCount()
    article_id = window.reader.article_id
    done = run(library_path, "note", "add", str(article_id), "--text", "seen from the shell")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.notes_pane.model.rowCount() == before + 1, timeout=10_000)


def test_the_window_own_writes_are_not_news(window, tmp_path, qtbot, summaries, bus_changes):
    watcher = window.watcher
    watcher.timer.setInterval(FAST_MS)
    watcher.start()
    window.imports.import_paths([write_report(tmp_path, "own.txt", "maize prices")])
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=30_000)
    note_id = window.notes.new_note()  # a write on the window's own connection
    window.reader.browser.verticalScrollBar().setValue(200)
    window.reader.save_position()  # another, that the bus does not carry
    qtbot.wait(6 * FAST_MS)
    assert outside(bus_changes) == []
    assert window.library.note(note_id) is not None


def test_another_connection_is_noticed_once(window, library_path, qtbot, bus_changes):
    watcher = window.watcher
    watcher.start()
    note_from_elsewhere(library_path, "written by someone else")
    change = watcher.poll()
    assert change is not None
    assert change.areas == OUTSIDE_AREAS
    assert watcher.poll() is None  # seen: not told twice
    assert len(outside(bus_changes)) == 1


def test_no_look_while_detached_or_while_the_window_writes(window, library_path, qtbot):
    watcher = window.watcher
    watcher.start()
    note_from_elsewhere(library_path, "one")
    window.library.detach()
    assert watcher.poll() is None  # a restore is under way: the file is not looked at
    window.library.reopen()
    release = threading.Event()
    task = window.tasks.submit(lambda t: release.wait(5), "Writing", writes_library=True)
    assert watcher.poll() is None  # the window's own writer is at work
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    note_from_elsewhere(library_path, "two")
    assert watcher.poll() is not None


def test_a_replaced_library_is_seen_anew(window, library_path, bus_changes):
    watcher = window.watcher
    watcher.start()
    note_from_elsewhere(library_path, "before the restore")
    window.ctx.bus.publish(Area.LIBRARY)  # as a restore does once the file is back
    assert watcher.poll() is None


def test_the_version_source(library_path, tmp_path):
    lib = Library.open(library_path)
    try:
        source = version_source(lib)
        assert isinstance(source, DataVersion)
        before = source.read()
        lib.set_reading_position(1, 0.5)  # the window's own write: not news
        assert source.read() == before
        note_from_elsewhere(library_path, "moves the version")
        assert source.read() != before
    finally:
        lib.close()


class Counter:
    """A version source that moves when told to."""

    def __init__(self) -> None:
        self.value = 0

    def read(self) -> int:
        return self.value


def test_a_library_in_memory_is_not_watched():
    assert version_source(Library.memory()) is None


def test_the_watcher_over_any_source(window, bus_changes):
    counter = Counter()
    watcher = LibraryWatcher(window.ctx, window, source=counter)
    watcher.start()
    assert watcher.poll() is None
    counter.value += 1
    assert watcher.poll() is not None
    counter.value += 1
    assert watcher.poll() is not None
    assert len(outside(bus_changes)) == 2
