"""Framing on dev8c and dev8d: two writers the rules were never tuned on.

``tests/fixtures/coding/dev8c`` and ``dev8d`` hold seven English and two French articles each,
written and labelled blind in session 6 while the rules were being tuned on dev8a and dev8b by
an engineer who never opened them. The rules' figures here are therefore out of sample (they
moved from the session's start to its end as on a new set); the learned coder was then
retrained with them, so its figures say what it kept. Floors sit a little under the figures
measured at the end of session 6 (``tests/fixtures/coding/README.md``).
"""

from __future__ import annotations

import pytest

from helpers.coding_sets import FIXTURES, assert_floors, cases, evaluate, frozen
from reader.analysis.codebooks import Codebook

PARTS = (FIXTURES / "dev8c", FIXTURES / "dev8d")
frozen_sets = frozen("dev8c and dev8d", *PARTS)


@frozen_sets
@pytest.mark.parametrize(
    ("language", "rules", "product"),
    [
        # measured, rules: P 0.829 R 0.890 (first run, session-start rules: 0.820 / 0.886);
        # as the product codes, before the coder was retrained with them: P 0.822 R 0.921, after
        # (in sample) 0.853 / 0.996
        ("en", (0.80, 0.87), (0.83, 0.97)),
        # measured, rules: P 0.868 R 0.791 (first run 0.856 / 0.791); product before retraining
        # 0.811 / 0.816, after 0.893 / 1.000
        ("fr", (0.84, 0.77), (0.86, 0.97)),
    ],
)
def test_dev8c_and_dev8d(
    language: str, rules: tuple[float, float], product: tuple[float, float], minerals: Codebook
) -> None:
    articles = cases([part / language for part in PARTS])
    assert_floors(evaluate(minerals, articles, language=language), rules)
    assert_floors(evaluate(minerals, articles, language=language, learned=True), product)
