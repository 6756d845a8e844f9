"""The comparison pane per coder: the coder picker above the grid, the counts and evidence
that follow it, and the conflict copies it leaves out (and says so)."""

from __future__ import annotations

import pytest

from reader.app import apply_view
from reader.library.coders import set_coder
from reader.services import framing
from reader.ui.compare.models import COUNT_ROLE
from reader.ui.tasks.bus import Area, Change

TASK_MS = 20_000


def wait_shown(window, qtbot):
    return qtbot.waitSignal(window.compare.comparison_shown, timeout=TASK_MS)


@pytest.fixture
def pane(window, qtbot):
    with wait_shown(window, qtbot):
        apply_view(window, "compare")
    return window.compare_pane


def _evidence_ids(pane) -> set[int]:
    return {
        e.coding_id
        for dim_id, _label in pane.model.dimensions()
        for side in ("a", "b")
        for e in pane.model.evidence(dim_id, side)
    }


def _choose(window, qtbot, pane, name: str) -> None:
    combo = pane.controls.coder_combo
    index = combo.findData(name)
    assert index >= 0
    combo.setCurrentIndex(index)
    with wait_shown(window, qtbot):
        combo.activated.emit(index)


def _second_coder(sampled) -> list[int]:
    """The samples' codings become Amani's; Olena codes two passages by hand."""
    set_coder(sampled, "Amani")
    set_coder(sampled, "Olena")
    book = framing.codebook_for(sampled)
    return [
        framing.code_passage(sampled, article, "voices", codebook=book, start=0, end=30)
        for article in sampled.article_ids(tag="drc")[:2]
    ]


def test_the_picker_shows_only_with_two_coders(window, pane, qtbot, sampled):
    combo = pane.controls.coder_combo
    assert not combo.isVisibleTo(pane)
    assert pane.request().coder is None
    made = _second_coder(sampled)
    with wait_shown(window, qtbot):
        window.compare.on_changed(_codings_change())
    assert combo.isVisibleTo(pane)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All coders",
        "Coder: Amani",
        "Coder: Olena",
    ]
    every = _evidence_ids(pane)
    assert set(made) <= every

    _choose(window, qtbot, pane, "Olena")
    assert pane.request().coder == "Olena"
    assert _evidence_ids(pane) == set(made)
    row = pane.model.dimension_row("voices")
    count_b = pane.model.index(row, 2).data(COUNT_ROLE)
    assert count_b == len(made)
    assert pane.model.result.coder == "Olena"

    _choose(window, qtbot, pane, "Amani")
    assert _evidence_ids(pane) == every - set(made)

    _choose(window, qtbot, pane, "")
    assert _evidence_ids(pane) == every
    assert pane.model.result.coder is None


def test_reviews_and_undo_under_one_coder(window, pane, qtbot, sampled):
    made = _second_coder(sampled)
    with wait_shown(window, qtbot):
        window.compare.on_changed(_codings_change())
    _choose(window, qtbot, pane, "Olena")
    pane.select_evidence("voices", "b", 0)
    reviewed = pane.current_evidence().coding_id
    assert reviewed in made
    with wait_shown(window, qtbot):
        pane.review_current("reject")
    assert reviewed not in _evidence_ids(pane)
    with wait_shown(window, qtbot):
        window.compare.undo()
    assert framing.coding(sampled, reviewed).status == "accepted"
    assert _evidence_ids(pane) == set(made)
    assert pane.request().coder == "Olena"  # the undo keeps the coder shown


def test_conflict_copies_are_said_and_not_counted(window, pane, qtbot, sampled):
    made = _second_coder(sampled)
    original = framing.coding(sampled, made[0])
    with sampled.transaction():
        sampled.db.execute(
            "UPDATE codings SET conflict_of = ? WHERE id = ?", [original.uid, made[1]]
        )
    assert not pane.conflict_label.isVisibleTo(pane)
    with wait_shown(window, qtbot):
        window.compare.on_changed(_codings_change())
    assert made[1] not in _evidence_ids(pane)
    assert made[0] in _evidence_ids(pane)
    assert pane.conflict_label.isVisibleTo(pane)
    assert pane.conflict_label.text().startswith("1 conflict copy is not counted")


def _codings_change() -> Change:
    return Change(Area.CODINGS)
