"""The comparison's work as tasks, and the links between the comparison pane and the reader.

Comparing runs the codebook's rules over articles not yet coded, so it writes to the
library: :func:`compare_task` runs on the single-writer pool, opens its own ``Library``,
first makes an optional change (accept, reject, move, code a passage by hand) and then
compares again, returning a :class:`CompareOutcome`. :class:`CompareController` starts those
tasks (shown in the status bar with progress and Cancel), shows only the newest outcome in
the :class:`~reader.ui.compare.pane.ComparePane`, opens evidence in the reader with the
passage selected, adds "Code Selection to ▸ dimension" to the reader's menu, and writes
the exports (they are small, so at once). :func:`set_compare_layout` turns the window's
compare layout on (the grid wide on the left, the reader beside it) or off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.services import framing
from reader.services.compare import compare, to_csv, to_markdown
from reader.library import Library
from reader.ui.compare.models import CompareRequest
from reader.ui.compare.pane import ComparePane
from reader.ui.reader.pane import ReaderPane
from reader.ui.tasks.launch import launch
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner, worker_library

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

Change = Callable[[Library], str]
AskSavePath = Callable[[QWidget, str, str, str], str]
COMPARE_DOCK_WIDTH = 940  # at most
EXPORTS = {
    "md": ("Markdown", "Markdown (*.md)"),
    "csv": ("CSV", "CSV (*.csv)"),
    "json": ("JSON", "JSON (*.json)"),
}
STATUS_WORDS = {"accepted": "Accepted", "rejected": "Rejected", "suggested": "Back to suggested"}


@dataclass(frozen=True, slots=True)
class CompareOutcome:
    """A comparison made in the background, with what was changed first."""

    request: CompareRequest
    result: dict[str, Any]
    message: str = ""
    cancelled: bool = False


def compare_task(
    library_path: Path,
    request: CompareRequest,
    change: Change | None = None,
    label: str = "Comparing the cases",
) -> Task:
    """A writer task: ``change`` the library (if given), then compare (progress, cancel)."""

    def work(task: Task) -> CompareOutcome:
        with worker_library(library_path) as library:
            message = change(library) if change is not None else ""
            result = compare(
                library,
                request.a,
                request.b,
                codebook_id=request.codebook_id,
                statuses=request.statuses,
                progress=lambda done, total, _id: task.report_progress(
                    done, total, f"coding {done} of {total}"
                ),
                cancelled=task.is_cancelled,
            )
        return CompareOutcome(request, result, message, task.is_cancelled())

    return Task(work, label, writes_library=True)


def _dimension_label(library: Library, codebook_id: str, dimension: str) -> str:
    try:
        return framing.codebook_for(library, codebook_id).dimension(dimension).label
    except (KeyError, ValueError):
        return dimension


def set_status_change(coding_id: int, status: str) -> Change:
    def change(library: Library) -> str:
        framing.set_status(library, coding_id, status)
        return STATUS_WORDS.get(status, status)

    return change


def move_change(coding_id: int, codebook_id: str, dimension: str) -> Change:
    def change(library: Library) -> str:
        framing.move(library, coding_id, dimension, framing.codebook_for(library, codebook_id))
        return f"Moved to \u201c{_dimension_label(library, codebook_id, dimension)}\u201d"

    return change


def code_change(article_id: int, start: int, end: int, codebook_id: str, dimension: str) -> Change:
    def change(library: Library) -> str:
        codebook = framing.codebook_for(library, codebook_id)
        framing.code_passage(
            library, article_id, dimension, codebook=codebook, start=start, end=end
        )
        return f"Coded to \u201c{_dimension_label(library, codebook_id, dimension)}\u201d"

    return change


def ask_save_path(parent: QWidget, caption: str, suggested: str, filter_: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filter_)
    return path


def export_text(result: dict[str, Any], fmt: str) -> str:
    """The comparison as Markdown, CSV or JSON text."""
    if fmt == "md":
        return to_markdown(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}")


def suggested_name(result: dict[str, Any], fmt: str) -> str:
    """``compare-ukraine-drc.md`` and the like."""
    parts = [re.sub(r"[^a-z0-9]+", "-", result[s]["label"].lower()).strip("-") for s in "ab"]
    return f"compare-{parts[0] or 'a'}-{parts[1] or 'b'}.{fmt}"


class CompareController(QObject):
    """Runs the comparison's tasks and joins the pane to the reader.

    Signals:
        comparison_shown(): a new comparison is in the pane.
        status_reported(message): a short outcome for the status bar.
        action_failed(message): a comparison or review could not be done.
    """

    comparison_shown = Signal()
    status_reported = Signal(str)
    action_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        pane: ComparePane,
        reader: ReaderPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.library_path = library_path
        self.tasks = tasks
        self.progress = progress
        self.pane = pane
        self.reader = reader
        self.ask_save_path: AskSavePath = ask_save_path
        self.stale = True  # the pane does not show the library as it is
        self._latest: Task | None = None
        pane.request_changed.connect(self.on_request_changed)
        pane.evidence_selected.connect(self.open_passage)
        pane.review_requested.connect(self.on_review_requested)
        pane.move_requested.connect(self.on_move_requested)
        pane.export_requested.connect(self.export)
        reader.menu_extenders.append(self.extend_reader_menu)

    # -- comparing ---------------------------------------------------------------------
    def refresh(
        self, change: Change | None = None, label: str = "Comparing the cases"
    ) -> Task | None:
        """Compare again in the background (after ``change``); None when no cases are set."""
        request = self.pane.request()
        if not request.a or not request.b:
            self.pane.set_busy(False, "Tag some articles, or choose articles, to compare.")
            return None
        task = compare_task(self.library_path, request, change, label)
        self._latest = task
        self.stale = False
        self.pane.set_busy(True)
        return launch(
            task,
            self,
            self.tasks,
            self.progress,
            on_success=lambda outcome, t=task: self.on_task_succeeded(t, outcome),
            on_failure=lambda error, t=task: self.on_task_failed(t, error),
        )

    def ensure_fresh(self) -> Task | None:
        """Compare if the pane shows nothing yet or the library changed since."""
        if self.stale or self.pane.model.result is None:
            return self.refresh()
        return None

    def on_task_succeeded(self, task: Task, outcome: CompareOutcome) -> None:
        if task is not self._latest:
            return  # a newer comparison is on its way
        self._latest = None
        self.pane.set_busy(False)
        self.pane.show_result(outcome.result)
        message = outcome.message
        if outcome.cancelled:
            message = "Comparison stopped: some articles were not coded yet"
        if message:
            self.status_reported.emit(message)
        self.comparison_shown.emit()

    def on_task_failed(self, task: Task, error: object) -> None:
        if task is self._latest:
            self._latest = None
            self.pane.set_busy(False, f"Could not compare: {error}")
        self.action_failed.emit(f"Could not compare: {error}")

    @Slot(object)
    def on_request_changed(self, _request: CompareRequest) -> None:
        self.refresh()

    @Slot(bool)
    def on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.ensure_fresh()

    @Slot()
    def on_library_changed(self) -> None:
        """Articles, tags or entities changed: refill the pickers and compare again."""
        self.pane.refresh_choices()
        self.stale = True
        if self.pane.isVisible():
            self.refresh()

    # -- reviewing ---------------------------------------------------------------------
    @Slot(int, str)
    def on_review_requested(self, coding_id: int, status: str) -> None:
        self.refresh(set_status_change(coding_id, status), "Reviewing the evidence")

    @Slot(int, str)
    def on_move_requested(self, coding_id: int, dimension: str) -> None:
        codebook_id = self.pane.request().codebook_id
        self.refresh(move_change(coding_id, codebook_id, dimension), "Moving the evidence")

    def code_selection(self, dimension: str) -> Task | None:
        """Code the reader's selection to ``dimension`` (accepted, by hand)."""
        span, article_id = self.reader.selected_span(), self.reader.article_id
        if span is None or article_id is None:
            self.status_reported.emit("Select a passage of the article first.")
            return None
        codebook_id = self.pane.request().codebook_id
        change = code_change(article_id, span[0], span[1], codebook_id, dimension)
        return self.refresh(change, "Coding the passage")

    def reader_dimensions(self) -> list[tuple[str, str]]:
        """The dimensions of the codebook in force, ``(id, label)``."""
        try:
            book = framing.codebook_for(self.library, self.pane.request().codebook_id)
        except ValueError:
            return []
        return [(d.id, d.label) for d in book.dimensions]

    def extend_reader_menu(self, menu: QMenu) -> None:
        """Add "Code Selection to ▸ dimension" when article text is selected."""
        if self.reader.selected_span() is None:
            return
        dimensions = self.reader_dimensions()
        if not dimensions:
            return
        menu.addSeparator()
        sub = menu.addMenu("Code Selection to")
        sub.setObjectName("codeSelectionMenu")
        for dim_id, label in dimensions:
            action = sub.addAction(label)
            action.setData(dim_id)
            action.triggered.connect(lambda _c=False, d=dim_id: self.code_selection(d))

    # -- the reader --------------------------------------------------------------------
    @Slot(int, int, int)
    def open_passage(self, article_id: int, start: int, end: int) -> bool:
        """Open the article at ``start..end``, selected and scrolled into view."""
        if not self.reader.show_article(article_id):
            self.status_reported.emit(f"There is no article with id {article_id}.")
            return False
        return self.reader.reveal_passage(start, end)

    # -- exports -----------------------------------------------------------------------
    @Slot(str)
    def export(self, fmt: str) -> Path | None:
        """Ask where, then write the comparison shown as ``md``, ``csv`` or ``json``."""
        result = self.pane.model.result
        if result is None or fmt not in EXPORTS:
            return None
        name, filter_ = EXPORTS[fmt]
        chosen = self.ask_save_path(
            self.pane, f"Export Comparison as {name}", suggested_name(result, fmt), filter_
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                out.write(export_text(result, fmt))
        except OSError as exc:
            self.action_failed.emit(f"Could not export: {exc}")
            return None
        self.status_reported.emit(f"Comparison exported to {path}")
        return path


def set_compare_layout(window: MainWindow, on: bool) -> None:
    """The compare layout: the grid wide on the left and the reader beside it (or back)."""
    if on:
        for dock in (window.library_dock, window.entity_dock, window.notes_dock):
            dock.hide()
        window.compare_dock.show()
        window.compare_dock.raise_()
        width = min(COMPARE_DOCK_WIDTH, max(560, int(window.width() * 0.68)))
        window.resizeDocks([window.compare_dock], [width], Qt.Orientation.Horizontal)
    else:
        window.compare_dock.hide()
        for dock in (window.library_dock, window.entity_dock, window.notes_dock):
            dock.show()
        window.entity_dock.raise_()
