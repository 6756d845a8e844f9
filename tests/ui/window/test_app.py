"""The composition root: settings location, views, and the offscreen screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from helpers.paths import ROOT
from helpers.samples import SAMPLE_COUNT
from reader.app import SETTINGS_ENV, apply_view, build_main_window, make_settings, run_gui
from reader.ui.tasks.runner import TaskRunner


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "settings"
    monkeypatch.setenv(SETTINGS_ENV, str(folder))
    return folder


def distinct_colours(image: QImage, step: int = 23) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_settings_follow_the_environment(private_settings, qapp):
    settings = make_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == private_settings / "Fieldreader.ini"


def test_screenshot_of_a_fresh_library(tmp_path, qapp):
    shot = tmp_path / "shots" / "window.png"
    library_path = tmp_path / "fresh.sqlite"
    assert run_gui(library_path, screenshot=shot) == 0
    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1400, 900)
    assert distinct_colours(image) > 8  # text, chrome and page, not a blank fill
    from reader.library import Library

    lib = Library.open(library_path)
    try:
        assert lib.count() == SAMPLE_COUNT  # the samples were loaded first
    finally:
        lib.close()


def test_screenshot_of_a_chosen_article_in_reader_view(sampled, library_path, tmp_path, qapp):
    shot = tmp_path / "reader.png"
    article_id = sampled.article_ids(sort="title")[0]
    assert run_gui(library_path, screenshot=shot, article_id=article_id, view="reader") == 0
    image = QImage(str(shot))
    assert image.size().toTuple() == (1400, 900)
    assert distinct_colours(image) > 8


def test_screenshot_of_a_missing_article_fails(sampled, library_path, tmp_path, qapp, capsys):
    assert run_gui(library_path, screenshot=tmp_path / "x.png", article_id=987654) == 1
    assert "no article with id 987654" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_unknown_view_is_refused(library_path, qapp):
    with pytest.raises(ValueError, match="unknown view"):
        run_gui(library_path, view="sideways")


def test_views(sampled, library_path, settings, qtbot):
    tasks = TaskRunner()
    window = build_main_window(sampled, library_path, settings=settings, tasks=tasks)
    qtbot.addWidget(window)
    window.show()
    apply_view(window, "reader")
    assert not window.library_dock.isVisible()
    apply_view(window, "library")
    assert window.library_dock.isVisible()
    tasks.shutdown()


def test_screenshot_works_without_a_platform_set(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env[SETTINGS_ENV] = str(tmp_path / "settings")
    shot = tmp_path / "sub.png"
    code = (
        "from pathlib import Path; from reader.app import run_gui; "
        f"raise SystemExit(run_gui(Path({str(tmp_path / 'lib.sqlite')!r}), "
        f"screenshot=Path({str(shot)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).size().toTuple() == (1400, 900)


def test_run_gui_event_loop_path(tmp_path, qapp, qtbot, monkeypatch, private_settings):
    from PySide6.QtWidgets import QApplication

    from reader.ui.window.main_window import MainWindow

    seen = {}

    def fake_exec() -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        rows = window.library_pane.table_model.rowCount
        qtbot.waitUntil(lambda: rows() == SAMPLE_COUNT, timeout=10_000)
        seen["title"] = window.windowTitle()
        seen["message"] = window.statusBar().currentMessage()
        seen["dock"] = window.library_dock.isVisible()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert run_gui(tmp_path / "gui.sqlite", view="reader") == 0
    assert seen["title"].endswith("— Fieldreader")
    assert f"Loaded {SAMPLE_COUNT} sample articles" in seen["message"]
    assert seen["dock"] is False
    stored = QSettings(str(private_settings / "Fieldreader.ini"), QSettings.Format.IniFormat)
    assert stored.value("window/geometry") is not None
    assert int(stored.value("reader/last_article")) > 0
