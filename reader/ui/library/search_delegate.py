"""Draws one search result: the title, a source and date line, and the snippet.

The snippet's matches (bracketed by the library's private-use markers) are drawn in bold;
everything else is escaped. Layout goes through a ``QTextDocument`` so long titles and
snippets wrap to the width of the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.library.records import MATCH_END, MATCH_START
from reader.ui.library.models import META_ROLE, SNIPPET_ROLE

PAD_X = 14
PAD_Y = 10


def snippet_html(snippet: str, match_colour: str | None = None) -> str:
    """The snippet escaped, with matched terms in bold (and ``match_colour`` if given)."""
    escaped = html.escape(snippet.replace("\n", " "))
    start = f'<b style="color:{match_colour}">' if match_colour else "<b>"
    return escaped.replace(MATCH_START, start).replace(MATCH_END, "</b>")


class SearchHitDelegate(QStyledItemDelegate):
    """Two-level rich text for the rows of a :class:`SearchResultsModel`."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: float
    ) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal: QPalette = option.palette
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        muted = text if selected else pal.color(QPalette.ColorRole.PlaceholderText).name()
        title = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        meta = html.escape(str(index.data(META_ROLE) or ""))
        snippet = snippet_html(str(index.data(SNIPPET_ROLE) or ""), text)
        small = max(option.font.pointSizeF() - 1, 7)
        parts = [f'<p style="font-weight:600; color:{text}; margin:0">{title}</p>']
        if meta:
            parts.append(
                f'<p style="color:{muted}; font-size:{small:.1f}pt; margin-top:2px">{meta}</p>'
            )
        if snippet:
            parts.append(f'<p style="color:{muted}; margin-top:4px">{snippet}</p>')
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml("".join(parts))
        doc.setTextWidth(max(width, 40))
        return doc

    def _width(self, option: QStyleOptionViewItem) -> float:
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            return widget.viewport().width() - 2 * PAD_X
        return option.rect.width() - 2 * PAD_X

    def sizeHint(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index, self._width(opt))
        return QSize(int(doc.idealWidth()) + 2 * PAD_X, int(doc.size().height()) + 2 * PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index, opt.rect.width() - 2 * PAD_X)
        painter.save()
        painter.translate(QPointF(opt.rect.left() + PAD_X, opt.rect.top() + PAD_Y))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, opt.rect.width(), opt.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
        bottom = opt.rect.bottom()
        painter.drawLine(opt.rect.left() + PAD_X, bottom, opt.rect.right() - PAD_X, bottom)
        painter.restore()
