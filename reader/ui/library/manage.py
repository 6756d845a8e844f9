"""Managing the library from the window: edit, tag, rename and delete tags, the Trash.

:class:`ManageController` owns the actions that change what the library holds and places
them: in the library rows' context menu (Open, Edit Article…, Add Tag…, Remove Tag…, Move
to Trash — Delete while the table has the focus), in the tag filter's context menu (Rename
Tag…, Delete Tag…, Manage Tags…) and, as :attr:`ManageController.actions`, wherever the
window's menus put them. Edit, tag and trash act on the rows chosen in the library pane
(several at once for tags and the Trash); Edit Article (Ctrl+E) and Add Tag (Ctrl+T) work
from anywhere in the window (the article being read is the chosen row).

The writes are short and run on the GUI thread through the library's own methods (each one
transaction: bad input changes nothing and is said in one line); emptying the Trash, which
may delete thousands of articles with their notes and codings, runs as a task on the
single-writer pool. After each change the change bus says what changed, so the lists, the
entity sidebar, the notes and the reader follow. The questions (the edit form, which tag, a
new name, the confirmations) go through :class:`ManageDialogs`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.library import Article
from reader.library.errors import LibraryError
from reader.ui.common.errors import error_message
from reader.ui.common.pane_chrome import make_action
from reader.ui.common.text import fill
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.controller import Controller
from reader.ui.tasks.runner import Task, library_task

if TYPE_CHECKING:  # the dialogs are read when first opened
    from reader.ui.library.edit_dialog import ArticleEdit
    from reader.ui.library.pane import LibraryPane
    from reader.ui.library.tag_dialog import TagsDialog
    from reader.ui.library.trash_dialog import TrashDialog

#: What moving articles to (or from) the Trash touches: the lists, the entity counts,
#: their notes and highlights, the comparison's codings.
TRASH_AREAS = Area.ARTICLES | Area.ENTITIES | Area.NOTES | Area.CODINGS
STATUS_MS = 6000


class ManageDialogs:
    """The questions of managing the library (tests pass a stand-in with the same
    methods)."""

    def edit_article(
        self,
        parent: QWidget,
        article: Article,
        tag_names: Sequence[str],
        apply: Callable[[ArticleEdit], object],
    ) -> bool:
        """The Edit Article form over ``article``; True if it was saved (through
        ``apply``)."""
        from reader.ui.library.edit_dialog import ArticleEditDialog

        dialog = ArticleEditDialog(article, tag_names, apply, parent)
        try:
            return dialog.exec() == dialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def choose_tag(
        self,
        parent: QWidget,
        title: str,
        label: str,
        choices: Sequence[str],
        *,
        editable: bool,
        initial: str = "",
    ) -> str | None:
        """A tag among ``choices`` (or, ``editable``, any name typed); None if cancelled."""
        from reader.ui.library.tag_dialog import TagChoiceDialog

        dialog = TagChoiceDialog(
            title, label, choices, editable=editable, initial=initial, parent=parent
        )
        try:
            accepted = dialog.exec() == dialog.DialogCode.Accepted
            return dialog.chosen if accepted and dialog.chosen else None
        finally:
            dialog.deleteLater()

    def confirm(
        self, parent: QWidget, name: str, title: str, text: str, info: str, go: str
    ) -> bool:
        """Ask before something that cannot be undone; True if the user chose ``go``."""
        from PySide6.QtWidgets import QMessageBox  # on first use: not at start

        box = QMessageBox(parent)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(info)
        button = box.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is button
        finally:
            box.deleteLater()


class ManageController(Controller):
    """Edit, tag and trash articles of the library ``pane``; dialogs open over ``widget``.

    ``flush`` saves what is being edited (a note of an article about to go to the Trash);
    ``dialogs`` asks the questions (default: a :class:`ManageDialogs`).
    """

    widget: QWidget

    def __init__(
        self,
        ctx: UiContext,
        pane: LibraryPane,
        widget: QWidget,
        *,
        flush: Callable[[], object] = lambda: None,
        dialogs: Any = None,
    ) -> None:
        super().__init__(ctx, widget, widget=widget)
        self.pane = pane
        self.flush = flush
        self.dialogs = dialogs if dialogs is not None else ManageDialogs()
        self.tags_dialog: TagsDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.empty_task: Task | None = None
        self._make_actions()
        pane.set_row_actions(self.row_actions, default=self.open_action)
        pane.set_tag_actions(self.tag_actions)
        pane.selection_changed.connect(self.update_actions)
        self.update_actions()

    def _make_actions(self) -> None:
        self.open_action = make_action(self, self.tr("&Open"), self.pane.open_current)
        self.edit_action = make_action(self, self.tr("&Edit Article\u2026"), self.edit, "Ctrl+E")
        self.add_tag_action = make_action(self, self.tr("Add &Tag\u2026"), self.add_tag, "Ctrl+T")
        self.remove_tag_action = make_action(self, self.tr("Remo&ve Tag\u2026"), self.remove_tag)
        self.trash_action = make_action(
            self,
            self.tr("Move to Tras&h"),
            self.trash,
            QKeySequence.StandardKey.Delete,
            "Ctrl+Backspace",  # Cmd+Backspace, as the Finder has it
        )
        # Delete edits text everywhere else: it trashes only while the list has the focus
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.manage_tags_action = make_action(self, self.tr("Manage Ta&gs\u2026"), self.show_tags)
        self.rename_tag_action = make_action(
            self, self.tr("Re&name Tag\u2026"), lambda: self.rename_tag()
        )
        self.delete_tag_action = make_action(
            self, self.tr("&Delete Tag\u2026"), lambda: self.delete_tag()
        )
        self.show_trash_action = make_action(self, self.tr("Sho&w Trash\u2026"), self.show_trash)
        self.empty_trash_action = make_action(self, self.tr("Empt&y Trash\u2026"), self.empty_trash)
        self.trash_action.setToolTip(
            self.tr("Move the chosen articles to the Trash (they can be restored from it)")
        )
        #: The window's menu entries, in order (``None``: a separator).
        self.actions: list[QAction | None] = [
            self.edit_action,
            self.add_tag_action,
            self.remove_tag_action,
            self.trash_action,
            None,
            self.manage_tags_action,
            None,
            self.show_trash_action,
            self.empty_trash_action,
        ]
        #: The library rows' context menu.
        self.row_actions: list[QAction | None] = [
            self.open_action,
            None,
            self.edit_action,
            self.add_tag_action,
            self.remove_tag_action,
            None,
            self.trash_action,
        ]
        #: The tag filter's context menu.
        self.tag_actions: list[QAction] = [
            self.rename_tag_action,
            self.delete_tag_action,
            self.manage_tags_action,
        ]

    # -- keeping up ----------------------------------------------------------------------
    @Slot()
    def update_actions(self) -> None:
        """Offer what the chosen rows and the tag filter allow."""
        chosen = bool(self.pane.selected_ids)
        for action in (
            self.open_action,
            self.edit_action,
            self.add_tag_action,
            self.remove_tag_action,
            self.trash_action,
        ):
            action.setEnabled(chosen)
        filtered = self.pane.current_tag is not None
        self.rename_tag_action.setEnabled(filtered)
        self.delete_tag_action.setEnabled(filtered)
        self.empty_trash_action.setEnabled(self.empty_task is None)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        if not change.touches(Area.ARTICLES):
            return
        if self.tags_dialog is not None:
            self.tags_dialog.model.refresh()
        if self.trash_dialog is not None:
            self.trash_dialog.model.refresh()
        self.update_actions()

    def _publish(self, areas: Area, article_ids: Sequence[int] = ()) -> None:
        self.bus.publish(areas, article_ids)

    def _refused(self, error: LibraryError) -> None:
        self.messages.error(error_message(error))

    def _count(self, n: int, one: str, many: str) -> str:
        return one if n == 1 else fill(many, n)

    # -- editing -------------------------------------------------------------------------
    @Slot()
    def edit(self) -> bool:
        """Edit the current (else the first chosen) article's details; True if saved."""
        ids = self.pane.selected_ids
        if not ids:
            return False
        current = self.pane.table_model.article_id(self.pane.table.currentIndex().row())
        article = self.library.get(current if current in ids else ids[0])
        if article is None:
            return False
        tag_names = [name for name, _count in self.library.tag_counts()]
        return bool(
            self.dialogs.edit_article(
                self.widget, article, tag_names, lambda edit: self.apply_edit(article, edit)
            )
        )

    def apply_edit(self, article: Article, edit: ArticleEdit) -> bool:
        """Write ``edit`` over ``article`` in one transaction (raises the library's error,
        changing nothing, if it refuses); True if anything changed."""
        changes = edit.changes(article)
        added, removed = edit.tags_added(article), edit.tags_removed(article)
        if not (changes or added or removed):
            return False
        with self.library.transaction():
            if changes:
                self.library.update_article(article.id, **changes)
            for name in added:
                self.library.add_tag(name, [article.id])
            for name in removed:
                self.library.remove_tag(name, [article.id])
        self._publish(Area.ARTICLES, [article.id])
        title = edit.title or article.title
        self.messages.status(fill(self.tr("Saved \u201c%1\u201d"), title), STATUS_MS)
        return True

    # -- tags ----------------------------------------------------------------------------
    def _tag_names(self) -> list[str]:
        return [name for name, _count in self.library.tag_counts()]

    @Slot()
    def add_tag(self) -> int | None:
        """Tag the chosen articles (with a tag chosen or typed); how many took it."""
        ids = self.pane.selected_ids
        if not ids:
            return None
        label = self._count(
            len(ids),
            self.tr("Tag the chosen article with:"),
            self.tr("Tag the %1 chosen articles with:"),
        )
        name = self.dialogs.choose_tag(
            self.widget, self.tr("Add Tag"), label, self._tag_names(), editable=True
        )
        if not name:
            return None
        try:
            added = self.library.add_tag(name, ids)
        except LibraryError as error:
            self._refused(error)
            return None
        self._publish(Area.ARTICLES, ids)
        text = self._count(
            added,
            self.tr("Tagged 1 article \u201c%2\u201d"),
            self.tr("Tagged %1 articles \u201c%2\u201d"),
        )
        self.messages.status(fill(text, added, name), STATUS_MS)
        return added

    @Slot()
    def remove_tag(self) -> int | None:
        """Take a tag (one the chosen articles carry) off them; how many had it."""
        ids = self.pane.selected_ids
        if not ids:
            return None
        carried = sorted(
            {t for tags in self.library.tags_of(ids).values() for t in tags}, key=str.casefold
        )
        if not carried:
            self.messages.status(
                self._count(
                    len(ids),
                    self.tr("The chosen article has no tag."),
                    self.tr("The chosen articles have no tag."),
                ),
                STATUS_MS,
            )
            return None
        current = self.pane.current_tag
        name = self.dialogs.choose_tag(
            self.widget,
            self.tr("Remove Tag"),
            self._count(
                len(ids),
                self.tr("Remove from the chosen article the tag:"),
                self.tr("Remove from the %1 chosen articles the tag:"),
            ),
            carried,
            editable=False,
            initial=current if current is not None and current in carried else "",
        )
        if not name:
            return None
        try:
            removed = self.library.remove_tag(name, ids)
        except LibraryError as error:
            self._refused(error)
            return None
        self._publish(Area.ARTICLES, ids)
        text = self._count(
            removed,
            self.tr("Took \u201c%2\u201d off 1 article"),
            self.tr("Took \u201c%2\u201d off %1 articles"),
        )
        self.messages.status(fill(text, removed, name), STATUS_MS)
        return removed

    def rename_tag(self, old: str | None = None) -> str | None:
        """Rename ``old`` (default: the tag the filter shows) everywhere, to a name asked
        for (an existing tag's name merges the two); the new name, or None."""
        old = old or self.pane.current_tag
        if not old:
            return None
        new = self.dialogs.choose_tag(
            self.widget,
            self.tr("Rename Tag"),
            fill(self.tr("Rename \u201c%1\u201d on every article to:"), old),
            [t for t in self._tag_names() if t != old],
            editable=True,
            initial=old,
        )
        if not new or new == old:
            return None
        was_shown = self.pane.current_tag == old
        try:
            carried = self.library.rename_tag(old, new)
        except LibraryError as error:
            self._refused(error)
            return None
        self._publish(Area.ARTICLES)
        if was_shown:
            self.pane.show_tag(new)
        if self.tags_dialog is not None:
            self.tags_dialog.choose(new)
        text = self._count(
            carried,
            self.tr("Renamed \u201c%2\u201d to \u201c%3\u201d (1 article)"),
            self.tr("Renamed \u201c%2\u201d to \u201c%3\u201d (%1 articles)"),
        )
        self.messages.status(fill(text, carried, old, new), STATUS_MS)
        return new

    def delete_tag(self, name: str | None = None) -> int | None:
        """Delete ``name`` (default: the tag the filter shows) from every article, after
        confirmation (the articles stay); how many carried it."""
        name = name or self.pane.current_tag
        if not name:
            return None
        count = dict(self.library.tag_counts()).get(name, 0)
        text = fill(self.tr("Delete the tag \u201c%1\u201d from every article?"), name)
        info = self._count(
            count,
            self.tr("1 article carries it. The article itself stays in the library."),
            self.tr("%1 articles carry it. The articles themselves stay in the library."),
        )
        go = self.tr("Delete Tag")
        if not self.dialogs.confirm(self.widget, "confirmDeleteTag", go, text, info, go):
            return None
        try:
            carried = self.library.delete_tag(name)
        except LibraryError as error:
            self._refused(error)
            return None
        self._publish(Area.ARTICLES)
        done = self._count(
            carried,
            self.tr("Deleted the tag \u201c%2\u201d (from 1 article)"),
            self.tr("Deleted the tag \u201c%2\u201d (from %1 articles)"),
        )
        self.messages.status(fill(done, carried, name), STATUS_MS)
        return carried

    @Slot()
    def show_tags(self) -> TagsDialog:
        """Open (or bring forward) the Manage Tags dialog."""
        from reader.ui.library.models import TagCountsModel
        from reader.ui.library.tag_dialog import TagsDialog

        if self.tags_dialog is None:
            dialog = TagsDialog(TagCountsModel(self.library), self.widget)
            dialog.rename_requested.connect(self.rename_tag)
            dialog.delete_requested.connect(self.delete_tag)
            dialog.show_requested.connect(self.pane.show_tag)
            dialog.finished.connect(self._on_tags_closed)
            self.tags_dialog = dialog
        else:
            self.tags_dialog.model.refresh()
        current = self.pane.current_tag
        if current:
            self.tags_dialog.choose(current)
        self.tags_dialog.show()
        self.tags_dialog.raise_()
        return self.tags_dialog

    def _on_tags_closed(self) -> None:
        dialog, self.tags_dialog = self.tags_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- the Trash -----------------------------------------------------------------------
    @Slot()
    def trash(self) -> list[int]:
        """Move the chosen articles to the Trash (their notes, highlights and codings go
        with them) and open the next article of the list; the ids moved."""
        ids = self.pane.selected_ids
        if not ids:
            return []
        self.flush()
        after = self._next_after(ids)
        try:
            moved = self.library.trash_articles(ids)
        except LibraryError as error:
            self._refused(error)
            return []
        self._publish(TRASH_AREAS, moved)
        if after is not None:
            self.pane.choose_article(after)
        text = self._count(
            len(moved),
            self.tr("Moved 1 article to the Trash (Show Trash restores it)"),
            self.tr("Moved %1 articles to the Trash (Show Trash restores them)"),
        )
        self.messages.status(fill(text, len(moved)), STATUS_MS)
        return moved

    def _next_after(self, ids: Sequence[int]) -> int | None:
        """The article the list shows after the last of ``ids`` (else before the first)."""
        model = self.pane.table_model
        gone = set(ids)
        rows = list(model.rows_of(ids).values())
        if not rows:
            return None
        after, before = range(max(rows) + 1, model.rowCount()), range(min(rows) - 1, -1, -1)
        for row in chain(after, before):
            article_id = model.article_id(row)
            if article_id is not None and article_id not in gone:
                return article_id
        return None

    def restore(self, article_ids: Sequence[int]) -> list[int]:
        """Bring articles back from the Trash, whole; the ids restored."""
        try:
            back = self.library.restore_articles(list(article_ids))
        except LibraryError as error:
            self._refused(error)
            return []
        self._publish(TRASH_AREAS, back)
        text = self._count(
            len(back), self.tr("Restored 1 article"), self.tr("Restored %1 articles")
        )
        self.messages.status(fill(text, len(back)), STATUS_MS)
        return back

    @Slot()
    def show_trash(self) -> TrashDialog:
        """Open (or bring forward) the Trash dialog."""
        from reader.ui.library.models import TrashModel
        from reader.ui.library.trash_dialog import TrashDialog

        if self.trash_dialog is None:
            dialog = TrashDialog(TrashModel(self.library), self.widget)
            dialog.restore_requested.connect(self.restore)
            dialog.empty_requested.connect(self.empty_trash)
            dialog.finished.connect(self._on_trash_closed)
            self.trash_dialog = dialog
        else:
            self.trash_dialog.model.refresh()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    def _on_trash_closed(self) -> None:
        dialog, self.trash_dialog = self.trash_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    @Slot()
    def empty_trash(self) -> Task | None:
        """After confirmation, delete every article in the Trash for good (in the
        background: a big Trash takes a while); the task, or None."""
        if self.empty_task is not None:
            return None
        count = len(self.library.trashed_articles())
        if not count:
            self.messages.status(self.tr("The Trash is empty."), STATUS_MS)
            return None
        text = self._count(
            count,
            self.tr("Delete the article in the Trash for good?"),
            self.tr("Delete the %1 articles in the Trash for good?"),
        )
        info = self.tr(
            "Their notes, highlights and codings are deleted with them. This cannot be undone."
        )
        title = self.tr("Empty Trash")
        if not self.dialogs.confirm(self.widget, "confirmEmptyTrash", title, text, info, title):
            return None
        self.flush()
        task = library_task(
            self.library_path,
            self.tr("Emptying the Trash"),
            lambda library, _task: library.empty_trash(),
            writes_library=True,
        )
        self.empty_task = task
        self.update_actions()
        return self.start(task, on_success=self._on_emptied, on_finished=self._on_empty_finished)

    def _on_emptied(self, deleted: int) -> None:
        self._publish(TRASH_AREAS)
        text = self._count(
            deleted,
            self.tr("Deleted 1 article for good"),
            self.tr("Deleted %1 articles for good"),
        )
        self.messages.status(fill(text, deleted), STATUS_MS)

    def _on_empty_finished(self) -> None:
        self.empty_task = None
        self.update_actions()
