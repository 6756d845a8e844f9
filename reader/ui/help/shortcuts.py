"""Help › Keyboard Shortcuts: every shortcut of the window, read from its actions.

:func:`shortcut_groups` walks the window's menu bar (submenus too) and collects each
``QAction`` that has a shortcut, grouped by the menu it is in and in menu order, then the
actions the window holds outside its menus, then any extra groups the caller gives (keys
a pane reads itself, such as the comparison grid's A, R, M and U). The texts are the
actions' own (already translated), without their ``&`` marks; the keys of the extra
groups, given the portable way (``Enter``, ``Shift+F10``), are written as the platform
and the interface's language write them (``Entrée``, ``Maj+F10``). :func:`row_menu_keys`
is such a group: the keys that open the library list's row menu (the Menu key and
Shift+F10, which the pane reads itself). A :class:`ShortcutModel` (menus as groups, their
commands below, the keys beside) shows them in a :class:`ShortcutsDialog` with a filter,
as wide as its longest command needs (within the screen).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.roles import Index, TwoLevelModel
from reader.ui.help.sizing import DIALOG_MARGINS, opening_size

# The dialog's size when the screen has room for it (wider when a command needs it).
SHORTCUTS_SIZE = QSize(560, 640)
# Room beside the two columns: the list's frame, its scroll bar, a little air.
LIST_CHROME = 48
# The keys that open the library list's row menu, the portable way.
ROW_MENU_KEYS = ("Menu", "Shift+F10")


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One command and its keys, as shown."""

    command: str
    keys: str


@dataclass(frozen=True, slots=True)
class ShortcutGroup:
    """The shortcuts of one menu (or of one pane's own keys)."""

    title: str
    shortcuts: tuple[Shortcut, ...]


def plain_text(text: str) -> str:
    """An action's text as a list shows it: no ``&`` marks, no tab and what follows it."""
    text = text.split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def keys_text(action: QAction) -> str:
    """An action's shortcuts as this platform writes them, comma-separated."""
    fmt = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(fmt) for s in action.shortcuts() if not s.isEmpty())


def native_keys(keys: str) -> str:
    """Keys given the portable way (``Enter``, ``Shift+F10``, several comma-separated) as
    this platform and the interface's language write them; text that names no key is
    kept as it is."""
    parts = [part.strip() for part in keys.split(", ")]
    sequences = [
        QKeySequence.fromString(p, QKeySequence.SequenceFormat.PortableText) for p in parts
    ]
    portable = QKeySequence.SequenceFormat.PortableText
    if any(s.count() != 1 or not s.toString(portable) for s in sequences):
        return keys  # not one key per part: as given
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)


def row_menu_keys() -> ShortcutGroup:
    """The keys the library list reads itself: the Menu key and Shift+F10 open the menu
    of its chosen rows."""
    return ShortcutGroup(
        QCoreApplication.translate("ShortcutsDialog", "Library list"),
        (
            Shortcut(
                QCoreApplication.translate("ShortcutsDialog", "Open the menu of the chosen rows"),
                ", ".join(ROW_MENU_KEYS),
            ),
        ),
    )


def _menu_shortcuts(menu: QMenu, seen: set[int]) -> list[Shortcut]:
    found: list[Shortcut] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_menu_shortcuts(sub, seen))
            continue
        keys = keys_text(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            found.append(Shortcut(plain_text(action.text()), keys))
    return found


def shortcut_groups(
    bar: QMenuBar,
    others: Sequence[QAction] = (),
    *,
    others_title: str = "",
    extra: Sequence[ShortcutGroup] = (),
) -> list[ShortcutGroup]:
    """The shortcuts of ``bar``'s menus, of ``others`` (actions outside the menus, under
    ``others_title``) and the ``extra`` groups; empty groups are left out."""
    seen: set[int] = set()
    groups: list[ShortcutGroup] = []
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found = _menu_shortcuts(menu, seen)
            if found:
                groups.append(ShortcutGroup(plain_text(top.text()), tuple(found)))
    loose = []
    for action in others:
        keys = keys_text(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            loose.append(Shortcut(plain_text(action.text()), keys))
    if loose:
        groups.append(ShortcutGroup(others_title, tuple(loose)))
    for group in extra:
        if group.shortcuts:
            native = tuple(Shortcut(s.command, native_keys(s.keys)) for s in group.shortcuts)
            groups.append(ShortcutGroup(group.title, native))
    return groups


class ShortcutModel(TwoLevelModel):
    """Groups (menus) at the top, their commands below; column 1 holds the keys."""

    def __init__(
        self, groups: Sequence[ShortcutGroup], headers: tuple[str, str], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.groups = list(groups)
        self.headers = headers

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.groups)
        if self.is_group(parent) and parent.column() == 0:
            return len(self.groups[parent.row()].shortcuts)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.is_group(index):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.groups[index.row()].title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self.groups[index.internalId() - 1].shortcuts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item.command if index.column() == 0 else item.keys
        return None

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < 2 else None
        return None

    def count(self) -> int:
        """How many shortcuts are listed."""
        return sum(len(g.shortcuts) for g in self.groups)


class _Filter(QSortFilterProxyModel):
    """Keeps the commands whose text or keys hold :attr:`needle`, with their group (a
    group that matches keeps all its commands)."""

    needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        if not parent.isValid():  # a group: shown when it or one of its commands matches
            group = model.index(row, 0)
            return self._matches(group) or any(
                self.filterAcceptsRow(r, group) for r in range(model.rowCount(group))
            )
        return any(self._matches(model.index(row, c, parent)) for c in (0, 1)) or self._matches(
            parent
        )

    def _matches(self, index: QModelIndex | Index) -> bool:
        return not self.needle or self.needle in str(index.data() or "").casefold()


class ShortcutsDialog(QDialog):
    """The list of shortcuts, every group open, with a filter."""

    def __init__(self, groups: Sequence[ShortcutGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.model = ShortcutModel(groups, (self.tr("Command"), self.tr("Keys")), self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("shortcutFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by command or key"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.on_filter_changed)
        self.view = QTreeView(self)
        self.view.setObjectName("shortcutList")
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGINS)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        preferred = QSize(max(SHORTCUTS_SIZE.width(), self.needed_width()), SHORTCUTS_SIZE.height())
        self.resize(opening_size(parent if parent is not None else self, preferred))

    def needed_width(self) -> int:
        """How wide the dialog must be for every command and its keys to show whole."""
        margins = DIALOG_MARGINS.left() + DIALOG_MARGINS.right()
        columns = self.view.sizeHintForColumn(0) + self.view.sizeHintForColumn(1)
        return columns + self.view.indentation() + margins + LIST_CHROME

    def on_filter_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self.view.expandAll()
