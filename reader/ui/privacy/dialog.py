"""The passphrase dialog: unlocking an encrypted library, choosing or changing its passphrase.

:class:`PassphraseDialog` has three modes. ``unlock`` asks for the passphrase once and tries
it with the ``check`` it was given before it closes: a wrong one says so, is cleared, and
the dialog asks again. ``new`` asks for a new passphrase twice (they must match). ``change``
asks for the current passphrase (tried like ``unlock``), then a new one twice. Every mode
says plainly that a lost passphrase cannot be recovered; nothing but the passphrase itself
is asked for (no hint is stored anywhere). :class:`PrivacyDialogs` opens these and the
questions of the Library menu's privacy entries; tests give a stand-in.

Trying a passphrase derives its key (a fraction of a second, by design), so the ``check``
runs as a background task while the dialog shows that it is busy and the window stays
live; the fields and OK wait meanwhile. Cancel during a check closes the dialog as soon
as that check has ended (its outcome is dropped), so no check outlives the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.tasks.runner import Task, start_task
from reader.ui.tasks.summary_dialog import open_message

UNLOCK, NEW, CHANGE = "unlock", "new", "change"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseDialog", text)


class PassphraseDialog(QDialog):
    """Asks for a passphrase (see the module docstring for the modes)."""

    def __init__(
        self,
        mode: str,
        library_name: str,
        check: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.mode = mode
        self.check = check
        self.passphrase = ""
        self.new_passphrase = ""
        #: The passphrase check running in the background, if one is.
        self.checking: Task | None = None
        self._cancelled = False
        titles = {
            UNLOCK: self.tr("Unlock Library"),
            NEW: self.tr("Encrypt Library"),
            CHANGE: self.tr("Change Passphrase"),
        }
        self.setWindowTitle(titles[mode])
        intro = {
            UNLOCK: self.tr("The library “{name}” is encrypted. Enter its passphrase to open it."),
            NEW: self.tr(
                "Choose a passphrase for “{name}”. The library, its search indexes and its "
                "backups will be encrypted with it."
            ),
            CHANGE: self.tr("Enter the current passphrase of “{name}”, then the new one twice."),
        }
        layout = QVBoxLayout(self)
        text = QLabel(intro[mode].format(name=library_name))
        text.setWordWrap(True)
        layout.addWidget(text)
        warning = QLabel(
            self.tr(
                "A lost passphrase cannot be recovered: there is no reset and no hint, and "
                "without it nobody, not even Fieldreader, can read the library."
            )
        )
        warning.setObjectName("passphraseWarning")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        form = QFormLayout()
        self.current_edit = self._field("currentPassphrase")
        self.new_edit = self._field("newPassphrase")
        self.again_edit = self._field("againPassphrase")
        if mode in (UNLOCK, CHANGE):
            label = self.tr("Passphrase:") if mode == UNLOCK else self.tr("Current passphrase:")
            form.addRow(label, self.current_edit)
        if mode in (NEW, CHANGE):
            form.addRow(self.tr("New passphrase:"), self.new_edit)
            form.addRow(self.tr("The same again:"), self.again_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("passphraseError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.busy = QWidget()
        self.busy.setObjectName("passphraseBusy")
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_label = QLabel(self.tr("Checking the passphrase\u2026"))
        busy_row.addWidget(self.busy_label)
        bar = QProgressBar()
        bar.setRange(0, 0)  # no end known: it moves while the key is derived
        bar.setTextVisible(False)
        busy_row.addWidget(bar, 1)
        self.busy.hide()
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def say(self, text: str) -> None:
        """Show ``text`` as the reason the dialog is still open."""
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        """Close only with what was asked: a passphrase that opens the library, a new one
        typed the same twice. The passphrase is tried in the background (see the module
        docstring); the dialog closes when that check says it opens the library."""
        if self.checking is not None:
            return
        current = self.current_edit.text()
        if self.mode in (UNLOCK, CHANGE) and not current:
            self.say(self.tr("Enter the passphrase."))
            return
        if self.mode in (NEW, CHANGE):
            new = self.new_edit.text()
            if not new:
                self.say(self.tr("Enter a new passphrase."))
                return
            if new != self.again_edit.text():
                self.again_edit.clear()
                self.again_edit.setFocus()
                self.say(self.tr("The two passphrases differ. Type the new one again."))
                return
        if self.mode in (UNLOCK, CHANGE) and self.check is not None:
            self._start_check(current)
            return
        self._close_with(current)

    def reject(self) -> None:
        """Cancel: at once, or when the check under way has ended (its outcome dropped)."""
        if self.checking is not None:
            self._cancelled = True
            self.busy_label.setText(self.tr("Cancelling\u2026"))
            return
        self._forget_fields()
        super().reject()

    def _start_check(self, passphrase: str) -> None:
        check = self.check
        assert check is not None
        task = Task(lambda _task: check(passphrase), self.tr("Checking the passphrase"))
        task.succeeded.connect(lambda opens: self._on_checked(passphrase, bool(opens), None))
        task.failed.connect(lambda error: self._on_checked(passphrase, False, error))
        self.checking = task
        self._show_busy(True)
        start_task(task)

    def _on_checked(self, passphrase: str, opens: bool, error: object) -> None:
        self.checking = None
        self._show_busy(False)
        if self._cancelled:
            self.reject()
            return
        if opens:
            self._close_with(passphrase)
            return
        self.current_edit.clear()
        self.current_edit.setFocus()
        if error is None:
            self.say(self.tr("Wrong passphrase. Try again."))
        else:
            from reader.ui.common.errors import error_message

            why = error_message(error)
            self.say(self.tr("The passphrase could not be tried: {why}").format(why=why))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Checking the passphrase\u2026"))
        self.busy.setVisible(busy)
        if busy:
            self.error_label.hide()
        self.ok_button.setEnabled(not busy)
        for edit in (self.current_edit, self.new_edit, self.again_edit):
            edit.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _close_with(self, current: str) -> None:
        if self.mode in (UNLOCK, CHANGE):
            self.passphrase = current
        if self.mode in (NEW, CHANGE):
            self.new_passphrase = self.new_edit.text()
        self._forget_fields()
        super().accept()

    def _forget_fields(self) -> None:
        for edit in (self.current_edit, self.new_edit, self.again_edit):
            edit.clear()


class PrivacyDialogs:
    """The questions and messages of the privacy entries (tests pass a stand-in)."""

    def unlock(self, parent: QWidget | None, name: str, check: Callable[[str], bool]) -> str:
        """The passphrase that opens the library (``check`` says), or "" when cancelled."""
        dialog = PassphraseDialog(UNLOCK, name, check, parent)
        return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else ""

    def new_passphrase(self, parent: QWidget | None, name: str) -> str:
        """A new passphrase typed twice, or "" when cancelled."""
        dialog = PassphraseDialog(NEW, name, None, parent)
        return dialog.new_passphrase if dialog.exec() == QDialog.DialogCode.Accepted else ""

    def change(
        self, parent: QWidget | None, name: str, check: Callable[[str], bool]
    ) -> tuple[str, str] | None:
        """``(current, new)`` passphrases, or ``None`` when cancelled."""
        dialog = PassphraseDialog(CHANGE, name, check, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase, dialog.new_passphrase

    def confirm_decrypt(self, parent: QWidget | None, name: str) -> bool:
        answer = QMessageBox.question(
            parent,
            _tr("Decrypt Library"),
            _tr(
                "Decrypt “{name}”? The library and its backups will be written in the clear: "
                "anyone who has the computer can then read them."
            ).format(name=name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def idle_minutes(self, parent: QWidget | None, current: int) -> int | None:
        """How many idle minutes before the window locks itself (0: never), or ``None``."""
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getInt(
            parent,
            _tr("Lock When Idle"),
            _tr("Lock the library after this many minutes without use (0: never):"),
            current,
            0,
            24 * 60,
        )
        return int(value) if ok else None

    def inform(self, parent: QWidget, title: str, text: str, *, warning: bool = False) -> object:
        return open_message(parent, "privacyMessage", title, text, warning=warning)
