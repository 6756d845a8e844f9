"""The export dialogs' Include Private checkbox: shown only when something is private, off
by default, and what the user ticked comes back with the path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog

from reader.ui.transfer.export_choice import ExportChooser, export_dialog, include_private_label


def test_no_checkbox_when_nothing_is_private(qtbot) -> None:
    dialog, box = export_dialog(None, "Export Notes as Markdown", 0, folder=True)
    qtbot.addWidget(dialog)
    assert box is None
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    assert dialog.windowTitle() == "Export Notes as Markdown"


def test_the_checkbox_says_how_many_and_starts_off(qtbot, tmp_path: Path) -> None:
    dialog, box = export_dialog(
        None, "Export Library", 3, folder=False, suggested=str(tmp_path / "lib.json")
    )
    qtbot.addWidget(dialog)
    assert box is not None
    assert box.text() == "Include 3 private notes and highlights"
    assert not box.isChecked()
    assert box.parent() is dialog
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.defaultSuffix() == "json"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert box.isVisible()
    assert include_private_label(1) == "Include 1 private note or highlight"


@pytest.mark.parametrize("ticked", [False, True])
def test_the_chooser_gives_back_the_path_and_the_choice(
    qtbot, tmp_path: Path, monkeypatch, ticked: bool
) -> None:
    chosen = str(tmp_path / "vault")

    def accept(dialog: QFileDialog) -> int:
        box = dialog.findChild(QCheckBox, "includePrivate")
        if ticked:
            box.setChecked(True)
        monkeypatch.setattr(dialog, "selectedFiles", lambda: [chosen])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", accept)
    assert ExportChooser().folder(None, 2) == (chosen, ticked)


def test_a_cancelled_chooser_gives_nothing(monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    assert ExportChooser().file(None, 2, "library.json") == ("", False)
