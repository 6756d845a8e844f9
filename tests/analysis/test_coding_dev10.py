"""Framing on dev10a-d (four more writers), and the wording families the round-5 rules learnt.

``tests/fixtures/coding/dev10a`` to ``dev10d`` hold seven English and two French articles each
(36 house styles), written and labelled blind in session 7. They were scored first with the
rules and learned coder as they stood; the round-5 English rules were then tuned on dev10a and
dev10b only, dev10c and dev10d checking them; the learned coder was retrained with all four, so
its figures here say what it kept. Floors sit a little under the measured figures
(``tests/fixtures/coding/README.md``); the wordings below were written for this test, not taken
from the sets.
"""

from __future__ import annotations

import pytest

from helpers.coding_sets import (
    FIXTURES,
    assert_floors,
    cases,
    coded_dimensions,
    evaluate,
    frozen,
)
from reader.analysis.codebooks import Codebook

PARTS = tuple(FIXTURES / f"dev10{part}" for part in "abcd")
TUNED, CHECKED = PARTS[:2], PARTS[2:]
frozen_sets = frozen("dev10", *PARTS)
OWN, DOCTRINE, GETS = "sovereignty_ownership", "us_policy_doctrine", "resources_to_us"


@frozen_sets
@pytest.mark.parametrize(
    ("parts", "language", "rules", "product"),
    [
        # first run (rules and coder at the session's start), dev10a-d: rules P 0.819 R 0.831,
        # product P 0.804 R 0.892. After the round, tuned on dev10a-b: rules P 0.845 R 0.899;
        # product retrained with them (in sample) P 0.854 R 0.991 over all four
        (TUNED, "en", (0.82, 0.88), (0.84, 0.97)),
        # dev10c-d, the round's check: rules P 0.805 R 0.844 before, P 0.808 R 0.860 after
        (CHECKED, "en", (0.79, 0.84), (0.82, 0.97)),
        # French was not tuned: rules P 0.805 R 0.816 (unchanged); product first run P 0.782
        # R 0.861, retrained (in sample) P 0.852 R 0.997
        (PARTS, "fr", (0.78, 0.79), (0.83, 0.97)),
    ],
)
def test_dev10(
    parts: tuple,
    language: str,
    rules: tuple[float, float],
    product: tuple[float, float],
    minerals: Codebook,
) -> None:
    articles = cases([part / language for part in parts])
    assert len(articles) >= 2 * len(parts)
    assert_floors(evaluate(minerals, articles, language=language), rules)
    assert_floors(evaluate(minerals, articles, language=language, learned=True), product)


@pytest.mark.parametrize(
    ("sentence", "dimension"),
    [
        ("The tin pits above Walikale have been held by a militia since March.", OWN),
        ("Much of the graphite lies in districts that Russian troops occupy.", OWN),
        ("Traders say the rebels already sit on the richest coltan in Masisi.", OWN),
        ("Nobody can buy ore from rebel-held sites and call it clean.", OWN),
        ("No, the treaty did not hand Ukraine's deposits to a foreign power.", OWN),
        ("Investors get a preview of projects, not the mines themselves.", OWN),
        ("Whose cobalt is it, then?", OWN),
        ("The ministry, not the fund, remains the licensor of every new field.", OWN),
        (
            "Not one page of the annex has been shown to the provincial assembly, and nobody in "
            "Kolwezi has seen it.",
            "uncertainty",
        ),
        ("The embassy has not explained how the reserve would be stocked.", "uncertainty"),
        ("Officials never said exactly when the shipments would resume.", "uncertainty"),
        ("The lithium estimates have never been tested by modern drilling.", "uncertainty"),
        ("We put the question to four ministries and got four different answers.", "uncertainty"),
        ("The two envoys put their signatures to the declaration at noon.", "deal_status"),
        ("The ratification bill will be put to a vote on Thursday.", "deal_status"),
        ("So far there have been only preliminary contacts between the two teams.", "deal_status"),
        ("Kyiv turned the first draft down within a week.", "deal_status"),
        ("Forty families with nowhere else to go are camped in the parish hall.", "human_toll"),
        (
            "Her children have been sleeping in a school since the fighting reached Sake.",
            "human_toll",
        ),
        ("The tents at the edge of the camp were torn down overnight.", "human_toll"),
        ("In this plan, weapons become equity in a fund.", DOCTRINE),
        ("A friendship paid for in cobalt is not an alliance.", DOCTRINE),
        ("Every dollar of support is expected to come back with interest.", DOCTRINE),
        ("Washington wants Congolese cobalt moving through Atlantic ports.", GETS),
        ("Under the pact, US companies would get a first look at the concessions.", GETS),
        ("The Treasury says American taxpayers deserve a return on that help.", GETS),
        ("Both governments reaffirmed that the fund answers to its joint board.", "voices"),
        ("Officials stress that no troops are part of the package.", "voices"),
    ],
)
def test_wording_families_of_the_round_5_rules_code(
    sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension in coded_dimensions(sentence, minerals, "en")


@pytest.mark.parametrize(
    ("sentence", "dimension"),
    [
        ("M23 fighters took Goma in January and moved south towards Bukavu.", OWN),
        ("The rebels held a rally in the stadium on Sunday.", OWN),
        ("The army occupied the ridge above the town for two days.", OWN),
        ("The company handed its annual report to the regulator on time.", OWN),
        ("Nobody has shown more patience than the market women of Goma.", "uncertainty"),
        ("The text has been widely circulated since its publication.", "uncertainty"),
        ("The committee put the budget on its agenda for Friday.", "deal_status"),
        ("The two clubs met in the same room last year for the cup draw.", "deal_status"),
        ("Trump wanted the equivalent of $500bn for past aid.", "deal_status"),
        ("The school reopened on Monday after the holidays.", "human_toll"),
        ("The distribution of the new textbooks went smoothly.", "human_toll"),
        ("The old warehouse was torn down to make room for a bakery.", "human_toll"),
        ("The clauses trading ore for soldiers are nowhere to be found.", DOCTRINE),
        ("Washington wants talks on visas to resume in the spring.", GETS),
        ("Officials stress the need for calm before the vote.", "voices"),
    ],
)
def test_look_alikes_of_the_round_5_rules_do_not_code(
    sentence: str, dimension: str, minerals: Codebook
) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, "en")
