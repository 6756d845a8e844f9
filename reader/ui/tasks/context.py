"""What every controller and pane of the window is given: the library and the shared services.

:func:`reader.app.build_context` builds one :class:`UiContext` for the window and
:func:`reader.app.build_main_window` hands it to each controller (and to the panes that write,
like the notes), so none of them reaches for a global or for another pane. What holds one as
``self.ctx`` (the controllers, the window) reads its parts through :class:`HasContext`.
"""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from reader.ui.common.preferences import Preferences
from reader.ui.tasks.bus import ChangeBus
from reader.ui.tasks.messages import Messages
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import TaskRunner


class UiContext:
    """The library open in the window, and the services every controller shares (a plain
    class: the window's start-up imports it, :class:`reader.ui.common.views.Plain`)."""

    __slots__ = ("library", "library_path", "tasks", "progress", "bus", "messages", "preferences")

    def __init__(
        self,
        library: Library,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        bus: ChangeBus,
        messages: Messages,
        preferences: Preferences,
    ) -> None:
        self.library, self.library_path, self.tasks = library, library_path, tasks
        self.progress, self.bus, self.messages = progress, bus, messages
        self.preferences = preferences


def _part(name: str, doc: str) -> property:
    return property(lambda self: getattr(self.ctx, name), doc=doc)


class HasContext:
    """The parts of ``self.ctx`` by name, for an object that keeps its :class:`UiContext`
    there (``self.library`` is ``self.ctx.library``, and so on)."""

    ctx: UiContext

    library = _part("library", "The library open in the window (the GUI thread's connection).")
    library_path = _part("library_path", "Where the file is (tasks open their own connection).")
    tasks = _part("tasks", "The :class:`TaskRunner` every task of the window runs on.")
    progress = _part("progress", "The status bar's indicator of the running task.")
    bus = _part("bus", "The change bus.")
    messages = _part("messages", "The message service (status and error lines).")
    preferences = _part("preferences", "The user's choices.")
