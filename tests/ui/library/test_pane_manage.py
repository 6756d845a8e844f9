"""The library pane's part in managing the library: several rows chosen at once (kept when
the list is refreshed), the tag filter never cut short, the counts in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from helpers.samples import SAMPLE_COUNT, count_tagged
from reader.app import build_context
from reader.ui.library.pane import LibraryPane
from reader.ui.tasks.runner import TaskRunner


@pytest.fixture
def pane(sampled, library_path, settings, qtbot):
    tasks = TaskRunner()
    ctx = build_context(sampled, library_path, settings=settings, tasks=tasks)
    pane = LibraryPane(ctx)
    qtbot.addWidget(pane)
    ctx.bus.changed.connect(pane.on_changed)
    yield pane
    tasks.shutdown()


@pytest.mark.parametrize("width", [240, 320, 600])
def test_the_tag_filter_shows_its_entry_whole_in_a_narrow_pane(pane, qtbot, width):
    pane.resize(width, 400)
    pane.show()
    qtbot.waitExposed(pane)
    combo = pane.tag_combo
    text = combo.currentText()
    assert text == f"All articles  ({SAMPLE_COUNT})"
    assert combo.width() > combo.fontMetrics().horizontalAdvance(text) + 16
    pane.show_tag("ukraine")
    assert combo.width() > combo.fontMetrics().horizontalAdvance(combo.currentText())


def test_several_rows_are_chosen_and_kept_through_a_refresh(pane):
    model, selection = pane.table_model, pane.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (1, 4, 5, 6, 9):
        selection.select(model.index(row, 0), flags)
    chosen = pane.selected_ids
    assert chosen == [model.article_id(r) for r in (1, 4, 5, 6, 9)]
    seen = []
    pane.selection_changed.connect(lambda: seen.append(True))
    pane.refresh()
    assert pane.selected_ids == chosen
    assert seen


def test_the_count_in_words(pane, sampled):
    assert pane.count_text == f"{SAMPLE_COUNT} articles"
    pane.show_tag("drc")
    assert pane.current_tag == "drc"
    assert pane.count_text == f"{count_tagged('drc')} of {SAMPLE_COUNT} articles"


def test_a_narrow_pane_keeps_room_for_titles_and_gives_it_back(pane, qtbot):
    pane.resize(400, 400)
    pane.show()
    qtbot.waitExposed(pane)
    header = pane.table.horizontalHeader()
    room = pane.table.viewport().width()
    assert header.sectionSize(0) >= int(room * 0.4) - 1
    assert header.sectionSize(1) < pane.columns.natural[1]  # Source gave way
    assert header.sectionSize(2) >= pane.table.sizeHintForColumn(2)  # dates stay whole
    pane.resize(900, 400)
    qtbot.waitUntil(lambda: header.sectionSize(1) == pane.columns.natural[1])
    header.resizeSection(3, 150)  # the user's choice stands while Title has room
    pane.resize(880, 400)
    qtbot.wait(10)
    assert header.sectionSize(3) == 150
