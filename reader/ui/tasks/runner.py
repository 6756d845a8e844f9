"""Background work for the UI: tasks on thread pools, results back on the GUI thread.

A :class:`Task` wraps a plain function ``fn(task) -> result``. The function runs on a worker
thread; it may call :meth:`Task.report_progress` and should poll :meth:`Task.is_cancelled`.
It must never touch widgets or Qt models, and it must open its own ``Library`` (sqlite3
connections belong to one thread), as ``with worker_library(path) as library:`` does,
closing it whatever happens. The :class:`TaskRunner` owns two pools, in the style of
Anki's ``taskman`` and Picard's ``util/thread``: a single-thread pool for every write to the
library (so writes never race each other) and a general pool for the rest. Progress, the
result and any error reach the GUI thread as signals of the task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

from reader.library import Library

TaskFn = Callable[["Task"], Any]
T = TypeVar("T")


#: Why a task that must run alone was not started.
NOT_ALONE = QT_TRANSLATE_NOOP(
    "TaskRunner", "Fieldreader is still working on something else; try again when it has finished."
)


class TaskRefusedError(RuntimeError):
    """The runner did not start a task: another one has the library to itself just now (or,
    for a task that must run alone, others were still at work)."""


@contextmanager
def worker_library(library_path: Path) -> Iterator[Library]:
    """The worker thread's own ``Library`` at ``library_path``, closed when done.

    On an encrypted library this costs no key derivation: the key derived when the
    library was unlocked is kept in memory (:mod:`reader.library.cipher`) and opens every
    further connection in its raw form, so a task pays only the open itself. Nothing
    outlives the task, so Lock Now, the idle lock and quitting leave no connection
    open once the tasks running then have finished."""
    library = Library.open(library_path)
    try:
        yield library
    finally:
        library.close()


def library_task(
    library_path: Path,
    label: str,
    fn: Callable[[Library, Task], T],
    *,
    writes_library: bool = False,
) -> Task:
    """A task that runs ``fn(library, task)`` on the worker thread's own library at
    ``library_path`` (closed whatever happens) and delivers what it returns.

    Every task of the window that works on the library has this shape; ``writes_library``
    puts it on the single-writer pool."""

    def work(task: Task) -> T:
        with worker_library(library_path) as library:
            return fn(library, task)

    return Task(work, label, writes_library=writes_library)


def start_task(task: Task) -> Task:
    """Start ``task`` on Qt's global thread pool, outside any :class:`TaskRunner` (connect
    to its signals first): for short work a dialog does before the window and its runner
    exist, or beside them, such as trying a passphrase. Nothing refuses it."""
    QThreadPool.globalInstance().start(_Runnable(task))
    return task


def progress_reporter(
    task: Task, name: Callable[[int, int, Any], str] = lambda _done, _total, item: str(item)
) -> Callable[[int, int, Any], None]:
    """A ``progress(done, total, item)`` callback for the core that reports to ``task``,
    naming the item with ``name`` (default: as it is)."""
    return lambda done, total, item: task.report_progress(done, total, name(done, total, item))


class Task(QObject):
    """One piece of background work and its outcome.

    Signals (always delivered on the GUI thread):
        progressed(done, total, label): the function reported progress.
        succeeded(result): the function returned ``result``.
        failed(error): the function raised ``error`` (an exception object).
        finished(): after ``succeeded`` or ``failed``, in every case.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    # Emitted from the worker thread, queued to the GUI thread, re-emitted as the above.
    _posted = Signal(str, object)

    def __init__(
        self, fn: TaskFn, label: str, *, writes_library: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.fn = fn
        self.label = label
        self.writes_library = writes_library
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._cancel = threading.Event()
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    # -- called from the worker --------------------------------------------------------
    def report_progress(self, done: int, total: int, label: str = "") -> None:
        """Tell the GUI how far the work got (thread-safe)."""
        self._posted.emit("progress", (done, total, label))

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called; the function should stop soon after."""
        return self._cancel.is_set()

    def _execute(self) -> None:
        try:
            result = self.fn(self)
        except Exception as exc:  # delivered to the GUI thread, never lost
            self._posted.emit("error", exc)
        else:
            self._posted.emit("result", result)

    # -- GUI thread --------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop; its result (partial or not) still arrives."""
        self._cancel.set()

    @Slot(str, object)
    def _on_posted(self, kind: str, payload: object) -> None:
        if kind == "progress":
            done, total, label = payload  # type: ignore[misc]
            self.progressed.emit(done, total, label)
            return
        self.done = True
        if kind == "error":
            self.error = payload  # type: ignore[assignment]
            self.failed.emit(payload)
        else:
            self.result = payload
            self.succeeded.emit(payload)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._execute()


class TaskRunner(QObject):
    """Runs tasks: library writes one at a time, everything else on a small pool.

    Signals:
        task_started(task): a task was queued.
        task_finished(task): a task delivered its result or error.
    """

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount() - 1))
        self._active: list[Task] = []
        self._alone: Task | None = None
        self._alone_reason = ""

    @property
    def active(self) -> list[Task]:
        """Tasks queued or running (a copy)."""
        return list(self._active)

    @property
    def busy(self) -> list[Task]:
        """Tasks queued or running that have not delivered their outcome yet."""
        return [t for t in self._active if not t.done]

    @property
    def held_by(self) -> Task | None:
        """The task that has the library to itself (see :meth:`run_alone`), if one does."""
        return self._alone if self._alone is not None and not self._alone.done else None

    def run(self, task: Task) -> Task:
        """Queue ``task`` on the right pool and return it (connect to its signals first).

        While another task runs alone (:meth:`run_alone`), ``task`` is not started: it
        fails at once with :class:`TaskRefusedError`."""
        held = self.held_by
        if held is not None and held is not task:
            return self._refuse(task, self._alone_reason)
        self._active.append(task)
        task.finished.connect(lambda: self._on_task_finished(task))
        self.task_started.emit(task)
        pool = self._writer if task.writes_library else self._pool
        pool.start(_Runnable(task))
        return task

    def run_alone(self, task: Task, reason: str) -> Task:
        """Run ``task`` with nothing beside it, and return it. While other tasks are busy it
        is refused (:data:`NOT_ALONE`); once it runs, until it has delivered its outcome,
        every other task is refused with ``reason`` (one line for the user)."""
        if any(t is not task for t in self.busy):
            return self._refuse(task, QCoreApplication.translate("TaskRunner", NOT_ALONE))
        self._alone, self._alone_reason = task, reason
        return self.run(task)

    def _refuse(self, task: Task, reason: str) -> Task:
        task._posted.emit("error", TaskRefusedError(reason))  # queued: delivered after return
        return task

    def submit(self, fn: TaskFn, label: str, *, writes_library: bool = False) -> Task:
        """Shortcut: wrap ``fn`` in a :class:`Task` parented to the runner and run it."""
        return self.run(Task(fn, label, writes_library=writes_library, parent=self))

    def _on_task_finished(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
        if self._alone is task:
            self._alone = None
        self.task_finished.emit(task)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel every task and wait for the workers; True when all of them stopped."""
        for task in self._active:
            task.cancel()
        writer_done = self._writer.waitForDone(msecs)
        pool_done = self._pool.waitForDone(msecs)
        return writer_done and pool_done
