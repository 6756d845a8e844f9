"""What every controller and pane of the window is given: the library and the shared services.

:func:`reader.app.build_context` builds one :class:`UiContext` for the window and
:func:`reader.app.build_main_window` hands it to each controller (and to the panes that write,
like the notes), so none of them reaches for a global or for another pane.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.library import Library
from reader.ui.common.preferences import Preferences
from reader.ui.tasks.bus import ChangeBus
from reader.ui.tasks.messages import Messages
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import TaskRunner


@dataclass
class UiContext:
    """The library open in the window, and the services every controller shares."""

    library: Library
    library_path: Path
    tasks: TaskRunner
    progress: TaskProgress
    bus: ChangeBus
    messages: Messages
    preferences: Preferences
