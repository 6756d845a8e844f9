"""Qt models of the entity sidebar, and how entity types look.

:class:`EntityTreeModel` groups entities by type (top-level rows, with how many entities
each holds) for one article or for the whole library, with mention counts in a second
column and a text filter over names and aliases. Its rows hold entity ids and the small
:class:`~reader.library.entities.EntityInfo` records the library returns; it also keeps the
open article's entities with their mention offsets, whatever the scope, so the reader can
highlight them. :class:`MentioningArticlesModel` lists the other articles that mention one
entity, with counts. Types are named and coloured as everywhere else
(:mod:`reader.ui.common.colours`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from reader.analysis.corrections import TYPES
from reader.library import Library
from reader.library.entities import EntityInfo
from reader.ui.common.colours import type_colours, type_label
from reader.ui.common.roles import ARTICLE_ID_ROLE, PANE_ROLES, Index, TwoLevelModel

SCOPES = ("article", "library")

translate = QCoreApplication.translate

ENTITY_ID_ROLE = PANE_ROLES + 1
ENTITY_TYPE_ROLE = PANE_ROLES + 2
COUNT_ROLE = PANE_ROLES + 3
NAME_ROLE = PANE_ROLES + 4


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


def _muted() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _matches(info: EntityInfo, needle: str) -> bool:
    return needle in info.name.casefold() or any(needle in a.casefold() for a in info.aliases)


def _mentions(count: int) -> str:
    """``1 mention``, ``3 mentions`` (numbers in the interface's locale)."""
    if count == 1:
        text = translate("EntityModels", "{n} mention")
    else:
        text = translate("EntityModels", "{n} mentions")
    return text.format(n=QLocale().toString(count))


class EntityTreeModel(TwoLevelModel):
    """Types as top-level rows, their entities below; columns: name, mentions."""

    NAME, COUNT = 0, 1

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article_id: int | None = None
        self.scope = "article"
        self.filter_text = ""
        self.article_entities: list[EntityInfo] = []
        self._listed: list[EntityInfo] = []
        self._groups: list[tuple[str, list[EntityInfo]]] = []
        self._swatches: dict[str, QIcon] = {}
        self._loaded = False
        self._colours = {t: strong for t, (_soft, strong) in type_colours("light").items()}

    # -- loading -----------------------------------------------------------------------
    def load(self, article_id: int | None, scope: str | None = None) -> None:
        """Show the entities of ``article_id`` (or the library's, by ``scope``)."""
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
        if self.scope == "library" and scope in (None, "library") and self._loaded:
            self.article_id = article_id  # the listed entities stay as they are
            self.article_entities = self._article_entities()
            return
        self.scope = scope or self.scope
        self.article_id = article_id
        self.refresh()

    def _article_entities(self) -> list[EntityInfo]:
        return self.library.article_entities(self.article_id) if self.article_id else []

    def refresh(self) -> None:
        """Query the library again for the current article and scope."""
        self.article_entities = self._article_entities()
        self._loaded = True
        if self.scope == "library":
            self._listed = self.library.entities()
        else:
            self._listed = list(self.article_entities)
        self._regroup()

    def set_filter(self, text: str) -> None:
        """Show only entities whose name or an alias contains ``text`` (any case)."""
        text = text.strip().casefold()
        if text != self.filter_text:
            self.filter_text = text
            self._regroup()

    def _regroup(self) -> None:
        self.beginResetModel()
        by_type: dict[str, list[EntityInfo]] = {t: [] for t in TYPES}
        for info in self._listed:
            if not self.filter_text or _matches(info, self.filter_text):
                by_type.setdefault(info.type, []).append(info)
        self._groups = [(t, items) for t, items in by_type.items() if items]
        self.endResetModel()

    def set_type_colours(self, colours: Mapping[str, str]) -> None:
        """Colour the type swatches (``{type: colour}``, the theme's strong colours)."""
        self._colours = dict(colours)
        self._swatches.clear()
        if self._groups:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._groups) - 1, 0),
                [Qt.ItemDataRole.DecorationRole],
            )

    # -- lookups -----------------------------------------------------------------------
    @property
    def listed_count(self) -> int:
        """How many entities the scope holds (before filtering)."""
        return len(self._listed)

    @property
    def shown_count(self) -> int:
        return sum(len(items) for _t, items in self._groups)

    def info(self, entity_id: int) -> EntityInfo | None:
        """The listed entity ``entity_id`` (filtered out or not)."""
        return next((i for i in self._listed if i.id == entity_id), None)

    def mentions_of(self, entity_id: int) -> tuple[tuple[int, int], ...]:
        """Where the open article mentions ``entity_id`` (empty if it does not)."""
        found = next((i for i in self.article_entities if i.id == entity_id), None)
        return found.mentions if found else ()

    def mentions_by_type(self) -> dict[str, list[tuple[int, int]]]:
        """Every mention in the open article, grouped by entity type."""
        out: dict[str, list[tuple[int, int]]] = {}
        for info in self.article_entities:
            out.setdefault(info.type, []).extend(info.mentions)
        return out

    def find_name(self, name: str) -> int | None:
        """The id of the listed entity called ``name`` (or known by it), any case."""
        wanted = name.strip().casefold()
        for info in self._listed:
            if info.name.casefold() == wanted:
                return info.id
        for info in self._listed:
            if any(a.casefold() == wanted for a in info.aliases):
                return info.id
        return None

    def entity_index(self, entity_id: int) -> QModelIndex:
        """The index of ``entity_id`` in column 0 (invalid when not shown)."""
        for g, (_type, items) in enumerate(self._groups):
            for r, info in enumerate(items):
                if info.id == entity_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def entity_id(self, index: Index) -> int | None:
        value = index.data(ENTITY_ID_ROLE) if index.isValid() else None
        return None if value is None else int(value)

    # -- the model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if self.is_group(parent) and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.NAME:
                return translate("EntityTreeModel", "Entity")
            if section == self.COUNT:
                return translate("EntityTreeModel", "Mentions")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_group(index):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if self.is_group(index):
            return self._type_data(index, role)
        type_, items = self._groups[index.internalId() - 1]
        info = items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return info.name if column == self.NAME else QLocale().toString(info.count)
        if role == ENTITY_ID_ROLE:
            return info.id
        if role == ENTITY_TYPE_ROLE:
            return type_
        if role == COUNT_ROLE:
            return info.count
        if role == NAME_ROLE:
            return info.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COUNT:
            return _muted()
        return None

    def _type_data(self, index: Index, role: int) -> object:
        type_, items = self._groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return type_label(type_) if column == self.NAME else QLocale().toString(len(items))
        if role == ENTITY_TYPE_ROLE:
            return type_
        if role == COUNT_ROLE:
            return len(items)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            colour = self._colours.get(type_, "#cccccc")
            if colour not in self._swatches:
                self._swatches[colour] = _swatch(colour)
            return self._swatches[colour]
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COUNT:
            return _muted()
        if role == Qt.ItemDataRole.ToolTipRole:
            if len(items) == 1:
                tip = translate("EntityTreeModel", "{n} entity of type {kind}")
            else:
                tip = translate("EntityTreeModel", "{n} entities of type {kind}")
            return tip.format(n=QLocale().toString(len(items)), kind=type_label(type_).lower())
        return None

    def _tooltip(self, info: EntityInfo) -> str:
        lines = [f"{info.name} \u2014 {type_label(info.type).lower()}"]
        mentions = _mentions(info.count)
        if self.scope == "library":
            if info.articles == 1:
                places = translate("EntityTreeModel", "{n} article")
            else:
                places = translate("EntityTreeModel", "{n} articles")
            places = places.format(n=QLocale().toString(info.articles))
            line = translate("EntityTreeModel", "{mentions} in {articles}")
            lines.append(line.format(mentions=mentions, articles=places))
        else:
            line = translate("EntityTreeModel", "{mentions} in this article")
            lines.append(line.format(mentions=mentions))
        if info.aliases:
            also = translate("EntityTreeModel", "Also written: {names}")
            lines.append(also.format(names=", ".join(info.aliases)))
        return "\n".join(lines)


class MentioningArticlesModel(QAbstractTableModel):
    """The articles that mention one entity (but the open one); columns: title, mentions."""

    TITLE, COUNT = 0, 1

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.entity_id: int | None = None
        self.exclude: int | None = None
        self._rows: list[tuple[int, str, int]] = []

    def set_entity(self, entity_id: int | None, *, exclude: int | None = None) -> None:
        """List the articles mentioning ``entity_id``, leaving out the article ``exclude``."""
        self.beginResetModel()
        self.entity_id = entity_id
        self.exclude = exclude
        rows = self.library.articles_mentioning(entity_id) if entity_id else []
        self._rows = [r for r in rows if r[0] != exclude]
        self.endResetModel()

    def refresh(self) -> None:
        self.set_entity(self.entity_id, exclude=self.exclude)

    def article_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.TITLE:
                return translate("MentioningArticlesModel", "Article")
            if section == self.COUNT:
                return translate("MentioningArticlesModel", "Mentions")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        article_id, title, count = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return title if column == self.TITLE else QLocale().toString(count)
        if role == ARTICLE_ID_ROLE:
            return article_id
        if role == COUNT_ROLE:
            return count
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}\n{_mentions(count)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COUNT:
            return _muted()
        return None
