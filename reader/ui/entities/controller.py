"""Entity corrections and re-extraction as tasks, and the link between sidebar and reader.

:func:`correction_task` and :func:`reextract_task` wrap the Qt-free core
(:mod:`reader.services.extraction`) in tasks for the single-writer pool; each opens its own
``Library`` on the worker thread. :class:`EntityController` runs them (shown in the status
bar's :class:`~reader.ui.tasks.progress.TaskProgress`, re-extraction with Cancel) and, when
one succeeds, tells the change bus that entities changed (the sidebar refreshes, selects the
entity again and so redraws the reader's highlights) and says what was done in the status
bar. It also joins the two panes: an opened article fills the sidebar, a chosen entity's
mentions are highlighted, the article's mentions can be coloured by type, and "Mark as
Entity" in the reader becomes an ``add`` correction. The reader is seen only as a
:class:`~reader.ui.common.views.MentionView`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot

from reader.library import Library
from reader.ui.common.colours import type_label
from reader.ui.common.pane_chrome import make_action
from reader.ui.common.views import MentionView, Plain
from reader.ui.entities.pane import EntityPane
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import PaneController
from reader.ui.tasks.runner import Task, library_task, progress_reporter

translate = QCoreApplication.translate


class CorrectionDone(Plain):
    """A correction that was recorded, and how many articles were extracted again."""

    __slots__ = ("kind", "name", "value", "articles")

    def __init__(self, kind: str, name: str, value: str, articles: int) -> None:
        self.kind, self.name, self.value, self.articles = kind, name, value, articles

    def describe(self) -> str:
        """One status-bar line, such as ``Merged “Trump” into “Donald Trump”``."""
        quoted = translate("CorrectionDone", "\u201c{text}\u201d")
        name, value = quoted.format(text=self.name), quoted.format(text=self.value)
        kind = type_label(self.value)
        text = {
            "rename": translate("CorrectionDone", "Renamed {name} to {value}"),
            "retype": translate("CorrectionDone", "{name} is now of type {kind}"),
            "merge": translate("CorrectionDone", "Merged {name} into {value}"),
            "hide": translate("CorrectionDone", "{name} is no longer an entity"),
            "add": translate("CorrectionDone", "Marked {name} as {kind}"),
        }.get(self.kind, translate("CorrectionDone", "Corrected {name}"))
        updated = (
            translate("CorrectionDone", "{n} article updated")
            if self.articles == 1
            else translate("CorrectionDone", "{n} articles updated")
        )
        text = text.format(name=name, value=value, kind=kind)
        return f"{text} \u00b7 {updated.format(n=self.articles)}"


class ReextractDone(Plain):
    """How many articles a re-extraction went through; ``cancelled`` if it was stopped."""

    __slots__ = ("articles", "cancelled")

    def __init__(self, articles: int, cancelled: bool = False) -> None:
        self.articles, self.cancelled = articles, cancelled

    def describe(self) -> str:
        if self.articles == 1:
            line = translate("ReextractDone", "Entities extracted again from {n} article")
        else:
            line = translate("ReextractDone", "Entities extracted again from {n} articles")
        line = line.format(n=self.articles)
        return (
            translate("ReextractDone", "{line} (cancelled)").format(line=line)
            if self.cancelled
            else line
        )


def correction_task(library_path: Path, kind: str, name: str, value: str = "") -> Task:
    """A task recording one correction and re-extracting the articles it affects."""

    def work(library: Library, task: Task) -> CorrectionDone:
        from reader.services.extraction import correct  # the extractor, when first needed

        return CorrectionDone(kind, name, value, correct(library, kind, name, value))

    label = translate("EntityController", "Applying the correction to \u201c{name}\u201d").format(
        name=name
    )
    return library_task(library_path, label, work, writes_library=True)


def reextract_task(library_path: Path) -> Task:
    """A task extracting the entities of every article again (progress, cancel)."""

    def work(library: Library, task: Task) -> ReextractDone:
        from reader.services.extraction import reextract  # the extractor, when first needed

        progress = progress_reporter(
            task,
            lambda done, total, _id: translate("EntityController", "{done} of {total}").format(
                done=done, total=total
            ),
        )
        count = reextract(library, progress=progress, cancelled=task.is_cancelled)
        return ReextractDone(count, cancelled=task.is_cancelled())

    label = translate("EntityController", "Extracting entities")
    return library_task(library_path, label, work, writes_library=True)


class EntityController(PaneController):
    """Runs entity tasks and keeps the sidebar and the reader in step."""

    pane: EntityPane
    reader: MentionView

    def setup(self, pane: EntityPane, reader: MentionView) -> None:
        reader.entity_marked.connect(self.on_entity_marked)
        reader.mention_changed.connect(self.on_mention_changed)
        pane.entity_selected.connect(self.on_entity_selected)
        pane.entities_loaded.connect(self.on_entities_loaded)
        pane.correction_requested.connect(self.correct)
        self.reextract_action = make_action(
            self,
            translate("EntityController", "Re-extract &Entities"),
            self.reextract_all,
        )

    # -- tasks -------------------------------------------------------------------------
    @Slot(str, str, str)
    def correct(self, kind: str, name: str, value: str = "") -> Task:
        """Record a correction in the background; the views refresh when it is done."""
        return self._run(correction_task(self.library_path, kind, name, value))

    @Slot()
    def reextract_all(self) -> Task:
        """Extract every article's entities again in the background."""
        return self._run(reextract_task(self.library_path))

    def _run(self, task: Task) -> Task:
        return self.start(task, on_success=self.on_task_succeeded, on_failure=self.on_task_failed)

    def on_task_succeeded(self, result: CorrectionDone | ReextractDone) -> None:
        self.bus.publish(Area.ENTITIES)
        self.messages.status(result.describe())

    def on_task_failed(self, message: str) -> None:
        self.pane.expect_selection(None)
        self.messages.error(message)

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
            self.ctx.messages.status(
                translate("EntityController", "{name} is not mentioned in this article.").format(
                    name=info.name
                )
            )

    @Slot(int, int)
    def on_mention_changed(self, index: int, total: int) -> None:
        entity_id = self.pane.current_entity_id
        info = self.pane.tree_model.info(entity_id) if entity_id else None
        if info is not None:
            line = translate("EntityController", "{name}: mention {n} of {total}").format(
                name=info.name, n=index + 1, total=total
            )
            if total > 1:
                line += " \u00b7 " + translate("EntityController", "F3 next, Shift+F3 previous")
            self.ctx.messages.status(line)

    @Slot()
    def on_entities_loaded(self) -> None:
        self.reader.set_type_spans(self.pane.mentions_by_type())

    @Slot(str, str)
    def on_entity_marked(self, text: str, type_: str) -> None:
        self.pane.expect_selection(text)
        self.correct("add", text, type_)
