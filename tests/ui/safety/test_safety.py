"""The Library menu (check, repair, back up, restore, automatic backups) and one window per
library (the lock, the raise request, two real processes)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from helpers.paths import ROOT
from helpers.samples import SAMPLE_COUNT
from helpers.ui_fixtures import wait_idle
from reader.app import QUIT_AFTER_ENV, SETTINGS_ENV, TEST_EVENTS_ENV, run_gui
from reader.library import Library
from reader.library import maintenance as m
from reader.library.maintenance import Problem, Report
from reader.ui.common.preferences import Preferences
from reader.ui.common.single_instance import (
    ALREADY_OPEN_MESSAGE,
    InstanceLock,
    RaiseWatcher,
    lock_path,
    read_requests,
    request_path,
)
from reader.ui.safety.controller import RESTORING_REFUSAL
from reader.ui.safety.tasks import CheckDone
from reader.ui.tasks.bus import Area


class Answers:
    """Stands in for :class:`~reader.ui.safety.controller.SafetyDialogs`: answers at once."""

    def __init__(self) -> None:
        self.backup_path = ""
        self.restore_path = ""
        self.confirm = True
        self.confirmed: list[Path] = []
        self.reports: list[tuple[CheckDone, object]] = []
        self.informed: list[tuple[str, str, bool]] = []

    def backup_file(self, parent, suggested):
        self.suggested = suggested
        return self.backup_path

    def restore_file(self, parent, folder):
        self.folder = folder
        return self.restore_path

    def confirm_restore(self, parent, backup, library_path):
        self.confirmed.append(backup)
        return self.confirm

    def show_report(self, parent, done, on_repair):
        self.reports.append((done, on_repair))

    def inform(self, parent, title, text, *, warning=False, details=""):
        self.informed.append((title, text, warning))


@pytest.fixture
def answers(window) -> Answers:
    stand_in = Answers()
    window.safety.dialogs = stand_in
    return stand_in


# -- what a check says --------------------------------------------------------------------------
def test_check_texts():
    counts = {"articles": 10, "notes": 1, "entities": 3, "mentions": 9, "codings": 0}
    healthy = CheckDone(Report(counts=counts))
    assert healthy.headline() == "The library is healthy."
    assert healthy.repairable == 0
    # each number is held to its word by a no-break space (a line never parts them)
    line = "Checked 10 articles, 1 note, 3 entities, 9 entity mentions, 0 codings."
    for word in ("articles", "note", "entities", "entity", "codings"):
        line = line.replace(f" {word}", f"\u00a0{word}")
    assert line in healthy.text()
    problems = [
        Problem("search_index", "the articles_fts index does not match its table", True),
        Problem("mentions", "2 entity mentions no longer match (run 'fieldreader reextract')"),
        Problem("integrity", "page 4 is never used"),
    ]
    sick = CheckDone(Report(problems=problems, counts=counts))
    assert sick.headline() == "Fieldreader found 3 problems in the library."
    assert sick.repairable == 2
    assert "Repair can fix 2 of them safely." in sick.text()
    assert "fieldreader reextract" not in sick.text()  # no command-line advice in the GUI
    assert "integrity: page 4 is never used" in sick.details()
    fixed = CheckDone(Report(repaired=["rebuilt the search indexes"], counts=counts), True)
    assert fixed.headline() == "The library was repaired and is healthy now."
    assert "\u2713 rebuilt the search indexes" in fixed.text()


# -- check and repair ---------------------------------------------------------------------------
def test_check_a_healthy_library(window, answers, qtbot):
    window.safety.check_action.trigger()
    wait_idle(window, qtbot)
    [(done, on_repair)] = answers.reports
    assert done.report.ok
    assert on_repair is None
    assert not done.repaired
    assert window.statusBar().currentMessage() == "The library is healthy."


def test_check_offers_repair_which_fixes_index_and_mentions(window, answers, qtbot):
    lib = window.library
    article_id = lib.most_recent_id()
    lib.db.execute(
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', ?, 'wrong', 'wrong words')",
        [article_id],
    )
    lib.db.execute(
        "UPDATE articles SET text = 'Preface. ' || text WHERE id = ?", [article_id]
    )  # every mention of this article is now out of place
    window.safety.check()
    wait_idle(window, qtbot)
    [(done, on_repair)] = answers.reports
    assert {p.kind for p in done.report.problems} >= {"search_index", "mentions"}
    assert on_repair is not None  # the report offers Repair
    changes = []
    window.ctx.bus.changed.connect(changes.append)
    on_repair()
    wait_idle(window, qtbot)
    assert len(changes) == 1
    assert changes[0].touches(Area.ENTITIES | Area.NOTES)
    repaired, offer = answers.reports[-1]
    assert repaired.repaired
    assert offer is None
    assert repaired.report.ok, repaired.report.as_json()
    assert any("re-extracted the entities of 1 article" in r for r in repaired.report.repaired)
    assert m.check(lib).ok


# -- backups ------------------------------------------------------------------------------------
def test_back_up_to_a_chosen_file(window, answers, qtbot, tmp_path):
    dest = tmp_path / "copies" / "mine.sqlite"
    answers.backup_path = str(dest)
    window.safety.backup_action.trigger()
    wait_idle(window, qtbot)
    assert answers.suggested.name.startswith("fieldreader-backup-")
    assert m.validate_backup(dest) >= 1
    assert answers.informed[-1][1] == f"The library was backed up to {dest}"
    dest.write_bytes(b"an older file the user agreed to replace")
    window.safety.backup()
    wait_idle(window, qtbot)
    assert m.validate_backup(dest) >= 1
    assert not list(dest.parent.glob("*.new"))


def test_backup_refuses_the_library_itself_and_a_cancel(window, answers, library_path):
    assert window.safety.backup() is None  # the file dialog was cancelled
    answers.backup_path = str(library_path)
    assert window.safety.backup() is None
    assert "the library itself" in answers.informed[-1][1]
    assert answers.informed[-1][2]


def test_automatic_backups_rotate_and_follow_the_preference(
    window, answers, qtbot, library_path, settings
):
    folder = m.backups_folder(library_path)
    folder.mkdir()
    for day in ("20200101", "20200102", "20200103"):
        (folder / f"auto-{day}.sqlite").write_bytes(b"old")
    preferences = Preferences(settings)
    assert preferences.auto_backup
    assert preferences.backups_kept == 7
    assert window.safety.auto_backup_action.isChecked()
    preferences.backups_kept = 2
    task = window.safety.start_auto_backup()
    assert task is not None
    assert window.safety.start_auto_backup() is None
    wait_idle(window, qtbot)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 2
    assert kept[0] == "auto-20200103.sqlite"
    assert m.validate_backup(folder / kept[1]) >= 1
    window.safety.auto_backup_action.setChecked(False)
    assert preferences.auto_backup is False
    assert window.safety.start_auto_backup() is None


# -- restore ------------------------------------------------------------------------------------
@pytest.fixture
def backup_of_samples(window, tmp_path) -> Path:
    return m.backup(window.library, tmp_path / "samples-backup.sqlite")


def test_restore_replaces_the_library_and_refreshes_every_pane(
    window, answers, qtbot, backup_of_samples, library_path, tmp_path
):
    from reader.services.importing import import_paths

    lib = window.library
    later = tmp_path / "later.txt"
    later.write_text("Written after the backup\n\nCobalt prices rose again in Kolwezi.\n")
    [added] = import_paths(lib, [later])
    newer = added.id
    note_id = lib.add_note(newer, "a note made after the backup")
    window.ctx.bus.publish(Area.ARTICLES | Area.NOTES, [newer])
    window.open_article(newer)
    window.notes_pane.show_note(note_id)
    assert window.count_label.text() == f"{SAMPLE_COUNT + 1} articles"
    answers.restore_path = str(backup_of_samples)
    changes = []
    window.ctx.bus.changed.connect(changes.append)
    with qtbot.waitSignal(window.safety.restore_finished, timeout=60_000) as finished:
        window.safety.restore_action.trigger()
    assert [c.replaced for c in changes] == [True]  # every pane heard: the file was replaced
    assert answers.folder == m.backups_folder(library_path)
    assert answers.confirmed == [backup_of_samples]
    kept = finished.args[0]
    assert kept is not None
    assert Path(kept).is_file()
    assert window.library is lib
    assert lib.count() == SAMPLE_COUNT
    assert lib.get(newer) is None
    assert window.isEnabled()
    assert window.count_label.text() == f"{SAMPLE_COUNT} articles"
    assert window.library_pane.table_model.rowCount() == SAMPLE_COUNT
    assert window.reader.article_id is not None
    assert window.reader.article_id != newer
    assert window.notes_pane.editor.note_id is None  # the note is not in the backup
    assert "restored" in answers.informed[-1][1]
    assert str(kept) in answers.informed[-1][1]
    old = Library.open(kept)  # the replaced library was kept aside, whole
    try:
        assert old.count() == SAMPLE_COUNT + 1
        assert old.note(note_id) is not None
    finally:
        old.close()
    lib.add_note(window.reader.article_id, "the window writes to the restored file")
    other = Library.open(library_path)
    try:
        assert len(other.notes()) == 1
    finally:
        other.close()


def test_restore_cancelled_or_invalid_changes_nothing(window, answers, qtbot, tmp_path):
    assert window.safety.restore() is None  # no file chosen
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    answers.restore_path = str(bogus)
    window.safety.restore()
    wait_idle(window, qtbot)
    assert answers.confirmed == []
    assert answers.informed[-1][2]
    assert "not a Fieldreader library" in answers.informed[-1][1]
    answers.restore_path = str(m.backup(window.library, tmp_path / "ok.sqlite"))
    answers.confirm = False
    window.safety.restore()
    wait_idle(window, qtbot)
    assert len(answers.confirmed) == 1
    assert window.library.count() == SAMPLE_COUNT


def test_restore_waits_for_running_tasks(window, answers, qtbot, backup_of_samples):
    release = threading.Event()
    task = window.tasks.submit(lambda t: release.wait(30), "Importing things", writes_library=True)
    answers.restore_path = str(backup_of_samples)
    assert window.safety.restore() is None
    assert "importing things" in answers.informed[-1][1]
    assert answers.informed[-1][2]
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=10_000)


def test_nothing_else_runs_while_the_window_restores(
    window, answers, qtbot, backup_of_samples, tmp_path, monkeypatch, status_lines
):
    from reader.ui.safety import controller as safety_controller

    gate, started = threading.Event(), threading.Event()
    real = safety_controller.restore_task

    def held_restore(library_path, backup):
        task = real(library_path, backup)
        work = task.fn

        def slow(t):
            started.set()
            gate.wait(30)
            return work(t)

        task.fn = slow
        return task

    monkeypatch.setattr(safety_controller, "restore_task", held_restore)
    report = tmp_path / "during.txt"
    report.write_text("Written during the restore\n\nNothing may land now.\n", "utf-8")
    window.watcher.start()
    answers.restore_path = str(backup_of_samples)
    window.safety.restore_action.trigger()  # checks the backup first, in the background
    qtbot.waitUntil(started.is_set, timeout=30_000)
    assert window.library.detached
    assert not window.isEnabled()
    assert window.safety.start_auto_backup() is None
    assert window.watcher.poll() is None
    imported = window.imports.import_paths([report])
    qtbot.waitUntil(lambda: imported.done, timeout=5000)
    assert f"Import failed: {RESTORING_REFUSAL}" in status_lines
    window.library_pane.search_edit.setText("cobalt")
    window.library_pane.run_search()
    qtbot.waitUntil(lambda: not window.library_pane.searching, timeout=5000)
    assert window.library_pane.results_label.text() == f"Could not search: {RESTORING_REFUSAL}"
    with qtbot.waitSignal(window.safety.restore_finished, timeout=60_000) as finished:
        gate.set()
    assert finished.args[0] is not None
    assert window.library.count() == SAMPLE_COUNT  # the refused import never ran
    assert window.isEnabled()


def test_library_menu(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Library")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    ours = [
        "&Check Library\u2026",
        "&Back Up Library\u2026",
        "&Restore from Backup\u2026",
        "Daily &Automatic Backups",
    ]
    start = texts.index(ours[0])  # the menu holds other controllers' entries too
    assert texts[start : start + len(ours)] == ours
    assert window.safety.auto_backup_action.isCheckable()


# -- start-up: automatic backup, screenshots --------------------------------------------------
@pytest.fixture
def private_settings(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "user-settings"
    monkeypatch.setenv(SETTINGS_ENV, str(folder))
    return folder


def test_gui_start_makes_todays_backup_in_the_background(
    tmp_path, qapp, qtbot, monkeypatch, private_settings
):
    from PySide6.QtWidgets import QApplication

    import reader.app

    monkeypatch.setattr(reader.app, "AUTO_BACKUP_DELAY_MS", 0)
    library_path = tmp_path / "gui" / "lib.sqlite"
    folder = m.backups_folder(library_path)

    def fake_exec() -> int:
        qtbot.waitUntil(
            lambda: folder.is_dir() and any(folder.glob("auto-*.sqlite")), timeout=60_000
        )
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert run_gui(library_path) == 0
    assert len(list(folder.glob("auto-*.sqlite"))) == 1
    assert not request_path(library_path).exists()  # removed on the way out
    assert lock_path(library_path).exists()  # kept: removing it could race a new start


def test_screenshot_writes_no_settings_and_makes_no_backup(
    sampled, library_path, tmp_path, qapp, private_settings
):
    assert run_gui(library_path, screenshot=tmp_path / "a.png") == 0
    assert not (private_settings / "Fieldreader.ini").exists()
    assert not m.backups_folder(library_path).exists()
    stored = QSettings(str(private_settings / "Fieldreader.ini"), QSettings.Format.IniFormat)
    stored.setValue("view/theme", "dark")
    stored.sync()
    before = (private_settings / "Fieldreader.ini").read_bytes()
    assert run_gui(library_path, screenshot=tmp_path / "b.png", view="reader") == 0
    assert (private_settings / "Fieldreader.ini").read_bytes() == before


def test_screenshot_works_while_another_window_has_the_library(
    sampled, library_path, tmp_path, qapp, private_settings
):
    with InstanceLock(library_path) as held:
        assert held.acquire()
        assert run_gui(library_path, screenshot=tmp_path / "shot.png") == 0
    assert (tmp_path / "shot.png").is_file()


# -- one window per library ---------------------------------------------------------------------
def test_lock_is_exclusive_and_released(library_path):
    first, second = InstanceLock(library_path), InstanceLock(library_path)
    assert first.acquire()
    assert first.held
    assert not second.acquire()
    assert first.lock_path.read_text().strip() == str(os.getpid())
    assert second.request_raise(article_id=3)
    [request] = read_requests(first.request_path)
    assert request["article"] == 3
    assert request["pid"] == os.getpid()
    first.release()
    assert not first.request_path.exists()
    assert first.lock_path.exists()
    assert second.acquire()
    second.release()


def test_lock_of_a_killed_process_never_blocks(library_path):
    code = (
        "import sys, time; from pathlib import Path; "
        "from reader.ui.common.single_instance import InstanceLock; "
        f"lock = InstanceLock(Path({str(library_path)!r})); "
        "print(lock.acquire(), flush=True); time.sleep(60)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout.readline().strip() == "True"
            assert not InstanceLock(library_path).acquire()  # held by a live process
        finally:
            proc.kill()  # SIGKILL: no clean-up at all
            proc.wait(10)
    lock = InstanceLock(library_path)
    assert lock.acquire()
    lock.release()


def test_lock_in_a_read_only_place_does_not_block(tmp_path, monkeypatch):
    lock = InstanceLock(tmp_path / "lib.sqlite")

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr("builtins.open", refuse)
    assert lock.acquire()
    assert not lock.enforced
    assert not lock.held


def test_watcher_reports_raise_requests(library_path, qtbot):
    lock = InstanceLock(library_path)
    assert lock.acquire()
    watcher = RaiseWatcher(lock.request_path)
    try:
        with qtbot.waitSignal(watcher.raise_requested, timeout=5000) as raised:
            InstanceLock(library_path).request_raise(article_id=7)
        assert raised.args[0]["article"] == 7
        assert lock.request_path.read_text() == ""  # consumed
        with qtbot.waitSignal(watcher.raise_requested, timeout=5000):
            InstanceLock(library_path).request_raise()  # and again: still watched
    finally:
        lock.release()


def test_bring_forward_shows_the_window_and_the_article(window, sampled):
    from reader.app import bring_forward

    article_id = sampled.article_ids(sort="title")[0]
    window.showMinimized()
    bring_forward(window, {"pid": 1, "article": article_id})
    assert window.isVisible()
    assert window.reader.article_id == article_id
    assert "started again" in window.statusBar().currentMessage()


def _lines(stream) -> tuple[queue.Queue[str], threading.Thread]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


def _wait_line(lines: queue.Queue[str], wanted: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if lines.get(timeout=0.2) == wanted:
                return True
        except queue.Empty:
            continue
    return False


@pytest.mark.e2e
def test_second_window_brings_the_first_forward(sampled, library_path, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        SETTINGS_ENV: str(tmp_path / "settings"),
        TEST_EVENTS_ENV: "1",
        QUIT_AFTER_ENV: "120000",
    }
    code = (
        "import sys; from pathlib import Path; from reader.app import run_gui; "
        f"sys.exit(run_gui(Path({str(library_path)!r})))"
    )
    command = [sys.executable, "-c", code]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as first:
        try:
            lines, pump = _lines(first.stdout)
            assert _wait_line(lines, "fieldreader-event: ready", 90), "the first never opened"
            started = time.monotonic()
            second = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
            )
            assert second.returncode == 0, second.stderr
            assert ALREADY_OPEN_MESSAGE in second.stderr
            assert "fieldreader-event: ready" not in second.stdout  # it never opened a window
            assert time.monotonic() - started < 30
            assert _wait_line(lines, "fieldreader-event: raised", 30), "the first was not raised"
        finally:
            first.kill()  # no clean exit: the lock must not outlive the process
            first.wait(30)
            pump.join(10)
    third = subprocess.run(
        command,
        cwd=ROOT,
        env={**env, QUIT_AFTER_ENV: "300"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert third.returncode == 0, third.stderr
    assert "fieldreader-event: ready" in third.stdout  # a killed first never blocks


# -- the real dialogs ---------------------------------------------------------------------------
def test_report_box_offers_repair_and_confirmation_says_the_library_is_kept(
    window, qtbot, monkeypatch, library_path, tmp_path
):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.safety.controller import SafetyDialogs

    dialogs = SafetyDialogs()
    called: list[int] = []
    sick = CheckDone(Report(problems=[Problem("anchor", "note 4 moved", True)]))
    box = dialogs.show_report(window, sick, lambda: called.append(1))
    assert box.text() == "Fieldreader found 1 problem in the library."
    [repair] = [b for b in box.buttons() if b.text() == "Repair"]
    repair.click()
    assert called == [1]
    healthy = dialogs.show_report(window, CheckDone(Report()), None)
    assert [b.text() for b in healthy.buttons()] == ["OK"]
    healthy.close()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.informativeText()))
    assert not dialogs.confirm_restore(window, tmp_path / "b.sqlite", library_path)
    assert "kept aside" in asked[0]
    assert "library.before-restore-" in asked[0]
