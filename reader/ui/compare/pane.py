"""The comparison pane: two cases side by side, dimension by dimension, every claim linked.

At the top, the two cases (a tag, or articles chosen by hand), the codebook and which
statuses to show. Below, a :class:`~reader.ui.compare.tree.CompareTree` over a
:class:`~reader.ui.compare.models.CompareModel`: the codebook's dimensions as rows, a column
per case, the evidence sentences wrapped in the cells (expand a row for all of them). The
selected sentence's closest counterpart on the other side is outlined and quoted under the
grid; under that, the entities the cases share and those only one mentions. Cases that
share articles are said above the grid, naming the articles in both; so are the conflict
copies left out of the counts (a field pack's other version of a coding edited on both
sides: they are resolved under Conflict Copies, not counted twice here). The pane only shows
and asks: it emits what the user wants (a new comparison, a passage opened, a review, an
undo, an export) and :class:`~reader.ui.compare.controller.CompareController` does the
work; after an undo it selects the passage that came back (:meth:`ComparePane.expect_focus`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QPainter, QPaintEvent
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
CONTEXT = "ComparePane"
HINT = QT_TRANSLATE_NOOP(
    CONTEXT, "A accept \u00b7 R reject \u00b7 M move \u00b7 U undo \u00b7 Enter open"
)
NO_COUNTERPART = QT_TRANSLATE_NOOP(
    CONTEXT, "Select a sentence to see its closest counterpart in the other case."
)
OVERLAP_SHOWN = 3  # titles named in the warning before "and N more"

ChooseDimension = Callable[[QWidget, Sequence[tuple[str, str]], str, QPoint | None], str | None]


class ElidingLabel(QLabel):
    """A one-line label that ends in "…" when it has less room than its text needs."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )
        painter.end()


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
        undo_requested(): take back the newest review (U).
        export_requested(format): ``md``, ``csv`` or ``json``.
    """

    request_changed = Signal(object)
    evidence_selected = Signal(int, int, int)
    review_requested = Signal(int, str)
    move_requested = Signal(int, str)
    undo_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.library = library
        self.choose_dimension: ChooseDimension = compare_dialogs.choose_dimension
        self.theme: Theme = LIGHT
        self._review: _Review | None = None
        self._focus: int | None = None  # the coding to select once the next result is in
        self._expect_focus = False

        self.controls = CaseControls(library, self)
        self.controls.request_changed.connect(self.request_changed)

        self.model = CompareModel(self)
        self.tree = CompareTree(self.model, self)
        self.delegate = self.tree.delegate

        self.overlap_label = QLabel(self)
        self.overlap_label.setObjectName("overlapLabel")
        self.overlap_label.setWordWrap(True)
        self.overlap_label.hide()
        self.conflict_label = QLabel(self)
        self.conflict_label.setObjectName("conflictLabel")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.hide()
        self.counterpart_label = QLabel(self.tr(NO_COUNTERPART), self)
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
        grid_layout.addWidget(self.overlap_label)
        grid_layout.addWidget(self.conflict_label)
        grid_layout.addWidget(self.tree, 1)
        grid_layout.addWidget(self.counterpart_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(grid)
        self.splitter.addWidget(self.entities)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([660, 96])

        self.hint_label = ElidingLabel(self.tr(HINT), self)
        self.hint_label.setObjectName("compareHint")
        self.hint_label.setToolTip(self.hint_label.text())
        self.export_buttons: dict[str, QPushButton] = {}
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 6, 12, 8)
        footer.addWidget(self.hint_label, 1)
        footer.addWidget(QLabel(self.tr("Export:"), self))
        footer.addSpacing(4)
        for fmt, label in (("md", self.tr("Markdown")), ("csv", "CSV"), ("json", "JSON")):
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
        self._show_overlap(result)
        self._show_conflicts(result)
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
        if self._expect_focus:  # an undo or a redo: the passage it gave back, if shown
            focus, self._focus, self._expect_focus = self._focus, None, False
            found = self.model.locate(focus) if focus is not None else QModelIndex()
            return self._place(found) if found.isValid() else current
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

    def expect_focus(self, coding_id: int | None) -> None:
        """Select ``coding_id`` once the next comparison is shown (an undo or a redo's
        passage; None: stay where the selection is)."""
        self._review = None
        self._focus, self._expect_focus = coding_id, True

    def _show_overlap(self, result: Comparison | None) -> None:
        """Say which articles are in both cases (their passages count on both sides)."""
        both = sorted(set(result.a.articles) & set(result.b.articles)) if result else []
        if not both:
            self.overlap_label.hide()
            self.overlap_label.clear()
            return
        self.overlap_label.setText(overlap_warning(self.library, both))
        self.overlap_label.setToolTip("\n".join(self.library.title_of(i) or f"#{i}" for i in both))
        self.overlap_label.show()

    def _show_conflicts(self, result: Comparison | None) -> None:
        """Say how many conflict copies the counts leave out (none: say nothing)."""
        count = result.conflict_copies if result is not None else 0
        if not count:
            self.conflict_label.hide()
            self.conflict_label.clear()
            return
        text = (
            self.tr("1 conflict copy is not counted here: resolve it under Conflict Copies.")
            if count == 1
            else self.tr(
                "{0} conflict copies are not counted here: resolve them under Conflict Copies."
            ).format(count)
        )
        self.conflict_label.setText(text)
        self.conflict_label.show()

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
            text = self.tr(NO_COUNTERPART)
            if item is not None:
                dim_id, side, _position = self._place(index)
                other = other_side(side)
                case = html.escape(case_label(self.model.result, other))
                text = (
                    self.tr("<i>Nothing in {0} on this dimension.</i>").format(case)
                    if not self.model.evidence(dim_id, other)
                    else self.tr("<i>No sentence in {0} shares a word with this one.</i>").format(
                        case
                    )
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
        closest = self.tr("Closest in <b>{0}</b> (similarity {1})").format(
            case, QLocale().toString(float(pair.similarity), "f", 2)
        )
        quoted = self.tr("\u201c{0}\u201d").format(text)
        show = self.tr("Show")
        muted, accent = self.theme.muted, self.theme.accent
        markup = (  # the words are translated above; this is only their layout
            f"<span style='color:{muted}'>{closest}</span> \u2014 {quoted} "
            f"<span style='color:{muted}'>{title}</span> "
            f"&nbsp;<a href='counterpart' style='color:{accent}'>{show}</a>"
        )
        self.counterpart_label.setText(markup)
        self.tree.viewport().update()

    @Slot(str)
    def on_counterpart_link(self, _link: str) -> None:
        if self.delegate.counterpart is not None:
            dim_id, side, index = self.delegate.counterpart
            self.select_evidence(dim_id, side, self.model.position_of(dim_id, side, index))

    @Slot(str)
    def review_current(self, action: str) -> bool:
        """Accept, reject, move or return to suggested the selected evidence; ``undo``
        asks for the newest review to be taken back."""
        if action == "undo":  # the newest review, wherever the selection is
            self.undo_requested.emit()
            return True
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
            self._expect_focus = False
            self.move_requested.emit(item.coding_id, target)
            return True
        self._review = review
        self._expect_focus = False
        self.review_requested.emit(item.coding_id, STATUS_OF[action])
        return True

    @Slot(QPoint)
    def on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if self.model.evidence_at(index) is None:
            return
        self.tree.setCurrentIndex(index)
        self.review_menu().popup(self.tree.viewport().mapToGlobal(pos))

    def review_menu(self) -> QMenu:
        """The selected evidence's menu: show it, review it, undo the newest review."""
        menu = QMenu(self)
        menu.setObjectName("reviewMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for text, key, action in (
            (self.tr("Show Passage"), "Enter", ""),
            (self.tr("Accept"), "A", "accept"),
            (self.tr("Reject"), "R", "reject"),
            (self.tr("Move to Dimension\u2026"), "M", "move"),
            (self.tr("Back to Suggested"), "", "suggest"),
            (self.tr("Undo Last Review"), "U", "undo"),
        ):
            entry = menu.addAction(f"{text}\t{key}" if key else text)
            if action:
                entry.triggered.connect(lambda _c=False, a=action: self.review_current(a))
            else:
                entry.triggered.connect(self.open_current)
        return menu

    # -- look --------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.delegate.set_theme(theme)
        self.entities.set_theme(theme)
        self.setStyleSheet(_stylesheet(theme))
        self._show_counterpart(self.tree.currentIndex())


def overlap_warning(library: Library, article_ids: Sequence[int]) -> str:
    """The warning for cases that share ``article_ids``: how many, and which (plain text)."""
    titles = [library.title_of(i) or f"#{i}" for i in article_ids]
    named = ", ".join(f"\u201c{t}\u201d" for t in titles[:OVERLAP_SHOWN])
    if len(titles) > OVERLAP_SHOWN:
        named = QCoreApplication.translate(CONTEXT, "{0} and {1} more").format(
            named, len(titles) - OVERLAP_SHOWN
        )
    if len(titles) == 1:
        text = QCoreApplication.translate(
            CONTEXT, "Both cases include the same article: {0}. Its passages count on both sides."
        )
    else:
        text = QCoreApplication.translate(
            CONTEXT,
            "Both cases include {1} of the same articles: {0}. Their passages count on both sides.",
        )
    return text.format(named, len(titles))


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
QLabel#overlapLabel, QLabel#conflictLabel {{
    background: {t.find}; color: {t.text}; border-top: 1px solid {t.rule}; padding: 6px 14px;
}}
"""
