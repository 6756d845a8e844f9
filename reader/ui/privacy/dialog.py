"""The passphrase dialog: unlocking an encrypted library, choosing or changing its passphrase.

:class:`PassphraseDialog` has three modes. ``unlock`` asks for the passphrase once and tries
it with the ``check`` it was given before it closes: a wrong one says so, is cleared, and
the dialog asks again. ``new`` asks for a new passphrase twice (they must match). ``change``
asks for the current passphrase (tried like ``unlock``), then a new one twice. Every mode
says plainly that a lost passphrase cannot be recovered; nothing but the passphrase itself
is asked for (no hint is stored anywhere). :class:`PrivacyDialogs` opens these and the
questions of the Library menu's privacy entries; tests give a stand-in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
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
        typed the same twice."""
        if self.mode in (UNLOCK, CHANGE):
            current = self.current_edit.text()
            if not current:
                self.say(self.tr("Enter the passphrase."))
                return
            if self.check is not None and not self._checked(current):
                self.current_edit.clear()
                self.current_edit.setFocus()
                self.say(self.tr("Wrong passphrase. Try again."))
                return
            self.passphrase = current
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
            self.new_passphrase = new
        self._forget_fields()
        super().accept()

    def reject(self) -> None:
        self._forget_fields()
        super().reject()

    def _checked(self, passphrase: str) -> bool:
        assert self.check is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key takes a moment
        try:
            return self.check(passphrase)
        finally:
            QGuiApplication.restoreOverrideCursor()

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
