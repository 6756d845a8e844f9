"""Library › Check says how many articles are in the library and how many in the trash,
in English and in French, each number held to its word; the real window's check counts
an article moved to the trash apart."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from helpers.ui_fixtures import wait_idle
from reader.library.maintenance import Report
from reader.ui.safety.tasks import CheckDone

NBSP = "\u00a0"
COUNTS = {"articles": 13, "trashed": 1, "notes": 2, "entities": 3, "mentions": 9, "codings": 0}


def test_the_counts_name_the_library_and_the_trash() -> None:
    line = CheckDone(Report(counts=COUNTS)).counts_line()
    assert line == (
        f"Checked 13{NBSP}articles in the library, 1{NBSP}in the trash, 2{NBSP}notes, "
        f"3{NBSP}entities, 9{NBSP}entity mentions, 0{NBSP}codings."
    )
    one = CheckDone(Report(counts={**COUNTS, "articles": 1, "trashed": 0})).counts_line()
    assert one.startswith(f"Checked 1{NBSP}article in the library, 0{NBSP}in the trash, ")


def test_the_counts_in_french(french: QApplication) -> None:
    line = CheckDone(Report(counts={**COUNTS, "articles": 1500})).counts_line()
    thousands = QLocale().toString(1500)
    assert line.startswith(
        f"Vérifié{NBSP}: {thousands}{NBSP}articles dans la bibliothèque, "
        f"1{NBSP}dans la corbeille, 2{NBSP}notes, "
    )
    assert line.endswith(f"0{NBSP}codages.")


def test_the_windows_check_counts_the_trash_apart(window, qtbot) -> None:
    reports: list[CheckDone] = []

    class Answers:
        def show_report(self, parent, done, on_repair):
            reports.append(done)

    window.safety.dialogs = Answers()
    library = window.library
    before = library.count()
    library.trash_articles([library.most_recent_id()])
    window.safety.check()
    wait_idle(window, qtbot)
    [done] = reports
    assert done.report.counts["articles"] == before - 1
    assert done.report.counts["trashed"] == 1
    assert f"{before - 1}{NBSP}articles in the library, 1{NBSP}in the trash" in done.text()
