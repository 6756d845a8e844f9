"""Every labelled coding set the rules were tuned on is well formed, in each of its languages.

The sets (``varied``, ``dev5``, ``dev6``, ``dev7``; see :data:`helpers.coding_sets.LABELLED_SETS`)
are scored in their own test modules; here each must hold enough articles, label exactly the
sentences the splitter finds in each text, and name only dimensions of the shipped codebook.
A set its writers have not frozen yet is skipped.
"""

from __future__ import annotations

import pytest

from helpers.coding_sets import LABELLED_SETS, LabelledSet, assert_well_formed, cases
from reader.analysis.codebooks import Codebook


@pytest.mark.parametrize("labelled", [s.param() for s in LABELLED_SETS])
def test_the_labelled_sets_are_well_formed(labelled: LabelledSet, minerals: Codebook) -> None:
    articles = cases(labelled.folders)
    assert len(articles) >= labelled.least
    assert_well_formed(articles, labelled.language, minerals)
