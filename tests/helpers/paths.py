"""Where things are, for every test: the checkout, ``../shared`` and the test fixtures."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
HELPERS = TESTS / "helpers"
SHARED = ROOT.parent / "shared"
