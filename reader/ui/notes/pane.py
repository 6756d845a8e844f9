"""The notes pane: every note and highlight in a list above the note editor.

A filter box, the scope (this article, all notes, or the trash) and the order (recently
changed, or by position in the text) sit above the list, drawn by a
:class:`~reader.ui.notes.delegate.NoteItemDelegate`; a small bar offers New Note,
History…, and Delete, or in the trash Restore and Delete Forever. Choosing a row shows the
note in the :class:`~reader.ui.notes.editor.NoteEditor` below; a double-click or Enter asks
for its passage (:attr:`NotesPane.note_activated`). The list's data lives in a
:class:`~reader.ui.notes.models.NotesListModel`; the pane makes the small note changes its
buttons stand for (one row each), tells the change bus and says what it did through the
message service. :meth:`NotesPane.on_changed` follows the bus: a note edited in place is
re-read alone (typing never reshuffles the list), other changes list the notes again, and a
replaced library drops what the editor held. The filter box is never narrower than its
placeholder, and the split between the list and the editor is remembered in the settings
(:data:`SPLIT_KEY`); a private note is marked in the list with a padlock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QWidget,
)

from reader.ui.common.pane_chrome import (
    choice_combo,
    filter_edit,
    lay_out_pane,
    pane_splitter,
    placeholder_width,
    rich_list,
    stacked,
    tool_button,
    with_placeholder,
)
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.notes.delegate import NoteItemDelegate
from reader.ui.notes.editor import NoteEditor
from reader.ui.notes.history import HistoryDialog
from reader.ui.notes.models import NotesListModel
from reader.ui.notes.split_memory import SplitMemory
from reader.ui.notes.style import (
    EMPTY_PAGE,
    EMPTY_TEXT,
    LIST_PAGE,
    NO_ARTICLE,
    NOTHING_MATCHES,
    PANE_STYLE,
    SCOPE_LABELS,
    SORT_LABELS,
    translated,
)
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext

#: Where the sizes of the list/editor split are remembered.
SPLIT_KEY = "notes/pane_split"
DEFAULT_SPLIT = (380, 420)


class NotesPane(QWidget):
    """The notes list and editor.

    Signals:
        note_activated(note_id): the user asked to go to a note's passage (or article).
    """

    note_activated = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[QWidget, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPane")
        self.library = library = ctx.library
        self.bus, self.messages = ctx.bus, ctx.messages
        self.confirm = confirm or ask_to_confirm
        self.theme: Theme = LIGHT
        self.model = NotesListModel(library, self)
        self.delegate = NoteItemDelegate(self)
        self.history: HistoryDialog | None = None

        self.settings = ctx.preferences.settings
        self.filter_edit = filter_edit(self, "notesFilter", self.tr("Filter notes"))
        self.filter_edit.setToolTip(
            self.tr("Show the notes whose text, quote or article title has these words")
        )
        scopes = {k: translated(v) for k, v in SCOPE_LABELS.items()}
        sorts = {k: translated(v) for k, v in SORT_LABELS.items()}
        self.scope_combo = choice_combo(self, "notesScope", scopes, self.tr("Which notes to list"))
        self.scope_combo.setCurrentIndex(self.scope_combo.findData("all"))
        self.sort_combo = choice_combo(self, "notesSort", sorts, self.tr("The order of the list"))
        self.list = rich_list(self, "notesList", self.tr("Notes"), self.model, self.delegate)
        self.list.setToolTip(
            self.tr("Double-click or Enter goes to the passage; Delete moves to the trash")
        )
        self.list.installEventFilter(self)
        self.stack, self.empty_label = with_placeholder(self, self.list, "notesEmpty")
        self.editor = NoteEditor(ctx, self)

        self.new_button = tool_button(
            self, self.tr("New Note"), self.tr("A free-standing note"), self.new_note
        )
        self.history_button = tool_button(
            self,
            self.tr("History\u2026"),
            self.tr("Every saved version of this note"),
            self.show_history,
        )
        self.trash_button = tool_button(
            self, self.tr("Delete"), self.tr("Move the note to the trash"), self.trash_current
        )
        self.restore_button = tool_button(
            self,
            self.tr("Restore"),
            self.tr("Take the note out of the trash"),
            self.restore_current,
        )
        self.purge_button = tool_button(
            self,
            self.tr("Delete Forever"),
            self.tr("Delete the note and its history"),
            self.purge_current,
        )
        bar = QWidget(self)
        bar.setObjectName("notesBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(6, 3, 6, 3)
        bar_layout.setSpacing(2)
        bar_layout.addWidget(self.new_button)
        bar_layout.addStretch(1)
        for button in (self.history_button, self.restore_button, self.purge_button):
            bar_layout.addWidget(button)
        bar_layout.addWidget(self.trash_button)

        upper = stacked(self, (self.stack, 1), (bar, 0))
        self.splitter = pane_splitter(
            self, "notesSplitter", upper, self.editor, (1, 1), list(DEFAULT_SPLIT)
        )
        self.split_memory = SplitMemory(self.splitter, self.settings, lambda: SPLIT_KEY)
        controls = [(self.filter_edit, 1), (self.scope_combo, 0), (self.sort_combo, 0)]
        lay_out_pane(self, controls, 6, self.splitter)

        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        self.list.activated.connect(self.on_list_activated)
        self.editor.passage_requested.connect(self.note_activated)
        self.filter_edit.textChanged.connect(self.on_filter_text_changed)
        self.scope_combo.currentIndexChanged.connect(self.on_scope_index_changed)
        self.sort_combo.currentIndexChanged.connect(self.on_sort_index_changed)
        self.set_theme(LIGHT)
        self._update_state()

    # -- layout ------------------------------------------------------------------------
    def _fit_filter(self) -> None:
        """The filter box never cuts its placeholder: it is at least that wide."""
        self.filter_edit.setMinimumWidth(placeholder_width(self.filter_edit))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_filter()

    # -- what is listed ----------------------------------------------------------------
    @property
    def scope(self) -> str:
        return self.model.scope

    @property
    def current_note_id(self) -> int | None:
        return self.model.note_id(self.list.currentIndex().row())

    def set_scope(self, scope: str) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))

    def set_sort(self, key: str) -> None:
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(key)))

    def set_article(self, article_id: int | None) -> None:
        """The reader opened another article (the "This article" scope follows it)."""
        keep = self.editor.note_id
        self.model.set_article(article_id)
        self._reselect(keep)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: re-read notes edited in place, list again after other changes
        to notes or articles, drop the editor's unsaved typing if the library was replaced."""
        if change.replaced:
            self.editor.reload()
            self.refresh()
            return
        if not change.touches(Area.NOTES | Area.ARTICLES):
            return
        if change.areas == Area.NOTES and change.note_ids:
            for note_id in change.note_ids:  # edited in place: the order stays
                self.model.refresh_note(note_id)
        else:
            self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Query the notes again, keeping (or choosing) the current one."""
        keep = select if select is not None else self.editor.note_id
        self.model.refresh()
        self._reselect(keep)

    def _reselect(self, note_id: int | None) -> None:
        row = self.model.row_of(note_id) if note_id is not None else None
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        try:
            if row is None:
                self.list.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index(row, 0)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
        finally:
            self.list.selectionModel().blockSignals(False)
            self.list.blockSignals(False)
        self._update_state()

    def show_note(self, note_id: int, *, focus: bool = False) -> bool:
        """Select ``note_id`` (widening the list if it is hidden) and edit it."""
        note = self.library.note(note_id)
        if note is None:
            return False
        if self.model.row_of(note_id) is None and self.filter_edit.text():
            self.filter_edit.clear()
        if self.model.row_of(note_id) is None:
            wanted = "trash" if note.deleted else "all"
            if note.article_id is not None and note.article_id == self.model.article_id:
                wanted = "article" if not note.deleted else wanted
            self.set_scope(wanted)
        if self.model.row_of(note_id) is None:
            self.model.refresh()
        self._reselect(note_id)
        self.editor.set_note(note_id, focus=focus)
        return True

    def _update_state(self) -> None:
        trash = self.scope == "trash"
        has_current = self.current_note_id is not None
        self.trash_button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.purge_button.setVisible(trash)
        self.new_button.setVisible(not trash)
        for button in (self.trash_button, self.restore_button, self.purge_button):
            button.setEnabled(has_current)
        self.history_button.setEnabled(has_current)
        if self.model.rowCount():
            self.stack.setCurrentIndex(LIST_PAGE)
            return
        if self.filter_edit.text().strip():
            text = translated(NOTHING_MATCHES).format(text=self.filter_edit.text().strip())
        elif self.scope == "article" and self.model.article_id is None:
            text = translated(NO_ARTICLE)
        else:
            text = translated(EMPTY_TEXT[self.scope])
        self.empty_label.setText(text)
        self.stack.setCurrentIndex(EMPTY_PAGE)

    # -- slots -------------------------------------------------------------------------
    @Slot(str)
    def on_filter_text_changed(self, text: str) -> None:
        keep = self.editor.note_id
        self.model.set_filter(text)
        self._reselect(keep)

    @Slot(int)
    def on_scope_index_changed(self, _row: int) -> None:
        self.editor.flush()
        self.model.set_scope(self.scope_combo.currentData(), self.model.article_id)
        self._reselect(self.editor.note_id)
        if self.current_note_id is None and self.editor.note is not None:
            if (self.editor.note.deleted is not None) != (self.scope == "trash"):
                self.editor.set_note(None)

    @Slot(int)
    def on_sort_index_changed(self, _row: int) -> None:
        keep = self.editor.note_id
        self.model.set_sort(self.sort_combo.currentData())
        self._reselect(keep)

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        note_id = self.model.note_id(current.row()) if current.isValid() else None
        if note_id is not None:
            self.editor.set_note(note_id)
        self._update_state()

    @Slot(QModelIndex)
    def on_list_activated(self, index: QModelIndex) -> None:
        note_id = self.model.note_id(index.row())
        if note_id is not None:
            self.note_activated.emit(note_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            if self.scope == "trash":
                self.purge_current()
            else:
                self.trash_current()
            return True
        return super().eventFilter(watched, event)

    # -- changes -----------------------------------------------------------------------
    def flush(self) -> bool:
        """Save what the editor holds (before closing, exporting, switching)."""
        return self.editor.flush()

    @Slot()
    def new_note(self, article_id: int | None = None) -> int:
        """Add an empty note (free-standing, or on a whole article) and edit it."""
        self.editor.flush()
        note_id = self.library.add_note(article_id, "")
        if self.scope == "trash":
            self.set_scope("all")
        self.refresh(select=note_id)
        self.show_note(note_id, focus=True)
        self.bus.publish(Area.NOTES, [article_id])
        return note_id

    def _neighbour(self, note_id: int) -> int | None:
        row = self.model.row_of(note_id)
        if row is None:
            return None
        return self.model.note_id(row + 1) or self.model.note_id(row - 1)

    def _after_change(self, note_id: int, article_id: int | None, message: str) -> None:
        following = self._neighbour(note_id)
        if self.editor.note_id == note_id:
            self.editor.set_note(None)
        self.model.refresh()
        self._reselect(following)
        if following is not None:
            self.editor.set_note(following)
        self.messages.status(message)
        self.bus.publish(Area.NOTES, [article_id])

    def _article_of(self, note_id: int) -> int | None:
        note = self.library.note(note_id)
        return None if note is None else note.article_id

    @Slot()
    def trash_current(self) -> None:
        note_id = self.current_note_id
        if note_id is None or self.scope == "trash":
            return
        self.editor.flush()
        article_id = self._article_of(note_id)
        self.library.trash_note(note_id)
        self._after_change(
            note_id,
            article_id,
            self.tr("Moved the note to the trash (Trash lists it to restore)."),
        )

    @Slot()
    def restore_current(self) -> None:
        note_id = self.current_note_id
        if note_id is None or self.scope != "trash":
            return
        article_id = self._article_of(note_id)
        self.library.restore_note(note_id)
        self._after_change(note_id, article_id, self.tr("Restored the note from the trash."))

    @Slot()
    def purge_current(self) -> None:
        note_id = self.current_note_id
        if note_id is None or self.scope != "trash":
            return
        if not self.confirm(self, self.tr("Delete this note and its history for good?")):
            return
        article_id = self._article_of(note_id)
        self.library.purge_note(note_id)
        self._after_change(note_id, article_id, self.tr("Deleted the note for good."))

    @Slot()
    def show_history(self) -> HistoryDialog | None:
        note_id = self.current_note_id or self.editor.note_id
        if note_id is None:
            return None
        self.editor.flush()
        dialog = HistoryDialog(self.library, note_id, self.theme, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.on_history_restored)
        self.history = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def on_history_restored(self, note_id: int) -> None:
        if self.editor.note_id == note_id:
            self.editor.reload()
        self.model.refresh_note(note_id)
        self.messages.status(self.tr("Restored an earlier version (saved as the newest)."))
        self.bus.publish(Area.NOTES, [self._article_of(note_id)], note_ids=[note_id])

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(PANE_STYLE.safe_substitute(theme.as_dict()))
        self.delegate.set_theme(theme)
        self.editor.set_theme(theme)
        self._fit_filter()
        self.list.viewport().update()


def ask_to_confirm(parent: QWidget, question: str) -> bool:
    """A modal yes/no question (tests pass their own answer instead)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("NotesPane", "Delete Forever"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
