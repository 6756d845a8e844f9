"""Qt models of the comparison pane: the dimension-by-case grid, entity names, article choice.

:class:`CompareModel` shows the :class:`~reader.services.compare.Comparison` that
:func:`reader.services.compare.compare` returns as a tree with three columns (the
dimension, case A, case B). Each top-level row is one of the codebook's dimensions; its
case cells hold how much evidence that side has and the *lead* sentence of each side: the
closest pair across the two cases (by the comparison's counterparts), so the collapsed grid
reads point by point. Its child rows hold the rest in text order, evidence ``i + 1`` of
each side in child row ``i`` (a side that has run out leaves its cell empty). "Position"
below means this display order; every :class:`~reader.services.compare.Evidence` keeps its
place in the comparison's own list as ``index`` (what counterparts point at). Evidence
cells carry the coding's ids and offsets in roles, so a view can open the passage or
review the coding without knowing the comparison. :class:`NamesModel` lists entity names;
:class:`ArticleChoiceModel` is a checkable list of articles (ids and titles) for choosing a
case by hand. :class:`CompareRequest` says what to compare (Qt-free data, shared with the
tasks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)

from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, language_code
from reader.library import ArticleSummary
from reader.library.statuses import CODING_STATUSES, CodingStatus
from reader.services.compare import (
    DEFAULT_A,
    DEFAULT_B,
    SHOWN_STATUSES,
    SIDES,
    Comparison,
    DimensionComparison,
    Evidence,
    Side,
)
from reader.ui.common.roles import ARTICLE_ID_ROLE, PANE_ROLES, Index, TwoLevelModel

__all__ = [
    "SIDES",
    "ArticleChoiceModel",
    "CompareModel",
    "CompareRequest",
    "NamesModel",
    "ShownDimension",
    "case_label",
    "interface_language",
    "lead_order",
    "localized_result",
]

KIND_ROLE = PANE_ROLES + 21  # "dimension", "evidence" or "empty"
DIMENSION_ID_ROLE = PANE_ROLES + 22
SIDE_ROLE = PANE_ROLES + 23  # "a" or "b" (None in the dimension column)
EVIDENCE_INDEX_ROLE = PANE_ROLES + 24  # index in the comparison's own list
CODING_ID_ROLE = PANE_ROLES + 25
SPAN_ROLE = PANE_ROLES + 26  # (start, end) in the article's text
TITLE_ROLE = PANE_ROLES + 27
STATUS_ROLE = PANE_ROLES + 28
METHOD_ROLE = PANE_ROLES + 29
COUNT_ROLE = PANE_ROLES + 30  # evidence on this side (dimension rows)
ARTICLE_COUNT_ROLE = PANE_ROLES + 31  # articles with evidence (dimension rows)
ONLY_ROLE = PANE_ROLES + 32  # "a", "b" or "" for the dimension's row
COUNTERPART_ROLE = PANE_ROLES + 33  # a Counterpart, or None
CASE_LABEL_ROLE = PANE_ROLES + 34  # the label of the cell's case
DESCRIPTION_ROLE = PANE_ROLES + 35

OTHER_MARK = "\u21c4"  # before the title of an article the other case has too

#: The status filters: their labels (translated where shown, context "CompareModel").
STATUS_FILTERS: dict[str, tuple[str, tuple[CodingStatus, ...]]] = {
    "shown": (QT_TRANSLATE_NOOP("CompareModel", "Suggested and accepted"), SHOWN_STATUSES),
    "accepted": (QT_TRANSLATE_NOOP("CompareModel", "Accepted only"), (CodingStatus.ACCEPTED,)),
    "all": (QT_TRANSLATE_NOOP("CompareModel", "Everything, with rejected"), CODING_STATUSES),
}


@dataclass(frozen=True, slots=True)
class CompareRequest:
    """What to compare: two case selectors, the codebook, the statuses shown and whose
    codings (``coder``; None: every coder's)."""

    a: str = DEFAULT_A
    b: str = DEFAULT_B
    codebook_id: str = DEFAULT_CODEBOOK
    statuses: tuple[str, ...] = SHOWN_STATUSES
    coder: str | None = None


def interface_language() -> str:
    """The language the window is shown in (``fr``; ``en`` untranslated): the default
    locale, which the window's translation sets with it."""
    return language_code(QLocale().name()) or "en"


def localized_result(result: Comparison, book: Codebook) -> Comparison:
    """``result`` with the dimension labels and descriptions of ``book`` (a codebook
    :meth:`~reader.analysis.codebooks.Codebook.localized` for the window's language)."""
    dims = {d.id: d for d in book.dimensions}
    return replace(
        result,
        dimensions=tuple(
            replace(d, label=dims[d.id].label, description=dims[d.id].description)
            if d.id in dims
            else d
            for d in result.dimensions
        ),
    )


def lead_order(dim: DimensionComparison) -> dict[Side, list[int]]:
    """Per side, the display order of a dimension's evidence: the closest pair first."""
    best: tuple[float, int, int] | None = None
    for side in SIDES:
        for i, item in enumerate(dim.side(side)):
            pair = item.counterpart
            if pair is None:
                continue
            here = (float(pair.similarity), i, int(pair.index))
            lead = here if side == "a" else (here[0], here[2], here[1])
            if best is None or lead[0] > best[0]:
                best = lead
    order: dict[Side, list[int]] = {side: list(range(len(dim.side(side)))) for side in SIDES}
    if best is not None:
        for side, first in (("a", best[1]), ("b", best[2])):
            order[side].remove(first)
            order[side].insert(0, first)
    return order


def case_label(result: Comparison | None, side: Side) -> str:
    """The label of case ``side`` in ``result`` ("A" or "B" when there is none)."""
    if result is None:
        return side.upper()
    return result.case(side).label


@dataclass(frozen=True, slots=True)
class ShownDimension:
    """A dimension of the comparison with each side's evidence in display order."""

    dimension: DimensionComparison
    a: tuple[Evidence, ...]
    b: tuple[Evidence, ...]

    @classmethod
    def of(cls, dim: DimensionComparison) -> ShownDimension:
        order = lead_order(dim)
        a, b = dim.a, dim.b
        return cls(dim, tuple(a[i] for i in order["a"]), tuple(b[i] for i in order["b"]))

    @property
    def id(self) -> str:
        return self.dimension.id

    @property
    def only(self) -> Side | None:
        return self.dimension.only

    def side(self, side: Side) -> tuple[Evidence, ...]:
        return self.a if side == "a" else self.b


class CompareModel(TwoLevelModel):
    """Dimensions by cases, with the evidence of each cell (see the module doc)."""

    COLUMNS = ("Dimension", "a", "b")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Comparison | None = None
        self._dims: list[ShownDimension] = []

    # -- data in -----------------------------------------------------------------------
    def set_result(self, result: Comparison | None) -> None:
        """Show ``result`` (from ``compare``), or nothing."""
        self.beginResetModel()
        self.result = result
        self._dims = [ShownDimension.of(d) for d in result.dimensions] if result else []
        self.endResetModel()

    def dimensions(self) -> list[tuple[str, str]]:
        """``(id, label)`` of every dimension shown, in codebook order."""
        return [(d.id, d.dimension.label) for d in self._dims]

    def dimension_row(self, dimension_id: str) -> int:
        """The top-level row of ``dimension_id`` (-1 when it is not shown)."""
        for row, dim in enumerate(self._dims):
            if dim.id == dimension_id:
                return row
        return -1

    def evidence(self, dimension_id: str, side: Side) -> list[Evidence]:
        """The evidence of one cell in display order (empty when there is none)."""
        row = self.dimension_row(dimension_id)
        return list(self._dims[row].side(side)) if row >= 0 else []

    def position_of(self, dimension_id: str, side: Side, index: int) -> int:
        """The display position of item ``index`` of the comparison's list (-1: none)."""
        for position, item in enumerate(self.evidence(dimension_id, side)):
            if item.index == index:
                return position
        return -1

    def index_of(self, dimension_id: str, side: str, position: int) -> QModelIndex:
        """The cell showing evidence ``position`` of ``side`` in ``dimension_id``."""
        row = self.dimension_row(dimension_id)
        if row < 0 or side not in SIDES or position < 0:
            return QModelIndex()
        column = 1 if side == "a" else 2
        parent = self.index(row, 0)
        if position == 0:
            return self.index(row, column)
        return self.index(position - 1, column, parent)

    def locate(self, coding_id: int) -> QModelIndex:
        """The cell showing the coding ``coding_id`` (invalid when it is not shown)."""
        for dim in self._dims:
            for side in SIDES:
                for position, item in enumerate(dim.side(side)):
                    if item.coding_id == coding_id:
                        return self.index_of(dim.id, side, position)
        return QModelIndex()

    # -- structure ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._dims)
        if not self.is_group(parent) or parent.column() != 0:
            return 0
        dim = self._dims[parent.row()]
        return max(0, len(dim.a) - 1, len(dim.b) - 1)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    # -- cells -------------------------------------------------------------------------
    def _cell(self, index: Index) -> tuple[ShownDimension, Side | None, int]:
        """The dimension, the side (None: the dimension column) and the evidence position."""
        if self.is_group(index):
            dim = self._dims[index.row()]
            position = 0
        else:
            dim = self._dims[index.internalId() - 1]
            position = index.row() + 1
        side = SIDES[index.column() - 1] if index.column() > 0 else None
        return dim, side, position

    def evidence_at(self, index: Index) -> Evidence | None:
        """The evidence shown at ``index`` (None for dimension labels and empty cells)."""
        if not index.isValid() or index.model() is not self:
            return None
        dim, side, position = self._cell(index)
        if side is None or position >= len(dim.side(side)):
            return None
        return dim.side(side)[position]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        dim, side, position = self._cell(index)
        if side is None and not self.is_group(index):
            return Qt.ItemFlag.NoItemFlags  # the empty dimension column of a child row
        if side is not None and position >= len(dim.side(side)) and not self.is_group(index):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dim, side, position = self._cell(index)
        top = self.is_group(index)
        if side is None:
            return self._dimension_data(dim, top, role)
        return self._case_data(dim, side, position, top, role)

    def _dimension_data(self, dim: ShownDimension, top: bool, role: int) -> Any:
        if not top:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return dim.dimension.label
        if role in (Qt.ItemDataRole.ToolTipRole, DESCRIPTION_ROLE):
            return dim.dimension.description or None
        if role == KIND_ROLE:
            return "dimension"
        if role == DIMENSION_ID_ROLE:
            return dim.id
        if role == ONLY_ROLE:
            return dim.only or ""
        if role == CASE_LABEL_ROLE:
            return case_label(self.result, dim.only) if dim.only else ""
        return None

    def _case_data(
        self, dim: ShownDimension, side: Side, position: int, top: bool, role: int
    ) -> Any:
        items = dim.side(side)
        item = items[position] if position < len(items) else None
        if role == KIND_ROLE:
            return "evidence" if item is not None else "empty"
        if role == DIMENSION_ID_ROLE:
            return dim.id
        if role == SIDE_ROLE:
            return side
        if role == CASE_LABEL_ROLE:
            return case_label(self.result, side)
        if role == ONLY_ROLE:
            return (dim.only or "") if top else ""
        if role == COUNT_ROLE:
            return len(items) if top else None
        if role == ARTICLE_COUNT_ROLE:
            return len({e.article_id for e in items}) if top else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            who = f" \u00b7 {item.coder}" if item.coder else ""
            return f"{item.text}\n\n{item.title} \u00b7 {item.status}, {item.method}{who}"
        values = {
            EVIDENCE_INDEX_ROLE: item.index,
            CODING_ID_ROLE: item.coding_id,
            ARTICLE_ID_ROLE: item.article_id,
            SPAN_ROLE: (item.start, item.end),
            TITLE_ROLE: item.title,
            STATUS_ROLE: str(item.status),
            METHOD_ROLE: item.method,
            COUNTERPART_ROLE: item.counterpart,
        }
        return values.get(role)

    def headerData(  # noqa: N802 (Qt override)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Dimension")
            side = SIDES[section - 1]
            if self.result is None:
                return self.tr("Case {0}").format(side.upper())
            count = len(self.result.case(side).articles)
            text = (
                self.tr("{0} \u00b7 {1} article")
                if count == 1
                else self.tr("{0} \u00b7 {1} articles")
            )
            return text.format(case_label(self.result, side), count)
        if role == SIDE_ROLE and section > 0:
            return SIDES[section - 1]
        return None


class NamesModel(QAbstractListModel):
    """A plain list of names (the entities one comparison column holds)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []

    def set_names(self, names: Sequence[str]) -> None:
        self.beginResetModel()
        self.names = list(names)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.names):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.names[index.row()]
        return None


class ArticleChoiceModel(QAbstractListModel):
    """Articles with a check box each: the case the user picks by hand."""

    def __init__(
        self,
        articles: Sequence[ArticleSummary],
        checked: Sequence[int] = (),
        parent: QObject | None = None,
        *,
        others: Sequence[int] = (),
        others_note: str = "in the other case",
    ) -> None:
        super().__init__(parent)
        self.ids = [a.id for a in articles]
        self._titles = {a.id: a.title for a in articles}
        self._others = {i for i in others if i in self._titles}
        self._meta = {
            a.id: " \u00b7 ".join(
                t
                for t in (a.source or "", *a.tags, others_note if a.id in self._others else "")
                if t
            )
            for a in articles
        }
        self._checked = {i for i in checked if i in self._titles}
        self._others_note = others_note

    @property
    def checked_ids(self) -> list[int]:
        """The ticked articles, in list order."""
        return [i for i in self.ids if i in self._checked]

    def title(self, article_id: int) -> str:
        return self._titles.get(article_id, f"#{article_id}")

    def checked_in_others(self) -> list[int]:
        """The ticked articles the other case has too, in list order."""
        return [i for i in self.checked_ids if i in self._others]

    def set_all(self, on: bool) -> None:
        self._checked = set(self.ids) if on else set()
        if self.ids:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.ids) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        article_id = self.ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = self._titles[article_id]
            return f"{OTHER_MARK} {title}" if article_id in self._others else title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._meta[article_id] or None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if article_id in self._checked else Qt.CheckState.Unchecked
        if role == ARTICLE_ID_ROLE:
            return article_id
        return None

    def setData(  # noqa: N802 (Qt override)
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        article_id = self.ids[index.row()]
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(article_id)
        else:
            self._checked.discard(article_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
