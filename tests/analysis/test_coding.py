"""Codebooks and rule-based coding: format, validation, negation, quality and similarity.

Quality is measured on articles written and labelled sentence by sentence for these tests
(``tests/fixtures/coding``, see its README): the thresholds sit just below the measured figures.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from helpers.paths import ROOT
from reader.analysis.codebooks import (
    DEFAULT_CODEBOOK,
    Codebook,
    load_codebook,
    shipped_codebooks,
)
from reader.analysis.coding import (
    Suggestion,
    closest,
    matching_rule,
    rules_for,
    similarity,
    suggest,
)
from reader.analysis.sentences import split_sentences
from reader.library.errors import InvalidInputError
from reader.resources import resource_path

sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_coding import (
    FIXTURES,
    FR_DEV,
    FR_HELDOUT,
    HELDOUT,
    SAMPLE_LABELS,
    evaluate,
    load_fixtures,
    sample_body,
)

MINERALS_DIMENSIONS = [
    "resources_to_us",
    "security_to_partner",
    "adversary",
    "rival_power",
    "deal_status",
    "human_toll",
    "infrastructure_investment",
    "us_policy_doctrine",
    "sovereignty_ownership",
    "voices",
    "uncertainty",
]
POLICY_FRAMES = [
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "other",
]


@pytest.fixture(scope="module")
def minerals() -> Codebook:
    return shipped_codebooks()[DEFAULT_CODEBOOK]


def _book(rules: list[dict], dim: str = "toll") -> Codebook:
    return Codebook.from_dict(
        {"id": "t", "label": "T", "dimensions": [{"id": dim, "label": "Toll", "rules": rules}]}
    )


# --- shipped codebooks ----------------------------------------------------------------------


def test_shipped_codebooks_have_the_required_dimensions() -> None:
    books = shipped_codebooks()
    assert set(books) == {"minerals-for-security", "policy-frames"}
    assert DEFAULT_CODEBOOK == "minerals-for-security"
    assert books["minerals-for-security"].dimension_ids == MINERALS_DIMENSIONS
    assert books["policy-frames"].dimension_ids == POLICY_FRAMES
    for book in books.values():
        assert book.label
        assert book.description
        for dim in book.dimensions:
            assert dim.label
            assert dim.description
    for dim in books["minerals-for-security"].dimensions:
        assert dim.rules, dim.id


def test_shipped_codebooks_are_cached_but_returned_as_a_copy() -> None:
    first = shipped_codebooks()
    first.pop(DEFAULT_CODEBOOK)
    second = shipped_codebooks()
    assert DEFAULT_CODEBOOK in second
    assert second["policy-frames"] is shipped_codebooks()["policy-frames"]


@pytest.mark.parametrize("name", ["minerals-for-security", "policy-frames"])
def test_codebook_json_round_trips_exactly(name: str) -> None:
    path = resource_path("codebooks", f"{name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    book = load_codebook(path)
    assert book.to_dict() == data
    assert Codebook.from_dict(book.to_dict()) == book
    assert Codebook.from_json(book.to_json()) == book
    assert json.loads(book.to_json()) == data


def test_round_trip_of_a_user_edited_codebook_keeps_optional_fields() -> None:
    data = {
        "id": "mine",
        "label": "Mine",
        "description": "",
        "dimensions": [
            {"id": "a", "label": "A", "description": "", "rules": []},
            {
                "id": "b",
                "label": "B",
                "description": "d",
                "rules": [
                    {"id": "r1", "any": ["x"], "all": ["y"], "not": ["z"], "negation": True},
                    {"id": "r2", "any": ["w"]},
                ],
            },
        ],
    }
    book = Codebook.from_dict(data)
    assert book.to_dict() == data
    assert book.dimension("b").rules[0].none_of == ("z",)
    minimal = {"id": "m", "label": "M", "dimensions": [{"id": "a", "label": "A"}]}
    assert Codebook.from_dict(Codebook.from_dict(minimal).to_dict()) == Codebook.from_dict(minimal)


def test_fingerprint_changes_with_the_rules_only(minerals: Codebook) -> None:
    data = minerals.to_dict()
    relabelled = copy.deepcopy(data)
    relabelled["dimensions"][0]["label"] = "Something else"
    assert Codebook.from_dict(relabelled).fingerprint() == minerals.fingerprint()
    edited = copy.deepcopy(data)
    edited["dimensions"][0]["rules"][0]["any"].append("bauxite")
    assert Codebook.from_dict(edited).fingerprint() != minerals.fingerprint()


# --- validation -----------------------------------------------------------------------------

GOOD_RULE = {"id": "r", "any": ["kill(s|ed)?"]}


def _with(**changes) -> dict:
    data = {"id": "t", "label": "T", "dimensions": [{"id": "d", "label": "D", "rules": []}]}
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_with(label=None), "'label' must be a non-empty string"),
        ({"id": "t", "dimensions": []}, "missing field(s) 'label'"),
        (_with(dimensions=[]), "'dimensions' must be a non-empty list"),
        (_with(id="Bad Id"), "codebook id must be lower-case"),
        (_with(colour="red"), "unknown field(s) 'colour'"),
        (
            _with(dimensions=[{"id": "d", "label": "D"}, {"id": "d", "label": "E"}]),
            "duplicate dimension id 'd'",
        ),
        (
            _with(
                dimensions=[
                    {"id": "d", "label": "D", "rules": [GOOD_RULE]},
                    {"id": "e", "label": "E", "rules": [GOOD_RULE]},
                ]
            ),
            "duplicate rule id 'r'",
        ),
        (_with(dimensions=[{"id": "d"}]), "dimension #1: missing field(s) 'label'"),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"id": "r", "any": ["(x"]}]}]),
            "rule 'r' 'any': bad regular expression '(x'",
        ),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"id": "r", "any": []}]}]),
            "rule 'r' 'any' must be a non-empty list",
        ),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"id": "r", "any": ["x?"]}]}]),
            "matches the empty string",
        ),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"id": "r", "any": ["of "]}]}]),
            "starts or ends with a space",
        ),
        (
            _with(
                dimensions=[
                    {"id": "d", "label": "D", "rules": [{"id": "r", "any": ["x"], "not": ["[z"]}]}
                ]
            ),
            "rule 'r' 'not': bad regular expression",
        ),
        (
            _with(
                dimensions=[
                    {"id": "d", "label": "D", "rules": [{"id": "r", "any": ["x"], "negation": 1}]}
                ]
            ),
            "'negation' must be true or false",
        ),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"any": ["x"]}]}]),
            "rule #1: missing field(s) 'id'",
        ),
        (
            _with(dimensions=[{"id": "d", "label": "D", "rules": [{"id": "r", "anyy": ["x"]}]}]),
            "missing field(s) 'any'",
        ),
    ],
)
def test_bad_codebooks_give_clear_errors(data: dict, message: str) -> None:
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        Codebook.from_dict(data)


def test_load_codebook_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json: codebook is not valid JSON"):
        load_codebook(broken)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_with(dimensions=[{"id": "d"}])), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: codebook 't', dimension #1"):
        load_codebook(bad)


# --- applying rules -------------------------------------------------------------------------


def test_suggestions_are_one_per_sentence_and_dimension_with_the_first_rule() -> None:
    book = _book(
        [
            {"id": "deaths", "any": ["kill(s|ed|ing)?", "dead"]},
            {"id": "bodies", "any": ["bodies"]},
        ]
    )
    text = "Dozens were killed and the dead lay unburied.\n\nBodies were found. Talks resumed."
    found = suggest(text, book)
    assert [(s.text, s.rule) for s in found] == [
        ("Dozens were killed and the dead lay unburied.", "deaths"),
        ("Bodies were found.", "bodies"),
    ]
    for s in found:
        assert isinstance(s, Suggestion)
        assert text[s.start : s.end] == s.text
        assert s.dimension == "toll"


def test_patterns_match_whole_words_inflections_and_normalised_text() -> None:
    book = _book(
        [
            {"id": "arms", "any": ["arms", "troops?"]},
            {"id": "felix", "any": ["Felix Tshisekedi", "China's", "US-Ukraine"]},
        ]
    )
    assert suggest("The farms and alarms were quiet.", book) == []
    assert [s.rule for s in suggest("A troop left. Arms arrived.", book)] == ["arms", "arms"]
    for sentence in ("Félix\nTshisekedi spoke.", "China’s lead grew.", "The US–Ukraine fund."):
        assert [s.rule for s in suggest(sentence, book)] == ["felix"], sentence


def test_all_and_not_clauses() -> None:
    book = _book([{"id": "r", "any": ["Rwanda"], "all": ["back(s|ed)?"], "not": ["denies"]}])
    assert len(suggest("The UN says Rwanda backs M23.", book)) == 1
    assert suggest("Rwanda signed the accord.", book) == []
    assert suggest("Rwanda denies that it backs M23.", book) == []


def test_negation_skips_negated_matches_only() -> None:
    negated = _book([{"id": "killed", "any": ["kill(s|ed|ing)?", "died"], "negation": True}])
    plain = _book([{"id": "killed", "any": ["kill(s|ed|ing)?", "died"]}])
    skipped = [
        "No one was killed in the attack.",
        "The army said it had never killed civilians.",
        "Officials insisted that no soldiers died.",
        "The convoy passed without anyone being killed.",
        "They didn't report anyone killed.",
    ]
    kept = [
        "At least 7,000 people were killed, not 5,000 as first reported.",
        "There was no warning; dozens were killed.",
        "The army did not say how many people had been killed in the fighting.",
        "Not far from the border, three traders died.",
        # negation looks back only: "killed" has no negator before it, so this counts
        "The blast killed nobody, and no civilians died.",
    ]
    for sentence in skipped:
        assert suggest(sentence, negated) == [], sentence
        assert len(suggest(sentence, plain)) == 1, sentence
    for sentence in kept:
        assert len(suggest(sentence, negated)) == 1, sentence
    assert matching_rule("No one was killed.", negated.dimensions[0].rules) is None
    assert matching_rule("Two were killed.", negated.dimensions[0].rules) == "killed"


def test_non_latin_text_keeps_word_edges() -> None:
    book = _book([{"id": "kyiv", "any": ["Київ"]}])
    assert len(suggest("Делегація прибула в Київ вчора.", book)) == 1
    assert suggest("Київщина готується.", book) == []


def test_empty_and_rule_less_codebooks() -> None:
    book = Codebook.from_dict({"id": "t", "label": "T", "dimensions": [{"id": "d", "label": "D"}]})
    assert suggest("Anything at all.", book) == []
    assert suggest("", shipped_codebooks()[DEFAULT_CODEBOOK]) == []


# --- quality on the labelled articles -------------------------------------------------------


def test_fixture_articles_are_well_formed() -> None:
    for folder in (FIXTURES, HELDOUT):
        cases = load_fixtures(folder)
        assert len(cases) >= 2
        for name, text, labels in cases:
            assert 250 <= len(text.split()) <= 450, name
            assert [item["sentence"] for item in labels] == [
                text[s:e] for s, e in split_sentences(text)
            ], name
            for item in labels:
                assert set(item["dimensions"]) <= set(MINERALS_DIMENSIONS), name
    names = [n for f in (FIXTURES, HELDOUT) for n, _, _ in load_fixtures(f)]
    assert sum(n.startswith("ukraine") for n in names) >= 2
    assert sum(n.startswith("drc") for n in names) >= 2


def test_precision_and_recall_on_the_labelled_articles(minerals: Codebook) -> None:
    cases = load_fixtures(FIXTURES) + load_fixtures(HELDOUT)
    scores = evaluate(minerals, cases)
    # measured: P 0.910, R 0.962 (tp 201, fp 20, fn 8) over 6 articles, 1,287 decisions
    # (P 0.901, R 0.957 before the session-5 widening)
    assert scores.precision() >= 0.89
    assert scores.recall() >= 0.95
    for dim in MINERALS_DIMENSIONS:
        assert scores.tp[dim] + scores.fn[dim] > 0, dim  # every dimension is exercised
        assert scores.recall(dim) >= 0.6, dim
        assert scores.precision(dim) >= 0.6, dim


def test_precision_and_recall_on_the_held_out_articles(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(HELDOUT))
    # measured: P 0.899, R 0.899 (P 0.884, R 0.884 before the session-5 widening); before
    # any tuning these two scored P 0.811, R 0.623
    assert scores.precision() >= 0.87
    assert scores.recall() >= 0.87


def test_precision_and_recall_on_two_labelled_samples(minerals: Codebook) -> None:
    try:
        scores = evaluate(minerals, load_fixtures(SAMPLE_LABELS))
    except ValueError as exc:  # a sample was edited: its labels need redoing
        pytest.skip(f"labels out of date: {exc}")
    # measured: P 0.877, R 0.928 on texts another session wrote (P 0.873, R 0.899 before
    # the session-5 widening)
    assert scores.precision() >= 0.86
    assert scores.recall() >= 0.9


def _seed_suggestions(seed_file: Path, minerals: Codebook) -> list[Suggestion]:
    return suggest(seed_file.read_text(encoding="utf-8"), minerals)


@pytest.mark.parametrize(
    ("needle", "dimension"),
    [
        ("rather than actual troop support", "security_to_partner"),
        ("China’s dominance", "rival_power"),
        ("7,000", "human_toll"),
        ("Lobito Corridor", "infrastructure_investment"),
    ],
)
def test_seed_sentences(seed_file: Path, minerals: Codebook, needle: str, dimension: str) -> None:
    hits = [s for s in _seed_suggestions(seed_file, minerals) if needle in s.text]
    assert hits, f"no suggestion contains {needle!r}"
    assert dimension in {s.dimension for s in hits}


def _sample_counts(book: Codebook) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {d: Counter() for d in book.dimension_ids}
    for path in sorted(resource_path("samples").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        for s in suggest(sample_body(path), book):
            for tag in meta["tags"]:
                counts[s.dimension][tag] += 1
    return counts


def test_samples_are_coded_on_most_dimensions_for_both_tags(minerals: Codebook) -> None:
    counts = _sample_counts(minerals)
    for tag in ("ukraine", "drc"):
        covered = [d for d, c in counts.items() if c[tag]]
        assert len(covered) >= 10, (tag, covered)
    assert counts["human_toll"]["drc"]
    assert counts["rival_power"]["ukraine"]
    frames = _sample_counts(shipped_codebooks()["policy-frames"])
    for tag in ("ukraine", "drc"):
        assert sum(1 for c in frames.values() if c[tag]) >= 9, tag


def test_suggest_is_fast(minerals: Codebook) -> None:
    texts = [sample_body(p) for p in sorted(resource_path("samples").glob("*.md"))]
    suggest(texts[0], minerals)
    start = time.perf_counter()
    sentences = sum(len(split_sentences(t)) for t in texts)
    for text in texts:
        suggest(text, minerals)
    rate = sentences / (time.perf_counter() - start)
    assert rate > 500  # measured about 5,000 sentences/s


# --- similarity -----------------------------------------------------------------------------


def test_similarity_basics() -> None:
    a = "The United States signed the minerals deal with Ukraine."
    assert similarity(a, a) == pytest.approx(1.0)
    assert similarity(a, "Rain fell on the hills overnight.") == 0.0
    assert similarity("", a) == 0.0
    near = similarity(a, "Ukraine signs minerals agreement with the United States.")
    far = similarity(a, "Rebels took the city of Goma.")
    assert near > 0.3 > far
    assert similarity(a, "Ukraine signs a deal.") == pytest.approx(
        similarity("Ukraine signs a deal.", a)
    )


def test_closest_counterpart() -> None:
    drc = "Kinshasa wants military equipment from Washington, not American troops."
    ukraine = [
        "The Rada ratified the agreement on 8 May.",
        "Kyiv asked Washington for weapons and military equipment, but no troops were offered.",
        "Ukraine keeps ownership of its subsoil.",
    ]
    index, score = closest(drc, ukraine)  # type: ignore[misc]
    assert index == 1
    assert 0 < score < 1
    assert closest(drc, []) is None
    assert closest(drc, ["Rain fell overnight."]) is None


# --- French -------------------------------------------------------------------------------


def test_every_dimension_has_french_rules() -> None:
    for book in shipped_codebooks().values():
        for dim in book.dimensions:
            assert any(r.language == "fr" for r in dim.rules), (book.id, dim.id)
            assert any(r.language is None for r in dim.rules), (book.id, dim.id)


def test_french_fixtures_are_well_formed() -> None:
    for folder in (FR_DEV, FR_HELDOUT):
        cases = load_fixtures(folder)
        assert len(cases) >= 2
        for name, text, labels in cases:
            assert 250 <= len(text.split()) <= 450, name
            assert [item["sentence"] for item in labels] == [
                text[s:e] for s, e in split_sentences(text, "fr")
            ], name
            for item in labels:
                assert set(item["dimensions"]) <= set(MINERALS_DIMENSIONS), name


def test_precision_and_recall_on_the_french_held_out_articles(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(FR_HELDOUT), language="fr")
    # measured: P 0.908, R 0.932 (tp 69, fp 7, fn 5); before any French rule (first run,
    # scored by overlap because the splitter of the time cut the sentences otherwise)
    # P 0.933, R 0.189
    assert scores.precision() >= 0.89
    assert scores.recall() >= 0.91
    # told nothing, the coder guesses French from the function words: the same figures
    unknown = evaluate(minerals, load_fixtures(FR_HELDOUT))
    assert (unknown.precision(), unknown.recall()) == (scores.precision(), scores.recall())


def test_precision_and_recall_on_the_french_dev_articles(minerals: Codebook) -> None:
    scores = evaluate(minerals, load_fixtures(FR_DEV), language="fr")
    # measured: P 0.961, R 0.974; first run P 0.875, R 0.187
    assert scores.precision() >= 0.94
    assert scores.recall() >= 0.95
    for dim in MINERALS_DIMENSIONS:
        assert scores.recall(dim) >= 0.6, dim


def test_rules_are_picked_by_language(minerals: Codebook) -> None:
    french = (
        "Selon l'ONU, plus de 7 000 personnes ont été tuées depuis janvier dans la région, "
        "et les rebelles du M23 tiennent toujours la ville."
    )
    english = "According to the UN, more than 7,000 people have been killed since January."
    assert rules_for(minerals, "fr") == "fr"
    assert rules_for(minerals, "fr-CA") == "fr"
    assert rules_for(minerals, "en") == "en"
    assert rules_for(minerals, "uk") == "en"  # no Ukrainian rules: the English ones
    assert rules_for(minerals, None, french) == "fr"
    assert rules_for(minerals, None, english) == "en"
    assert rules_for(minerals, None, "Goma.") is None  # no guess: every rule
    fr_rules = {s.rule for s in suggest(french, minerals, "fr")}
    assert fr_rules
    assert all(r.startswith("fr_") for r in fr_rules)
    assert {s.dimension for s in suggest(french, minerals, "fr")} >= {"human_toll", "voices"}
    assert all(not s.rule.startswith("fr_") for s in suggest(english, minerals, "en"))
    # English rules never see a French article: "un" is not the UN
    frames = shipped_codebooks()["policy-frames"]
    assert "external_regulation" not in {
        s.dimension for s in suggest("Un homme a acheté un vélo.", frames, "fr")
    }


def test_french_negation() -> None:
    book = _book([{"id": "tues", "any": ["tu(e|es|ee|ees)"], "negation": True, "language": "fr"}])
    assert suggest("Personne n'a été tué dans l'attaque.", book, "fr") == []
    assert suggest("Aucun civil ne fut tué.", book, "fr") == []
    assert len(suggest("Trois civils ont été tués.", book, "fr")) == 1


def test_french_quotes_count_as_quotes(minerals: Codebook) -> None:
    text = "«\u00a0Nous voulons la paix avant les minerais, voilà tout\u00a0», lance un député."
    assert "voices" in {s.dimension for s in suggest(text, minerals, "fr")}


def test_rule_language_is_validated_and_round_trips() -> None:
    rule = {"id": "r", "any": ["tu(e|es)"], "language": "fr"}
    book = _book([rule])
    assert book.dimensions[0].rules[0].language == "fr"
    assert book.to_dict()["dimensions"][0]["rules"][0] == rule
    assert "language" not in _book([GOOD_RULE]).to_dict()["dimensions"][0]["rules"][0]
    with pytest.raises(InvalidInputError, match="'language' must be a lower-case ISO 639-1"):
        _book([{"id": "r", "any": ["x"], "language": "French"}])
