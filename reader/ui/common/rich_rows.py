"""Rows drawn as wrapped rich text: the one item painter the lists and the comparison share.

The library's search results, the notes list and the comparison grid draw each row (or cell)
as a ``QTextDocument`` laid out to the width of its column, so long titles and sentences
wrap instead of being cut, with room on the left for a slim coloured bar. A
:class:`RichRowDelegate` does the common part: it sizes a row to its document, draws the
item's background as the style does, asks the subclass for marks under the text (a bar, an
outline), draws the text and a rule below. A subclass says what the row says
(:meth:`RichRowDelegate.row_html`) and may change its paddings, the bar's width, its
marks (:meth:`~RichRowDelegate.paint_marks`) and its rule (:meth:`~RichRowDelegate.paint_rule`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.common.roles import Index

MIN_TEXT_WIDTH = 40


def rich_document(markup: str, font: QFont, width: float) -> QTextDocument:
    """``markup`` laid out in ``font`` to ``width`` pixels (at least a few words wide)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setHtml(markup)
    doc.setTextWidth(max(width, MIN_TEXT_WIDTH))
    return doc


def text_colours(option: QStyleOptionViewItem) -> tuple[str, str]:
    """The ``(text, muted)`` colours of a row: highlighted text when it is selected."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    pal: QPalette = option.palette
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return pal.color(role).name(), pal.color(QPalette.ColorRole.PlaceholderText).name()


def draw_bar(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A slim rounded bar filling ``rect`` (already antialiased by the painter's hint)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 1.5, 1.5)


class RichRowDelegate(QStyledItemDelegate):
    """A row of wrapped rich text with room for a bar on the left; see the module doc."""

    PAD_X = 14  # left and right of the text
    PAD_Y = 10  # above and below it
    BAR = 0  # the width kept for a bar on the left of the text
    EXTRA_HEIGHT = 0  # added below the text (room for an outline)

    #: A subclass defines ``row_html(option, index, width) -> str``: the rich text of the row
    #: at ``index``, to be laid out ``width`` pixels wide (Qt's metaclass rules out ``abc``).
    row_html: Callable[[QStyleOptionViewItem, Index, float], str]

    def document(self, option: QStyleOptionViewItem, index: Index, width: float) -> QTextDocument:
        """The row's text laid out ``width`` pixels wide."""
        return rich_document(self.row_html(option, index, width), option.font, width)

    def text_width(self, option: QStyleOptionViewItem, index: Index) -> float:
        """How wide the text of a row may be: the view's width less the paddings and bar."""
        widget = option.widget
        if widget is not None and hasattr(widget, "viewport"):
            return widget.viewport().width() - 2 * self.PAD_X - self.BAR
        return option.rect.width() - 2 * self.PAD_X - self.BAR

    def styled(self, option: QStyleOptionViewItem, index: Index) -> QStyleOptionViewItem:
        """``option`` filled in for ``index``, as the style would draw it."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return opt

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = self.styled(option, index)
        doc = self.document(opt, index, self.text_width(opt, index))
        height = int(doc.size().height()) + 2 * self.PAD_Y + self.EXTRA_HEIGHT
        return QSize(int(doc.idealWidth()) + 2 * self.PAD_X, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = self.styled(option, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        rect = opt.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_marks(painter, opt, index)
        painter.restore()
        doc = self.document(opt, index, rect.width() - 2 * self.PAD_X - self.BAR)
        painter.save()
        painter.translate(QPointF(rect.left() + self.PAD_X + self.BAR, rect.top() + self.PAD_Y))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        self.paint_rule(painter, opt, index)
        painter.restore()

    def bar_rect(self, option: QStyleOptionViewItem, left: float) -> QRectF:
        """Where a bar goes in a row: ``left`` pixels in, between the paddings."""
        rect = option.rect
        return QRectF(
            rect.left() + left, rect.top() + self.PAD_Y, self.BAR, rect.height() - 2 * self.PAD_Y
        )

    def paint_marks(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw what goes under the text (a bar, an outline); nothing by default."""

    def paint_rule(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the line under a row: a hairline within the paddings, by default."""
        rect = option.rect
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            rect.left() + self.PAD_X, rect.bottom(), rect.right() - self.PAD_X, rect.bottom()
        )
