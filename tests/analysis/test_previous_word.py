"""``previous_word`` finds from the end what its documented pattern captures."""

from __future__ import annotations

import random
import re

import pytest

from reader.analysis.name_forms import previous_word

# The definition the function is written against (the first capture of a search).
_PATTERN = re.compile(r"([^\W\d_][\w-]*)\.?[\s,]*$")


def _by_pattern(before: str) -> str:
    """The capture of the first match that ends the text, as ``re`` tries it from the left:
    the longest run, from its first letter."""
    best = ""
    for start in range(len(before) + 1):
        m = _PATTERN.match(before, start)
        if m is not None:
            best = m.group(1)
            break
    return best


@pytest.mark.parametrize(
    ("before", "word"),
    [
        ("said the minister ", "minister"),
        ("according to Dr. ", "Dr"),
        ("analysts at Berenberg, ", "Berenberg"),
        ("the Kinshasa-based , ,\u00a0", "Kinshasa-based"),
        ("in 2024 ", ""),
        ("the 3rd ", "rd"),
        ("x_1y ", "x_1y"),
        ("_1y ", "y"),
        ("Київ, ", "Київ"),
        ("", ""),
        ("end.. ", ""),
    ],
)
def test_examples(before: str, word: str) -> None:
    assert previous_word(before) == word == _by_pattern(before)


def test_agrees_with_the_pattern_on_random_text() -> None:
    alphabet = list("aZé_-.,  \t\n\u00a0\u2003²٣Ⅻ1'’()ßЖ\u0301")
    rng = random.Random(19)
    for _ in range(20000):
        before = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert previous_word(before) == _by_pattern(before), repr(before)
