"""Shared fixtures: offscreen Qt, temporary libraries, the seed article and shared data."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FIELDREADER_LANG"] = "en"  # a developer's French system gives an English test window
# what the window caches (the entity tree's expander images) goes to a folder of the run's own
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="fieldreader-test-cache-")

from helpers.paths import ROOT, SHARED

atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

SEED = SHARED / "seeds" / "000_3b960e37f99b3145.txt"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a fresh library file for this test lives (not created yet)."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path):
    """A fresh, migrated library file, closed after the test."""
    from reader.library import Library

    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture
def seed_file() -> Path:
    """The article the project started from (skips when ../shared is absent)."""
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not present")
    return SEED


@pytest.fixture
def fixtures_dir() -> Path:
    return ROOT / "tests" / "fixtures"
