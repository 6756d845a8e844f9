"""The French DRC sample articles that ship in ``resources/samples`` (issue 14, item 5):
tagged ``drc`` and ``fr``, read as French (by the front matter and by detection alone), their
dates read, and the French framing rules code them across the codebook, so the default
comparison's DRC side gains from them (not only the armed group and the deal)."""

from __future__ import annotations

from pathlib import Path

from helpers.samples import SAMPLE_COUNT, count_tagged, front_matter, tagged
from reader.analysis.languages import detect_language
from reader.ingest.markdown_file import split_front_matter
from reader.library import Library
from reader.services.compare import compare
from reader.services.importing import import_paths
from reader.services.samples import load_samples

FRENCH = tagged("fr")


def test_at_least_four_french_samples_ship_on_the_drc_track() -> None:
    assert len(FRENCH) >= 4
    assert all(path.name.startswith("drc-") for path in FRENCH)
    assert count_tagged("drc") > count_tagged("fr")  # English DRC articles stay alongside


def test_the_shipped_french_samples_are_read_as_french_with_their_dates() -> None:
    with Library.memory() as lib:
        load_samples(lib)
        assert lib.count() == SAMPLE_COUNT
        french = lib.article_ids(tag="fr")
        assert len(french) == len(FRENCH)
        assert {lib.language_of(i) for i in french} == {"fr"}
        assert set(lib.article_ids(tag="drc")) >= set(french)
        published = {}
        for article_id in french:
            article = lib.get(article_id)
            assert article is not None
            published[article.title] = article.published
        for path in FRENCH:
            meta = front_matter(path)
            assert published[meta["title"]] == meta["date"].isoformat(), path.name


def test_the_french_samples_are_detected_as_french_without_their_language_line(
    tmp_path: Path,
) -> None:
    stripped = []
    for path in FRENCH:
        text = path.read_text(encoding="utf-8")
        _, body = split_front_matter(text)
        assert detect_language(body) == "fr", path.name
        copy = tmp_path / path.name
        copy.write_text(text.replace("language: fr\n", ""), encoding="utf-8")
        assert "language:" not in copy.read_text(encoding="utf-8")
        stripped.append(copy)
    with Library.memory() as lib:
        import_paths(lib, stripped, parallel=False)
        ids = lib.all_article_ids()
        assert len(ids) == len(FRENCH)
        assert {lib.language_of(i) for i in ids} == {"fr"}
        dated = [article.published for i in ids if (article := lib.get(i)) is not None]
        assert len(dated) == len(ids)
        assert all(dated), dated


def test_the_french_rules_code_the_french_samples_widely() -> None:
    with Library.memory() as lib:
        load_samples(lib)
        result = compare(lib, "tag:fr", "tag:drc")
        coded = [d.id for d in result.dimensions if d.a]
        assert len(coded) >= 9, coded  # of the 11 dimensions of minerals-for-security
        assert {"human_toll", "sovereignty_ownership", "rival_power", "uncertainty"} <= set(coded)


def test_every_french_sample_adds_evidence_to_the_default_comparison() -> None:
    with Library.memory() as lib:
        load_samples(lib)
        french = set(lib.article_ids(tag="fr"))
        result = compare(lib, "tag:ukraine", "tag:drc")
        assert french <= set(result.b.articles)
        dimensions: dict[int, set[str]] = {i: set() for i in french}
        for dimension in result.dimensions:
            for evidence in dimension.b:
                if evidence.article_id in french:
                    dimensions[evidence.article_id].add(dimension.id)
        # measured: 6 to 10 of the 11 dimensions for each French article (English: 8 to 10)
        assert all(len(found) >= 5 for found in dimensions.values()), dimensions
        assert set().union(*dimensions.values()) == {d.id for d in result.dimensions}
