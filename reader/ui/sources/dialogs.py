"""The windows of the sources that fetch: Import from URL, Add Feed, Read Later and Feeds.

:class:`~reader.ui.sources.url_dialog.UrlDialog` asks for a URL and optional tags (an import, or a
subscription). :class:`ReadLaterDialog` and :class:`FeedsDialog` show a model of
:mod:`reader.ui.sources.models` with the buttons that act on it; they own no data and do no
work: each button emits a signal that :class:`~reader.ui.sources.controller.SourceController`
turns into a task, which the dialog follows with its own progress bar and Cancel. Every
button that uses the network says so (Fetch, Refresh); opening a dialog fetches nothing.
:class:`SourceDialogs` holds the questions and messages, so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.pane_chrome import Mode, size_columns
from reader.ui.common.roles import Index
from reader.ui.sources.models import SOURCE_ID_ROLE, SourceTableModel
from reader.ui.sources.url_dialog import UrlAnswer, add_feed_dialog, url_import_dialog
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task
from reader.ui.tasks.summary_dialog import open_message


class ElideDelegate(QStyledItemDelegate):
    """Elides its column's text in one way (URLs in the middle, prose at the end)."""

    def __init__(self, mode: Qt.TextElideMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


class SourceDialogs:
    """The questions and messages of the sources (tests pass a stand-in)."""

    def ask_url(self, parent: QWidget) -> UrlAnswer | None:
        dialog = url_import_dialog(parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_feed(self, parent: QWidget) -> UrlAnswer | None:
        dialog = add_feed_dialog(parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_opml_to_import(self, parent: QWidget) -> Path | None:
        """The OPML file to subscribe from, or ``None`` when the user cancels."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("SourceDialogs", "Import Feed List"),
            "",
            QCoreApplication.translate(
                "SourceDialogs", "OPML feed lists (*.opml *.xml);;All files (*)"
            ),
        )
        return Path(name) if name else None

    def ask_opml_to_export(self, parent: QWidget) -> Path | None:
        """Where to write the subscriptions as OPML, or ``None`` when the user cancels."""
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("SourceDialogs", "Export Feed List"),
            "feeds.opml",
            QCoreApplication.translate("SourceDialogs", "OPML feed lists (*.opml)"),
        )
        return Path(name) if name else None

    def confirm(self, parent: QWidget, title: str, text: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def inform(
        self, parent: QWidget, title: str, text: str, *, details: str = "", warning: bool = False
    ) -> object:
        return open_message(parent, "sourcesMessage", title, text, warning=warning, details=details)


class SourceTableDialog(QDialog):
    """A table over a source model, an empty-state message, buttons, progress and Cancel.

    Signals:
        remove_requested(ids): the user asked to remove the selected rows.
    """

    remove_requested = Signal(object)
    #: The dialog's object name, title, introduction and what it says when the table is empty.
    NAME = ""
    TITLE: object = ""  # marked with QT_TRANSLATE_NOOP under the subclass's name
    INTRO: object = ""
    EMPTY: object = ""

    def words(self, text: object) -> str:
        """``text`` (one of the class's words above) in the interface language, looked up
        under the dialog's own class name."""
        return QCoreApplication.translate(type(self).__name__, str(text))

    def __init__(self, model: SourceTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.words(self.TITLE))
        self.resize(860, 440)
        self.model = model
        self.busy = False
        self._fetch_buttons: tuple[QPushButton, ...] = ()
        self.intro_label = QLabel(self.words(self.INTRO), self)
        self.intro_label.setObjectName("dialogNote")
        self.intro_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("sourceTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.url_delegate = ElideDelegate(Qt.TextElideMode.ElideMiddle, self.table)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.empty_label = QLabel(self.words(self.EMPTY), self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("sourcesOutcome")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.progress = TaskProgress(self)
        self.remove_button = QPushButton(
            QCoreApplication.translate("SourceTableDialog", "Remove"), self
        )
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.close_button = QPushButton(
            QCoreApplication.translate("SourceTableDialog", "Close"), self
        )
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(self.button_row)
        self._kept: list[int] = []
        model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        model.modelReset.connect(self.on_model_reset)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.add_controls()

    def add_controls(self) -> None:
        """Add the dialog's own buttons (:meth:`add_buttons`) and size its columns."""

    def update_own_state(self) -> None:
        """Turn the dialog's own buttons on or off (``busy``, whether it has rows)."""

    def fetch_buttons(
        self, every_text: str, chosen_text: str, signal: SignalInstance
    ) -> tuple[QPushButton, QPushButton]:
        """ "Fetch All" and "Fetch Selected" (their translated words given): they emit
        ``signal`` with ``None`` (every row) or the chosen rows' ids, and are off while a task
        runs or nothing is there."""
        every = QPushButton(every_text, self)
        every.clicked.connect(lambda: signal.emit(None))
        chosen = QPushButton(chosen_text, self)
        chosen.clicked.connect(lambda: self._emit_selected(signal))
        self._fetch_buttons = (every, chosen)
        return every, chosen

    def add_buttons(self, *buttons: QPushButton) -> None:
        for button in (*buttons, self.remove_button):
            button.setAutoDefault(False)
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.progress)
        self.button_row.addSpacing(8)
        self.button_row.addWidget(self.close_button)
        self.update_state()

    def size_columns(self, modes: dict[int, Mode], widths: dict[int, int]) -> None:
        size_columns(self.table.horizontalHeader(), modes, widths)
        url_column = self.model.COLUMNS.index("URL")
        self.table.setItemDelegateForColumn(url_column, self.url_delegate)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.model.index(r, 0).data(SOURCE_ID_ROLE)) for r in rows]

    def select_id(self, source_id: int) -> None:
        row = self.model.row_of(source_id)
        if row is not None:
            self.table.selectRow(row)

    @Slot()
    def on_model_about_to_be_reset(self) -> None:
        self._kept = self.selected_ids()

    @Slot()
    def on_model_reset(self) -> None:
        """Keep the rows that were selected selected (a reload must not lose the choice)."""
        for source_id in self._kept:
            row = self.model.row_of(source_id)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.update_state()

    def track(self, task: Task) -> None:
        """Follow ``task`` (progress, Cancel) and keep the buttons off until it ends."""
        self.progress.track(task)
        self.busy = True
        self.update_state()
        task.finished.connect(self.on_task_finished)

    @Slot()
    def on_task_finished(self) -> None:
        self.busy = bool(self.progress.tasks)
        self.update_state()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, *_args: object) -> None:
        self.update_state()

    @Slot()
    def update_state(self) -> None:
        self.update_own_state()
        has_rows = self.model.rowCount() > 0
        chosen = bool(self.selected_ids())
        self.stack.setCurrentWidget(self.table if has_rows else self.empty_label)
        self.remove_button.setEnabled(not self.busy and chosen)
        if self._fetch_buttons:
            every, selected = self._fetch_buttons
            every.setEnabled(not self.busy and has_rows)
            selected.setEnabled(not self.busy and chosen)

    def _emit_selected(self, signal: SignalInstance) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    @Slot()
    def on_remove_clicked(self) -> None:
        self._emit_selected(self.remove_requested)


class ReadLaterDialog(SourceTableDialog):
    """File › Read Later: the URLs waiting for a connection.

    Signals:
        fetch_requested(ids): fetch these queued URLs now (``None``: every one).
    """

    fetch_requested = Signal(object)
    NAME = "readLaterDialog"
    TITLE = QT_TRANSLATE_NOOP("ReadLaterDialog", "Read Later")
    INTRO = QT_TRANSLATE_NOOP(
        "ReadLaterDialog",
        "Addresses you imported while offline wait here. Nothing is fetched until you "
        "click Fetch; a failure stays in the list with its reason.",
    )
    EMPTY = QT_TRANSLATE_NOOP(
        "ReadLaterDialog",
        "Nothing is waiting.\nA URL imported without a connection is kept here until you fetch it.",
    )

    def add_controls(self) -> None:
        buttons = self.fetch_buttons(
            QCoreApplication.translate("QueueDialog", "Fetch All"),
            QCoreApplication.translate("QueueDialog", "Fetch Selected"),
            self.fetch_requested,
        )
        self.fetch_all_button, self.fetch_selected_button = buttons
        self.add_buttons(self.fetch_all_button, self.fetch_selected_button)
        fit = Mode.ResizeToContents
        self.size_columns({0: Mode.Stretch, 1: fit, 2: fit, 3: Mode.Interactive}, {3: 260})


class FeedsDialog(SourceTableDialog):
    """File › Feeds: the subscriptions and what their last refresh said.

    Signals:
        add_requested(): the user wants to subscribe to a feed.
        refresh_requested(ids): refresh these feeds now (``None``: every one).
        import_opml_requested(): subscribe to the feeds of an OPML file.
        export_opml_requested(): write the subscriptions to an OPML file.
    """

    add_requested = Signal()
    refresh_requested = Signal(object)
    import_opml_requested = Signal()
    export_opml_requested = Signal()
    NAME = "feedsDialog"
    TITLE = QT_TRANSLATE_NOOP("FeedsDialog", "Feeds")
    INTRO = QT_TRANSLATE_NOOP(
        "FeedsDialog",
        "Your RSS and Atom subscriptions. Nothing is fetched until you click Refresh, "
        "which imports only the entries not seen before.",
    )
    EMPTY = QT_TRANSLATE_NOOP(
        "FeedsDialog",
        "No subscriptions yet.\nUse Add Feed\u2026 to subscribe to an RSS or Atom feed.",
    )

    def add_controls(self) -> None:
        self.add_button = QPushButton(
            QCoreApplication.translate("FeedsDialog", "Add Feed\u2026"), self
        )
        self.add_button.clicked.connect(self.add_requested)
        buttons = self.fetch_buttons(
            QCoreApplication.translate("FeedsDialog", "Refresh All"),
            QCoreApplication.translate("FeedsDialog", "Refresh Selected"),
            self.refresh_requested,
        )
        self.refresh_all_button, self.refresh_selected_button = buttons
        self.remove_button.setText(QCoreApplication.translate("FeedsDialog", "Unsubscribe"))
        self.import_opml_button = QPushButton(self.tr("Import OPML\u2026"), self)
        self.import_opml_button.setToolTip(
            self.tr("Subscribe to every feed of a list another feed reader exported")
        )
        self.import_opml_button.clicked.connect(self.import_opml_requested)
        self.export_opml_button = QPushButton(self.tr("Export OPML\u2026"), self)
        self.export_opml_button.setToolTip(self.tr("Write these subscriptions as an OPML file"))
        self.export_opml_button.clicked.connect(self.export_opml_requested)
        self.add_buttons(
            self.add_button,
            self.refresh_all_button,
            self.refresh_selected_button,
            self.import_opml_button,
            self.export_opml_button,
        )
        fit, free = Mode.ResizeToContents, Mode.Interactive
        self.size_columns({0: free, 1: Mode.Stretch, 2: fit, 3: fit, 4: free}, {0: 210, 4: 190})

    def update_own_state(self) -> None:
        self.import_opml_button.setEnabled(not self.busy)
        self.export_opml_button.setEnabled(not self.busy and self.model.rowCount() > 0)
