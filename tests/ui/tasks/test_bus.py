"""The shared services of the window: the change bus, the message service, task helpers."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QObject

from reader.library import Library
from reader.library.errors import NotFoundError
from reader.ui.tasks.bus import Area, Change, ChangeBus
from reader.ui.tasks.launch import launch
from reader.ui.tasks.messages import MESSAGE_MS, Messages
from reader.ui.tasks.runner import Task, TaskRunner, library_task, progress_reporter


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_a_change_says_what_it_touches():
    notes = Change(Area.NOTES, frozenset({3}))
    assert notes.touches(Area.NOTES | Area.ARTICLES)
    assert not notes.touches(Area.ENTITIES)
    assert not notes.replaced
    assert notes.concerns(3)
    assert not notes.concerns(4)
    assert not notes.concerns(None)
    assert Change(Area.ENTITIES).concerns(4)  # no ids: any article
    replaced = Change(Area.LIBRARY)
    assert replaced.replaced
    assert all(replaced.touches(area) for area in Area)  # a new file touches everything


def test_the_bus_carries_one_change_to_every_subscriber(qtbot):
    bus = ChangeBus()
    first: list[Change] = []
    second: list[Change] = []
    bus.changed.connect(first.append)
    bus.changed.connect(second.append)
    change = bus.publish(Area.NOTES, [5, None, 5], note_ids=[9])
    assert first == second == [change]
    assert change.article_ids == frozenset({5})  # a free-standing note has no article
    assert change.note_ids == frozenset({9})
    assert bus.publish(Area.SOURCES).article_ids == frozenset()


def test_messages_go_to_whoever_shows_them(qtbot):
    messages = Messages()
    shown: list[tuple[str, int]] = []
    errors: list[str] = []
    messages.shown.connect(lambda text, ms: shown.append((text, ms)))
    messages.error_shown.connect(errors.append)
    messages.status("Saved", 2000)
    messages.error("Could not export")
    assert shown == [("Saved", 2000), ("Could not export", MESSAGE_MS)]
    assert errors == ["Could not export"]


def test_a_library_task_opens_and_closes_its_own_library(runner, library_path, library, qtbot):
    library.add_note(None, "one free-standing note")
    opened: list[Library] = []

    def count_notes(worker: Library, task: Task) -> int:
        opened.append(worker)
        report = progress_reporter(task, lambda done, total, item: f"{item} ({done}/{total})")
        report(1, 1, "notes")
        return len(worker.notes())

    task = library_task(library_path, "Counting notes", count_notes, writes_library=True)
    progress: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda done, total, label: progress.append((done, total, label)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        runner.run(task)
    assert task.result == 1
    assert task.writes_library
    assert task.label == "Counting notes"
    assert progress == [(1, 1, "notes (1/1)")]
    assert opened[0] is not library  # its own connection, on the worker thread
    with pytest.raises(sqlite3.ProgrammingError):  # closed once the work was done
        opened[0].notes()


def test_a_failed_task_reports_one_line_for_a_user(runner, qtbot):
    def work(task: Task) -> None:
        raise NotFoundError("there is no note 42")

    owner = QObject()
    failures: list[str] = []
    task = launch(Task(work, "Opening"), owner, runner, on_failure=failures.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert failures == ["there is no note 42"]  # not "'there is no note 42'" (a KeyError's)
    assert isinstance(task.error, NotFoundError)
    assert task.parent() is owner
