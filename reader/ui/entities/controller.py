"""Entity corrections and re-extraction as tasks, and the link between sidebar and reader.

:func:`correction_task` and :func:`reextract_task` wrap the Qt-free core
(:mod:`reader.services.extraction`) in tasks for the single-writer pool; each opens its own
``Library`` on the worker thread. :class:`EntityController` runs them (shown in the status
bar's :class:`~reader.ui.tasks.progress.TaskProgress`, re-extraction with Cancel) and, when
one succeeds, refreshes the sidebar, which selects the entity again and so redraws the
reader's highlights. It also joins the two panes: an opened article fills the sidebar, a
chosen entity's mentions are highlighted, the article's mentions can be coloured by type,
and "Mark as Entity" in the reader becomes an ``add`` correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.services.extraction import correct, reextract
from reader.ui.entities.models import TYPE_LABELS
from reader.ui.entities.pane import EntityPane
from reader.ui.reader.pane import ReaderPane
from reader.ui.tasks.launch import launch
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import Task, TaskRunner, worker_library


@dataclass(frozen=True, slots=True)
class CorrectionDone:
    """A correction that was recorded, and how many articles were extracted again."""

    kind: str
    name: str
    value: str
    articles: int

    def describe(self) -> str:
        """One status-bar line, such as ``Merged “Trump” into “Donald Trump”``."""
        name, value = f"\u201c{self.name}\u201d", f"\u201c{self.value}\u201d"
        text = {
            "rename": f"Renamed {name} to {value}",
            "retype": f"{name} is now of type {TYPE_LABELS.get(self.value, self.value)}",
            "merge": f"Merged {name} into {value}",
            "hide": f"{name} is no longer an entity",
            "add": f"Marked {name} as {TYPE_LABELS.get(self.value, self.value)}",
        }.get(self.kind, f"Corrected {name}")
        noun = "article" if self.articles == 1 else "articles"
        return f"{text} \u00b7 {self.articles} {noun} updated"


@dataclass(frozen=True, slots=True)
class ReextractDone:
    """How many articles a re-extraction went through; ``cancelled`` if it was stopped."""

    articles: int
    cancelled: bool = False

    def describe(self) -> str:
        noun = "article" if self.articles == 1 else "articles"
        line = f"Entities extracted again from {self.articles} {noun}"
        return f"{line} (cancelled)" if self.cancelled else line


def correction_task(library_path: Path, kind: str, name: str, value: str = "") -> Task:
    """A task recording one correction and re-extracting the articles it affects."""

    def work(task: Task) -> CorrectionDone:
        with worker_library(library_path) as library:
            count = correct(library, kind, name, value)
        return CorrectionDone(kind, name, value, count)

    return Task(work, f"Applying the correction to \u201c{name}\u201d", writes_library=True)


def reextract_task(library_path: Path) -> Task:
    """A task extracting the entities of every article again (progress, cancel)."""

    def work(task: Task) -> ReextractDone:
        with worker_library(library_path) as library:
            count = reextract(
                library,
                progress=lambda done, total, _id: task.report_progress(
                    done, total, f"{done} of {total}"
                ),
                cancelled=task.is_cancelled,
            )
        return ReextractDone(count, cancelled=task.is_cancelled())

    return Task(work, "Extracting entities", writes_library=True)


class EntityController(QObject):
    """Runs entity tasks and keeps the sidebar and the reader in step.

    Signals:
        entities_changed(): a correction or re-extraction finished; the views refreshed.
        status_reported(message): a short outcome for the status bar.
        action_failed(message): a correction or re-extraction could not be done.
    """

    entities_changed = Signal()
    status_reported = Signal(str)
    action_failed = Signal(str)

    def __init__(
        self,
        library_path: Path,
        tasks: TaskRunner,
        progress: TaskProgress,
        pane: EntityPane,
        reader: ReaderPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.tasks = tasks
        self.progress = progress
        self.pane = pane
        self.reader = reader
        reader.article_shown.connect(self.on_article_shown)
        reader.entity_marked.connect(self.on_entity_marked)
        reader.mention_changed.connect(self.on_mention_changed)
        pane.entity_selected.connect(self.on_entity_selected)
        pane.entities_loaded.connect(self.on_entities_loaded)
        pane.correction_requested.connect(self.on_correction_requested)
        if reader.article_id is not None:
            pane.set_article(reader.article_id)

    # -- tasks -------------------------------------------------------------------------
    def correct(self, kind: str, name: str, value: str = "") -> Task:
        """Record a correction in the background; the views refresh when it is done."""
        return self._start(correction_task(self.library_path, kind, name, value))

    def reextract_all(self) -> Task:
        """Extract every article's entities again in the background."""
        return self._start(reextract_task(self.library_path))

    def _start(self, task: Task) -> Task:
        return launch(
            task,
            self,
            self.tasks,
            self.progress,
            on_success=self.on_task_succeeded,
            on_failure=self.on_task_failed,
        )

    @Slot(object)
    def on_task_succeeded(self, result: CorrectionDone | ReextractDone) -> None:
        self.pane.refresh()
        self.status_reported.emit(result.describe())
        self.entities_changed.emit()

    @Slot(object)
    def on_task_failed(self, error: object) -> None:
        self.pane.expect_selection(None)
        self.action_failed.emit(str(error))

    # -- between the panes -------------------------------------------------------------
    @Slot(int)
    def on_article_shown(self, article_id: int) -> None:
        self.pane.set_article(article_id or None)

    @Slot(int, bool)
    def on_entity_selected(self, entity_id: int, reveal: bool) -> None:
        if not entity_id:
            self.reader.show_mentions([], "", reveal=False)
            return
        spans = self.pane.mentions_of(entity_id)
        self.reader.show_mentions(spans, self.pane.type_of(entity_id), reveal=reveal)
        info = self.pane.tree_model.info(entity_id)
        if reveal and not spans and info is not None:
            self.status_reported.emit(f"{info.name} is not mentioned in this article.")

    @Slot(int, int)
    def on_mention_changed(self, index: int, total: int) -> None:
        entity_id = self.pane.current_entity_id
        info = self.pane.tree_model.info(entity_id) if entity_id else None
        if info is not None:
            keys = " \u00b7 F3 next, Shift+F3 previous" if total > 1 else ""
            self.status_reported.emit(f"{info.name}: mention {index + 1} of {total}{keys}")

    @Slot()
    def on_entities_loaded(self) -> None:
        self.reader.set_type_spans(self.pane.mentions_by_type())

    @Slot(str, str, str)
    def on_correction_requested(self, kind: str, name: str, value: str) -> None:
        self.correct(kind, name, value)

    @Slot(str, str)
    def on_entity_marked(self, text: str, type_: str) -> None:
        self.pane.expect_selection(text)
        self.correct("add", text, type_)

    @Slot()
    def on_library_changed(self) -> None:
        self.pane.refresh()
