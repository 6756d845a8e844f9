"""A time zone after a clock time is not an entity ("1200 hrs EST", "at 1600 GMT"): English
``words.common`` in resources/languages/en lists the zones news gives (Reuters-21578 had 277
such mentions typed "other"). Names that merely contain the letters stay names."""

from __future__ import annotations

import pytest

from reader.analysis.entities import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "Bids close at 1500 hrs EST on the third of the month.",
        "Trading in the bonds resumed at 0830 GMT after a short halt.",
        "The announcement is expected at 4 p.m. EDT on Tuesday.",
        "Markets in Frankfurt shut at 1730 CET.",
    ],
)
def test_a_time_zone_is_not_an_entity(extractor: Extractor, text: str) -> None:
    surfaces = {m.surface for m in extractor.extract(text, "en")}
    assert not surfaces & {"EST", "GMT", "EDT", "CET"}, surfaces


def test_a_company_with_those_letters_keeps_its_name(extractor: Extractor) -> None:
    found = {(m.surface, m.type) for m in extractor.extract("Shares of EST Group fell.", "en")}
    assert ("EST Group", "organization") in found
