"""Managing the library from its pane: the rows' context menu, the Edit Article dialog, bulk
tags, renaming and deleting tags, the Trash (restore, empty) — each change said on the bus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from helpers.samples import SAMPLE_COUNT, TAG_COUNTS, count_tagged
from reader.app import build_context
from reader.ui.library.edit_dialog import ArticleEdit, ArticleEditDialog, split_tags
from reader.ui.library.manage import TRASH_AREAS, ManageController
from reader.ui.library.pane import LibraryPane
from reader.ui.library.tag_dialog import TagChoiceDialog
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.runner import TaskRunner

TASK_MS = 15_000


class StandIn:
    """The controller's questions, answered from a list (and noted)."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.asked: list[tuple[object, ...]] = []
        self.edit: ArticleEdit | None = None

    def edit_article(self, parent, article, tag_names, apply) -> bool:
        self.asked.append(("edit", article.id, tuple(tag_names)))
        if self.edit is None:
            return False
        apply(self.edit)
        return True

    def choose_tag(self, parent, title, label, choices, *, editable, initial=""):
        self.asked.append(("tag", title, tuple(choices), editable, initial))
        return self.answers.pop(0)

    def confirm(self, parent, name, title, text, info, go) -> bool:
        self.asked.append(("confirm", name, text))
        return bool(self.answers.pop(0))


@pytest.fixture
def setup(sampled, library_path, settings, qtbot):
    tasks = TaskRunner()
    ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    ctx.bus.changed.connect(pane.on_changed)
    dialogs = StandIn()
    controller = ManageController(ctx, pane, pane, dialogs=dialogs)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitActive(pane)
    changes: list[Change] = []
    statuses: list[str] = []
    ctx.bus.changed.connect(changes.append)
    ctx.messages.shown.connect(lambda text, _ms: statuses.append(text))
    yield controller, pane, dialogs, changes, statuses
    for dialog in (controller.trash_dialog, controller.tags_dialog):
        if dialog is not None:
            dialog.close()
    tasks.shutdown()


def choose_rows(pane: LibraryPane, *rows: int) -> list[int]:
    model, selection = pane.table_model, pane.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(model.index(row, 0), flags)
    pane._syncing = True
    selection.setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    pane._syncing = False
    return [model.article_id(r) for r in rows]


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() if not a.isSeparator() else "-" for a in menu.actions()]


# -- the context menu ------------------------------------------------------------------------
def test_right_click_on_a_row_opens_its_menu_and_chooses_it(setup, monkeypatch):
    controller, pane, _dialogs, _changes, _statuses = setup
    shown: list[tuple[QMenu, QPoint]] = []
    monkeypatch.setattr(pane, "popup", lambda menu, at: shown.append((menu, at)))
    choose_rows(pane, 0, 1)
    index = pane.table_model.index(4, 0)
    pos = pane.table.visualRect(index).center()
    viewport = pane.table.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    [(menu, at)] = shown
    assert at == viewport.mapToGlobal(pos)
    assert menu_texts(menu) == [
        "&Open",
        "-",
        "&Edit Article\u2026",
        "Add &Tag\u2026",
        "Remo&ve Tag\u2026",
        "-",
        "Move to Tras&h",
    ]
    assert menu.defaultAction() is controller.open_action
    assert pane.selected_ids == [pane.table_model.article_id(4)]  # the row clicked, alone
    assert all(a.isEnabled() for a in menu.actions() if not a.isSeparator())
    assert controller.trash_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    menu.deleteLater()


def test_right_click_inside_the_chosen_rows_keeps_them(setup):
    _controller, pane, *_ = setup
    chosen = choose_rows(pane, 1, 2, 3)
    menu = pane.row_menu(pane.table.visualRect(pane.table_model.index(2, 1)).center())
    assert menu is not None
    assert pane.selected_ids == chosen
    menu.deleteLater()
    last = pane.table.visualRect(pane.table_model.index(pane.table_model.rowCount() - 1, 0))
    assert pane.row_menu(QPoint(5, last.bottom() + 50)) is None  # below every row


def test_open_from_the_menu_opens_the_current_row(setup, qtbot):
    controller, pane, *_ = setup
    [article_id] = choose_rows(pane, 3)
    with qtbot.waitSignal(pane.article_activated) as opened:
        controller.open_action.trigger()
    assert opened.args == [article_id]


def test_nothing_chosen_offers_nothing_to_do(setup):
    controller, pane, *_ = setup
    pane.table.selectionModel().clear()
    controller.update_actions()
    for action in (controller.edit_action, controller.add_tag_action, controller.trash_action):
        assert not action.isEnabled()
    assert not controller.rename_tag_action.isEnabled()  # the filter shows every article
    assert [a.text() for a in controller.actions if a is not None][:4] == [
        "&Edit Article\u2026",
        "Add &Tag\u2026",
        "Remo&ve Tag\u2026",
        "Move to Tras&h",
    ]


# -- the Edit Article dialog -----------------------------------------------------------------
def test_edit_dialog_saves_every_field(setup, qtbot):
    controller, pane, _dialogs, changes, statuses = setup
    library = controller.library
    [article_id] = choose_rows(pane, 0)
    article = library.get(article_id)
    dialog = ArticleEditDialog(
        article, ["drc", "ukraine"], lambda edit: controller.apply_edit(article, edit)
    )
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == article.title
    assert not dialog.no_date_box.isChecked()
    dialog.title_edit.setText("  A corrected   title ")
    dialog.byline_edit.setText("Amani Bisimwa")
    dialog.source_edit.setText("Radio Okapi")
    dialog.no_date_box.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.tags_edit.setText(f"{article.tags[0]}, minerals, Minerals, ")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == ArticleEditDialog.DialogCode.Accepted
    saved = library.get(article_id)
    assert saved.title == "A corrected title"
    assert (saved.byline, saved.source, saved.published, saved.language) == (
        "Amani Bisimwa",
        "Radio Okapi",
        None,
        "fr",
    )
    assert set(saved.tags) == {article.tags[0], "minerals"}
    assert changes[-1].areas == Area.ARTICLES
    assert changes[-1].article_ids == {article_id}
    assert statuses[-1] == "Saved \u201cA corrected title\u201d"
    row = pane.table_model.row_of(article_id)
    assert pane.table_model.index(row, 0).data() == "A corrected title"
    assert pane.table_model.index(row, 2).data() == ""  # no date: none shown
    assert row == pane.table_model.rowCount() - 1  # and last by date


def test_edit_dialog_cancel_changes_nothing(setup, qtbot):
    controller, pane, _dialogs, changes, _statuses = setup
    [article_id] = choose_rows(pane, 2)
    article = controller.library.get(article_id)
    dialog = ArticleEditDialog(article, [], lambda edit: controller.apply_edit(article, edit))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Something else")
    dialog.no_date_box.setChecked(True)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == ArticleEditDialog.DialogCode.Rejected
    assert controller.library.get(article_id) == article
    assert changes == []


def test_edit_dialog_refuses_bad_input_and_stays_open(setup, qtbot):
    controller, pane, _dialogs, changes, _statuses = setup
    [article_id] = choose_rows(pane, 1)
    article = controller.library.get(article_id)
    dialog = ArticleEditDialog(article, [], lambda edit: controller.apply_edit(article, edit))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("   ")
    assert not dialog.save()
    assert dialog.error_label.text() == "An article needs a title."
    dialog.title_edit.setText("Fine title")
    dialog.language_combo.setEditText("english")
    dialog.tags_edit.setText("new-tag")
    assert not dialog.save()
    assert dialog.isVisible()
    assert "not a language code" in dialog.error_label.text()
    assert controller.library.get(article_id) == article  # the title and tag did not land
    assert changes == []


def test_edit_dialog_sets_a_date_on_an_undated_article(setup, qtbot):
    controller, pane, *_ = setup
    library = controller.library
    [article_id] = choose_rows(pane, 0)
    library.update_article(article_id, published=None)
    article = library.get(article_id)
    dialog = ArticleEditDialog(article, [], lambda edit: controller.apply_edit(article, edit))
    qtbot.addWidget(dialog)
    assert dialog.no_date_box.isChecked()
    assert not dialog.date_edit.isEnabled()
    dialog.no_date_box.setChecked(False)
    dialog.date_edit.setDate(dialog.date_edit.date().fromString("2025-03-14", "yyyy-MM-dd"))
    assert dialog.save()
    assert library.get(article_id).published == "2025-03-14"


def test_edit_action_edits_the_current_article(setup):
    controller, pane, dialogs, *_ = setup
    [article_id] = choose_rows(pane, 5)
    article = controller.library.get(article_id)
    dialogs.edit = ArticleEdit.of(article)  # saved unchanged: nothing to write
    controller.edit_action.trigger()
    assert dialogs.asked[-1][:2] == ("edit", article_id)
    assert set(dialogs.asked[-1][2]) == set(TAG_COUNTS)  # every tag the library has


def test_split_tags():
    assert split_tags(" drc, , Ukraine ,drc , the  deal") == ("drc", "Ukraine", "the deal")


# -- tags ------------------------------------------------------------------------------------
def test_add_a_tag_to_several_articles_at_once(setup):
    controller, pane, dialogs, changes, statuses = setup
    chosen = choose_rows(pane, 0, 3, 6)
    dialogs.answers = ["review"]
    assert controller.add_tag() == 3
    assert dialogs.asked[-1][1:4] == ("Add Tag", tuple(TAG_COUNTS), True)
    library = controller.library
    assert set(library.article_ids(tag="review")) == set(chosen)
    assert changes[-1].article_ids == set(chosen)
    assert statuses[-1] == "Tagged 3 articles \u201creview\u201d"
    assert pane.tag_model.row_of("review") > 0  # the filter offers it
    assert pane.selected_ids == chosen  # the choice survives the refresh


def test_remove_a_tag_offers_the_tags_the_articles_carry(setup):
    controller, pane, dialogs, _changes, statuses = setup
    library = controller.library
    chosen = choose_rows(pane, 0, 1, 2)
    library.add_tag("review", chosen)
    dialogs.answers = ["review"]
    choose_rows(pane, 0, 1)
    assert controller.remove_tag() == 2
    offered = dialogs.asked[-1][2]
    assert "review" in offered
    assert set(offered) <= {"review", *TAG_COUNTS}
    assert library.article_ids(tag="review") == [chosen[2]]
    assert statuses[-1] == "Took \u201creview\u201d off 2 articles"


def test_cancelled_tag_question_changes_nothing(setup):
    controller, pane, dialogs, changes, _statuses = setup
    choose_rows(pane, 0)
    dialogs.answers = [None]
    assert controller.add_tag() is None
    assert changes == []


def test_rename_the_filtered_tag_from_the_filter(setup):
    controller, pane, dialogs, changes, statuses = setup
    pane.show_tag("drc")
    assert controller.rename_tag_action.isEnabled()
    assert controller.rename_tag_action in pane.tag_combo.actions()
    dialogs.answers = ["congo"]
    controller.rename_tag_action.trigger()
    assert dialogs.asked[-1][4] == "drc"  # the old name offered to edit
    assert pane.current_tag == "congo"
    drc = count_tagged("drc")
    assert pane.shown_count == drc
    renamed = {"congo" if tag == "drc" else tag: n for tag, n in TAG_COUNTS.items()}
    assert dict(controller.library.tag_counts()) == renamed
    assert changes[-1].areas == Area.ARTICLES
    assert statuses[-1] == f"Renamed \u201cdrc\u201d to \u201ccongo\u201d ({drc} articles)"


def test_delete_a_tag_everywhere_after_confirmation(setup):
    controller, pane, dialogs, changes, statuses = setup
    pane.show_tag("ukraine")
    dialogs.answers = [False]
    assert controller.delete_tag() is None
    assert changes == []
    dialogs.answers = [True]
    controller.delete_tag_action.trigger()
    assert dialogs.asked[-1][1] == "confirmDeleteTag"
    left = {tag: n for tag, n in TAG_COUNTS.items() if tag != "ukraine"}
    assert dict(controller.library.tag_counts()) == left
    assert controller.library.count() == SAMPLE_COUNT  # the articles stay
    assert pane.current_tag is None
    assert pane.shown_count == SAMPLE_COUNT
    ukraine = count_tagged("ukraine")
    assert statuses[-1] == f"Deleted the tag \u201cukraine\u201d (from {ukraine} articles)"


def test_manage_tags_dialog_renames_and_shows(setup, qtbot):
    controller, pane, dialogs, *_ = setup
    dialog = controller.show_tags()
    assert dialog.isVisible()
    assert dialog.model.rowCount() == len(TAG_COUNTS)
    assert dialog.choose("ukraine")
    dialogs.answers = ["Ukraine war"]
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.model.tag(dialog.table.currentIndex().row()) == "Ukraine war"
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert pane.current_tag == "Ukraine war"
    assert pane.shown_count == count_tagged("ukraine")


def test_tag_choice_dialog_offers_ok_once_named(qtbot):
    dialog = TagChoiceDialog("Add Tag", "Tag with:", ["drc", "ukraine"], editable=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.combo.currentText() == ""
    assert not ok.isEnabled()
    dialog.combo.setEditText("  field  notes ")
    assert ok.isEnabled()
    assert dialog.chosen == "field notes"


# -- the Trash -------------------------------------------------------------------------------
def test_delete_key_moves_the_chosen_rows_to_the_trash(setup, qtbot):
    controller, pane, _dialogs, changes, statuses = setup
    chosen = choose_rows(pane, 1, 2)
    following = pane.table_model.article_id(3)
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)
    with qtbot.waitSignal(pane.article_activated) as opened:
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert opened.args == [following]  # the next article is opened
    library = controller.library
    assert library.count() == SAMPLE_COUNT - 2
    assert all(pane.table_model.row_of(i) is None for i in chosen)
    assert {s.id for s in library.trashed_articles()} == set(chosen)
    assert changes[-1].areas == TRASH_AREAS
    assert changes[-1].article_ids == set(chosen)
    assert statuses[-1].startswith("Moved 2 articles to the Trash")
    assert pane.count_text == f"{SAMPLE_COUNT - 2} articles"


def test_delete_key_in_the_search_box_trashes_nothing(setup, qtbot):
    controller, pane, *_ = setup
    choose_rows(pane, 0)
    pane.search_edit.setText("cobalt")
    pane.search_edit.setFocus()
    qtbot.waitUntil(pane.search_edit.hasFocus)
    pane.search_edit.setCursorPosition(0)
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Delete)
    assert pane.search_edit.text() == "obalt"
    assert controller.library.count() == SAMPLE_COUNT
    pane.clear_search()


def test_trash_and_restore_from_the_trash_dialog(setup, qtbot):
    controller, pane, _dialogs, changes, statuses = setup
    library = controller.library
    chosen = choose_rows(pane, 0, 4)
    note = library.add_note(chosen[0], "Check the figures.")
    controller.trash_action.trigger()
    dialog = controller.show_trash()
    assert dialog.model.rowCount() == 2
    assert "2 articles are in the Trash." in dialog.summary_label.text()
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectAll()
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert library.count() == SAMPLE_COUNT
    assert dialog.model.rowCount() == 0
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert not dialog.empty_button.isEnabled()
    assert changes[-1].areas == TRASH_AREAS
    assert changes[-1].article_ids == set(chosen)
    assert statuses[-1] == "Restored 2 articles"
    assert all(pane.table_model.row_of(i) is not None for i in chosen)
    assert library.note(note) is not None  # the note came back with its article


def test_empty_the_trash_after_confirmation_in_the_background(setup, qtbot):
    controller, pane, dialogs, changes, statuses = setup
    library = controller.library
    chosen = choose_rows(pane, 2, 3, 7)
    controller.trash()
    dialog = controller.show_trash()
    dialogs.answers = [False]
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked[-1][1:] == (
        "confirmEmptyTrash",
        "Delete the 3 articles in the Trash for good?",
    )
    assert len(library.trashed_articles()) == 3
    dialogs.answers = [True]
    task = controller.empty_trash()
    assert task is not None
    assert not controller.empty_trash_action.isEnabled()
    qtbot.waitUntil(lambda: controller.empty_task is None, timeout=TASK_MS)
    assert library.trashed_articles() == []
    assert all(library.get(i) is None for i in chosen)
    assert library.count() == SAMPLE_COUNT - 3
    assert changes[-1].areas == TRASH_AREAS
    assert statuses[-1] == "Deleted 3 articles for good"
    assert dialog.model.rowCount() == 0
    assert controller.empty_trash_action.isEnabled()


def test_empty_trash_with_nothing_in_it_asks_nothing(setup):
    controller, _pane, dialogs, _changes, statuses = setup
    assert controller.empty_trash() is None
    assert dialogs.asked == []
    assert statuses[-1] == "The Trash is empty."


# -- in the window ---------------------------------------------------------------------------
def window_manage(window) -> ManageController:
    """The window's controller once the app builds one, else one built here and placed in a
    menu of the window as the app does."""
    manage = getattr(window, "manage", None)
    if manage is None:
        manage = ManageController(window.ctx, window.library_pane, window, flush=window.flush_edits)
        menu = window.menuBar().addMenu("Articles")
        for action in manage.actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
    return manage


def test_delete_trashes_only_while_the_library_table_has_the_focus(window, qtbot):
    manage = window_manage(window)
    pane = window.library_pane
    window.activateWindow()
    qtbot.waitActive(window)
    choose_rows(pane, 0)
    for elsewhere in (window.notes_pane.editor, pane.search_edit):
        elsewhere.setFocus()
        qtbot.waitUntil(elsewhere.hasFocus)
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Delete)
        assert window.library.count() == SAMPLE_COUNT
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)
    chosen = pane.selected_ids
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert window.library.count() == SAMPLE_COUNT - 1
    assert window.reader.article_id not in chosen  # the next article is open instead
    assert manage.restore(chosen) == chosen
    assert pane.table_model.rowCount() == SAMPLE_COUNT


def test_edit_article_works_from_the_reader_on_the_article_being_read(window, qtbot):
    manage = window_manage(window)
    manage.dialogs = dialogs = StandIn()
    window.activateWindow()
    qtbot.waitActive(window)
    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.asked[-1][:2] == ("edit", window.reader.article_id)
