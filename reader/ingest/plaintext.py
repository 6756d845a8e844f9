"""Plain-text articles (``.txt``): title, paragraphs, and a trailing ``Source:`` line.

The first line is the title when it looks like a headline (short, no closing full stop,
not the only paragraph); otherwise the title is drawn from the first sentence. A last line
``Source: URL`` gives the url (and leaves the text), the outlet comes from its domain and
a ``/YYYY/M/D/`` path gives the published date.
"""

from __future__ import annotations

import re

from reader.analysis.sentences import split_sentences
from reader.ingest.urls import date_from_url, outlet_from_url
from reader.library.draft import Draft, join_blocks

MAX_TITLE_CHARS = 110
MAX_CLAUSE_CHARS = 150
_CLAUSE = re.compile(rf"(.{{40,{MAX_CLAUSE_CHARS}}}?)\s*[,;:(–—]")
_SOURCE_LINE = re.compile(r"^\s*(?:source|url|link)\s*:\s*(https?://\S+)\s*$", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def looks_like_headline(line: str) -> bool:
    """Whether a first line reads as a headline rather than as body text."""
    line = line.strip()
    words = line.split()
    if not words or len(line) > 150 or len(words) > 24:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return any(ch.isalpha() for ch in line)


def title_from_text(text: str) -> str:
    """A title from the first sentence: its first clause when long, else cut at a word."""
    spans = split_sentences(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text.strip()
    first = re.sub(r"\s+", " ", first).strip().rstrip(".")
    if len(first) <= MAX_TITLE_CHARS:
        return first
    clause = _CLAUSE.match(first)
    if clause:
        return clause[1]
    cut = first[:MAX_TITLE_CHARS]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:-") + "…"


def paragraphs(body: str) -> list[str]:
    """Blank-line separated paragraphs (hard wraps joined); one per line when none."""
    body = body.strip("\n")
    if _BLANK_LINE.search(body):
        # (a paragraph with no line break in it has no hard wrap to join)
        return [
            (_LINE_BREAK.sub(" ", p) if "\n" in p else p).strip() for p in _BLANK_LINE.split(body)
        ]
    return [line.strip() for line in body.split("\n")]


def parse_text(text: str, *, filename: str = "") -> Draft:
    """Build a :class:`Draft` from the decoded contents of a ``.txt`` file."""
    lines = text.strip().split("\n")
    url = None
    if lines and (m := _SOURCE_LINE.match(lines[-1])):
        url = m[1]
        lines = lines[:-1]
    body = "\n".join(lines).strip()
    if not body:
        raise ValueError("the file holds no text")
    first, _, rest = body.partition("\n")
    title = None
    if rest.strip() and looks_like_headline(first):
        title = first.strip().strip("#").strip()
        body = rest
    paras = paragraphs(body)
    canonical, blocks = join_blocks([("p", p) for p in paras])
    if not canonical:
        raise ValueError("the file holds no text")
    return Draft(
        title=title or title_from_text(canonical),
        text=canonical,
        url=url,
        source=outlet_from_url(url) if url else None,
        published=date_from_url(url) if url else None,
        blocks=blocks,
        format="txt",
    )
