"""Names written head first ("Banque centrale du Congo"), and what the name rules return.

Owns :class:`RuleName` (a name the rules found, with its type and whether the context gave
it) and :class:`HeadFirstNames`, the part of :class:`reader.analysis.name_rules.NameRules`
that finds names starting with a head word of the language's data (``lead_heads``) and
going on with adjectives and complements in lower case ("de la République", "des
entreprises"): French and other languages that name organisations head first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.name_patterns import UPPER as _UPPER

if TYPE_CHECKING:
    from reader.analysis.languages import Language
    from reader.analysis.name_patterns import Compiled

_NEXT_LOWER = re.compile(r"\s+([^\W\d_][\w’'-]*)")
_SPACE = re.compile(r"[ \u00a0]")
_LOWER_WORD = re.compile(r"[^\W\d_A-Z" + _UPPER + r"][\w’'-]*")


@dataclass(frozen=True, slots=True)
class RuleName:
    """``text[start:end]`` looks like a name; ``strong`` when the context gave its type."""

    start: int
    end: int
    name: str
    type: str
    strong: bool


Span = tuple[int, int]


class HeadFirstNames:
    """Head-first names in one text (mixed into :class:`~reader.analysis.name_rules.NameRules`,
    which sets the text, the language, its patterns and the spans to skip)."""

    text: str
    lang: Language
    c: Compiled
    skip: Callable[[int, int], bool]

    def _headed_names(self, tokens: list[Span]) -> list[RuleName]:
        """Names that start with a head word and go on in lower case and with particles."""
        text, lang, c = self.text, self.lang, self.c
        token_at = dict(tokens)
        found = []
        for start, end in tokens:
            head = text[start:end]
            type_ = lang.lead_heads.get(head.lower())
            if type_ is None or self.skip(start, end):
                continue
            stop = self._complement(end, token_at)
            if stop == end:
                continue
            name = " ".join(text[start:stop].split())
            if type_ == "armed_group" and not (
                c.armed_name.search(name.lower()) or self._armed_context(start, stop)
            ):
                type_ = "organization"
            found.append(RuleName(start, stop, name, type_, True))
        return found

    def _complement(self, pos: int, token_at: dict[int, int]) -> int:
        """Where a head word's complement ends: adjectives, "de/du/des" + noun or name."""
        text = self.text
        stop, words = pos, 0
        while words < 8:
            adjective = _NEXT_LOWER.match(text, stop)
            if adjective and self._is_adjective(adjective.group(1)):
                stop = adjective.end()
                words += 1
                continue
            joined = self._after_connector(stop, token_at)
            if joined is None:
                break
            stop = joined
            words += 1
        return stop

    def _after_connector(self, pos: int, token_at: dict[int, int]) -> int | None:
        """The end of "de la République", "des entreprises", "pour la traçabilité"."""
        text, c = self.text, self.c
        if c.connector is None:
            return None
        m = c.connector.match(text, pos)
        if m is None:
            return None
        after = m.end()
        if after in token_at:  # a capitalised name, possibly several words
            stop = token_at[after]
            while True:
                nxt = _SPACE.match(text, stop)
                if nxt and nxt.end() in token_at:
                    stop = token_at[nxt.end()]
                    continue
                break
            return stop
        lower = c.connector_lower.match(text, pos) if c.connector_lower else None
        if lower is None:
            return None
        word = _LOWER_WORD.match(text, lower.end())
        if word is None or self.lang.is_function_word(word.group().strip("’'")):
            return None
        if word.group().lower() in self.lang.months or word.group().isdigit():
            return None
        return word.end()

    def _is_adjective(self, word: str) -> bool:
        low = word.lower()
        if not word[:1].islower() or self.lang.is_function_word(low):
            return False
        return low.endswith(self.lang.adjective_suffixes) and len(low) > 3

    def _armed_context(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 48) : start]
        after = self.text[end : end + 64]
        return bool(self.c.armed_before.search(before) or self.c.armed_after.match(after))
