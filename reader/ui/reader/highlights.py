"""Highlights and anchored notes drawn in the reader, and a click on one to open its note.

:class:`NoteHighlights` keeps the ``notes`` layer of an
:class:`~reader.ui.common.safe_browser.ArticleBrowser`: each
:class:`~reader.ui.common.views.NoteMark` (a note's id, text offsets and colour) becomes a
soft background over the document range the :class:`~reader.ui.reader.text_map.TextMap`
maps it to. The map is the one the entity highlights
build for every rendering, so both always agree. A plain click on a highlight (no drag, no
selection) reports the note; hovering shows the note's first line. The colours come per
theme from :func:`~reader.ui.common.colours.note_colour`. The click and the hover are heard by a
filter on the browser's viewport, reached through :func:`~reader.ui.common.pane_chrome.viewport_of`
so that the first window, which builds this before its first paint, does not wait for PySide
to search every widget class for the viewport's type.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtGui  # QtGui.QTextCharFormat: its type is made when first drawn
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QTextEdit, QToolTip

from reader.ui.common.colours import note_colour
from reader.ui.common.pane_chrome import viewport_of
from reader.ui.common.safe_browser import ArticleBrowser
from reader.ui.common.theme import Theme
from reader.ui.common.views import NoteMark
from reader.ui.reader.text_map import MentionHighlights, span_selections


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start..end`` without white space at either end (None when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


class NoteHighlights(QObject):
    """The ``notes`` layer of a browser, sharing the text map of its entity highlights.

    Signals:
        note_clicked(note_id): a highlight was clicked.
    """

    note_clicked = Signal(int)

    def __init__(self, browser: ArticleBrowser, mentions: MentionHighlights) -> None:
        super().__init__(browser)
        self.browser = browser
        self.mentions = mentions
        self.marks: list[NoteMark] = []
        self.theme_name = "light"
        self._press: QPoint | None = None
        viewport_of(browser).installEventFilter(self)

    def set_marks(self, marks: Iterable[NoteMark]) -> None:
        """Draw these notes (replacing the ones drawn before)."""
        self.marks = sorted(marks, key=lambda m: (m.start, -m.end, m.note_id))
        self.apply()

    def clear(self) -> None:
        self.marks = []
        self.apply()

    def rebuild(self, theme: Theme) -> None:
        """After the page was rendered again (the entity map was rebuilt): draw anew."""
        self.theme_name = theme.name
        self.apply()

    def apply(self) -> None:
        text_map = self.mentions.text_map
        selections: list[QTextEdit.ExtraSelection] = []
        if text_map is not None:
            document = self.browser.document()
            for mark in self.marks:
                fmt = QtGui.QTextCharFormat()
                fmt.setBackground(QColor(note_colour(self.theme_name, mark.colour)))
                selections += span_selections(document, text_map, [(mark.start, mark.end)], fmt)
        self.browser.set_layer("notes", selections)

    # -- hit testing -------------------------------------------------------------------
    def note_at(self, offset: int) -> NoteMark | None:
        """The innermost (shortest) note covering text ``offset``."""
        covering = [m for m in self.marks if m.start <= offset < m.end]
        return min(covering, key=lambda m: m.end - m.start) if covering else None

    def mark_at(self, point: QPoint) -> NoteMark | None:
        """The note drawn under ``point`` (viewport coordinates)."""
        text_map = self.mentions.text_map
        if text_map is None or not self.marks:
            return None
        cursor = self.browser.cursorForPosition(point)
        rect = self.browser.cursorRect(cursor)
        position = cursor.position()
        # the cursor sits between characters: take the one on the side of the point
        if point.x() < rect.left() and position > 0:
            position -= 1
        for candidate in (position, position - 1):
            offset = text_map.to_text(candidate) if candidate >= 0 else None
            if offset is not None:
                mark = self.note_at(offset)
                if mark is not None:
                    return mark
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            if kind == QEvent.Type.MouseButtonPress:
                self._press = point
            elif kind == QEvent.Type.MouseButtonRelease:
                pressed, self._press = self._press, None
                moved = pressed is None or (pressed - point).manhattanLength() > 4
                if not moved and not self.browser.textCursor().hasSelection():
                    mark = self.mark_at(point)
                    if mark is not None:
                        self.note_clicked.emit(mark.note_id)
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(event.pos())
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.hint or self.tr("Click to open the note"))
                return True
        return False
