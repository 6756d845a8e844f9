"""Text views that never load anything: the base of them all, and the reader's page.

A :class:`SafeBrowser` refuses every resource (images, stylesheets, anything a document
could name), never follows a link itself, and hands web links to the system browser only
when clicked; the note preview is one. The reader's :class:`ArticleBrowser` is another:
its text sits in a centred column of about :data:`MEASURE` characters, kept centred as the
window resizes, by setting the root frame's side margins. Highlights come in named layers
(:data:`LAYERS`, drawn bottom to top) so entity colours, the user's highlights, a selected
entity's mentions and find matches can show together; ``setExtraSelections`` sets the
``find`` layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

MEASURE = 68  # characters per line, at most
SIDE_MIN = 28  # pixels of margin on a narrow window
TOP_MARGIN = 44
BOTTOM_MARGIN = 120
EXTERNAL_SCHEMES = ("http", "https")
LAYERS = ("types", "notes", "entity", "find")  # extra-selection layers, bottom to top


class SafeBrowser(QTextBrowser):
    """Read-only rich text that loads nothing and opens links only when they are clicked.

    Every resource a document names is refused (and listed in :attr:`refused`); a click on
    a link with one of :attr:`open_schemes` hands it to the system (the browser, the mail
    program), an in-page link scrolls to its anchor, and every click is announced.

    Signals:
        link_activated(url): a link was clicked.
    """

    link_activated = Signal(QUrl)
    #: The schemes of links handed to the system when clicked.
    open_schemes: tuple[str, ...] = EXTERNAL_SCHEMES

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        url_opener: Callable[[QUrl], Any] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.url_opener = url_opener
        self.refused: list[str] = []  # every resource a document asked for (none loaded)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self.on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 (Qt override)
        """Refuse every resource: nothing shown here loads images, styles or anything else."""
        self.refused.append(name.toString())
        return None

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in self.open_schemes:
            self.url_opener(url)
        elif not scheme and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        self.link_activated.emit(url)


class ArticleBrowser(SafeBrowser):
    """The article's page: a :class:`SafeBrowser` with a centred column and layers of
    highlights; only http(s) links go to the browser."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        url_opener: Callable[[QUrl], Any] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__("articleBrowser", parent, url_opener=url_opener)
        self.setAcceptDrops(False)  # drops go to the window, which imports them
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    # -- content -----------------------------------------------------------------------
    def show_page(self, body: str, css: str, font: QFont) -> None:
        """Replace the content with ``body`` styled by ``css`` in the base ``font``."""
        doc = self.document()
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(css)
        self.setHtml(body)
        self._update_column()

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the highlights of layer ``name`` (one of :data:`LAYERS`)."""
        self._layers[name] = list(selections)
        combined = [s for layer in LAYERS for s in self._layers.get(layer, [])]
        super().setExtraSelections(combined)

    def setExtraSelections(self, selections: list[QTextEdit.ExtraSelection]) -> None:  # noqa: N802
        """The find bar's highlights (the ``find`` layer); other layers stay."""
        self.set_layer("find", selections)

    # -- the centred column ------------------------------------------------------------
    def column_width(self) -> float:
        """The widest the text column may be, in pixels, for the current font."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return metrics.averageCharWidth() * MEASURE

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_column()

    def _update_column(self) -> None:
        doc = self.document()
        available = self.viewport().width()
        side = max(SIDE_MIN, (available - self.column_width()) / 2)
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        if (
            abs(fmt.leftMargin() - side) < 0.5
            and fmt.topMargin() == TOP_MARGIN
            and abs(fmt.rightMargin() - side) < 0.5
        ):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(TOP_MARGIN)
        fmt.setBottomMargin(BOTTOM_MARGIN)
        frame.setFrameFormat(fmt)
