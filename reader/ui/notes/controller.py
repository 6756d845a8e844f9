"""Highlights and notes between the reader, the notes pane and the library.

:class:`NoteController` turns the reader's requests into notes (a highlight of the selected
passage in a colour, or a note on it that opens in the editor), keeps the reader's
``notes`` layer in step with the library (only passages found where they are said to be
are drawn, :func:`marks_for`; unresolved ones are listed in the pane with a warning), opens
a note when its highlight is clicked, and goes to a note's passage from the pane or from
search results. Adding a note is one short write on the GUI's own library connection, like
a save, told to the change bus; the controller follows the bus to draw the open article's
notes again whenever they (or the library) changed. The reader is seen only as a
:class:`~reader.ui.common.views.NoteView`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot

from reader.library.statuses import AnchorStatus
from reader.ui.common.errors import error_message
from reader.ui.common.pane_chrome import make_action
from reader.ui.common.views import NoteMark, NoteView
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.controller import PaneController

if TYPE_CHECKING:  # the window builds the pane on first use (the controller holds a stand-in)
    from reader.library.notes import Note
    from reader.ui.notes.pane import NotesPane

NO_SELECTION = QT_TRANSLATE_NOOP("NoteController", "Select a passage of the article first.")
UNRESOLVED = QT_TRANSLATE_NOOP(
    "NoteController", "This note's passage could not be found in the current text."
)
HIGHLIGHT_HINT = QT_TRANSLATE_NOOP("NoteController", "Highlight \u2014 click to add a note")


def marks_for(notes: Sequence[Note], text: str) -> list[NoteMark]:
    """Marks for the anchored notes whose passage is where it says (never a guessed place)."""
    out = []
    for note in notes:
        if note.anchor_status != AnchorStatus.OK or note.start is None or note.end is None:
            continue
        if note.quote is not None and text[note.start : note.end] != note.quote:
            continue  # the text changed and was not re-anchored yet: do not draw it
        body = note.body.strip()
        hint = (
            body.splitlines()[0][:100]
            if body
            else QCoreApplication.translate("NoteController", str(HIGHLIGHT_HINT))
        )
        out.append(NoteMark(note.id, note.start, note.end, note.colour, hint))
    return out


class NoteController(PaneController):
    """Creates highlights and notes from the reader and keeps both views in step.

    Signals:
        note_opened(note_id): a note was shown in the editor (show the notes pane).
    """

    note_opened = Signal(int)
    pane: NotesPane
    reader: NoteView

    def setup(self, pane: NotesPane, reader: NoteView) -> None:
        self.highlight_action = make_action(
            self, self.tr("&Highlight Selection"), self.highlight_selection, "Ctrl+Shift+H"
        )
        self.add_note_action = make_action(
            self,
            self.tr("&Add Note to Selection\u2026"),
            self.add_note_to_selection,
            "Ctrl+Shift+N",
        )
        self.new_note_action = make_action(
            self, self.tr("&New Free-standing Note"), self.new_note, "Ctrl+Alt+N"
        )
        #: The Notes menu, in order.
        self.actions = [self.highlight_action, self.add_note_action, self.new_note_action]
        reader.highlight_requested.connect(self.on_highlight_requested)
        reader.note_requested.connect(self.on_note_requested)
        reader.note_clicked.connect(self.on_note_clicked)
        pane.note_activated.connect(self.go_to_note)

    # -- from the menus ----------------------------------------------------------------
    @Slot()
    def highlight_selection(self) -> bool:
        """Highlight the reader's selection in the default colour."""
        return self._needs_selection(self.reader.highlight_selection())

    @Slot()
    def add_note_to_selection(self) -> bool:
        """Start a note on the reader's selection."""
        return self._needs_selection(self.reader.note_on_selection())

    def _needs_selection(self, done: bool) -> bool:
        if not done:
            self.messages.status(self.tr(str(NO_SELECTION)))
        return done

    @Slot()
    def new_note(self) -> int:
        """A new free-standing note, open in the editor."""
        note_id = self.pane.new_note()
        self.note_opened.emit(note_id)
        return note_id

    # -- from the reader ---------------------------------------------------------------
    @Slot(int)
    def on_article_shown(self, article_id: int) -> None:
        self.pane.set_article(article_id or None)
        self.redraw()

    def _same_passage(self, start: int, end: int) -> int | None:
        article_id = self.reader.article_id
        if article_id is None:
            return None
        for note in self.library.notes(article_id=article_id):
            if (note.start, note.end, note.anchor_status) == (start, end, AnchorStatus.OK):
                return note.id
        return None

    def _add(self, start: int, end: int, colour: str | None) -> int | None:
        article_id = self.reader.article_id
        if article_id is None:
            return None
        try:
            return self.library.add_note(article_id, "", start=start, end=end, colour=colour)
        except ValueError as exc:  # an InvalidInputError: the passage is not in the text
            message = self.tr("Could not add the note: {reason}")
            self.messages.error(message.format(reason=error_message(exc)))
            return None

    @Slot(int, int, str)
    def on_highlight_requested(self, start: int, end: int, colour: str) -> None:
        existing = self._same_passage(start, end)
        if existing is not None:  # the same passage again: recolour it
            self.library.set_note_colour(existing, colour or None)
            note_id: int | None = existing
        else:
            note_id = self._add(start, end, colour or None)
        if note_id is None:
            return
        self.bus.publish(Area.NOTES, [self.reader.article_id])
        self.pane.show_note(note_id)
        self.messages.status(self.tr("Highlighted. Click the highlight to write a note on it."))

    @Slot(int, int)
    def on_note_requested(self, start: int, end: int) -> None:
        note_id = self._same_passage(start, end)
        if note_id is None:
            note_id = self._add(start, end, None)
            if note_id is None:
                return
            self.bus.publish(Area.NOTES, [self.reader.article_id])
        self.pane.show_note(note_id, focus=True)
        self.note_opened.emit(note_id)

    @Slot(int)
    def on_note_clicked(self, note_id: int) -> None:
        if self.pane.show_note(note_id):
            self.note_opened.emit(note_id)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: draw the open article's notes again when they changed."""
        if change.touches(Area.NOTES | Area.ARTICLES) and change.concerns(self.reader.article_id):
            self.redraw()  # the hover text follows a note's first line, too

    # -- going to a note ---------------------------------------------------------------
    @Slot(int)
    def go_to_note(self, note_id: int, *, select: bool = True) -> bool:
        """Open the note's article at its passage (scrolled to, and selected if ``select``)
        and show the note in the editor."""
        note = self.library.note(note_id)
        if note is None:
            return False
        if note.article_id is not None and self.reader.show_article(note.article_id):
            if note.anchor_status == AnchorStatus.UNRESOLVED:
                self.messages.status(self.tr(str(UNRESOLVED)))
            elif note.start is not None and note.end is not None:
                self.reader.reveal_passage(note.start, note.end, select=select)
        self.pane.show_note(note_id)
        self.note_opened.emit(note_id)
        return True

    @Slot()
    def redraw(self) -> None:
        """Draw the open article's highlights and anchored notes from the library."""
        article = self.reader.article
        if article is None:
            self.reader.set_note_marks([])
            return
        notes = self.library.notes(article_id=article.id)
        self.reader.set_note_marks(marks_for(notes, article.text))
