"""What the bundled sample articles are, read from ``resources/samples`` itself.

Tests that count samples (rows, tag counts, status messages) take their numbers from here,
so adding or removing a sample article changes one folder, not sixty assertions. The front
matter is read with PyYAML directly, not through the importer the tests check.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from helpers.paths import ROOT

SAMPLES_DIR = ROOT / "resources" / "samples"


def sample_files() -> list[Path]:
    """Every sample article file, in name order (the order the importer reads them)."""
    return sorted(SAMPLES_DIR.glob("*.md"))


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of one sample (each sample has one)."""
    text = path.read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    meta = yaml.safe_load(block)
    assert isinstance(meta, dict), path
    return meta


def tags_of(path: Path) -> list[str]:
    """The tags one sample's front matter gives."""
    return [str(tag) for tag in front_matter(path).get("tags") or []]


SAMPLE_COUNT = len(sample_files())
TAG_COUNTS: dict[str, int] = dict(
    sorted(Counter(tag for path in sample_files() for tag in tags_of(path)).items())
)


def count_tagged(tag: str) -> int:
    """How many samples carry ``tag`` (0 for a tag none has)."""
    return TAG_COUNTS.get(tag, 0)


def tagged(tag: str) -> list[Path]:
    """The sample files that carry ``tag``, in name order."""
    return [path for path in sample_files() if tag in tags_of(path)]
