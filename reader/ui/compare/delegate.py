"""Draws the cells of the comparison grid: dimension labels and wrapped evidence sentences.

A dimension's label is bold, with a warm "only in …" tag when just one case has evidence
for it. A case cell in a dimension's row starts with how much evidence there is; every
evidence cell shows the whole sentence (wrapped, never cut), the article's title below it,
and a slim bar on the left in the colour of its status (suggested, accepted, rejected).
The closest counterpart of the selected sentence, on the other side, gets an outline.
Cells are drawn by the shared :class:`~reader.ui.common.rich_rows.RichRowDelegate`, laid out
to the width of their column, so rows grow to fit.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from reader.library.statuses import CodingMethod, CodingStatus
from reader.ui.common.rich_rows import RichRowDelegate, draw_bar
from reader.ui.common.roles import Index
from reader.ui.common.theme import LIGHT, SERIF_FAMILIES, Theme, first_family
from reader.ui.compare.models import (
    ARTICLE_COUNT_ROLE,
    CASE_LABEL_ROLE,
    COUNT_ROLE,
    DIMENSION_ID_ROLE,
    EVIDENCE_INDEX_ROLE,
    KIND_ROLE,
    METHOD_ROLE,
    ONLY_ROLE,
    SIDE_ROLE,
    STATUS_ROLE,
    TITLE_ROLE,
)

#: theme name -> role -> colour
ACCENTS: dict[str, dict[str, str]] = {
    "light": {
        "accepted": "#5b9552",
        "rejected": "#c0705f",
        "only_bg": "#f6e2c0",
        "only_fg": "#85520f",
        "count": "#2d5c99",
    },
    "dark": {
        "accepted": "#79b367",
        "rejected": "#c98575",
        "only_bg": "#4b3a1b",
        "only_fg": "#ebbd70",
        "count": "#8fb3e6",
    },
}


def accents(theme: Theme) -> dict[str, str]:
    return ACCENTS.get(theme.name, ACCENTS["light"])


def _status_note(status: str, method: str) -> str:
    """The word under a reviewed passage, in the window's language."""
    if status == CodingStatus.REJECTED:
        return _tr("rejected")
    if method == CodingMethod.MANUAL:
        return _tr("\u270e coded by hand")
    if status == CodingStatus.ACCEPTED:
        return _tr("\u2713 accepted")
    return ""


@dataclass(frozen=True, slots=True)
class CellStyle:
    """How to write a cell: colours, the sentence font, the small size, how to fit a title."""

    theme: Theme
    text: str
    muted: str
    serif: str
    small_pt: float
    fit_title: Callable[[str], str] = str
    expanded: bool | None = None  # None: the dimension has nothing more to show


def cell_html(index: Index, style: CellStyle) -> str:
    """The rich text of one cell, from the model's roles."""
    if index.column() == 0:
        return _dimension_html(index, style) if index.data(KIND_ROLE) == "dimension" else ""
    colours = accents(style.theme)
    small = f"font-size:{style.small_pt:.1f}pt"
    parts: list[str] = []
    count = index.data(COUNT_ROLE)
    if count is not None:  # the dimension's own row: say how much there is
        parts.append(_count_line(index, int(count), style))
    if index.data(KIND_ROLE) == "evidence":
        status = str(index.data(STATUS_ROLE) or "")
        sentence = html.escape(" ".join(str(index.data() or "").split()))
        look = f"color:{style.text}"
        if status == CodingStatus.REJECTED:
            look = f"color:{style.muted}; text-decoration:line-through"
        margin = "margin-bottom:0; margin-top:4px" if parts else "margin:0"
        parts.append(f"<p style=\"{look}; {margin}; font-family:'{style.serif}'\">{sentence}</p>")
        note = _status_note(status, str(index.data(METHOD_ROLE) or ""))
        meta = html.escape(style.fit_title(str(index.data(TITLE_ROLE) or "")))
        if note:
            colour = colours["rejected"] if status == CodingStatus.REJECTED else colours["accepted"]
            meta += f' \u00b7 <span style="color:{colour}">{note}</span>'
        parts.append(
            f'<p style="color:{style.muted}; {small}; margin-bottom:0; margin-top:3px">{meta}</p>'
        )
    return "".join(parts)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceDelegate", text)


def _only_tag(case: str, style: CellStyle) -> str:
    colours = accents(style.theme)
    return (
        f'<span style="background-color:{colours["only_bg"]}; color:{colours["only_fg"]}">'
        f"&nbsp;{_tr('only in {0}').format(html.escape(case))}&nbsp;</span>"
    )


def _dimension_html(index: Index, style: CellStyle) -> str:
    label = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
    out = f'<p style="font-weight:600; color:{style.text}; margin:0">{label}</p>'
    small = f"font-size:{style.small_pt:.1f}pt"
    if index.data(ONLY_ROLE):
        case = str(index.data(CASE_LABEL_ROLE) or "")
        out += f'<p style="margin-bottom:0; margin-top:6px; {small}">{_only_tag(case, style)}</p>'
    if style.expanded is not None:
        more = _tr("Show fewer \u25b4") if style.expanded else _tr("Show all \u25be")
        colour = style.theme.accent
        out += f'<p style="margin-bottom:0; margin-top:6px; {small}; color:{colour}">{more}</p>'
    return out


def _count_line(index: Index, count: int, style: CellStyle) -> str:
    side, only = index.data(SIDE_ROLE), index.data(ONLY_ROLE)
    case = str(index.data(CASE_LABEL_ROLE) or "")
    small = f"font-size:{style.small_pt:.1f}pt"
    if count == 0:
        words = (
            _tr("Not mentioned in {0}").format(html.escape(case)) if only else _tr("No evidence")
        )
        return f'<p style="color:{style.muted}; font-style:italic; margin:0">{words}</p>'
    articles = int(index.data(ARTICLE_COUNT_ROLE) or 0)
    if count == 1:
        words = _tr("passage in {0} article") if articles == 1 else _tr("passage in {0} articles")
    else:
        words = _tr("passages in {0} article") if articles == 1 else _tr("passages in {0} articles")
    colour = accents(style.theme)["count"]
    line = (
        f'<span style="color:{colour}; font-weight:600">{count}</span>'
        f'<span style="color:{style.muted}"> {words.format(articles)}</span>'
    )
    if only == side:
        line += "&nbsp;&nbsp;" + _only_tag(case, style)
    return f'<p style="margin:0; {small}">{line}</p>'


class EvidenceDelegate(RichRowDelegate):
    """Rich, wrapped cells for a :class:`~reader.ui.compare.models.CompareModel` in a tree."""

    PAD_X = 12
    PAD_Y = 7
    BAR = 3
    EXTRA_HEIGHT = 2  # room for the counterpart's outline

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.theme: Theme = LIGHT
        self.serif = first_family(SERIF_FAMILIES, QFont.StyleHint.Serif)
        #: (dimension id, side, index in the comparison) of the closest counterpart shown
        self.counterpart: tuple[str, str, int] | None = None

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    def row_html(self, option: QStyleOptionViewItem, index: Index, width: float) -> str:
        pal: QPalette = option.palette
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() - 1, 7))
        metrics = QFontMetrics(small)
        room = int(width)
        expanded = None
        if index.column() == 0 and self.view.model().hasChildren(index):
            expanded = self.view.isExpanded(index)
        style = CellStyle(
            theme=self.theme,
            text=pal.color(QPalette.ColorRole.Text).name(),
            muted=pal.color(QPalette.ColorRole.PlaceholderText).name(),
            serif=self.serif,
            small_pt=small.pointSizeF(),
            fit_title=lambda title: metrics.elidedText(title, Qt.TextElideMode.ElideRight, room),
            expanded=expanded,
        )
        return cell_html(index, style)

    def text_width(self, option: QStyleOptionViewItem, index: Index) -> float:
        width = self.view.header().sectionSize(index.column())
        if index.column() == 0:
            width -= self.view.indentation()
        return width - 2 * self.PAD_X - self.BAR

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        if index.data(KIND_ROLE) not in ("dimension", "evidence") and index.column() > 0:
            if index.data(COUNT_ROLE) is None:
                return QSize(0, 0)  # an empty cell below a side that ran out
        return super().sizeHint(option, index)

    def paint_marks(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        bar = self._bar_colour(index)
        if bar is not None:
            draw_bar(painter, self.bar_rect(option, 5), bar)
        if self._is_counterpart(index):
            pen = QPen(QColor(self.theme.accent))
            pen.setWidthF(1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(2.5, 2.5, -2.5, -2.5), 5, 5)

    def paint_rule(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.parent().isValid() or index.column() > 0:
            rect = option.rect
            painter.setPen(QColor(self.theme.rule))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())

    def _bar_colour(self, index: Index) -> QColor | None:
        if index.column() == 0:
            return QColor(accents(self.theme)["only_fg"]) if index.data(ONLY_ROLE) else None
        if index.data(KIND_ROLE) != "evidence":
            return None
        status = index.data(STATUS_ROLE)
        if status in (CodingStatus.ACCEPTED, CodingStatus.REJECTED):
            return QColor(accents(self.theme)[str(status)])
        return QColor(self.theme.rule)

    def _is_counterpart(self, index: Index) -> bool:
        if self.counterpart is None or index.data(KIND_ROLE) != "evidence":
            return False
        here: Any = (
            index.data(DIMENSION_ID_ROLE),
            index.data(SIDE_ROLE),
            index.data(EVIDENCE_INDEX_ROLE),
        )
        return here == self.counterpart
