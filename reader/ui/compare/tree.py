"""The comparison grid's view: a tree whose rows grow with their wrapped sentences.

:class:`CompareTree` shows a :class:`~reader.ui.compare.models.CompareModel` through an
:class:`~reader.ui.compare.delegate.EvidenceDelegate`: the dimension column fixed, the two
case columns sharing the rest, one cell selected at a time, no branch arrows (the dimension
cell says "Show all"). It lays its rows out again when its width changes, and turns the
review keys (A, R, M) and U (undo) and Enter into signals for the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reader.ui.common.pane_chrome import Mode, size_columns
from reader.ui.compare.delegate import EvidenceDelegate
from reader.ui.compare.models import CompareModel

DIMENSION_WIDTH = 172
REVIEW_KEYS = {
    Qt.Key.Key_A: "accept",
    Qt.Key.Key_R: "reject",
    Qt.Key.Key_M: "move",
    Qt.Key.Key_U: "undo",
}
#: What the grid's own keys do, for Help › Keyboard Shortcuts: ``(key, what it does)``.
KEY_HELP = (
    ("A", QT_TRANSLATE_NOOP("CompareTree", "Accept the selected evidence")),
    ("R", QT_TRANSLATE_NOOP("CompareTree", "Reject the selected evidence")),
    ("M", QT_TRANSLATE_NOOP("CompareTree", "Move the selected evidence to another dimension")),
    ("U", QT_TRANSLATE_NOOP("CompareTree", "Undo the last review")),
    ("Enter", QT_TRANSLATE_NOOP("CompareTree", "Show the passage in the reader")),
)


def review_keys() -> list[tuple[str, str]]:
    """The grid's keys and what each does (translated)."""
    return [(key, QCoreApplication.translate("CompareTree", text)) for key, text in KEY_HELP]


class CompareTree(QTreeView):
    """The grid: rows grow with their text; letter keys review the selected evidence.

    Signals:
        review_keyed(action): ``accept``, ``reject``, ``move`` or ``undo`` was pressed.
        open_keyed(): Enter or Return was pressed.
    """

    review_keyed = Signal(str)
    open_keyed = Signal()

    def __init__(self, model: CompareModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareTree")
        self.setModel(model)
        self.delegate = EvidenceDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformRowHeights(False)
        self.setRootIsDecorated(False)  # the dimension cell says "Show all" instead
        self.setIndentation(0)
        self.setExpandsOnDoubleClick(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        modes = {0: Mode.Fixed, 1: Mode.Stretch, 2: Mode.Stretch}
        header = size_columns(self.header(), modes, {0: DIMENSION_WIDTH})
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        key = Qt.Key(event.key())
        if plain and key in REVIEW_KEYS:
            self.review_keyed.emit(REVIEW_KEYS[key])
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_keyed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width
