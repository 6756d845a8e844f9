"""The comparison for one coder or every coder, with conflict copies left out of the counts."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.coders import set_coder
from reader.library.errors import NotFoundError
from reader.services.compare import Comparison, compare, compare_coders, to_markdown
from reader.services.framing import code_passage, codebook_for, coding
from reader.services.samples import load_samples


@pytest.fixture
def two_coders(library: Library) -> tuple[Library, list[int]]:
    """Samples coded by the rules as Amani's, then three manual codings by Olena."""
    load_samples(library)
    set_coder(library, "Amani")
    compare(library)  # the rules run: Amani's suggestions
    set_coder(library, "Olena")
    book = codebook_for(library)
    made = []
    for article in library.article_ids(tag="drc")[:3]:
        made.append(code_passage(library, article, "voices", codebook=book, start=0, end=40))
    return library, made


def _count(result: Comparison, dimension: str | None = None) -> int:
    return sum(
        len(d.a) + len(d.b) for d in result.dimensions if dimension is None or d.id == dimension
    )


def _coders_of(result: Comparison) -> set[str | None]:
    return {e.coder for d in result.dimensions for side in ("a", "b") for e in d.side(side)}


def test_one_coder_or_all(two_coders: tuple[Library, list[int]]) -> None:
    library, made = two_coders
    assert compare_coders(library) == ["Amani", "Olena"]
    every = compare(library)
    amani = compare(library, coder="Amani")
    olena = compare(library, coder="Olena")
    assert (every.coder, amani.coder, olena.coder) == (None, "Amani", "Olena")
    assert _coders_of(amani) == {"Amani"}
    assert _coders_of(olena) == {"Olena"}
    assert _coders_of(every) == {"Amani", "Olena"}
    assert _count(olena) == len(made) == _count(olena, "voices")
    assert _count(every) == _count(amani) + _count(olena)
    voices = olena.dimension("voices")
    assert voices is not None
    assert {e.coding_id for e in voices.b} == set(made)
    assert voices.a == ()
    assert voices.only == "b"
    # the counterparts are paired within the coder's own evidence
    assert all(e.counterpart is None for e in voices.b)
    data = olena.to_json()
    assert list(data)[:5] == ["codebook", "a", "b", "dimensions", "entities"]
    assert (data["coder"], data["conflict_copies"]) == ("Olena", 0)
    [voices_json] = [d for d in data["dimensions"] if d["id"] == "voices"]
    assert {e["coder"] for e in voices_json["b"]} == {"Olena"}
    assert "Coder: **Olena**." in to_markdown(olena)


def test_an_unknown_coder_is_one_clear_error(two_coders: tuple[Library, list[int]]) -> None:
    library, _made = two_coders
    with pytest.raises(NotFoundError, match="no coder 'Nobody'.*Amani, Olena"):
        compare(library, coder="Nobody")


def test_conflict_copies_are_left_out_and_counted(
    two_coders: tuple[Library, list[int]],
) -> None:
    library, made = two_coders
    before = compare(library)
    original = coding(library, made[0])
    assert original is not None
    assert original.uid
    copy_id = made[1]  # stands for the other side's version, kept beside the original
    with library.transaction():
        library.db.execute(
            "UPDATE codings SET conflict_of = ? WHERE id = ?", [original.uid, copy_id]
        )
    after = compare(library)
    assert after.conflict_copies == 1
    assert before.conflict_copies == 0
    assert _count(after) == _count(before) - 1
    shown = {e.coding_id for d in after.dimensions for e in (*d.a, *d.b)}
    assert copy_id not in shown
    assert made[0] in shown
    assert compare(library, coder="Olena").conflict_copies == 1
    assert compare(library, coder="Amani").conflict_copies == 0
    assert "1 conflict copy is not counted." in to_markdown(after)
