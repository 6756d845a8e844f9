"""Draws one row of the notes list: a colour bar, the quote or first line, the note, a meta line.

A highlight shows its quoted passage in italics; a note on a passage shows the quote and
the note's first line below it; a free-standing note shows its first line in bold. The
small meta line names the article and when the note was last changed, and warns when the
passage can no longer be found. A note's lines are shown as plain text, without their
Markdown marks (:func:`~reader.ui.notes.models.first_line`). Everything is escaped; layout
goes through a ``QTextDocument`` so rows wrap to the width of the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.library.statuses import AnchorStatus
from reader.ui.common.colours import note_colour
from reader.ui.common.roles import Index
from reader.ui.common.text import elide
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.notes.models import (
    ANCHOR_ROLE,
    ARTICLE_TITLE_ROLE,
    BODY_ROLE,
    COLOUR_ROLE,
    QUOTE_ROLE,
    UPDATED_ROLE,
    first_line,
)

PAD_X = 14
PAD_Y = 9
BAR = 3
QUOTE_CHARS = 170
WARNING = "#b5533c"


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
            f"\u201c{html.escape(_clip(quote, QUOTE_CHARS))}\u201d</p>"
        )
        if line:
            parts.append(f'<p style="color:{text}; margin-top:4px">{html.escape(line)}</p>')
    else:
        parts.append(
            f'<p style="font-weight:600; color:{text}; margin:0">'
            f"{html.escape(line or 'Empty note')}</p>"
        )
        rest = first_line(body.split("\n", 1)[1], 140) if "\n" in body.strip() else ""
        if rest:
            parts.append(f'<p style="color:{muted}; margin-top:3px">{html.escape(rest)}</p>')
    meta = [html.escape(_clip(str(index.data(ARTICLE_TITLE_ROLE) or ""), 70))]
    meta.append(html.escape(str(index.data(UPDATED_ROLE) or "")))
    warn = ""
    if index.data(ANCHOR_ROLE) == AnchorStatus.UNRESOLVED:
        warn = f'<span style="color:{WARNING}">\u26a0 Passage not found</span> \u00b7 '
    line_text = " \u00b7 ".join(m for m in meta if m)
    parts.append(f'<p style="color:{muted}; font-size:small; margin-top:5px">{warn}{line_text}</p>')
    return "".join(parts)


class NoteItemDelegate(QStyledItemDelegate):
    """Rich, wrapped rows for a :class:`~reader.ui.notes.models.NotesListModel`."""

    theme: Theme = LIGHT

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    def _document(self, option: QStyleOptionViewItem, index: Index, width: float) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal: QPalette = option.palette
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(row_html(index, text, muted))
        doc.setTextWidth(max(width, 40))
        return doc

    def _width(self, option: QStyleOptionViewItem) -> float:
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            return widget.viewport().width() - 2 * PAD_X - BAR
        return option.rect.width() - 2 * PAD_X - BAR

    def sizeHint(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: Index
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index, self._width(opt))
        return QSize(int(doc.idealWidth()) + 2 * PAD_X, int(doc.size().height()) + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        rect = opt.rect
        painter.save()
        if index.data(QUOTE_ROLE):
            colour = index.data(COLOUR_ROLE) or None
            bar = QColor(note_colour(self.theme.name, colour, strong=True))
        else:
            bar = QColor(self.theme.rule)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar)
        painter.drawRoundedRect(
            QRectF(rect.left() + 6, rect.top() + PAD_Y, BAR, rect.height() - 2 * PAD_Y), 1.5, 1.5
        )
        painter.restore()
        doc = self._document(opt, index, rect.width() - 2 * PAD_X - BAR)
        painter.save()
        painter.translate(QPointF(rect.left() + PAD_X + BAR, rect.top() + PAD_Y))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())
        painter.restore()
