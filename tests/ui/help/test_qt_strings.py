"""Qt's own file dialog is French in a French window: the labels and the folder type its
catalogue misses come from ours, the rest still from Qt's, and each string this project
translates is one the dialog really shows (a Qt upgrade that changes one fails here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QFileIconProvider, QLabel

from reader.ui.help.qt_strings import qt_strings

NBSP = "\u00a0"


def widget_dialog(qtbot, folder: Path) -> QFileDialog:
    """Qt's own (non-native) file dialog, as a desktop with no dialog of its own shows it."""
    dialog = QFileDialog(None, "Import Files", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    return dialog


def labels(dialog: QFileDialog) -> dict[str, str]:
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


def test_the_strings_are_those_qt_shows(qtbot, tmp_path: Path) -> None:
    shown = labels(widget_dialog(qtbot, tmp_path))
    sources = {key.split("|", 1)[1] for key in qt_strings()}
    assert shown["lookInLabel"] in sources
    assert shown["fileTypeLabel"] in sources
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) in sources
    assert qt_strings() == {key: key.split("|", 1)[1] for key in qt_strings()}  # English


def test_the_file_dialog_is_french(french, qtbot, tmp_path: Path) -> None:
    (tmp_path / "dossier").mkdir()
    dialog = widget_dialog(qtbot, tmp_path)
    shown = labels(dialog)
    assert shown["lookInLabel"] == f"&Voir dans{NBSP}:"
    assert shown["fileTypeLabel"] == f"Fichiers de &type{NBSP}:"
    assert shown["fileNameLabel"] == f"&Nom de fichier{NBSP}:"  # still Qt's own
    assert "Annuler" in {b.text() for b in dialog.findChildren(QAbstractButton)}
    assert QFileIconProvider().type(QFileInfo(str(tmp_path / "dossier"))) == "Dossier"
    assert all(text != key.split("|", 1)[1] for key, text in qt_strings().items())
