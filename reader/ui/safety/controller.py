"""The Library menu: Check Library, Back Up Library, Restore from Backup, automatic backups.

:class:`SafetyController` runs the tasks of :mod:`reader.ui.safety.tasks` and shows their
outcome. A check shows its report and, when a repair can help, offers Repair (a task too);
a repair tells the change bus what it touched. A restore checks the chosen backup first,
asks for confirmation (saying the current library is kept aside), then detaches the
window's :class:`~reader.library.Library` (it reads as empty meanwhile, so nothing holds the
file while it is replaced), restores on the single-writer pool with nothing beside it
(it starts only when no other task of the window is at work, and until it ends every other
one, a search, an import, an automatic backup, is refused with :data:`RESTORING_REFUSAL`),
reopens the same object (every pane shares it), publishes
:attr:`~reader.ui.tasks.bus.Area.LIBRARY` so every pane starts over, and announces
``restore_finished`` so the window can take input again.
Automatic rotating backups run in the background after start-up and every few hours, when
the preference (checked by default) allows. Outcomes go to the message service; the
questions and messages of the menu go through :class:`SafetyDialogs`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.library.maintenance import backups_folder
from reader.ui.common.errors import error_message
from reader.ui.safety.tasks import (
    CheckDone,
    auto_backup_task,
    backup_task,
    check_task,
    repair_task,
    restore_task,
    validate_task,
)
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import MenuController
from reader.ui.tasks.runner import Task
from reader.ui.tasks.summary_dialog import open_message, widen

translate = QCoreApplication.translate

BACKUP_FILTER = QT_TRANSLATE_NOOP(
    "SafetyDialogs", "Fieldreader library (*.sqlite *.db);;All files (*)"
)
AUTO_BACKUP_EVERY_MS = 6 * 60 * 60 * 1000  # a long session still gets its daily backup
#: What a repair may change: the search indexes, entity counts and mentions, note anchors,
#: codings' places.
REPAIRED_AREAS = Area.ARTICLES | Area.ENTITIES | Area.NOTES | Area.CODINGS
RESTORING_REFUSAL = QT_TRANSLATE_NOOP(
    "SafetyController",
    "The library is being restored from a backup; try again when that has finished.",
)
BUSY = QT_TRANSLATE_NOOP(
    "SafetyController",
    "Fieldreader is still working ({what}). Restore from Backup replaces the whole "
    "library, so wait until that has finished (or cancel it), then try again.",
)


class SafetyDialogs:
    """The questions and messages of the Library menu (tests pass a stand-in)."""

    def backup_file(self, parent: QWidget, suggested: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("SafetyDialogs", "Back Up Library"),
            str(suggested),
            translate("SafetyDialogs", BACKUP_FILTER),
        )
        return path

    def restore_file(self, parent: QWidget, folder: Path) -> str:
        start = str(folder) if folder.is_dir() else ""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("SafetyDialogs", "Restore from Backup"),
            start,
            translate("SafetyDialogs", BACKUP_FILTER),
        )
        return path

    def confirm_restore(self, parent: QWidget, backup: Path, library_path: Path) -> bool:
        box = QMessageBox(parent)
        box.setObjectName("confirmRestore")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("SafetyDialogs", "Restore from Backup"))
        box.setText(
            translate("SafetyDialogs", "Replace the library with the backup “{name}”?").format(
                name=backup.name
            )
        )
        box.setInformativeText(
            translate(
                "SafetyDialogs",
                "Articles, notes and changes made since that backup will not be in the "
                "restored library.\n\nThe current library is not deleted: it is kept aside "
                "beside it, as “{stem}.before-restore-….sqlite”, so you can go back to it.",
            ).format(stem=library_path.stem)
        )
        restore = box.addButton(
            translate("SafetyDialogs", "Restore"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    def show_report(
        self, parent: QWidget, done: CheckDone, on_repair: Callable[[], object] | None
    ) -> object:
        box = QMessageBox(parent)
        box.setObjectName("checkReport")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(
            translate("SafetyDialogs", "Repair Library")
            if done.repaired
            else translate("SafetyDialogs", "Check Library")
        )
        healthy = done.report.ok
        box.setIcon(QMessageBox.Icon.Information if healthy else QMessageBox.Icon.Warning)
        box.setText(done.headline())
        box.setInformativeText(done.text())
        if not healthy:
            box.setDetailedText(done.details())
        if on_repair is not None:
            repair = box.addButton(
                translate("SafetyDialogs", "Repair"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            repair.clicked.connect(on_repair)
            box.addButton(QMessageBox.StandardButton.Close)
            box.setDefaultButton(repair)
        else:
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        widen(box).open()
        return box

    def inform(
        self, parent: QWidget, title: str, text: str, *, warning: bool = False, details: str = ""
    ) -> object:
        return open_message(parent, "safetyMessage", title, text, warning=warning, details=details)


class SafetyController(MenuController):
    """Runs the Library menu for the window.

    Signals:
        restore_started(): the window's library is about to let go of its file (hold
            still: take no input until ``restore_finished``).
        restore_finished(kept): the library was reopened; ``kept`` is where the replaced
            file was kept aside, or ``None`` if the restore failed (the old file is in use).
    """

    restore_started = Signal()
    restore_finished = Signal(object)
    DIALOGS = SafetyDialogs
    dialogs: SafetyDialogs
    widget: QWidget

    def setup(self) -> None:
        self.restoring = False
        self.auto_task: Task | None = None
        self.check_action = QAction(translate("SafetyController", "&Check Library\u2026"), self)
        self.check_action.triggered.connect(self.check)
        self.backup_action = QAction(translate("SafetyController", "&Back Up Library\u2026"), self)
        self.backup_action.triggered.connect(self.backup)
        self.restore_action = QAction(
            translate("SafetyController", "&Restore from Backup\u2026"), self
        )
        self.restore_action.triggered.connect(self.restore)
        self.auto_backup_action = QAction(
            translate("SafetyController", "Daily &Automatic Backups"),
            self,
            checkable=True,
        )
        self.auto_backup_action.setChecked(self.preferences.auto_backup)
        self.auto_backup_action.setToolTip(
            translate(
                "SafetyController", "Keep a copy of the library made each day in {v1}"
            ).format(v1=backups_folder(self.library_path))
        )
        self.auto_backup_action.toggled.connect(self.on_auto_backup_toggled)
        self.auto_timer = QTimer(self)
        self.auto_timer.setInterval(AUTO_BACKUP_EVERY_MS)
        self.auto_timer.timeout.connect(self.start_auto_backup)
        #: The Library menu's entries, in order (``None``: a separator).
        self.actions: list[QAction | None] = [
            self.check_action,
            None,
            self.backup_action,
            self.restore_action,
            None,
            self.auto_backup_action,
        ]

    # -- check and repair --------------------------------------------------------------
    @Slot()
    def check(self) -> Task:
        """Check the library in the background, then show the report."""
        return self._start(
            check_task(self.library_path),
            self._on_checked,
            translate("SafetyController", "Check Library"),
        )

    def _on_checked(self, done: CheckDone) -> None:
        offer = self.repair if done.repairable else None
        self.dialogs.show_report(self.widget, done, offer)
        self.messages.status(done.headline())

    @Slot()
    def repair(self) -> Task:
        """Repair what is safe to repair (and re-extract stale mentions), then report."""
        self.flush()
        return self._start(
            repair_task(self.library_path),
            self._on_repaired,
            translate("SafetyController", "Repair Library"),
        )

    def _on_repaired(self, done: CheckDone) -> None:
        self.bus.publish(REPAIRED_AREAS)
        self.dialogs.show_report(self.widget, done, None)
        self.messages.status(done.headline())

    # -- backups -----------------------------------------------------------------------
    @Slot()
    def backup(self) -> Task | None:
        """Ask where, then copy the library there (safe while it is in use)."""
        name = translate("SafetyController", "fieldreader-backup-{day}.sqlite")
        suggested = Path.home() / name.format(day=f"{date.today():%Y-%m-%d}")
        chosen = self.dialogs.backup_file(self.widget, suggested)
        if not chosen:
            return None
        dest = Path(chosen)
        if _same_file(dest, self.library_path):
            self.dialogs.inform(
                self.widget,
                translate("SafetyController", "Back Up Library"),
                translate(
                    "SafetyController",
                    "That is the library itself; choose another file for the backup.",
                ),
                warning=True,
            )
            return None
        self.flush()
        return self._start(
            backup_task(self.library_path, dest),
            self._on_backed_up,
            translate("SafetyController", "Back Up"),
        )

    def _on_backed_up(self, dest: Path) -> None:
        text = translate("SafetyController", "The library was backed up to {path}").format(
            path=dest
        )
        self.dialogs.inform(self.widget, translate("SafetyController", "Back Up Library"), text)
        self.messages.status(text)

    @Slot(bool)
    def on_auto_backup_toggled(self, on: bool) -> None:
        self.preferences.auto_backup = on
        if on:
            self.start_auto_backup()

    def schedule_auto_backups(self, delay_ms: int) -> None:
        """Make today's backup ``delay_ms`` after now, then check again every few hours."""
        QTimer.singleShot(delay_ms, self.start_auto_backup)
        self.auto_timer.start()

    @Slot()
    def start_auto_backup(self) -> Task | None:
        """Today's rotating backup in the background, if the preference is on."""
        if not self.preferences.auto_backup or self.restoring or self.auto_task is not None:
            return None
        task = auto_backup_task(self.library_path, self.preferences.backups_kept)
        task.setParent(self)
        self.auto_task = task
        task.failed.connect(
            lambda error: self.messages.error(
                translate("SafetyController", "The automatic backup failed: {reason}").format(
                    reason=error_message(error)
                )
            )
        )
        task.finished.connect(self._on_auto_finished)
        return self.tasks.run(task)

    def _on_auto_finished(self) -> None:
        task, self.auto_task = self.auto_task, None
        if task is not None:
            task.deleteLater()

    # -- restore -----------------------------------------------------------------------
    @Slot()
    def restore(self) -> Task | None:
        """Choose a backup, check it, confirm, then replace the library with it."""
        if self._refuse_if_busy():
            return None
        chosen = self.dialogs.restore_file(self.widget, backups_folder(self.library_path))
        if not chosen:
            return None
        backup = Path(chosen)
        if _same_file(backup, self.library_path):
            self.dialogs.inform(
                self.widget,
                translate("SafetyController", "Restore from Backup"),
                translate("SafetyController", "That is the library itself."),
                warning=True,
            )
            return None
        task = validate_task(backup)
        return self._start(
            task,
            lambda _version: self._confirm_restore(backup),
            translate("SafetyController", "Restore from Backup"),
        )

    def _confirm_restore(self, backup: Path) -> None:
        if not self.dialogs.confirm_restore(self.widget, backup, self.library_path):
            return
        self.restore_now(backup)

    def restore_now(self, backup: Path) -> Task | None:
        """Replace the library with ``backup`` (already checked and confirmed)."""
        if self._refuse_if_busy():
            return None
        self.flush()
        self.restoring = True
        self.restore_started.emit()
        self.library.detach()  # stray reads meanwhile find an empty library
        return self.start(
            restore_task(self.library_path, backup),
            on_success=lambda kept: self._on_restored(kept, None),
            on_failure=lambda error: self._on_restored(None, error),
            alone=translate("SafetyController", RESTORING_REFUSAL),
        )

    def _on_restored(self, kept: Path | None, error: str | None) -> None:
        try:
            self.library.reopen()
        except Exception as exc:  # the file cannot be opened: say so, stay detached
            error = error or error_message(exc)
        self.restoring = False
        self.bus.publish(Area.LIBRARY)  # every pane starts over on what the file holds
        self.restore_finished.emit(kept if error is None else None)
        if error is not None:
            message = translate(
                "SafetyController", "The library could not be restored: {reason}"
            ).format(reason=error)
            title = translate("SafetyController", "Restore from Backup")
            self.dialogs.inform(self.widget, title, message, warning=True)
            self.messages.error(message)
            return
        text = translate(
            "SafetyController",
            "The library was restored. The library it replaced was kept as {path}",
        ).format(path=kept)
        self.dialogs.inform(self.widget, translate("SafetyController", "Restore from Backup"), text)
        self.messages.status(
            translate("SafetyController", "The library was restored from the backup.")
        )

    def _refuse_if_busy(self) -> bool:
        active = self.tasks.busy
        if not active and not self.restoring:
            return False
        what = active[0].label.lower() if active else translate("SafetyController", "restoring")
        self.dialogs.inform(
            self.widget,
            translate("SafetyController", "Restore from Backup"),
            translate("SafetyController", BUSY).format(what=what),
            warning=True,
        )
        return True

    # -- plumbing ----------------------------------------------------------------------
    def _start(self, task: Task, on_success: Callable[..., object], title: str) -> Task:
        return self.start(
            task, on_success=on_success, on_failure=lambda error: self._on_failed(title, error)
        )

    def _on_failed(self, title: str, error: str) -> None:
        message = translate("SafetyController", "{title}: {reason}").format(
            title=title, reason=error
        )
        self.dialogs.inform(self.widget, title, message, warning=True)
        self.messages.error(message)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return False
