"""Rules for names the gazetteer does not know: capitalised sequences and their context.

Owns :class:`NameRules`, which finds capitalised sequences (joined by spaces, name particles
such as ``van``, ``bin`` or ``de``, glued particles such as ``al-``, and ``of``/``for`` — in
French ``de``/``du``/``des`` — after words like Bank or Institute), splits them at titles,
months and weekdays, and types each by the evidence around it:

- person: a title or role before it ("President", "analyst", "le ministre", "M."), "X of Y"
  titles ("Minister of Mines"), an apposition after it (", an economist at", ", chercheuse
  à"), or a known first name followed by a surname-like word ("Aisha Bello");
- organization: a last word such as Ltd, Bank, Council, Ministry, University, or "Ministry
  of ..."; a French first word such as Banque, Université, Fédération followed by its
  complement ("Banque centrale du Congo", "Fédération des entreprises du Congo"); an
  apposition (", a mining company"); a word such as "firm" or "cabinet" before it;
- organization also: a sports result around it ("Flamengo beat Palmeiras 2-1"), a word
  such as "think tank" after it, a capitalised word after "of"/"for"/"on" heads
  ("Intergovernmental Authority on Development");
- armed_group: "rebels", "militia", "fighters" after it, "armed group" or "paramilitary"
  before it;
- place: River, Province, Street... in the name, "town of", "quartier de", "in", "near",
  "from", "à" before it;
- other: a last word such as Cup, Agreement, Initiative; or no evidence at all (never a
  guessed person).

News on any topic adds (each an optional pattern of the language's data, skipped where the
language has none): a role before a name or around it between commas ("Fast bowler X",
"its director, X, said"), a demonym or "said" around a person-shaped name ("the American
X", "X Y said"), "shares of X", "plays for X", "run by X", "exporters such as X",
"Maria Lindqvist of X", "X's Oscar Piastri", "Tennis Australia", "the Senate", a name
followed by its acronym ("X Movement (BBB)"), "northern X", "along the X", "in X" before
any first-name rule, and runs joined into one organisation by "and" or "'s" ("Ethics and
Anti-Corruption Commission", "Women's Tennis Association").

Tokens keep lower-case hyphenated given names whole ("Park Ji-hoon"), and a first name that
is also a common word still starts a name ("Maria Jose Catala"); a word in capitals with
evidence is never the common word it spells ("the Dutch bank ING").

Sentence-initial words, function words ("Selon", "Les"), months, weekdays, demonyms and
common words are never names by themselves, and an elided article is never part of the name
that follows ("l'Ouganda" is "Ouganda"); a single capitalised word at the start of a sentence
is kept aside (``deferred``) and only counts if the article names it elsewhere. Every word
list and context pattern is the article's language's data (:mod:`reader.analysis.languages`).
Names written head first ("Banque centrale du Congo") are found by the part of the rules in
:mod:`reader.analysis.name_heads`, runs of tokens are grouped and joined by
:mod:`reader.analysis.name_runs`; what the rules work out about a word sequence whatever
its context is remembered for the run (per gazetteer and language).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.languages import Language, load_language
from reader.analysis.name_forms import (
    appositive_type,
    commodity_in_context,
    org_short_form,
    person_short_forms,
    previous_word,
)
from reader.analysis.name_heads import HeadFirstNames, RuleName, Span
from reader.analysis.name_patterns import compiled as _compiled
from reader.analysis.name_patterns import word_sets
from reader.analysis.name_runs import NameRuns

__all__ = [
    "NameRules",
    "RuleName",
    "appositive_type",
    "commodity_in_context",
    "org_short_form",
    "person_short_forms",
    "previous_word",
]

_ROMAN = re.compile(r"[IVXLC]+")


_WORD_START = re.compile(r"(?<!\w)\w")
_CONTEXT_WORDS = 4  # the longest context phrase before a name, in words ("customers such as the")


#: The most word sequences (and single words) remembered per gazetteer and language.
_TrimKey = tuple[str | tuple[str, ...], bool]  # the words, and whether a sentence starts
_MEMO_SIZE = 1 << 16


@functools.lru_cache(maxsize=32)
def _memos(
    gazetteer: Gazetteer, language: Language
) -> tuple[dict[_TrimKey, tuple[int, bool, tuple[str, ...]]], dict[str, bool]]:
    """What the rules worked out about words already seen, for one gazetteer and language
    (both fixed once built), shared by the texts of a run: where a name starts in a word
    sequence (one word, or a tuple of them), whether the rest is all title words, and the
    words of the rest (:meth:`NameRules._trim`), and
    whether a single word can be no name whatever its context
    (:meth:`NameRules._never_alone`)."""
    return {}, {}


class NameRules(NameRuns, HeadFirstNames):
    """Finds and types capitalised names in one text, with the rules of its language."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        text: str,
        sentence_starts: set[int],
        skip: Callable[[int, int], bool] = lambda start, end: False,
        language: Language | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.text = text
        self.starts = sentence_starts
        self.skip = skip  # spans to leave alone, such as URLs
        self.lang = language if language is not None else load_language("en")
        self.c = _compiled(self.lang)
        #: single capitalised words at the start of a sentence, with no evidence
        self.deferred: list[RuleName] = []
        self._prev: dict[int, str] = {}  # the word before a position, lower case
        self._word_starts: dict[int, list[int]] = {}  # the last words' starts, last first
        self._common, self._first, self._demonyms = word_sets(gazetteer, self.lang)
        self._trims, self._lone = _memos(gazetteer, self.lang)

    # -- word lists of the gazetteer and of the language ---------------------------------

    def is_common(self, word: str) -> bool:
        return word.lower() in self._common

    def is_first_name(self, word: str) -> bool:
        return word in self._first

    def is_demonym(self, word: str) -> bool:
        return word in self._demonyms

    def find(self) -> list[RuleName]:
        """The names found, strong and weak; fills :attr:`deferred` as a side effect."""
        found = []
        text, months_days = self.text, self.c.months_days
        tokens = self.c.tokens(text)
        for run in self._join_runs(self._runs(tokens)):
            if len(run) == 1:  # most runs: one word, a name unless a month or weekday
                start, end = run[0]
                word = text[start:end]
                name = None if word in months_days else self._classify(run, False, word)
                if name is not None:
                    found.append(name)
                continue
            for chunk, after_title in self._chunks(run):
                name = self._classify(chunk, after_title)
                if name is not None:
                    found.append(name)
        if self.lang.lead_heads:
            found.extend(self._headed_names(tokens))
        return found

    # -- sequences -----------------------------------------------------------------------

    def _starts_names(self, word: str) -> bool:
        """A first word that begins names of a type ("Mount", "Radio", "Operation")."""
        low = word.lower()
        lang = self.lang
        return low in lang.place_first or low in lang.lead_heads or low in lang.other_first

    def _chunks(self, run: list[Span]) -> Iterator[tuple[list[Span], bool]]:
        """Split a run at months, weekdays and titles that precede a name."""
        text, lang = self.text, self.lang
        if len(run) == 1:  # most runs: one word, a name unless a month or weekday
            if text[run[0][0] : run[0][1]] not in self.c.months_days:
                yield run, False
            return
        chunk: list[Span] = []
        after_title = False
        for i, (start, end) in enumerate(run):
            word = text[start:end]
            # "Jan Jambon": a month's abbreviation before another name is a first name.
            if word in self.c.months_days and not (
                len(word) <= 4 and i + 1 < len(run) and self.is_first_name(word)
            ):
                if chunk:
                    yield chunk, after_title
                chunk, after_title = [], False
                continue
            if i and lang.is_function_word(word):  # "On the Madeleine I knew"
                if chunk:
                    yield chunk, after_title
                chunk, after_title = [], False
                continue
            low = word.lower().rstrip(".")
            title = (
                (low in lang.titles or (i == 0 and start in self.starts and low in lang.roles))
                and i + 1 < len(run)
                and not text[max(0, start - 4) : start].endswith(("of ", "the "))
                # "General Authority for Investment", "General Motors": no title
                and text[run[i + 1][0] : run[i + 1][1]].lower() not in lang.org_heads
            )
            if title:
                if chunk and not all(text[s:e].lower() in lang.title_parts for s, e in chunk):
                    yield chunk, after_title
                chunk, after_title = [], True
                continue
            chunk.append((start, end))
        if chunk:
            yield chunk, after_title

    def _trim(
        self, chunk: list[Span], word: str | None = None
    ) -> tuple[list[Span], tuple[str, ...], bool]:
        """Without leading words that cannot begin a name (the spans and their words), and
        whether the words left are all parts of titles ("Vice", "President"); ``word``: the
        word of a chunk of one, when known."""
        start = chunk[0][0]
        seen: str | tuple[str, ...]
        if len(chunk) == 1:  # one word: the word itself is the key
            seen = word if word is not None else self.text[start : chunk[0][1]]
        else:
            text = self.text
            seen = tuple([text[s:e] for s, e in chunk])
        # Both depend on the words and on whether a sentence starts with them, nothing
        # else: an import meets the same names again and again.
        key = (seen, start in self.starts)
        known = self._trims.get(key)
        if known is None:
            if len(self._trims) >= _MEMO_SIZE:
                self._trims.clear()
            words = [seen] if isinstance(seen, str) else list(seen)
            i = self._leading(words, key[1])
            parts = self.lang.title_parts
            known = self._trims[key] = (
                i,
                all(w.lower().rstrip(".") in parts for w in words[i:]),
                tuple(words[i:]),
            )
        i, titles, rest = known
        return (chunk[i:] if i else chunk), rest, titles

    def _leading(self, words: list[str], at_start: bool) -> int:
        """How many of the leading ``words`` cannot begin a name."""
        lang = self.lang
        named = len(words) > 2 and words[-1].lower() in lang.org_heads  # "European Investment Bank"
        i = 0
        while i < len(words):
            first = words[i]
            initial_common = (
                at_start
                and self.is_common(first)
                and not self.is_first_name(first)
                and not (self.c.sport_body is not None and self.c.sport_body.match(first))
                and not (len(words) - i > 1 and self._starts_names(first))
            )
            if not (
                first.lower() in lang.function_words
                or (self.is_demonym(first) and not (named and len(words) - i > 2))
                or (initial_common and not (named and len(words) - i > 2))
            ):
                break
            i, at_start = i + 1, False
        # "Foreign Affairs Thérèse Kayikwamba" -> the name starts at the first name (not
        # after a head word that starts names: "Radio Santa Rosa").
        lead = i < len(words) and words[i].lower() in lang.lead_heads
        for j in range(i, len(words) - 1 if not lead else i):
            if self.is_first_name(words[j]) and not self.is_common(words[j]):
                # "Maria Jose Catala": a first name that is also a common word stays.
                skipped = words[i:j]
                if j > i and all(self.is_common(w) and not self.is_first_name(w) for w in skipped):
                    i = j
                break
        return i

    def _classify(
        self, chunk: list[Span], after_title: bool, word: str | None = None
    ) -> RuleName | None:
        text = self.text
        chunk, words, titles = self._trim(chunk, word)
        if not chunk:
            return None
        start, end = chunk[0][0], chunk[-1][1]
        if self.skip(start, end) or titles:
            return None
        if len(words) == 1:  # what no evidence can save, before looking for any
            never = self._lone.get(words[0])
            if never is None:
                if len(self._lone) >= _MEMO_SIZE:
                    self._lone.clear()
                never = self._lone[words[0]] = self._never_alone(words[0])
            if never:
                return None
        evidence = "person" if after_title else self._evidence(words, start, end)
        if len(words) == 1:
            word = words[0]
            # "ING", "the bank ING": a word in capitals with evidence is no common word.
            acronym = evidence is not None and word.isupper()
            if self.is_common(word) and evidence != "person" and not acronym:
                if not (evidence == "organization" and self._named_institution(word, start)):
                    return None
            if start in self.starts and evidence is None:
                self.deferred.append(RuleName(start, end, word, "other", False))
                return None
        elif evidence is None and all(self.is_common(w) or w.endswith(".") for w in words):
            return None
        name = " ".join(text[start:end].split())
        return RuleName(start, end, name, evidence or "other", evidence is not None)

    def _never_alone(self, word: str) -> bool:
        """Whether ``word`` alone is no name, whatever its context says."""
        if len(word) < 2 or word.endswith(".") or _ROMAN.fullmatch(word):
            return True
        if self.is_demonym(word) or word in self.c.months_days:
            return True
        lang = self.lang
        if word.lower() in lang.numbers.number_words:  # "Deux semaines après"
            return True
        institution = self.c.institution is not None and self.c.institution.match(word)
        # "Airlines including ...", never "the Senate"
        return word.lower() in lang.org_heads and not (word.isupper() or institution)

    def ending(self, key: str, pos: int) -> re.Match[str] | None:
        """The match of the context pattern ``key`` that ends at ``pos``, or None."""
        scan = self.c.scans.get(key)
        if scan is None:
            return None
        pattern, source = scan
        prev = self._prev.get(pos)
        if prev is None:
            prev = self._prev[pos] = previous_word(self.text[max(0, pos - 48) : pos]).lower()
        if not prev or prev not in source:
            return None
        # Tried only where one of the last words before ``pos`` starts (context phrases
        # are a few words long), not at every character of the window.
        text = self.text
        starts = self._word_starts.get(pos)
        if starts is None:  # the same for every pattern tried before ``pos``
            found = [m.start() for m in _WORD_START.finditer(text, max(0, pos - 48), pos)]
            starts = self._word_starts[pos] = found[: -_CONTEXT_WORDS - 1 : -1]
        for start in starts:
            m = pattern.match(text, start, pos)
            if m is not None:
                return m
        return None

    def _named_institution(self, word: str, start: int) -> bool:
        """A common word that names an organisation here: "the Senate", "Consumer group
        Choice" (never at the start of a sentence, never a bare head word: "the Bank")."""
        c = self.c
        if start in self.starts:
            return False
        before = self.text[max(0, start - 24) : start]
        if c.institution is not None and c.institution.match(word):
            return self.ending("institution_before", start) is not None
        if word.lower() in self.lang.org_heads:
            return False
        if self.ending("org_phrase_before", start) is not None:
            return True  # "plays for the Lions"
        return previous_word(before).lower() in self.lang.org_before

    # -- evidence ------------------------------------------------------------------------

    def _evidence(self, words: Sequence[str], start: int, end: int) -> str | None:
        """The type the context gives an unknown name, or None."""
        text, lang, c = self.text, self.lang, self.c
        before = text[max(0, start - 48) : start]
        after = text[end : end + 64]
        spelt = previous_word(before)  # as written; the rules compare it in lower case
        prev_word = self._prev[start] = spelt.lower()
        same_clause = not before.rstrip().endswith((".", ","))
        first, last = words[0].lower(), words[-1].lower()
        if prev_word in lang.roles and (same_clause or prev_word in lang.abbreviated_titles):
            return "person"
        if prev_word in lang.roles and before.rstrip().endswith(",") and after[:1] == ",":
            return "person"  # "Its Nairobi director, Mercy Achieng, said"
        title_of = c.title_of.search(before) if c.title_of_tail.search(before) else None
        if title_of and title_of.group(1).lower() in lang.titles:
            return "person"
        # A context pattern before the name is searched only where the word before the name
        # can end a match of it (or is not ASCII: see reader.analysis.pattern_gates).
        plain = prev_word.isascii()
        gate = c.armed_before_end
        if (
            (gate is None or not plain or prev_word.endswith(gate))
            and c.armed_before.search(before)
        ) or c.armed_after.match(after):
            return "armed_group"
        if c.armed_name.search(" ".join(words).lower()):
            return "armed_group"
        if last in lang.org_heads or (
            len(words) > 1 and c.head_of is not None and c.head_of.search(text, start, end)
        ):
            return "organization"
        if len(words) > 1 and first in lang.lead_heads and lang.lead_heads[first] != "other":
            head = lang.lead_heads[first]
            return head if head != "armed_group" else "organization"
        if last in lang.place_heads or (len(words) > 1 and first in lang.place_first):
            return "place"
        gate = c.place_of_end
        if (
            (gate is None or not plain or prev_word.endswith(gate)) and c.place_of.search(before)
        ) or c.place_after.match(after):
            return "place"
        appositive = appositive_type(after, lang)
        if appositive:
            return appositive
        if last in lang.other_heads or first in lang.other_first:
            return "other"
        if c.acronym_after is not None and "(" in after[:3] and c.acronym_after.match(after):
            if not all(self.is_common(w) for w in words):
                return "organization"
        if prev_word in lang.org_before and same_clause:
            return "organization"
        if c.org_after is not None and c.org_after.match(after):
            return "organization"
        gate = c.org_at_end
        if (gate is None or not plain or prev_word.endswith(gate)) and c.org_at.search(
            before, max(0, len(before) - 32)
        ):  # "analysts at Berenberg"
            return "organization"
        if len(words) > 1 and first in lang.compass:  # "Northern Europe", "Western Kenya"
            rest = self.gaz.lookup(" ".join(words[1:]))
            if rest is not None and rest.type == "place":
                return "place"
        gated = prev_word in c.scan_words  # a context phrase may end before the name
        if gated and self.ending("place_before_strong", start) and after[:2] not in ("’s", "'s"):
            return "place"  # "farmers in Mato Grosso", before any first name
        if len(words) > 1 and self.is_first_name(words[0]) and self._surname_like(words):
            if not (self.is_common(words[0]) and self.is_common(words[-1])):
                return "person"
            if c.said_after.match(after):  # "Tom Baker, said": common words, but a speaker
                return "person"
        news = self._news_evidence(words, start, before, after, gated, spelt)
        if news is not None:
            return news
        gate = c.team_before_end
        if (c.team_after is not None and c.team_after.match(after)) or (
            c.team_before is not None
            and (gate is None or not plain or prev_word.endswith(gate))
            and c.team_before.search(before)
        ):  # "Flamengo beat Palmeiras 2-1": sports teams
            return "organization"
        possessive = after.startswith(("’s", "'s"))
        if prev_word in lang.place_before and same_clause and not possessive:
            return "place"
        if gated and (
            self.ending("compass_before", start) or self.ending("place_before_the", start)
        ):
            # "northern Luzon", "along the Yamuna"
            return "place"
        return None

    def _news_evidence(
        self,
        words: Sequence[str],
        start: int,
        before: str,
        after: str,
        gated: bool = True,
        spelt: str | None = None,
    ) -> str | None:
        """Cues of news on any topic: a demonym or "said" around a person-shaped name, "Tennis
        Australia", "shares of X", "Maria Lindqvist of X", "X's Oscar Piastri" (``spelt``:
        ``previous_word(before)`` when known)."""
        c = self.c
        if len(words) == 1 and c.institution is not None and c.institution.match(words[0]):
            if gated and self.ending("institution_before", start) is not None:
                return "organization"  # "the Senate", "the Sejm"
        if len(words) > 1:
            if not before[-1:].isspace():
                prev = ""
            else:
                prev = spelt if spelt is not None else previous_word(before)
            # "the American Jordan Ellis", "Adebayo Olatunji said"
            if self.is_demonym(prev) or c.said_after.match(after):
                if self.person_shaped(words):
                    return "person"
        if len(words) > 1 and c.sport_body is not None and c.sport_body.match(words[0]):
            rest = self.gaz.lookup(" ".join(words[1:]))
            if rest is not None and rest.type == "place":
                return "organization"
        if gated and self.ending("org_phrase_before", start) is not None:
            return "organization"
        m = self.ending("person_of", start) if gated else None
        if m and self.is_first_name(m.group(1)):
            return "organization"
        if c.owner_of_person is not None and after[:1] in ("'", "’"):
            m = c.owner_of_person.match(after)
            if m and self.is_first_name(m.group(1)):
                return "organization"
        return None

    def person_shaped(self, words: Sequence[str]) -> bool:
        """Whether the words look like a person's name the lists do not know ("Thabo
        Mokoena", "Owain ap Dafydd"): two to four capitalised words or particles, no head
        word, a last word that is no common word and names nothing known."""
        lang, gaz = self.lang, self.gaz
        if not 2 <= len(words) <= 4:
            return False
        for w in words:
            low = w.lower()
            if w[:1].islower():
                if low not in lang.particles:
                    return False
            elif w.isupper() or not w[:1].isupper() or w.endswith("."):
                return False
            if low in lang.org_heads or low in lang.place_heads or low in lang.other_heads:
                return False
        last = words[-1]
        if self.is_common(last) or gaz.lookup(last) is not None or self.is_demonym(last):
            return False
        head = gaz.lookup(words[0])
        return head is None or self.is_first_name(words[0]) or self.is_common(words[0])

    def _surname_like(self, words: Sequence[str]) -> bool:
        """Whether the words after a first name look like a surname ("Aisha Bello")."""
        gaz, lang = self.gaz, self.lang
        ambiguous = self.is_common(words[0])  # "Will", "Grace"
        for w in words[1:]:
            if w.endswith(".") and len(w) == 2:  # a middle initial
                continue
            low = w.lower()
            if low in lang.org_heads or low in lang.place_heads or self.is_demonym(w):
                return False
            entry = gaz.lookup(w)
            if entry is not None and (entry.type != "place" or ambiguous):
                return False
        return True
