"""The message shown when an import ends: counts, the reasons files failed, full details.

It is a ``QMessageBox`` opened with ``open()``, so it never blocks the event loop (nor a
test); it deletes itself when closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.operations import ImportSummary

MAX_LISTED_FAILURES = 6


def summary_text(summary: ImportSummary) -> str:
    """The informative text under the headline: the failures with their reasons."""
    lines = summary.failure_lines()
    if not lines:
        return ""
    shown = lines[:MAX_LISTED_FAILURES]
    more = len(lines) - len(shown)
    text = "Not imported:\n" + "\n".join(f"\u2022 {line}" for line in shown)
    if more:
        text += f"\n\u2026 and {more} more (see details)"
    return text


def show_import_summary(parent: QWidget, summary: ImportSummary) -> QMessageBox:
    """Open a non-blocking summary of ``summary`` over ``parent`` and return it."""
    box = QMessageBox(parent)
    box.setObjectName("importSummary")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle("Import finished")
    box.setIcon(QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information)
    box.setText(summary.headline())
    box.setInformativeText(summary_text(summary))
    if summary.results:
        box.setDetailedText(summary.details())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
