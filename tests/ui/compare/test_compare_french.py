"""The comparison in the window's language: the codebook picker, the grid's dimensions and
their descriptions, the review's dimension names and the exports' headings come from the
codebook's French words; a user's codebook without French keeps its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt

from reader.analysis.codebooks import Codebook, shipped_codebooks
from reader.library import Library
from reader.services import framing
from reader.services.compare import to_markdown
from reader.ui.compare.controller import compare_task, export_text, move_edit
from reader.ui.compare.controls import CaseControls
from reader.ui.compare.models import CompareModel, CompareRequest, interface_language
from reader.ui.tasks.runner import TaskRunner

TASK_MS = 30_000


@pytest.fixture
def in_french() -> Iterator[None]:
    """The window's locale French (what installing the French translation sets)."""
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(before)


def _compared(library_path, qtbot, request: CompareRequest | None = None):
    runner = TaskRunner()
    try:
        task = compare_task(library_path, request or CompareRequest())
        with qtbot.waitSignal(task.finished, timeout=TASK_MS):
            runner.run(task)
        return task.result
    finally:
        runner.shutdown()


def test_interface_language_follows_the_default_locale(in_french) -> None:
    assert interface_language() == "fr"
    QLocale.setDefault(QLocale("en_GB"))
    assert interface_language() == "en"


def test_the_grid_shows_the_french_dimensions(sampled, library_path, qtbot, in_french) -> None:
    outcome = _compared(library_path, qtbot)
    book = shipped_codebooks()["minerals-for-security"]
    model = CompareModel()
    model.set_result(outcome.result)
    labels = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert labels == [d.label_for("fr") for d in book.dimensions]
    assert "Bilan humain" in labels
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == book.dimensions[0].description_for("fr")
    markdown = to_markdown(outcome.result)
    assert "## Bilan humain" in markdown
    assert export_text(outcome.result, "md") == markdown
    assert [d.id for d in outcome.result.dimensions] == book.dimension_ids  # ids unchanged


def test_english_window_keeps_the_english_labels(sampled, library_path, qtbot) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    outcome = _compared(library_path, qtbot)
    labels = [d.label for d in outcome.result.dimensions]
    assert "Human toll" in labels


def test_the_codebook_picker_is_french(sampled: Library, qtbot, in_french) -> None:
    controls = CaseControls(sampled)
    qtbot.addWidget(controls)
    controls.refresh_choices()
    names = [controls.codebook_combo.itemText(i) for i in range(controls.codebook_combo.count())]
    assert "Minerais contre sécurité" in names
    assert "Cadres de politique publique" in names


def test_a_users_codebook_without_french_keeps_its_words(
    sampled: Library, library_path, qtbot, in_french
) -> None:
    own = Codebook.from_dict(
        {
            "id": "field-notes",
            "label": "Field notes",
            "dimensions": [
                {
                    "id": "toll",
                    "label": "Toll on the ground",
                    "rules": [{"id": "killed", "any": ["killed"]}],
                }
            ],
        }
    )
    framing.save_codebook(sampled, own)
    controls = CaseControls(sampled)
    qtbot.addWidget(controls)
    controls.refresh_choices()
    names = [controls.codebook_combo.itemText(i) for i in range(controls.codebook_combo.count())]
    assert "Field notes" in names
    outcome = _compared(library_path, qtbot, CompareRequest(codebook_id="field-notes"))
    assert [d.label for d in outcome.result.dimensions] == ["Toll on the ground"]


def test_a_move_names_the_french_dimension(sampled: Library, library_path, qtbot, in_french):
    outcome = _compared(library_path, qtbot)
    evidence = next(e for d in outcome.result.dimensions for e in d.a if d.id != "human_toll")
    edit = move_edit(evidence.coding_id, "minerals-for-security", "human_toll")
    edited = edit(sampled)
    assert edited.label == "Bilan humain"
