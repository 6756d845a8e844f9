"""Framing rules that generalise: varied wording, French inflections, look-alikes left alone.

Scores the ``varied`` labelled sentences (``tests/fixtures/coding/varied`` and
``fr/varied``: written and labelled before the rules were widened for them) and checks the
lower-case fast path of :mod:`reader.analysis.coding`.
"""

from __future__ import annotations

import pytest

from helpers.coding_sets import (
    FR_VARIED,
    VARIED,
    assert_floors,
    coded_dimensions,
    evaluate,
    load_fixtures,
)
from reader.analysis.codebooks import Codebook, Rule
from reader.analysis.coding import _lower_pattern, matching_rule


def test_english_varied_wording(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(VARIED), language="en")
    # measured: P 0.867, R 1.000 (tp 65, fp 10, fn 0; P 0.844 before session 5); first run of
    # the first file, before the rules were widened: P 0.756, R 0.791
    assert_floors(
        scores,
        (0.84, 0.97),
        {
            "sovereignty_ownership": (None, 0.9),
            "us_policy_doctrine": (None, 0.9),
            "rival_power": (None, 0.9),
            "adversary": (None, 0.9),
        },
    )


def test_french_varied_wording(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(FR_VARIED), language="fr")
    # measured: P 0.884, R 0.987 (tp 76, fp 10, fn 1); first run of the first file: P 0.786,
    # R 0.767 (human toll 0.667, uncertainty 0.571)
    assert_floors(scores, (0.86, 0.95), {"human_toll": (0.85, 0.9), "uncertainty": (0.85, 0.9)})


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "Kyiv refused to cede control of its natural wealth.", "sovereignty_ownership"),
        (
            "en",
            "Foreign firms would be barred from buying the mines outright.",
            "sovereignty_ownership",
        ),
        ("en", "Washington expects its allies to foot the bill.", "us_policy_doctrine"),
        ("en", "Russia's growing footprint in Africa alarms US planners.", "rival_power"),
        ("en", "Hundreds perished when the camp was shelled.", "human_toll"),
        ("en", "The fate of the deal hangs in the balance.", "uncertainty"),
        ("en", "The cabinet approved the framework on Wednesday.", "deal_status"),
        ("fr", "Une vingtaine de personnes ont péri dans l'incendie.", "human_toll"),
        ("fr", "Des maisons ont été incendiées dans plusieurs villages.", "human_toll"),
        ("fr", "Le bilan s'alourdit d'heure en heure.", "human_toll"),
        ("fr", "L'issue du vote n'est pas acquise.", "uncertainty"),
        ("fr", "On ne sait pas quand les travaux commenceront.", "uncertainty"),
        ("fr", "Les mines doivent appartenir aux Congolais.", "sovereignty_ownership"),
        ("fr", "Pour Washington, l'aide n'est plus gratuite.", "us_policy_doctrine"),
        ("fr", "Le projet d'accord a été transmis au Parlement.", "deal_status"),
    ],
)
def test_inflections_and_synonyms_are_coded(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension in coded_dimensions(sentence, minerals, language)


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "There are signs of fatigue among donors.", "deal_status"),
        ("en", "Cobalt prices dropped sharply in March.", "deal_status"),
        (
            "en",
            "Talks between the miners' union and the company broke down over pay.",
            "deal_status",
        ),
        ("en", "Russian drones struck a power plant overnight.", "security_to_partner"),
        ("en", "Russian drones struck a power plant overnight.", "infrastructure_investment"),
        ("fr", "Il y a des signes de lassitude chez les bailleurs.", "deal_status"),
        ("fr", "Le gouvernement a lancé un appel d'offres pour le port.", "deal_status"),
        ("fr", "Une formation politique conteste le processus.", "security_to_partner"),
        ("fr", "L'équipement des mines artisanales reste rudimentaire.", "security_to_partner"),
        ("fr", "Les corps de deux casques bleus ont été retrouvés.", "security_to_partner"),
        ("fr", "La banque a signé un décret sur les salaires.", "deal_status"),
        ("fr", "Washington pourrait livrer des drones.", "uncertainty"),
    ],
)
def test_look_alikes_are_not_coded(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, language)


def test_lower_case_patterns_keep_their_escapes() -> None:
    assert _lower_pattern(r"M23\W\S\D\B\$[A-Z]") == r"m23\W\S\D\B\$[a-z]"
    assert _lower_pattern("a\\\\B") == "a\\\\b"  # an escaped backslash, then a letter


def test_fast_and_full_paths_agree_on_case_and_escapes() -> None:
    rules = (Rule(id="r", any_of=(r"America\W+First",)),)
    for sentence in ("AMERICA -- FIRST, it said", "america, first : une œuvre"):
        assert matching_rule(sentence, rules) == "r", sentence
    for sentence in ("AMERICA_FIRST", "america_first œuvre"):
        assert matching_rule(sentence, rules) is None, sentence
