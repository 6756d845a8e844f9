"""Sentence boundaries with character offsets into an article's canonical text.

A rule-based splitter tuned for news prose: it does not break after the language's common
abbreviations (English U.S., Dr., Gen., Jan.; French M., Mme, art., av. J.-C.), initials
(J. D. Vance), decimals (4.6) or inside quotes that close after the full stop (English
``"...," she said``, French ``« Fini ! » a-t-il dit``, with or without the narrow no-break
space before ``!`` and ``»``), and it always breaks at paragraph boundaries (blank lines).
The abbreviations and the words that open a sentence come from the language's data
(:mod:`reader.analysis.languages`); an unknown language is guessed, English by default.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from reader.analysis.languages import Language, language_for

# A candidate end: ., ! or ? (possibly repeated), then closing quotes/brackets (French » may
# follow a no-break space), then space.
_END = re.compile(r"[.!?]+(?:[\"'”’)\]]|[\s]?»)*(?=\s)")
_CLOSERS = "\"'”’)]» \u00a0\u202f\u2009"
_PARAGRAPH = re.compile(r"\n\s*\n")
_NEXT = re.compile(r"\s+([\"'“‘(\[«]*\s?)(\S)")


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in ".-"):
        start -= 1
    while start < dot and text[start] == "-":
        start += 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in abbreviations:
        return True
    if len(word) == 1 and text[start].isupper():  # an initial: "J. D. Vance"
        return True
    if "-" in word:
        return False
    return "." in word and all(len(p) <= 2 for p in word.split("."))  # "U.S", "e.g"


def _next_starts_sentence(text: str, pos: int) -> bool:
    m = _NEXT.match(text, pos)
    if m is None:
        return True
    ch = m.group(2)
    return ch.isupper() or ch.isdigit() or not ch.isalpha()


@functools.cache
def _opener(language: Language) -> re.Pattern[str]:
    """After an abbreviation, only a typical sentence opener starts a new sentence."""
    words = "|".join(sorted(map(re.escape, language.openers), key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b")


def _split_paragraph(
    text: str, start: int, end: int, language: Language
) -> Iterator[tuple[int, int]]:
    sent_start = start
    opener = _opener(language)
    for m in _END.finditer(text, start, end):
        stop = m.end()
        single_stop = m.group().rstrip(_CLOSERS) == "."
        if (
            single_stop
            and _is_abbreviation(text, m.start(), language.abbreviations)
            and opener.match(text, stop) is None
        ):
            continue
        if not _next_starts_sentence(text, stop):
            continue
        yield from _trimmed(text, sent_start, stop)
        sent_start = stop
    yield from _trimmed(text, sent_start, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def split_sentences(text: str, language: str | Language | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``; ``text[start:end]`` is the sentence.

    ``language`` is the article's ISO 639-1 code (or its loaded data); None guesses it.
    """
    lang = language if isinstance(language, Language) else language_for(language, text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_split_paragraph(text, pos, m.start(), lang))
        pos = m.end()
    spans.extend(_split_paragraph(text, pos, len(text), lang))
    return spans
