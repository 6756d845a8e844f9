"""What every controller of the window shares: the context, and how it starts its tasks.

A controller joins a pane (or a menu) to the library: it is given the window's
:class:`~reader.ui.tasks.context.UiContext` and keeps it as :attr:`Controller.ctx`, starts its
background work with :meth:`Controller.start` (shown in the status bar, with its error put
into words once), says what it did through ``ctx.messages`` and what it changed through
``ctx.bus``. Subclasses add their actions, dialogs and slots.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, SignalInstance

from reader.library import Library
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.launch import Tracker, launch
from reader.ui.tasks.runner import Task


class Controller(QObject):
    """A controller of the window, over the context it was given."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @property
    def library(self) -> Library:
        """The library open in the window (the GUI thread's connection)."""
        return self.ctx.library

    @property
    def library_path(self) -> Path:
        """Where the library file is (tasks open their own connection to it)."""
        return self.ctx.library_path

    def start(
        self,
        task: Task,
        *trackers: Tracker,
        on_success: Callable[[Any], object] | None = None,
        on_failure: Callable[[str], object] | None = None,
        on_finished: Callable[[], object] | SignalInstance | None = None,
    ) -> Task:
        """Run ``task`` owned by this controller, shown in the status bar (and by
        ``trackers``); ``on_failure`` gets the error as one line (default: the status bar
        shows it as an error)."""
        return launch(
            task,
            self,
            self.ctx.tasks,
            self.ctx.progress,
            *trackers,
            on_success=on_success,
            on_failure=on_failure or self.ctx.messages.error,
            on_finished=on_finished,
        )
