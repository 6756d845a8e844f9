"""The first window starts without the comparison: it is built on first use, and then the
window is as it was (the Edit menu's entries, the reader's menu, the theme, the dock)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QKeySequence, QTextCursor

from reader.ui.window.on_demand import stand_in_actions

ROOT = Path(__file__).resolve().parents[3]
TASK_MS = 20_000
#: What the first window must not read (the comparison and its codebooks; dialogs and what
#: only a menu entry uses).
NOT_AT_START = (
    "reader.ui.compare.pane",
    "reader.ui.compare.controller",
    "reader.services.framing",
    "reader.services.compare",
    "reader.analysis.codebooks",
    "reader.ui.packs.dialogs",
    "reader.library.packs",
    "reader.ui.privacy.dialog",
    "reader.ui.help.shortcuts",
    "reader.ui.notes.pane",
    "reader.ui.notes.editor",
    "reader.ui.notes.markdown_view",
)


def edit_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")


def entries(menu) -> list[tuple[str, str, list[str], bool]]:
    return [
        (a.objectName(), a.text(), [k.toString() for k in a.shortcuts()], a.isEnabled())
        for a in menu.actions()
    ]


def select_some_text(window, sampled) -> None:
    text = sampled.text_of(window.reader.article_id)
    start = text.index(" ", 40) + 1
    end = text.index(" ", start + 25)
    mapped = window.reader.highlights.text_map.range_to_document(start, end)
    cursor = QTextCursor(window.reader.browser.document())
    cursor.setPosition(mapped[0])
    cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
    window.reader.browser.setTextCursor(cursor)


def test_the_first_window_reads_no_comparison(tmp_path):
    script = (
        "import json, sys; from pathlib import Path; from reader.app import run_gui; "
        f"code = run_gui(Path(sys.argv[1]), screenshot=Path(sys.argv[2])); "
        f"print(json.dumps([code, [m for m in {list(NOT_AT_START)!r} if m in sys.modules]]))"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "FIELDREADER_SETTINGS_DIR": str(tmp_path / "settings"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "lib.sqlite"), str(tmp_path / "x.png")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0, done.stderr
    assert loaded == []
    assert (tmp_path / "x.png").stat().st_size > 0


def test_the_edit_menu_is_the_same_before_and_after_the_comparison_is_built(window):
    assert not window.on_demand_compare.is_built
    menu = edit_menu(window)
    before = entries(menu)
    assert [name for name, *_ in before] == ["compareUndo", "compareRedo"]
    assert not any(enabled for *_, enabled in before)
    assert before[0][2] == [QKeySequence(QKeySequence.StandardKey.Undo).toString()]

    controller = window.compare  # asking for it builds it
    assert window.on_demand_compare.is_built
    assert menu.actions() == controller.actions  # the controller's own, in their places
    assert entries(menu) == before
    assert window.compare is controller
    assert window.compare_pane is window.compare_dock.widget()


def test_stand_ins_say_what_the_controller_says(window):
    stand_ins = [(a.objectName(), a.text()) for a in stand_in_actions(window)]
    real = [(a.objectName(), a.text()) for a in window.compare.actions]
    assert stand_ins == real


def test_the_readers_menu_builds_the_comparison_for_a_selection_only(window, sampled):
    menu = window.reader.context_menu(QPoint(5, 5))
    assert not any(a.text() == "Code Selection to" for a in menu.actions())
    assert not window.on_demand_compare.is_built  # no selection: nothing to code, nothing built
    menu.deleteLater()

    select_some_text(window, sampled)
    menu = window.reader.context_menu(QPoint(5, 5))
    codes = [a for a in menu.actions() if a.text() == "Code Selection to"]
    assert len(codes) == 1  # offered once, though the comparison was built just now
    assert window.on_demand_compare.is_built
    assert len(window.reader.menu_extenders) == 1
    menu.deleteLater()
    menu = window.reader.context_menu(QPoint(5, 5))
    assert len([a for a in menu.actions() if a.text() == "Code Selection to"]) == 1
    menu.deleteLater()


def test_compare_cases_builds_and_shows_the_comparison(window, qtbot):
    assert window.compare_dock.widget() is None
    window.menu_actions.compare.trigger()
    pane = window.compare_dock.widget()
    assert pane is not None
    assert pane is window.compare_pane
    qtbot.waitUntil(lambda: pane.model.result is not None, timeout=TASK_MS)
    assert window.compare_dock.isVisible()
    assert window.menu_actions.compare.isChecked()


def test_a_comparison_built_later_takes_the_windows_theme(window):
    window.apply_theme("dark")
    assert window.compare_pane.theme.name == "dark"
    window.apply_theme("light")
    assert window.compare_pane.theme.name == "light"


# -- the notes pane, built on first use ----------------------------------------------------
def dock_widths(window) -> list[int]:
    return [d.width() for d in (window.library_dock, window.entity_dock, window.notes_dock)]


def test_the_first_window_builds_no_notes_pane(window):
    assert not window.on_demand_notes.is_built
    assert window.notes_dock.widget() is not None  # the placeholder, behind Entities
    window.flush_edits()
    assert window.on_demand_notes.flush()
    assert not window.on_demand_notes.is_built  # nothing to save before there is a pane
    window.apply_theme("dark")
    window.apply_theme("light")
    assert not window.on_demand_notes.is_built


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_placeholder_is_as_wide_as_the_pane(window, theme):
    window.apply_theme(theme)
    placeholder = window.notes_dock.widget()
    wanted = placeholder.minimumSizeHint().width()
    pane = window.notes_pane
    assert pane is window.notes_dock.widget()
    assert pane.minimumSizeHint().width() == wanted
    window.apply_theme("light")


def test_the_notes_tab_builds_the_pane_and_nothing_moves(window, qtbot):
    before = dock_widths(window)
    window.notes_dock.raise_()  # the Notes tab chosen
    qtbot.waitUntil(lambda: window.on_demand_notes.is_built, timeout=TASK_MS)
    qtbot.waitUntil(lambda: window.notes_pane.isVisible(), timeout=TASK_MS)
    assert window.notes_dock.widget() is window.notes_pane
    assert dock_widths(window) == before


def test_a_pane_built_later_follows_the_window(window, sampled):
    article_id = window.reader.article_id
    note_id = sampled.add_note(article_id, "written before the pane existed")
    window.apply_theme("dark")
    pane = window.notes_pane
    assert pane.theme.name == "dark"
    assert pane.model.article_id == article_id  # the reader's article, kept for it
    assert pane.model.row_of(note_id) is not None
    window.apply_theme("light")
    assert pane.theme.name == "light"


def test_the_notes_menu_is_the_same_before_and_after_the_pane_is_built(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Notes")
    before = entries(menu)
    assert [text for _name, text, *_ in before] == [a.text() for a in window.notes.actions]
    window.ensure_notes()
    assert entries(menu) == before


def test_a_new_note_builds_the_pane_and_opens_the_note(window):
    note_id = window.notes.new_note()
    assert window.on_demand_notes.is_built
    assert window.notes_pane.editor.note_id == note_id
    assert window.notes_dock.isVisible()


def test_the_placeholder_is_as_wide_as_the_pane_in_french(window, qapp):
    from PySide6.QtCore import QLocale

    from reader.ui.common.theme import LIGHT
    from reader.ui.notes.pane import NotesPane
    from reader.ui.window.i18n import install_translators
    from reader.ui.window.on_demand_notes import NotesPlaceholder

    before = QLocale()
    install_translators(qapp, "fr")
    try:
        # both under the window's stylesheet, as in the dock
        placeholder, pane = NotesPlaceholder(LIGHT, window), NotesPane(window.ctx, window)
        assert pane.filter_edit.placeholderText() != "Filter notes"  # French, indeed
        assert placeholder.minimumSizeHint().width() == pane.minimumSizeHint().width()
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(before)
    placeholder.deleteLater()
    pane.deleteLater()
