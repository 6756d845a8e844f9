"""Shared helpers for the web-page corpus: locating and loading cases, and token F1.

Used by ``tests/test_ingest_html.py`` and ``tests/bench/bench_html.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from helpers.paths import SHARED

_WORD = re.compile(r"\w+")

#: ``<parent of the repository root>/shared/corpus/web-pages``
WEB_PAGES_DIR = SHARED / "corpus" / "web-pages"


@dataclass(frozen=True, slots=True)
class WebPageCase:
    """One corpus page: the saved source, the expected article text and metadata."""

    name: str
    source: str
    expected_text: str
    metadata: dict


def tokens(text: str) -> Counter[str]:
    """Lowercased ``\\w+`` words of ``text`` as a multiset."""
    return Counter(_WORD.findall(text.lower()))


def token_f1(got: str, expected: str) -> float:
    """F1 of the multiset overlap between the words of ``got`` and ``expected``."""
    g, e = tokens(got), tokens(expected)
    if not g and not e:
        return 1.0
    overlap = sum((g & e).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(g.values())
    recall = overlap / sum(e.values())
    return 2 * precision * recall / (precision + recall)


def html_text(html: str) -> str:
    """Text content of an HTML fragment (used for ``expected.html``)."""
    if not html.strip():
        return ""
    return lxml.html.fromstring(html).text_content()


def normalise_title(title: str | None) -> str:
    return " ".join((title or "").split()).casefold()


def title_matches(got: str | None, expected: str | None) -> bool:
    """Case/whitespace-insensitive equality or containment (either way)."""
    g, e = normalise_title(got), normalise_title(expected)
    if not g or not e:
        return g == e
    return g == e or g in e or e in g


def load_cases(root: Path = WEB_PAGES_DIR) -> list[WebPageCase]:
    """All case folders under ``root`` that have the three expected files, sorted by name."""
    cases: list[WebPageCase] = []
    if not root.is_dir():
        return cases
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        source = folder / "source.html"
        expected = folder / "expected.html"
        meta = folder / "expected-metadata.json"
        if not (source.is_file() and expected.is_file() and meta.is_file()):
            continue
        cases.append(
            WebPageCase(
                name=folder.name,
                source=source.read_text(encoding="utf-8", errors="replace"),
                expected_text=html_text(expected.read_text(encoding="utf-8", errors="replace")),
                metadata=json.loads(meta.read_text(encoding="utf-8")),
            )
        )
    return cases
