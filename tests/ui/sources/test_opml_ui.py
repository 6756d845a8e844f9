"""Feeds › Import OPML… subscribes to every feed of a list, fetching nothing; Export OPML…
writes the subscriptions; a file that is not a feed list says why and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from helpers.ui_fixtures import wait_idle
from reader.ingest.opml import parse_opml
from reader.library import sources

LIST = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Kivu"><outline type="rss" text="Kivu Wire" xmlUrl="http://127.0.0.1:9/kivu"/>
<outline type="rss" text="Goma Daily" xmlUrl="http://127.0.0.1:9/goma"/></outline>
<outline type="rss" text="Kyiv" xmlUrl="http://127.0.0.1:9/kyiv"/></body></opml>"""


class Answers:
    """Stands in for :class:`~reader.ui.sources.dialogs.SourceDialogs`: answers at once."""

    def __init__(self) -> None:
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.informed: list[tuple[str, str, str, bool]] = []

    def ask_opml_to_import(self, parent):
        return self.open_path

    def ask_opml_to_export(self, parent):
        return self.save_path

    def inform(self, parent, title, text, *, details="", warning=False):
        self.informed.append((title, text, details, warning))


@pytest.fixture
def answers(window) -> Answers:
    stand_in = Answers()
    window.sources.dialogs = stand_in
    return stand_in


def test_import_then_export_a_feed_list(window, answers, qtbot, tmp_path: Path) -> None:
    dialog = window.sources.show_feeds()
    qtbot.addWidget(dialog)
    assert dialog.import_opml_button.isEnabled()
    assert not dialog.export_opml_button.isEnabled()  # nothing to export yet
    answers.open_path = tmp_path / "list.opml"
    answers.open_path.write_bytes(LIST)
    qtbot.mouseClick(dialog.import_opml_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert dialog.model.rowCount() == 3
    title, text, details, warning = answers.informed[-1]
    assert title == "Feed list imported"
    assert text.startswith("Subscribed to 3 feeds.")
    assert "Nothing is fetched until you click Refresh" in text
    assert "Kivu Wire" in details
    assert not warning
    feeds = sources.feeds(window.library)
    assert all(f.last_fetched is None for f in feeds)
    assert feeds[0].tags == ("Kivu",)
    assert dialog.export_opml_button.isEnabled()
    answers.save_path = tmp_path / "out.opml"
    qtbot.mouseClick(dialog.export_opml_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert len(parse_opml(answers.save_path.read_bytes()).feeds) == 3
    assert dialog.message_label.text() == "Wrote 3 feeds to out.opml"


def test_a_file_that_is_not_a_feed_list_changes_nothing(window, answers, qtbot, tmp_path):
    dialog = window.sources.show_feeds()
    qtbot.addWidget(dialog)
    answers.open_path = tmp_path / "page.opml"
    answers.open_path.write_text("<html><body>not a list</body></html>")
    dialog.import_opml_button.click()
    wait_idle(window, qtbot)
    _title, text, _details, warning = answers.informed[-1]
    assert warning
    assert "not an OPML feed list" in text
    assert sources.feeds(window.library) == []


def test_cancelling_the_file_choice_does_nothing(window, answers) -> None:
    window.sources.show_feeds()
    assert window.sources.import_opml() is None
    assert window.sources.export_opml() is None
    assert answers.informed == []
