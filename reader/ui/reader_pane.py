"""The reader pane: one article as a calm page, with zoom, themes, find and bookmarks.

It composes an :class:`~reader.ui.article_browser.ArticleBrowser` and a
:class:`~reader.ui.find_bar.FindBar`. It reads the article through the library it is given,
remembers the font size and theme in :class:`~reader.ui.preferences.Preferences`, and keeps
each article's reading position (the scroll fraction) in the library: saved shortly after
scrolling stops and whenever another article is opened, restored when an article opens.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.library import Article, Library
from reader.ui.article_browser import ArticleBrowser
from reader.ui.article_html import article_html, document_css, empty_html
from reader.ui.find_bar import FindBar
from reader.ui.preferences import Preferences
from reader.ui.theme import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    Theme,
    reading_font,
    theme_named,
    ui_family,
)

POSITION_SAVE_DELAY_MS = 700

EMPTY_TITLE = "Nothing open yet"
EMPTY_MESSAGE = (
    "Choose an article from the library, or bring in your own with "
    "File\u00a0\u203a\u00a0Import\u00a0files\u2026 or by dropping files and folders on this window."
)


class ReaderPane(QWidget):
    """Shows one article at a time.

    Signals:
        article_shown(article_id): an article was opened (0 when the pane was cleared).
        font_size_changed(points): the reading font size changed.
    """

    article_shown = Signal(int)
    font_size_changed = Signal(int)

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

        self.browser = ArticleBrowser(self)
        self.browser.setAccessibleName("Article")
        self.find_bar = FindBar(self.browser, self)
        self.find_bar.closed.connect(self.on_find_bar_closed)
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
        if article is None:
            return False
        self.save_position()
        self.article = article
        self._render(keep_fraction=article.reading_position)
        self.find_bar.refresh(keep_position=False)
        self.article_shown.emit(article.id)
        return True

    def clear(self) -> None:
        """Close the article and show the empty page."""
        self.save_position()
        self.article = None
        self._render(keep_fraction=None)
        self.article_shown.emit(0)

    def _render(self, *, keep_fraction: float | None) -> None:
        font = reading_font(self.font_size)
        css = document_css(self.theme, self.font_size, font.family(), ui_family())
        if self.article is None:
            body = empty_html(EMPTY_TITLE, EMPTY_MESSAGE)
        else:
            body = article_html(self.article, self.theme)
        self._restoring = True
        try:
            self.browser.show_page(body, css, font)
            self._scroll_to(keep_fraction or 0.0)
        finally:
            self._restoring = False
        if keep_fraction:  # layout may finish after the event loop turns; apply again then
            wanted = self.article_id
            QTimer.singleShot(0, lambda: self._settle(wanted, keep_fraction))

    def _settle(self, article_id: int | None, fraction: float) -> None:
        if article_id is None or article_id != self.article_id:
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
        if not self._restoring and self.article is not None:
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
