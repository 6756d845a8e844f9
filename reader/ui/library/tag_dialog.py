"""The tag dialogs: Manage Tags (every tag with its article count; rename, delete, show) and
the question "which tag?" that Add Tag and Remove Tag ask (:class:`TagChoiceDialog`).

:class:`TagsDialog` lists the library's tags (a
:class:`~reader.ui.library.models.TagCountsModel`) and asks for what its buttons do through
its signals: the controller renames or deletes the tag everywhere, or filters the library by
it, and refreshes the list when the change bus says tags changed. A double-click shows the
tag's articles. The dialog owns no data and writes nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
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
from reader.ui.library.models import TAG_ROLE, TagCountsModel

MIN_WIDTH, MIN_HEIGHT = 380, 320
CHOICE_WIDTH = 280


class TagsDialog(QDialog):
    """The library's tags, to rename, delete or show.

    Signals:
        rename_requested(str): the user asked to rename this tag.
        delete_requested(str): the user asked to delete this tag from every article.
        show_requested(str): the user asked to see the articles with this tag.
    """

    rename_requested = Signal(str)
    delete_requested = Signal(str)
    show_requested = Signal(str)

    def __init__(self, model: TagCountsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.setWindowTitle(self.tr("Manage Tags"))
        self.model = model
        intro = QLabel(
            self.tr(
                "Renaming a tag renames it on every article (and in the feeds that tag what "
                "they import); a new name that is already a tag merges the two."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("tagTable")
        self.table.setAccessibleName(self.tr("Tags"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.stack, self.empty_label = with_placeholder(
            self, self.table, "noTagsLabel", self.tr("No article has a tag yet.")
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.rename_button = self._button("renameTagButton", self.tr("&Rename\u2026"))
        self.delete_button = self._button("deleteTagButton", self.tr("&Delete\u2026"))
        self.show_button = self._button("showTagButton", self.tr("&Show Articles"))
        self.rename_button.clicked.connect(lambda: self._ask(self.rename_requested))
        self.delete_button.clicked.connect(lambda: self._ask(self.delete_requested))
        self.show_button.clicked.connect(lambda: self._ask(self.show_requested))
        self.buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _index: self._ask(self.show_requested))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        model.modelReset.connect(self.on_model_reset)
        self.on_model_reset()

    def _button(self, name: str, text: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    @property
    def chosen_tag(self) -> str | None:
        """The tag of the current row, if any."""
        index = self.table.currentIndex()
        return index.data(TAG_ROLE) if index.isValid() else None

    def choose(self, tag: str) -> bool:
        """Make ``tag``'s row the current one; False if it is not listed."""
        row = self.model.row_of(tag)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _ask(self, signal: SignalInstance) -> None:
        tag = self.chosen_tag
        if tag is not None:
            signal.emit(tag)

    @Slot()
    def on_model_reset(self) -> None:
        self.stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.on_current_changed(self.table.currentIndex(), QModelIndex())

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        for button in (self.rename_button, self.delete_button, self.show_button):
            button.setEnabled(current.isValid())


class TagChoiceDialog(QDialog):
    """Ask for one tag: among ``choices``, or (``editable``) any name typed, completed from
    them. OK is offered once there is a name; :attr:`chosen` is it (trimmed)."""

    def __init__(
        self,
        title: str,
        label: str,
        choices: Sequence[str],
        *,
        editable: bool,
        initial: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagChoiceDialog")
        self.setWindowTitle(title)
        self.combo = QComboBox(self)
        self.combo.setObjectName("tagChoice")
        self.combo.setEditable(editable)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(choices))
        self.combo.setMinimumWidth(CHOICE_WIDTH)
        if editable:
            completer = self.combo.completer()
            if completer is not None:
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText(initial)
        elif initial:
            self.combo.setCurrentText(initial)
        prompt = QLabel(label, self)
        prompt.setBuddy(self.combo)
        prompt.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.combo)
        layout.addWidget(self.buttons)
        self.combo.currentTextChanged.connect(self.on_text_changed)
        self.on_text_changed(self.combo.currentText())

    @property
    def chosen(self) -> str:
        """The tag named (trimmed, inner spaces made single)."""
        return " ".join(self.combo.currentText().split())

    @Slot(str)
    def on_text_changed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.chosen))
