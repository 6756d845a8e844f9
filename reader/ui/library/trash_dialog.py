"""The Trash dialog: the articles moved to the Trash, to restore or delete for good.

:class:`TrashDialog` lists them (a :class:`~reader.ui.library.models.TrashModel`, several
rows may be chosen) and asks for what its buttons do through its signals: Restore brings
the chosen articles back whole (their notes, highlights and codings with them), Empty
Trash deletes every one for good once the controller has asked for confirmation. The
controller refreshes the list when the change bus says articles changed; the dialog owns no
data and writes nothing itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.pane_chrome import with_placeholder
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.common.text import fill
from reader.ui.library.models import TrashModel

MIN_WIDTH, MIN_HEIGHT = 560, 360
#: The share of the screen's free room the dialog opens at, and the most it takes.
SCREEN_SHARE, MAX_WIDTH, MAX_HEIGHT = 0.62, 1040, 640


def opening_size(widget: QWidget) -> QSize:
    """How large the dialog opens: a share of the free room of the screen ``widget`` is on
    (at least the minimum, at most the maximum size)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(1366, 768)
    width = min(max(int(room.width() * SCREEN_SHARE), MIN_WIDTH), MAX_WIDTH, room.width())
    height = min(max(int(room.height() * SCREEN_SHARE), MIN_HEIGHT), MAX_HEIGHT, room.height())
    return QSize(width, height)


class TrashDialog(QDialog):
    """The articles in the Trash.

    Signals:
        restore_requested(list): bring these articles (ids) back.
        empty_requested(): delete everything in the Trash for good (after confirmation).
    """

    restore_requested = Signal(list)
    empty_requested = Signal()

    def __init__(self, model: TrashModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.model = model
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("trashSummary")
        self.summary_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName(self.tr("Articles in the Trash"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.stack, self.empty_label = with_placeholder(
            self, self.table, "emptyTrashLabel", self.tr("The Trash is empty.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)  # where the list would be
        self.empty_label.setContentsMargins(24, 24, 24, 24)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self._button("restoreButton", self.tr("&Restore"))
        self.empty_button = self._button("emptyTrashButton", self.tr("&Empty Trash\u2026"))
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.empty_button.clicked.connect(self.empty_requested)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.resize(opening_size(parent if parent is not None else self))
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        model.modelReset.connect(self.on_model_reset)
        self.on_model_reset()

    def _button(self, name: str, text: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    @property
    def chosen_ids(self) -> list[int]:
        """The articles of the chosen rows, in the list's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = (self.model.index(row, 0).data(ARTICLE_ID_ROLE) for row in rows)
        return [int(i) for i in ids if i is not None]

    @Slot()
    def on_restore_clicked(self) -> None:
        ids = self.chosen_ids
        if ids:
            self.restore_requested.emit(ids)

    @Slot()
    def on_model_reset(self) -> None:
        count = self.model.rowCount()
        self.stack.setCurrentIndex(0 if count else 1)
        if count:
            text = (
                self.tr("1 article is in the Trash.")
                if count == 1
                else fill(self.tr("%1 articles are in the Trash."), count)
            )
            hint = self.tr(
                "Restoring brings an article back with its notes, highlights and codings; "
                "emptying the Trash deletes them for good."
            )
            self.summary_label.setText(f"{text} {hint}")
        else:
            waiting = self.tr("Articles you delete wait here until you empty the Trash.")
            self.summary_label.setText(waiting)
        self.empty_button.setEnabled(bool(count))
        self.on_selection_changed()

    @Slot()
    def on_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.chosen_ids))
