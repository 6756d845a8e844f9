"""Language data: the files under resources/languages, their loader and the language guess."""

from __future__ import annotations

import json

import pytest

from reader.analysis.gazetteer import language_gazetteer_paths, shipped_gazetteer
from reader.analysis.languages import (
    available_languages,
    guess_language,
    language_for,
    load_language,
    normalise_code,
)
from reader.resources import resource_path

FRENCH = (
    "Le gouvernement congolais a signé un accord avec les États-Unis. Selon les Nations unies, "
    "les combats ont repris dans l'est du pays et des milliers de personnes sont déplacées."
)
ENGLISH = (
    "The government signed an agreement with the United States. According to the UN, fighting "
    "has resumed in the east of the country and thousands of people have been displaced."
)


def test_shipped_languages() -> None:
    assert {"en", "fr"} <= set(available_languages())
    for code in available_languages():
        lang = load_language(code)
        assert lang.code == code
        assert lang.abbreviations
        assert lang.function_words
        assert lang.negators
        assert lang.markers
        data = json.loads(resource_path("languages", code, "language.json").read_text("utf-8"))
        assert set(data) <= {
            "code",
            "name",
            "snowball",
            "script",
            "markers",
            "borrow",
            "sentences",
            "words",
            "names",
            "numbers",
            "coding",
            "dates",
        }
        assert "snowball" in data


def test_est_is_never_an_abbreviation() -> None:
    # "est" is French for east (and "is"): "... de l'Est. Le conseiller ..." is two sentences.
    for code in available_languages():
        assert "est" not in load_language(code).abbreviations


def test_french_data() -> None:
    fr = load_language("fr")
    assert {"m", "mme", "dr", "art", "cf", "j.-c"} <= fr.abbreviations
    assert {"le", "la", "les", "selon", "du", "des", "aux", "elle", "nous"} <= fr.function_words
    assert {" du ", " de la ", " d'"} <= fr.particles
    assert fr.numbers.number_words["deux"] == 2
    assert fr.numbers.decimal_separator == ","
    assert "\u202f" in fr.numbers.group_separators
    # borrowed from English: French news quotes English titles and organisation names
    assert "bank" in fr.org_heads
    assert {"president", "président"} <= fr.titles


def test_codes_and_fallbacks() -> None:
    assert normalise_code("fr-CA") == "fr"
    assert normalise_code("FR_be") == "fr"
    assert normalise_code(" ") is None
    assert language_for("fr").code == "fr"
    assert language_for("uk").code == "uk"
    assert language_for("de").code == "en"  # no data: analysed as before languages
    assert language_for(None).code == "en"
    assert language_for(None, FRENCH).code == "fr"
    assert language_for(None, ENGLISH).code == "en"


def test_guess_is_cautious() -> None:
    assert guess_language(FRENCH) == "fr"
    assert guess_language(ENGLISH) == "en"
    assert guess_language("Goma, Bukavu, Uvira.") is None
    assert guess_language("") is None


def test_french_gazetteer_names_join_the_english_entities() -> None:
    assert "fr" in language_gazetteer_paths()
    gaz = shipped_gazetteer()
    for alias, name in [
        ("États-Unis", "United States"),
        ("Etats-Unis", "United States"),  # accent-free spelling added by itself
        ("RDC", "Democratic Republic of the Congo"),
        ("République démocratique du Congo", "Democratic Republic of the Congo"),
        ("Nations unies", "United Nations"),
        ("ONU", "United Nations"),
        ("Chine", "China"),
        ("Mouvement du 23 mars", "M23"),
    ]:
        entry = gaz.lookup(alias)
        assert entry is not None, alias
        assert entry.name == name, alias
    # French common nouns are matched in French articles only
    text = "Le cuivre et l'or du Katanga."
    assert {h.entry.name for h in gaz.find(text, "fr")} >= {"copper", "gold", "Katanga"}
    assert "copper" not in {h.entry.name for h in gaz.find(text, "en")}


@pytest.mark.parametrize("code", ["en", "fr"])
def test_language_files_are_valid_regular_expressions(code: str) -> None:
    import re

    patterns = load_language(code).patterns
    assert {"place_of", "armed_before", "appositive", "speech"} <= set(patterns)
    for pattern in patterns.values():
        re.compile(pattern)  # raises on a bad pattern
