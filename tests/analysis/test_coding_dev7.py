"""Framing rules on the dev7 articles (three more writers), and the word forms the coder spreads.

``tests/fixtures/coding/dev7a``, ``dev7b`` and ``dev7c`` hold six English and one French article
each, in eighteen house styles, written and labelled by three engineers who had read neither the
rules nor the older sets. The rules were scored once as they stood, then once more after general
changes prepared without the sets, then tuned on their errors in general ways (figures in
``tests/fixtures/coding/README.md``). The floors sit a little under the final figures.
"""

from __future__ import annotations

import re

import pytest

from helpers.coding_sets import (
    DEV7,
    DEV7_PARTS,
    FR_DEV7,
    assert_floors,
    cases,
    coded_dimensions,
    evaluate,
    frozen,
    load_fixtures,
)
from reader.analysis.codebooks import Codebook
from reader.analysis.coding import _distributed, _expand, _word_forms

frozen_sets = frozen("dev7", *DEV7_PARTS)


@frozen_sets
def test_english_dev7(minerals: Codebook) -> None:
    scores = evaluate(minerals, cases(DEV7), language="en")
    # measured: P 0.925, R 0.935 (tp 592, fp 48, fn 41); first run, the rules as they stood
    # when the sets were frozen: P 0.829, R 0.791 (tp 501, fp 103, fn 132)
    assert_floors(
        scores,
        (0.9, 0.915),
        {
            "voices": (0.94, 0.94),
            "uncertainty": (0.88, 0.96),
            "us_policy_doctrine": (None, 0.8),
            "human_toll": (None, 0.94),
            "resources_to_us": (None, 0.85),
            "sovereignty_ownership": (None, 0.78),
            "deal_status": (0.86, None),
            "infrastructure_investment": (0.83, None),
        },
    )


@frozen_sets
def test_each_dev7_writer_english(minerals: Codebook) -> None:
    # measured: dev7a P 0.942 R 0.938, dev7b P 0.934 R 0.915, dev7c P 0.903 R 0.951
    for part in DEV7_PARTS:
        scores = evaluate(minerals, load_fixtures(part / "en"), language="en")
        assert scores.precision() >= 0.88, part.name
        assert scores.recall() >= 0.89, part.name


@frozen_sets
def test_french_dev7(minerals: Codebook) -> None:
    scores = evaluate(minerals, cases(FR_DEV7), language="fr")
    # measured: P 0.929, R 0.959 (tp 117, fp 9, fn 5); first run P 0.825, R 0.811
    assert_floors(
        scores,
        (0.9, 0.93),
        {"uncertainty": (None, 0.95), "voices": (None, 0.95), "deal_status": (0.7, None)},
    )


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "A levy she framed as payment for years of help was dropped.", "voices"),
        ("en", "Some 300 graves were dug last week, by the Red Cross's count.", "voices"),
        ("en", "The ministry rebutted the figure within hours.", "voices"),
        ("en", "Lawmakers pressed the envoy on who would guard the mines.", "voices"),
        ("en", "Church groups warn that the text returns nothing to the provinces.", "voices"),
        ("en", "Both reviewers agree that the annex is thin.", "voices"),
        ("en", "The clinic staff describe wards with two patients to a bed.", "voices"),
        ("en", "The start date has never been pinned down.", "uncertainty"),
        ("en", "The claimed savings are not supported by any figure we could find.", "uncertainty"),
        ("en", "Which of the two dates is right remains disputed.", "uncertainty"),
        ("en", "No clause in the draft hands the United States a single mine.", "resources_to_us"),
        ("en", "Talks have centred on mining access for American firms.", "resources_to_us"),
        ("en", "Exchanging cobalt for troops was never on the table.", "security_to_partner"),
        ("en", "Once the weapons were switched off, the front moved.", "security_to_partner"),
        ("en", "Rebels sit on the richest of the tin seams.", "sovereignty_ownership"),
        ("en", "The two capitals are nearing a framework pact.", "deal_status"),
        ("en", "Shells kept falling on the northern towns all night.", "human_toll"),
        ("en", "Crowding in the camps grew worse after the rains.", "human_toll"),
        ("en", "The vice-president said allies should be paid back, and be paid well.", "voices"),
        ("fr", "Le ministre aurait lui-même reconnu que le texte était flou.", "voices"),
        ("fr", "Le contenu du protocole n'a pas été rendu public.", "uncertainty"),
        ("fr", "Qui paiera la facture de la reconstruction ?", "uncertainty"),
        ("fr", "Un protocole d'accord sur la sécurité a été paraphé.", "security_to_partner"),
        ("fr", "Le M23 tient toujours les puits de la colline.", "sovereignty_ownership"),
    ],
)
def test_dev7_families_code(language, sentence, dimension, minerals: Codebook) -> None:
    assert dimension in coded_dimensions(sentence, minerals, language)


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "VERDICT: Mostly false.", "voices"),
        ("en", "CLAIM: The fund pays for soldiers.", "voices"),
        ("en", "Diplomats in the capital were taking notes.", "voices"),
        ("en", "The province should have the final say on licences.", "voices"),
        ("en", "The deal adds nothing to the national debt.", "voices"),
        ("en", "The pact was read as the agreement of the United States and Peru.", "voices"),
        ("en", "Floods left an estimated 9,000 people without shelter.", "voices"),
        ("en", 'The talks ended with a nod to "shared strategic interests".', "voices"),
        ("en", "Claims that the fund has paid out remain unconfirmed.", "voices"),
        ("en", "Tremors are expected to continue for a week.", "uncertainty"),
        ("en", "The case was hard to say out loud in the capital.", "uncertainty"),
        ("en", "The relief plan is less than half funded.", "infrastructure_investment"),
        ("en", "Lawyers roamed the corridors of the ministry.", "infrastructure_investment"),
        ("en", "The deal gives US investors a right of first offer.", "infrastructure_investment"),
        ("en", "The Civilian Protection Network issued a statement.", "security_to_partner"),
        ("en", "She defended the deal as sound business.", "security_to_partner"),
        ("en", "Humanitarian partners will publish an update on Monday.", "human_toll"),
        ("en", "The mayor rejected that characterisation of the tender.", "deal_status"),
        ("fr", "Le sous-sol de l'Ouest n'a jamais manqué de richesses.", "sovereignty_ownership"),
        ("fr", "Selon un proche, le ministre espérait une visite en mars.", "uncertainty"),
        ("fr", "On est loin des exigences du premier jour.", "voices"),
    ],
)
def test_dev7_look_alikes_do_not_code(language, sentence, dimension, minerals: Codebook) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, language)


def test_an_optional_last_letter_is_spread_into_both_forms() -> None:
    assert _word_forms("remains?") == ["remains", "remain"]
    assert _word_forms("s?") == ["s?"]  # nothing would be left of the word
    assert _word_forms("colou?r") == ["colou?r"]  # not at the end: as written
    assert _expand("(is|remains?) disputed") == [
        "is disputed",
        "remains disputed",
        "remain disputed",
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        "(is|remains?|remained) (still )?disputed",
        "(shelters?|camps) (\\w+ ){0,2}(burned|razed)",
        "(persons?|sources?) close to",
    ],
)
def test_spread_word_forms_match_as_written(pattern: str) -> None:
    written = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
    spread = re.compile(rf"(?<!\w)(?:{_distributed(pattern)})(?!\w)")
    samples = [
        "It remains disputed.",
        "It remain still disputed",
        "it is disputed",
        "the claim remained disputed today",
        "two shelters were razed",
        "a shelter burned",
        "camps razed",
        "a person close to",
        "sources close to the talks",
        "the remainsdisputed",
    ]
    for text in samples:
        a, b = written.search(text), spread.search(text)
        assert (a and a.span()) == (b and b.span()), text
