"""Background tasks on an encrypted library pay no key derivation each (the key derived
at unlock opens each task's own connection), and ``start_task`` runs work outside a
runner with its outcome on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from reader.library import Draft, Library, cipher, crypto
from reader.ui.tasks.runner import Task, TaskRunner, library_task, start_task

pytest.importorskip("sqlcipher3")

PASS = "three boats crossed at Uvira"


@pytest.fixture(autouse=True)
def _forget_passphrases():
    cipher.forget()
    yield
    cipher.forget()


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_tasks_on_an_encrypted_library_derive_no_key(
    library_path: Path, runner, qtbot, monkeypatch
) -> None:
    with Library.open(library_path) as lib:
        lib.add_article(Draft(title="Uvira", text="The crossing at Uvira."))
    crypto.encrypt(library_path, PASS)
    cipher.forget()
    cipher.remember(library_path, PASS)  # unlocked: the first open derives the key
    Library.open(library_path).close()
    derived: list[str] = []
    threads: set[int] = set()
    real = cipher._derive
    monkeypatch.setattr(
        cipher, "_derive", lambda p, salt, kdf: derived.append(p) or real(p, salt, kdf)
    )
    monkeypatch.setattr(cipher, "key_statement", lambda *a: pytest.fail("SQLCipher derived"))

    def count(library: Library, task: Task) -> int:
        threads.add(threading.get_ident())
        return library.count()

    tasks = [
        runner.run(library_task(library_path, "count", count, writes_library=i % 2 == 0))
        for i in range(4)
    ]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=20_000)
    assert [t.error for t in tasks] == [None] * 4
    assert [t.result for t in tasks] == [1] * 4
    assert derived == []
    assert threading.get_ident() not in threads
    cipher.forget(library_path)  # locked: a task can no longer open the library
    locked = runner.run(library_task(library_path, "count", count))
    qtbot.waitUntil(lambda: locked.done, timeout=20_000)
    assert isinstance(locked.error, cipher.PassphraseRequiredError)


def test_start_task_runs_outside_a_runner(qtbot) -> None:
    seen: dict[str, object] = {}

    def work(task: Task) -> str:
        seen["thread"] = QThread.currentThread()
        return "done"

    task = Task(work, "alone")
    received: list[tuple[object, object]] = []
    task.succeeded.connect(lambda result: received.append((result, QThread.currentThread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        assert start_task(task) is task
    assert received == [("done", QThread.currentThread())]
    assert seen["thread"] is not QThread.currentThread()
