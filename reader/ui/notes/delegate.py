"""Draws one row of the notes list: a colour bar, the quote or first line, the note, a meta line.

A highlight shows its quoted passage in italics; a note on a passage shows the quote and
the note's first line below it; a free-standing note shows its first line in bold. The
small meta line names the article and when the note was last changed, and warns when the
passage can no longer be found. A note's lines are shown as plain text, without their
Markdown marks (:func:`~reader.ui.notes.models.first_line`). Everything is escaped; rows
are drawn by the shared :class:`~reader.ui.common.rich_rows.RichRowDelegate`, so they wrap to
the width of the list. A private note says so in its meta line, and a small padlock sits
at the row's top right.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.library.statuses import AnchorStatus
from reader.ui.common.colours import WARNING, note_colour
from reader.ui.common.rich_rows import RichRowDelegate, draw_bar, text_colours
from reader.ui.common.roles import Index
from reader.ui.common.text import elide
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.notes.models import (
    ANCHOR_ROLE,
    ARTICLE_TITLE_ROLE,
    BODY_ROLE,
    COLOUR_ROLE,
    PRIVATE_ROLE,
    QUOTE_ROLE,
    UPDATED_ROLE,
    first_line,
)
from reader.ui.notes.style import lock_icon, quoted

QUOTE_CHARS = 170
LOCK = 12


def _clip(text: str, limit: int) -> str:
    return elide(" ".join(text.split()), limit)


def row_html(index: Index, text: str, muted: str) -> str:
    """The rich text of one row, from the model's roles."""
    quote = str(index.data(QUOTE_ROLE) or "")
    body = str(index.data(BODY_ROLE) or "")
    line = first_line(body, 140)
    parts = []
    if quote:
        parts.append(
            f'<p style="font-style:italic; color:{text}; margin:0">'
            f"{quoted(html.escape(_clip(quote, QUOTE_CHARS)))}</p>"
        )
        if line:
            parts.append(f'<p style="color:{text}; margin-top:4px">{html.escape(line)}</p>')
    else:
        empty = QCoreApplication.translate("NoteItemDelegate", "Empty note")
        parts.append(
            f'<p style="font-weight:600; color:{text}; margin:0">{html.escape(line or empty)}</p>'
        )
        rest = first_line(body.split("\n", 1)[1], 140) if "\n" in body.strip() else ""
        if rest:
            parts.append(f'<p style="color:{muted}; margin-top:3px">{html.escape(rest)}</p>')
    meta = [html.escape(_clip(str(index.data(ARTICLE_TITLE_ROLE) or ""), 70))]
    meta.append(html.escape(str(index.data(UPDATED_ROLE) or "")))
    warn = ""
    if index.data(PRIVATE_ROLE):
        private = QCoreApplication.translate("NoteItemDelegate", "Private")
        warn += f"<b>{html.escape(private)}</b> \u00b7 "
    if index.data(ANCHOR_ROLE) == AnchorStatus.UNRESOLVED:
        lost = html.escape(QCoreApplication.translate("NoteItemDelegate", "Passage not found"))
        warn += f'<span style="color:{WARNING}">\u26a0 {lost}</span> \u00b7 '
    line_text = " \u00b7 ".join(m for m in meta if m)
    parts.append(f'<p style="color:{muted}; font-size:small; margin-top:5px">{warn}{line_text}</p>')
    return "".join(parts)


class NoteItemDelegate(RichRowDelegate):
    """Rich, wrapped rows for a :class:`~reader.ui.notes.models.NotesListModel`."""

    PAD_X = 14
    PAD_Y = 9
    BAR = 3
    theme: Theme = LIGHT

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    def row_html(self, option: QStyleOptionViewItem, index: Index, width: float) -> str:
        return row_html(index, *text_colours(option))

    def paint_marks(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(QUOTE_ROLE):
            colour = index.data(COLOUR_ROLE) or None
            bar = QColor(note_colour(self.theme.name, colour, strong=True))
        else:
            bar = QColor(self.theme.rule)
        draw_bar(painter, self.bar_rect(option, 6), bar)
        if index.data(PRIVATE_ROLE):
            rect = option.rect
            place = QRectF(rect.right() - self.PAD_X + 1, rect.top() + self.PAD_Y, LOCK, LOCK)
            lock_icon(self.theme, locked=True).paint(painter, place.toRect())
