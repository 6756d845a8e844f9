"""The entities of a comparison: shared by both cases, only in A, only in B.

Three lists side by side under the comparison grid, each a
:class:`~reader.ui.compare.models.NamesModel` shown as a wrapping flow of name chips, with
a heading that says which list it is and how long.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.services.compare import Comparison, EntityOverlap
from reader.ui.common.roles import Index
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.compare.models import NamesModel, case_label

KEYS = ("shared", "only_a", "only_b")


class ChipDelegate(QStyledItemDelegate):
    """A name no wider than its list (a longer one is elided), so every chip shows."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        room = self.view.viewport().width() - 4 * self.view.spacing() - 2
        return QSize(max(40, min(size.width(), room)), size.height())


class EntityComparison(QWidget):
    """Shared / only-A / only-B entity names (the models hold the names)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityComparison")
        self.models: dict[str, NamesModel] = {}
        self.views: dict[str, QListView] = {}
        self.headings: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 4)
        row.setSpacing(12)
        for key in KEYS:
            column = QVBoxLayout()
            column.setSpacing(4)
            heading = QLabel(self)
            heading.setObjectName("entityHeading")
            model = NamesModel(self)
            view = QListView(self)
            view.setObjectName("entityFlow")
            view.setModel(model)
            view.setFlow(QListView.Flow.LeftToRight)
            view.setWrapping(True)
            view.setResizeMode(QListView.ResizeMode.Adjust)
            view.setUniformItemSizes(False)
            view.setSpacing(2)
            view.setSelectionMode(QListView.SelectionMode.SingleSelection)
            view.setAccessibleName(key.replace("_", " "))
            view.setItemDelegate(ChipDelegate(view))
            column.addWidget(heading)
            column.addWidget(view, 1)
            row.addLayout(column, 1)
            self.models[key], self.views[key], self.headings[key] = model, view, heading
        self._set_headings(None)

    def set_result(self, result: Comparison | None) -> None:
        """Fill the lists from a comparison's ``entities`` (empty for ``None``)."""
        entities = result.entities if result is not None else EntityOverlap()
        names = {"shared": entities.shared, "only_a": entities.only_a, "only_b": entities.only_b}
        for key in KEYS:
            self.models[key].set_names(names[key])
        self._set_headings(result)

    def _set_headings(self, result: Comparison | None) -> None:
        names = {
            "shared": self.tr("Entities in both"),
            "only_a": self.tr("Only in {0}").format(case_label(result, "a")),
            "only_b": self.tr("Only in {0}").format(case_label(result, "b")),
        }
        for key in KEYS:
            count = self.models[key].rowCount()
            self.headings[key].setText(f"{names[key]} \u00b7 {count}" if result else names[key])

    def set_theme(self, theme: Theme = LIGHT) -> None:
        t = theme
        self.setStyleSheet(
            f"""
QLabel#entityHeading {{ color: {t.muted}; font-weight: 600; }}
QListView#entityFlow {{ background: transparent; border: none; outline: 0; }}
QListView#entityFlow::item {{
    background: {t.chip_bg}; color: {t.chip_fg}; border-radius: 8px; padding: 1px 7px;
}}
QListView#entityFlow::item:selected {{ background: {t.selection}; color: {t.selection_text}; }}
"""
        )
