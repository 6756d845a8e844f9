"""The entity sidebar: who, where and what the open article mentions, and the corrections.

A filter box and a scope choice (this article or the whole library) sit above a tree of
entities grouped by type with mention counts; below, the other articles that mention the
selected entity, with counts (Enter or a double-click opens one and keeps the entity
selected there). The context menu of an entity offers Rename…, Change Type ▸, Merge
Into… and Not an Entity. The pane owns no data (the models of
:mod:`reader.ui.entities.models` do) and runs nothing itself: it asks for corrections with
:attr:`EntityPane.correction_requested`; when the change bus says entities or articles
changed, :meth:`EntityPane.on_changed` queries again, keeping (or choosing) the selection.
Questions go through an :class:`EntityDialogs`, which tests replace. The tree's expanders
are drawn from images made for the theme, by rules of the pane's stylesheet
(:mod:`reader.ui.entities.expanders`), so a first paint that shows them calls no Python style
hook.
"""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.ui.common.colours import TYPE_LABELS, type_colours
from reader.ui.common.pane_chrome import (
    Mode,
    choice_combo,
    filter_edit,
    item_view,
    lay_out_pane,
    pane_splitter,
    size_columns,
    stacked,
    with_placeholder,
)
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.common.theme import LIGHT, Theme
from reader.ui.entities.expanders import ROWS_PROPERTY, expander_sheet, row_parity
from reader.ui.entities.models import SCOPES, EntityTreeModel, MentioningArticlesModel
from reader.ui.tasks.bus import Area, Change

if TYPE_CHECKING:  # the dialogs' classes, imported where they are made
    from PySide6.QtWidgets import QDialog

translate = QCoreApplication.translate

SCOPE_LABELS = {
    "article": QT_TRANSLATE_NOOP("EntityPane", "This article"),
    "library": QT_TRANSLATE_NOOP("EntityPane", "Whole library"),
}
TREE_PAGE, EMPTY_PAGE = 0, 1
ICON_ROOM = 16  # the height a view gives a row's icon (the style's small icon size)
NO_ARTICLE = QT_TRANSLATE_NOOP("EntityPane", "Open an article to see who and what it mentions.")
NO_ENTITIES = QT_TRANSLATE_NOOP("EntityPane", "No entities found in this article")
NO_LIBRARY_ENTITIES = QT_TRANSLATE_NOOP("EntityPane", "No entities in the library yet")
NOTHING_MATCHES = QT_TRANSLATE_NOOP("EntityPane", "No entity matches \u201c{text}\u201d")
PICK_ONE = QT_TRANSLATE_NOOP("EntityPane", "Select an entity to see where else it is mentioned.")

PANE_STYLE = Template(
    """
#entityPane { background: $window; }
QLineEdit#entityFilter, QComboBox#entityScope {
    background: $base; color: $text; border: 1px solid $rule; border-radius: 6px;
    padding: 5px 8px; selection-background-color: $selection; selection-color: $selection_text;
}
QLineEdit#entityFilter:focus, QComboBox#entityScope:focus { border: 1px solid $accent; }
QComboBox#entityScope::drop-down { border: none; width: 18px; }
QComboBox#entityScope QAbstractItemView {
    background: $base; color: $text; border: 1px solid $rule;
    selection-background-color: $selection; selection-color: $selection_text;
}
QTreeView#entityTree, QTreeView#entityArticles {
    background: $base; color: $text; border: none; border-top: 1px solid $rule; outline: 0;
}
QTreeView#entityTree::item, QTreeView#entityArticles::item { padding: 3px 2px; border: none; }
QTreeView#entityTree::item:selected, QTreeView#entityArticles::item:selected {
    background: $selection; color: $selection_text;
}
QLabel#entityEmpty {
    color: $muted; background: $base; border-top: 1px solid $rule; padding: 28px 18px;
}
QLabel#entityOthersLabel { color: $muted; background: $window; padding: 9px 12px 7px 12px; }
QSplitter#entitySplitter::handle { background: $rule; }
"""
)


def merge_dialog(parent: QWidget, name: str, candidates: list[str]) -> tuple[QDialog, QLineEdit]:
    """The (not yet shown) dialog that asks what to merge ``name`` into, and its field."""
    from PySide6.QtCore import QStringListModel  # the dialogs' classes: on first use only
    from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox

    dialog = QDialog(parent)
    dialog.setObjectName("mergeDialog")
    dialog.setWindowTitle(translate("EntityDialogs", "Merge Entity"))
    label = QLabel(
        translate("EntityDialogs", "Merge “{name}” into:").format(name=name),
        dialog,
    )
    edit = QLineEdit(dialog)
    edit.setPlaceholderText(translate("EntityDialogs", "Another entity\u2019s name"))
    completer = QCompleter(QStringListModel(candidates, dialog), dialog)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    hint = QLabel(
        translate("EntityDialogs", "“{name}” will be shown as that entity from now on.").format(
            name=name
        ),
        dialog,
    )
    hint.setWordWrap(True)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in (label, edit, hint, buttons):
        layout.addWidget(widget)
    dialog.resize(380, dialog.sizeHint().height())
    return dialog, edit


class EntityDialogs:
    """The questions the pane asks (modal dialogs); tests pass a stand-in."""

    def ask_new_name(self, parent: QWidget, name: str) -> str | None:
        """A new name for the entity ``name``, or None."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            parent,
            translate("EntityDialogs", "Rename Entity"),
            translate("EntityDialogs", "New name for “{name}”:").format(name=name),
            text=name,
        )
        text = text.strip()
        return text if ok and text and text != name else None

    def ask_merge_target(self, parent: QWidget, name: str, candidates: list[str]) -> str | None:
        """The entity ``name`` should be merged into (chosen with a completer), or None."""
        dialog, edit = merge_dialog(parent, name, candidates)
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        target = edit.text().strip()
        dialog.deleteLater()
        return target if accepted and target and target != name else None


class EntityPane(QWidget):
    """The sidebar's widget.

    Signals:
        entity_selected(entity_id, reveal): an entity was chosen (0: none); ``reveal`` asks
            the reader to scroll to its first mention.
        entities_loaded(): the article's entities were (re)loaded.
        article_activated(article_id): the user chose another article that mentions it.
        correction_requested(kind, name, value): a correction the user asked for.
    """

    entity_selected = Signal(int, bool)
    entities_loaded = Signal()
    article_activated = Signal(int)
    correction_requested = Signal(str, str, str)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        dialogs: EntityDialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entityPane")
        self.library = library
        self.dialogs = dialogs or EntityDialogs()
        self.tree_model = EntityTreeModel(library, self)
        self.others_model = MentioningArticlesModel(library, self)
        self._expected: str | None = None  # select this name after the next refresh
        self._follow: int | None = None  # keep this entity when the next article opens
        self._chosen: int | None = None  # stays chosen while a filter hides it
        self._quiet = False
        self._reveal = True
        self._expander_images = False  # whether images draw the tree's expanders

        self.filter_edit = filter_edit(
            self, "entityFilter", translate("EntityPane", "Filter entities")
        )
        self.scope_combo = choice_combo(
            self,
            "entityScope",
            {scope: translate("EntityPane", SCOPE_LABELS[scope]) for scope in SCOPES},
            translate("EntityPane", "Entities of the open article, or of the whole library"),
            translate("EntityPane", "Entity scope"),
        )

        self.tree = self._make_tree()
        self.stack, self.empty_label = with_placeholder(
            self, self.tree, "entityEmpty", translate("EntityPane", NO_ARTICLE)
        )

        self.others_label = QLabel(translate("EntityPane", PICK_ONE), self)
        self.others_label.setObjectName("entityOthersLabel")
        self.others_label.setWordWrap(True)
        self.others = self._make_others()
        lower = stacked(self, (self.others_label, 0), (self.others, 1))
        self.splitter = pane_splitter(self, "entitySplitter", self.stack, lower, (3, 1), [560, 190])
        lay_out_pane(self, [(self.filter_edit, 1), (self.scope_combo, 0)], 8, self.splitter)

        self.filter_edit.textChanged.connect(self.on_filter_text_changed)
        self.filter_edit.returnPressed.connect(self.on_filter_return_pressed)
        self.scope_combo.currentIndexChanged.connect(self.on_scope_index_changed)
        self.tree.selectionModel().currentChanged.connect(self.on_current_changed)
        self.tree.activated.connect(self.on_tree_activated)
        self.tree.customContextMenuRequested.connect(self.on_tree_context_menu_requested)
        self.others.activated.connect(self.on_other_article_activated)
        self.set_theme(LIGHT)
        self._show_state()

    def _view(self, name: str, accessible: str, model: QAbstractItemModel) -> QTreeView:
        """A headerless tree over ``model``: a name that stretches, a count that fits."""
        view = item_view(QTreeView(self), name, accessible, model)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        size_columns(view.header(), {0: Mode.Stretch, 1: Mode.ResizeToContents})
        return view

    def _make_tree(self) -> QTreeView:
        tree = self._view("entityTree", translate("EntityPane", "Entities"), self.tree_model)
        tree.setIndentation(14)
        tree.setAnimated(False)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # a row is as tall as its text or its swatch's icon room, with the sheet's even
        # padding: the expander images for that parity, checked once rows are shown
        rows = max(tree.fontMetrics().height(), ICON_ROOM)
        tree.setProperty(ROWS_PROPERTY, row_parity(rows))
        return tree

    def _make_others(self) -> QTreeView:
        view = self._view(
            "entityArticles",
            translate("EntityPane", "Other articles mentioning the entity"),
            self.others_model,
        )
        view.setRootIsDecorated(False)
        view.setToolTip(translate("EntityPane", "Enter or a double-click opens the article"))
        return view

    def set_theme(self, theme: Theme) -> None:
        """Restyle the pane, the tree's expanders and the type swatches for ``theme`` (the
        sheet set only when it changes: setting one restyles every widget of the pane)."""
        # the expanders drawn from images, by a rule of this sheet: set before the window
        # is shown, it costs nothing more (a sheet set on a shown tree restyles it: 6-7 ms)
        expanders = expander_sheet("QTreeView#entityTree", theme, self.tree.indentation())
        self._expander_images = bool(expanders)
        sheet = PANE_STYLE.safe_substitute(theme.as_dict()) + expanders
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        colours = type_colours(theme.name)
        self.tree_model.set_type_colours({t: strong for t, (_soft, strong) in colours.items()})

    def _fit_expanders(self) -> None:
        """Have the tree's expander images (the pane's sheet has them for rows of an even
        and of an odd height: :func:`~reader.ui.entities.expanders.expander_sheet`) fit its
        rows once it shows any: restyled only should its rows' parity not be the one
        guessed when it was made (:meth:`_make_tree`)."""
        if not self.tree_model.shown_count:
            return
        parity = row_parity(self.tree.sizeHintForRow(0))
        if parity == self.tree.property(ROWS_PROPERTY):
            return
        self.tree.setProperty(ROWS_PROPERTY, parity)
        style = self.tree.style()
        style.unpolish(self.tree)
        style.polish(self.tree)
        self.tree.viewport().update()

    # -- what is shown -----------------------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return self.tree_model.article_id

    @property
    def scope(self) -> str:
        return self.tree_model.scope

    @property
    def current_entity_id(self) -> int | None:
        """The chosen entity (even while the filter hides it)."""
        return self._chosen

    def set_article(self, article_id: int | None) -> None:
        """Show the entities of ``article_id`` (None or 0: no article)."""
        follow, self._follow = self._follow, None
        keep = follow or (self.current_entity_id if self.scope == "library" else None)
        self.tree_model.load(article_id or None)
        self._after_load(keep, None, reveal=bool(follow))

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus: entities or articles (or the whole library) changed."""
        if change.touches(Area.ENTITIES | Area.ARTICLES):
            self.refresh()

    def refresh(self) -> None:
        """Query again (after a correction or re-extraction), keeping the selection."""
        current = self.current_entity_id
        info = self.tree_model.info(current) if current else None
        expected, self._expected = self._expected, None
        self.tree_model.refresh()
        if expected is not None:
            self._after_load(None, expected, reveal=False)
        else:
            self._after_load(current, info.name if info else None, reveal=False)

    def expect_selection(self, name: str | None) -> None:
        """After the next :meth:`refresh`, select the entity called ``name`` ("" for none)."""
        self._expected = name

    def set_scope(self, scope: str) -> None:
        """``article`` or ``library``."""
        self.scope_combo.setCurrentIndex(SCOPES.index(scope))

    def _after_load(self, entity_id: int | None, name: str | None, *, reveal: bool) -> None:
        self.tree.expandAll()
        self._fit_expanders()
        self._show_state()
        self.entities_loaded.emit()
        model = self.tree_model
        if entity_id is None or not model.entity_index(entity_id).isValid():
            entity_id = model.find_name(name) if name else None
        if entity_id is not None and model.entity_index(entity_id).isValid():
            self._select(entity_id, reveal)
        else:
            self._choose(None, reveal=False)

    def shows_expanders(self) -> bool:
        """Whether the tree shows groups to open or close (the types of the entities
        shown)."""
        return bool(self.tree_model.shown_count)

    def expanders_need_style(self) -> bool:
        """Whether the tree shows expanders that only the readable style
        (:class:`~reader.ui.common.theme.ReadableStyle`) draws: their images could not be
        made (:meth:`set_theme`)."""
        return self.shows_expanders() and not self._expander_images

    def _show_state(self) -> None:
        model = self.tree_model
        if model.shown_count:
            self.stack.setCurrentIndex(TREE_PAGE)
            return
        if model.filter_text and model.listed_count:
            text = translate("EntityPane", NOTHING_MATCHES).format(
                text=self.filter_edit.text().strip()
            )
        elif model.scope == "library":
            text = translate("EntityPane", NO_LIBRARY_ENTITIES)
        else:
            text = translate("EntityPane", NO_ENTITIES if model.article_id else NO_ARTICLE)
        self.empty_label.setText(text)
        self.stack.setCurrentIndex(EMPTY_PAGE)

    # -- choosing entities -------------------------------------------------------------
    def select_entity(self, entity_id: int, *, reveal: bool = True) -> bool:
        """Select ``entity_id`` in the tree (clearing a filter that hides it)."""
        if not self.tree_model.entity_index(entity_id).isValid() and self.filter_edit.text():
            self.filter_edit.clear()
        if not self.tree_model.entity_index(entity_id).isValid():
            return False
        self._select(entity_id, reveal)
        return True

    def select_entity_named(self, name: str, *, reveal: bool = True) -> bool:
        """Select the entity called ``name`` (or known by it), any case."""
        entity_id = self.tree_model.find_name(name)
        return entity_id is not None and self.select_entity(entity_id, reveal=reveal)

    def _select(self, entity_id: int, reveal: bool) -> None:
        index = self.tree_model.entity_index(entity_id)
        if index == self.tree.currentIndex():
            self._choose(entity_id, reveal=reveal)
            return
        self._reveal = reveal
        try:
            self.tree.setCurrentIndex(index)
        finally:
            self._reveal = True
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _choose(self, entity_id: int | None, *, reveal: bool) -> None:
        self._chosen = entity_id
        self.others_model.set_entity(entity_id, exclude=self.article_id)
        if entity_id is None:
            self.others_label.setText(translate("EntityPane", PICK_ONE))
        else:
            count = self.others_model.rowCount()
            if count == 0:
                text = translate("EntityPane", "Not mentioned in any other article.")
            elif count == 1:
                text = translate("EntityPane", "Also in {n} other article").format(n=count)
            else:
                text = translate("EntityPane", "Also in {n} other articles").format(
                    n=QLocale().toString(count)
                )
            self.others_label.setText(text)
        self.entity_selected.emit(entity_id or 0, reveal)

    def mentions_of(self, entity_id: int) -> tuple[tuple[int, int], ...]:
        """Where the open article mentions ``entity_id``."""
        return self.tree_model.mentions_of(entity_id)

    def type_of(self, entity_id: int) -> str:
        info = self.tree_model.info(entity_id)
        return info.type if info else "other"

    def mentions_by_type(self) -> dict[str, list[tuple[int, int]]]:
        return self.tree_model.mentions_by_type()

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self._choose(self.tree_model.entity_id(current), reveal=self._reveal)

    @Slot(QModelIndex)
    def on_tree_activated(self, index: QModelIndex) -> None:
        entity_id = self.tree_model.entity_id(index)
        if entity_id is not None:  # Enter or a double-click: back to the first mention
            self.entity_selected.emit(entity_id, True)

    @Slot(QModelIndex)
    def on_other_article_activated(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self._follow = self.current_entity_id
            self.article_activated.emit(int(article_id))

    # -- filter and scope --------------------------------------------------------------
    @Slot(str)
    def on_filter_text_changed(self, text: str) -> None:
        current = self.current_entity_id
        self.tree_model.set_filter(text)
        self.tree.expandAll()
        self._show_state()
        index = self.tree_model.entity_index(current) if current else QModelIndex()
        if index.isValid():  # the same entity, still chosen: nothing to tell anyone
            self._quiet = True
            try:
                self.tree.setCurrentIndex(index)
            finally:
                self._quiet = False

    @Slot()
    def on_filter_return_pressed(self) -> None:
        first_group = self.tree_model.index(0, 0)
        first = self.tree_model.index(0, 0, first_group)
        entity_id = self.tree_model.entity_id(first)
        if entity_id is not None:
            self._select(entity_id, True)
            self.tree.setFocus()

    @Slot(int)
    def on_scope_index_changed(self, row: int) -> None:
        scope = SCOPES[row] if 0 <= row < len(SCOPES) else "article"
        current = self.current_entity_id
        self.tree_model.load(self.article_id, scope)
        self._after_load(current, None, reveal=False)

    # -- corrections -------------------------------------------------------------------
    @Slot(QPoint)
    def on_tree_context_menu_requested(self, pos: QPoint) -> None:
        entity_id = self.tree_model.entity_id(self.tree.indexAt(pos))
        if entity_id is None:
            return
        menu = self.context_menu(entity_id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, entity_id: int) -> QMenu:
        """Rename…, Change Type ▸, Merge Into… and Not an Entity for ``entity_id``."""
        info = self.tree_model.info(entity_id)
        menu = QMenu(self)
        menu.addAction(
            translate("EntityPane", "Rename\u2026"),
            lambda: self.on_rename_requested(entity_id),
        )
        types = menu.addMenu(translate("EntityPane", "Change Type"))
        for type_, label in TYPE_LABELS.items():
            action = types.addAction(label)
            action.setCheckable(info is not None and info.type == type_)
            action.setChecked(action.isCheckable())
            action.setEnabled(info is None or info.type != type_)
            action.triggered.connect(lambda _c=False, t=type_: self.retype_entity(entity_id, t))
        menu.addAction(
            translate("EntityPane", "Merge Into\u2026"),
            lambda: self.on_merge_requested(entity_id),
        )
        menu.addSeparator()
        menu.addAction(
            translate("EntityPane", "Not an Entity"),
            lambda: self.hide_entity(entity_id),
        )
        return menu

    def _name(self, entity_id: int) -> str | None:
        info = self.tree_model.info(entity_id)
        return info.name if info else None

    def _request(self, kind: str, name: str, value: str, then_select: str) -> None:
        self.expect_selection(then_select)
        self.correction_requested.emit(kind, name, value)

    @Slot()
    def on_rename_requested(self, entity_id: int | None = None) -> None:
        entity_id = entity_id or self.current_entity_id
        name = self._name(entity_id) if entity_id else None
        if name is not None:
            new_name = self.dialogs.ask_new_name(self, name)
            if new_name:
                self._request("rename", name, new_name, new_name)

    @Slot()
    def on_merge_requested(self, entity_id: int | None = None) -> None:
        entity_id = entity_id or self.current_entity_id
        name = self._name(entity_id) if entity_id else None
        if name is None:
            return
        target = self.dialogs.ask_merge_target(self, name, self.merge_candidates(name))
        if target:
            self._request("merge", name, target, target)

    def merge_candidates(self, name: str) -> list[str]:
        """Names to merge ``name`` into: the article's entities first, then the library's."""
        names = [i.name for i in self.tree_model.article_entities]
        names += self.library.entity_names()
        return [n for n in dict.fromkeys(names) if n != name]

    def retype_entity(self, entity_id: int, type_: str) -> None:
        name = self._name(entity_id)
        if name is not None:
            self._request("retype", name, type_, name)

    def hide_entity(self, entity_id: int) -> None:
        """ "Not an entity": hide it here and everywhere, now and later."""
        name = self._name(entity_id)
        if name is not None:
            self._request("hide", name, "", "")
