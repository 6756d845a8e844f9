"""Framing rules on the dev6 articles, the lexicons written before it, and the coder's speed-ups.

``tests/fixtures/coding/dev6`` holds eight articles in seven more genres (a Q&A, an editorial,
an embassy statement, an NGO field report, a radio segment, a markets piece; a political report
and a communiqué in French), written and labelled by an engineer who had read neither the rules
nor the older sets. Before it existed the rules were widened from lexicons of English and French
news style (reporting verbs, hedges, the human toll, doctrine, what the US gets); the set was
then scored once and the rules tuned on its errors in general ways (figures in
``tests/fixtures/coding/README.md``). The floors sit a little under the final figures.
"""

from __future__ import annotations

import re

import pytest

from helpers.coding_sets import (
    DEV6,
    FIXTURES,
    FR_DEV6,
    assert_floors,
    coded_dimensions,
    evaluate,
    frozen,
    load_fixtures,
    speed_corpus,
)
from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, Rule, shipped_codebooks
from reader.analysis.coding import (
    _by_first_letter,
    _compile,
    _distributed,
    _fold,
    _top_level,
    matching_rule,
    normalise,
    suggest,
)
from reader.analysis.sentences import split_sentences
from reader.library.errors import InvalidInputError

pytestmark = frozen("dev6", DEV6.parent)


def test_english_dev6(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(DEV6), language="en")
    # measured: P 0.910, R 0.963 (tp 182, fp 18, fn 7); first run, the lexicon rules as they
    # stood when the set was frozen: P 0.762, R 0.746 (session-start rules P 0.758, R 0.730)
    assert_floors(
        scores,
        (0.89, 0.94),
        {
            "voices": (0.9, 0.95),
            "uncertainty": (0.9, 0.9),
            "resources_to_us": (0.7, 0.85),
            "human_toll": (None, 0.95),
            "sovereignty_ownership": (None, 0.95),
            "deal_status": (None, 0.95),
            "us_policy_doctrine": (None, 0.95),
        },
    )


def test_french_dev6(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(FR_DEV6), language="fr")
    # measured: P 0.926, R 1.000 (tp 75, fp 6, fn 0); first run P 0.813, R 0.813
    assert_floors(
        scores,
        (0.9, 0.97),
        {"voices": (None, 0.95), "uncertainty": (None, 0.95), "human_toll": (0.85, None)},
    )


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        ("en", "Asked about the timetable, one senator wanted to know who would pay.", "voices"),
        ("en", "GARCIA: We were never shown the annex.", "voices"),
        ("en", "The minister said the claims were invented by the opposition.", "voices"),
        ("fr", "Le député a dénoncé des emplois fictifs.", "voices"),
        ("en", "The final price has yet to be agreed by either cabinet.", "uncertainty"),
        ("en", "Casualty counts were never independently verified.", "uncertainty"),
        ("en", "The picture in the north is murkier still.", "uncertainty"),
        ("en", "Any American stake would depend on surveys not yet begun.", "uncertainty"),
        ("en", "Thousands of families were sleeping in churches after the raid.", "human_toll"),
        ("en", "Aid convoys have been blocked for a week.", "human_toll"),
        ("en", "American smelters would gain priority access to the cobalt.", "resources_to_us"),
        ("en", "The deal promises lithium to American buyers.", "resources_to_us"),
        ("en", "Critics say the plan shifts the burden onto Europe.", "us_policy_doctrine"),
        ("en", "The province should not pawn its mines for a promise.", "sovereignty_ownership"),
        ("fr", "« Rien n'est joué », a-t-elle ajouté.", "voices"),
        ("fr", "Le gouvernement s'en défend.", "voices"),
        ("fr", "Il n'est pas exclu que la signature soit reportée.", "uncertainty"),
        ("fr", "Selon l'ONU, les rebelles contrôleraient désormais la route.", "uncertainty"),
        ("fr", "Les distributions de vivres sont suspendues depuis lundi.", "human_toll"),
    ],
)
def test_lexicon_wordings_code(language, sentence, dimension, minerals: Codebook) -> None:
    assert dimension in coded_dimensions(sentence, minerals, language)


@pytest.mark.parametrize(
    ("language", "sentence", "dimension"),
    [
        (
            "en",
            "This report was compiled for testing purposes; the people quoted are invented.",
            "voices",
        ),
        ("en", "Copper was quoted higher in London on Friday.", "voices"),
        ("en", "Q: What did the fund promise?", "voices"),
        ("en", "Markets: copper rises on supply fears", "voices"),
        ("en", "A fund manager in London called copper cheap.", "infrastructure_investment"),
        ("en", "The hills hold gold and tin, as do the valleys.", "sovereignty_ownership"),
        ("en", "The text offers no guarantee at all, only a promise of alignment.", "uncertainty"),
        ("en", "Envoys watched the Geneva talks closely.", "deal_status"),
        (
            "fr",
            "Le ministère des Affaires sociales et humanitaires a publié un texte.",
            "human_toll",
        ),
        ("fr", "Kigali a rejeté ces accusations.", "deal_status"),
    ],
)
def test_look_alikes_do_not_code(language, sentence, dimension, minerals: Codebook) -> None:
    assert dimension not in coded_dimensions(sentence, minerals, language)


# --- the "case" key -------------------------------------------------------------------------


def test_case_rules_see_capitals_and_round_trip() -> None:
    rule = Rule.from_dict({"id": "tag", "any": ["^[A-Z][A-Z-]+:"], "case": True})
    assert rule.case
    assert rule.to_dict() == {"id": "tag", "any": ["^[A-Z][A-Z-]+:"], "case": True}
    assert "case" not in Rule.from_dict({"id": "r", "any": ["x"]}).to_dict()
    assert matching_rule("OKAFOR: It was signed anyway.", (rule,)) == "tag"
    assert matching_rule("Okafor: it was signed anyway.", (rule,)) is None
    assert matching_rule("ÉLODIE: on verra.", (rule,)) == "tag"  # accents are still folded
    with pytest.raises(InvalidInputError, match="'case' must be true or false"):
        Rule.from_dict({"id": "r", "any": ["x"], "case": "yes"})


def test_speaker_tags_are_voices_but_not_questions(minerals: Codebook) -> None:
    text = "Q: Was it a good deal? MARCHUK: It was the only deal on offer."
    coded = {s.text: s.dimension for s in suggest(text, minerals, "en") if s.dimension == "voices"}
    assert list(coded) == ["MARCHUK: It was the only deal on offer."]


# --- grouping alternatives by their first letter keeps every match ------------------------


def test_grouping_by_first_letter() -> None:
    assert (
        _by_first_letter(["said", "added", "says", "(?=x)x"], False) == "s(?:aid|ays)|added|(?=x)x"
    )
    assert _by_first_letter(["Said", "says"], False) == "s(?:aid|ays)"
    assert _by_first_letter(["Said", "says"], True) == "Said|says"
    assert _by_first_letter(["s?aid", "\\$5"], False) == "s?aid|\\$5"  # not a plain first letter


def test_grouped_rules_match_the_sentences_the_plain_ones_match(minerals: Codebook) -> None:
    books = [minerals, *(b for i, b in shipped_codebooks().items() if i != DEFAULT_CODEBOOK)]
    texts = speed_corpus() + [
        t
        for folder in (DEV6, FR_DEV6, FIXTURES / "fr" / "dev")
        for _, t, _ in load_fixtures(folder)
    ]
    sentences = {normalise(t[s:e]) for t in texts for s, e in split_sentences(t)}
    for book in books:
        for dim in book.dimensions:
            for rule in dim.rules:
                for patterns in (rule.any_of, rule.all_of, rule.none_of):
                    if not patterns:
                        continue
                    joined = "|".join(f"(?:{_fold(p)})" for p in patterns)
                    plain = re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)
                    branches = [b for p in patterns for b in _top_level(_distributed(_fold(p)))]
                    grouped = _compile(_by_first_letter(branches, False), False)
                    for sentence in sentences:
                        assert bool(plain.search(sentence)) == bool(grouped.search(sentence)), (
                            rule.id,
                            sentence,
                        )
