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

Every review (accept, reject, move, back to suggested, a manual coding) goes on
:attr:`CompareController.undo_stack` once it is done (:mod:`reader.ui.compare.review`):
U in the grid, Ctrl+Z and Edit › Undo take it back, Ctrl+Shift+Z / Ctrl+Y and Edit › Redo
do it again, and the passage that comes back is selected; undoing a move or a manual
coding removes the coding it added, and the redo puts that same coding back. The stack
starts over when the library is replaced. Choosing cases that share articles is said in
the pane (which articles are in both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.library import Library
from reader.library.statuses import CodingStatus
from reader.services import framing
from reader.services.compare import Comparison, compare, to_csv, to_markdown
from reader.ui.common.views import ArticleView
from reader.ui.compare.models import CompareRequest, interface_language, localized_result
from reader.ui.compare.pane import ComparePane
from reader.ui.compare.review import Edit, Edited, ReviewCommand, step_for
from reader.ui.tasks.bus import Area, Change
from reader.ui.tasks.controller import PaneController
from reader.ui.tasks.runner import Task, library_task, progress_reporter

AskSavePath = Callable[[QWidget, str, str, str], str]
EXPORTS = {
    "md": ("Markdown", "Markdown (*.md)"),
    "csv": ("CSV", "CSV (*.csv)"),
    "json": ("JSON", "JSON (*.json)"),
}
CONTEXT = "CompareController"
STATUS_WORDS = {
    CodingStatus.ACCEPTED: QT_TRANSLATE_NOOP(CONTEXT, "Accepted"),
    CodingStatus.REJECTED: QT_TRANSLATE_NOOP(CONTEXT, "Rejected"),
    CodingStatus.SUGGESTED: QT_TRANSLATE_NOOP(CONTEXT, "Back to suggested"),
}
#: Changes elsewhere that alter what the comparison shows (a replaced library is one too).
COMPARED_AREAS = Area.ARTICLES | Area.ENTITIES | Area.CODINGS
#: Records what a review did on the undo stack, once it is done.
Record = Callable[[Edited], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class CompareOutcome:
    """A comparison made in the background, with what was changed first."""

    request: CompareRequest
    result: Comparison
    message: str = ""
    cancelled: bool = False
    edited: Edited | None = None


def compare_task(
    library_path: Path,
    request: CompareRequest,
    edit: Edit | None = None,
    label: str = "Comparing the cases",
) -> Task:
    """A writer task: ``edit`` the library (if given), then compare (progress, cancel); the
    dimensions are labelled in the window's language (as it is when the task is made)."""
    language = interface_language()
    step = _tr("coding {0} of {1}")

    def work(library: Library, task: Task) -> CompareOutcome:
        edited = edit(library) if edit is not None else None
        result = compare(
            library,
            request.a,
            request.b,
            codebook_id=request.codebook_id,
            statuses=request.statuses,
            coder=request.coder,
            progress=progress_reporter(task, lambda done, total, _id: step.format(done, total)),
            cancelled=task.is_cancelled,
        )
        book = framing.codebook_for(library, request.codebook_id).localized(language)
        result = localized_result(result, book)
        message = edited.message if edited is not None else ""
        return CompareOutcome(request, result, message, task.is_cancelled(), edited)

    return library_task(library_path, label, work, writes_library=True)


def _dimension_label(library: Library, codebook_id: str, dimension: str, language: str) -> str:
    """The dimension's label in ``language`` (its id when the codebook has no such one)."""
    try:
        book = framing.codebook_for(library, codebook_id).localized(language)
        return book.dimension(dimension).label
    except (KeyError, ValueError):
        return dimension


def _uid_of(library: Library, coding_id: int) -> str | None:
    found = framing.coding(library, coding_id)
    return found.uid if found is not None else None


def set_status_edit(coding_id: int, status: str) -> Edit:
    def edit(library: Library) -> Edited:
        old = framing.coding(library, coding_id)
        changed = framing.set_status(library, coding_id, status)
        return Edited(
            _tr(STATUS_WORDS.get(changed.status, str(changed.status))),
            "status",
            coding_id,
            before=str(old.status) if old is not None else None,
            after=str(changed.status),
            uid=changed.uid,
        )

    return edit


def move_edit(coding_id: int, codebook_id: str, dimension: str) -> Edit:
    language = interface_language()

    def edit(library: Library) -> Edited:
        old = framing.coding(library, coding_id)
        created = framing.move(
            library, coding_id, dimension, framing.codebook_for(library, codebook_id)
        )
        label = _dimension_label(library, codebook_id, dimension, language)
        return Edited(
            _tr("Moved to \u201c{0}\u201d").format(label),
            "move",
            coding_id,
            before=str(old.status) if old is not None else None,
            created=created,
            label=label,
            uid=old.uid if old is not None else None,
            created_uid=_uid_of(library, created),
        )

    return edit


def code_edit(article_id: int, start: int, end: int, codebook_id: str, dimension: str) -> Edit:
    language = interface_language()

    def edit(library: Library) -> Edited:
        codebook = framing.codebook_for(library, codebook_id)
        created = framing.code_passage(
            library, article_id, dimension, codebook=codebook, start=start, end=end
        )
        label = _dimension_label(library, codebook_id, dimension, language)
        return Edited(
            _tr("Coded to \u201c{0}\u201d").format(label),
            "code",
            created=created,
            label=label,
            created_uid=_uid_of(library, created),
        )

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
        self.undo_stack = QUndoStack(self)
        self.undo_action = QAction(self.tr("&Undo Review"), self)
        self.undo_action.setObjectName("compareUndo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("&Redo Review"), self)
        self.redo_action.setObjectName("compareRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        #: The entries the window's Edit menu shows.
        self.actions = [self.undo_action, self.redo_action]
        for signal in (
            self.undo_stack.indexChanged,
            self.undo_stack.undoTextChanged,
            self.undo_stack.redoTextChanged,
        ):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()
        pane.request_changed.connect(self.on_request_changed)
        pane.evidence_selected.connect(self.open_passage)
        pane.review_requested.connect(self.on_review_requested)
        pane.move_requested.connect(self.on_move_requested)
        pane.undo_requested.connect(self.undo)
        pane.export_requested.connect(self.export)
        reader.menu_extenders.append(self.extend_reader_menu)

    # -- comparing ---------------------------------------------------------------------
    def refresh(
        self, edit: Edit | None = None, label: str = "", record: Record | None = None
    ) -> Task | None:
        """Compare again in the background (after ``edit``, whose outcome goes to
        ``record``); None when no cases are set."""
        request = self.pane.request()
        if not request.a or not request.b:
            self.pane.set_busy(False, self.tr("Tag some articles, or choose articles, to compare."))
            return None
        task = compare_task(
            self.library_path, request, edit, label or self.tr("Comparing the cases")
        )
        self._latest = task
        self.stale = False
        self.pane.set_busy(True)
        return self.start(
            task,
            on_success=lambda outcome, t=task, e=edit, r=record: self.on_task_succeeded(
                t, outcome, e, r
            ),
            on_failure=lambda error, t=task, h=edit is not None and record is None: (
                self.on_task_failed(t, error, h)
            ),
        )

    def ensure_fresh(self) -> Task | None:
        """Compare if the pane shows nothing yet or the library changed since."""
        if self.stale or self.pane.model.result is None:
            return self.refresh()
        return None

    def on_task_succeeded(
        self,
        task: Task,
        outcome: CompareOutcome,
        edit: Edit | None = None,
        record: Record | None = None,
    ) -> None:
        if edit is not None:  # the codings changed, whichever comparison is shown
            self._publishing = True
            try:
                self.bus.publish(Area.CODINGS)
            finally:
                self._publishing = False
        if record is not None and outcome.edited is not None:
            record(outcome.edited)
        if task is not self._latest:
            return  # a newer comparison is on its way
        self._latest = None
        self.pane.set_busy(False)
        if outcome.edited is not None and outcome.edited.history:
            self.pane.expect_focus(outcome.edited.focus)  # the passage the undo gave back
        self.pane.show_result(outcome.result)
        message = outcome.message
        if outcome.cancelled:
            message = self.tr("Comparison stopped: some articles were not coded yet")
        if message:
            self.messages.status(message)
        self.comparison_shown.emit()

    def on_task_failed(self, task: Task, error: str, history: bool = False) -> None:
        text = self.tr("Could not compare: {0}").format(error)
        if task is self._latest:
            self._latest = None
            self.pane.set_busy(False, text)
        if history:  # an undo or a redo failed: the history no longer holds
            self.undo_stack.clear()
        self.messages.error(text)

    # -- undo and redo -----------------------------------------------------------------
    def record(self, edited: Edited) -> None:
        """Put a review that was done on the undo stack."""
        step = step_for(edited)
        if step is not None:
            self.undo_stack.push(ReviewCommand(step, self.run_history_edit))

    def run_history_edit(self, edit: Edit, label: str) -> None:
        """Run an undo's or a redo's edit; the coding it names is selected once shown."""
        self.pane.expect_focus(None)
        self.refresh(edit, label)

    @Slot()
    def undo(self) -> bool:
        """Take back the newest review (U, Ctrl+Z); False when there is none."""
        if not self.undo_stack.canUndo():
            self.messages.status(self.tr("Nothing to undo in the comparison."))
            return False
        self.undo_stack.undo()
        return True

    @Slot()
    def redo(self) -> bool:
        """Do again the newest review undone (Ctrl+Shift+Z, Ctrl+Y); False when there is none."""
        if not self.undo_stack.canRedo():
            self.messages.status(self.tr("Nothing to redo in the comparison."))
            return False
        self.undo_stack.redo()
        return True

    def _update_undo_actions(self, *_args: object) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(
            self.tr("&Undo {0}").format(stack.undoText())
            if stack.canUndo()
            else self.tr("&Undo Review")
        )
        self.redo_action.setText(
            self.tr("&Redo {0}").format(stack.redoText())
            if stack.canRedo()
            else self.tr("&Redo Review")
        )

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
        if change.replaced:  # another library's codings: nothing here to undo
            self.undo_stack.clear()
        self.pane.refresh_choices()
        self.stale = True
        if self.pane.isVisible():
            self.refresh()

    # -- reviewing ---------------------------------------------------------------------
    @Slot(int, str)
    def on_review_requested(self, coding_id: int, status: str) -> None:
        edit = set_status_edit(coding_id, status)
        self.refresh(edit, self.tr("Reviewing the evidence"), self.record)

    @Slot(int, str)
    def on_move_requested(self, coding_id: int, dimension: str) -> None:
        codebook_id = self.pane.request().codebook_id
        edit = move_edit(coding_id, codebook_id, dimension)
        self.refresh(edit, self.tr("Moving the evidence"), self.record)

    def code_selection(self, dimension: str) -> Task | None:
        """Code the reader's selection to ``dimension`` (accepted, by hand)."""
        span, article_id = self.reader.selected_span(), self.reader.article_id
        if span is None or article_id is None:
            self.messages.status(self.tr("Select a passage of the article first."))
            return None
        codebook_id = self.pane.request().codebook_id
        edit = code_edit(article_id, span[0], span[1], codebook_id, dimension)
        return self.refresh(edit, self.tr("Coding the passage"), self.record)

    def reader_dimensions(self) -> list[tuple[str, str]]:
        """The dimensions of the codebook in force, ``(id, label)``."""
        try:
            book = framing.codebook_for(self.library, self.pane.request().codebook_id)
        except ValueError:
            return []
        book = book.localized(interface_language())
        return [(d.id, d.label) for d in book.dimensions]

    def extend_reader_menu(self, menu: QMenu) -> None:
        """Add "Code Selection to ▸ dimension" when article text is selected."""
        if self.reader.selected_span() is None:
            return
        dimensions = self.reader_dimensions()
        if not dimensions:
            return
        menu.addSeparator()
        sub = menu.addMenu(self.tr("Code Selection to"))
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
            self.messages.status(self.tr("There is no article with id {0}.").format(article_id))
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
            self.pane,
            self.tr("Export Comparison as {0}").format(name),
            suggested_name(result, fmt),
            filter_,
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            with path.open("w", encoding="utf-8", newline="") as out:
                out.write(export_text(result, fmt))
        except OSError as exc:
            self.messages.error(self.tr("Could not export: {0}").format(exc))
            return None
        self.messages.status(self.tr("Comparison exported to {0}").format(path))
        return path
