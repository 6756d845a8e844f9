"""The note editor's header ("Passage in “…”") is shortened with an ellipsis to the room it
has, keeps the whole text for its tooltip, and never widens the dock."""

from __future__ import annotations

from reader.library.draft import Draft
from reader.ui.notes.elided_label import ElidedLabel

LONG = "Passage in \u201cKyiv declines first US minerals draft as $500bn demand is dropped\u201d"


def test_a_long_header_ends_in_an_ellipsis_and_grows_back(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(LONG)
    label.resize(160, 24)
    label.show()
    qtbot.waitExposed(label)
    shown = label.text()
    assert shown.endswith("\u2026")
    assert LONG.startswith(shown[:-1])
    assert label.full_text() == LONG
    assert label.minimumSizeHint().width() < 100  # a long title does not widen the dock
    label.resize(label.fontMetrics().horizontalAdvance(LONG) + 40, 24)
    qtbot.waitUntil(lambda: label.text() == LONG)


def test_the_editor_header_of_a_long_title_ends_in_an_ellipsis(window, qtbot):
    library = window.library
    text = "The deal was signed after months of talks in Washington and Kyiv."
    aid = library.add_article(Draft(title=LONG[12:-1] + " after talks", text=text))
    note_id = library.add_note(aid, "A note.", quote="months of talks")
    pane = window.notes_pane
    window.notes_dock.show()
    pane.show_note(note_id)
    label = pane.editor.context_label
    assert isinstance(label, ElidedLabel)
    label.resize(180, label.height())
    assert label.full_text().startswith("Passage in \u201cKyiv declines")
    assert label.text().endswith("\u2026")
    assert "\u201cmonths of talks\u201d" in pane.editor.quote_label.text()
