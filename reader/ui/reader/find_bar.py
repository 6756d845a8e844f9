"""Find in the open article: a slim bar with next, previous, a match count and highlights.

The bar searches the target text view's document as you type (case-insensitively),
highlights every match with extra selections, marks the current one more strongly and
scrolls it into view. Enter goes to the next match, Shift+Enter to the previous one and
Esc closes the bar, clearing the highlights.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from reader.ui.common.pane_chrome import tool_button
from reader.ui.common.theme import LIGHT, Theme


class FindBar(QWidget):
    """Find-as-you-type over a ``QTextEdit``.

    Signals:
        closed(): the bar was closed (the caller may give focus back to the text).
    """

    closed = Signal()

    def __init__(self, target: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.target = target
        self.theme: Theme = LIGHT
        self.matches: list[QTextCursor] = []
        self.current = -1

        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(QCoreApplication.translate("FindBar", "Find in article"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(220)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.prev_button = tool_button(
            self, "\u2191", self.tr("Previous match (Shift+Enter)"), self.find_previous
        )
        self.next_button = tool_button(
            self, "\u2193", self.tr("Next match (Enter)"), self.find_next
        )
        self.close_button = tool_button(self, "\u2715", self.tr("Close (Esc)"), self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(6)
        layout.addStretch(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.count_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(6)
        layout.addWidget(self.close_button)

        self.edit.textChanged.connect(self.on_text_changed)
        self.edit.installEventFilter(self)
        target.installEventFilter(self)  # Esc in the text closes the bar too
        self.hide()

    # -- opening and closing -----------------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar, focus the field and select its text (Ctrl+F)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.refresh()

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and remove the highlights (Esc)."""
        self.hide()
        self.matches = []
        self.current = -1
        self.target.setExtraSelections([])
        self.closed.emit()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._highlight()

    # -- searching ---------------------------------------------------------------------
    @Slot(str)
    def on_text_changed(self, _text: str) -> None:
        self.refresh(keep_position=False)

    def refresh(self, *, keep_position: bool = True) -> None:
        """Search again (after typing, or after the document was re-rendered)."""
        if not self.isVisible():
            return
        previous = self.current if keep_position else 0
        self.matches = self._find_all(self.edit.text())
        self.current = min(max(previous, 0), len(self.matches) - 1) if self.matches else -1
        self._highlight()
        self._reveal_current()

    def _find_all(self, needle: str) -> list[QTextCursor]:
        if not needle:
            return []
        doc = self.target.document()
        found: list[QTextCursor] = []
        cursor = QTextCursor(doc)
        while True:
            cursor = doc.find(needle, cursor)
            if cursor.isNull():
                return found
            found.append(QTextCursor(cursor))

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._highlight()
        self._reveal_current()

    # -- showing -----------------------------------------------------------------------
    def _highlight(self) -> None:
        selections = []
        for i, match in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            colour = self.theme.find_current if i == self.current else self.theme.find
            selection.format.setBackground(QColor(colour))
            selection.format.setForeground(QColor(self.theme.match))
            selections.append(selection)
        self.target.setExtraSelections(selections)
        if not self.edit.text():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText(QCoreApplication.translate("FindBar", "No matches"))
        else:
            self.count_label.setText(
                QCoreApplication.translate("FindBar", "{n} of {total}").format(
                    n=self.current + 1, total=len(self.matches)
                )
            )
        self.edit.setProperty("notFound", bool(self.edit.text()) and not self.matches)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def _reveal_current(self) -> None:
        if self.current < 0:
            return
        match = self.matches[self.current]
        rect = self.target.cursorRect(match)
        bar = self.target.verticalScrollBar()
        viewport_height = self.target.viewport().height()
        if rect.top() < viewport_height * 0.15 or rect.bottom() > viewport_height * 0.85:
            bar.setValue(bar.value() + rect.top() - int(viewport_height / 3))

    # -- keys --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.target
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.isVisible()
        ):
            self.close_bar()
            return True
        if watched is self.edit and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)
