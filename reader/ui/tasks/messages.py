"""The message service: status lines and errors from anywhere, shown in one place.

Controllers and panes say what happened with :meth:`Messages.status` or
:meth:`Messages.error`; the window shows them in its status bar. Nothing relays a message
through another object.

Signals:
    shown(str, int): a message to show, and for how many milliseconds (0: until replaced).
    error_shown(str): the message was an error (it is also ``shown``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

MESSAGE_MS = 20_000  # how long a status or error line stays, by default


class Messages(QObject):
    """Status and error lines for the window's status bar."""

    shown = Signal(str, int)  # message, milliseconds
    error_shown = Signal(str)  # an error line (also shown)

    def status(self, message: str, timeout_ms: int = MESSAGE_MS) -> None:
        """Show ``message`` for ``timeout_ms`` milliseconds."""
        self.shown.emit(message, timeout_ms)

    def error(self, message: str) -> None:
        """Show ``message`` as an error: it stays as long as a status line, and is logged
        for tests and for the window's error handling."""
        self.error_shown.emit(message)
        self.shown.emit(message, MESSAGE_MS)
