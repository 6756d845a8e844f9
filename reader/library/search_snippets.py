"""Snippets and highlights in the original words, for matches found among index forms.

The stemmed index stores one form per word, in order, so a snippet FTS5 cuts from the
forms (``min strateg``) names word positions: :func:`original_snippet` finds those words in
the article's own text and marks the same ones there (``minerais stratégiques``), with the
text's punctuation between them. When the forms and the words do not line up (a text whose
letters FTS5 splits otherwise), :func:`python_snippet` cuts one around the first match.
:class:`Terms` is what a query looks for as index forms; :func:`match_spans` gives where
they occur in a text (the reader highlights them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from reader.library.plain import Frozen, setup
from reader.library.records import MATCH_END, MATCH_START
from reader.library.search_words import algorithm_for, forms_for, words, words_from

__all__ = [
    "ELLIPSIS",
    "PARAGRAPH_BREAK",
    "Terms",
    "fitting",
    "match_spans",
    "original_snippet",
    "python_snippet",
    "separated",
    "snippet_fits",
]

ELLIPSIS = "\u2026"
#: What a line break inside a snippet becomes after a heading (or any line that does not
#: end a sentence): the list shows a snippet on one line.
PARAGRAPH_BREAK = " \u2014 "
#: Words in a snippet, and how many of them come before the first match.
SNIPPET_WORDS = 24
LEAD_WORDS = 6


class Terms(Frozen):
    """Index forms a query looks for: whole ``forms`` and ``prefixes`` of forms."""

    __slots__ = ("forms", "prefixes")
    forms: frozenset[str]
    prefixes: tuple[str, ...]

    def __init__(self, forms: frozenset[str] = frozenset(), prefixes: tuple[str, ...] = ()) -> None:
        setup(self, forms=forms, prefixes=prefixes)

    def matches(self, form: str) -> bool:
        return form in self.forms or (bool(self.prefixes) and form.startswith(self.prefixes))

    def __bool__(self) -> bool:
        return bool(self.forms or self.prefixes)


def _marked_ranges(snippet: str) -> list[tuple[int, int]]:
    """The word ranges (first, last) FTS5 marked in ``snippet`` (words apart by spaces)."""
    ranges: list[tuple[int, int]] = []
    pos = snippet.find(MATCH_START)
    while pos >= 0:
        close = snippet.find(MATCH_END, pos)
        if close < 0:
            raise ValueError("an unclosed marker")
        ranges.append((snippet.count(" ", 0, pos), snippet.count(" ", 0, close)))
        pos = snippet.find(MATCH_START, close)
    return ranges


def _token_index(forms_text: str, plain: str, at_start: bool) -> int | None:
    """The index of the word where ``plain`` (whole words of ``forms_text``) begins."""
    if at_start:
        return 0 if forms_text.startswith(plain) else None
    pos = forms_text.find(plain)
    while pos >= 0:
        end = pos + len(plain)
        if (pos == 0 or forms_text[pos - 1] == " ") and (
            end == len(forms_text) or forms_text[end] == " "
        ):
            return forms_text.count(" ", 0, pos)
        pos = forms_text.find(plain, pos + 1)
    return None


def _render(text: str, found: Sequence[re.Match[str]], ranges: Sequence[tuple[int, int]]) -> str:
    """``text`` from the first of the words ``found`` to the last, ``ranges`` marked."""
    out: list[str] = []
    cursor = found[0].start()
    for first, last in ranges:
        start, end = found[first].start(), found[last].end()
        out += (text[cursor:start], MATCH_START, text[start:end], MATCH_END)
        cursor = end
    out.append(text[cursor : found[-1].end()])
    return "".join(out)


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs of true ``flags`` as (first, last) indexes."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if flag:
            if runs and runs[-1][1] == i - 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
    return runs


def original_snippet(fts_snippet: str, forms_text: str, text: str, marks: str = "") -> str | None:
    """``fts_snippet`` (cut by FTS5 from ``forms_text``) in the words of ``text`` (whose
    ``marks`` say where every 128th word starts); None when the two do not line up."""
    if not fts_snippet or not text:
        return "" if not fts_snippet else None
    lead = fts_snippet.startswith(ELLIPSIS)
    trail = fts_snippet.endswith(ELLIPSIS) and len(fts_snippet) > 1
    body = fts_snippet[1 if lead else 0 : len(fts_snippet) - 1 if trail else len(fts_snippet)]
    try:
        ranges = _marked_ranges(body)
    except ValueError:
        return None
    plain = body.replace(MATCH_START, "").replace(MATCH_END, "")
    count = plain.count(" ") + 1
    first = _token_index(forms_text, plain, at_start=not lead)
    if first is None:
        return None
    found = list(islice(words_from(text, first, marks), count))
    if len(found) != count:
        return None
    snippet = _render(text, found, ranges)
    return (ELLIPSIS if lead else "") + snippet + (ELLIPSIS if trail else "")


def snippet_fits(
    snippet: str,
    language: str | None,
    terms: Terms,
    seen: dict[tuple[str, str | None], bool] | None = None,
) -> bool:
    """Whether every word FTS5 marked in ``snippet`` (cut from a text in ``language``) is
    one ``terms`` looks for: FTS5 cut the original text into the same words as the index
    forms were made from. Unmarked snippets fit (the match was in another column).

    ``seen`` (one dict for one search's ``terms``) keeps what each marked passage gave,
    so the same words marked in many snippets are stemmed once."""
    pos = snippet.find(MATCH_START)
    if pos < 0:
        return True
    algorithm = algorithm_for(language)
    while pos >= 0:
        close = snippet.find(MATCH_END, pos)
        if close < 0:
            return False
        passage = snippet[pos + 1 : close]
        key = (passage, algorithm)
        fits = None if seen is None else seen.get(key)
        if fits is None:
            marked = [m.group() for m in words(passage)]
            fits = bool(marked) and all(terms.matches(f) for f in forms_for(marked, algorithm))
            if seen is not None:
                seen[key] = fits
        if not fits:
            return False
        pos = snippet.find(MATCH_START, close)
    return True


#: One marked passage: a marker opened and closed within one snippet, none inside.
_PASSAGE = re.compile(f"{MATCH_START}([^{MATCH_START}{MATCH_END}\x00]*){MATCH_END}")


def _passage_fits(
    passage: str, algorithm: str | None, terms: Terms, seen: dict[tuple[str, str | None], bool]
) -> bool:
    key = (passage, algorithm)
    fits = seen.get(key)
    if fits is None:
        marked = [m.group() for m in words(passage)]
        fits = bool(marked) and all(terms.matches(f) for f in forms_for(marked, algorithm))
        seen[key] = fits
    return fits


def fitting(
    snippets: Sequence[str],
    languages: Sequence[str | None],
    terms: Terms,
    seen: dict[tuple[str, str | None], bool],
) -> list[bool]:
    """:func:`snippet_fits` for each of ``snippets`` (cut from texts in ``languages``),
    all at once: when the texts share a stemmer and every marker is closed, each distinct
    marked passage is checked once for the whole list (``seen`` as there)."""
    algorithms = {algorithm_for(language) for language in set(languages)}
    if len(algorithms) == 1:
        joined = "\x00".join(snippets)
        passages = _PASSAGE.findall(joined)
        # every marker is in a passage: each snippet's markers open and close in turn
        if joined.count(MATCH_START) == len(passages) == joined.count(MATCH_END):
            algorithm = algorithms.pop()
            if all(_passage_fits(p, algorithm, terms, seen) for p in set(passages)):
                return [True] * len(snippets)
    return [
        snippet_fits(snippet, language, terms, seen)
        for snippet, language in zip(snippets, languages, strict=True)
    ]


#: A line break with the blanks after it (those before it are stripped).
_BREAK = re.compile(r"\n\s*")
#: What ends a sentence, and what may follow it on the line (closing quotes and brackets,
#: the end of a match).
_STOPS = frozenset(".!?\u2026:;")
_CLOSERS = "\"'\u00bb\u201d\u2019)]" + MATCH_END


def separated(snippet: str) -> str:
    """``snippet`` on one line: a line break after a sentence's end is a space, any other
    (after a heading, a list item, a line with no final stop) :data:`PARAGRAPH_BREAK`, so
    the end of one paragraph does not read as the start of the next one's sentence."""
    if "\n" not in snippet:
        return snippet
    out: list[str] = []
    cursor = 0
    for found in _BREAK.finditer(snippet):
        before = snippet[cursor : found.start()].rstrip()
        tail = before.rstrip(_CLOSERS)
        out += (before, " " if not tail or tail[-1] in _STOPS else PARAGRAPH_BREAK)
        cursor = found.end()
    out.append(snippet[cursor:])
    return "".join(out)


def python_snippet(text: str, language: str | None, terms: Terms) -> str:
    """A snippet of ``text`` around its first match of ``terms`` (its start if none)."""
    found = list(islice(words(text), 20_000))
    if not found:
        return ""
    forms = forms_for([m.group() for m in found], algorithm_for(language))
    first = next((i for i, f in enumerate(forms) if terms.matches(f)), 0)
    start = max(0, first - LEAD_WORDS) if first else 0
    window = range(start, min(len(found), start + SNIPPET_WORDS))
    runs = _runs([terms.matches(forms[i]) for i in window])
    snippet = _render(text, found[window.start : window.stop], runs)
    lead = ELLIPSIS if start > 0 else ""
    return lead + snippet + (ELLIPSIS if window.stop < len(found) else "")


def match_spans(text: str, language: str | None, terms: Terms) -> list[tuple[int, int]]:
    """Where the words of ``text`` (in ``language``) match ``terms``, in order."""
    if not terms or not text:
        return []
    found = list(words(text))
    forms = forms_for([m.group() for m in found], algorithm_for(language))
    return [m.span() for m, f in zip(found, forms, strict=True) if terms.matches(f)]
