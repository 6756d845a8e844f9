"""The notes pane, built the first time it is shown or needed rather than when the window starts.

The first window shows the Notes tab behind Entities, never the pane itself; building it (the
list, the editor, the Markdown preview and their stylesheet) is a good part of a start-up.
So the Notes dock starts with a :class:`NotesPlaceholder` (never seen, but as wide as the
pane, so the docks are laid out as with it), its tab and the View and Notes menus as they
always are, and an :class:`OnDemandNotes` stands in for the
:class:`~reader.ui.notes.pane.NotesPane` where the rest of the window holds it: the note
controller, the change bus, the window's flush and theme. It builds the pane (through the
builder :func:`reader.app.build_main_window` gives it) into the dock on first use: the dock
shown or brought to the front of its tabs, the ``notes`` view, a note opened (from the
reader, the library, the Notes menu), or anyone asking the window for ``notes_pane``. Until
then it keeps what the pane would have to know (the open article) and there is nothing to
save, nothing to restyle, nothing to list again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.ui.common.pane_chrome import choice_combo, filter_edit, lay_out_pane, placeholder_width
from reader.ui.common.theme import Theme
from reader.ui.notes.style import PANE_STYLE, SCOPE_LABELS, SORT_LABELS, translated
from reader.ui.tasks.bus import Change

if TYPE_CHECKING:
    from reader.ui.notes.pane import NotesPane

#: Builds the notes pane over the window's context.
NotesBuilder = Callable[[], "NotesPane"]


class NotesPlaceholder(QWidget):
    """What the Notes dock holds until the pane is built. It is never seen (the dock is
    behind Entities until the pane is built), but it is as wide at least as the pane will be:
    the row of controls over the list, the same widgets in the same style, so the docks are
    laid out as they are with the pane, and do not move when it comes."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPane")
        edit = filter_edit(self, "notesFilter", translated("Filter notes"))
        scopes = {key: translated(label) for key, label in SCOPE_LABELS.items()}
        sorts = {key: translated(label) for key, label in SORT_LABELS.items()}
        scope = choice_combo(self, "notesScope", scopes, "")
        sort = choice_combo(self, "notesSort", sorts, "")
        lay_out_pane(self, [(edit, 1), (scope, 0), (sort, 0)], 6, QWidget(self))
        self.setStyleSheet(PANE_STYLE.safe_substitute(theme.as_dict()))
        edit.setMinimumWidth(placeholder_width(edit))


class OnDemandNotes(QObject):
    """The notes pane as the window's parts see it, built into ``dock`` on first use.

    Signals:
        note_activated(note_id): the pane's own (the user asked for a note's passage).
        built(): the pane exists now (once).
    """

    note_activated = Signal(int)
    built = Signal()

    def __init__(self, dock: QDockWidget, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.builder: NotesBuilder | None = None
        self.pane: NotesPane | None = None
        self.theme = theme  # the window's, given to the pane once built
        self._article_id: int | None = None  # the reader's, until there is a pane to tell
        dock.setWidget(NotesPlaceholder(theme))
        dock.visibilityChanged.connect(self.on_visibility_changed)

    @property
    def is_built(self) -> bool:
        return self.pane is not None

    def ensure(self) -> NotesPane:
        """The pane, built now if it was not yet."""
        if self.pane is None:
            if self.builder is None:
                raise RuntimeError("the window was given no way to build the notes pane")
            pane = self.builder()
            if pane.theme.name != self.theme.name:
                pane.set_theme(self.theme)
            if self._article_id is not None:
                pane.set_article(self._article_id)
            pane.note_activated.connect(self.note_activated)
            self.pane = pane
            placeholder = self.dock.widget()
            self.dock.setWidget(pane)
            if placeholder is not None:
                placeholder.deleteLater()
            self.built.emit()
        return self.pane

    @Slot(bool)
    def on_visibility_changed(self, visible: bool) -> None:
        """The dock came to the front (build the pane) or went away."""
        if visible and self.builder is not None:
            self.ensure()

    # -- what the window's parts ask of the pane -------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        """The reader opened another article (kept for the pane until it is built)."""
        self._article_id = article_id
        if self.pane is not None:
            self.pane.set_article(article_id)

    def show_note(self, note_id: int, *, focus: bool = False) -> bool:
        """Select and edit ``note_id`` in the pane (building it)."""
        return self.ensure().show_note(note_id, focus=focus)

    def new_note(self, article_id: int | None = None) -> int:
        """A new note, open in the pane's editor (building it)."""
        return self.ensure().new_note(article_id)

    def flush(self) -> bool:
        """Save what the editor holds; True when nothing is left unsaved (nothing is, before
        the pane exists)."""
        return self.pane.flush() if self.pane is not None else True

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: the pane follows it once built (it lists afresh when built)."""
        if self.pane is not None:
            self.pane.on_changed(change)

    def set_theme(self, theme: Theme) -> None:
        """The window's theme, for the pane now or once built."""
        self.theme = theme
        if self.pane is not None:
            self.pane.set_theme(theme)
