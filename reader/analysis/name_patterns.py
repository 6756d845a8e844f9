"""The compiled word lists and context patterns of one language, for the name rules.

Owns :class:`Compiled` (one language's tokens, title, head, place, armed-group, apposition,
sports and organisation patterns, compiled once per process by :func:`compiled`) and
:data:`UPPER`, the upper-case letters a name starts with. The data is the language's file
(:mod:`reader.analysis.languages`); patterns a language lacks are None and their rules
are skipped. Used by :mod:`reader.analysis.name_rules`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import chain
from operator import gt, methodcaller
from typing import TYPE_CHECKING

from reader.analysis.languages import Language
from reader.analysis.pattern_gates import first_chars, last_words

if TYPE_CHECKING:
    from reader.analysis.gazetteer import Gazetteer

UPPER = "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isupper())
_UPPER = UPPER
_ESCAPE = re.compile(r"\\.")  # "\s", "\b": no words of a pattern
_WORDS = re.compile(r"[^\W\d_]+")
_span = re.Match.span  # a match's (start, end), called from C by map()
_token_span = methodcaller("span", 1)
#: The patterns of context before a name (each ends with a literal word, spaces and "$").
SCANNED = (
    "org_phrase_before",
    "person_of",
    "place_before_the",
    "compass_before",
    "institution_before",
    "place_before_strong",
)


class Compiled:
    """One language's word lists and patterns, compiled once."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        elided = ""
        if lang.elisions:
            starts = "|".join(
                f"(?<=\\b{re.escape(e[0].upper())}{re.escape(e[1:])}['’])"
                f"|(?<=\\b{re.escape(e)}['’])"
                for e in lang.elisions
            )
            elided = f"|{starts}"
        glue = "".join(
            f"(?!{re.escape(e[0].upper())}{re.escape(e[1:])}['’][{_UPPER}])" for e in lang.elisions
        )
        glued = "|".join(re.escape(p) for p in lang.glued_particles)
        glued_token = f"|(?:{glued})[{_UPPER}]\\w*(?:-[{_UPPER}]\\w*)*" if glued else ""
        # A given name hyphenated in lower case ("Ji-hoon", "Sang-woo"), where the language
        # has the pattern: tried first, so that the token is not cut at the hyphen.
        hyphened = lang.patterns.get("hyphen_name")
        hyphened = f"{hyphened}|" if hyphened else ""
        # Lower-case particles between hyphens inside a name ("Saint-Jean-de-Maurienne").
        inner = lang.patterns.get("hyphen_particle")
        joint = f"(?:[-’']|{inner})" if inner else "[-’']"
        where = f"(?:(?<![\\w’'.-]){elided})"
        body = rf"{hyphened}[{_UPPER}]\.(?=\s)|{glue}[{_UPPER}]\w*(?:{joint}[{_UPPER}\d]\w*)*"
        self.token = re.compile(rf"{where}(?:{body}{glued_token})")
        # The same tokens, found by scans that skip to their first characters (see
        # :meth:`tokens`): one for texts with a glued particle, one for texts without.
        self._glued_in = _any_of(lang.glued_particles)
        self._scans = (_first_scan(where, body), _first_scan(where, body + glued_token))
        self.months_days = lang.months | lang.weekdays
        self.of_gaps = lang.of_gaps
        #: the longest gap that can join two tokens into one run
        self.longest_gap = max(map(len, (*lang.of_gaps, *lang.particles, " and ", " ")))
        of_words = sorted({g.split()[0] for g in lang.of_gaps}, key=len, reverse=True)
        of_alt = "|".join(re.escape(w) for w in of_words) or "of|for"
        title_of_tail = rf"\s+{lang.pattern('title_of_before')}(?:[{_UPPER}][\w’'-]*\s+){{1,3}}$"
        self.title_of = re.compile(rf"([^\W\d_][\w-]*){title_of_tail}")
        # What must follow the title word: tried first, being quick to rule out (it can
        # only start at white space), so the whole pattern runs only where it may match.
        self.title_of_tail = re.compile(title_of_tail)
        heads = sorted((lang.of_heads & lang.org_heads) | lang.head_of_extra)
        self.head_of = (
            re.compile(rf"\b(?:{'|'.join(heads)})\s+(?:{of_alt})(?!\w)", re.IGNORECASE)
            if heads
            else None
        )
        self.place_of = re.compile(lang.pattern("place_of"))
        self.place_after = re.compile(lang.pattern("place_after"))
        self.armed_before = re.compile(lang.pattern("armed_before"), re.IGNORECASE)
        self.armed_after = re.compile(lang.pattern("armed_after"))
        self.armed_name = re.compile(lang.pattern("armed_name"))
        self.said_after = re.compile(lang.pattern("said_after"))
        self.appositive = re.compile(lang.pattern("appositive"))
        self.appositive_cut = re.compile(lang.pattern("appositive_cut"))
        self.appositive_armed = re.compile(lang.pattern("appositive_armed"))
        self.speech = re.compile(lang.pattern("speech"))
        self.org_at = re.compile(lang.pattern("org_at"), re.IGNORECASE)
        # Patterns a language may lack: sports teams ("Flamengo beat Palmeiras 2-1") and a
        # word after an organisation ("the Confluence Advisory think tank").
        self.team_before = _optional(lang, "team_before")
        self.team_after = _optional(lang, "team_after")
        self.org_after = _optional(lang, "org_after")
        # Context of news on any topic, where the language has it: "shares of X", "plays
        # for X", "exporters such as X"; "Maria Lindqvist of X", "X's Oscar Piastri"; "along
        # the X", "northern X"; "Tennis Australia"; "the Senate"; "X (ABC)".
        # Context before a name, each with the words of its source in lower case: a pattern
        # that ends in a literal word can only match where the word before the name is one
        # of them, a check much quicker than the search (see NameRules.ending).
        self.scans = {
            key: (re.compile(pattern), frozenset(_WORDS.findall(_ESCAPE.sub(" ", pattern.lower()))))
            for key in SCANNED
            if (pattern := lang.patterns.get(key))
        }
        self.scan_words = frozenset().union(*(words for _, words in self.scans.values()))
        self.owner_of_person = _optional(lang, "owner_of_person")
        # "from Annecy to Embrun": the second of a range takes the first one's type.
        self.range_before = _optional(lang, "range_before")
        gap = lang.patterns.get("range_gap")
        self.range_gap = re.compile(gap + "$") if gap else None
        # Gaps that join two runs into one organisation ("Ethics and Anti-Corruption
        # Commission", "Women's Tennis Association").
        self.org_and_gap = _optional(lang, "org_and_gap")
        self.possessive_gap = _optional(lang, "possessive_gap")
        possessive = lang.patterns.get("possessive_first")
        self.possessive_first = re.compile(possessive + "$") if possessive else None
        sport = lang.patterns.get("sport_body")
        self.sport_body = re.compile(sport + "$") if sport else None
        institution = lang.patterns.get("institution")
        self.institution = re.compile(institution + "$") if institution else None
        self.acronym_after = _optional(lang, "acronym_after")
        gaps = "|".join(re.escape(g) for g in lang.list_gaps)
        self.list_gap = re.compile(rf",\s*|,?\s+(?:{gaps})\s+" if gaps else r",\s*")
        connectors = sorted(lang.connectors, key=len, reverse=True)
        lower = sorted(lang.connector_lowercase, key=len, reverse=True)
        self.connector = (
            re.compile(r"\s+(?:" + "|".join(_connector(c) for c in connectors) + r")")
            if connectors
            else None
        )
        self.connector_lower = (
            re.compile(r"\s+(?:" + "|".join(_connector(c) for c in lower) + r")") if lower else None
        )
        # The endings the word before a name must have for these patterns of the context
        # before it to match there (:func:`reader.analysis.pattern_gates.last_words`; None:
        # always searched): most names are preceded by none of them, so most searches go.
        self.armed_before_end = last_words(self.armed_before)
        self.place_of_end = last_words(self.place_of)
        self.org_at_end = last_words(self.org_at)
        self.team_before_end = (
            last_words(self.team_before) if self.team_before is not None else None
        )

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """The spans of :attr:`token`'s matches in ``text``, as ``finditer`` finds them.

        The scan skips to the characters a token can begin with and reports the token at
        each one where the pattern matches (its group 1); of those, the ones that start
        within an earlier token are what ``finditer`` would have gone past.
        """
        scan = self._scans[self._glued_in(text)]
        if scan is None:
            return list(map(_span, self.token.finditer(text)))
        spans = list(map(_token_span, scan.finditer(text)))
        bounds = list(chain.from_iterable(spans))  # start, end, start, end...
        if not any(map(gt, bounds[1::2], bounds[2::2])):  # no token starts in the last one
            return spans
        found = []
        reached = 0
        for start, end in spans:
            if start >= reached:
                found.append((start, end))
                reached = end
        return found


def _any_of(strings: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text has one of ``strings`` in it: found from their common last character
    where they have one ("-" of "al-", "bin-"), which the engine skips to quickly."""
    last = {s[-1:] for s in strings}
    if len(last) != 1 or "" in last:
        return lambda text: any(s in text for s in strings)
    behind = "|".join(f"(?<={re.escape(s)})" for s in strings)
    search = re.compile(f"{re.escape(last.pop())}(?:{behind})").search
    return lambda text: search(text) is not None


def _first_scan(where: str, body: str) -> re.Pattern[str] | None:
    """A pattern that matches one character at each place where ``where`` and then ``body``
    match, ``body``'s match its group 1: the character is one ``body`` can begin with, which
    the engine skips to without trying the pattern elsewhere (None when they are unknown)."""
    first = first_chars(body)
    if first is None or re.compile(where).groups:
        return None
    chars = "".join(map(re.escape, sorted(first)))
    return re.compile(rf"[{chars}](?<={where}(?=({body}))(?s:.))")


def _optional(lang: Language, key: str) -> re.Pattern[str] | None:
    """The compiled pattern ``key`` of ``lang``, or None when the language has none."""
    pattern = lang.patterns.get(key)
    return re.compile(pattern) if pattern else None


def _connector(words: str) -> str:
    pattern = re.escape(words).replace(r"\ ", r"\s+")
    return pattern + ("\\s*" if words.endswith(("'", "’")) else r"\s+")


def word_sets(gaz: Gazetteer, lang: Language) -> tuple[frozenset[str], ...]:
    """The common words, first names and demonyms of ``gaz`` and ``lang``, one set each."""
    return (
        _union(gaz.common_words, lang.common),
        _union(gaz.first_names, lang.first_names),
        _union(gaz.demonyms, lang.demonyms),
    )


@functools.lru_cache(maxsize=64)
def _union(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """Two word lists as one (cached: a gazetteer's and a language's lists are fixed)."""
    return first | second


@functools.cache
def compiled(lang: Language) -> Compiled:
    """The compiled patterns of ``lang`` (once per process)."""
    return Compiled(lang)
