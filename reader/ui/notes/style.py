"""How the notes pane looks and what it says when there is nothing to list.

:data:`PANE_STYLE` is the pane's stylesheet (list, editor and preview), filled from the
active :class:`~reader.ui.common.theme.Theme`; the labels and empty-state messages sit beside it so
the pane module keeps to behaviour.
"""

from __future__ import annotations

from string import Template

SCOPE_LABELS = {"article": "This article", "all": "All notes", "trash": "Trash"}
SORT_LABELS = {"updated": "Recent", "position": "By position"}
LIST_PAGE, EMPTY_PAGE = 0, 1
EMPTY_TEXT = {
    "article": "No notes on this article yet.\n\nSelect a passage and press Ctrl+Shift+H to "
    "highlight it, or Ctrl+Shift+N to write a note on it.",
    "all": "No notes yet.\n\nSelect a passage in an article and press Ctrl+Shift+H to "
    "highlight it, or Ctrl+Shift+N to write a note on it.",
    "trash": "The trash is empty.",
}
NO_ARTICLE = "Open an article to see its notes."
NOTHING_MATCHES = "No note matches \u201c{text}\u201d."

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
QPlainTextEdit#noteText {
    background: $base; color: $text; border: none; border-top: 1px solid $rule;
    padding: 6px 8px; selection-background-color: $selection; selection-color: $selection_text;
}
QTextBrowser#notePreview {
    background: $alternate; border: none; border-top: 1px solid $rule; padding: 6px 8px;
}
"""
)
