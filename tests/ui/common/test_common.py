"""What every pane shares: one date formatter, one error wording, colours, counts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from reader.library.errors import (
    BUSY_MESSAGE,
    LibraryBusyError,
    NotFoundError,
    ReadOnlyLibraryError,
)
from reader.library.notes import COLOURS
from reader.ui.common.colours import (
    COLOUR_LABELS,
    NOTE_COLOURS,
    TYPE_LABELS,
    note_colour,
    type_colours,
    type_label,
)
from reader.ui.common.errors import FILE_ERRORS, error_message
from reader.ui.common.text import elide, format_date, format_moment, plural


def test_one_date_formatter_long_and_short():
    assert format_date("2025-02-25") == "25 February 2025"
    assert format_date("2025-02-25", short=True) == "25 Feb 2025"
    assert format_date("2025-02-25T14:03:00+00:00", short=True) == "25 Feb 2025"
    assert format_date("not a date") == "not a date"
    assert format_date(None) == ""
    assert format_date("", short=True) == ""


def test_moments_in_local_time_and_relative_to_today():
    now = datetime(2025, 3, 12, 18, 0).astimezone()
    at = now.replace(hour=9, minute=12)
    assert format_moment(at.isoformat(), relative=True, now=now) == "09:12"
    yesterday = (at - timedelta(days=1)).isoformat()
    assert format_moment(yesterday, relative=True, now=now) == "Yesterday 09:12"
    three_days = at - timedelta(days=3)
    assert format_moment(three_days.isoformat(), relative=True, now=now) == (
        f"{three_days:%a} 09:12"
    )
    assert format_moment((at - timedelta(days=30)).isoformat(), relative=True, now=now) == (
        "10 Feb 2025"
    )
    assert format_moment("2025-02-25T14:03:00") == "25 Feb 2025, 14:03"  # no zone: as written
    assert format_moment("garbled") == "garbled"
    assert format_moment(None, relative=True) == ""


def test_errors_are_put_into_one_line_once():
    assert error_message(NotFoundError("there is no note 7")) == "there is no note 7"
    assert error_message(LibraryBusyError()) == BUSY_MESSAGE
    assert error_message(LibraryBusyError("held by the sync tool")) == "held by the sync tool"
    assert error_message(KeyError("note 9")) == "note 9"  # unquoted
    missing = FileNotFoundError(2, "No such file or directory", "/nowhere/x.json")
    assert error_message(missing) == "No such file or directory: /nowhere/x.json"
    assert error_message(RuntimeError()) == "RuntimeError"
    assert error_message("already words") == "already words"
    assert ReadOnlyLibraryError in FILE_ERRORS
    assert LibraryBusyError in FILE_ERRORS


def test_types_and_note_colours_are_named_and_coloured_in_both_themes():
    assert type_label("armed_group") == "Armed group"
    assert type_label("new_kind") == "new_kind"
    for theme in ("light", "dark"):
        assert set(type_colours(theme)) == set(TYPE_LABELS)
    assert set(NOTE_COLOURS) == set(COLOURS) == set(COLOUR_LABELS)
    assert type_colours("light")["place"] == ("#deefdc", "#b2dbad")
    assert type_colours("dark")["place"] == ("#2b412e", "#426d46")
    assert note_colour("light", "green") == "#d5ecc9"
    assert note_colour("dark", "green", strong=True) == "#6fa65a"
    assert note_colour("dark", "green") != note_colour("dark", "green", strong=True)
    assert note_colour("unknown theme", None) == note_colour("light", "yellow")


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 articles"), (1, "1 article"), (2, "2 articles")]
)
def test_plural(n, expected):
    assert plural(n, "article") == expected


def test_elide_keeps_short_text_and_cuts_long_text_to_the_limit():
    assert elide("Goma", 10) == "Goma"
    cut = elide("Traders count the cost of the fighting", 12)
    assert cut == "Traders cou\u2026"
    assert len(elide("a b c d e f g h", 6)) <= 6
