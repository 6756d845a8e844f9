"""Plain records (:class:`reader.ui.common.views.Plain`): what the dataclasses they replace gave."""

from __future__ import annotations

import pytest

from reader.ui.common.colours import TranslatedLabels
from reader.ui.common.theme import DARK, LIGHT, Theme
from reader.ui.common.views import NoteMark, Plain
from reader.ui.tasks.bus import Area, Change


class Pair(Plain):
    __slots__ = ("left", "right")

    def __init__(self, left: int, right: int = 0) -> None:
        self.left, self.right = left, right


class Other(Plain):
    __slots__ = ("left", "right")

    def __init__(self, left: int, right: int = 0) -> None:
        self.left, self.right = left, right


def test_a_record_is_equal_by_its_fields_and_class() -> None:
    assert Pair(1, 2) == Pair(1, 2)
    assert Pair(1, 2) != Pair(2, 1)
    assert Pair(1) != Other(1)  # the same fields, another kind of record
    assert Pair(1) != (1, 0)
    assert len({Pair(1, 2), Pair(1, 2), Pair(3)}) == 2
    assert repr(Pair(1, 2)) == "Pair(left=1, right=2)"
    assert Pair(4, 5).as_dict() == {"left": 4, "right": 5}
    with pytest.raises(AttributeError):
        Pair(1).colour = "red"  # type: ignore[attr-defined]  (slots: no other attribute)


def test_the_window_records_keep_their_fields_in_order() -> None:
    assert list(LIGHT.as_dict())[:3] == ["name", "window", "base"]
    assert LIGHT.as_dict()["accent"] == LIGHT.accent
    assert Theme(**LIGHT.as_dict()) == LIGHT != DARK
    change = Change(Area.NOTES, frozenset({3}))
    assert change == Change(Area.NOTES, frozenset({3})) != Change(Area.NOTES)
    assert Change(Area.ENTITIES).article_ids == frozenset()
    marks = sorted([NoteMark(2, 5, 9), NoteMark(1, 0, 4, "green")], key=lambda m: m.start)
    assert [m.note_id for m in marks] == [1, 2]
    assert marks[1] == NoteMark(2, 5, 9, None, "")


def test_translated_labels_built_on_first_read() -> None:
    made: list[int] = []

    def table() -> dict[str, str]:
        made.append(1)
        return {"a": "Alpha", "b": "Beta"}

    labels = TranslatedLabels("Nowhere", table)
    assert made == []  # nothing asked yet
    assert labels["a"] == "Alpha"
    assert dict(labels) == {"a": "Alpha", "b": "Beta"}
    assert labels.english("b") == "Beta"
    assert made == [1]  # once
