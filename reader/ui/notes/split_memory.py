"""Remembering where the user left a splitter's handle, in the window's settings.

:class:`SplitMemory` keeps a two-sided ``QSplitter``'s share (the first side's fraction of
the whole) under a settings key, when the user drags the handle, and gives it back the next
time the splitter is laid out at a real size: at start, and after the owner changes its
orientation (each orientation may have its own key). A value that would crush a side (less
than :data:`MIN_SHARE` or more than ``1 - MIN_SHARE``) or that cannot be read is ignored,
and the splitter keeps the sizes its owner gave it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QSplitter

#: The least share of the whole either side keeps when a remembered split is applied.
MIN_SHARE = 0.12


def read_share(raw: object) -> float | None:
    """A remembered share, or ``None`` when it is absent, unreadable or crushing."""
    try:
        share = float(str(raw)) if raw is not None and str(raw) else None
    except ValueError:
        return None
    if share is None or not MIN_SHARE <= share <= 1 - MIN_SHARE:
        return None
    return share


class SplitMemory(QObject):
    """Saves and restores the share of ``splitter``'s first side under ``key()``."""

    def __init__(self, splitter: QSplitter, settings: QSettings, key: Callable[[], str]) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.settings = settings
        self.key = key
        self.pending = True
        self._applying = False
        splitter.splitterMoved.connect(self.on_splitter_moved)
        splitter.installEventFilter(self)

    def _length(self) -> int:
        size = self.splitter.size()
        horizontal = self.splitter.orientation() == Qt.Orientation.Horizontal
        return size.width() if horizontal else size.height()

    def restore_later(self) -> None:
        """Apply the remembered share at the next real layout (orientation changed)."""
        self.pending = True
        QTimer.singleShot(0, self, self.apply)

    def apply(self) -> bool:
        """Give the splitter the remembered share now, if it has a size; True if done."""
        total = sum(self.splitter.sizes())
        if not self.pending or total <= 0 or self._length() <= 0:
            return False
        self.pending = False
        share = read_share(self.settings.value(self.key()))
        if share is None:
            return False
        first = round(total * share)
        self._applying = True
        try:
            self.splitter.setSizes([first, total - first])
        finally:
            self._applying = False
        return True

    @Slot(int, int)
    def on_splitter_moved(self, _pos: int, _index: int) -> None:
        if self._applying:
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) == 2 and min(sizes) > 0 and total > 0:
            self.settings.setValue(self.key(), f"{sizes[0] / total:.4f}")
            self.pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            self.pending
            and watched is self.splitter
            and event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
        ):
            QTimer.singleShot(0, self, self.apply)  # once the splitter has laid out its new size
        return False
