"""The codebooks' words in other languages: labels and descriptions as data, picked per
language, kept through JSON, inherited by a user's copy that left them unchanged."""

from __future__ import annotations

import json

import pytest

from reader.analysis.codebooks import Codebook, language_code, shipped_codebooks
from reader.library.errors import InvalidInputError

NBSP = "\u00a0"


def _book(**extra: object) -> dict[str, object]:
    dimension: dict[str, object] = {"id": "toll", "label": "Toll", "description": "Deaths"}
    dimension.update(extra.pop("dimension", {}))  # type: ignore[arg-type]
    data: dict[str, object] = {"id": "mine", "label": "Mine", "dimensions": [dimension]}
    data.update(extra)
    return data


def test_every_shipped_dimension_has_french_words() -> None:
    for book in shipped_codebooks().values():
        assert book.label_for("fr") != book.label, book.id
        assert book.description_for("fr") != book.description, book.id
        for dim in book.dimensions:
            assert dim.label_for("fr").strip(), dim.id
            assert dim.description_for("fr").strip(), dim.id
            assert dim.description_for("fr") != dim.description, dim.id


def test_french_typography_in_the_shipped_codebooks() -> None:
    """A no-break space before : ; ? ! and typographic apostrophes in the French words."""
    for book in shipped_codebooks().values():
        texts = [book.label_for("fr"), book.description_for("fr")]
        for dim in book.dimensions:
            texts += [dim.label_for("fr"), dim.description_for("fr")]
        for text in texts:
            for mark in ":;?!":
                assert f" {mark}" not in text, text
                for i, char in enumerate(text):
                    if char == mark and i > 0:
                        assert text[i - 1] == NBSP, text
            assert "'" not in text, text


def test_label_for_picks_the_language_and_falls_back() -> None:
    book = shipped_codebooks()["minerals-for-security"]
    toll = book.dimension("human_toll")
    assert toll.label_for("fr") == "Bilan humain"
    assert toll.label_for("fr_FR") == toll.label_for("fr-CA") == "Bilan humain"
    assert toll.label_for("en") == toll.label_for(None) == toll.label_for("de") == "Human toll"
    assert book.label_for("fr") == "Minerais contre sécurité"


@pytest.mark.parametrize(
    ("name", "code"), [("fr_FR", "fr"), ("fr-CA", "fr"), ("EN", "en"), ("", None), (None, None)]
)
def test_language_code(name: str | None, code: str | None) -> None:
    assert language_code(name) == code


def test_localized_keeps_ids_rules_and_fingerprint() -> None:
    book = shipped_codebooks()["policy-frames"]
    french = book.localized("fr")
    assert french.label == "Cadres de politique publique"
    assert french.dimension_ids == book.dimension_ids
    assert french.fingerprint() == book.fingerprint()
    assert [d.rules for d in french.dimensions] == [d.rules for d in book.dimensions]
    assert book.localized("en") == book


def test_translations_survive_json() -> None:
    data = _book(labels={"fr": "Mine (fr)"}, dimension={"labels": {"fr": "Bilan"}})
    book = Codebook.from_dict(data)
    assert Codebook.from_json(book.to_json()) == book
    out = book.to_dict()
    assert out["labels"] == {"fr": "Mine (fr)"}
    assert out["dimensions"][0]["labels"] == {"fr": "Bilan"}
    assert "descriptions" not in out  # written only when there are some
    assert Codebook.from_dict(out).to_dict() == out
    for path_book in shipped_codebooks().values():
        assert Codebook.from_dict(json.loads(path_book.to_json())) == path_book


def test_a_codebook_without_translations_shows_its_own_words() -> None:
    book = Codebook.from_dict(_book())
    assert book.to_dict() == {
        "id": "mine",
        "label": "Mine",
        "description": "",
        "dimensions": [{"id": "toll", "label": "Toll", "description": "Deaths", "rules": []}],
    }
    french = book.localized("fr")
    assert french.label == "Mine"
    assert french.dimensions[0].label == "Toll"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"labels": ["fr", "x"]}, "must be an object"),
        ({"labels": {"French": "x"}}, "not a lower-case ISO 639-1 code"),
        ({"labels": {"fr": ""}}, "must be a non-empty string"),
        ({"descriptions": {"fr": 3}}, "must be a string"),
        ({"dimension": {"labels": {"FR": "x"}}}, "not a lower-case ISO 639-1 code"),
    ],
)
def test_bad_translations_are_refused_with_one_message(
    extra: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        Codebook.from_dict(_book(**extra))


def test_a_users_copy_inherits_the_shipped_words_it_kept() -> None:
    shipped = shipped_codebooks()["minerals-for-security"]
    data = shipped.to_dict()
    data.pop("labels")
    data.pop("descriptions")
    for dim in data["dimensions"]:
        dim.pop("labels")
        dim.pop("descriptions")
    data["dimensions"][0]["label"] = "What Washington gets"  # the user's own words
    users = Codebook.from_dict(data)  # as stored before codebooks had French
    french = users.localized("fr")
    assert french.label == "Minerais contre sécurité"
    assert french.dimensions[0].label == "What Washington gets"
    assert french.dimensions[0].description == shipped.dimensions[0].description_for("fr")
    assert french.dimension("human_toll").label == "Bilan humain"
    assert users.localized("en").dimensions[0].label == "What Washington gets"
