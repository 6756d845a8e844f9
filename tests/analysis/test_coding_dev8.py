"""Framing rules on the dev8 articles (two more writers), and the wording families they taught.

``tests/fixtures/coding/dev8a`` and ``dev8b`` hold six English and one French article each, in
twelve house styles, written and labelled by two engineers who had read neither the rules nor
the older sets. They were scored first with the rules and learned coder as they stood, then
after general changes prepared without them, then tuned on their errors in general ways
(figures in ``tests/fixtures/coding/README.md``). The floors sit a little under the final
figures; the wordings below were written for this test, not taken from the sets.
"""

from __future__ import annotations

import pytest

from helpers.coding_sets import (
    FIXTURES,
    assert_floors,
    assert_well_formed,
    cases,
    coded_dimensions,
    evaluate,
    frozen,
    load_fixtures,
)
from reader.analysis.codebooks import Codebook
from reader.analysis.coding import suggest

DEV8_PARTS = tuple(FIXTURES / f"dev8{part}" for part in "ab")  # as bench_coding.py names them
DEV8 = [folder / "en" for folder in DEV8_PARTS]
FR_DEV8 = [folder / "fr" for folder in DEV8_PARTS]
frozen_sets = frozen("dev8", *DEV8_PARTS)
INVEST, GETS, DOCTRINE = "infrastructure_investment", "resources_to_us", "us_policy_doctrine"


@frozen_sets
@pytest.mark.parametrize(("folders", "language"), [(DEV8, "en"), (FR_DEV8, "fr")])
def test_dev8_is_well_formed(folders: list, language: str, minerals: Codebook) -> None:
    articles = cases(folders)
    assert len(articles) >= len(DEV8_PARTS)
    assert_well_formed(articles, language, minerals)


@frozen_sets
def test_english_dev8(minerals: Codebook) -> None:
    scores = evaluate(minerals, cases(DEV8), language="en")
    # measured: P 0.888, R 0.974 (tp 372, fp 47, fn 10); first run, the rules as they stood
    # when the sets were frozen: P 0.805, R 0.887 (tp 339, fp 82, fn 43)
    assert_floors(
        scores,
        (0.87, 0.95),
        {
            "voices": (0.95, 0.95),
            "uncertainty": (0.9, 0.96),
            "deal_status": (0.74, 0.97),
            INVEST: (0.8, 0.93),
            GETS: (None, 0.89),
            "human_toll": (0.8, 0.95),
        },
    )


@frozen_sets
def test_each_dev8_writer_english(minerals: Codebook) -> None:
    # measured: dev8a P 0.907 R 0.979, dev8b P 0.869 R 0.969
    for part in DEV8_PARTS:
        scores = evaluate(minerals, load_fixtures(part / "en"), language="en")
        assert scores.precision() >= 0.85, part.name
        assert scores.recall() >= 0.95, part.name


@frozen_sets
def test_french_dev8(minerals: Codebook) -> None:
    scores = evaluate(minerals, cases(FR_DEV8), language="fr")
    # measured: P 0.900, R 0.984 (tp 63, fp 7, fn 1); first run P 0.800, R 0.875
    assert_floors(scores, (0.87, 0.95), {"voices": (0.85, 0.97), "deal_status": (0.8, None)})


@frozen_sets
def test_dev8_as_the_product_codes(minerals: Codebook) -> None:
    # the learned coder was retrained with dev8, so these say what it kept, not how it does on
    # new text (first run, before it saw dev8: English P 0.769 R 0.924, French P 0.769 R 0.938)
    english = evaluate(minerals, cases(DEV8), language="en", learned=True)
    french = evaluate(minerals, cases(FR_DEV8), language="fr", learned=True)
    assert_floors(english, (0.88, 0.98))
    assert_floors(french, (0.88, 0.98))


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "Relief groups count at least 4,000 families sleeping outdoors.", "voices"),
        ("en", "The union is urging lawmakers to reject the text.", "voices"),
        ("en", "The mining company declined to comment on the timing.", "voices"),
        ("en", "The governor renewed her appeal for more generators.", "voices"),
        ("en", "The ministry's reply, late on Friday, was that no decision existed.", "voices"),
        ("en", "Local officials put the losses at about $40m.", "voices"),
        ("en", "Okoro thinks the railway will never pay for itself.", "voices"),
        ("en", "A second lawsuit could delay the first shipment by a year.", "uncertainty"),
        ("en", "The handover date has never been firmly established.", "uncertainty"),
        ("en", "Nor is it clear that the truce covers the lakeside towns.", "uncertainty"),
        ("en", "The truce is signed, but will it hold?", "uncertainty"),
        ("en", "Nobody has yet found a single shipment in the customs records.", "uncertainty"),
        ("en", "The envoys' meeting fell apart within an hour.", "deal_status"),
        ("en", "Washington demanded a share of the copper, and Kinshasa refused.", "deal_status"),
        ("en", "The charity signed a grant agreement to rebuild three clinics.", INVEST),
        ("en", "Capacity on the line is due to double by 2030.", INVEST),
        ("en", "Orion Minerals lands Kolwezi cobalt framework deal", INVEST),
        ("en", "The board would not give US firms any priority over local bidders.", GETS),
        ("en", "America, in return, shares in the profits of new mines.", GETS),
        ("en", "Whether the cobalt ends up in American cars is another question.", GETS),
        ("en", "The price put on past US aid kept rising.", DOCTRINE),
        ("en", "In Washington these days, every favour has a price.", DOCTRINE),
        ("en", "Kinshasa, at least, got to keep the deed.", "sovereignty_ownership"),
        ("fr", "Les ministres jurent que les gisements ne sont pas à vendre.", "voices"),
        ("fr", "Des lecteurs nous ont écrit pour demander qui paiera la ligne.", "voices"),
        ("fr", "Personne à Goma n'a encore vu le texte signé.", "uncertainty"),
        ("fr", "Selon des propos prêtés au ministre, le modèle était kényan.", "uncertainty"),
        ("fr", "Les familles dorment dans des églises depuis lundi.", "human_toll"),
        ("fr", "Ils ont marché deux jours sans manger.", "human_toll"),
    ],
)
def test_wording_families_of_the_dev8_round_code(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension in coded_dimensions(sentence, minerals, language)


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "The regional bank added $80m to the package.", "voices"),
        ("en", "Correspondent Lina Moyo reports from Lubumbashi.", "voices"),
        ("en", "Notes to editors", "voices"),
        ("en", "Next report: 4 March.", "voices"),
        ("en", "Gold barely moved, which says something about the market's mood.", "voices"),
        ("en", "If it wants allies, it should say so.", "voices"),
        ("en", "The closure is still argued about in the markets.", "voices"),
        ("en", "If Washington wants the cobalt, it should buy it at market prices.", "uncertainty"),
        ("en", "The road is open whether anyone likes it or not.", "uncertainty"),
        (
            "en",
            "The donor signed a grant agreement on 3 May to pay for water trucking.",
            "deal_status",
        ),
        ("en", "The next coordination meeting of aid agencies is on 4 March.", "deal_status"),
        ("en", "A bridge collapsed in front of the cameras on Friday.", "human_toll"),
        ("en", "Some context on the money.", INVEST),
        ("en", "Looting was reported on the roads out of Kalehe.", INVEST),
        ("en", "The letter asked for access to the port of Matadi.", INVEST),
        ("en", "Few in the Ukrainian capital expected it.", INVEST),
        ("en", "Shelter, water and protection are the first needs.", "security_to_partner"),
        ("en", "Air-raid sirens sounded across the city at noon.", "human_toll"),
        ("en", "The views expressed are the hosts' own.", "sovereignty_ownership"),
        ("en", "The firm is in a dispute over unpaid invoices from a contractor.", DOCTRINE),
        ("en", "Most graphite deposits lie close to the front line.", "adversary"),
        ("fr", "Les Léopards ont signé une victoire nette samedi.", "deal_status"),
        ("fr", "La souveraineté sur les mines n'est pas négociable.", "deal_status"),
        ("fr", "Cette lettre n'a jamais été publiée.", "voices"),
        ("fr", "Le pays a conclu avec ses voisins un accord commercial.", "voices"),
        ("fr", "Une aide militaire suspendue depuis mars.", "human_toll"),
    ],
)
def test_look_alikes_of_the_dev8_round_do_not_code(
    language: str, sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, language)


def test_a_real_statement_still_codes_beside_a_look_alike(minerals: Codebook) -> None:
    # the look-alikes are narrow: the same sentences with a speaker or a step still code
    text = "The regional bank added $80m to the package, officials said."
    assert "voices" in {s.dimension for s in suggest(text, minerals, "en")}
    text = "The envoys signed the peace agreement on 3 May."
    assert "deal_status" in coded_dimensions(text, minerals, "en")
