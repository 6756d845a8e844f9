"""Framing rules on the dev5 articles, new general wording, and the faster alternations.

``tests/fixtures/coding/dev5`` holds seven articles in five genres (wire, explainer, op-ed,
brief, local report; Radio Okapi and Jeune Afrique styles in French), written and labelled by
an engineer who had not read the rules; the rules were run on them once as they stood, then
widened in general ways on their errors (figures in ``tests/fixtures/coding/README.md``). The
floors sit a little under the final figures, so a harmless change passes and a real loss fails.
"""

from __future__ import annotations

import re

import pytest

from helpers.coding_sets import (
    DEV5,
    FIXTURES,
    FR_DEV5,
    assert_floors,
    coded_dimensions,
    evaluate,
    frozen,
    load_fixtures,
)
from reader.analysis.codebooks import Codebook, Rule, shipped_codebooks
from reader.analysis.coding import _distributed, _expand, matching_rule, normalise

pytestmark = frozen("dev5", DEV5.parent)


def test_english_dev5(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(DEV5), language="en")
    # measured: P 0.911, R 0.956 (tp 195, fp 19, fn 9); first run, the rules as they stood
    # when the set was frozen: P 0.831, R 0.843 (deal status P 0.650, uncertainty R 0.562)
    assert_floors(
        scores,
        (0.89, 0.93),
        {
            "deal_status": (0.75, 0.88),
            "uncertainty": (None, 0.9),
            "us_policy_doctrine": (0.9, 0.9),
            "human_toll": (0.9, 0.9),
            "security_to_partner": (0.9, 0.9),
        },
    )


def test_french_dev5(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(FR_DEV5), language="fr")
    # measured: P 0.945, R 0.977 (tp 86, fp 5, fn 2); first run P 0.874, R 0.864
    # (uncertainty P 0.750, R 0.667)
    assert_floors(
        scores,
        (0.92, 0.95),
        {
            "uncertainty": (0.85, 0.9),
            "deal_status": (0.85, None),
            "human_toll": (None, 0.85),
        },
    )


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "Gunmen shot dead a trader, wounding two of his sons.", "human_toll"),
        ("en", "Aid workers said several women had been raped near the camp.", "human_toll"),
        ("en", "The flooding left thousands of families homeless.", "human_toll"),
        ("en", "The militia is allegedly taxing every truck that leaves the mine.", "uncertainty"),
        ("en", "The governor is said to have met the rebels in secret.", "uncertainty"),
        ("en", "The annex has not been made public.", "uncertainty"),
        ("en", "It is difficult to verify the casualty figures.", "uncertainty"),
        ("en", "No one in the ministry seems sure when the money will arrive.", "uncertainty"),
        ("en", "Critics call it dollar diplomacy with strings attached.", "us_policy_doctrine"),
        ("en", "The envoy described the pact as a commercial bargain.", "us_policy_doctrine"),
        ("en", "Washington wants its allies to pay their fair share.", "us_policy_doctrine"),
        ("en", "Parliament backs the accord in a 290-vote majority", "deal_status"),
        ("en", "A new draft was offered to Kinshasa a week later.", "deal_status"),
        ("en", "The demand for half the revenue was later abandoned.", "deal_status"),
        ("en", "The accord can take effect once both sides exchange notes.", "deal_status"),
        ("en", "Kinshasa has put its lithium on the table.", "resources_to_us"),
        (
            "en",
            "Foreign firms control most of the country's copper output.",
            "sovereignty_ownership",
        ),
        (
            "en",
            "Part of the profits will be reinvested in the region.",
            "infrastructure_investment",
        ),
        ("fr", "Les combats ont repris jeudi, tuant au moins neuf civils.", "human_toll"),
        ("fr", "Des centaines de familles ont pris la fuite vers Bukavu.", "human_toll"),
        ("fr", "Les déplacés ont trouvé refuge dans une école.", "human_toll"),
        ("fr", "Le centre de santé de Kavumu est débordé.", "human_toll"),
        ("fr", "Kinshasa réclamerait des drones et des instructeurs.", "uncertainty"),
        ("fr", "La police n'a pas été en mesure de confirmer ces chiffres.", "uncertainty"),
        ("fr", "Des questions subsistent sur le financement du projet.", "uncertainty"),
        ("fr", "Le M23 revendiquait mardi la prise de la localité.", "voices"),
        ("fr", "Le ministre s'est contenté d'indiquer que les discussions avancent.", "voices"),
        ("fr", "Le projet a été présenté dès février aux députés.", "deal_status"),
        ("fr", "Les négociations sont au point mort.", "deal_status"),
        ("fr", "Les deux parties sont parvenues à un accord.", "deal_status"),
        ("en", "Negotiators struck a deal after midnight.", "deal_status"),
        ("en", "It was not immediately clear who fired first.", "uncertainty"),
        (
            "fr",
            "Les alliés devront payer leur part, martèle la Maison Blanche.",
            "us_policy_doctrine",
        ),
        ("fr", "Le site reste sous l'autorité des rebelles depuis avril.", "sovereignty_ownership"),
        ("fr", "Kinshasa propose ses minerais contre une protection militaire.", "resources_to_us"),
    ],
)
def test_general_wording_is_coded(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension in coded_dimensions(sentence, minerals, language)


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "The company declined to comment on the report.", "deal_status"),
        ("en", "Rwanda rejected the accusations as baseless.", "deal_status"),
        ("en", "Three diggers died when the mine collapsed on Sunday.", "deal_status"),
        ("en", "There is little sign of the fighting easing.", "deal_status"),
        ("en", "Thousands of men have been drafted into the army.", "deal_status"),
        ("en", "The loan was signed in March with a regional bank.", "deal_status"),
        ("en", "Once the agreement is in force, the fund will hire staff.", "deal_status"),
        ("en", "Volunteers hand out soap and rice every morning.", "us_policy_doctrine"),
        ("en", "The general's own account of the battle differs.", "sovereignty_ownership"),
        ("en", "Peacekeepers patrol the roads around the camp.", "infrastructure_investment"),
        ("en", "It is impossible to say when the rain will stop.", "voices"),
        ("en", "Rebel fighters arrived in force at dawn.", "deal_status"),
        ("en", "The striker scored twice on the pitch in May.", "deal_status"),
        ("en", "The museum offers a glimpse of colonial Katanga.", "deal_status"),
        ("en", "He talks tough about Beijing at every rally.", "deal_status"),
        ("en", "UN experts concluded that the militia taxes the trade.", "deal_status"),
        ("en", "Police sealed off the market after the blast.", "deal_status"),
        ("en", "She sells tomatoes at her stall near the bus station.", "deal_status"),
        ("en", "The civilian government took office in May.", "human_toll"),
        ("fr", "Les négociations sont au point mort.", "human_toll"),
        ("fr", "Une journée ville morte paralyse Goma.", "human_toll"),
        ("fr", "Le corps diplomatique a été convoqué au ministère.", "human_toll"),
        ("fr", "Le génie civil chinois construit la route.", "human_toll"),
        ("en", "Few people had heard of the framework before June.", "uncertainty"),
        ("fr", "Le cobalt est exploité à ciel ouvert dans la province.", "sovereignty_ownership"),
        ("fr", "La ville reste sous l'administration du gouverneur.", "us_policy_doctrine"),
        ("fr", "« Il ne faut pas vendre la peau de l'ours avant de l'avoir tué. »", "human_toll"),
        ("fr", "Le texte ne comporte aucune garantie de sécurité.", "uncertainty"),
        ("fr", "Selon notre rédaction, la route est coupée depuis lundi.", "deal_status"),
        ("fr", "Le nouvel accord prévoit le départ des troupes étrangères.", "security_to_partner"),
    ],
)
def test_look_alikes_stay_uncoded(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, language)


# --- distributing leading word groups -------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        ("(peace|framework) deal", ["peace deal", "framework deal"]),
        ("(the )?deal", ["the deal", "deal"]),
        (
            "(a |an )?(share|stake) (in|of)",
            [
                "a share (in|of)",
                "a stake (in|of)",
                "an share (in|of)",
                "an stake (in|of)",
                "share (in|of)",
                "stake (in|of)",
            ],
        ),
        (r"(\w+'s|the) offer", [r"(\w+'s|the) offer"]),  # not plain words: as written
        ("(a|b)+c", ["(a|b)+c"]),
        ("(a|b){2}c", ["(a|b){2}c"]),
        ("(a|b)??c", ["(a|b)??c"]),
        ("(?:a|b)c", ["(?:a|b)c"]),
        ("(?<!no )deal", ["(?<!no )deal"]),
    ],
)
def test_leading_word_groups_are_distributed(pattern: str, branches: list[str]) -> None:
    assert _expand(pattern) == branches


def test_top_level_alternatives_ignore_bars_in_groups_classes_and_escapes() -> None:
    assert _distributed(r"(x|y)z|[|]w|a\|b|(c|d)") == r"xz|yz|[|]w|a\|b|c|d"
    assert _distributed(r"(a)\1|b") == r"(?:(a)\1|b)"  # a back-reference keeps its groups
    assert _distributed("[]|]x|[^]|]y|(u|v)w") == "[]|]x|[^]|]y|uw|vw"  # "]" first in a class
    assert _distributed("(" + "|".join(f"w{i}" for i in range(60)) + ") deal").startswith("(w0|")


def test_distributed_patterns_match_as_written(minerals: Codebook) -> None:
    """Every shipped pattern, distributed or not, matches the same labelled sentences."""
    sentences = [
        normalise(item["sentence"])
        for folder in (FIXTURES, DEV5, FR_DEV5)
        for _, _, labels in load_fixtures(folder)
        for item in labels
    ]
    checked = 0
    for book in shipped_codebooks().values():
        for dim in book.dimensions:
            for rule in dim.rules:
                for pattern in (*rule.any_of, *rule.all_of, *rule.none_of):
                    plain = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
                    fast = re.compile(rf"(?<!\w)(?:{_distributed(pattern)})(?!\w)", re.IGNORECASE)
                    for s in sentences:
                        assert bool(plain.search(s)) == bool(fast.search(s)), (rule.id, s)
                    checked += 1
    assert checked > 300


def test_matching_rule_uses_the_distributed_patterns() -> None:
    rules = (Rule(id="r", any_of=("(peace|framework) (deal|accord)s?",), negation=True),)
    assert matching_rule("A framework accord was reached.", rules) == "r"
    assert matching_rule("There was no peace deal.", rules) is None
    assert matching_rule("A peaceful dealer.", rules) is None
