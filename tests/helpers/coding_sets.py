"""The labelled coding sets the framing-rule tests score, and the checks those tests share.

The sets themselves (``tests/fixtures/coding``) and their scoring live in
``tests/bench/bench_coding.py``; this module puts that script on the path once and names, for
each set the rules were tuned on, its folders, its language and when it is frozen
(:data:`LABELLED_SETS`). :func:`assert_well_formed` checks a set's labels against the sentence
splitter and the codebook, :func:`assert_floors` holds a score to its floors (every floor that
fails is named, not just the first), :func:`coded_dimensions` lists what the rules code in a
text. Only the tests import it; it has no tests of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers.paths import TESTS
from reader.analysis.codebooks import Codebook
from reader.analysis.coding import suggest
from reader.analysis.sentences import split_sentences

sys.path.insert(0, str(TESTS / "bench"))

from bench_coding import (
    DEV5,
    DEV6,
    DEV7,
    DEV7_PARTS,
    DEV8,
    DEV8_PARTS,
    DEV8_UNSEEN,
    DEV9,
    DEV9_PARTS,
    DEV10,
    DEV10_PARTS,
    FIXTURES,
    FR_DEV5,
    FR_DEV6,
    FR_DEV7,
    FR_DEV8,
    FR_DEV9,
    FR_DEV10,
    FR_VARIED,
    VARIED,
    Scores,
    evaluate,
    load_fixtures,
    speed_corpus,
)

__all__ = [
    "DEV5",
    "DEV6",
    "DEV7",
    "DEV7_PARTS",
    "DEV8",
    "DEV8_PARTS",
    "DEV8_UNSEEN",
    "DEV9",
    "DEV9_PARTS",
    "DEV10",
    "DEV10_PARTS",
    "FIXTURES",
    "FR_DEV5",
    "FR_DEV6",
    "FR_DEV7",
    "FR_DEV8",
    "FR_DEV9",
    "FR_DEV10",
    "FR_VARIED",
    "LABELLED_SETS",
    "VARIED",
    "Floor",
    "LabelledSet",
    "Scores",
    "assert_floors",
    "assert_well_formed",
    "cases",
    "coded_dimensions",
    "evaluate",
    "frozen",
    "load_fixtures",
    "speed_corpus",
]

Case = tuple[str, str, list[dict]]  # (file name, text, labelled sentences)
Floor = tuple[float | None, float | None]  # (precision, recall); None: not held to one


def frozen(name: str, *parts: Path) -> pytest.MarkDecorator:
    """Skip unless every folder in ``parts`` holds a ``DONE`` file (its writer froze it)."""
    return pytest.mark.skipif(
        not all((part / "DONE").exists() for part in parts), reason=f"{name} is not frozen"
    )


def cases(folders: Path | Sequence[Path]) -> list[Case]:
    """The labelled articles of one folder, or of several in turn."""
    if isinstance(folders, Path):
        return load_fixtures(folders)
    return [case for folder in folders for case in load_fixtures(folder)]


@dataclass(frozen=True)
class LabelledSet:
    """One language of a labelled set: its folders, how few articles it may hold, and the
    folders whose ``DONE`` file says it is frozen (none: always scored)."""

    name: str
    folders: Path | Sequence[Path]
    language: str
    least: int = 2
    frozen_by: tuple[Path, ...] = ()

    def param(self) -> object:
        """This set as a pytest parameter, skipped while it is not frozen."""
        marks = [frozen(self.name.split("-")[0], *self.frozen_by)] if self.frozen_by else []
        return pytest.param(self, id=self.name, marks=marks)


LABELLED_SETS = (
    LabelledSet("varied-en", VARIED, "en"),
    LabelledSet("varied-fr", FR_VARIED, "fr"),
    LabelledSet("dev5-en", DEV5, "en", frozen_by=(DEV5.parent,)),
    LabelledSet("dev5-fr", FR_DEV5, "fr", frozen_by=(DEV5.parent,)),
    LabelledSet("dev6-en", DEV6, "en", frozen_by=(DEV6.parent,)),
    LabelledSet("dev6-fr", FR_DEV6, "fr", frozen_by=(DEV6.parent,)),
    LabelledSet("dev7-en", DEV7, "en", len(DEV7_PARTS), DEV7_PARTS),
    LabelledSet("dev7-fr", FR_DEV7, "fr", len(DEV7_PARTS), DEV7_PARTS),
    LabelledSet("dev8-en", DEV8, "en", len(DEV8_PARTS), DEV8_PARTS),
    LabelledSet("dev8-fr", FR_DEV8, "fr", len(DEV8_PARTS), DEV8_PARTS),
    LabelledSet("dev8cd-en", [p / "en" for p in DEV8_UNSEEN], "en", 2 * 7, DEV8_UNSEEN),
    LabelledSet("dev8cd-fr", [p / "fr" for p in DEV8_UNSEEN], "fr", 2 * 2, DEV8_UNSEEN),
    LabelledSet("dev9-en", DEV9, "en", len(DEV9_PARTS), DEV9_PARTS),
    LabelledSet("dev9-fr", FR_DEV9, "fr", len(DEV9_PARTS), DEV9_PARTS),
    LabelledSet("dev10-en", DEV10, "en", len(DEV10_PARTS), DEV10_PARTS),
    LabelledSet("dev10-fr", FR_DEV10, "fr", len(DEV10_PARTS), DEV10_PARTS),
)


def assert_well_formed(labelled: Sequence[Case], language: str, book: Codebook) -> None:
    """Each article's labelled sentences are the splitter's sentences of its text, in order,
    and every dimension a label names is one of ``book``'s."""
    known = set(book.dimension_ids)
    for name, text, labels in labelled:
        assert [item["sentence"] for item in labels] == [
            text[s:e] for s, e in split_sentences(text, language)
        ], name
        for item in labels:
            assert set(item["dimensions"]) <= known, name


def assert_floors(
    scores: Scores, overall: Floor, per_dimension: Mapping[str, Floor] | None = None
) -> None:
    """``scores`` reach every floor: ``overall`` over all dimensions, ``per_dimension`` for
    each dimension named; a failure lists every floor missed with the score reached."""
    floors: dict[str | None, Floor] = {None: overall, **(per_dimension or {})}
    missed = []
    for dim, (precision, recall) in floors.items():
        where = dim or "overall"
        if precision is not None and not scores.precision(dim) >= precision:
            missed.append(f"{where} precision {scores.precision(dim):.3f} < {precision}")
        if recall is not None and not scores.recall(dim) >= recall:
            missed.append(f"{where} recall {scores.recall(dim):.3f} < {recall}")
    assert not missed, "; ".join(missed)


def coded_dimensions(text: str, book: Codebook, language: str) -> set[str]:
    """The dimensions the rules of ``book`` code anywhere in ``text``."""
    return {s.dimension for s in suggest(text, book, language)}
