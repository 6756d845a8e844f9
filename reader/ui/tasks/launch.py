"""Starting an action's task: owned by the action, followed in the status bar, then gone.

The controllers (imports, exports, entities, the comparison, sources, the Library menu)
start their tasks the same way: the task is parented to the object that starts it, its
result goes to that object's handler and its error, put into words once by
:func:`~reader.ui.common.errors.error_message`, to its failure handler; it is shown by the
given trackers (the status bar's :class:`~reader.ui.tasks.progress.TaskProgress`, with
progress and Cancel, and perhaps a dialog's own indicator), it is deleted once finished, and
it is queued on the :class:`~reader.ui.tasks.runner.TaskRunner` (on the single-writer pool
when it writes to the library). :func:`launch` does that in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance

from reader.ui.common.errors import error_message
from reader.ui.tasks.runner import Task, TaskRunner


class Tracker(Protocol):
    """Something that shows a task while it runs (a :class:`TaskProgress`, a dialog)."""

    def track(self, task: Task) -> None: ...


def launch(
    task: Task,
    owner: QObject,
    runner: TaskRunner,
    *trackers: Tracker,
    on_success: Callable[[Any], object] | None = None,
    on_failure: Callable[[str], object] | None = None,
    on_finished: Callable[[], object] | SignalInstance | None = None,
    alone: str | None = None,
) -> Task:
    """Parent ``task`` to ``owner``, connect its outcome, show it and run it.

    ``on_success`` gets the result, ``on_failure`` the error as one line for a user
    (:func:`~reader.ui.common.errors.error_message`; the exception itself stays in
    ``task.error``) and ``on_finished`` runs after either; the task is deleted later, once
    finished. With ``alone`` (why others must wait, in a line for the user) the task runs
    with nothing beside it (:meth:`~reader.ui.tasks.runner.TaskRunner.run_alone`). Returns
    the task.
    """
    task.setParent(owner)
    if on_success is not None:
        task.succeeded.connect(on_success)
    if on_failure is not None:
        report = on_failure
        task.failed.connect(lambda error: report(error_message(error)))
    if on_finished is not None:
        task.finished.connect(on_finished)
    task.finished.connect(task.deleteLater)
    for tracker in trackers:
        tracker.track(task)
    return runner.run(task) if alone is None else runner.run_alone(task, alone)
