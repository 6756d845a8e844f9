"""The history of one note: every saved version, a preview of each, and Restore This Version.

The dialog lists the note's revisions (a :class:`~reader.ui.notes.models.RevisionsModel`,
newest first) beside a sanitised preview of the chosen one. Restoring saves that text as
the note's body again, which itself becomes a new revision, so nothing is ever overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.ui.common.theme import Theme, ui_family
from reader.ui.notes.markdown_view import MarkdownView
from reader.ui.notes.models import BODY_ROLE, RevisionsModel


class HistoryDialog(QDialog):
    """Browse a note's revisions and bring one back.

    Signals:
        restored(note_id): a revision was saved as the note's body again.
    """

    restored = Signal(int)

    def __init__(
        self, library: Library, note_id: int, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteHistory")
        self.setWindowTitle(self.tr("Note History"))
        self.library = library
        self.note_id = note_id
        self.model = RevisionsModel(library, note_id, self)

        count = self.model.rowCount()
        heading = (
            self.tr("1 saved version, newest first.")
            if count == 1
            else self.tr("{count} saved versions, newest first.").format(count=count)
        )
        self.heading = QLabel(heading, self)
        self.list = QListView(self)
        self.list.setObjectName("revisionList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.preview = MarkdownView(self)
        self.preview.placeholder = self.tr("(this version was empty)")
        self.preview.set_theme(theme, ui_family())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 420])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Restore This Version"), self)
        self.restore_button.setObjectName("restoreVersion")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(700, 460)

        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        if count:
            self.list.setCurrentIndex(self.model.index(0, 0))

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.preview.set_markdown(str(current.data(BODY_ROLE) or ""))
        self.restore_button.setEnabled(current.isValid() and current.row() > 0)

    @Slot()
    def on_restore_clicked(self) -> None:
        """Save the chosen version as the body again (a new revision)."""
        revision = self.model.revision(self.list.currentIndex().row())
        if revision is None:
            return
        self.library.save_note(self.note_id, revision.body)
        self.model.refresh()
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.restored.emit(self.note_id)
