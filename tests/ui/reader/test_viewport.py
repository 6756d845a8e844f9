"""The reader's viewport is reached without PySide trying every widget class (issue 19).

A plain ``QWidget`` made by Qt, such as a scroll area's viewport, is wrapped the first time
Python sees it; ``viewport()`` then makes PySide try every widget class it knows, creating
their Python types and enum types (about 40) on the way: ~11 ms before the first window's first
paint. :func:`~reader.ui.common.pane_chrome.viewport_of` wraps it from its type name instead.
The search happens once per interpreter, so the check runs in a fresh one; there, too, the
pane is seen not to make the Python type of a text format before it draws a highlight.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QTableView, QTextBrowser, QWidget

from helpers.paths import ROOT
from reader.library import Library
from reader.library.draft import Draft
from reader.ui.common.pane_chrome import VIEWPORT_NAME, viewport_of
from reader.ui.common.safe_browser import ArticleBrowser

#: Builds a reader pane on the library in argv[1], shows and paints it, highlights the words
#: of a search, then gives a fresh table's viewport to ``viewport()``: which enum types each
#: step created.
PROBE = """
import enum, json, sys
made = []
create = enum.EnumType._create_
def record(cls, class_name, names, **kw):
    made.append(kw.get("qualname") or class_name)
    return create(cls, class_name, names, **kw)
enum.EnumType._create_ = record
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
from reader.library import Library
from reader.ui.common.preferences import Preferences
from reader.ui.reader.pane import ReaderPane
library = Library.open(sys.argv[1])
pane = ReaderPane(library, Preferences(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
pane.open_initial()
pane.resize(900, 600)
pane.show()
app.processEvents()
pane.grab()
shown = len(made)
found = pane.highlight_query("cobalt")
drawn = len(made)
table = QTableView()
table.viewport()
json.dump({"article": pane.article_id, "found": found, "shown": made[:shown],
           "drawn": made[shown:drawn], "searched": made[drawn:]}, sys.stderr)
pane.close()
library.close()
"""


def test_viewport_of_is_the_viewport(qtbot) -> None:
    for area in (QTextBrowser(), QTableView(), ArticleBrowser()):
        qtbot.addWidget(area)
        assert viewport_of(area) is area.viewport()
        assert viewport_of(area).objectName() == VIEWPORT_NAME


def test_a_viewport_set_by_hand_is_the_one_given(qtbot) -> None:
    area = QTextBrowser()
    qtbot.addWidget(area)
    own = QWidget()
    own.setObjectName(VIEWPORT_NAME)
    area.setViewport(own)
    assert viewport_of(area) is own
    named_otherwise = QWidget()
    area.setViewport(named_otherwise)
    assert viewport_of(area) is named_otherwise


def test_the_reader_pane_makes_no_type_it_does_not_draw_with(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library.open(path) as library:
        library.add_article(
            Draft(title="Cobalt talks in Goma", text="Traders in Goma spoke of cobalt prices.")
        )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["article"] is not None  # an article was shown, highlights and all
    # the text format's type (UnderlineStyle is one of its enums) is made when first drawn
    assert report["found"] == 1
    assert "UnderlineStyle" not in report["shown"]
    assert "UnderlineStyle" in report["drawn"]
    # the search is still to come: the pane, built, shown and painted, did not make it
    assert len(report["searched"]) >= 10, report["searched"]
    assert "TabPosition" in report["searched"]  # QTabWidget's, which the reader never uses
