"""English entities on news of any topic: datelines, hyphenated and particle names,
acronyms joined to their expansion, context rules, and the general-news labelled sets.

The sets ``general-tune`` (tuned on), ``general-heldout2`` and ``general-heldout3`` (only
ever scored) are in ``tests/fixtures/entities/general/n-*``; see the README there.
"""

from __future__ import annotations

import sys

import pytest

from helpers.paths import ROOT
from reader.analysis.entities import Extractor
from reader.analysis.languages import language_for
from reader.analysis.sentences import split_sentences

sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_entities import SETS, labelled, score


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def found(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(m.name, m.type) for m in extractor.extract(text, language="en")}


def surfaces(extractor: Extractor, text: str) -> set[str]:
    return {m.surface for m in extractor.extract(text, language="en")}


# -- datelines -------------------------------------------------------------------------


def test_dateline_without_a_comma_names_its_place(extractor: Extractor) -> None:
    got = found(extractor, "WASHINGTON (Reuters) - The Senate voted on Tuesday.")
    assert ("United States", "place") in got
    assert not any(name.isupper() and len(name) > 3 for name, _ in got)


def test_every_place_of_a_slashed_dateline(extractor: Extractor) -> None:
    text = "JEDDAH, Saudi Arabia/KHARTOUM, Aug 2 (Reuters) - Talks resumed on Friday."
    got = found(extractor, text)
    assert {("Jeddah", "place"), ("Saudi Arabia", "place"), ("Khartoum", "place")} <= got
    assert "KHARTOUM" not in {name for name, _ in got}


def test_the_story_after_a_dateline_starts_a_sentence(extractor: Extractor) -> None:
    text = "VALENCIA, Spain, Oct 8 (Reuters) - Torrential rain cut rail links to Barcelona."
    names = {name for name, _ in found(extractor, text)}
    assert "Torrential" not in names
    assert {"Valencia", "Spain", "Barcelona"} <= names


# -- names kept whole ------------------------------------------------------------------


def test_lower_case_hyphenated_given_names_stay_whole(extractor: Extractor) -> None:
    got = found(extractor, "The company said chief executive Park Ji-hoon would stay.")
    assert ("Park Ji-hoon", "person") in got
    # ... while "Oslo-based" is still the place and no name of its own
    got = surfaces(extractor, "She works for an Oslo-based fund and a Kremlin-run bank.")
    assert "Oslo" in got
    assert not any("-" in s for s in got)


def test_a_common_first_name_still_starts_the_name(extractor: Extractor) -> None:
    got = found(extractor, "Mayor Maria Jose Catala of Valencia said the centre was safe.")
    assert ("Maria Jose Catala", "person") in got
    assert ("Jose Catala", "person") not in got


def test_the_surname_with_its_particle_joins_the_full_name(extractor: Extractor) -> None:
    text = (
        "Striker Gustavo Nunes da Silva scored twice.\n\n"
        "Nunes da Silva, who joined in January, now has 14 goals."
    )
    mentions = extractor.extract(text, language="en")
    assert {m.name for m in mentions if m.type == "person"} == {"Gustavo Nunes da Silva"}
    assert [m.surface for m in mentions] == ["Gustavo Nunes da Silva", "Nunes da Silva"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Crown Prince Mohammed bin Salman met the envoy.", "Mohammed bin Salman"),
        ("The coach Jorge dos Santos arrived on Monday.", "Jorge dos Santos"),
        ("Aid worker Yusuf ibn Rashid al-Amri, who was held, is well.", "Yusuf ibn Rashid al-Amri"),
        ("Defender Joaquim van Dijk scored a header.", "Joaquim van Dijk"),
    ],
)
def test_particles_inside_names(extractor: Extractor, sentence: str, name: str) -> None:
    assert (name, "person") in found(extractor, sentence)


# -- acronyms and organisations --------------------------------------------------------


def test_an_acronym_joins_its_expansion_by_initials(extractor: Extractor) -> None:
    text = (
        "Sudan's army and the paramilitary Rapid Support Forces returned to talks.\n\n"
        "The RSF team is led by a senior adviser."
    )
    mentions = extractor.extract(text, language="en")
    rsf = [m for m in mentions if m.surface in ("Rapid Support Forces", "RSF")]
    assert [(m.surface, m.name, m.type) for m in rsf] == [
        ("Rapid Support Forces", "Rapid Support Forces", "armed_group"),
        ("RSF", "Rapid Support Forces", "armed_group"),
    ]


def test_an_acronym_in_brackets_after_a_confederation(extractor: Extractor) -> None:
    text = "The Brazilian Football Confederation (CBF) said it would act. The CBF fined them."
    mentions = extractor.extract(text, language="en")
    assert {(m.surface, m.name) for m in mentions} == {
        ("Brazilian Football Confederation", "Brazilian Football Confederation"),
        ("CBF", "Brazilian Football Confederation"),
    }


def test_an_authority_on_a_topic_is_one_organisation(extractor: Extractor) -> None:
    text = "The Intergovernmental Authority on Development said it backed the talks."
    assert ("Intergovernmental Authority on Development", "organization") in found(extractor, text)


def test_a_word_in_capitals_with_evidence_is_no_common_word(extractor: Extractor) -> None:
    assert ("ING", "organization") in found(extractor, "Analysts at the Dutch bank ING said.")


def test_sports_results_make_teams_organisations(extractor: Extractor) -> None:
    got = found(extractor, "In the league, Flamengo beat Palmeiras 2-1 on Saturday.")
    assert {("Flamengo", "organization"), ("Palmeiras", "organization")} <= got
    # a player named in full stays a person
    got = found(extractor, "In the semi-final, Amelia Hartley beat Jana Novotna 6-4.")
    assert ("Amelia Hartley", "person") in got


def test_heads_of_foreign_names_and_a_think_tank(extractor: Extractor) -> None:
    text = (
        "The regional government, the Generalitat Valenciana, spoke to Grupo Globo about "
        "protests on the Avenida Presidente Vargas, said a fellow of the Confluence "
        "Advisory think tank."
    )
    got = found(extractor, text)
    assert {
        ("Generalitat Valenciana", "organization"),
        ("Grupo Globo", "organization"),
        ("Avenida Presidente Vargas", "place"),
        ("Confluence Advisory", "organization"),
    } <= got


# -- the labelled general-news sets ----------------------------------------------------


@pytest.mark.parametrize("set_name", ["general-heldout2", "general-heldout3"])
def test_the_held_out_news_sets_are_large_enough(set_name: str) -> None:
    articles = labelled(SETS[set_name][0])
    sentences = sum(len(split_sentences(t, language_for("en", t))) for _, t, _ in articles)
    assert len(articles) >= 11
    assert sentences >= 120


def test_general_tune_strict_f1(extractor: Extractor) -> None:
    # First run 0.765; after the rules tuned on it 0.937.
    assert score("general-tune", extractor)["strict_f1"] >= 0.92


@pytest.mark.parametrize(
    ("set_name", "floor"), [("general-heldout2", 0.83), ("general-heldout3", 0.84)]
)
def test_general_held_out_strict_f1(extractor: Extractor, set_name: str, floor: float) -> None:
    # Scored only: 0.844 and 0.852 (see the README); the issue asks for >= 0.75.
    result = score(set_name, extractor)
    assert result["strict_f1"] >= floor
    assert result["junk"] == 0
