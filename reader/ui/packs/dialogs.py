"""The questions the field pack entries ask, and the conflict copies' dialog.

:class:`PacksDialogs` asks for files, folders, the coder name and the export's choices, and
shows the import's preview (what will be added, changed and put in conflict, before
anything happens) and the guard's question; tests pass a stand-in. :class:`ConflictsDialog`
lists the conflict copies (a :class:`ConflictsModel` over rows the controller gives) with
*Keep Mine*, *Keep Theirs* and *Keep Both*; it only says which was asked for
(``resolve_requested``): the controller resolves and gives it the rows again.
:class:`AgreementDialog` shows Cohen's kappa between two coders per dimension, with the
counts behind it (an :class:`AgreementModel` over the rows it is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.text import format_moment
from reader.ui.tasks.summary_dialog import open_message

translate = QCoreApplication.translate

COLUMN_COUNT = 5


def _pack_filter() -> str:
    return translate("PacksDialogs", "Field pack (*.fieldpack);;All files (*)")


def _column_titles() -> tuple[str, ...]:
    return (
        translate("ConflictsModel", "Kind"),
        translate("ConflictsModel", "From"),
        translate("ConflictsModel", "When"),
        translate("ConflictsModel", "Theirs"),
        translate("ConflictsModel", "Mine"),
    )


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What an export carries: one tag or all articles, notes or not, private ones too."""

    tag: str | None
    notes: bool
    include_private: bool


class ExportOptions(QDialog):
    """The export's choices: which articles (all, or those of one tag), and the notes."""

    def __init__(self, parent: QWidget | None, tags: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("packExportOptions")
        self.setWindowTitle(self.tr("Export Field Pack"))
        self.tag = QComboBox(self)
        self.tag.addItem(self.tr("All articles"), None)
        for name in tags:
            self.tag.addItem(self.tr("Tagged \u201c{tag}\u201d").format(tag=name), name)
        self.notes = QCheckBox(self.tr("With notes and highlights"), self)
        self.notes.setChecked(True)
        self.private = QCheckBox(self.tr("Private notes too"), self)
        self.notes.toggled.connect(self.private.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Articles:"), self.tag)
        form.addRow(self.notes)
        form.addRow(self.private)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            self.tag.currentData(),
            self.notes.isChecked(),
            self.notes.isChecked() and self.private.isChecked(),
        )


class PacksDialogs:
    """The file dialogs, questions and messages of the field pack entries."""

    def export_choice(self, parent: QWidget | None, tags: list[str]) -> ExportChoice | None:
        dialog = ExportOptions(parent, tags)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def export_file(self, parent: QWidget | None) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("PacksDialogs", "Export Field Pack"),
            translate("PacksDialogs", "team.fieldpack"),
            _pack_filter(),
        )
        return path

    def import_file(self, parent: QWidget | None) -> str:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("PacksDialogs", "Import Field Pack"),
            "",
            _pack_filter(),
        )
        return path

    def team_folder(self, parent: QWidget | None, current: str) -> str:
        return QFileDialog.getExistingDirectory(
            parent, translate("PacksDialogs", "Team Folder"), current
        )

    def coder_name(self, parent: QWidget | None, current: str) -> str | None:
        name, ok = QInputDialog.getText(
            parent,
            translate("PacksDialogs", "Coder Name"),
            translate("PacksDialogs", "The name your notes and codings carry:"),
            text=current,
        )
        return name if ok else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def inform(
        self, parent: QWidget | None, title: str, text: str, *, warning: bool = False
    ) -> object:
        if parent is None:  # no window to show it over (the status bar still says it)
            return None
        return open_message(parent, "packsMessage", title, text, warning=warning)

    def conflicts(self, parent: QWidget | None) -> ConflictsDialog:
        return ConflictsDialog(parent)

    def coders(self, parent: QWidget | None, names: list[str]) -> tuple[str, str] | None:
        dialog = CoderChoice(parent, names)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def agreement(self, parent: QWidget | None, result: dict[str, Any]) -> QDialog:
        dialog = AgreementDialog(parent, result)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class ConflictsModel(QAbstractTableModel):
    """The conflict copies as rows (``ConflictCopy.as_json()`` dicts)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _column_titles()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        kind = (
            translate("ConflictsModel", "Note")
            if row["kind"] == "note"
            else translate("ConflictsModel", "Coding")
        )
        when = format_moment(row["time"]) if row["time"] else ""
        values = (kind, row["coder"] or "", when, row["theirs"], row["mine"] or "")
        text = str(values[index.column()])
        return text if role == Qt.ItemDataRole.ToolTipRole else text.replace("\n", " ")[:120]


class ConflictsDialog(QDialog):
    """The conflict copies, each with Keep Mine, Keep Theirs, Keep Both.

    Signals:
        resolve_requested(kind, id, keep): the user chose how to resolve one copy.
    """

    resolve_requested = Signal(str, int, str)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("packConflicts")
        self.setWindowTitle(self.tr("Conflict Copies"))
        self.model = ConflictsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for keep, label in (
            ("mine", self.tr("Keep &Mine")),
            ("theirs", self.tr("Keep &Theirs")),
            ("both", self.tr("Keep &Both")),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, k=keep: self._ask(k))
            row.addWidget(button)
            self.buttons[keep] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(720, 360)

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        for button in self.buttons.values():
            button.setEnabled(bool(rows))

    def _ask(self, keep: str) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.rows[rows[0].row()]
        self.resolve_requested.emit(str(row["kind"]), int(row["id"]), keep)


class CoderChoice(QDialog):
    """Which two coders to compare."""

    def __init__(self, parent: QWidget | None, names: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("packCoderChoice")
        self.setWindowTitle(self.tr("Agreement Between Coders"))
        self.first = QComboBox(self)
        self.second = QComboBox(self)
        for box in (self.first, self.second):
            box.addItems(names)
        if len(names) > 1:
            self.second.setCurrentIndex(1)
        form = QFormLayout()
        form.addRow(self.tr("Coder A:"), self.first)
        form.addRow(self.tr("Coder B:"), self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        return self.first.currentText(), self.second.currentText()


def kappa_text(value: float | None) -> str:
    """A kappa as shown: three decimals, or "undefined"."""
    if value is None:
        return translate("AgreementModel", "undefined")
    return f"{value:.3f}"


class AgreementModel(QAbstractTableModel):
    """The agreement's dimensions as rows (the ``dimensions`` of ``coder_agreement``)."""

    KEYS = ("codebook", "id", "kappa", "both", "only_a", "only_b", "neither")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("AgreementModel", "Codebook"),
            translate("AgreementModel", "Dimension"),
            translate("AgreementModel", "Kappa"),
            translate("AgreementModel", "Both"),
            translate("AgreementModel", "Only A"),
            translate("AgreementModel", "Only B"),
            translate("AgreementModel", "Neither"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.KEYS[index.column()]
        value = self.rows[index.row()][key]
        return kappa_text(value) if key == "kappa" else str(value)


class AgreementDialog(QDialog):
    """Cohen's kappa per dimension between two coders, with the counts behind it."""

    def __init__(self, parent: QWidget | None, result: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setObjectName("packAgreement")
        self.setWindowTitle(self.tr("Agreement Between Coders"))
        self.model = AgreementModel(self)
        self.model.set_rows(result["dimensions"])
        view = QTableView(self)
        view.setModel(self.model)
        view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(
            self.tr(
                "{a} and {b}: overall kappa {kappa}, over {n} sentences of {m} articles both "
                "reviewed (a sentence counts for a coder when one of their accepted codings "
                "of the dimension overlaps it)."
            ).format(
                a=result["a_coder"],
                b=result["b_coder"],
                kappa=kappa_text(result["overall"]),
                n=result["sentences"],
                m=result["articles"],
            ),
            self,
        )
        self.summary.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(view)
        layout.addWidget(close)
        self.resize(640, 320)
