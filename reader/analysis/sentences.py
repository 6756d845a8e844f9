"""Sentence boundaries with character offsets into an article's canonical text.

A rule-based splitter tuned for news prose: it does not break after common abbreviations
(U.S., Dr., Gen., Jan.), initials (J. D. Vance), decimals (4.6) or inside quotes that close
after the full stop, and it always breaks at paragraph boundaries (blank lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpl sgt adm gov sen rep pres st jr sr rev
    hon amb fr sec dept est corp inc ltd co no nos vs etc al approx fig vol
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u d.c u.s.a a.m p.m i.e e.g
    """.split()
)

# A candidate end: ., ! or ? (possibly repeated), then closing quotes/brackets, then space.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and text[start].isupper():  # an initial: "J. D. Vance"
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))  # "U.S", "e.g"


_NEXT = re.compile(r"\s+([\"'“‘(\[]*)(\S)")


def _next_starts_sentence(text: str, pos: int) -> bool:
    m = _NEXT.match(text, pos)
    if m is None:
        return True
    ch = m.group(2)
    return ch.isupper() or ch.isdigit() or not ch.isalpha()


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    sent_start = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        single_stop = m.group().rstrip("\"'”’)]") == "."
        if single_stop and _is_abbreviation(text, m.start()) and not _opens_sentence(text, stop):
            continue
        if not _next_starts_sentence(text, stop):
            continue
        yield from _trimmed(text, sent_start, stop)
        sent_start = stop
    yield from _trimmed(text, sent_start, end)


_OPENER = re.compile(r"\s+(The|A|An|It|He|She|They|We|In|On|But|However|This|That)\b")


def _opens_sentence(text: str, pos: int) -> bool:
    """After an abbreviation, only a typical sentence opener starts a new sentence."""
    return _OPENER.match(text, pos) is not None


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``; ``text[start:end]`` is the sentence."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_split_paragraph(text, pos, m.start()))
        pos = m.end()
    spans.extend(_split_paragraph(text, pos, len(text)))
    return spans
