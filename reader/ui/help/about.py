"""Help › About Fieldreader: the version, the library's path and the licences of its parts.

An :class:`AboutDialog` says which version this is and where the library file is, then
lists what the app is made of (:func:`reader.services.licences.components`: Qt and Qt for
Python, Python, SQLite and every installed dependency, each with its version and licence)
in a :class:`ComponentModel`; selecting one shows its licence's text below, or says that
the text is not included in this installation.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.services.licences import Component
from reader.ui.common.roles import ItemListModel
from reader.ui.help.sizing import DIALOG_MARGINS, opening_size

#: The dialog's size when the screen has room for it.
ABOUT_SIZE = QSize(640, 620)


class ComponentModel(ItemListModel):
    """The app's components: "name version — licence", the summary as the tooltip."""

    def __init__(self, components: Sequence[Component], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.components = list(components)

    def rows(self) -> Sequence[Component]:
        return self.components

    def item_data(self, item: Component, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            version = f" {item.version}" if item.version else ""
            return f"{item.name}{version} \u2014 {item.licence}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.summary or None
        return None


class AboutDialog(QDialog):
    """The version, the library's path, and the licences (see the module doc)."""

    def __init__(
        self,
        version: str,
        library_path: Path,
        components: Sequence[Component],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About Fieldreader"))
        self.title_label = QLabel(
            self.tr("<b>Fieldreader</b> {0}").format(html.escape(version)), self
        )
        self.title_label.setObjectName("aboutTitle")
        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("aboutIcon")
        icon = self.windowIcon()
        if not icon.isNull():
            self.icon_label.setPixmap(icon.pixmap(48, 48))
        heading = QHBoxLayout()
        heading.addWidget(self.icon_label)
        heading.addWidget(self.title_label, 1)
        intro = QLabel(
            self.tr(
                "An offline reader for news, reports and notes. Everything stays in one "
                "file on this computer:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path_label = QLabel(str(library_path), self)
        self.path_label.setObjectName("aboutLibraryPath")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        made_of = QLabel(
            self.tr("Made with these parts, under their licences (select one to read it):"),
            self,
        )
        made_of.setWordWrap(True)
        self.model = ComponentModel(components, self)
        self.list = QListView(self)
        self.list.setObjectName("componentList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.licence_view = QPlainTextEdit(self)
        self.licence_view.setObjectName("licenceText")
        self.licence_view.setReadOnly(True)
        self.licence_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.licence_view)
        splitter.setSizes([220, 260])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGINS)
        layout.addLayout(heading)
        for widget in (intro, self.path_label, made_of):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        if components:
            self.list.setCurrentIndex(self.model.index(0))
        self.resize(opening_size(parent if parent is not None else self, ABOUT_SIZE))

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        if item is None:
            self.licence_view.clear()
            return
        if item.text:
            self.licence_view.setPlainText(item.text)
        else:
            self.licence_view.setPlainText(
                self.tr("{0}: {1}. The licence text is not included in this installation.").format(
                    item.name, item.licence
                )
            )
