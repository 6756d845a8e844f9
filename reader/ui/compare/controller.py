"""The comparison's work as tasks, and the links between the comparison pane and the reader.

Comparing runs the codebook's rules over articles not yet coded, so it writes to the
library: :func:`compare_task` runs on the single-writer pool, opens its own ``Library``,
first makes an optional change (accept, reject, move, code a passage by hand) and then
compares again, returning a :class:`CompareOutcome`. :class:`CompareController` starts those
tasks (shown in the status bar with progress and Cancel), shows only the newest outcome in
the :class:`~reader.ui.compare.pane.ComparePane`, opens evidence in the reader with the
passage selected, adds "Code Selection to ▸ dimension" to the reader's menu, and writes
the exports (they are small, so at once). It says what it did through the message service,
tells the change bus when a review changed codings, and listens to the bus itself to
refill its pickers and compare again when articles, entities or codings change elsewhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.library import Library
from reader.library.statuses import CodingStatus
from reader.services import framing
from reader.services.compare import Comparison, compare, to_csv, to_markdown
from reader.ui.common.views import ArticleView
from reader.ui.compare.models import CompareRequest
from reader.ui.compare.pane import ComparePane
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.controller import PaneController
from reader.ui.tasks.runner import Task, library_task, progress_reporter

#: A change made before comparing again: it returns what to say about it.
Edit = Callable[[Library], str]
AskSavePath = Callable[[QWidget, str, str, str], str]
EXPORTS = {
    "md": ("Markdown", "Markdown (*.md)"),
    "csv": ("CSV", "CSV (*.csv)"),
    "json": ("JSON", "JSON (*.json)"),
}
STATUS_WORDS = {
    CodingStatus.ACCEPTED: "Accepted",
    CodingStatus.REJECTED: "Rejected",
    CodingStatus.SUGGESTED: "Back to suggested",
}
#: Changes elsewhere that alter what the comparison shows (a replaced library is one too).
COMPARED_AREAS = Area.ARTICLES | Area.ENTITIES | Area.CODINGS


@dataclass(frozen=True, slots=True)
class CompareOutcome:
    """A comparison made in the background, with what was changed first."""

    request: CompareRequest
    result: Comparison
    message: str = ""
    cancelled: bool = False


def compare_task(
    library_path: Path,
    request: CompareRequest,
    edit: Edit | None = None,
    label: str = "Comparing the cases",
) -> Task:
    """A writer task: ``edit`` the library (if given), then compare (progress, cancel)."""

    def work(library: Library, task: Task) -> CompareOutcome:
        message = edit(library) if edit is not None else ""
        result = compare(
            library,
            request.a,
            request.b,
            codebook_id=request.codebook_id,
            statuses=request.statuses,
            progress=progress_reporter(task, lambda done, total, _id: f"coding {done} of {total}"),
            cancelled=task.is_cancelled,
        )
        return CompareOutcome(request, result, message, task.is_cancelled())

    return library_task(library_path, label, work, writes_library=True)


def _dimension_label(library: Library, codebook_id: str, dimension: str) -> str:
    try:
        return framing.codebook_for(library, codebook_id).dimension(dimension).label
    except (KeyError, ValueError):
        return dimension


def set_status_edit(coding_id: int, status: str) -> Edit:
    def edit(library: Library) -> str:
        changed = framing.set_status(library, coding_id, status)
        return STATUS_WORDS.get(changed.status, str(changed.status))

    return edit


def move_edit(coding_id: int, codebook_id: str, dimension: str) -> Edit:
    def edit(library: Library) -> str:
        framing.move(library, coding_id, dimension, framing.codebook_for(library, codebook_id))
        return f"Moved to \u201c{_dimension_label(library, codebook_id, dimension)}\u201d"

    return edit


def code_edit(article_id: int, start: int, end: int, codebook_id: str, dimension: str) -> Edit:
    def edit(library: Library) -> str:
        codebook = framing.codebook_for(library, codebook_id)
        framing.code_passage(
            library, article_id, dimension, codebook=codebook, start=start, end=end
        )
        return f"Coded to \u201c{_dimension_label(library, codebook_id, dimension)}\u201d"

    return edit


def ask_save_path(parent: QWidget, caption: str, suggested: str, filter_: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filter_)
    return path


def export_text(result: Comparison, fmt: str) -> str:
    """The comparison as Markdown, CSV or JSON text."""
    if fmt == "md":
        return to_markdown(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}")


def suggested_name(result: Comparison, fmt: str) -> str:
    """``compare-ukraine-drc.md`` and the like."""
    labels = (result.a.label, result.b.label)
    parts = [re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") for label in labels]
    return f"compare-{parts[0] or 'a'}-{parts[1] or 'b'}.{fmt}"


class CompareController(PaneController):
    """Runs the comparison's tasks and joins the pane to the reader.

    Signals:
        comparison_shown(): a new comparison is in the pane.
    """

    comparison_shown = Signal()

    pane: ComparePane

    def setup(self, pane: ComparePane, reader: ArticleView) -> None:
        self.ask_save_path: AskSavePath = ask_save_path
        self.stale = True  # the pane does not show the library as it is
        self._latest: Task | None = None
        self._publishing = False  # our own news on the bus is no reason to compare again
        pane.request_changed.connect(self.on_request_changed)
        pane.evidence_selected.connect(self.open_passage)
        pane.review_requested.connect(self.on_review_requested)
        pane.move_requested.connect(self.on_move_requested)
        pane.export_requested.connect(self.export)
        reader.menu_extenders.append(self.extend_reader_menu)

    # -- comparing ---------------------------------------------------------------------
    def refresh(self, edit: Edit | None = None, label: str = "Comparing the cases") -> Task | None:
        """Compare again in the background (after ``edit``); None when no cases are set."""
        request = self.pane.request()
        if not request.a or not request.b:
            self.pane.set_busy(False, "Tag some articles, or choose articles, to compare.")
            return None
        task = compare_task(self.library_path, request, edit, label)
        self._latest = task
        self.stale = False
        self.pane.set_busy(True)
        return self.start(
            task,
            on_success=lambda outcome, t=task, e=edit: self.on_task_succeeded(t, outcome, e),
            on_failure=lambda error, t=task: self.on_task_failed(t, error),
        )

    def ensure_fresh(self) -> Task | None:
        """Compare if the pane shows nothing yet or the library changed since."""
        if self.stale or self.pane.model.result is None:
            return self.refresh()
        return None

    def on_task_succeeded(
        self, task: Task, outcome: CompareOutcome, edit: Edit | None = None
    ) -> None:
        if edit is not None:  # the codings changed, whichever comparison is shown
            self._publishing = True
            try:
                self.bus.publish(Area.CODINGS)
            finally:
                self._publishing = False
        if task is not self._latest:
            return  # a newer comparison is on its way
        self._latest = None
        self.pane.set_busy(False)
        self.pane.show_result(outcome.result)
        message = outcome.message
        if outcome.cancelled:
            message = "Comparison stopped: some articles were not coded yet"
        if message:
            self.messages.status(message)
        self.comparison_shown.emit()

    def on_task_failed(self, task: Task, error: str) -> None:
        if task is self._latest:
            self._latest = None
            self.pane.set_busy(False, f"Could not compare: {error}")
        self.messages.error(f"Could not compare: {error}")

    @Slot(object)
    def on_request_changed(self, _request: CompareRequest) -> None:
        self.refresh()

    @Slot(bool)
    def on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.ensure_fresh()

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """Articles, tags, entities or codings changed elsewhere (or the whole library):
        refill the pickers and compare again (at once if the pane is shown)."""
        if self._publishing or not change.touches(COMPARED_AREAS):
            return
        self.pane.refresh_choices()
        self.stale = True
        if self.pane.isVisible():
            self.refresh()

    # -- reviewing ---------------------------------------------------------------------
    @Slot(int, str)
    def on_review_requested(self, coding_id: int, status: str) -> None:
        self.refresh(set_status_edit(coding_id, status), "Reviewing the evidence")

    @Slot(int, str)
    def on_move_requested(self, coding_id: int, dimension: str) -> None:
        codebook_id = self.pane.request().codebook_id
        self.refresh(move_edit(coding_id, codebook_id, dimension), "Moving the evidence")

    def code_selection(self, dimension: str) -> Task | None:
        """Code the reader's selection to ``dimension`` (accepted, by hand)."""
        span, article_id = self.reader.selected_span(), self.reader.article_id
        if span is None or article_id is None:
            self.messages.status("Select a passage of the article first.")
            return None
        codebook_id = self.pane.request().codebook_id
        edit = code_edit(article_id, span[0], span[1], codebook_id, dimension)
        return self.refresh(edit, "Coding the passage")

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
            self.messages.status(f"There is no article with id {article_id}.")
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
            self.messages.error(f"Could not export: {exc}")
            return None
        self.messages.status(f"Comparison exported to {path}")
        return path
