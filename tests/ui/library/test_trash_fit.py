"""The Trash dialog opens at a share of the screen (so a long title is not cut at 560
pixels), gives Title what the other columns leave, and says "empty" in the middle."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from reader.library.draft import Draft
from reader.ui.library import trash_dialog
from reader.ui.library.models import TrashModel
from reader.ui.library.trash_dialog import MIN_WIDTH, TrashDialog, opening_size


def test_the_dialog_opens_from_the_screen_with_title_stretching(library, qtbot):
    aid = library.add_article(Draft(title="A long title " * 8, text="Some text."))
    library.trash_articles([aid])
    model = TrashModel(library)
    model.refresh()
    dialog = TrashDialog(model)
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry().size()
    assert MIN_WIDTH <= dialog.width() <= max(room.width(), MIN_WIDTH)
    assert model.rowCount() == 1
    header = dialog.table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert dialog.empty_label.alignment() & Qt.AlignmentFlag.AlignVCenter


def test_the_opening_size_follows_the_screen():
    class Room:
        def __init__(self, w: int, h: int) -> None:
            self.size_ = QSize(w, h)

        def availableGeometry(self):  # noqa: N802 (as Qt names it)
            return self

        def size(self) -> QSize:
            return self.size_

    widget = QWidget()
    for (w, h), (low, high) in {(1366, 728): (800, 900), (1920, 1040): (1000, 1040)}.items():
        widget.screen = lambda w=w, h=h: Room(w, h)  # type: ignore[method-assign]
        size = opening_size(widget)
        assert low <= size.width() <= high
        assert size.height() <= h - 200
    widget.screen = lambda: Room(500, 400)  # type: ignore[method-assign]
    assert opening_size(widget) == QSize(500, 360)  # never wider than the screen
    assert trash_dialog.MAX_WIDTH >= 1000
    widget.deleteLater()
