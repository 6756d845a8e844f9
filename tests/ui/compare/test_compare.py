"""The comparison pane: its models, filling on the samples, evidence to passage, one-key
review, manual coding from the reader, case pickers, status filter, exports and cancel."""

from __future__ import annotations

import csv
import io
import json
import threading

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.app import apply_view, run_gui
from reader.library import Draft, Library
from reader.services import framing
from reader.services.compare import CSV_FIELDS, Case, Comparison, EntityOverlap, compare
from reader.ui.common.theme import LIGHT
from reader.ui.compare.controller import compare_task, suggested_name
from reader.ui.compare.delegate import CellStyle, cell_html
from reader.ui.compare.models import (
    CODING_ID_ROLE,
    COUNT_ROLE,
    EVIDENCE_INDEX_ROLE,
    KIND_ROLE,
    ONLY_ROLE,
    ArticleChoiceModel,
    CompareModel,
    CompareRequest,
    NamesModel,
    lead_order,
)

TASK_MS = 20_000


@pytest.fixture
def result(sampled) -> Comparison:
    return compare(sampled)


@pytest.fixture
def pane(window, qtbot):
    """The window in its compare view, with the samples compared."""
    with qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS):
        apply_view(window, "compare")
    return window.compare_pane


def wait_shown(window, qtbot):
    return qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS)


def first_with_both(model: CompareModel) -> str:
    return next(
        d for d, _l in model.dimensions() if model.evidence(d, "a") and model.evidence(d, "b")
    )


# -- models ---------------------------------------------------------------------------------
def test_compare_model_passes_the_model_tester(result, qtmodeltester):
    model = CompareModel()
    model.set_result(result)
    qtmodeltester.check(model)
    model.set_result(None)
    qtmodeltester.check(model)


def test_compare_model_rows_cells_and_lead_pair(result):
    model = CompareModel()
    model.set_result(result)
    assert model.rowCount() == len(result.dimensions)
    for row, dim in enumerate(result.dimensions):
        parent = model.index(row, 0)
        assert parent.data() == dim.label
        assert parent.data(Qt.ItemDataRole.ToolTipRole) == dim.description
        assert model.rowCount(parent) == max(len(dim.a), len(dim.b), 1) - 1
        for column, side in ((1, "a"), (2, "b")):
            top = model.index(row, column)
            assert top.data(COUNT_ROLE) == len(dim.side(side))
            shown = [
                model.evidence_at(model.index_of(dim.id, side, p))
                for p in range(len(dim.side(side)))
            ]
            assert sorted(e.coding_id for e in shown) == sorted(e.coding_id for e in dim.side(side))
    # the lead sentences of a dimension are the closest pair across the cases
    dim = next(d for d in result.dimensions if d.a and d.b)
    order = lead_order(dim)
    lead_a = model.index_of(dim.id, "a", 0)
    lead_b = model.index_of(dim.id, "b", 0)
    assert lead_a.data(EVIDENCE_INDEX_ROLE) == order["a"][0]
    pair_a = dim.a[order["a"][0]].counterpart
    pair_b = dim.b[order["b"][0]].counterpart
    assert pair_a.index == order["b"][0] or pair_b.index == order["a"][0]
    assert lead_b.data(CODING_ID_ROLE) == dim.b[order["b"][0]].coding_id
    assert model.locate(lead_b.data(CODING_ID_ROLE)) == lead_b


def test_only_one_side_is_flagged_in_model_and_cells(result):
    model = CompareModel()
    model.set_result(result)
    row = model.dimension_row("human_toll")
    assert model.index(row, 0).data(ONLY_ROLE) == "b"
    assert model.index(row, 1).data(KIND_ROLE) == "empty"
    style = CellStyle(LIGHT, "#000000", "#777777", "serif", 8.0)
    assert "only in drc" in cell_html(model.index(row, 0), style)
    assert "Not mentioned in ukraine" in cell_html(model.index(row, 1), style)
    assert "only in drc" in cell_html(model.index(row, 2), style)


def test_names_and_article_choice_models(sampled, qtmodeltester):
    names = NamesModel()
    names.set_names(["China", "Kyiv"])
    qtmodeltester.check(names)
    assert names.index(1, 0).data() == "Kyiv"
    articles = sampled.list_articles()
    choice = ArticleChoiceModel(articles, checked=[articles[0].id])
    qtmodeltester.check(choice)
    assert choice.checked_ids == [articles[0].id]
    assert choice.setData(choice.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert choice.checked_ids == [articles[0].id, articles[1].id]
    choice.set_all(False)
    assert choice.checked_ids == []


# -- the pane on the samples ----------------------------------------------------------------
def test_compare_view_fills_the_pane(window, pane):
    assert window.compare_dock.isVisible()
    assert not window.library_dock.isVisible()
    model = pane.model
    both = [d for d, _l in model.dimensions() if model.evidence(d, "a") and model.evidence(d, "b")]
    assert len(both) >= 8
    row = model.dimension_row("human_toll")
    assert model.index(row, 0).data(ONLY_ROLE) == "b"
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("ukraine")
    assert model.headerData(2, Qt.Orientation.Horizontal).startswith("drc")
    for key in ("shared", "only_a", "only_b"):
        assert pane.entities.models[key].rowCount() > 0
    assert all(button.isEnabled() for button in pane.export_buttons.values())
    # rows grow to fit their wrapped sentences
    assert pane.tree.visualRect(model.index(0, 1)).height() > 3 * pane.fontMetrics().height()


def test_clicking_evidence_opens_the_passage_selected(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    index = pane.model.index_of(dim_id, "b", 0)
    pane.tree.scrollTo(index)
    rect = pane.tree.visualRect(index)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    item = pane.model.evidence_at(index)
    assert window.reader.article_id == item.article_id
    assert sampled.text_of(item.article_id)[item.start : item.end] == item.text
    cursor = window.reader.browser.textCursor()
    text_map = window.reader.highlights.text_map
    assert (cursor.selectionStart(), cursor.selectionEnd()) == text_map.range_to_document(
        item.start, item.end
    )
    assert window.reader.highlights.selected_range() == (item.start, item.end)
    # its closest counterpart on the other side is quoted and outlined
    assert pane.delegate.counterpart is not None
    assert pane.delegate.counterpart[1] == "a"
    assert "Closest in" in pane.counterpart_label.text()


def test_reject_key_removes_the_evidence_and_moves_on(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    before = [e.coding_id for e in pane.model.evidence(dim_id, "a")]
    pane.select_evidence(dim_id, "a", 1)
    rejected = pane.current_evidence().coding_id
    pane.tree.setFocus()
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)
    assert pane.model.locate(rejected) == QModelIndex()
    assert framing.coding(sampled, rejected).status == "rejected"
    assert pane.current_evidence().coding_id == before[2]  # the next one took its place
    assert "Rejected" in window.statusBar().currentMessage()
    # a re-run of the rules does not bring it back
    framing.run_rules(sampled, sampled.all_article_ids(), framing.codebook_for(sampled), force=True)
    assert framing.coding(sampled, rejected).status == "rejected"


def test_accept_and_undo_keys(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "b", 1)
    accepted = pane.current_evidence().coding_id
    following = pane.model.evidence(dim_id, "b")[2].coding_id
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_A)
    assert framing.coding(sampled, accepted).status == "accepted"
    assert pane.model.locate(accepted).isValid()
    assert pane.current_evidence().coding_id == following
    pane.tree.setCurrentIndex(pane.model.locate(accepted))
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_U)
    assert framing.coding(sampled, accepted).status == "suggested"
    assert pane.current_evidence().coding_id == accepted  # undo stays put


def test_move_key_recodes_to_the_chosen_dimension(window, pane, qtbot, sampled):
    asked = []

    def choose(parent, dimensions, current, where):
        asked.append((current, [d for d, _l in dimensions]))
        return "human_toll"

    pane.choose_dimension = choose
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "a", 0)
    moved = pane.current_evidence()
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_M)
    assert asked
    assert asked[0][0] == dim_id
    assert framing.coding(sampled, moved.coding_id).status == "rejected"
    toll = pane.model.evidence("human_toll", "a")
    assert [e.text for e in toll] == [moved.text]
    assert toll[0].status == "accepted"
    assert toll[0].method == "manual"
    row = pane.model.dimension_row("human_toll")
    assert pane.model.index(row, 0).data(ONLY_ROLE) == ""  # now in both cases


def test_manual_coding_from_the_reader(window, pane, qtbot, sampled):
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
    menu = window.reader.context_menu(QPoint(5, 5))
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Code Selection to")
    labels = {a.data(): a for a in sub.actions()}
    assert set(labels) == set(framing.codebook_for(sampled).dimension_ids)
    with wait_shown(window, qtbot):
        labels["human_toll"].trigger()
    found = [c for c in framing.codings(sampled, article_ids=[article_id]) if c.method == "manual"]
    assert len(found) == 1
    assert found[0].dimension == "human_toll"
    assert (found[0].start, found[0].end, found[0].status) == (start, end, "accepted")
    assert [e.coding_id for e in pane.model.evidence("human_toll", "a")] == [found[0].id]
    menu.deleteLater()


def test_no_code_menu_without_a_selection(window, pane):
    menu = window.reader.context_menu(QPoint(5, 5))
    assert not any(a.text() == "Code Selection to" for a in menu.actions())
    menu.deleteLater()


def test_changing_a_case_compares_again(window, pane, qtbot):
    combo = pane.controls.case_a
    found = combo.findData("tag:drc")
    with wait_shown(window, qtbot):
        combo.setCurrentIndex(found)
        combo.activated.emit(found)
    assert pane.model.result.a.selector == "tag:drc"
    assert pane.model.headerData(1, Qt.Orientation.Horizontal).startswith("drc")
    # chosen articles, through the (replaced) dialog
    asked = []
    pane.controls.choose_articles = lambda parent, articles, checked: (
        asked.append(checked) or [1, 2]
    )
    choose = pane.controls.case_b.findData("choose")
    with wait_shown(window, qtbot):
        pane.controls.case_b.setCurrentIndex(choose)
        pane.controls.case_b.activated.emit(choose)
    assert asked == [[]]
    assert pane.model.result.b.selector == "ids:1,2"
    assert pane.controls.case_b.currentText() == "2 chosen articles"


def test_default_cases_and_pickers_on_an_empty_library(library, qtbot):
    from reader.services.samples import load_samples
    from reader.ui.compare.controls import CaseControls, default_cases

    assert default_cases(["alpha", "drc", "ukraine"]) == ("tag:ukraine", "tag:drc")
    assert default_cases(["alpha", "beta", "gamma"]) == ("tag:alpha", "tag:beta")
    assert default_cases(["alpha"]) == ("tag:alpha", "")
    controls = CaseControls(library)
    qtbot.addWidget(controls)
    assert controls.request().a == ""
    assert controls.request().b == ""
    load_samples(library)
    controls.refresh_choices()
    request = controls.request()
    assert (request.a, request.b, request.codebook_id) == (
        "tag:ukraine",
        "tag:drc",
        "minerals-for-security",
    )
    assert controls.codebook_combo.count() >= 2


def test_cancelling_the_chooser_keeps_the_case(window, pane, qtbot):
    pane.controls.choose_articles = lambda parent, articles, checked: None
    choose = pane.controls.case_b.findData("choose")
    pane.controls.case_b.setCurrentIndex(choose)
    pane.controls.case_b.activated.emit(choose)
    assert pane.controls.case_b.currentData() == "tag:drc"


def test_changing_the_codebook_compares_again(window, pane, qtbot):
    pane.select_evidence(first_with_both(pane.model), "a", 0)
    combo = pane.controls.codebook_combo
    with wait_shown(window, qtbot):
        combo.setCurrentIndex(combo.findData("policy-frames"))
        combo.activated.emit(combo.currentIndex())
    assert pane.model.result.codebook == "policy-frames"
    assert len(pane.model.dimensions()) == 15
    assert pane.delegate.counterpart is None  # the old selection is gone with its codebook
    assert not pane.tree.currentIndex().isValid()


def test_status_filter(window, pane, qtbot, sampled):
    dim_id = first_with_both(pane.model)
    coding_id = pane.model.evidence(dim_id, "a")[0].coding_id
    framing.set_status(sampled, coding_id, "accepted")
    combo = pane.controls.status_combo
    with wait_shown(window, qtbot):
        combo.setCurrentIndex(combo.findData("accepted"))
        combo.activated.emit(combo.currentIndex())
    shown = [
        e for d, _l in pane.model.dimensions() for s in "ab" for e in pane.model.evidence(d, s)
    ]
    assert [e.coding_id for e in shown] == [coding_id]
    framing.set_status(sampled, coding_id, "rejected")
    with wait_shown(window, qtbot):
        combo.setCurrentIndex(combo.findData("all"))
        combo.activated.emit(combo.currentIndex())
    assert pane.model.evidence_at(pane.model.locate(coding_id)).status == "rejected"


def test_exports_write_files_that_parse(window, pane, tmp_path):
    asked = []

    def ask(parent, caption, suggested, filter_):
        asked.append(suggested)
        return str(tmp_path / suggested)

    window.compare.ask_save_path = ask
    for fmt in ("md", "csv", "json"):
        pane.export_buttons[fmt].click()
    assert asked == [
        "compare-ukraine-drc.md",
        "compare-ukraine-drc.csv",
        "compare-ukraine-drc.json",
    ]
    result = pane.model.result
    data = json.loads((tmp_path / "compare-ukraine-drc.json").read_text(encoding="utf-8"))
    assert data == result.to_json()
    with (tmp_path / "compare-ukraine-drc.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    total = sum(len(d.a) + len(d.b) for d in result.dimensions)
    assert len(rows) == total
    assert tuple(rows[0]) == CSV_FIELDS
    md = (tmp_path / "compare-ukraine-drc.md").read_text(encoding="utf-8")
    assert md.startswith("# ukraine and drc compared")
    assert "only in drc" in md
    assert "exported" in window.statusBar().currentMessage()


def test_export_cancelled_writes_nothing(window, pane, tmp_path):
    window.compare.ask_save_path = lambda *args: ""
    assert window.compare.export("csv") is None
    named = Comparison(
        "book", Case("A b!", "tag:x", ()), Case("C", "tag:y", ()), (), EntityOverlap()
    )
    assert suggested_name(named, "md") == "compare-a-b-c.md"


def test_a_cancelled_comparison_still_arrives(library_path, sampled, qtbot):
    from reader.ui.tasks.runner import Task, TaskRunner

    runner = TaskRunner()
    gate = threading.Event()
    blocker = Task(lambda task: gate.wait(10), "hold", writes_library=True)
    runner.run(blocker)  # keeps the writer busy so the comparison is cancelled before it runs
    task = compare_task(library_path, CompareRequest())
    runner.run(task)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=TASK_MS):
        gate.set()
    assert task.result.cancelled
    assert task.result.result.dimensions
    runner.shutdown()
    fresh = Library.open(library_path)
    try:
        assert framing.codings(fresh) == []
    finally:
        fresh.close()


def test_compare_screenshot(sampled, library_path, tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("FIELDREADER_SETTINGS_DIR", str(tmp_path / "settings"))
    shot = tmp_path / "compare.png"
    assert run_gui(library_path, screenshot=shot, view="compare") == 0
    assert shot.stat().st_size > 50_000


def test_compare_view_in_the_running_app(sampled, library_path, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from reader.ui.window.main_window import MainWindow

    monkeypatch.setenv("FIELDREADER_SETTINGS_DIR", str(tmp_path / "settings"))
    seen = {}

    def fake_exec() -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        qtbot.waitUntil(lambda: window.compare_pane.model.result is not None, timeout=TASK_MS)
        seen["dock"] = window.compare_dock.isVisible()
        seen["library"] = window.library_dock.isVisible()
        seen["rows"] = window.compare_pane.model.rowCount()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert run_gui(library_path, view="compare") == 0
    assert seen == {"dock": True, "library": False, "rows": 11}


def test_csv_export_round_trips_through_the_csv_module(result):
    from reader.ui.compare.controller import export_text

    rows = list(csv.reader(io.StringIO(export_text(result, "csv"))))
    assert rows[0] == list(CSV_FIELDS)
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_text(result, "pdf")


def test_layout_toggles_back(window, pane):
    from reader.ui.window.layouts import set_compare_layout

    assert window.menu_actions.compare.isChecked()
    set_compare_layout(window, False)
    assert not window.compare_dock.isVisible()
    assert window.library_dock.isVisible()
    assert not window.menu_actions.compare.isChecked()
    apply_view(window, "library")
    assert not window.compare_dock.isVisible()


def test_the_bus_drives_the_comparison(window, pane, qtbot, sampled):
    from reader.ui.tasks.bus import Area

    seen = []
    window.ctx.bus.changed.connect(seen.append)
    dim_id = first_with_both(pane.model)
    pane.select_evidence(dim_id, "a", 0)
    with wait_shown(window, qtbot):
        QTest.keyClick(pane.tree, Qt.Key.Key_R)  # a review tells the others: codings changed
    assert [c.areas for c in seen] == [Area.CODINGS]
    assert window.compare._latest is None  # its own news made it compare no second time
    sampled.add_article(Draft(title="Cobalt again", text="Cobalt left Kolwezi."), tags=["new"])
    with wait_shown(window, qtbot):  # an import elsewhere: the pickers and the grid follow
        window.ctx.bus.publish(Area.ARTICLES)
    assert pane.controls.case_a.findData("tag:new") >= 0
    stale_before = window.compare.stale
    window.ctx.bus.publish(Area.NOTES)  # notes are not compared: nothing to do
    assert window.compare._latest is None
    assert window.compare.stale == stale_before
