"""A status-bar indicator for background tasks: what is running, how far, and Cancel.

It follows the tasks it is given and shows the newest unfinished one; it hides itself
when none is left. It never blocks: the window stays usable while tasks run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reader.ui.tasks.runner import Task


class TaskProgress(QWidget):
    """Label, progress bar and cancel button for the current task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.tasks: list[Task] = []
        self.label = QLabel(self)
        self.label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(140)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(QCoreApplication.translate("TaskProgress", "Cancel"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    @property
    def current(self) -> Task | None:
        return self.tasks[-1] if self.tasks else None

    def track(self, task: Task) -> None:
        """Show ``task`` until it finishes."""
        self.tasks.append(task)
        task.progressed.connect(
            lambda done, total, name: self._on_progress(task, done, total, name)
        )
        task.finished.connect(lambda: self._on_finished(task))
        self._show(task, 0, 0, "")

    def _show(self, task: Task, done: int, total: int, name: str) -> None:
        if name:
            text = QCoreApplication.translate("TaskProgress", "{label}: {name}")
        else:
            text = QCoreApplication.translate("TaskProgress", "{label}\u2026")
        self.label.setText(text.format(label=task.label, name=name))
        self.bar.setRange(0, max(total, 0))  # 0..0 is the busy indicator
        self.bar.setValue(done)
        self.cancel_button.setEnabled(not task.is_cancelled())
        self.show()

    def _on_progress(self, task: Task, done: int, total: int, name: str) -> None:
        if task is self.current:
            self._show(task, done, total, name)

    def _on_finished(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if self.current is None:
            self.hide()
        else:
            self._show(self.current, 0, 0, "")

    @Slot()
    def on_cancel_clicked(self) -> None:
        if self.current is not None:
            self.current.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(
                QCoreApplication.translate("TaskProgress", "{label}: stopping…").format(
                    label=self.current.label
                )
            )
