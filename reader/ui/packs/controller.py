"""The File menu's field pack entries, the team folder and the conflict copies.

*Export Field Pack…* asks which articles (all or one tag) and whether notes go too, then a
file, and writes the pack as a task. *Import Field Pack…* first reads the pack on a worker
(:func:`~reader.services.packs.inspect_pack`, changing nothing) and shows what it would add,
change and put in conflict; only when the user agrees (and, for a pack that would move more
than the guard allows to the trash, agrees again) does the import run, on the single-writer
pool. *Sync with Team Folder* exchanges packs with the folder set in *Team Folder…* (kept in
the library, as ``fieldreader config set team-folder`` does), and *Sync at Start* makes the
window do it when it opens (:meth:`PacksController.sync_at_start`). *Coder Name…* names
this library's coder. *Conflict Copies…* lists the copies imports left, to keep mine, keep
theirs or keep both. *Coder Agreement…* shows Cohen's kappa between two coders. Every
outcome is a non-blocking message; what changed goes on the bus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal, Slot

from reader.library import Library
from reader.library import coders as _coders
from reader.ui.common.pane_chrome import make_action
from reader.ui.tasks.bus import Area
from reader.ui.tasks.controller import MenuController
from reader.ui.tasks.runner import Task, library_task

if TYPE_CHECKING:  # read when an entry is first used, not when the window starts
    from reader.ui.packs.dialogs import ConflictsDialog, PacksDialogs

translate = QCoreApplication.translate

#: The library setting that makes the window sync with the team folder when it opens.
SYNC_AT_START_KEY = "sync_at_start"
#: What an import or a sync may have changed.
MERGED = Area.ARTICLES | Area.NOTES | Area.CODINGS | Area.ENTITIES


def preview_text(found: dict[str, Any]) -> str:
    """What importing the pack would do, in words (from :func:`inspect_pack`)."""
    a, n, c = found["articles"], found["notes"], found["codings"]
    lines = [
        translate("PacksController", "A pack by {coder}, written {created}.").format(
            coder=found["coder"] or translate("PacksController", "an unnamed coder"),
            created=found["created"],
        ),
        translate(
            "PacksController", "Added: {a} articles, {n} notes and highlights, {c} codings."
        ).format(a=a["new"], n=n["new"], c=c["new"]),
        translate(
            "PacksController", "Changed: {a} articles (tags), {n} notes, {c} codings."
        ).format(a=a["changed"], n=n["changed"], c=c["changed"]),
        translate(
            "PacksController",
            "Put in conflict: {k} (the incoming version is kept beside yours, as a copy).",
        ).format(k=found["conflicts"]),
        translate("PacksController", "Moved to the trash: {t}.").format(t=found["trashes"]),
        translate("PacksController", "Already here, unchanged: {u}.").format(
            u=a["same"] + n["same"] + c["same"]
        ),
    ]
    if found.get("seen_before"):
        lines.append(translate("PacksController", "This pack was imported here before."))
    return "\n".join(lines)


def merged_text(done: dict[str, Any]) -> str:
    """What an import did, in words."""
    added = done["added"]
    text = translate(
        "PacksController",
        "Added {a} articles, {n} notes and {c} codings; {u} updated, {k} conflict copies, "
        "{t} moved to the trash.",
    ).format(
        a=added["articles"],
        n=added["notes"],
        c=added["codings"],
        u=done.get("updated", 0),
        k=done["conflicts"],
        t=done["trashed"],
    )
    if done["conflicts"]:
        text += "\n" + translate(
            "PacksController", "See File \u203a Conflict Copies\u2026 to resolve them."
        )
    return text


def sync_text(done: dict[str, Any]) -> str:
    """What a sync did, in words."""
    text = translate(
        "PacksController", "Wrote this library's pack; imported {n} packs ({k} conflict copies)."
    ).format(n=len(done["imported"]), k=done["conflicts"])
    for refused in done["refused"]:
        text += "\n" + translate("PacksController", "Refused {file}: {why}").format(
            file=refused["file"], why=refused["error"]
        )
    return text


class PacksController(MenuController):
    """Runs the field pack entries for the window.

    Signals:
        packs_changed(): an import, sync or resolution ended (the conflict copies may differ).
    """

    packs_changed = Signal()
    dialogs: PacksDialogs

    @staticmethod
    def DIALOGS() -> PacksDialogs:  # noqa: N802 (the controllers' name for it)
        from reader.ui.packs.dialogs import PacksDialogs

        return PacksDialogs()

    def setup(self) -> None:
        self.export_action = make_action(
            self, self.tr("Export Field &Pack\u2026"), self.export_pack
        )
        self.import_action = make_action(
            self, self.tr("Import Field Pac&k\u2026"), self.import_pack
        )
        self.sync_action = make_action(self, self.tr("S&ync with Team Folder"), self.sync)
        self.team_folder_action = make_action(
            self, self.tr("&Team Folder\u2026"), self.choose_folder
        )
        self.sync_at_start_action = make_action(
            self, self.tr("Sync at &Start"), self.set_sync_at_start, checkable=True
        )
        self.sync_at_start_action.blockSignals(True)
        self.sync_at_start_action.setChecked(self._setting(SYNC_AT_START_KEY) == "1")
        self.sync_at_start_action.blockSignals(False)
        self.coder_action = make_action(self, self.tr("&Coder Name\u2026"), self.choose_coder)
        self.conflicts_action = make_action(
            self, self.tr("Con&flict Copies\u2026"), self.show_conflicts
        )
        self.agreement_action = make_action(self, self.tr("Coder &Agreement…"), self.show_agreement)
        self.conflicts_dialog: ConflictsDialog | None = None
        #: The File menu's entries, in order (the last three belong in Preferences too).
        self.actions = [
            self.export_action,
            self.import_action,
            self.sync_action,
            self.conflicts_action,
            self.agreement_action,
            self.team_folder_action,
            self.sync_at_start_action,
            self.coder_action,
        ]

    def _setting(self, key: str) -> str | None:
        return _coders.setting(self.library, key)

    def _tell(self, title: str, text: str, *, warning: bool = False) -> None:
        self.dialogs.inform(self.widget, title, text, warning=warning)
        (self.ctx.messages.error if warning else self.ctx.messages.status)(text.splitlines()[0])

    def _failed(self, title: str) -> Any:
        return lambda message: self._tell(
            title,
            self.tr("{title} failed: {reason}").format(title=title, reason=message),
            warning=True,
        )

    # -- export -----------------------------------------------------------------------------
    @Slot()
    def export_pack(self) -> Task | None:
        """Ask what and where, then write the pack."""
        title = self.tr("Export Field Pack")
        tags = [name for name, _count in self.library.tag_counts()]
        choice = self.dialogs.export_choice(self.widget, tags)
        if choice is None:
            return None
        path = self.dialogs.export_file(self.widget)
        if not path:
            return None
        self.flush()
        from reader.library import packs as _packs  # when the entry is used

        selection = _packs.Selection(
            tags=(choice.tag,) if choice.tag else (),
            notes=choice.notes,
            include_private=choice.include_private,
        )

        def work(library: Library, task: Task) -> dict[str, Any]:
            from reader.services import packs as _files  # when the entry is used

            return _files.export_pack(library, Path(path), selection)

        task = library_task(self.library_path, title, work, writes_library=True)
        return self.start(
            task,
            on_success=lambda done: self._tell(
                title,
                self.tr(
                    "Wrote {articles} articles, {notes} notes and {codings} codings to {file}."
                ).format(**done),
            ),
            on_failure=self._failed(title),
        )

    # -- import -----------------------------------------------------------------------------
    @Slot()
    def import_pack(self) -> Task | None:
        """Ask for a pack, read it and show what it would do; import only if agreed."""
        path = self.dialogs.import_file(self.widget)
        if not path:
            return None
        self.flush()
        title = self.tr("Import Field Pack")

        def work(library: Library, task: Task) -> dict[str, Any]:
            from reader.services import packs as _files  # when the entry is used

            return _files.inspect_pack(library, Path(path))

        task = library_task(self.library_path, self.tr("Reading the field pack"), work)
        return self.start(
            task,
            on_success=lambda found: self._previewed(Path(path), found),
            on_failure=self._failed(title),
        )

    def _previewed(self, path: Path, found: dict[str, Any]) -> Task | None:
        title = self.tr("Import Field Pack")
        question = preview_text(found) + "\n\n" + self.tr("Import it?")
        if not self.dialogs.confirm(self.widget, title, question):
            return None
        yes = False
        if found["needs_yes"]:
            guard = self.tr(
                "This pack would move {n} things to the trash here (they can be restored "
                "from the trash). Move them?"
            ).format(n=found["trashes"])
            if not self.dialogs.confirm(self.widget, title, guard):
                return None
            yes = True
        return self.run_import(path, yes=yes)

    def run_import(self, path: Path, *, yes: bool = False) -> Task:
        """Import the pack at ``path`` (``yes``: past the mass-deletion guard)."""
        title = self.tr("Import Field Pack")

        def work(library: Library, task: Task) -> dict[str, Any]:
            from reader.services import packs as _files  # when the entry is used

            return _files.import_pack(library, Path(path), yes=yes)

        task = library_task(self.library_path, title, work, writes_library=True)
        return self.start(
            task, on_success=lambda done: self._merged(title, done), on_failure=self._failed(title)
        )

    def _merged(self, title: str, done: dict[str, Any]) -> None:
        self.ctx.bus.publish(MERGED)
        self._tell(title, merged_text(done))
        self._refresh_conflicts()
        self.packs_changed.emit()

    # -- team folder ------------------------------------------------------------------------
    @Slot()
    def choose_folder(self) -> bool:
        """Ask for the team folder and keep it in the library."""
        folder = self.dialogs.team_folder(self.widget, self._setting(_coders.TEAM_FOLDER_KEY) or "")
        if not folder:
            return False
        _coders.set_setting(self.library, _coders.TEAM_FOLDER_KEY, str(Path(folder)))
        return True

    @Slot(bool)
    def set_sync_at_start(self, on: bool) -> None:
        """Sync with the team folder when the window opens, or not."""
        _coders.set_setting(self.library, SYNC_AT_START_KEY, "1" if on else None)

    def sync_at_start(self) -> Task | None:
        """What the window calls once it shows: a sync, if chosen and a folder is set."""
        if self._setting(SYNC_AT_START_KEY) != "1" or not self._setting(_coders.TEAM_FOLDER_KEY):
            return None
        return self.sync()

    @Slot()
    def sync(self, yes: bool = False) -> Task | None:
        """Exchange packs with the team folder (asked for the first time)."""
        folder = self._setting(_coders.TEAM_FOLDER_KEY)
        if not folder:
            if not self.choose_folder():
                return None
            folder = self._setting(_coders.TEAM_FOLDER_KEY)
        self.flush()
        title = self.tr("Sync with Team Folder")

        def work(library: Library, task: Task) -> dict[str, Any]:
            from reader.services import sync as _sync  # when the entry is used

            return _sync.sync(library, Path(str(folder)), yes=yes).as_json()

        task = library_task(self.library_path, title, work, writes_library=True)
        return self.start(
            task, on_success=lambda done: self._synced(done, yes), on_failure=self._failed(title)
        )

    def _synced(self, done: dict[str, Any], yes: bool) -> None:
        title = self.tr("Sync with Team Folder")
        self.ctx.bus.publish(MERGED)
        self._tell(title, sync_text(done), warning=bool(done["refused"]))
        self._refresh_conflicts()
        self.packs_changed.emit()
        if done["held"] and not yes:
            question = self.tr(
                "{packs} would move many things to the trash here (they can be restored from "
                "the trash). Import them anyway?"
            ).format(packs=", ".join(done["held"]))
            if self.dialogs.confirm(self.widget, title, question):
                self.sync(yes=True)

    # -- coder --------------------------------------------------------------------------------
    @Slot()
    def choose_coder(self) -> str | None:
        """Ask for this library's coder name."""
        name = self.dialogs.coder_name(self.widget, _coders.coder(self.library) or "")
        if name is None:
            return None
        try:
            return _coders.set_coder(self.library, name)
        except ValueError as exc:
            self._tell(self.tr("Coder Name"), str(exc), warning=True)
            return None

    # -- conflict copies --------------------------------------------------------------------
    def conflict_rows(self) -> list[dict[str, Any]]:
        """The conflict copies as the dialog shows them."""
        from reader.library import packs as _packs  # when they are counted

        return [c.as_json() for c in _packs.conflict_copies(self.library)]

    @Slot()
    def show_conflicts(self) -> ConflictsDialog:
        """Open (or bring forward) the conflict copies' dialog."""
        if self.conflicts_dialog is None:
            self.conflicts_dialog = self.dialogs.conflicts(self.widget)
            self.conflicts_dialog.resolve_requested.connect(self.resolve)
        self._refresh_conflicts()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        return self.conflicts_dialog

    def _refresh_conflicts(self) -> None:
        rows = self.conflict_rows()
        self.conflicts_action.setText(
            self.tr("Con&flict Copies ({n})\u2026").format(n=len(rows))
            if rows
            else self.tr("Con&flict Copies\u2026")
        )
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.show_rows(rows)

    @Slot(str, int, str)
    def resolve(self, kind: str, copy_id: int, keep: str) -> Task:
        """Resolve one conflict copy (keep ``mine``, ``theirs`` or ``both``)."""
        title = self.tr("Conflict Copies")

        def work(library: Library, task: Task) -> None:
            from reader.library import packs as _packs  # when the entry is used

            _packs.resolve_conflict(library, kind, copy_id, keep)

        task = library_task(self.library_path, title, work, writes_library=True)
        area = Area.NOTES if kind == "note" else Area.CODINGS
        return self.start(
            task,
            on_success=lambda _none: self._resolved(area),
            on_failure=self._failed(title),
        )

    def _resolved(self, area: Area) -> None:
        self.ctx.bus.publish(area)
        self._refresh_conflicts()
        self.packs_changed.emit()

    # -- agreement ----------------------------------------------------------------------------
    @Slot()
    def show_agreement(self) -> Task | None:
        """Ask which two coders, compute their agreement on a worker, then show it."""
        title = self.tr("Coder Agreement")
        names = _coders.coders(self.library)
        if len(names) < 2:
            self._tell(
                title,
                self.tr(
                    "Agreement needs the codings of two coders: import a field pack from "
                    "another coder first."
                ),
            )
            return None
        chosen = self.dialogs.coders(self.widget, names)
        if chosen is None:
            return None
        first, second = chosen

        def work(library: Library, task: Task) -> dict[str, Any]:
            from reader.services import packs as _files  # when the entry is used

            return _files.coder_agreement(library, first, second)

        task = library_task(self.library_path, title, work)
        return self.start(
            task,
            on_success=lambda result: self.dialogs.agreement(self.widget, result),
            on_failure=self._failed(title),
        )

    @Slot(object)
    def on_changed(self, change: Any) -> None:
        """Another part of the window changed notes or codings: recount the copies."""
        if change.areas & (Area.NOTES | Area.CODINGS | Area.LIBRARY):
            self._refresh_conflicts()
