"""Draws one search result: the title, a source and date line, and the snippet.

The snippet's matches (bracketed by the library's private-use markers) are drawn in bold;
everything else is escaped. Rows are drawn by the shared
:class:`~reader.ui.common.rich_rows.RichRowDelegate`, so long titles and snippets wrap to the
width of the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from reader.library.records import MATCH_END, MATCH_START
from reader.ui.common.rich_rows import RichRowDelegate, text_colours
from reader.ui.common.roles import Index
from reader.ui.library.models import META_ROLE, SNIPPET_ROLE


def snippet_html(snippet: str, match_colour: str | None = None) -> str:
    """The snippet escaped, with matched terms in bold (and ``match_colour`` if given)."""
    escaped = html.escape(snippet.replace("\n", " "))
    start = f'<b style="color:{match_colour}">' if match_colour else "<b>"
    return escaped.replace(MATCH_START, start).replace(MATCH_END, "</b>")


class SearchHitDelegate(RichRowDelegate):
    """Two-level rich text for the rows of a :class:`SearchResultsModel` (the shared
    paddings, no bar)."""

    def row_html(self, option: QStyleOptionViewItem, index: Index, width: float) -> str:
        text, muted = text_colours(option)
        if option.state & QStyle.StateFlag.State_Selected:
            muted = text
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
        return "".join(parts)
