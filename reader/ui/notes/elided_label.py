"""A one-line label that shortens its text with an ellipsis to the room it is given.

:class:`ElidedLabel` keeps the whole text (:meth:`ElidedLabel.full_text`) and shows as much
of it as fits, ending in "…", again whenever it is resized; it never asks for more width
than a few characters, so a long title cannot widen the dock it sits in. The whole text is
its tooltip unless one is set.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """A plain-text label whose one line is elided on the right to fit its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        self._fit()

    def full_text(self) -> str:
        """The text as set, before it was shortened."""
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("\u2026") * 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
