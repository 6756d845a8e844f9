"""Notices what other programs changed in the library while the window is open.

The command line and other processes write to the same file as the window (an import, a
note, a correction). :class:`LibraryWatcher` looks at the file's version every
:data:`POLL_MS` on the GUI thread (a read that takes microseconds) and, when it moved,
publishes one :class:`~reader.ui.tasks.bus.Change` of :data:`OUTSIDE_AREAS` on the change bus
(articles, entities, notes, codings, sources; not ``LIBRARY``: the file was not replaced), so
the list, the counts, the tags, the notes, the entity lists and the comparison's case lists
are read again.

The version (:func:`version_source`) is ``Library.data_version()``: SQLite's ``PRAGMA
data_version`` of the window's connection, which moves only when *another* connection
commits, never for the window's own writes on it.

The window's own writes are not news:

- a task of the window that writes (on the single-writer pool, its own connection) tells the
  bus itself what it changed; while one is busy the watcher does not look, and when it has
  ended the version after it is taken as seen;
- a write on the window's own connection (the reading position) does not move the version;
- a replaced library (``LIBRARY``, after a restore) is seen anew; a detached one is not
  looked at.

The limit: an outside change that lands while one of the window's own writes is under way
is taken for part of it; the panes that write refreshed show it, the others show it with
the next change.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot

from reader.library import Library
from reader.library.errors import DatabaseError
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.runner import Task

#: How often the file is looked at, in milliseconds.
POLL_MS = 1500
#: What another program's change may have touched (everything but a replaced file).
OUTSIDE_AREAS = Area.ARTICLES | Area.ENTITIES | Area.NOTES | Area.CODINGS | Area.SOURCES


class VersionSource(Protocol):
    """Something that says which version of the library file is there now."""

    def read(self) -> Hashable:
        """The version now (equal values: nothing was committed in between)."""
        ...


class DataVersion:
    """SQLite's ``data_version`` of the window's connection: moves when another connection
    commits, never for the window's own writes on it."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def read(self) -> Hashable:
        return self.library.data_version()


def version_source(library: Library) -> VersionSource | None:
    """How to read the version of ``library``'s file (``None``: in memory, nothing to
    watch)."""
    return None if library.path is None else DataVersion(library)


class LibraryWatcher(QObject):
    """Publishes a change on the bus when another program changed the library file.

    It looks only once :meth:`start` was called (the app does, after the window is shown).
    """

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        *,
        interval_ms: int = POLL_MS,
        source: VersionSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = source if source is not None else version_source(ctx.library)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._seen: Hashable = None
        self._seen = self._read()
        ctx.bus.changed.connect(self.on_changed)
        ctx.tasks.task_finished.connect(self.on_task_finished)

    def start(self) -> None:
        """Take the file as it is now as seen, then look every :data:`POLL_MS`."""
        self._seen = self._read()
        if self.source is not None:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _read(self) -> Hashable:
        if self.source is None:
            return None
        try:
            return self.source.read()
        except DatabaseError:  # the file cannot be read just now: look again later
            return self._seen

    def _may_look(self) -> bool:
        if self.source is None or self.ctx.library.detached:
            return False
        return not any(task.writes_library for task in self.ctx.tasks.busy)

    @Slot()
    def poll(self) -> Change | None:
        """Look now; publish (and return) a change when the file moved since last seen."""
        if not self._may_look():
            return None
        version = self._read()
        if version == self._seen:
            return None
        self._seen = version
        return self.ctx.bus.publish(OUTSIDE_AREAS)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The bus carried a change: the window's own, or this watcher's."""
        if change.replaced:
            self._seen = self._read()

    @Slot(object)
    def on_task_finished(self, task: Task) -> None:
        """A task of the window ended; if it wrote, what it wrote is no outside change."""
        if task.writes_library:
            self._seen = self._read()
