"""One window per library: a lock file beside it, and a way to call the first window forward.

Without any network module (no local sockets), two files beside the library do the job.
:class:`InstanceLock` holds an exclusive lock on ``<library>.lock`` for the life of the app
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The operating system drops such a
lock when its process ends, however it ends, so a crash or a kill never leaves a stale lock
that blocks the next start. A second start on the same library fails to take the lock,
writes one line (its process id and, if asked for, an article to open) into
``<library>.raise`` with :meth:`InstanceLock.request_raise` and exits. The first instance
watches that file with :class:`RaiseWatcher` (a ``QFileSystemWatcher``, with a slow poll as a
fallback for file systems that do not report changes) and emits ``raise_requested``.

A library in a folder where no lock file can be written (a read-only medium) is not
guarded: the app starts as before rather than refusing to open.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

ALREADY_OPEN_MESSAGE = "Fieldreader is already open on this library; brought it to the front"
NOT_RAISED_MESSAGE = "Fieldreader is already open on this library (it could not be asked to show)"
POLL_MS = 1500  # the fallback poll; the watcher usually reports within milliseconds


def lock_path(library_path: Path) -> Path:
    """The lock file of ``library_path``: ``<name>.lock`` beside it."""
    path = Path(library_path).expanduser().resolve()
    return path.with_name(path.name + ".lock")


def request_path(library_path: Path) -> Path:
    """The file a second start writes to call the first window forward."""
    path = Path(library_path).expanduser().resolve()
    return path.with_name(path.name + ".raise")


def _lock_op(handle: IO[str], take: bool) -> bool:
    """Take (without waiting) or give back the lock on ``handle``'s file; False when it
    could not be done (another process holds it)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK if take else msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), (fcntl.LOCK_EX | fcntl.LOCK_NB) if take else fcntl.LOCK_UN)
    except OSError:
        return False
    return True


class InstanceLock:
    """The claim of one app on one library file, held until :meth:`release`."""

    def __init__(self, library_path: Path) -> None:
        self.library_path = Path(library_path)
        self.lock_path = lock_path(self.library_path)
        self.request_path = request_path(self.library_path)
        self.held = False
        #: False when no lock file could be made (a read-only folder): nothing is guarded.
        self.enforced = True
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another live process holds it."""
        if self.held:
            return True
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+", encoding="utf-8")  # held open, not with
        except OSError:
            self.enforced = False
            return True
        if not _lock_op(handle, take=True):
            handle.close()
            return False
        self._handle = handle
        self.held = True
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            self.request_path.write_text("", encoding="utf-8")  # the file to watch
        except OSError:
            pass
        return True

    def release(self) -> None:
        """Give the lock up (the lock file stays: removing it could race a new start)."""
        if self._handle is None:
            return
        try:
            self.request_path.unlink(missing_ok=True)
        except OSError:
            pass
        try:
            _lock_op(self._handle, take=False)
        finally:
            self._handle.close()
            self._handle = None
            self.held = False

    def request_raise(self, article_id: int | None = None) -> bool:
        """Ask the instance holding the lock to come to the front; False if it cannot be
        asked (the request file cannot be written)."""
        line = json.dumps({"pid": os.getpid(), "time": time.time(), "article": article_id})
        try:
            with open(self.request_path, "a", encoding="utf-8") as handle:
                handle.write(line + "\n")
        except OSError:
            return False
        return True

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def read_requests(path: Path) -> list[dict[str, Any]]:
    """The requests written to ``path`` since it was last emptied (malformed lines skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    requests = []
    for line in text.splitlines():
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            requests.append(value)
    return requests


class RaiseWatcher(QObject):
    """Watches the request file of a held :class:`InstanceLock`.

    Signals:
        raise_requested(request): another start asked for this window; ``request`` is a
            dict with ``pid`` and ``article`` (an article id to open, or ``None``).
    """

    raise_requested = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.on_file_changed)
        self._watch()
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.on_file_changed)
        self.poll.start()

    def _watch(self) -> None:
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))

    @Slot()
    @Slot(str)
    def on_file_changed(self, _path: str = "") -> None:
        try:
            if not self.path.exists() or self.path.stat().st_size == 0:
                self._watch()
                return
        except OSError:
            return
        requests = read_requests(self.path)
        try:
            self.path.write_text("", encoding="utf-8")
        except OSError:
            pass
        self._watch()  # some systems drop a path from the watcher when it is rewritten
        for request in requests:
            self.raise_requested.emit(request)
