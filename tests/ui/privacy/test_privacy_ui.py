"""The window on an encrypted library: the passphrase dialog, the Library menu's privacy
entries, locking (now and when idle) and unlocking, and settings that hold nothing read."""

from __future__ import annotations

import functools
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from helpers.ui_fixtures import wait_idle
from reader.app import build_main_window, privacy_of, unlock_at_start
from reader.library import Library, cipher, crypto
from reader.services.samples import load_samples
from reader.ui.privacy.dialog import CHANGE, NEW, UNLOCK, PassphraseDialog
from reader.ui.tasks.runner import TaskRunner

pytest.importorskip("sqlcipher3")

PASS = "the ferry leaves at nine"


class Answers:
    """Stands in for :class:`~reader.ui.privacy.dialog.PrivacyDialogs`: answers at once,
    trying each of ``tries`` with the check it is given, as the dialog would."""

    def __init__(self) -> None:
        self.tries: list[str] = []
        self.checked: list[tuple[str, bool]] = []
        self.new = ""
        self.confirm = True
        self.informed: list[str] = []
        self.unlock_asked = 0
        self.cancel_after_check = False

    def unlock(self, parent, name, check):
        self.unlock_asked += 1
        for attempt in self.tries:
            ok = check(attempt)
            self.checked.append((attempt, ok))
            if ok:
                return "" if self.cancel_after_check else attempt
        return ""

    def new_passphrase(self, parent, name):
        return self.new

    def change(self, parent, name, check):
        for attempt in self.tries:
            if check(attempt):
                return attempt, self.new
        return None

    def confirm_decrypt(self, parent, name):
        return self.confirm

    def idle_minutes(self, parent, current):
        return 5

    def inform(self, parent, title, text, *, warning=False):
        self.informed.append(text)


@pytest.fixture(autouse=True)
def _forget_passphrases():
    cipher.forget()
    yield
    cipher.forget()


def _window(library: Library, path: Path, settings: QSettings, qtbot):
    tasks = TaskRunner()
    win = build_main_window(library, path, settings=settings, tasks=tasks)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    win.reader.open_initial()
    return win, tasks


@pytest.fixture
def encrypted_window(library_path: Path, settings: QSettings, qtbot):
    with Library.open(library_path) as lib:
        load_samples(lib)
    crypto.encrypt(library_path, PASS)  # this process now keeps the passphrase
    library = Library.open(library_path)
    win, tasks = _window(library, library_path, settings, qtbot)
    answers = Answers()
    privacy_of(win).dialogs = answers
    yield win, answers
    win.watcher.stop()
    tasks.shutdown()
    library.close()


@functools.cache
def _samples() -> int:
    """How many sample articles the app loads (counted, never assumed)."""
    with Library.memory() as lib:
        load_samples(lib)
        return lib.count()


def _shown_count(win) -> int:
    return win.library_pane.table_model.rowCount()


def test_lock_closes_the_library_clears_the_panes_and_asks_again(encrypted_window, qtbot):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    assert win.reader.article is not None
    assert _shown_count(win) == _samples()
    answers.tries = ["not it", "still not", PASS]
    assert privacy.lock()
    assert win.library.detached
    assert privacy.locked
    assert cipher.remembered(win.ctx.library_path) is None
    assert win.reader.article is None
    assert _shown_count(win) == 0
    qtbot.waitUntil(lambda: not privacy.locked, timeout=10_000)  # asked again at once
    assert answers.checked == [("not it", False), ("still not", False), (PASS, True)]
    assert not win.library.detached
    assert win.library.count() == _samples()
    qtbot.waitUntil(lambda: _shown_count(win) == _samples(), timeout=10_000)
    assert win.reader.article is not None


def test_cancelled_unlock_keeps_the_window_locked_until_unlock(encrypted_window, qtbot):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    answers.tries = []
    privacy.lock_action.trigger()
    qtbot.waitUntil(lambda: answers.unlock_asked == 1, timeout=10_000)
    assert privacy.locked
    assert win.library.detached
    assert privacy.lock_action.text() == "&Unlock\u2026"
    assert not privacy.decrypt_action.isEnabled()
    assert not privacy.change_action.isEnabled()
    answers.tries = [PASS]
    privacy.lock_action.trigger()
    assert not privacy.locked
    assert win.library.count() == _samples()


def test_auto_lock_is_off_by_default_and_locks_when_idle(encrypted_window, qtbot):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    assert win.ctx.preferences.auto_lock_minutes == 0
    assert not privacy.idle_timer.isActive()
    privacy.choose_idle_minutes()
    assert win.ctx.preferences.auto_lock_minutes == 5
    assert privacy.idle_timer.isActive()
    assert privacy.idle_timer.interval() == 5 * 60_000
    answers.tries = []
    privacy.idle_timer.setInterval(50)
    privacy.idle_timer.start()
    qtbot.waitUntil(lambda: privacy.locked, timeout=10_000)
    assert win.library.detached
    assert win.reader.article is None


def test_change_passphrase_and_decrypt_from_the_menu(encrypted_window, qtbot):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    path = win.ctx.library_path
    answers.tries, answers.new = ["wrong", PASS], "a new harbour"
    task = privacy.change_passphrase()
    assert task is not None
    qtbot.waitUntil(lambda: not privacy.rewriting, timeout=60_000)
    wait_idle(win, qtbot)
    assert not answers.informed, answers.informed
    assert cipher.remembered(path) == "a new harbour"
    assert win.library.count() == _samples()
    with pytest.raises(cipher.WrongPassphraseError):
        Library.open(path, passphrase=PASS)
    assert privacy.decrypt() is not None
    qtbot.waitUntil(lambda: not privacy.rewriting, timeout=60_000)
    assert cipher.is_plain(path)
    assert win.library.count() == _samples()
    assert privacy.encrypt_action.isEnabled()
    assert not privacy.lock_action.isEnabled()


def test_encrypt_a_plain_library_from_the_menu(window, qtbot):
    privacy = privacy_of(window)
    answers = Answers()
    privacy.dialogs = answers
    path = window.ctx.library_path
    assert privacy.encrypt_action.isEnabled()
    assert not privacy.lock_action.isEnabled()
    answers.new = PASS
    assert privacy.encrypt() is not None
    assert window.library.detached  # the file is the rewrite's alone meanwhile
    qtbot.waitUntil(lambda: not privacy.rewriting, timeout=60_000)
    assert not answers.informed, answers.informed
    assert cipher.is_encrypted(path)
    assert not window.library.detached
    assert window.library.count() == _samples()
    assert privacy.lock_action.isEnabled()
    assert not privacy.encrypt_action.isEnabled()
    assert [a.text() for a in privacy.actions if a is not None] == [
        "&Encrypt Library\u2026",
        "Change &Passphrase\u2026",
        "&Decrypt Library\u2026",
        "Loc&k Now",
        "Lock When &Idle\u2026",
    ]


def test_settings_hold_nothing_the_user_read_or_wrote(encrypted_window, settings, qtbot):
    win, _answers = encrypted_window
    title = win.reader.article.title
    win.library_pane.search_edit.setText("cobalt")
    win.library_pane.run_search()
    qtbot.waitUntil(lambda: not win.library_pane.searching, timeout=10_000)
    win.flush_edits()
    win.persist_layout = True
    win.close()
    settings.sync()
    text = Path(settings.fileName()).read_text(encoding="utf-8", errors="replace")
    assert title not in text
    assert "cobalt" not in text


def test_start_asks_until_the_passphrase_opens_the_library(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        load_samples(lib)
    crypto.encrypt(library_path, PASS)
    cipher.forget()
    answers = Answers()
    answers.tries = []
    assert not unlock_at_start(library_path, answers)
    answers.tries = ["nope", PASS]
    assert unlock_at_start(library_path, answers)
    assert cipher.remembered(library_path) == PASS
    assert answers.checked[-2:] == [("nope", False), (PASS, True)]


def test_the_dialog_says_a_wrong_passphrase_and_asks_again(qtbot) -> None:
    tried: list[str] = []
    dialog = PassphraseDialog(UNLOCK, "lib.sqlite", lambda p: tried.append(p) or p == PASS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (
        "cannot be recovered"
        in dialog.findChild(type(dialog.error_label), "passphraseWarning").text()
    )
    dialog.current_edit.setText("wrong")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.checking is None, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Wrong passphrase. Try again."
    assert dialog.current_edit.text() == ""
    assert dialog.current_edit.isEnabled()
    dialog.current_edit.setText(PASS)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.passphrase == PASS
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tried == ["wrong", PASS]


def _held_check(answer: bool):
    """A check that runs on a worker thread and ends only once released."""
    started, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    def check(passphrase: str) -> bool:
        threads.append(threading.current_thread())
        started.set()
        release.wait(10)
        return answer

    return check, started, release, threads


def test_the_check_runs_in_the_background_with_a_busy_indicator(qtbot) -> None:
    check, started, release, threads = _held_check(False)
    dialog = PassphraseDialog(UNLOCK, "lib.sqlite", check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current_edit.setText("a guess")
    dialog.accept()  # returns at once: the GUI thread does not wait for the key
    assert started.wait(10)
    assert threads[0] is not threading.main_thread()
    assert dialog.checking is not None
    assert dialog.busy.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.current_edit.isEnabled()
    dialog.accept()  # a second OK while checking starts nothing
    qtbot.wait(50)  # the event loop runs meanwhile
    assert len(threads) == 1
    release.set()
    qtbot.waitUntil(lambda: dialog.checking is None, timeout=10_000)
    assert not dialog.busy.isVisible()
    assert dialog.ok_button.isEnabled()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Wrong passphrase. Try again."


def test_cancel_during_a_check_closes_when_it_ends_and_drops_its_outcome(qtbot) -> None:
    check, started, release, _threads = _held_check(True)
    dialog = PassphraseDialog(UNLOCK, "lib.sqlite", check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current_edit.setText(PASS)
    dialog.accept()
    assert started.wait(10)
    dialog.reject()
    assert dialog.isVisible()  # until the check has ended
    assert dialog.busy_label.text() == "Cancelling\u2026"
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.passphrase == ""
    assert dialog.current_edit.text() == ""


def test_a_check_that_fails_says_why_and_asks_again(qtbot) -> None:
    def check(passphrase: str) -> bool:
        raise OSError(5, "Input/output error")

    dialog = PassphraseDialog(CHANGE, "lib.sqlite", check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current_edit.setText(PASS)
    dialog.new_edit.setText("new one")
    dialog.again_edit.setText("new one")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.checking is None, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("The passphrase could not be tried:")
    assert dialog.new_edit.text() == "new one"  # only the current passphrase is asked again


def test_unlocking_in_the_window_derives_the_key_once(encrypted_window, qtbot, monkeypatch):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    derived: list[str] = []
    real = cipher._derive

    def counting(passphrase, salt, kdf):
        derived.append(passphrase)
        return real(passphrase, salt, kdf)

    monkeypatch.setattr(cipher, "_derive", counting)
    answers.tries = ["not it", PASS]
    assert privacy.lock()
    qtbot.waitUntil(lambda: not privacy.locked, timeout=10_000)
    assert derived == ["not it", PASS]  # the check's key opens the library, then every task
    win.library_pane.search_edit.setText("cobalt")
    win.library_pane.run_search()
    qtbot.waitUntil(lambda: not win.library_pane.searching, timeout=10_000)
    wait_idle(win, qtbot)
    assert derived == ["not it", PASS]


def test_a_cancelled_unlock_keeps_no_key(encrypted_window, qtbot):
    win, answers = encrypted_window
    privacy = privacy_of(win)
    path = win.ctx.library_path
    answers.tries = []
    assert privacy.lock()
    qtbot.waitUntil(lambda: answers.unlock_asked == 1, timeout=10_000)
    assert cipher._DERIVED == {}
    answers.tries = [PASS]  # the check opens the file, then the dialog is cancelled
    answers.cancel_after_check = True
    assert not privacy.unlock()
    assert privacy.locked
    assert cipher.remembered(path) is None
    assert cipher._DERIVED == {}


def test_a_new_passphrase_is_typed_twice(qtbot) -> None:
    dialog = PassphraseDialog(NEW, "lib.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_edit.setText("one thing")
    dialog.again_edit.setText("another")
    dialog.accept()
    assert dialog.isVisible()
    assert "differ" in dialog.error_label.text()
    dialog.again_edit.setText("one thing")
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.new_passphrase == "one thing"
    change = PassphraseDialog(CHANGE, "lib.sqlite", lambda p: p == PASS)
    qtbot.addWidget(change)
    change.show()
    change.current_edit.setText(PASS)
    change.accept()
    assert change.isVisible()
    assert "new passphrase" in change.error_label.text()


def test_the_single_instance_files_hold_no_content(library_path: Path) -> None:
    from reader.ui.common.single_instance import InstanceLock, lock_path, request_path

    with Library.open(library_path) as lib:
        load_samples(lib)
        titles = [s.title for s in lib.list_articles()]
    first, second = InstanceLock(library_path), InstanceLock(library_path)
    assert first.acquire()
    try:
        assert not second.acquire()
        assert second.request_raise(3)
        held = lock_path(library_path).read_text(encoding="utf-8")
        asked = request_path(library_path).read_text(encoding="utf-8")
    finally:
        first.release()
    assert held.split() == [held.split()[0]]
    assert held.split()[0].isdigit()
    for title in titles:
        assert title not in held
        assert title not in asked
    assert set(json.loads(asked.splitlines()[-1])) == {"pid", "time", "article"}
