"""The note editor: Markdown text on one side of a splitter, its sanitised preview on the other.

It shows one note at a time: what it is attached to (the quoted passage, with a link back
to it, or a warning when the passage can no longer be found), colour swatches for an
anchored note, a Private toggle (a private note or highlight stays out of every export
unless the export is asked to include private notes), a ``QPlainTextEdit`` for the
Markdown and a :class:`~reader.ui.notes.markdown_view.MarkdownView` preview. The preview
follows the typing: it is rendered :data:`PREVIEW_DELAY_MS` after the last keystroke (a
keystroke only restarts a timer; for a long note, whose rendering takes longer, the pause
waited for grows to twice the last render's time), not again for the same text, and not
at all while it is hidden. The split between
text and preview is the user's to drag: side by side when the editor is wide, one above the
other when it is narrow, each arrangement's sizes remembered in the settings under
:data:`SPLIT_KEY`. Nothing typed is ever lost: the
body is saved :data:`AUTOSAVE_DELAY_MS` after the last keystroke (a single-shot timer
restarted on every change), and at once on focus-out, when another note is shown and when
:meth:`NoteEditor.flush` is called (the window does so on close). A save is one short
write on the GUI's own library connection, which keeps a revision, and is told to the change
bus (the list re-reads the row, the reader the highlight's hover text); if the library cannot
take it (busy, being restored, read-only) the status bar says so through the message service
and it is retried a second later. A quiet label says "Saved" or "Editing…".
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import notes as library_notes
from reader.library.errors import NotFoundError
from reader.library.notes import COLOURS, Note
from reader.library.statuses import AnchorStatus
from reader.ui.common.colours import COLOUR_LABELS, DEFAULT_COLOUR, note_colour
from reader.ui.common.errors import FILE_ERRORS, error_message
from reader.ui.common.pane_chrome import tool_button, with_placeholder
from reader.ui.common.text import elide
from reader.ui.common.theme import LIGHT, Theme, ui_family
from reader.ui.notes.elided_label import ElidedLabel
from reader.ui.notes.markdown_view import MarkdownView
from reader.ui.notes.split_memory import SplitMemory
from reader.ui.notes.style import lock_icon, quoted
from reader.ui.tasks.bus import Area
from reader.ui.tasks.context import UiContext

AUTOSAVE_DELAY_MS = 800  # a save at most this long after the last keystroke (< 1 s)
PREVIEW_DELAY_MS = 300  # the preview follows this long after the last keystroke
#: A long note takes a while to render: the pause waited for is at least twice the last
#: render's time (up to this), so typing is never held up by the preview.
MAX_PREVIEW_DELAY_MS = 1500
RETRY_MS = 1000
QUOTE_CHARS = 220
TITLE_CHARS = 48
EDITOR_PAGE, EMPTY_PAGE = 0, 1
#: Narrower than this, the preview goes under the text instead of beside it.
SIDE_BY_SIDE_MIN = 560
#: Where the split's sizes are remembered (``/horizontal`` or ``/vertical`` is added).
SPLIT_KEY = "notes/editor_split"
CONTEXT = "NoteEditor"
NO_NOTE = QT_TRANSLATE_NOOP(
    "NoteEditor",
    "Select a note to read or edit it.\n\nTo add one, select text in the article and press "
    "Ctrl+Shift+N (or Ctrl+Shift+H for a highlight), or use New Note.",
)
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "NoteEditor",
    "Write in Markdown: **bold**, *italic*, - lists, > quotes, [links](https://\u2026)",
)
STATES = {
    "saved": QT_TRANSLATE_NOOP("NoteEditor", "Saved"),
    "editing": QT_TRANSLATE_NOOP("NoteEditor", "Editing\u2026"),
    "retry": QT_TRANSLATE_NOOP("NoteEditor", "Not saved yet \u2014 retrying"),
    "trash": QT_TRANSLATE_NOOP("NoteEditor", "In the trash"),
}


def translated(text: object) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP("NoteEditor", ...)``) in the window's
    language."""
    return QCoreApplication.translate(CONTEXT, str(text))


class NoteEditor(QWidget):
    """Edits one note's Markdown with a preview, saving as you type.

    Signals:
        passage_requested(note_id): the user asked to see the note's passage.
    """

    passage_requested = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.library = ctx.library
        self.bus, self.messages = ctx.bus, ctx.messages
        self.note: Note | None = None
        self.dirty = False
        self.state = ""
        self.theme: Theme = LIGHT
        self._loading = False

        # a long title must never widen the dock: it is shortened, with an ellipsis
        self.context_label = ElidedLabel(self)
        self.context_label.setObjectName("noteContext")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("noteState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.preview_button = tool_button(
            self,
            self.tr("Preview"),
            self.tr("Show the rendered note beside the Markdown"),
            name="previewToggle",
            checked=True,
        )
        self.private_button = tool_button(
            self,
            self.tr("Private"),
            self.tr(
                "Private: every export leaves this note out unless it is asked to "
                "include private notes"
            ),
            name="privateToggle",
            checked=False,
        )
        self.private_button.setAccessibleName(self.tr("Private note"))
        self.private_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.private_button.setIcon(lock_icon(LIGHT, locked=False))
        self.quote_label = QLabel(self)
        self.quote_label.setObjectName("noteQuote")
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.RichText)
        self.quote_label.linkActivated.connect(self.on_quote_link_activated)
        self.colour_buttons = QButtonGroup(self)
        self.colour_buttons.setExclusive(True)
        self.colour_row = QWidget(self)
        self._build_colour_row()

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noteText")
        self.text_edit.setAccessibleName(self.tr("Note text"))
        self.text_edit.setPlaceholderText(translated(PLACEHOLDER))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.installEventFilter(self)
        self.preview = MarkdownView(self)
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.preview.placeholder = self.tr("The preview of your note appears here.")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("noteSplitter")
        self.splitter.setHandleWidth(1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.text_edit)
        self.splitter.addWidget(self.preview)

        self.stack, self.empty_label = with_placeholder(
            self, self._editor_page(), "noteEmpty", translated(NO_NOTE)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(delay_ms)
        self.save_timer.timeout.connect(self.flush)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.text_edit.textChanged.connect(self.on_text_changed)
        self.preview_button.toggled.connect(self.on_preview_toggled)
        # ``toggled`` follows the user's click only: showing a note sets the state quietly
        self.private_button.clicked.connect(self.on_private_clicked)
        self.splitter.setSizes([1, 1])
        self.split_memory = SplitMemory(self.splitter, ctx.preferences.settings, self._split_key)
        self.set_theme(LIGHT)
        self._show(None)

    def _build_colour_row(self) -> None:
        row = QHBoxLayout(self.colour_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for colour in COLOURS:
            button = QToolButton(self.colour_row)
            button.setObjectName(f"colour_{colour}")
            button.setCheckable(True)
            button.setFixedSize(16, 16)
            label = self.tr("{colour} highlight").format(colour=COLOUR_LABELS[colour])
            button.setToolTip(label)
            button.setAccessibleName(label)
            button.clicked.connect(lambda _c=False, c=colour: self.set_colour(c))
            self.colour_buttons.addButton(button)
            row.addWidget(button)
        row.addStretch(1)

    def _editor_page(self) -> QWidget:
        page = QWidget(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.context_label, 1)
        top.addWidget(self.state_label)
        top.addWidget(self.private_button)
        top.addWidget(self.preview_button)
        header = QVBoxLayout()
        header.setContentsMargins(12, 8, 10, 8)
        header.setSpacing(6)
        header.addLayout(top)
        header.addWidget(self.quote_label)
        header.addWidget(self.colour_row)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        return page

    # -- which note --------------------------------------------------------------------
    @property
    def note_id(self) -> int | None:
        return None if self.note is None else self.note.id

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    def set_note(self, note_id: int | None, *, focus: bool = False) -> None:
        """Show ``note_id`` (None: nothing), saving the note shown before."""
        if note_id is not None and note_id == self.note_id:
            if not self.dirty:
                self.reload()
        else:
            self.flush()
            self._show(self.library.note(note_id) if note_id is not None else None)
        if focus and self.note is not None and not self.text_edit.isReadOnly():
            self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    def reload(self) -> None:
        """Read the note again from the library, dropping unsaved typing (after a restore)."""
        self.save_timer.stop()
        self.dirty = False
        self._show(self.library.note(self.note_id) if self.note_id is not None else None)

    def _show(self, note: Note | None) -> None:
        self.note = note
        self.dirty = False
        self.save_timer.stop()
        self._loading = True
        try:
            self.text_edit.setPlainText(note.body if note is not None else "")
        finally:
            self._loading = False
        if note is None:
            self.stack.setCurrentIndex(EMPTY_PAGE)
            self._set_state("")
            return
        self.stack.setCurrentIndex(EDITOR_PAGE)
        trashed = note.deleted is not None
        self.text_edit.setReadOnly(trashed)
        self._show_header(note)
        self._set_state("trash" if trashed else "saved")
        self.preview_timer.stop()
        self.update_preview()

    def _show_header(self, note: Note) -> None:
        if note.article_id is None:
            context = self.tr("Free-standing note")
        else:
            title = elide(
                self.library.title_of(note.article_id) or self.tr("an article"), TITLE_CHARS
            )
            if note.quote is None:
                context = self.tr("Note on \u201c{title}\u201d").format(title=title)
            else:
                context = self.tr("Passage in \u201c{title}\u201d").format(title=title)
        self.context_label.setText(context)
        self._show_private(note)
        self.context_label.setToolTip(self.library.title_of(note.article_id or 0) or context)
        self.quote_label.setVisible(note.quote is not None)
        self.colour_row.setVisible(note.quote is not None and note.deleted is None)
        if note.quote is not None:
            bar = note_colour(self.theme.name, note.colour, strong=True)
            self.quote_label.setStyleSheet(
                f"QLabel {{ border-width: 0 0 0 3px; border-style: solid; border-color: {bar}; }}"
            )
            quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[:QUOTE_CHARS]
            more = "\u2026" if len(note.quote) > QUOTE_CHARS else ""
            text = quoted(html.escape(quote) + more)
            if note.anchor_status == AnchorStatus.UNRESOLVED:
                lost = self.tr("This passage could not be found in the current text.")
                text += f"<br><b>\u26a0 {html.escape(lost)}</b>"
            else:
                show = html.escape(self.tr("Show in article"))
                text += f' &nbsp;<a href="passage" style="color:{self.theme.accent}">{show}</a>'
            self.quote_label.setText(text)
        for button in self.colour_buttons.buttons():
            button.setChecked(button.objectName() == f"colour_{note.colour or DEFAULT_COLOUR}")

    def _show_private(self, note: Note) -> None:
        """The Private toggle says whether the note is private (and is fixed in the trash)."""
        self.private_button.setChecked(note.private)
        self.private_button.setEnabled(note.deleted is None)
        self.private_button.setIcon(lock_icon(self.theme, locked=note.private))

    def _set_state(self, state: str) -> None:
        if state == self.state:
            return  # typing calls this on every key: nothing to redraw
        self.state = state
        self.state_label.setText(translated(STATES[state]) if state in STATES else "")

    # -- saving ------------------------------------------------------------------------
    @Slot()
    def on_text_changed(self) -> None:
        if self._loading or self.note is None or self.text_edit.isReadOnly():
            return
        self.dirty = True
        self._set_state("editing")
        self.save_timer.start()  # restarted on every change: saves after the last one
        self.preview_timer.start()

    @Slot()
    def flush(self) -> bool:
        """Save now if anything is unsaved; True when nothing is left unsaved."""
        self.save_timer.stop()
        if not self.dirty or self.note is None:
            return True
        note_id, body = self.note.id, self.text
        try:
            self.library.save_note(note_id, body)
        except NotFoundError:  # deleted for good elsewhere: nothing to save into
            self.dirty = False
            self._show(None)
            return True
        except FILE_ERRORS as exc:
            self._set_state("retry")
            self.save_timer.start(RETRY_MS)
            message = self.tr("The note could not be saved yet ({reason}); retrying.")
            self.messages.error(message.format(reason=error_message(exc)))
            return False
        self.dirty = False
        self.note = self.library.note(note_id) or self.note
        self._set_state("saved")
        self._publish()
        return True

    def _publish(self) -> None:
        """Tell the change bus that the shown note was edited in place."""
        if self.note is not None:
            self.bus.publish(Area.NOTES, [self.note.article_id], note_ids=[self.note.id])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.text_edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    # -- colour and preview ------------------------------------------------------------
    def set_colour(self, colour: str | None) -> None:
        """Give the shown highlight another colour."""
        if self.note is None or self.note.quote is None:
            return
        self.library.set_note_colour(self.note.id, colour)
        self.note = self.library.note(self.note.id) or self.note
        self._show_header(self.note)
        self._publish()

    @Slot(bool)
    def on_private_clicked(self, checked: bool) -> None:
        """The user turned the Private toggle: store it, or put the toggle back."""
        note = self.note
        if note is None or note.deleted is not None:
            return
        try:
            library_notes.set_private(self.library, note.id, checked)
        except NotFoundError:
            self._show(None)
            return
        except FILE_ERRORS as exc:
            self._show_private(note)
            message = self.tr("Could not change the note ({reason}).")
            self.messages.error(message.format(reason=error_message(exc)))
            return
        self.note = self.library.note(note.id) or note
        self._show_private(self.note)
        if checked:
            self.messages.status(self.tr("The note is private: exports leave it out unless asked."))
        else:
            self.messages.status(self.tr("The note is no longer private."))
        self._publish()

    @Slot(bool)
    def on_preview_toggled(self, shown: bool) -> None:
        self.preview.setVisible(shown)
        if shown:
            self.update_preview()

    @Slot()
    def update_preview(self) -> None:
        """Render the text in the preview now (the timer calls this after typing stops)."""
        self.preview_timer.stop()
        text = self.text
        if not self.preview_button.isChecked() or (
            text == self.preview.markdown and self.preview.document().characterCount() > 1
        ):
            return
        started = time.perf_counter()
        self.preview.set_markdown(text)
        took = int((time.perf_counter() - started) * 1000)
        self.preview_timer.setInterval(max(PREVIEW_DELAY_MS, min(MAX_PREVIEW_DELAY_MS, 2 * took)))

    # -- the split between text and preview --------------------------------------------
    def _split_key(self) -> str:
        horizontal = self.splitter.orientation() == Qt.Orientation.Horizontal
        return f"{SPLIT_KEY}/{'horizontal' if horizontal else 'vertical'}"

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        wanted = (
            Qt.Orientation.Horizontal
            if event.size().width() >= SIDE_BY_SIDE_MIN
            else Qt.Orientation.Vertical
        )
        if wanted != self.splitter.orientation():
            self.splitter.setOrientation(wanted)
            self.splitter.setSizes([1, 1])  # half and half, unless the user chose
            self.split_memory.restore_later()

    @Slot(str)
    def on_quote_link_activated(self, _link: str) -> None:
        if self.note is not None:
            self.passage_requested.emit(self.note.id)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        family = ui_family()
        font = QFont(family)
        font.setPointSizeF(max(self.font().pointSizeF(), 10.0))
        self.text_edit.setFont(font)
        self.preview.document().setDefaultFont(font)
        self.preview.set_theme(theme, family)
        for button in self.colour_buttons.buttons():
            colour = button.objectName().removeprefix("colour_")
            swatch = note_colour(theme.name, colour, strong=True)
            button.setStyleSheet(
                f"QToolButton {{ background: {swatch}; border: 2px solid {theme.base};"
                " border-radius: 8px; }"
                f"QToolButton:checked {{ border: 2px solid {theme.text}; }}"
            )
        if self.note is not None:
            self._show_header(self.note)
