"""What the window says when something fails: one line per error, decided here once.

The core raises typed errors (:mod:`reader.library.errors`); a task that fails hands its error
to :func:`error_message` (the task launcher does, for every task), and the note editor does
the same when a save fails. A typed error already carries a message written for a user (a
busy, locked or read-only library gets the library's own sentence if it has none); a file
that cannot be read or written is named with the reason; a bare ``KeyError`` shows its key
unquoted; anything else is shown by its own text, never as a traceback.

The library's own sentences are English (the core has no Qt); the ones the window meets are
listed here once more so that Qt's translation finds them (context ``Errors``): a message
that is one of them is shown translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.library.errors import (
    BUSY_MESSAGE,
    DETACHED_MESSAGE,
    READ_ONLY_MESSAGE,
    LibraryBusyError,
    LibraryError,
    LibraryLockedError,
    ReadOnlyLibraryError,
)

#: The library's sentences, as :mod:`reader.library.errors` writes them, for translation.
KNOWN_MESSAGES: dict[str, str] = {
    BUSY_MESSAGE: QT_TRANSLATE_NOOP(
        "Errors",
        "the library is busy: another program kept it locked for too long; try again in a moment",
    ),
    DETACHED_MESSAGE: QT_TRANSLATE_NOOP(
        "Errors", "the library is being replaced (a restore); try again once it is done"
    ),
    READ_ONLY_MESSAGE: QT_TRANSLATE_NOOP(
        "Errors", "the library is read-only here: reading works, but nothing can be saved"
    ),
}

#: The errors of the library file itself, with what is said when one comes without a message.
FILE_MESSAGES: tuple[tuple[type[LibraryError], str], ...] = (
    (LibraryBusyError, BUSY_MESSAGE),
    (LibraryLockedError, DETACHED_MESSAGE),
    (ReadOnlyLibraryError, READ_ONLY_MESSAGE),
)
#: The errors that say the library cannot take a write just now (a save may try again).
FILE_ERRORS: tuple[type[LibraryError], ...] = tuple(kind for kind, _text in FILE_MESSAGES)


def error_message(error: object) -> str:
    """One line for the status bar or a message box about ``error`` (an exception, or
    already a message), in the interface's language where the sentence is known."""
    text = _message(error)
    known = KNOWN_MESSAGES.get(text)
    return QCoreApplication.translate("Errors", known) if known else text


def _message(error: object) -> str:
    if not isinstance(error, BaseException):
        return str(error)
    for kind, fallback in FILE_MESSAGES:
        if isinstance(error, kind):
            return str(error) or fallback
    if isinstance(error, LibraryError):
        return str(error) or type(error).__name__
    if isinstance(error, OSError) and error.strerror and error.filename:
        return QCoreApplication.translate("Errors", "{reason}: {file}").format(
            reason=error.strerror, file=error.filename
        )
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error) or type(error).__name__
