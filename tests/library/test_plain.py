"""The read path's frozen records (:mod:`reader.library.plain`) behave as frozen dataclasses:
equal and hashed by their fields, printed with them, unchangeable, picklable, and built from
rows by :func:`reader.library.records.row_values` like the dataclass records are."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass

import pytest

from reader.library.entities import EntityInfo
from reader.library.plain import Frozen, FrozenError, setup
from reader.library.records import Article, ArticleSummary, SearchHit, row_values
from reader.library.search_query import PreparedQuery


class _Pair(Frozen):
    __slots__ = ("left", "right")
    left: int
    right: str

    def __init__(self, left: int, right: str = "r") -> None:
        setup(self, left=left, right=right)


def test_equal_and_hashed_by_the_fields() -> None:
    assert _Pair(1, "a") == _Pair(1, "a")
    assert _Pair(1, "a") != _Pair(1, "b")
    assert hash(_Pair(1, "a")) == hash(_Pair(1, "a"))
    assert len({_Pair(1), _Pair(1), _Pair(2)}) == 2
    assert _Pair(1) != (1, "r")  # another class is never equal


def test_frozen() -> None:
    pair = _Pair(1)
    with pytest.raises(FrozenError):
        pair.left = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del pair.right  # type: ignore[misc]
    with pytest.raises(AttributeError):
        pair.other = 3  # type: ignore[attr-defined]
    assert pair.left == 1


def test_printed_with_the_fields() -> None:
    assert repr(_Pair(1, "a")) == "_Pair(left=1, right='a')"


def test_pickled_and_copied() -> None:
    hit = SearchHit("article", 3, "Cobalt", "a \ue000cobalt\ue001 deal", -1.5, None)
    assert pickle.loads(pickle.dumps(hit)) == hit
    assert copy.deepcopy(hit) == hit
    assert copy.copy(hit) is not None


def test_a_field_can_stay_out_of_comparisons() -> None:
    a = PreparedQuery("x", 1, False, PreparedQuery("y", 1, False))
    assert a == PreparedQuery("x", 1, False)
    assert hash(a) == hash(PreparedQuery("x", 1, False))


def test_the_records_keep_their_fields_and_defaults() -> None:
    summary = ArticleSummary(1, "T", None, None, None, "2025-01-01")
    assert (summary.tags, summary.trashed) == ((), None)
    assert summary.as_json() == {
        "id": 1,
        "title": "T",
        "source": None,
        "url": None,
        "published": None,
        "tags": [],
    }
    info = EntityInfo(id=4, name="Goma", type="place", count=2)
    assert (info.articles, info.aliases, info.mentions) == (1, (), ())
    assert SearchHit(kind="note", id=2, title="", snippet="", rank=0.0).article_id is None


def test_row_values_takes_both_kinds_of_record() -> None:
    @dataclass(frozen=True, slots=True)
    class Old:
        a: int
        b: str

    row = {"a": 1, "b": "x", "c": "ignored"}
    assert Old(**row_values(Old, row)) == Old(1, "x")
    values = row_values(
        Article,
        {
            "id": 1,
            "uid": "u",
            "title": "T",
            "byline": None,
            "source": None,
            "url": None,
            "published": None,
            "imported": "2025-01-01",
            "language": "en",
            "format": "txt",
            "text": "Body.",
            "sha256": "0" * 64,
            "reading_position": 0.0,
        },
        tags=("a",),
        blocks=(),
        trashed=None,
    )
    assert Article(**values).tags == ("a",)
