"""The reader pane: one article as a calm page, with zoom, themes, find and bookmarks.

It composes an :class:`~reader.ui.common.safe_browser.ArticleBrowser` and a
:class:`~reader.ui.reader.find_bar.FindBar`. It reads the article through the library it is
given, remembers the font size, the theme and the last article read in
:class:`~reader.ui.common.preferences.Preferences`, and keeps each article's reading position
(the scroll fraction) in the library: saved shortly after scrolling stops and whenever another
article is opened, restored when an article opens. It is what the other panes see as an
:class:`~reader.ui.common.views.ArticleView`; when the change bus says the whole library was
replaced, :meth:`ReaderPane.on_changed` opens the same article again from the new file (or
another one).
Entity mentions are highlighted through :class:`~reader.ui.reader.text_map.MentionHighlights`
(the caller says which); a selection can be marked as an entity from the context menu.
Highlights and anchored notes are drawn by :class:`~reader.ui.reader.highlights.NoteHighlights`
(the caller gives the marks); the context menu asks for a highlight or a note on a selection,
and a click on a highlight reports its note.
An article opened from a library search (:meth:`ReaderPane.show_search_result`) shows the
words the search matched highlighted (stemmed and accent-folded as the search matched them:
a search for "negociation" marks "Négociations"), scrolled to the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from reader.library import Article, Library
from reader.library.search import match_spans
from reader.ui.common.colours import COLOUR_LABELS, TYPE_LABELS
from reader.ui.common.preferences import Preferences
from reader.ui.common.safe_browser import ArticleBrowser
from reader.ui.common.theme import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    Theme,
    reading_font,
    theme_named,
    ui_family,
)
from reader.ui.common.views import NoteMark, Span
from reader.ui.reader.article_html import article_html, document_css, empty_html
from reader.ui.reader.find_bar import FindBar
from reader.ui.reader.highlights import NoteHighlights, trimmed
from reader.ui.reader.text_map import MentionHighlights
from reader.ui.tasks.bus import Area, Change

POSITION_SAVE_DELAY_MS = 700
MARK_MAX_CHARS = 120  # longer selections are not offered as an entity

EMPTY_TITLE = QT_TRANSLATE_NOOP("ReaderPane", "Nothing open yet")
EMPTY_MESSAGE = QT_TRANSLATE_NOOP(
    "ReaderPane",
    "Choose an article from the library, or bring in your own with "
    "File\u00a0\u203a\u00a0Import\u00a0files\u2026 or by dropping files and folders "
    "on this window.",
)


class ReaderPane(QWidget):
    """Shows one article at a time.

    Signals:
        article_shown(article_id): an article was opened (0 when the pane was cleared).
        font_size_changed(points): the reading font size changed.
        entity_marked(text, type): the user marked the selected text as an entity.
        mention_changed(index, total): the current entity mention moved (F3, Shift+F3).
        highlight_requested(start, end, colour): highlight this passage ("" = default colour).
        note_requested(start, end): write a note on this passage.
        note_clicked(note_id): a drawn highlight was clicked.
    """

    article_shown = Signal(int)
    font_size_changed = Signal(int)
    entity_marked = Signal(str, str)
    mention_changed = Signal(int, int)
    highlight_requested = Signal(int, int, str)
    note_requested = Signal(int, int)
    note_clicked = Signal(int)

    def __init__(
        self, library: Library, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.library = library
        self.preferences = preferences
        self.article: Article | None = None
        self.font_size = preferences.font_size
        self.theme: Theme = theme_named(preferences.theme)
        self._restoring = False
        #: called with the context menu, to add more (e.g. "Code Selection to")
        self.menu_extenders: list[Callable[[QMenu], None]] = []

        self.browser = ArticleBrowser(self)
        self.browser.setAccessibleName(QCoreApplication.translate("ReaderPane", "Article"))
        self.find_bar = FindBar(self.browser, self)
        self.find_bar.closed.connect(self.on_find_bar_closed)
        self.highlights = MentionHighlights(self.browser)
        self.note_marks = NoteHighlights(self.browser, self.highlights)
        self.note_marks.note_clicked.connect(self.note_clicked)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self.on_context_menu_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.browser, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(POSITION_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_position)
        self.browser.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self._render(keep_fraction=None)

    # -- articles ----------------------------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return None if self.article is None else self.article.id

    def show_article(self, article_id: int) -> bool:
        """Open ``article_id`` at its remembered position; False if there is no such id."""
        if self.article is not None and self.article.id == article_id:
            return True
        article = self.library.get(article_id)
        if article is None or article.trashed is not None:
            return False
        self.save_position()
        self.article = article
        self.preferences.last_article = article.id
        self.highlights.clear()
        self.note_marks.marks = []
        self._render(keep_fraction=article.reading_position)
        self.find_bar.refresh(keep_position=False)
        self.article_shown.emit(article.id)
        return True

    @Slot(int, str)
    def show_search_result(self, article_id: int, query: str) -> bool:
        """Open ``article_id`` with the words ``query`` matched highlighted, scrolled to
        the first; False if there is no such article."""
        if not self.show_article(article_id):
            return False
        self.highlight_query(query)
        return True

    def highlight_query(self, query: str) -> int:
        """Highlight in the open article the words ``query`` looks for (as the library's
        search matches them) and scroll to the first; how many were found."""
        if self.article is None:
            return 0
        spans = match_spans(self.article.text, self.article.language, query) if query else []
        self.highlights.show_search_spans(spans)
        return len(spans)

    @Slot()
    def clear_search_highlights(self) -> None:
        """Take away the highlights of the words a search matched (its box was emptied)."""
        self.highlights.show_search_spans([], reveal=False)

    def open_initial(self, article_id: int | None = None) -> bool:
        """Open ``article_id``, else the last one read, else the newest; False if none."""
        last, newest = self.preferences.last_article, self.library.most_recent_id()
        return any(c and self.show_article(c) for c in (article_id, last, newest))

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: after the library file was replaced, open the article again from
        the new file (another if it is gone); when articles came in, open one if none is."""
        if change.replaced:
            article_id = self.article_id
            self.article = None  # its position belongs to the file that was replaced
            self.clear()
            self.open_initial(article_id)
        elif self.article is None and change.touches(Area.ARTICLES):
            self.open_initial()
        elif change.touches(Area.ARTICLES) and change.concerns(self.article.id):
            self._refresh_article(self.article.id)

    def _refresh_article(self, article_id: int) -> None:
        """The open article was edited or moved to the trash: show it as it is now."""
        fresh = self.library.get(article_id)
        if fresh is None or fresh.trashed is not None:
            self.clear()
        elif fresh != self.article:
            fraction = self.reading_fraction()
            self.article = fresh
            self._render(keep_fraction=fraction)
            self.article_shown.emit(fresh.id)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        """A pane that is hidden (its window closed) writes a pending position now, while
        the library is surely still open, instead of when its timer fires later."""
        if self._save_timer.isActive():
            self.save_position()
        super().hideEvent(event)

    def clear(self) -> None:
        """Close the article and show the empty page."""
        self.save_position()
        self.article = None
        self.highlights.clear()
        self.note_marks.marks = []
        self._render(keep_fraction=None)
        self.article_shown.emit(0)

    def _render(self, *, keep_fraction: float | None) -> None:
        font = reading_font(self.font_size)
        css = document_css(self.theme, self.font_size, font.family(), ui_family())
        if self.article is None:
            title = QCoreApplication.translate("ReaderPane", str(EMPTY_TITLE))
            body = empty_html(title, QCoreApplication.translate("ReaderPane", str(EMPTY_MESSAGE)))
        else:
            body = article_html(self.article, self.theme)
        self._restoring = True
        try:
            self.browser.show_page(body, css, font)
            self._scroll_to(keep_fraction or 0.0)
            self.highlights.rebuild(self.article, self.theme)
            self.note_marks.rebuild(self.theme)
        finally:
            self._restoring = False
        if keep_fraction:  # layout may finish after the event loop turns; apply again then
            wanted = self.article_id
            QTimer.singleShot(0, lambda: self._settle(wanted, keep_fraction))

    def _settle(self, article_id: int | None, fraction: float) -> None:
        if article_id is None or article_id != self.article_id or self.highlights.revealed:
            return
        self._restoring = True
        try:
            self._scroll_to(fraction)
        finally:
            self._restoring = False

    def _scroll_to(self, fraction: float) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(bar.maximum() * min(1.0, max(0.0, fraction))))

    # -- reading position --------------------------------------------------------------
    def reading_fraction(self) -> float:
        """How far down the article the view is, 0..1."""
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    @Slot(int)
    def on_scrolled(self, _value: int) -> None:
        # A closed window still sees its scroll bar move while its layout settles; nothing
        # it does after closing may write (the library may be gone by then).
        if not self._restoring and self.article is not None and self.isVisible():
            self._save_timer.start()

    @Slot()
    def save_position(self) -> None:
        """Store the current position of the open article in the library now."""
        self._save_timer.stop()
        if self.article is None or self.browser.verticalScrollBar().maximum() <= 0:
            return
        self.library.set_reading_position(self.article.id, self.reading_fraction())

    # -- font size and theme -----------------------------------------------------------
    def set_font_size(self, points: int) -> None:
        points = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, int(points)))
        if points == self.font_size:
            return
        fraction = self.reading_fraction()
        self.font_size = points
        self.preferences.font_size = points
        self._render(keep_fraction=fraction)
        self.find_bar.refresh()
        self.font_size_changed.emit(points)

    @Slot()
    def zoom_in(self) -> None:
        self.set_font_size(self.font_size + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_font_size(self.font_size - 1)

    @Slot()
    def zoom_reset(self) -> None:
        self.set_font_size(DEFAULT_FONT_SIZE)

    def set_theme(self, theme: Theme) -> None:
        """Restyle the page in ``theme`` (the window's palette is the caller's business)."""
        fraction = self.reading_fraction()
        self.theme = theme
        self.find_bar.set_theme(theme)
        self._render(keep_fraction=fraction)
        self.find_bar.refresh()

    # -- find --------------------------------------------------------------------------
    @Slot()
    def open_find(self) -> None:
        self.find_bar.open_bar()

    @Slot()
    def on_find_bar_closed(self) -> None:
        self.browser.setFocus()

    # -- entity mentions ---------------------------------------------------------------
    def show_mentions(self, spans: Sequence[Span], type_: str, *, reveal: bool = True) -> None:
        """Highlight one entity's mentions (text offsets); scroll to the first if ``reveal``."""
        self.highlights.show_mentions(spans, type_, reveal=reveal)
        self._announce_mention()

    def set_type_spans(self, spans_by_type: dict[str, list[Span]]) -> None:
        """Every mention of the article by type (drawn while colouring by type is on)."""
        self.highlights.set_type_spans(spans_by_type)

    @Slot(bool)
    def set_colour_by_type(self, on: bool) -> None:
        self.highlights.set_colour_by_type(on)

    @Slot()
    def next_mention(self) -> None:
        self.highlights.step(1)
        self._announce_mention()

    @Slot()
    def previous_mention(self) -> None:
        self.highlights.step(-1)
        self._announce_mention()

    def _announce_mention(self) -> None:
        if self.highlights.current >= 0:
            self.mention_changed.emit(self.highlights.current, len(self.highlights.mentions))

    def selected_text(self) -> str:
        """The selected article text, trimmed ("" when the selection is not article text)."""
        span = self.highlights.selected_range()
        if span is None or self.article is None:
            return ""
        text = self.article.text[span[0] : span[1]].strip()
        return text if len(text) <= MARK_MAX_CHARS and "\n" not in text else ""

    def mark_selection(self, type_: str) -> bool:
        """Ask for the selected text to become an entity of ``type_`` (False: no selection)."""
        text = self.selected_text()
        if text:
            self.entity_marked.emit(text, type_)
        return bool(text)

    @Slot(QPoint)
    def on_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.browser.viewport().mapToGlobal(pos))

    def context_menu(self, pos: QPoint) -> QMenu:
        """The browser's menu plus "Mark … as Entity ▸ type" when article text is selected."""
        menu = self.browser.createStandardContextMenu(pos)
        text = self.selected_text()
        if text:
            menu.addSeparator()
            shown = text if len(text) <= 30 else text[:29] + "\u2026"
            marks = menu.addMenu(
                QCoreApplication.translate("ReaderPane", "Mark “{shown}” as Entity").format(
                    shown=shown
                )
            )
            for type_, label in TYPE_LABELS.items():
                action = marks.addAction(label)
                action.triggered.connect(lambda _c=False, t=type_: self.entity_marked.emit(text, t))
        self._add_note_actions(menu)
        for extend in self.menu_extenders:
            extend(menu)
        return menu

    # -- highlights and notes ----------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selected article text as trimmed offsets (None: no article text selected)."""
        span = self.highlights.selected_range()
        if span is None or self.article is None:
            return None
        return trimmed(self.article.text, *span)

    def highlight_selection(self, colour: str = "") -> bool:
        """Ask for the selection to be highlighted (False: nothing selected)."""
        span = self.selected_span()
        if span is not None:
            self.highlight_requested.emit(span[0], span[1], colour)
        return span is not None

    def note_on_selection(self) -> bool:
        """Ask for a note on the selection (False: nothing selected)."""
        span = self.selected_span()
        if span is not None:
            self.note_requested.emit(*span)
        return span is not None

    def set_note_marks(self, marks: Sequence[NoteMark]) -> None:
        """Draw these highlights and anchored notes on the open article."""
        self.note_marks.set_marks(marks)

    def reveal_passage(self, start: int, end: int, *, select: bool = True) -> bool:
        """Scroll to ``text[start:end]`` and select it (False: it is not shown)."""
        text_map = self.highlights.text_map
        mapped = text_map.range_to_document(start, end) if text_map is not None else None
        if mapped is None:
            return False
        self.highlights.revealed = True  # the remembered reading position must not win
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(mapped[0])
        if select:
            cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self._scroll_near(mapped[0])
        wanted = self.article_id
        QTimer.singleShot(0, lambda: self._scroll_near(mapped[0], only_for=wanted))
        return True

    def _scroll_near(self, position: int, *, only_for: int | None = None) -> None:
        if only_for is not None and only_for != self.article_id:
            return  # another article opened meanwhile
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(min(position, self.browser.document().characterCount() - 1))
        rect = self.browser.cursorRect(cursor)
        height = self.browser.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.6:
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - int(height / 3))

    def _add_note_actions(self, menu: QMenu) -> None:
        span = self.selected_span()
        if span is None:
            return
        menu.addSeparator()
        colours = menu.addMenu(QCoreApplication.translate("ReaderPane", "Highlight"))
        for colour, label in COLOUR_LABELS.items():
            action = colours.addAction(label)
            action.triggered.connect(
                lambda _c=False, c=colour: self.highlight_requested.emit(span[0], span[1], c)
            )
        add = menu.addAction(QCoreApplication.translate("ReaderPane", "Add Note\u2026"))
        add.setShortcut("Ctrl+Shift+N")
        add.triggered.connect(lambda: self.note_requested.emit(*span))
