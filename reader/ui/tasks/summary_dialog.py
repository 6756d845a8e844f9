"""The message shown when an import ends: counts, the reasons files failed, full details.

It is a ``QMessageBox`` opened with ``open()``, so it never blocks the event loop (nor a
test); it deletes itself when closed. :func:`open_message` opens the same kind of widened,
non-blocking message for the other outcomes (the Library menu's, the sources').
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.tasks.operations import ImportSummary

translate = QCoreApplication.translate

MAX_LISTED_FAILURES = 6
MESSAGE_WIDTH = 420


def summary_text(summary: ImportSummary) -> str:
    """The informative text under the headline: the failures with their reasons, and the
    URLs saved to Read Later for want of a connection."""
    parts = []
    lines = summary.failure_lines()
    if lines:
        shown = lines[:MAX_LISTED_FAILURES]
        more = len(lines) - len(shown)
        text = translate("ImportSummaryDialog", "Not imported:") + "\n"
        text += "\n".join(f"\u2022 {line}" for line in shown)
        if more:
            text += "\n" + translate(
                "ImportSummaryDialog", "\u2026 and {n} more (see details)"
            ).format(n=more)
        parts.append(text)
    queued = summary.queued
    if queued:
        urls = [f"\u2022 {r.path}" for r in queued[:MAX_LISTED_FAILURES]]
        more = len(queued) - len(urls)
        if more:
            urls.append(translate("ImportSummaryDialog", "\u2026 and {n} more").format(n=more))
        why = queued[0].error or translate("ImportSummaryDialog", "no connection")
        kept = translate(
            "ImportSummaryDialog",
            "There is no connection ({why}), so Fieldreader kept the address:",
        ).format(why=why)
        fetch = translate(
            "ImportSummaryDialog", "Fetch it from File \u203a Read Later\u2026 once you are online."
        )
        parts.append(kept + "\n" + "\n".join(urls) + "\n\n" + fetch)
    return "\n\n".join(parts)


def widen(box: QMessageBox, width: int = MESSAGE_WIDTH) -> QMessageBox:
    """Give a message box room for a few lines of text (Qt's default is narrow)."""
    box.setStyleSheet(f"QLabel#qt_msgbox_informativelabel {{ min-width: {width}px; }}")
    return box


def open_message(
    parent: QWidget, name: str, title: str, text: str, *, warning: bool = False, details: str = ""
) -> QMessageBox:
    """Open a non-blocking message named ``name`` over ``parent`` (a warning, or not, with
    optional ``details``) and return it; it deletes itself when closed."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    widen(box).open()
    return box


def show_import_summary(parent: QWidget, summary: ImportSummary) -> QMessageBox:
    """Open a non-blocking summary of ``summary`` over ``parent`` and return it."""
    box = QMessageBox(parent)
    box.setObjectName("importSummary")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(translate("ImportSummaryDialog", "Import finished"))
    box.setIcon(QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information)
    box.setText(summary.headline())
    box.setInformativeText(summary_text(summary))
    if len(summary.results) > 1 or summary.failed:
        box.setDetailedText(summary.details())
    widen(box)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
