"""How large the Help dialogs open: the size each would like, made to fit the screen.

:func:`opening_size` takes a dialog's preferred size and gives it back no larger than a
share of the free room of the screen the dialog (or its parent) is on, so that on a
1366×768 screen a dialog opens whole with room around it, and on a large screen it does
not sprawl. :data:`DIALOG_MARGINS` are the margins the Help dialogs keep around what they
show.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: At most this share of the screen's free width and height.
SCREEN_SHARE = 0.86
#: The room a screen is taken to have when Qt knows of none.
FALLBACK_ROOM = QSize(1366, 740)
#: Left, top, right, bottom: what the Help dialogs keep around their contents.
DIALOG_MARGINS = QMargins(14, 12, 14, 12)


def screen_room(widget: QWidget) -> QSize:
    """The free room (without panels and docks) of the screen ``widget`` is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else FALLBACK_ROOM


def opening_size(widget: QWidget, preferred: QSize, minimum: QSize | None = None) -> QSize:
    """``preferred``, made no larger than :data:`SCREEN_SHARE` of the free room of the
    screen ``widget`` is on (nor smaller than ``minimum``, when that still fits)."""
    room = screen_room(widget)
    width = min(preferred.width(), int(room.width() * SCREEN_SHARE))
    height = min(preferred.height(), int(room.height() * SCREEN_SHARE))
    if minimum is not None:
        width = min(max(width, minimum.width()), room.width())
        height = min(max(height, minimum.height()), room.height())
    return QSize(width, height)
