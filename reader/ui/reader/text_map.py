"""Where an article's characters sit in the reader's document, and highlights built from it.

Entity mentions are character offsets into ``Article.text``; the reader shows the article
as rich text whose ``QTextDocument`` puts a header (title, meta, tags, a rule) first and
may collapse runs of white space inside paragraphs. A :class:`TextMap` is built once per
rendering by walking each rendered block of the text alongside the document's raw
characters (where a document position is an index into ``QTextDocument.toRawText()``),
recording runs that correspond one to one. It maps both ways: text offsets to document
positions (to highlight a mention) and back (to turn a selection into article text).
:func:`span_selections` turns mention spans into ``QTextEdit.ExtraSelection`` objects, and
a :class:`MentionHighlights` keeps a browser's entity highlights: every mention coloured
by type (a toggle), the selected entity's mentions, and the current one walked with F3; and
the words a library search matched (drawn in the find colours, beneath everything else).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from PySide6 import QtGui  # QtGui.QTextCharFormat: its type is made when first drawn
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from reader.library import Article
from reader.ui.common.colours import type_colours
from reader.ui.common.safe_browser import ArticleBrowser
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.common.views import Plain, Span


class Segment(Plain):
    """``length`` characters from ``text_start`` in the text are at ``doc_start`` onwards."""

    __slots__ = ("text_start", "doc_start", "length")

    def __init__(self, text_start: int, doc_start: int, length: int) -> None:
        self.text_start, self.doc_start, self.length = text_start, doc_start, length


def rendered_ranges(article: Article) -> list[Span]:
    """The ranges of ``article.text`` the reader renders, in document order."""
    if article.blocks:
        return [(b.start, b.end) for b in article.blocks]
    ranges, offset = [], 0  # like article_html: paragraphs at blank lines
    for piece in article.text.split("\n\n"):
        if piece.strip():
            ranges.append((offset, offset + len(piece)))
        offset += len(piece) + 2
    return ranges


def body_start(document: QTextDocument) -> int:
    """The document position after the header's horizontal rule (0 when there is none)."""
    block = document.begin()
    rule = QTextFormat.Property.BlockTrailingHorizontalRulerWidth
    while block.isValid():
        if block.blockFormat().hasProperty(rule):
            following = block.next()
            return following.position() if following.isValid() else document.characterCount()
        block = block.next()
    return 0


class TextMap:
    """Offsets in an article's text <-> positions in the document that shows it."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.text_start)
        self._text_starts = [s.text_start for s in self.segments]
        self._doc_starts = [s.doc_start for s in self.segments]

    @classmethod
    def build(cls, article: Article, document: QTextDocument) -> TextMap:
        """Align ``article``'s rendered text with ``document`` (rendered by article_html)."""
        raw = document.toRawText()
        segments: list[Segment] = []
        pos = body_start(document)
        for start, end in rendered_ranges(article):
            found = _align(article.text, start, end, raw, pos, segments)
            if found is not None:
                pos = found
        return cls(segments)

    # -- either way -------------------------------------------------------------------
    def _map(self, position: int, starts: list[int], source: str, target: str) -> int | None:
        i = bisect.bisect_right(starts, position) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        offset = position - getattr(seg, source)
        return getattr(seg, target) + offset if offset < seg.length else None

    def _map_range(
        self, start: int, end: int, starts: list[int], source: str, target: str
    ) -> Span | None:
        if end <= start or not self.segments:
            return None
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= getattr(self.segments[i], source) + self.segments[i].length:
            i += 1  # start is not mapped: begin at the next mapped character
        j = bisect.bisect_right(starts, end - 1) - 1
        if i >= len(self.segments) or j < i:
            return None
        first, last = self.segments[i], self.segments[j]
        mapped_start = getattr(first, target) + max(0, start - getattr(first, source))
        mapped_end = getattr(last, target) + min(last.length, end - getattr(last, source))
        return (mapped_start, mapped_end) if mapped_end > mapped_start else None

    # -- text -> document --------------------------------------------------------------
    def to_document(self, offset: int) -> int | None:
        """The document position of the character at ``offset`` (None when not shown)."""
        return self._map(offset, self._text_starts, "text_start", "doc_start")

    def range_to_document(self, start: int, end: int) -> Span | None:
        """The document range showing ``text[start:end]`` (trimmed to what is shown)."""
        return self._map_range(start, end, self._text_starts, "text_start", "doc_start")

    # -- document -> text --------------------------------------------------------------
    def to_text(self, position: int) -> int | None:
        """The text offset of the character at document ``position`` (None outside text)."""
        return self._map(position, self._doc_starts, "doc_start", "text_start")

    def range_to_text(self, doc_start: int, doc_end: int) -> Span | None:
        """The text range shown at ``doc_start..doc_end`` (trimmed to article text)."""
        return self._map_range(doc_start, doc_end, self._doc_starts, "doc_start", "text_start")


def _align(text: str, start: int, end: int, raw: str, pos: int, out: list[Segment]) -> int | None:
    """Append the segments of ``text[start:end]`` found from ``pos``; the position after."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i == end:
        return None
    j = pos
    while j < len(raw) and raw[j].isspace():
        j += 1  # separators between blocks, empty blocks
    if j >= len(raw) or raw[j] != text[i]:
        probe = text[i:end].split(None, 1)[0][:24]
        j = raw.find(probe, pos)
        if j < 0:
            return None
    stripped = text[i:end].rstrip()
    for separator in ("\u2028", "\u2029"):  # the usual case: one run for the whole block
        if raw.startswith(stripped.replace("\n", separator), j):
            out.append(Segment(i, j, len(stripped)))
            return j + len(stripped)
    last = i + len(stripped)
    run_text, run_doc, length = i, j, 0
    while i < last and j < len(raw):
        a, b = text[i], raw[j]
        if a == b or (a.isspace() and b.isspace()) or not (a.isspace() or b.isspace()):
            if length and (run_text + length != i or run_doc + length != j):
                out.append(Segment(run_text, run_doc, length))
                length = 0
            if not length:
                run_text, run_doc = i, j
            length += 1
            i += 1
            j += 1
        elif a.isspace():  # collapsed away in the document
            i += 1
        else:  # white space the document added
            j += 1
    if length:
        out.append(Segment(run_text, run_doc, length))
    return j


def span_selections(
    document: QTextDocument,
    text_map: TextMap,
    spans: Sequence[Span],
    char_format: QtGui.QTextCharFormat,
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections in ``char_format`` over the document ranges showing ``spans``."""
    out = []
    for start, end in spans:
        mapped = text_map.range_to_document(start, end)
        if mapped is None:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(mapped[0])
        cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = char_format
        out.append(selection)
    return out


def _background(colour: str) -> QtGui.QTextCharFormat:
    fmt = QtGui.QTextCharFormat()
    fmt.setBackground(QColor(colour))
    return fmt


class MentionHighlights:
    """The entity layers of an :class:`ArticleBrowser` for the article it shows."""

    def __init__(self, browser: ArticleBrowser) -> None:
        self.browser = browser
        self.text_map: TextMap | None = None
        self.theme: Theme = LIGHT
        self.mentions: list[Span] = []
        self.mention_type = ""
        self.current = -1
        self.type_spans: dict[str, list[Span]] = {}
        self.colour_by_type = False
        self.search_spans: list[Span] = []  # the words the search that opened the article hit
        self.revealed = False  # a mention was scrolled to since the page was rendered

    def rebuild(self, article: Article | None, theme: Theme) -> None:
        """After the page was rendered again: map it and draw the highlights anew."""
        self.theme = theme
        document = self.browser.document()
        self.text_map = None if article is None else TextMap.build(article, document)
        self.revealed = False
        self.apply()

    def clear(self) -> None:
        """Forget the mentions (another article is opening)."""
        self.mentions, self.mention_type, self.current = [], "", -1
        self.type_spans = {}
        self.search_spans = []

    def show_search_spans(self, spans: Sequence[Span], *, reveal: bool = True) -> None:
        """Highlight the words a search matched; scroll to the first if ``reveal``."""
        self.search_spans = sorted(spans)
        self.apply()
        if reveal and self.search_spans:
            self.revealed = True
            first = self.search_spans[0]
            self._scroll_to_span(first)
            QTimer.singleShot(0, lambda: self._scroll_again(first))

    def _scroll_again(self, span: Span) -> None:
        """Once layout settled: scroll to ``span`` if it is still shown."""
        if span in self.search_spans:
            self._scroll_to_span(span)

    def show_mentions(self, spans: Sequence[Span], type_: str, *, reveal: bool = True) -> None:
        """Highlight ``spans`` (one entity's mentions); scroll to the first if ``reveal``."""
        self.mentions = sorted(spans)
        self.mention_type = type_
        self.current = 0 if self.mentions and reveal else -1
        self.apply()
        if reveal:
            self.reveal_current()

    def set_type_spans(self, spans_by_type: dict[str, list[Span]]) -> None:
        self.type_spans = {t: list(s) for t, s in spans_by_type.items()}
        if self.colour_by_type:
            self.apply()

    def set_colour_by_type(self, on: bool) -> None:
        self.colour_by_type = bool(on)
        self.apply()

    def step(self, delta: int) -> int:
        """Move to the next (``1``) or previous (``-1``) mention; return its index."""
        if not self.mentions:
            return -1
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.mentions) - 1
        else:
            self.current = (self.current + delta) % len(self.mentions)
        self.apply()
        self.reveal_current()
        return self.current

    def apply(self) -> None:
        """Draw the ``types`` and ``entity`` layers."""
        document = self.browser.document()
        colours = type_colours(self.theme.name)
        types: list[QTextEdit.ExtraSelection] = []
        chosen: list[QTextEdit.ExtraSelection] = []
        if self.text_map is not None:
            if self.search_spans:
                found = _background(self.theme.find)
                found.setForeground(QColor(self.theme.match))
                types += span_selections(document, self.text_map, self.search_spans, found)
            if self.colour_by_type:
                for type_, spans in self.type_spans.items():
                    soft = colours.get(type_, colours["other"])[0]
                    types += span_selections(document, self.text_map, spans, _background(soft))
            strong = colours.get(self.mention_type, colours["other"])[1]
            for i, span in enumerate(self.mentions):
                if i == self.current:  # the accent, unlike any type's colour
                    fmt = _background(self.theme.accent)
                    fmt.setForeground(QColor(self.theme.base))
                else:
                    fmt = _background(strong)
                chosen += span_selections(document, self.text_map, [span], fmt)
        self.browser.set_layer("types", types)
        self.browser.set_layer("entity", chosen)

    def reveal_current(self) -> None:
        """Scroll the current mention into view (now, and again once layout settled)."""
        if not 0 <= self.current < len(self.mentions):
            return
        self.revealed = True
        self._reveal(self.mentions[self.current])
        span = self.mentions[self.current]
        QTimer.singleShot(0, lambda: self._reveal(span))

    def _reveal(self, span: Span) -> None:
        if span in self.mentions:
            self._scroll_to_span(span)

    def _scroll_to_span(self, span: Span) -> None:
        if self.text_map is None:
            return
        mapped = self.text_map.range_to_document(*span)
        if mapped is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(mapped[0])
        rect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        height = self.browser.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            bar.setValue(bar.value() + rect.top() - int(height / 3))

    def selected_range(self) -> Span | None:
        """The article text range the browser's selection covers (None if none)."""
        cursor = self.browser.textCursor()
        if self.text_map is None or not cursor.hasSelection():
            return None
        return self.text_map.range_to_text(cursor.selectionStart(), cursor.selectionEnd())
