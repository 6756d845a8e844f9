"""The task runner: results, errors and progress come back on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from reader.ui.tasks.runner import NOT_ALONE, Task, TaskRefusedError, TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_result_arrives_on_the_gui_thread(runner, qtbot):
    seen = {}

    def work(task: Task) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    task = Task(work, "answer")
    received = []
    task.succeeded.connect(lambda result: received.append((result, QThread.currentThread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        runner.run(task)
    assert received == [(42, QThread.currentThread())]
    assert seen["worker"] != threading.get_ident()
    assert task.done
    assert task.result == 42
    assert task.error is None
    assert runner.active == []


def test_errors_are_delivered_not_raised(runner, qtbot):
    def work(task: Task) -> None:
        raise ValueError("broken input")

    task = Task(work, "boom")
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        runner.run(task)
    assert isinstance(blocker.args[0], ValueError)
    assert str(task.error) == "broken input"


def test_progress_and_cancel(runner, qtbot):
    started = threading.Event()

    def work(task: Task) -> int:
        steps = 0
        while not task.is_cancelled() and steps < 500:
            steps += 1
            task.report_progress(steps, 500, f"step {steps}")
            started.set()
            time.sleep(0.01)
        return steps

    task = Task(work, "long")
    progress = []
    task.progressed.connect(lambda done, total, label: progress.append((done, total, label)))
    runner.run(task)
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress) >= 1, timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert task.result < 500
    assert progress[0] == (1, 500, "step 1")


def test_library_writes_run_one_at_a_time(runner, qtbot):
    lock = threading.Lock()
    running = []
    overlaps = []

    def work(task: Task) -> None:
        with lock:
            running.append(1)
            overlaps.append(len(running))
        time.sleep(0.03)
        with lock:
            running.pop()

    tasks = [runner.submit(work, f"write {i}", writes_library=True) for i in range(4)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert max(overlaps) == 1


def test_shutdown_cancels_running_tasks(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def work(task: Task) -> str:
        started.set()
        while not task.is_cancelled():
            time.sleep(0.005)
        return "stopped"

    task = runner.submit(work, "forever")
    assert started.wait(5)
    assert runner.shutdown(5000)
    assert task.is_cancelled()


def test_a_task_run_alone_refuses_the_others_until_it_ends(runner, qtbot):
    release = threading.Event()
    busy = runner.submit(lambda t: release.wait(10), "busy", writes_library=True)
    early = runner.run_alone(Task(lambda t: "swapped", "restore"), "restoring")
    with qtbot.waitSignal(early.failed, timeout=5000) as refused:
        pass
    assert isinstance(refused.args[0], TaskRefusedError)
    assert str(refused.args[0]) == NOT_ALONE  # others were at work: not started
    release.set()
    qtbot.waitUntil(lambda: busy.done, timeout=5000)

    gate = threading.Event()
    alone = runner.run_alone(Task(lambda t: gate.wait(10), "restore"), "restoring now")
    assert runner.held_by is alone
    other = runner.submit(lambda t: "ran", "search")
    with qtbot.waitSignal(other.failed, timeout=5000) as blocker:
        pass
    assert str(blocker.args[0]) == "restoring now"
    assert other not in runner.active
    gate.set()
    qtbot.waitUntil(lambda: alone.done, timeout=5000)
    assert runner.held_by is None
    after = runner.submit(lambda t: "ran", "search")
    with qtbot.waitSignal(after.succeeded, timeout=5000) as done:
        pass
    assert done.args == ["ran"]
