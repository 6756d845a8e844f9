"""How the notes pane looks and what it says when there is nothing to list.

:data:`PANE_STYLE` is the pane's stylesheet (list, editor and preview), filled from the
active :class:`~reader.ui.common.theme.Theme`; :func:`lock_icon` draws the padlock of a
private note (closed) or of one that is not (open); the labels and empty-state messages sit
beside it so the pane module keeps to behaviour. The labels are marked for translation
(``QT_TRANSLATE_NOOP`` with the context :data:`CONTEXT`) and said through :func:`translated`.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from reader.ui.common.theme import Theme

CONTEXT = "NotesPane"
LOCK_SIZE = 16


def translated(text: object) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP("NotesPane", ...)``) in the window's
    language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def quoted(text: str) -> str:
    """``text`` between the interface language's quotation marks (“…”, in French « … »)."""
    return QCoreApplication.translate(CONTEXT, "\u201c{text}\u201d").replace("{text}", text)


def lock_icon(theme: Theme, *, locked: bool) -> QIcon:
    """A small padlock in the theme's colours: closed (accent) for a private note, open
    (muted) for one that is not."""
    ratio = 2.0
    pixmap = QPixmap(int(LOCK_SIZE * ratio), int(LOCK_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(theme.accent if locked else theme.muted)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    shackle = QPainterPath()
    shackle.moveTo(5, 7.5)
    shackle.lineTo(5, 5)
    shackle.arcTo(QRectF(5, 2, 6, 6), 180, -180)
    shackle.lineTo(11, 7.5 if locked else 5.5)
    painter.drawPath(shackle if locked else shackle.translated(0, -1.2))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(3.5, 7.5, 9, 7), 1.5, 1.5)
    painter.end()
    return QIcon(pixmap)


SCOPE_LABELS = {
    "article": QT_TRANSLATE_NOOP("NotesPane", "This article"),
    "all": QT_TRANSLATE_NOOP("NotesPane", "All notes"),
    "trash": QT_TRANSLATE_NOOP("NotesPane", "Trash"),
}
SORT_LABELS = {
    "updated": QT_TRANSLATE_NOOP("NotesPane", "Recent"),
    "position": QT_TRANSLATE_NOOP("NotesPane", "By position"),
}
LIST_PAGE, EMPTY_PAGE = 0, 1
EMPTY_TEXT = {
    "article": QT_TRANSLATE_NOOP(
        "NotesPane",
        "No notes on this article yet.\n\nSelect a passage and press Ctrl+Shift+H to "
        "highlight it, or Ctrl+Shift+N to write a note on it.",
    ),
    "all": QT_TRANSLATE_NOOP(
        "NotesPane",
        "No notes yet.\n\nSelect a passage in an article and press Ctrl+Shift+H to "
        "highlight it, or Ctrl+Shift+N to write a note on it.",
    ),
    "trash": QT_TRANSLATE_NOOP("NotesPane", "The trash is empty."),
}
NO_ARTICLE = QT_TRANSLATE_NOOP("NotesPane", "Open an article to see its notes.")
NOTHING_MATCHES = QT_TRANSLATE_NOOP("NotesPane", "No note matches \u201c{text}\u201d.")

PANE_STYLE = Template(
    """
#notesPane { background: $window; }
QLineEdit#notesFilter, QComboBox#notesScope, QComboBox#notesSort {
    background: $base; color: $text; border: 1px solid $rule; border-radius: 6px;
    padding: 5px 8px; selection-background-color: $selection; selection-color: $selection_text;
}
QLineEdit#notesFilter:focus, QComboBox:focus { border: 1px solid $accent; }
QComboBox#notesScope::drop-down, QComboBox#notesSort::drop-down { border: none; width: 16px; }
QComboBox QAbstractItemView {
    background: $base; color: $text; border: 1px solid $rule;
    selection-background-color: $selection; selection-color: $selection_text;
}
QListView#notesList {
    background: $base; color: $text; border: none; border-top: 1px solid $rule; outline: 0;
    selection-background-color: $selection; selection-color: $selection_text;
}
QLabel#notesEmpty, QLabel#noteEmpty {
    color: $muted; background: $base; border-top: 1px solid $rule; padding: 24px 18px;
}
QWidget#notesBar { background: $window; border-top: 1px solid $rule; }
QWidget#notesBar QToolButton { color: $text; padding: 3px 7px; border-radius: 4px; }
QWidget#notesBar QToolButton:hover { background: $chip_bg; }
QWidget#notesBar QToolButton:disabled { color: $muted; }
QSplitter#notesSplitter::handle, QSplitter#noteSplitter::handle { background: $rule; }
#noteEditor { background: $window; }
QLabel#noteContext { color: $muted; }
QLabel#noteState { color: $muted; }
QLabel#noteQuote { color: $text; font-style: italic; padding: 1px 0 1px 9px; }
QToolButton#previewToggle { color: $muted; padding: 2px 6px; border-radius: 4px; }
QToolButton#previewToggle:checked { background: $chip_bg; color: $text; }
QToolButton#privateToggle { color: $muted; padding: 2px 6px; border-radius: 4px; }
QToolButton#privateToggle:checked { background: $chip_bg; color: $accent; font-weight: 600; }
QPlainTextEdit#noteText {
    background: $base; color: $text; border: none; border-top: 1px solid $rule;
    padding: 6px 8px; selection-background-color: $selection; selection-color: $selection_text;
}
QTextBrowser#notePreview {
    background: $alternate; border: none; border-top: 1px solid $rule; padding: 6px 8px;
}
"""
)
