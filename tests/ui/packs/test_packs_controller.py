"""The window's field pack entries: export, the import's preview, sync, conflict copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from reader.app import build_context
from reader.library import Library, coders
from reader.library.draft import Draft
from reader.services import packs as sp
from reader.ui.packs.controller import PacksController, preview_text
from reader.ui.packs.dialogs import ConflictsDialog, ExportChoice, ExportOptions
from reader.ui.tasks.bus import Area
from reader.ui.tasks.runner import TaskRunner

TASK_MS = 20_000
TEXT = "Rebels of M23 held Goma for a week. The minister spoke about coltan exports."


class Dialogs:
    """Stands in for the questions and messages."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.choice: ExportChoice | None = ExportChoice(None, True, False)
        self.save = str(tmp / "out.fieldpack")
        self.open_ = ""
        self.folder = ""
        self.answers: list[bool] = []
        self.asked: list[str] = []
        self.messages: list[tuple[str, str, bool]] = []
        self.name: str | None = "Amani"

    def export_choice(self, parent, tags):
        self.tags = tags
        return self.choice

    def export_file(self, parent):
        return self.save

    def import_file(self, parent):
        return self.open_

    def team_folder(self, parent, current):
        return self.folder

    def coder_name(self, parent, current):
        return self.name

    def confirm(self, parent, title, text):
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else False

    def inform(self, parent, title, text, *, warning=False):
        self.messages.append((title, text, warning))

    def conflicts(self, parent):
        return ConflictsDialog(parent)


@pytest.fixture
def setup(tmp_path: Path, settings, qtbot):
    path = tmp_path / "here.sqlite"
    lib = Library.open(path)
    tasks = TaskRunner()
    ctx = build_context(lib, path, settings=settings, tasks=tasks)
    widget = QWidget()
    qtbot.addWidget(widget)
    dialogs = Dialogs(tmp_path)
    controller = PacksController(ctx, widget, dialogs=dialogs)
    yield controller, dialogs, lib, ctx
    tasks.shutdown()
    lib.close()


def _other(tmp_path: Path, name: str = "there") -> Library:
    other = Library.open(tmp_path / f"{name}.sqlite")
    coders.set_coder(other, "Bohdan")
    aid = other.add_article(Draft(title="Goma", text=TEXT, tags=["drc"]))
    other.add_note(aid, "coltan?", quote="coltan")
    return other


def test_the_actions_and_their_texts(setup) -> None:
    controller, *_ = setup
    texts = [a.text() for a in controller.actions]
    assert texts[:4] == [
        "Export Field &Pack\u2026",
        "Import Field Pac&k\u2026",
        "S&ync with Team Folder",
        "Con&flict Copies\u2026",
    ]


def test_export_writes_a_pack(setup, qtbot) -> None:
    controller, dialogs, lib, _ = setup
    lib.add_article(Draft(title="Kyiv", text="Kharkiv was shelled.", tags=["ua"]))
    dialogs.choice = ExportChoice("ua", True, False)
    task = controller.export_pack()
    qtbot.waitUntil(lambda: bool(task.done and dialogs.messages), timeout=TASK_MS)
    assert dialogs.tags == ["ua"]
    assert "Wrote 1 articles" in dialogs.messages[-1][1]
    assert sp.read_pack(Path(dialogs.save)).manifest["counts"]["articles"] == 1
    dialogs.choice = None
    assert controller.export_pack() is None


def test_import_previews_then_imports_only_when_agreed(setup, qtbot, tmp_path: Path) -> None:
    controller, dialogs, lib, ctx = setup
    other = _other(tmp_path)
    dialogs.open_ = sp.export_pack(other, tmp_path / "b.fieldpack")["file"]
    dialogs.answers = [False]
    task = controller.import_pack()
    qtbot.waitUntil(lambda: bool(task.done and dialogs.asked), timeout=TASK_MS)
    assert "Added: 1 articles, 1 notes" in dialogs.asked[0]
    assert "Bohdan" in dialogs.asked[0]
    assert lib.all_article_ids() == []  # declined: nothing changed
    dialogs.answers = [True]
    with qtbot.waitSignal(ctx.bus.changed, timeout=TASK_MS) as changed:
        controller.import_pack()
    assert changed.args[0].areas & Area.NOTES
    assert len(lib.all_article_ids()) == 1
    assert dialogs.messages[-1][1].startswith("Added 1 articles, 1 notes")
    other.close()


def test_conflicts_are_listed_and_resolved(setup, qtbot, tmp_path: Path) -> None:
    controller, dialogs, lib, _ = setup
    coders.set_coder(lib, "Amani")
    other = _other(tmp_path)
    sp.import_pack(lib, Path(sp.export_pack(other, tmp_path / "b.fieldpack")["file"]))
    lib.save_note(lib.notes()[0].id, "mine")
    other.save_note(other.notes()[0].id, "theirs")
    dialogs.open_ = sp.export_pack(other, tmp_path / "b.fieldpack")["file"]
    dialogs.answers = [True]
    with qtbot.waitSignal(controller.packs_changed, timeout=TASK_MS):
        controller.import_pack()
    assert "Put in conflict: 1" in dialogs.asked[-1]
    assert "Conflict Copies" in dialogs.messages[-1][1]
    assert controller.conflicts_action.text() == "Con&flict Copies (1)\u2026"
    dialog = controller.show_conflicts()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 3).data() == "theirs"
    with qtbot.waitSignal(controller.packs_changed, timeout=TASK_MS):
        dialog.buttons["theirs"].click()
    assert [n.body for n in lib.notes()] == ["theirs"]
    assert dialog.model.rowCount() == 0
    assert not dialog.buttons["mine"].isEnabled()
    dialog.close()
    other.close()


def test_sync_asks_for_a_folder_then_exchanges(setup, qtbot, tmp_path: Path) -> None:
    controller, dialogs, lib, _ = setup
    team = tmp_path / "team"
    team.mkdir()
    other = _other(tmp_path)
    from reader.services.sync import sync

    sync(other, team)
    assert controller.sync() is None  # no folder chosen: nothing done
    dialogs.folder = str(team)
    with qtbot.waitSignal(controller.packs_changed, timeout=TASK_MS):
        controller.sync()
    assert coders.setting(lib, coders.TEAM_FOLDER_KEY) == str(team)
    assert "imported 1 packs" in dialogs.messages[-1][1]
    assert len(lib.all_article_ids()) == 1
    assert len(list(team.iterdir())) == 2
    assert controller.sync_at_start() is None
    controller.sync_at_start_action.setChecked(True)
    task = controller.sync_at_start()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=TASK_MS)
    other.close()


def test_coder_name(setup) -> None:
    controller, dialogs, lib, _ = setup
    assert controller.choose_coder() == "Amani"
    assert coders.coder(lib) == "Amani"
    dialogs.name = "  "
    assert controller.choose_coder() is None
    assert dialogs.messages[-1][2]


def test_export_options_dialog(qtbot) -> None:
    dialog = ExportOptions(None, ["drc", "ua"])
    qtbot.addWidget(dialog)
    assert dialog.tag.count() == 3
    dialog.tag.setCurrentIndex(2)
    dialog.private.setChecked(True)
    assert dialog.choice() == ExportChoice("ua", True, True)
    dialog.notes.setChecked(False)
    assert dialog.choice() == ExportChoice("ua", False, False)
    assert not dialog.private.isEnabled()


def test_preview_text_mentions_a_pack_seen_before() -> None:
    counts = {"new": 0, "same": 2, "changed": 0}
    found = {
        "coder": None,
        "created": "2026-01-01",
        "articles": counts,
        "notes": counts,
        "codings": counts,
        "conflicts": 0,
        "trashes": 0,
        "seen_before": True,
    }
    text = preview_text(found)
    assert "unnamed coder" in text
    assert "unchanged: 6" in text
    assert "imported here before" in text


def test_agreement_between_two_coders(setup, qtbot, tmp_path: Path) -> None:
    from reader.analysis.sentences import split_sentences
    from reader.library import codings
    from reader.library.anchors import make_anchor
    from reader.ui.packs.dialogs import AgreementDialog

    controller, dialogs, lib, _ = setup
    assert controller.show_agreement() is None  # one coder or none: explained
    assert "two coders" in dialogs.messages[-1][1]
    coders.set_coder(lib, "Amani")
    other = _other(tmp_path)
    sp.import_pack(lib, Path(sp.export_pack(other, tmp_path / "b.fieldpack")["file"]))
    aid = lib.all_article_ids()[0]
    first, second = split_sentences(TEXT, "en")
    codings.add_coding(lib, aid, "frames", "actor", make_anchor(TEXT, *first))
    coders.set_coder(lib, "Bohdan")
    codings.add_coding(lib, aid, "frames", "actor", make_anchor(TEXT, *second))
    shown: list[AgreementDialog] = []
    dialogs.coders = lambda parent, names: ("Amani", "Bohdan")
    dialogs.agreement = lambda parent, result: shown.append(AgreementDialog(parent, result))
    task = controller.show_agreement()
    qtbot.waitUntil(lambda: bool(shown), timeout=TASK_MS)
    assert task.done
    model = shown[0].model
    assert [model.index(0, c).data() for c in range(7)] == [
        "frames",
        "actor",
        "-1.000",
        "0",
        "1",
        "1",
        "0",
    ]
    assert "over 2 sentences" in shown[0].summary.text()
    other.close()
