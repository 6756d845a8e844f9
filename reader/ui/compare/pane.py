"""The comparison pane: two cases side by side, dimension by dimension, every claim linked.

At the top, the two cases (a tag, or articles chosen by hand), the codebook and which
statuses to show. Below, a :class:`~reader.ui.compare.tree.CompareTree` over a
:class:`~reader.ui.compare.models.CompareModel`: the codebook's dimensions as rows, a column
per case, the evidence sentences wrapped in the cells (expand a row for all of them). The
selected sentence's closest counterpart on the other side is outlined and quoted under the
grid; under that, the entities the cases share and those only one mentions. The pane only
shows and asks: it emits what the user wants (a new comparison, a passage opened, a review,
an export) and :class:`~reader.ui.compare.controller.CompareController` does the work.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.library.statuses import CodingStatus
from reader.services.compare import Comparison, Evidence, Side, other_side
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.compare import dialogs as compare_dialogs
from reader.ui.compare.controls import CaseControls
from reader.ui.compare.entities import EntityComparison
from reader.ui.compare.models import (
    DIMENSION_ID_ROLE,
    SIDE_ROLE,
    CompareModel,
    CompareRequest,
    case_label,
)
from reader.ui.compare.tree import CompareTree

STATUS_OF = {
    "accept": CodingStatus.ACCEPTED,
    "reject": CodingStatus.REJECTED,
    "suggest": CodingStatus.SUGGESTED,
}
HINT = "A accept \u00b7 R reject \u00b7 M move \u00b7 U undo review \u00b7 Enter open"
NO_COUNTERPART = "Select a sentence to see its closest counterpart in the other case."

ChooseDimension = Callable[[QWidget, Sequence[tuple[str, str]], str, QPoint | None], str | None]


@dataclass(frozen=True, slots=True)
class _Review:
    """The evidence a review was asked for, to move the selection on afterwards."""

    dimension_id: str
    side: Side
    position: int
    coding_id: int
    before: tuple[int, ...]  # the cell's coding ids before the review
    moves_on: bool  # select the next evidence (accept, reject, move) or stay (undo)


class ComparePane(QWidget):
    """Shows a comparison and asks for the work to be done (see the module doc).

    Signals:
        request_changed(request): the cases, codebook or status filter changed.
        evidence_selected(article_id, start, end): show this passage in the reader.
        review_requested(coding_id, status): set a coding's status.
        move_requested(coding_id, dimension_id): recode a passage to another dimension.
        export_requested(format): ``md``, ``csv`` or ``json``.
    """

    request_changed = Signal(object)
    evidence_selected = Signal(int, int, int)
    review_requested = Signal(int, str)
    move_requested = Signal(int, str)
    export_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.library = library
        self.choose_dimension: ChooseDimension = compare_dialogs.choose_dimension
        self.theme: Theme = LIGHT
        self._review: _Review | None = None

        self.controls = CaseControls(library, self)
        self.controls.request_changed.connect(self.request_changed)

        self.model = CompareModel(self)
        self.tree = CompareTree(self.model, self)
        self.delegate = self.tree.delegate

        self.counterpart_label = QLabel(NO_COUNTERPART, self)
        self.counterpart_label.setObjectName("counterpartLabel")
        self.counterpart_label.setWordWrap(True)
        self.counterpart_label.setTextFormat(Qt.TextFormat.RichText)
        self.counterpart_label.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum
        )
        self.counterpart_label.linkActivated.connect(self.on_counterpart_link)
        self.entities = EntityComparison(self)
        grid = QWidget(self)
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.setSpacing(0)
        grid_layout.addWidget(self.tree, 1)
        grid_layout.addWidget(self.counterpart_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(grid)
        self.splitter.addWidget(self.entities)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([660, 96])

        self.hint_label = QLabel(HINT, self)
        self.hint_label.setObjectName("compareHint")
        self.export_buttons: dict[str, QPushButton] = {}
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 6, 12, 8)
        footer.addWidget(self.hint_label, 1)
        footer.addWidget(QLabel("Export:", self))
        footer.addSpacing(4)
        for fmt, label in (("md", "Markdown"), ("csv", "CSV"), ("json", "JSON")):
            button = QPushButton(label, self)
            button.setObjectName(f"export_{fmt}")
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, f=fmt: self.export_requested.emit(f))
            footer.addWidget(button)
            self.export_buttons[fmt] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.controls)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(footer)

        self.tree.selectionModel().currentChanged.connect(self.on_current_changed)
        self.tree.clicked.connect(self.on_clicked)
        self.tree.review_keyed.connect(self.review_current)
        self.tree.open_keyed.connect(self.on_enter_pressed)
        self.tree.customContextMenuRequested.connect(self.on_context_menu_requested)

    # -- choices -----------------------------------------------------------------------
    def request(self) -> CompareRequest:
        """What the pickers say to compare."""
        return self.controls.request()

    def refresh_choices(self) -> None:
        """Fill the pickers from the library again, keeping what was chosen."""
        self.controls.refresh_choices()

    # -- results -----------------------------------------------------------------------
    def set_busy(self, busy: bool, message: str = "") -> None:
        self.controls.set_busy(busy, message)

    def show_result(self, result: Comparison | None) -> None:
        """Show a new comparison, keeping open rows and the selection where it makes sense."""
        expanded = [
            dim_id
            for row, (dim_id, _label) in enumerate(self.model.dimensions())
            if self.tree.isExpanded(self.model.index(row, 0))
        ]
        current = self.current_place()
        self.model.set_result(result)
        for dim_id in expanded:
            row = self.model.dimension_row(dim_id)
            if row >= 0:
                self.tree.setExpanded(self.model.index(row, 0), True)
        self.entities.set_result(result)
        for button in self.export_buttons.values():
            button.setEnabled(result is not None)
        target = self._place_after_review(current)
        if target is None or not self.select_evidence(*target):
            self._show_counterpart(QModelIndex())

    def current_place(self) -> tuple[str, Side, int] | None:
        """``(dimension id, side, position)`` of the selected cell, if it is a case cell."""
        index = self.tree.currentIndex()
        if not index.isValid() or index.column() == 0:
            return None
        dim_id, side, position = self._place(index)
        return (dim_id, side, position)

    def _place(self, index: QModelIndex) -> tuple[str, Side, int]:
        dim_id = str(index.data(DIMENSION_ID_ROLE))
        side: Side = "b" if index.data(SIDE_ROLE) == "b" else "a"
        position = 0 if not index.parent().isValid() else index.row() + 1
        return dim_id, side, position

    def _place_after_review(
        self, current: tuple[str, Side, int] | None
    ) -> tuple[str, Side, int] | None:
        """Where the selection goes once a reviewed comparison is back: on to the next."""
        review, self._review = self._review, None
        if review is None:
            return current
        dim_id, side, position = review.dimension_id, review.side, review.position
        now = [e.coding_id for e in self.model.evidence(dim_id, side)]
        if not now:
            return (dim_id, side, 0) if self.model.dimension_row(dim_id) >= 0 else None
        if review.coding_id in now and not review.moves_on:
            return (dim_id, side, now.index(review.coding_id))
        for candidate in review.before[position + 1 :]:
            if candidate in now:  # the next one that is still shown
                return (dim_id, side, now.index(candidate))
        if review.coding_id in now:  # the last one of the cell: stay on it
            return (dim_id, side, now.index(review.coding_id))
        return (dim_id, side, min(position, len(now) - 1))

    def select_evidence(self, dimension_id: str, side: Side, position: int) -> bool:
        """Select (and show) evidence ``position`` of ``side`` in ``dimension_id``."""
        index = self.model.index_of(dimension_id, side, position)
        if not index.isValid():
            return False
        if index.parent().isValid():
            self.tree.setExpanded(index.parent(), True)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def current_evidence(self) -> Evidence | None:
        return self.model.evidence_at(self.tree.currentIndex())

    # -- selection and review ----------------------------------------------------------
    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_counterpart(current)
        self.open_current()

    @Slot(QModelIndex)
    def on_clicked(self, index: QModelIndex) -> None:
        if index.column() == 0 and not index.parent().isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        elif index == self.tree.currentIndex():
            self.open_current()  # a second click shows the passage again

    @Slot()
    def on_enter_pressed(self) -> None:
        index = self.tree.currentIndex()
        if index.column() == 0 and index.isValid() and not index.parent().isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        else:
            self.open_current()

    @Slot()
    def open_current(self) -> None:
        item = self.current_evidence()
        if item is not None:
            self.evidence_selected.emit(item.article_id, item.start, item.end)

    def _show_counterpart(self, index: QModelIndex) -> None:
        item = self.model.evidence_at(index) if index.isValid() else None
        pair = item.counterpart if item else None
        self.delegate.counterpart = None
        if item is None or pair is None:
            text = NO_COUNTERPART
            if item is not None:
                dim_id, side, _position = self._place(index)
                other = other_side(side)
                case = html.escape(case_label(self.model.result, other))
                text = (
                    f"<i>Nothing in {case} on this dimension.</i>"
                    if not self.model.evidence(dim_id, other)
                    else f"<i>No sentence in {case} shares a word with this one.</i>"
                )
            self.counterpart_label.setText(text)
            self.tree.viewport().update()
            return
        dim_id, side, _position = self._place(index)
        other = other_side(side)
        position = self.model.position_of(dim_id, other, pair.index)
        match = self.model.evidence(dim_id, other)[position]
        self.delegate.counterpart = (dim_id, other, pair.index)
        case = html.escape(case_label(self.model.result, other))
        text = html.escape(" ".join(match.text.split()))
        title = html.escape(match.title)
        self.counterpart_label.setText(
            f"<span style='color:{self.theme.muted}'>Closest in <b>{case}</b> "
            f"(similarity {pair.similarity:.2f})</span> \u2014 \u201c{text}\u201d "
            f"<span style='color:{self.theme.muted}'>{title}</span> "
            f"&nbsp;<a href='counterpart' style='color:{self.theme.accent}'>Show</a>"
        )
        self.tree.viewport().update()

    @Slot(str)
    def on_counterpart_link(self, _link: str) -> None:
        if self.delegate.counterpart is not None:
            dim_id, side, index = self.delegate.counterpart
            self.select_evidence(dim_id, side, self.model.position_of(dim_id, side, index))

    @Slot(str)
    def review_current(self, action: str) -> bool:
        """Accept, reject, move or return to suggested the selected evidence."""
        index = self.tree.currentIndex()
        item = self.model.evidence_at(index)
        if item is None:
            return False
        dim_id, side, position = self._place(index)
        before = tuple(e.coding_id for e in self.model.evidence(dim_id, side))
        review = _Review(dim_id, side, position, item.coding_id, before, action != "suggest")
        if action == "move":
            rect = self.tree.visualRect(index)
            where = self.tree.viewport().mapToGlobal(rect.bottomLeft())
            target = self.choose_dimension(self, self.model.dimensions(), dim_id, where)
            if not target or target == dim_id:
                return False
            self._review = review
            self.move_requested.emit(item.coding_id, target)
            return True
        self._review = review
        self.review_requested.emit(item.coding_id, STATUS_OF[action])
        return True

    @Slot(QPoint)
    def on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if self.model.evidence_at(index) is None:
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for text, key, action in (
            ("Show Passage", "Enter", ""),
            ("Accept", "A", "accept"),
            ("Reject", "R", "reject"),
            ("Move to Dimension\u2026", "M", "move"),
            ("Back to Suggested", "U", "suggest"),
        ):
            entry = menu.addAction(f"{text}\t{key}")
            if action:
                entry.triggered.connect(lambda _c=False, a=action: self.review_current(a))
            else:
                entry.triggered.connect(self.open_current)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # -- look --------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.delegate.set_theme(theme)
        self.entities.set_theme(theme)
        self.setStyleSheet(_stylesheet(theme))
        self._show_counterpart(self.tree.currentIndex())


def _stylesheet(theme: Theme) -> str:
    t = theme
    return f"""
#comparePane {{ background: {t.window}; }}
QTreeView#compareTree {{
    background: {t.base}; color: {t.text}; border: none; border-top: 1px solid {t.rule};
    selection-background-color: {t.selection}; selection-color: {t.selection_text}; outline: 0;
}}
QTreeView#compareTree QHeaderView::section {{
    background: {t.window}; color: {t.text}; border: none; border-bottom: 1px solid {t.rule};
    padding: 6px 4px 6px 14px; font-weight: 600;
}}
QLabel#counterpartLabel {{
    background: {t.alternate}; color: {t.text}; border-top: 1px solid {t.rule};
    padding: 6px 14px;
}}
QLabel#compareHint, QLabel#compareBusy {{ color: {t.muted}; }}
"""
