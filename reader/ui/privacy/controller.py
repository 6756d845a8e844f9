"""The Library menu's privacy entries: Encrypt…, Change Passphrase…, Decrypt…, Lock Now, and
locking by itself after some idle minutes.

:class:`PrivacyController` asks through :class:`~reader.ui.privacy.dialog.PrivacyDialogs`
(tests give a stand-in), then runs the rewrite of :mod:`reader.library.crypto` on the
single-writer pool with nothing beside it, the window's library detached meanwhile (the
rewrite needs the file to itself), reopens it and tells the change bus the whole library
was replaced. The passphrase lives in this process's memory only
(:mod:`reader.library.cipher`), never in the settings.

Locking (Lock Now, or the idle timer: :attr:`Preferences.auto_lock_minutes`, off by default)
saves what is being edited, forgets the passphrase and the key derived from it, detaches
the library (its connection closes; the panes show an empty library) and asks for the
passphrase again; cancelled, the window stays locked until Unlock…. The passphrase dialogs
try a passphrase as a background task with a busy indicator (the key derivation takes a
moment), so the window never freezes while one is checked. User input anywhere in the
application restarts the idle timer (the application's events are watched only while the
idle lock is on).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from reader.library import cipher
from reader.library.connection import raw_connection
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import MenuController
from reader.ui.tasks.runner import Task

if TYPE_CHECKING:  # the dialogs' module is read when one is first needed
    from reader.ui.privacy.dialog import PrivacyDialogs

#: What restarts the idle timer.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
REWRITING_REFUSAL = "The library is being re-encrypted; try again when that has finished."


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrivacyController", text)


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the encrypted library at ``path`` (nothing changes in
    the file). It derives the key, so the dialogs run it as a background task; the key
    that opened the file stays in memory (:mod:`reader.library.cipher`), so opening the
    library right after costs no second derivation, until :func:`cipher.forget`."""
    try:
        raw_connection(path, passphrase).close()
    except cipher.WrongPassphraseError:
        return False
    except ValueError:  # an empty passphrase, a NUL in it
        return False
    return True


def _rewrite_task(label: str, work: Callable[[], object]) -> Task:
    return Task(lambda _task: work(), label, writes_library=True)


class PrivacyController(MenuController):
    """Runs the privacy entries of the Library menu and the lock for the window."""

    dialogs: PrivacyDialogs

    @staticmethod
    def DIALOGS() -> PrivacyDialogs:  # noqa: N802 (the controllers' name for it)
        from reader.ui.privacy.dialog import PrivacyDialogs

        return PrivacyDialogs()

    def setup(self) -> None:
        self.locked = False
        self.rewriting = False
        self.encrypt_action = QAction(_tr("&Encrypt Library\u2026"), self)
        self.encrypt_action.triggered.connect(self.encrypt)
        self.change_action = QAction(_tr("Change &Passphrase\u2026"), self)
        self.change_action.triggered.connect(self.change_passphrase)
        self.decrypt_action = QAction(_tr("&Decrypt Library\u2026"), self)
        self.decrypt_action.triggered.connect(self.decrypt)
        self.lock_action = QAction(_tr("Loc&k Now"), self)
        self.lock_action.triggered.connect(self.on_lock_triggered)
        self.idle_action = QAction(_tr("Lock When &Idle\u2026"), self)
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        #: The Library menu's privacy entries, in order (``None``: a separator).
        self.actions: list[QAction | None] = [
            self.encrypt_action,
            self.change_action,
            self.decrypt_action,
            None,
            self.lock_action,
            self.idle_action,
        ]
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.on_idle)
        self._watching_input = False
        self.restart_idle_timer()
        self.update_actions()

    # -- state -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.library_path.name

    @property
    def encrypted(self) -> bool:
        return cipher.is_encrypted(self.library_path)

    def update_actions(self) -> None:
        """Offer what fits the file: Encrypt for a plain one, the rest for an encrypted one."""
        encrypted, idle = self.encrypted, not self.rewriting
        self.encrypt_action.setEnabled(idle and not encrypted and not self.library.read_only)
        self.change_action.setEnabled(idle and encrypted and not self.locked)
        self.decrypt_action.setEnabled(idle and encrypted and not self.locked)
        self.lock_action.setEnabled(idle and encrypted)
        self.lock_action.setText(_tr("&Unlock\u2026") if self.locked else _tr("Loc&k Now"))
        self.idle_action.setEnabled(True)

    def _busy(self) -> bool:
        if not self.tasks.busy:
            return False
        what = ", ".join(t.label for t in self.tasks.busy)
        self.dialogs.inform(
            self.widget,
            _tr("Library"),
            _tr("Fieldreader is still working ({what}); try again when it has finished.").format(
                what=what
            ),
            warning=True,
        )
        return True

    # -- encrypt, change, decrypt ------------------------------------------------------
    @Slot()
    def encrypt(self) -> Task | None:
        """Ask for a new passphrase (twice), then encrypt the library and its backups."""
        if self.encrypted or self._busy():
            return None
        new = self.dialogs.new_passphrase(self.widget, self.name)
        if not new:
            return None
        from reader.library import crypto

        path = self.library_path
        return self._rewrite(_tr("Encrypting the library"), lambda: crypto.encrypt(path, new))

    @Slot()
    def change_passphrase(self) -> Task | None:
        """Ask for the current passphrase and a new one, then re-encrypt with the new one."""
        if not self.encrypted or self.locked or self._busy():
            return None
        path = self.library_path
        answer = self.dialogs.change(self.widget, self.name, lambda p: passphrase_opens(path, p))
        if answer is None:
            return None
        old, new = answer
        from reader.library import crypto

        return self._rewrite(
            _tr("Changing the passphrase"), lambda: crypto.change_passphrase(path, new, old)
        )

    @Slot()
    def decrypt(self) -> Task | None:
        """Confirm, then write the library and its backups in the clear again."""
        if not self.encrypted or self.locked or self._busy():
            return None
        if not self.dialogs.confirm_decrypt(self.widget, self.name):
            return None
        from reader.library import crypto

        path = self.library_path
        return self._rewrite(_tr("Decrypting the library"), lambda: crypto.decrypt(path))

    def _rewrite(self, label: str, work: Callable[[], object]) -> Task:
        self.flush()
        self.rewriting = True
        self.update_actions()
        self.library.detach()  # the rewrite needs the file to itself
        return self.start(
            _rewrite_task(label, work),
            on_success=lambda done: self._on_rewritten(done, None),
            on_failure=lambda error: self._on_rewritten(None, error),
            alone=REWRITING_REFUSAL,
        )

    def _on_rewritten(self, done: object, error: object) -> None:
        self.rewriting = False
        try:
            self.library.reopen()
        except Exception as exc:  # the file cannot be opened: say so, stay detached
            error = error or exc
        self.bus.publish(Area.LIBRARY)
        self.update_actions()
        if error is not None:
            from reader.ui.common.errors import error_message

            text = _tr("The library was not changed: {why}").format(why=error_message(error))
            self.dialogs.inform(self.widget, _tr("Library"), text, warning=True)
            self.messages.error(text)
            return
        if self.encrypted:
            text = _tr(
                "The library is encrypted. Keep the passphrase safe: a lost passphrase "
                "cannot be recovered."
            )
        else:
            text = _tr("The library is no longer encrypted.")
        self.messages.status(text)

    # -- locking -----------------------------------------------------------------------
    @Slot()
    def on_lock_triggered(self) -> None:
        if self.locked:
            self.unlock()
        else:
            self.lock()

    def lock(self) -> bool:
        """Close the library and forget its passphrase, then ask for it again."""
        if not self.encrypted or self.locked or self.rewriting:
            return False
        self.flush()
        cipher.forget(self.library_path)
        self.library.detach()  # the connection closes; reads find an empty library
        self.locked = True
        self.bus.publish(Area.LIBRARY)  # every pane empties
        self.update_actions()
        self.messages.status(_tr("The library is locked."), 0)
        QTimer.singleShot(0, self.unlock)
        return True

    @Slot()
    def unlock(self) -> bool:
        """Ask for the passphrase (again, while it is wrong) and reopen the library."""
        if not self.locked:
            return False
        path = self.library_path
        passphrase = self.dialogs.unlock(
            self.widget, self.name, lambda p: passphrase_opens(path, p)
        )
        if not passphrase or not self.locked:
            if self.locked:
                cipher.forget(path)  # a key a check derived does not stay while locked
            return False
        cipher.remember(path, passphrase)
        self.library.reopen()
        self.locked = False
        self.bus.publish(Area.LIBRARY)
        self.update_actions()
        self.messages.status(_tr("The library is unlocked."))
        self.restart_idle_timer()
        return True

    @Slot()
    def choose_idle_minutes(self) -> None:
        minutes = self.dialogs.idle_minutes(self.widget, self.preferences.auto_lock_minutes)
        if minutes is None:
            return
        self.preferences.auto_lock_minutes = minutes
        self.restart_idle_timer()

    def restart_idle_timer(self) -> None:
        minutes = self.preferences.auto_lock_minutes
        if minutes <= 0:
            self.idle_timer.stop()
            self._watch_input(False)
            return
        self._watch_input(True)
        self.idle_timer.start(minutes * 60_000)

    def _watch_input(self, on: bool) -> None:
        """Hear every input event of the application (to restart the idle lock) only while
        the lock is on: a filter on the whole application costs every event some time."""
        app = QApplication.instance()
        if app is None or on == self._watching_input:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching_input = on

    @Slot()
    def on_idle(self) -> None:
        if self.tasks.busy or self.rewriting:  # work in progress: look again later
            self.restart_idle_timer()
            return
        self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in INPUT_EVENTS and self.idle_timer.isActive():
            self.idle_timer.start()  # the same interval, from now
        return False
