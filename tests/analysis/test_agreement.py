"""Cohen's kappa between two coders, checked against a table computed by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.analysis.agreement import Table, agreement, cohen_kappa
from reader.analysis.sentences import split_sentences

TEXT = " ".join(
    f"Sentence number {w} stands here."
    for w in ("one two three four five six seven eight nine ten".split())
)


@dataclass(frozen=True)
class C:
    article_id: int
    dimension: str
    start: int
    end: int
    status: str = "accepted"


def _on(spans: list[tuple[int, int]], dim: str, which: list[int], article: int = 1) -> list[C]:
    return [C(article, dim, *spans[i]) for i in which]


def test_the_hand_computed_example() -> None:
    spans = split_sentences(TEXT, "en")
    assert len(spans) == 10
    # actor: A codes sentences 0-3, B codes 0, 1, 2, 4, 5:
    #   both 3, only A 1, only B 2, neither 4; p_o = 0.7, p_a = 0.4, p_b = 0.5,
    #   p_e = 0.4 * 0.5 + 0.6 * 0.5 = 0.5, kappa = (0.7 - 0.5) / 0.5 = 0.4
    # cause: both code sentence 6 only: p_o = 1, p_e = 0.01 + 0.81 = 0.82, kappa = 1
    # overall (20 units): both 4, only A 1, only B 2, neither 13; p_o = 0.85,
    #   p_a = 0.25, p_b = 0.3, p_e = 0.075 + 0.525 = 0.6, kappa = 0.25 / 0.4 = 0.625
    a = _on(spans, "actor", [0, 1, 2, 3]) + _on(spans, "cause", [6])
    b = _on(spans, "actor", [0, 1, 2, 4, 5]) + _on(spans, "cause", [6])
    result = agreement({1: (TEXT, "en")}, a, b)
    assert result.dimensions["actor"] == Table(3, 1, 2, 4)
    assert result.dimensions["actor"].kappa == pytest.approx(0.4)
    assert result.dimensions["cause"].kappa == pytest.approx(1.0)
    assert result.overall == Table(4, 1, 2, 13)
    assert result.overall.kappa == pytest.approx(0.625)
    out = result.as_json()
    assert out["dimensions"][0] == {
        "id": "actor",
        "kappa": 0.4,
        "both": 3,
        "only_a": 1,
        "only_b": 2,
        "neither": 4,
    }
    assert out["overall"] == 0.625


def test_undefined_and_empty() -> None:
    assert cohen_kappa(0, 0, 0, 10) is None  # nobody coded anything: p_e = 1
    assert cohen_kappa(10, 0, 0, 0) is None
    assert cohen_kappa(0, 0, 0, 0) is None
    assert cohen_kappa(0, 5, 5, 0) == pytest.approx(-1.0)


def test_only_articles_both_reviewed_count() -> None:
    spans = split_sentences(TEXT, "en")
    a = _on(spans, "actor", [0]) + _on(spans, "actor", [0], article=2)
    b = [*_on(spans, "actor", [0]), C(3, "actor", 0, 5, "rejected")]
    b.append(C(2, "actor", *spans[0], status="suggested"))  # never looked at: not reviewed
    result = agreement({1: (TEXT, "en"), 2: (TEXT, "en"), 3: (TEXT, "en")}, a, b)
    assert result.articles == 1
    assert result.sentences == 10
    assert result.dimensions["actor"] == Table(1, 0, 0, 9)


def test_between_two_libraries_through_a_pack(tmp_path: Path) -> None:
    from reader.library import Library, coders, codings
    from reader.library.anchors import make_anchor
    from reader.library.draft import Draft
    from reader.services import packs

    a, b = Library.open(tmp_path / "a.sqlite"), Library.open(tmp_path / "b.sqlite")
    coders.set_coder(a, "Amani")
    coders.set_coder(b, "Bohdan")
    aid = a.add_article(Draft(title="t", text=TEXT, language="en"))
    packs.import_pack(b, Path(packs.export_pack(a, tmp_path / "a.fieldpack")["file"]))
    bid = b.all_article_ids()[0]
    spans = split_sentences(TEXT, "en")
    for lib, art, which in ((a, aid, [0, 1, 2, 3]), (b, bid, [0, 1, 2, 4, 5])):
        for i in which:
            codings.add_coding(lib, art, "frames", "actor", make_anchor(TEXT, *spans[i]))
    packs.import_pack(b, Path(packs.export_pack(a, tmp_path / "a.fieldpack")["file"]))
    found = packs.coder_agreement(b, "Amani", "Bohdan", "frames")
    assert found["dimensions"] == [
        {
            "id": "actor",
            "kappa": 0.4,
            "both": 3,
            "only_a": 1,
            "only_b": 2,
            "neither": 4,
            "codebook": "frames",
        }
    ]
    assert found["overall"] == 0.4
    a.close()
    b.close()
