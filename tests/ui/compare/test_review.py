"""The comparison's review history (U, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Edit › Undo) and the
warnings for cases that share articles (in the pane and in the Choose Articles dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest

from reader.app import apply_view
from reader.services import framing
from reader.ui.compare.dialogs import ArticleChooser
from reader.ui.compare.review import Edited, step_for

TASK_MS = 20_000


@pytest.fixture
def pane(window, qtbot):
    with qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS):
        apply_view(window, "compare")
    return window.compare_pane


def wait_shown(window, qtbot):
    return qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS)


def first_with_both(model) -> str:
    return next(
        d
        for d, _l in model.dimensions()
        if len(model.evidence(d, "a")) > 2 and len(model.evidence(d, "b")) > 2
    )


def cell_ids(pane, dim_id: str, side: str) -> list[int]:
    return [e.coding_id for e in pane.model.evidence(dim_id, side)]


def test_u_undoes_a_reject_exactly(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    before = cell_ids(pane, dim_id, "a")
    pane.select_evidence(dim_id, "a", 1)
    rejected = pane.current_evidence().coding_id
    pane.tree.setFocus()
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)
    assert rejected not in cell_ids(pane, dim_id, "a")
    pane.select_evidence(dim_id, "b", 0)  # the selection elsewhere: U still undoes the reject
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_U)
    assert framing.coding(sampled, rejected).status == "suggested"
    assert cell_ids(pane, dim_id, "a") == before  # same dimension, same place
    assert pane.current_evidence().coding_id == rejected  # and selected
    assert "Undone: Reject" in window.statusBar().currentMessage()
    assert window.compare.redo_action.isEnabled()
    assert window.compare.redo_action.text() == "&Redo Reject"
    with wait_shown(window, qtbot):
        window.compare.redo_action.trigger()
    assert framing.coding(sampled, rejected).status == "rejected"
    assert rejected not in cell_ids(pane, dim_id, "a")


def test_undo_a_move_brings_the_passage_back(window, pane, qtbot, sampled):
    pane.choose_dimension = lambda parent, dims, current, where: "human_toll"
    dim_id = first_with_both(pane.model)
    before = cell_ids(pane, dim_id, "a")
    pane.select_evidence(dim_id, "a", 0)
    moved = pane.current_evidence()
    moved_uid = framing.coding(sampled, moved.coding_id).uid
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_M)
    created = pane.model.evidence("human_toll", "a")[0].coding_id
    assert window.compare.undo_action.text() == "&Undo Move to \u201cHuman toll\u201d"
    with wait_shown(window, qtbot):
        window.compare.undo_action.trigger()  # Edit › Undo (Ctrl+Z)
    assert framing.coding(sampled, moved.coding_id).status == "suggested"
    assert framing.coding(sampled, moved.coding_id).dimension == dim_id
    assert cell_ids(pane, dim_id, "a") == before
    assert pane.model.evidence("human_toll", "a") == []
    assert framing.coding(sampled, created) is None  # removed, not merely rejected
    assert pane.current_evidence().coding_id == moved.coding_id
    with wait_shown(window, qtbot):
        window.compare.redo()
    assert [e.coding_id for e in pane.model.evidence("human_toll", "a")] == [created]
    assert framing.coding(sampled, moved.coding_id).status == "rejected"
    assert pane.current_evidence().coding_id == created
    with wait_shown(window, qtbot):
        window.compare.undo()  # and once more: the original is back as it was
    original = framing.coding(sampled, moved.coding_id)
    assert (original.status, original.dimension, original.uid) == ("suggested", dim_id, moved_uid)
    assert (original.start, original.end, original.text) == (moved.start, moved.end, moved.text)
    assert framing.coding(sampled, created) is None


def test_undo_an_accept_and_several_in_turn(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "b", 0)
    first = pane.current_evidence().coding_id
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_A)
    second = pane.current_evidence().coding_id
    assert second != first
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)
    assert window.compare.undo_stack.count() == 2
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_U)
    assert framing.coding(sampled, second).status == "suggested"
    assert framing.coding(sampled, first).status == "accepted"
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_U)
    assert framing.coding(sampled, first).status == "suggested"
    assert pane.current_evidence().coding_id == first
    assert not window.compare.undo_action.isEnabled()
    assert window.compare.undo_action.text() == "&Undo Review"
    lines = []
    window.ctx.messages.shown.connect(lambda text, _ms: lines.append(text))
    assert window.compare.undo() is False
    assert lines == ["Nothing to undo in the comparison."]


def test_undo_a_manual_coding(window, pane, qtbot, sampled):
    article_id = pane.model.result.a.articles[0]
    text = sampled.text_of(article_id)
    window.open_article(article_id)
    start = text.index(" ", 40) + 1
    end = text.index(" ", start + 25)
    mapped = window.reader.highlights.text_map.range_to_document(start, end)
    cursor = QTextCursor(window.reader.browser.document())
    cursor.setPosition(mapped[0])
    cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
    window.reader.browser.setTextCursor(cursor)
    with wait_shown(window, qtbot):
        window.compare.code_selection("human_toll")
    coded = pane.model.evidence("human_toll", "a")
    assert len(coded) == 1
    made = framing.coding(sampled, coded[0].coding_id)
    with wait_shown(window, qtbot):
        window.compare.undo()
    assert pane.model.evidence("human_toll", "a") == []
    assert framing.coding(sampled, coded[0].coding_id) is None  # removed, not rejected
    with wait_shown(window, qtbot):
        window.compare.redo()
    assert [e.coding_id for e in pane.model.evidence("human_toll", "a")] == [coded[0].coding_id]
    assert framing.coding(sampled, coded[0].coding_id) == made  # the very same coding
    assert pane.current_evidence().coding_id == made.id
    with wait_shown(window, qtbot):
        window.compare.undo()  # a second round works the same
    assert framing.coding(sampled, made.id) is None
    with wait_shown(window, qtbot):
        window.compare.redo()
    assert framing.coding(sampled, made.id) == made


def test_undo_actions_in_the_edit_menu_with_their_keys(window, pane):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.compare.undo_action in edit.actions()
    assert window.compare.redo_action in edit.actions()
    assert window.compare.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert [s.toString() for s in window.compare.redo_action.shortcuts()] == [
        "Ctrl+Shift+Z",
        "Ctrl+Y",
    ]
    index = pane.model.index_of(first_with_both(pane.model), "a", 0)
    pane.tree.setCurrentIndex(index)
    # the pane's own menu offers the undo too
    menu = pane.review_menu()
    texts = [a.text() for a in menu.actions()]
    assert "Undo Last Review\tU" in texts
    assert "Back to Suggested" in texts
    undo = next(a for a in menu.actions() if a.text().startswith("Undo"))
    lines = []
    window.ctx.messages.shown.connect(lambda text, _ms: lines.append(text))
    undo.trigger()  # nothing reviewed yet
    assert lines == ["Nothing to undo in the comparison."]
    menu.deleteLater()


def test_a_failed_undo_clears_the_history(window, pane, qtbot):
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "a", 0)
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)
    stack = window.compare.undo_stack
    command = stack.command(0)
    bad = ("status", "no-such-uid", "suggested")
    command.step = type(command.step)(command.step.text, (bad,), (bad,), None, None)
    errors = []
    window.ctx.messages.error_shown.connect(errors.append)
    stack.undo()
    qtbot.waitUntil(lambda: bool(errors), timeout=TASK_MS)
    assert "Could not compare" in errors[0]
    assert stack.count() == 0


def test_steps_of_each_review():
    status = step_for(
        Edited("Rejected", "status", 4, before="suggested", after="rejected", uid="u4")
    )
    assert (status.undo, status.redo, status.focus_undo) == (
        (("status", "u4", "suggested"),),
        (("status", "u4", "rejected"),),
        "u4",
    )
    same = Edited("x", "status", 4, before="accepted", after="accepted", uid="u4")
    assert step_for(same) is None
    move = step_for(
        Edited(
            "m",
            "move",
            4,
            before="accepted",
            created=9,
            label="Adversary",
            uid="u4",
            created_uid="u9",
        )
    )
    assert move.text == "Move to \u201cAdversary\u201d"
    assert move.undo == (("remove", "u9", ""), ("status", "u4", "accepted"))
    assert move.redo == (("status", "u4", "rejected"), ("restore", "u9", ""))
    assert (move.focus_undo, move.focus_redo) == ("u4", "u9")
    code = step_for(Edited("c", "code", created=7, label="Voices", created_uid="u7"))
    assert (code.undo, code.redo, code.focus_undo, code.focus_redo) == (
        (("remove", "u7", ""),),
        (("restore", "u7", ""),),
        None,
        "u7",
    )
    assert step_for(Edited("undone")) is None
    assert step_for(Edited("c", "code", created=7, label="Voices")) is None  # no uid


# -- cases that share articles --------------------------------------------------------------
def test_overlapping_cases_are_named(window, pane, qtbot, sampled):
    assert not pane.overlap_label.isVisible()
    shared = pane.model.result.a.articles[0]
    other = pane.model.result.b.articles[0]
    title = sampled.title_of(shared)
    with wait_shown(window, qtbot):
        pane.controls.set_case("b", f"ids:{shared},{other}")
    assert pane.overlap_label.isVisible()
    assert "the same article" in pane.overlap_label.text()
    assert title in pane.overlap_label.text()
    sampled.add_tag("drc", [shared])  # tags that overlap say it too
    with wait_shown(window, qtbot):
        pane.controls.refresh_choices()
        pane.controls.set_case("b", "tag:drc")
    assert title in pane.overlap_label.text()
    sampled.remove_tag("drc", [shared])
    with wait_shown(window, qtbot):
        pane.controls.set_case("b", "tag:drc")
    assert not pane.overlap_label.isVisible()


def test_the_chooser_marks_and_warns_about_the_other_cases_articles(window, pane, sampled):
    articles = sampled.list_articles()
    in_a = list(pane.model.result.a.articles)
    seen = {}

    def fake_dialog(parent, listed, checked, others=()):
        seen["others"] = list(others)
        return None

    import reader.ui.compare.dialogs as dialogs

    original = dialogs.choose_articles
    dialogs.choose_articles = fake_dialog
    try:
        choose = pane.controls.case_b.findData("choose")
        pane.controls.case_b.setCurrentIndex(choose)
        pane.controls.case_b.activated.emit(choose)
    finally:
        dialogs.choose_articles = original
    assert sorted(seen["others"]) == sorted(in_a)

    chooser = ArticleChooser(articles, [], window, others=in_a)
    try:
        assert not chooser.overlap_label.isVisibleTo(chooser)
        row = chooser.model.ids.index(in_a[0])
        index = chooser.model.index(row)
        assert index.data() == f"\u21c4 {sampled.title_of(in_a[0])}"
        assert "in the other case" in index.data(Qt.ItemDataRole.ToolTipRole)
        chooser.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        assert chooser.overlap_label.isVisibleTo(chooser)
        assert sampled.title_of(in_a[0]) in chooser.overlap_label.text()
        chooser.model.set_all(False)
        assert not chooser.overlap_label.isVisibleTo(chooser)
    finally:
        chooser.deleteLater()


def test_no_selection_and_no_history(window, pane):
    pane.tree.setCurrentIndex(QModelIndex())
    assert pane.review_current("accept") is False
    assert pane.review_current("undo") is True  # asks; the controller says there is nothing
    assert window.compare.undo_stack.count() == 0
    assert pane.on_context_menu_requested(QPoint(-5, -5)) is None


def test_ctrl_z_and_ctrl_y_from_the_keyboard(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "a", 0)
    rejected = pane.current_evidence().coding_id
    window.activateWindow()
    pane.tree.setFocus()
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)
    ctrl = Qt.KeyboardModifier.ControlModifier
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_Z, ctrl)
    assert framing.coding(sampled, rejected).status == "suggested"
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_Y, ctrl)
    assert framing.coding(sampled, rejected).status == "rejected"
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_Z, ctrl)
    shift = ctrl | Qt.KeyboardModifier.ShiftModifier
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_Z, shift)
    assert framing.coding(sampled, rejected).status == "rejected"
