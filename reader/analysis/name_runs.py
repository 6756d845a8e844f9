"""Runs of capitalised tokens: where one name's words go on and where they stop.

Owns :class:`NameRuns`, the part of :class:`reader.analysis.name_rules.NameRules` that
groups a text's capitalised tokens into runs (joined by a space, a particle of the
language such as " van " or " de la ", or "of"/"for" after words like Bank or Institute,
then "and" after such a join) and joins runs that make one organisation ("Ethics and
Anti-Corruption Commission", "Women's Tennis Association"). Every word list and gap is the
language's data (:mod:`reader.analysis.languages`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.analysis.languages import Language
    from reader.analysis.name_patterns import Compiled

Span = tuple[int, int]
_JOIN_GAP = 8  # the longest gap that joins two runs into one organisation ("and", "'s")


class NameRuns:
    """Runs of tokens in one text (mixed into :class:`~reader.analysis.name_rules.NameRules`,
    which sets the text, the language, its patterns and its word sets)."""

    text: str
    lang: Language
    c: Compiled
    _common: frozenset[str]  # lower case
    _demonyms: frozenset[str]  # as written

    def _runs(self, tokens: list[Span]) -> list[list[Span]]:
        """Sequences of capitalised tokens joined by spaces, particles or "of"/"for"."""
        text, lang = self.text, self.lang
        of_gaps, of_heads, particles = self.c.of_gaps, lang.of_heads, lang.particles
        longest = self.c.longest_gap
        runs: list[list[Span]] = []
        current: list[Span] = []
        joined_of = False  # "Authority for Emergency and Civil Protection" goes on with "and"
        for token in tokens:
            if current:
                last = current[-1]
                if token[0] - last[1] <= longest:  # no gap longer joins
                    gap = text[last[1] : token[0]]
                    if gap in of_gaps and text[last[0] : last[1]].lower() in of_heads:
                        joined_of = True
                        current.append(token)
                        continue
                    if gap == " " or gap in particles or (joined_of and gap == " and "):
                        current.append(token)
                        continue
                runs.append(current)
            current, joined_of = [token], False
        if current:
            runs.append(current)
        return runs

    def _join_runs(self, runs: list[list[Span]]) -> list[list[Span]]:
        """Join runs that make one organisation: "Ethics and Anti-Corruption Commission",
        "Law and Justice party", "Women's Tennis Association" (common words before the "and"
        or the "'s", an organisation's head word or context after)."""
        text = self.text
        out: list[list[Span]] = []
        for run in runs:
            if not out:
                out.append(run)
                continue
            after, before = out[-1][-1][1], run[0][0]
            if before - after <= _JOIN_GAP and self._joins(out[-1], run, text[after:before]):
                out[-1] = out[-1] + run
            else:
                out.append(run)
        return out

    def _joins(self, prev: list[Span], run: list[Span], gap: str) -> bool:
        c = self.c
        if len(gap) > _JOIN_GAP:  # the gaps that join ("and", "'s") are short
            return False
        and_gap = bool(c.org_and_gap and c.org_and_gap.fullmatch(gap))
        if not (and_gap or (c.possessive_gap and c.possessive_gap.fullmatch(gap))):
            return False
        words = [self.text[s:e] for s, e in prev]
        lang = self.lang
        if not and_gap:  # "Women's Tennis Association", "The Ombudsman's Office"
            owner = words[-1]
            named = owner.lower() in self._common or bool(
                c.possessive_first and c.possessive_first.match(owner)
            )
            return named and self._one_word(words) and self._headed(run)
        if not all(
            w.lower() in self._common or w in self._demonyms or lang.is_function_word(w)
            for w in words
        ):
            return False
        after = self.text[run[-1][1] : run[-1][1] + 40]
        return self._headed(run) or bool(self.c.org_after and self.c.org_after.match(after))

    def _one_word(self, words: list[str]) -> bool:
        """One word, past leading function words ("The Ombudsman")."""
        return len([w for w in words if not self.lang.is_function_word(w)]) == 1

    def _headed(self, run: list[Span]) -> bool:
        """Whether a word of ``run`` is an organisation's head ("Party for Freedom")."""
        return any(self.text[s:e].lower() in self.lang.org_heads for s, e in run)
