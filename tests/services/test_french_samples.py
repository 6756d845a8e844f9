"""The French DRC articles written for the samples: French text, French dates, and the
French framing rules code them across the codebook (not only the armed group and the deal)."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from reader.services.compare import compare
from reader.services.importing import import_paths

FRENCH = Path(__file__).resolve().parents[1] / "fixtures" / "samples-fr"


def test_the_french_drc_articles_are_read_as_french_and_coded_widely() -> None:
    with Library.memory() as lib:
        import_paths(lib, sorted(FRENCH.glob("drc-*.md")), parallel=False)
        ids = lib.all_article_ids()
        assert len(ids) == 4
        assert {lib.language_of(i) for i in ids} == {"fr"}
        assert all(lib.get(i).published for i in ids)
        result = compare(lib, "tag:fr", "tag:drc")
        coded = [d.id for d in result.dimensions if d.a]
        assert len(coded) >= 9, coded  # of the 11 dimensions of minerals-for-security
        assert {"human_toll", "sovereignty_ownership", "rival_power", "uncertainty"} <= set(coded)
