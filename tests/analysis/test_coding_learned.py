"""The learned coder beside the rules: what suggest(learned=True) adds, and its fingerprint."""

from __future__ import annotations

import pytest

from reader.analysis import coding
from reader.analysis.codebooks import Codebook, shipped_codebooks
from reader.analysis.coding import suggest, suggestions_fingerprint
from reader.analysis.coding_model import CodingModel, is_model_rule


def _without_rules_for(dimension: str) -> Codebook:
    data = shipped_codebooks()["minerals-for-security"].to_dict()
    for dim in data["dimensions"]:
        if dim["id"] == dimension:
            dim["rules"] = []
    return Codebook.from_dict(data)


def test_the_learned_coder_adds_what_the_rules_miss_and_says_so() -> None:
    book = _without_rules_for("human_toll")
    text = "Clinics in the camps around Goma are treating cholera cases every day. Calm."
    assert suggest(text, book, "en") == []
    found = suggest(text, book, "en", learned=True)
    assert [(s.dimension, s.rule, s.text) for s in found] == [
        ("human_toll", "model:human_toll", text.split(". ")[0] + ".")
    ]
    assert suggest(text, book, "de", learned=True) == []  # a language it was not trained on


def test_rules_keep_their_suggestions_unless_vetoed_and_come_first() -> None:
    book = shipped_codebooks()["minerals-for-security"]
    text = "Thousands fled Goma. The deal was signed in Washington, officials said."
    plain = suggest(text, book, "en")
    both = suggest(text, book, "en", learned=True)
    assert [s for s in both if not is_model_rule(s.rule)] == plain
    assert [s.start for s in both] == sorted(s.start for s in both)


def test_the_fingerprint_covers_the_model_only_when_it_is_used() -> None:
    book = shipped_codebooks()["minerals-for-security"]
    assert suggestions_fingerprint(book) == book.fingerprint()
    assert suggestions_fingerprint(book, learned=True).startswith(book.fingerprint() + "+")
    other = shipped_codebooks()["policy-frames"]  # no model
    assert suggestions_fingerprint(other, learned=True) == other.fingerprint()


def test_a_rule_suggestion_the_model_finds_unlikely_is_withheld(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book = shipped_codebooks()["minerals-for-security"]
    text = "The talks were signed off by the caterer. Rebels killed nine people."
    plain = suggest(text, book, "en")
    assert {s.dimension for s in plain} >= {"deal_status", "human_toll"}
    never = CodingModel.from_json(
        {
            "format": 2,
            "codebook": book.id,
            "threshold": 0.5,
            "stemmers": {"en": "english"},
            "bias": {"deal_status": -9.0, "human_toll": -9.0},
            "weights": {},
            "veto": {"deal_status": 0.01},
        }
    )
    monkeypatch.setattr(coding, "model_for", lambda _id: never)
    both = suggest(text, book, "en", learned=True)
    assert [s for s in both if s.dimension != "deal_status"] == [
        s for s in plain if s.dimension != "deal_status"
    ]
    assert "deal_status" not in {s.dimension for s in both}  # withheld, not added back
