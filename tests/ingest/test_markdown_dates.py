"""Front-matter dates in Markdown (issue 14): written out in French, numeric by the front
matter's language, and in range like every other date."""

from __future__ import annotations

import pytest

from reader.ingest.markdown_file import parse_markdown

BODY = "\n\nLes combats ont repris près de Goma, selon des sources locales.\n"


@pytest.mark.parametrize(
    ("front", "published"),
    [
        ("date: 5 mars 2025", "2025-03-05"),  # was stored as 2025-05-01
        ("date: le 1er juillet 2025", "2025-07-01"),
        ("date: 2025-03-05", "2025-03-05"),  # YAML reads it as a date
        ("date: 2025-03-05 10:30:00", "2025-03-05"),  # and this as a timestamp
        ("published: 14 березня 2025", "2025-03-14"),
        ("date: 05/03/2025\nlanguage: fr", "2025-03-05"),
        ("date: 05/03/2025\nlanguage: en", "2025-05-03"),
        ("date: 1850-01-01", None),
        ("date: 5 mars", None),
    ],
)
def test_front_matter_dates(front: str, published: str | None) -> None:
    draft = parse_markdown(f"---\ntitle: Goma\n{front}\n---{BODY}")
    assert draft.published == published


def test_front_matter_language_is_kept_as_written() -> None:
    draft = parse_markdown(f"---\nlanguage: fr-CD\n---{BODY}")
    assert draft.language == "fr-CD"  # the import step makes it "fr"
