"""The comparison pane's questions: which articles make a case, which dimension to move to.

Each is a plain function the pane calls through an attribute, so tests replace it with one
that answers at once. :func:`choose_articles` shows a checkable list of the library's
articles (an :class:`~reader.ui.compare.models.ArticleChoiceModel`) with a filter; the
articles already in the other case are marked, and ticking one says so under the list
(its passages would count on both sides). :func:`choose_dimension` pops up a menu of the
codebook's dimensions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import ArticleSummary
from reader.ui.compare.models import OTHER_MARK, ArticleChoiceModel


class ArticleChooser(QDialog):
    """A checkable, filterable list of articles; :attr:`model` holds what is ticked."""

    def __init__(
        self,
        articles: Sequence[ArticleSummary],
        checked: Sequence[int] = (),
        parent: QWidget | None = None,
        others: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleChooser")
        self.setWindowTitle(self.tr("Choose Articles for a Case"))
        self.resize(560, 520)
        self.model = ArticleChoiceModel(
            articles, checked, self, others=others, others_note=self.tr("in the other case")
        )
        legend = QLabel(
            self.tr("{0} marks the articles the other case has already.").format(OTHER_MARK), self
        )
        legend.setObjectName("chooserLegend")
        legend.setVisible(bool(others))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        all_button = QPushButton(self.tr("Tick All"), self)
        none_button = QPushButton(self.tr("Tick None"), self)
        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button.clicked.connect(lambda: self.model.set_all(False))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        self.overlap_label = QLabel(self)
        self.overlap_label.setObjectName("chooserOverlap")
        self.overlap_label.setWordWrap(True)
        layout.addWidget(QLabel(self.tr("Tick the articles that make up this case."), self))
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(legend)
        layout.addWidget(self.overlap_label)
        layout.addLayout(row)
        self.model.dataChanged.connect(self.update_overlap)
        self.update_overlap()

    def update_overlap(self, *_args: object) -> None:
        """Say which ticked articles the other case has too (nothing when none)."""
        both = self.model.checked_in_others()
        self.overlap_label.setVisible(bool(both))
        if not both:
            self.overlap_label.clear()
            return
        titles = ", ".join(f"\u201c{self.model.title(i)}\u201d" for i in both)
        self.overlap_label.setText(
            self.tr(
                "Also in the other case: {0}. Their passages would count on both sides."
            ).format(titles)
        )


def choose_articles(
    parent: QWidget,
    articles: Sequence[ArticleSummary],
    checked: Sequence[int],
    others: Sequence[int] = (),
) -> list[int] | None:
    """Ask which articles make a case (``others``: those of the other case, marked); None
    when the user cancels or ticks nothing."""
    dialog = ArticleChooser(articles, checked, parent, others)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.model.checked_ids or None
    finally:
        dialog.deleteLater()


def choose_dimension(
    parent: QWidget, dimensions: Sequence[tuple[str, str]], current: str, where: QPoint | None
) -> str | None:
    """Pop up the dimensions (``(id, label)``) but ``current``; the id chosen, or None."""
    menu = QMenu(parent)
    menu.setObjectName("moveMenu")
    menu.addSection(QCoreApplication.translate("ArticleChooser", "Move to dimension"))
    for dim_id, label in dimensions:
        if dim_id != current:
            action = menu.addAction(label)
            action.setData(dim_id)
    chosen = menu.exec(where if where is not None else QCursor.pos())
    menu.deleteLater()
    return str(chosen.data()) if chosen is not None else None
