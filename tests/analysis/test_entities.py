"""Entity extraction: the seed article, hand-labelled articles, rules, aliases, corrections.

The labelled articles in ``tests/fixtures/entities`` (``*.txt`` with a ``*.json`` listing the
expected entities) were written for these tests with names that are not in the bundled
samples. Precision and recall are measured on distinct ``(name, type)`` pairs per article:
an entity counts as found when the extractor lists it under the expected canonical name with
the expected type.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.expected import SEED_EXPECTED
from helpers.paths import ROOT
from reader.analysis.corrections import Corrections
from reader.analysis.entities import TYPES, Extractor, Mention
from reader.analysis.gazetteer import Entry, Gazetteer, shipped_gazetteer, shipped_gazetteer_path
from reader.library.errors import InvalidInputError

FIXTURES = ROOT / "tests" / "fixtures" / "entities"
SAMPLES = ROOT / "resources" / "samples"

# Just below what the extractor achieves (overall P 0.974, R 0.979 over seven articles).
MIN_PRECISION = 0.96
MIN_RECALL = 0.97
MIN_PER_ARTICLE = 0.85

JUNK = {"However", "Although", "Analysts", "Source", "Despite", "Over", "The", "There", "January"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def entities(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.name, m.type) for m in mentions}


def sample_texts() -> list[str]:
    texts = []
    for path in sorted(SAMPLES.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("---", 2)[2] if text.startswith("---") else text)
    return texts


def labelled() -> list[tuple[str, str, set[tuple[str, str]]]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.txt")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        expected = {(e["name"], e["type"]) for e in labels["entities"]}
        cases.append((path.stem, path.read_text(encoding="utf-8"), expected))
    return cases


# -- the seed article -------------------------------------------------------------------


def test_seed_article_entities(extractor: Extractor, seed_file: Path) -> None:
    found = entities(extractor.extract(seed_file.read_text(encoding="utf-8")))
    assert SEED_EXPECTED <= found, sorted(SEED_EXPECTED - found)


def test_seed_article_has_no_junk(extractor: Extractor, seed_file: Path) -> None:
    mentions = extractor.extract(seed_file.read_text(encoding="utf-8"))
    names = {m.name for m in mentions} | {m.surface for m in mentions}
    assert not names & JUNK
    assert ("America First", "person") not in entities(mentions)
    expected_names = {n for n, _ in SEED_EXPECTED}
    assert not any(m.type == "person" and m.name not in expected_names for m in mentions)
    # Nothing beyond the expected list except the policy name, which is `other`.
    assert entities(mentions) - SEED_EXPECTED <= {("America First", "other")}


def test_seed_article_short_forms(extractor: Extractor, seed_file: Path) -> None:
    mentions = extractor.extract(seed_file.read_text(encoding="utf-8"))
    by_surface = {m.surface: m.name for m in mentions}
    assert by_surface["Trump"] == "Donald Trump"
    assert by_surface["DRC"] == "Democratic Republic of the Congo"
    assert by_surface["US"] == "United States"
    assert by_surface["UN"] == "United Nations"


# -- labelled articles ------------------------------------------------------------------


def test_labelled_articles_are_long_enough() -> None:
    cases = labelled()
    assert len(cases) >= 3
    for name, text, expected in cases:
        assert 300 <= len(text.split()) <= 500, name
        assert {t for _, t in expected} <= set(TYPES), name


def test_precision_and_recall_with_types(extractor: Extractor) -> None:
    tp = fp = fn = 0
    report = []
    for name, text, expected in labelled():
        found = entities(extractor.extract(text))
        a_tp, a_fp, a_fn = len(found & expected), len(found - expected), len(expected - found)
        tp, fp, fn = tp + a_tp, fp + a_fp, fn + a_fn
        precision, recall = a_tp / (a_tp + a_fp), a_tp / (a_tp + a_fn)
        report.append(f"{name}: P={precision:.3f} R={recall:.3f}")
        assert precision >= MIN_PER_ARTICLE, (name, sorted(found - expected))
        assert recall >= MIN_PER_ARTICLE, (name, sorted(expected - found))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= MIN_PRECISION, report
    assert recall >= MIN_RECALL, report


# -- invariants -------------------------------------------------------------------------


def test_mentions_are_sorted_disjoint_and_exact(extractor: Extractor) -> None:
    texts = sample_texts() + [text for _, text, _ in labelled()]
    for text in texts:
        mentions = extractor.extract(text)
        assert mentions
        for m in mentions:
            assert text[m.start : m.end] == m.surface
            assert m.type in TYPES
            assert m.name
        for a, b in zip(mentions, mentions[1:], strict=False):
            assert a.end <= b.start


def test_empty_text(extractor: Extractor) -> None:
    assert extractor.extract("") == []
    assert extractor.extract("   \n\n ") == []


# -- gazetteer, aliases and case --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "name", "type_"),
    [
        ("Talks with the DRC resumed.", "DRC", "Democratic Republic of the Congo", "place"),
        ("Congo has offered minerals.", "Congo", "Democratic Republic of the Congo", "place"),
        ("Bessent arrived on Monday.", "Bessent", "Scott Bessent", "person"),
        ("U.S. officials met.", "U.S.", "United States", "place"),
        ("The US-led talks went on.", "US", "United States", "place"),
        ("Officials in Washington said no.", "Washington", "United States", "place"),
        ("He flew to Washington, D.C. on Friday.", "Washington, D.C.", "Washington, D.C.", "place"),
        ("Goma-based traders were worried.", "Goma", "Goma", "place"),
        ("Gold prices rose.", "Gold", "gold", "commodity"),
        ("They mine COBALT there.", "COBALT", "cobalt", "commodity"),
        ("Analysts in Kiev said so.", "Kiev", "Kyiv", "place"),
        (
            "Fighting in eastern Congo went on.",
            "Congo",
            "Democratic Republic of the Congo",
            "place",
        ),
    ],
)
def test_aliases_and_case(
    extractor: Extractor, text: str, surface: str, name: str, type_: str
) -> None:
    found = {m.surface: (m.name, m.type) for m in extractor.extract(text)}
    assert found.get(surface) == (name, type_), found


@pytest.mark.parametrize(
    "text",
    [
        "Let us congo along.",  # lower-case names are not names
        "Tell us what you think.",
        "The athlete won a gold medal.",
        "They hope to iron out the differences.",
        "Police fired tear gas.",
        "She sells cooking oil.",
        "Read more: https://example.com/congo-gold-deal",
    ],
)
def test_no_false_matches(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text) == []


def test_longest_match_wins(extractor: Extractor) -> None:
    text = "The Democratic Republic of the Congo and South Africa-based firms."
    mentions = extractor.extract(text)
    assert [(m.surface, m.name) for m in mentions] == [
        ("Democratic Republic of the Congo", "Democratic Republic of the Congo"),
        ("South Africa", "South Africa"),
    ]


def test_shipped_gazetteer() -> None:
    gazetteer = shipped_gazetteer()
    assert gazetteer is shipped_gazetteer()  # loaded once
    assert len(gazetteer) > 4000
    assert shipped_gazetteer_path().stat().st_size < 1_200_000
    assert "DRC" in gazetteer.aliases("Democratic Republic of the Congo")
    assert gazetteer.lookup("Trump").name == "Donald Trump"
    assert gazetteer.get("M23").type == "armed_group"
    assert {e.type for e in gazetteer} <= set(TYPES)
    assert gazetteer.is_demonym("Congolese")
    assert gazetteer.is_common("however")
    assert gazetteer.is_first_name("Maria")


def test_custom_gazetteer_and_file_format(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "# test\n@entities\nAcme Mining\torganization\tAcme\ncobalt\tcommodity\t\n"
        "@first_names\nMaria\n@demonyms\nNarnian\n@common\nthe\nhowever\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load(path)
    found = entities(Extractor(gazetteer).extract("Acme said Cobalt from Narnian mines sold."))
    assert found == {("Acme Mining", "organization"), ("cobalt", "commodity")}
    with pytest.raises(ValueError, match="unknown entity type 'planet'"):
        Gazetteer([Entry("X", "planet")])


# -- rules for unknown names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analyst Olena Prykhodko said the deal was fair.", ("Olena Prykhodko", "person")),
        ("The shares of Zambezi Copper Ltd fell.", ("Zambezi Copper Ltd", "organization")),
        ("A new body, the Lake Basin Council, met.", ("Lake Basin Council", "organization")),
        ("The Ngoma Defence Front rebels took the town.", ("Ngoma Defence Front", "armed_group")),
        ("Displaced families arrived in Kashebere overnight.", ("Kashebere", "place")),
        ("The Kasuku Mineral Tracker published figures.", ("Kasuku Mineral Tracker", "other")),
        ("Kasongo Nduwimana, an economist, disagreed.", ("Kasongo Nduwimana", "person")),
        ("He joined the Ministry of Mines last year.", ("Ministry of Mines", "organization")),
    ],
)
def test_rules_for_unknown_names(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert expected in entities(extractor.extract(text))


def test_unknown_names_are_never_guessed_persons(extractor: Extractor) -> None:
    found = entities(extractor.extract("Officials said Kashagan Tembo Works had stopped."))
    assert ("Kashagan Tembo Works", "organization") in found
    found = entities(extractor.extract("The report named Mbeza Kilolo as a concern."))
    assert found == {("Mbeza Kilolo", "other")}


def test_sentence_initial_months_and_common_words_are_not_entities(extractor: Extractor) -> None:
    text = (
        "However, talks stalled. Although prices rose in January, nothing changed on Monday. "
        "Despite this, Western buyers and Congolese officials met. Source: the ministry."
    )
    assert extractor.extract(text) == []


def test_short_forms_join_within_the_article(extractor: Extractor) -> None:
    text = (
        "Maria Kovalenko, an analyst at Dnipro Capital Partners, spoke first. "
        "Kovalenko said the fund was small. The Kharkiv Tractor Works (KTW) is idle; "
        "KTW employs 900 people. Félix Tshisekedi travelled; Tshisekedi returned."
    )
    by_surface = {m.surface: m.name for m in extractor.extract(text)}
    assert by_surface["Kovalenko"] == "Maria Kovalenko"
    assert by_surface["KTW"] == "Kharkiv Tractor Works"
    assert by_surface["Tshisekedi"] == "Félix Tshisekedi"
    assert by_surface["Dnipro Capital Partners"] == "Dnipro Capital Partners"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He demanded $500bn in return.", "$500bn"),
        ("It mines about 70% of the world's cobalt.", "70%"),
        ("A loan of up to $553m was signed.", "$553m"),
        ("Some 450,000 people were left without shelter.", "450,000"),
        ("The measure was backed by 338 lawmakers.", "338"),
        ("Over 7,000 individuals have died.", "7,000"),
        ("It pledged $1.2 billion.", "$1.2bn"),
        ("Output rose 12 per cent.", "12%"),
        ("The fund has €40m.", "€40m"),
        ("About 1.5 million people fled.", "1.5 million"),
    ],
)
def test_figures(extractor: Extractor, text: str, name: str) -> None:
    figures = [m.name for m in extractor.extract(text) if m.type == "figure"]
    assert figures == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The 1994 genocide was recalled on 27 January 2025.",
        "A 1,300 km railway carries 4.6 million tonnes a year.",
        "They won 2-1 in the 89th minute, 40 years later.",
        "The chamber has 450 seats and 90 camps for displaced families.",
    ],
)
def test_not_figures(extractor: Extractor, text: str) -> None:
    assert [m.surface for m in extractor.extract(text) if m.type == "figure"] == []


# -- corrections ------------------------------------------------------------------------

TEXT = (
    "US President Donald Trump met Signal Risk analysts. Trump said Congo and the DRC "
    "would sell coltan. Source Mining Ltd declined to comment."
)


def names(corrections: Corrections, text: str = TEXT) -> set[tuple[str, str]]:
    return entities(Extractor(corrections=corrections).extract(text))


def test_rename() -> None:
    found = names(Corrections(renames={"Donald Trump": "Donald J. Trump"}))
    assert ("Donald J. Trump", "person") in found
    assert not any(n == "Donald Trump" for n, _ in found)


def test_retype() -> None:
    found = names(Corrections(retypes={"Signal Risk": "other"}))
    assert ("Signal Risk", "other") in found


def test_merge_makes_an_alias_and_takes_the_target_type() -> None:
    found = names(Corrections(merges={"Signal Risk": "United States"}))
    assert ("United States", "place") in found
    assert not any(n == "Signal Risk" for n, _ in found)
    assert Corrections(merges={"A": "B", "C": "A"}).aliases_of("B") == ["A", "C"]


def test_hide() -> None:
    found = names(Corrections(hidden={"Democratic Republic of the Congo", "coltan"}))
    assert not any(n in ("Democratic Republic of the Congo", "coltan") for n, _ in found)
    assert ("Donald Trump", "person") in found


def test_add_marks_every_occurrence_at_word_boundaries() -> None:
    text = "Bisie tin goes to Kalay. Kalay traders, not Kalayan ones, buy from Kalay."
    mentions = Extractor(corrections=Corrections(added={"Kalay": "place"})).extract(text)
    kalay = [m for m in mentions if m.name == "Kalay"]
    assert [m.surface for m in kalay] == ["Kalay"] * 3
    assert all(m.type == "place" for m in kalay)


def test_add_wins_over_known_names() -> None:
    corrections = Corrections(added={"Trump said": "other"})
    found = names(corrections)
    assert ("Trump said", "other") in found


def test_chains_resolve() -> None:
    corrections = Corrections(
        merges={"DRC people": "Donald Trump"},
        renames={"Donald Trump": "President Trump"},
        added={"Source Mining Ltd": "organization"},
    )
    corrections.merge("Source Mining Ltd", "Signal Risk")
    corrections.rename("Signal Risk", "Signal Risk Africa")
    found = names(corrections)
    assert ("President Trump", "person") in found
    assert ("Signal Risk Africa", "organization") in found
    assert not any(n in ("Signal Risk", "Source Mining Ltd") for n, _ in found)
    assert corrections.chain("Source Mining Ltd") == [
        "Source Mining Ltd",
        "Signal Risk",
        "Signal Risk Africa",
    ]


def test_hiding_a_merge_target_hides_what_was_merged_into_it() -> None:
    corrections = Corrections(merges={"Signal Risk": "Risk Co"}, hidden={"Risk Co"})
    assert not any(n in ("Signal Risk", "Risk Co") for n, _ in names(corrections))


def test_cycles_stop() -> None:
    corrections = Corrections(merges={"A": "B"}, renames={"B": "A"})
    assert corrections.resolve("A") == "B"
    assert corrections.resolve("B") == "A"


def test_rows_round_trip() -> None:
    corrections = Corrections(
        renames={"A": "B"},
        retypes={"B": "place"},
        merges={"C": "B"},
        hidden={"D"},
        added={"E F": "organization"},
    )
    rows = corrections.to_rows()
    assert ("hide", "D", "") in rows
    assert Corrections.from_rows(rows) == corrections
    assert not Corrections()
    assert corrections


def test_bad_corrections_raise() -> None:
    with pytest.raises(InvalidInputError, match="unknown entity type 'planet'"):
        Corrections(retypes={"A": "planet"})
    with pytest.raises(InvalidInputError, match="unknown correction kind 'explode'"):
        Corrections.from_rows([("explode", "A", "B")])
    with pytest.raises(InvalidInputError, match="into itself"):
        Corrections().merge("A", "A")


# -- layering ---------------------------------------------------------------------------


def test_import_stays_light() -> None:
    code = (
        "import sys, reader.analysis.entities; "
        "assert 'PySide6' not in sys.modules; "
        "assert 'reader.analysis.entities' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_apply_for_stored_mentions() -> None:
    corrections = Corrections(merges={"DRC people": "Congo"}, hidden={"X"}, retypes={"Y": "place"})
    types = {"Congo": "place"}.get
    assert corrections.apply("DRC people", "other", types) == ("Congo", "place")
    assert corrections.apply("X", "other", types) is None
    assert corrections.apply("Y", "other", types) == ("Y", "place")
    assert corrections.apply("Z", "person", types) == ("Z", "person")


# -- French, and English news on any topic ----------------------------------------------

sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_entities import score  # noqa: E402


def test_french_and_general_sets_are_well_formed() -> None:
    from bench_entities import SETS, labelled

    for set_name in ("fr-dev", "fr-heldout", "general-dev", "general-heldout"):
        folder, _ = SETS[set_name]
        cases = labelled(folder)
        assert len(cases) >= (3 if set_name.startswith("fr") else 1), set_name
        for name, text, expected in cases:
            assert 250 <= len(text.split()) <= 450, name
            assert {t for _, t in expected} <= set(TYPES), name
    assert len(labelled(SETS["general-heldout"][0])) >= 2


def test_french_held_out_articles(extractor: Extractor) -> None:
    # Measured: recall 1.000, precision 1.000, no junk; before any French rule (first run)
    # recall 0.677, precision 0.713, 9 junk entities. See tests/fixtures/entities/README.md.
    result = score("fr-heldout", extractor)
    assert result["recall"] >= 0.97
    assert result["precision"] >= 0.96
    assert result["junk"] == 0


def test_french_dev_articles(extractor: Extractor) -> None:
    result = score("fr-dev", extractor)  # measured: R 0.982, P 0.982 (first run R 0.550)
    assert result["recall"] >= 0.96
    assert result["precision"] >= 0.96
    assert result["junk"] == 0


def test_english_articles_told_their_language(extractor: Extractor) -> None:
    result = score("english", extractor)  # the same as without a language: R 0.979, P 0.974
    assert result["recall"] >= MIN_RECALL
    assert result["precision"] >= MIN_PRECISION


def test_general_news_held_out(extractor: Extractor) -> None:
    # Strict F1 over people, organisations and places; measured 0.747 (P 0.810, R 0.694),
    # first run 0.719 (P 0.800, R 0.653).
    assert score("general-heldout", extractor)["strict_f1"] >= 0.73


def fr(text: str) -> list[Mention]:
    return Extractor().extract(text, language="fr")


def test_function_words_never_start_a_name() -> None:
    text = (
        "Selon Kinshasa, la situation empire. Les Congolais attendent. Pour Washington, "
        "rien ne change. Cette Mission n'a rien vu. Des Américains sont arrivés à Goma."
    )
    found = entities(fr(text))
    assert found == {
        ("Kinshasa", "place"),
        ("United States", "place"),
        ("Goma", "place"),
    }, found


def test_elided_articles_are_not_glued_to_names() -> None:
    text = "L'Ouganda et l'Angola soutiennent l'AFC/M23 selon d'Uvira. L'ONU proteste."
    by_surface = {m.surface: (m.name, m.type) for m in fr(text)}
    assert by_surface["Ouganda"] == ("Uganda", "place")
    assert by_surface["Angola"] == ("Angola", "place")
    assert by_surface["AFC/M23"] == ("M23", "armed_group")
    assert by_surface["Uvira"] == ("Uvira", "place")
    assert by_surface["ONU"] == ("United Nations", "organization")
    assert not any(m.surface.lower().startswith(("l'", "d'", "l’")) for m in fr(text))


def test_french_names_are_one_entity_with_the_english_ones() -> None:
    french = entities(fr("Les États-Unis, la RDC, la Chine et les Nations unies ont signé."))
    english = entities(
        Extractor().extract("The United States, the DRC, China and the UN signed.", "en")
    )
    assert (
        french
        == english
        == {
            ("United States", "place"),
            ("Democratic Republic of the Congo", "place"),
            ("China", "place"),
            ("United Nations", "organization"),
        }
    )


def test_particles_stay_inside_names() -> None:
    text = (
        "La Banque centrale du Congo a relevé son taux. La Fédération des entreprises du "
        "Kasaï proteste, comme le Mouvement du 23 mars et la République démocratique du Congo."
    )
    found = entities(fr(text))
    assert ("Banque centrale du Congo", "organization") in found
    assert ("Fédération des entreprises du Kasaï", "organization") in found
    assert ("M23", "armed_group") in found
    assert ("Democratic Republic of the Congo", "place") in found


def test_french_people_and_places_by_context() -> None:
    text = (
        "Le ministre Jean Kabeya a reçu M. Paul Mbemba. Marc Delvaux, consultant belge, "
        "vit dans le quartier de Himbi, près de Kalehe. Selon Mme Aline Tshala, "
        "chercheuse à l'Institut congolais de la mine, rien n'est joué."
    )
    found = entities(fr(text))
    assert {
        ("Jean Kabeya", "person"),
        ("Paul Mbemba", "person"),
        ("Marc Delvaux", "person"),
        ("Himbi", "place"),
        ("Aline Tshala", "person"),
        ("Institut congolais de la mine", "organization"),
    } <= found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il a payé 1 500 dollars.", "$1,500"),
        ("Il a payé 1\u202f500 dollars.", "$1,500"),
        ("Il a payé 1\u00a0500 dollars.", "$1,500"),
        ("Un prêt de 2,5 millions de dollars.", "$2.5m"),
        ("Un fonds de 553 millions de dollars.", "$553m"),
        ("Une aide de 1,5 milliard de dollars.", "$1.5bn"),
        ("Deux millions de personnes ont faim.", "2 million"),
        ("On compte 12 000 déplacés.", "12,000"),
        ("Quelque 7\u202f000 morts.", "7,000"),
        ("Il fournit 15\u202f% du tantale.", "15%"),
        ("Il produit 70 pour cent du cobalt.", "70%"),
        ("Le kilo coûte 1 500 francs congolais.", "CDF 1,500"),
        ("Ils ont perdu 3 millions d'euros.", "€3m"),
    ],
)
def test_french_figures(text: str, name: str) -> None:
    assert [m.name for m in fr(text) if m.type == "figure"] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "La ligne de 1 300 kilomètres transporte 4,6 millions de tonnes par an.",
        "Le 27 juin 2025, après 90 jours, en septembre 2024.",
        "Les 90 camps de déplacés ont brûlé.",
    ],
)
def test_french_not_figures(text: str) -> None:
    assert [m.surface for m in fr(text) if m.type == "figure"] == []


def test_french_commodities() -> None:
    found = entities(fr("Le cuivre, l'étain, la cassitérite, le tantale et l'or du Kivu."))
    assert {
        ("copper", "commodity"),
        ("tin", "commodity"),
        ("cassiterite", "commodity"),
        ("tantalum", "commodity"),
        ("gold", "commodity"),
    } <= found
    # "Or," opens a sentence: a conjunction, not gold; and "or" is English for "or"
    assert not entities(fr("Or, la situation reste tendue."))
    assert {m.surface for m in Extractor().extract("Copper or tin.", "en")} == {"Copper", "tin"}


def test_upper_case_datelines_name_the_place() -> None:
    text = (
        "NAIROBI, March 3 (Reuters) - Judges met.\n\n"
        "ZWOLLENBERG, March 4 (Reuters) - Nothing happened.\n\n"
        "GOMA, 8 février 2025 — Les rebelles sont entrés dans la ville."
    )
    by_surface = {m.surface: (m.name, m.type) for m in Extractor().extract(text)}
    assert by_surface["NAIROBI"] == ("Nairobi", "place")
    assert by_surface["ZWOLLENBERG"] == ("Zwollenberg", "place")
    assert by_surface["GOMA"] == ("Goma", "place")


def test_names_with_particles_are_kept_whole() -> None:
    text = (
        "Shipping executive Abdullahi bin Rashid al-Amin was freed. His lawyer, Peter van "
        "Wyk, spoke. Al-Amin denies the charges; defender Jurriën van der Berg signed. "
        "Van der Berg's agent agreed."
    )
    mentions = Extractor().extract(text, "en")
    by_surface = {m.surface: m.name for m in mentions}
    assert by_surface["Abdullahi bin Rashid al-Amin"] == "Abdullahi bin Rashid al-Amin"
    assert by_surface["Peter van Wyk"] == "Peter van Wyk"
    assert by_surface["Al-Amin"] == "Abdullahi bin Rashid al-Amin"
    assert by_surface["Van der Berg"] == "Jurriën van der Berg"


def test_acronyms_join_their_expansion() -> None:
    text = (
        "The Kenya Ports Directorate (KPD) said on Monday it would appeal. KPD officials met. "
        "Le Bureau de la coordination des affaires humanitaires de l'ONU (OCHA) alerte."
    )
    found = {m.surface: m.name for m in Extractor().extract(text)}
    assert found["KPD"] == "Kenya Ports Directorate"
    found_fr = {m.surface: m.name for m in fr(text)}
    assert found_fr["OCHA"] == "OCHA"
    assert "OCHA" in {m.name for m in fr(text) if "Bureau" in m.surface}
