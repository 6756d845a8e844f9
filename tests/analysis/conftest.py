"""Fixtures the analysis tests share: the default codebook as shipped."""

from __future__ import annotations

import pytest

from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, shipped_codebooks


@pytest.fixture(scope="module")
def minerals() -> Codebook:
    """The shipped default codebook (critical minerals framing), the one the sets label."""
    return shipped_codebooks()[DEFAULT_CODEBOOK]
