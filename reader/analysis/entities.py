"""Entity extraction: people, organisations, armed groups, places, commodities and figures.

Owns :class:`Extractor` and :class:`Mention`: an article's canonical text in, its entity
mentions out (character offsets, canonical name, type), offline and without a model:

1. the user's corrections come first: strings they marked become entities wherever they
   occur (at word boundaries), and names they hid drop out before anything competes for
   their place;
2. the gazetteer (:mod:`reader.analysis.gazetteer`) finds known names and their aliases
   ("DRC", "Congo" -> Democratic Republic of the Congo; "Trump" -> Donald Trump);
3. :mod:`reader.analysis.figures` finds money, percentages and counts, and
   :mod:`reader.analysis.name_rules` types unknown capitalised names by their context; an
   upper-case dateline ("NAIROBI, March 3 (Reuters) -", "GOMA, 8 février 2025 —",
   "КИЇВ, 3 березня —", "WASHINGTON (Reuters) -", and each place after a slash,
   "JEDDAH, Saudi Arabia/KHARTOUM, ...") names the place it is written as (the known
   place, or a new one), never an upper-case entity, and the story after its dash starts
   a sentence; in Cyrillic text, where the rules of step 3 do not look,
   a first name the language's data knows followed by a capitalised word is a person
   ("Андрій Пишний");
4. overlaps are resolved: the user's marks first, then the longest of the known names,
   figures and rule-found names with evidence, then unclassified names in the gaps. A
   rule-found name never swallows a known name of its own type ("US Treasury Department"
   stays "US" plus the Treasury), except a place named by a head word ("Brussels
   Airport") and an organisation whose last word alone is known ("National Democratic
   Congress");
5. within the article, a rule-found name takes the strongest type any of its mentions
   earned, an unclassified name in a list takes its neighbours' type (the end of a range
   too: "from Annecy to Embrun"), an unclassified person-shaped name whose last word comes
   back alone is a person ("Kgosi Motsepe" ... "Motsepe"), and short forms join
   their long form ("Kovalenko" after "Maria Kovalenko", "Castleford" after "Castleford
   Athletic", "DFC" after "... Finance Corporation (DFC)", "RSF" after "Rapid Support
   Forces" by its initials, "Nunes da Silva" after "Gustavo Nunes da Silva", over a shorter
   rule-found name inside it); a rule-found long form followed
   by a known acronym becomes that entity ("Bureau de la coordination ... (OCHA)" is OCHA);
6. renames, merges and retypes give the final names and types.

Every step uses the article's language (``extract(text, language="fr")``, an ISO 639-1 code;
None guesses it from function words, English by default): its sentence rules, function
words, particles, titles, number words and its own gazetteer names
(:mod:`reader.analysis.languages`). Names are one entity across languages: "États-Unis" is
the United States, "RDC" the Democratic Republic of the Congo.

Types are exactly :data:`TYPES`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.corrections import TYPES, Corrections
from reader.analysis.figures import find_figures
from reader.analysis.gazetteer import Gazetteer, shipped_gazetteer
from reader.analysis.languages import Language, language_for
from reader.analysis.name_rules import (
    NameRules,
    commodity_in_context,
    org_short_form,
    person_short_forms,
)
from reader.analysis.sentences import split_sentences

__all__ = ["TYPES", "Corrections", "Extractor", "Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """``surface`` (``text[start:end]``) mentions the entity ``name`` of type ``type``."""

    start: int
    end: int
    name: str
    type: str
    surface: str


# Candidate sources, in order of precedence between spans of equal length.
_ADDED, _GAZ, _ALIAS, _FIGURE, _RULE = range(5)
_DROPPED = -1
_NAMED_BY_ACRONYM = frozenset({"organization", "armed_group"})
_EVIDENCE_ORDER = ("person", "armed_group", "organization", "place", "other")
_LISTABLE = frozenset({"person", "organization", "armed_group", "place"})
_CAPS = "A-ZÀ-ÖØ-ÞЀ-ЯҐЄІЇЎ"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[{_CAPS}][{_CAPS}'’.-]+(?: [{_CAPS}][{_CAPS}'’.-]+){{0,3}})"
    rf"(?:/[{_CAPS} ]+)?(?:,[ \t]+(?=[^\n]{{0,40}}(?:\d|\(|\b(?:Reuters|AFP|AP)\b))"
    rf"|[ \t]+(?=\((?:Reuters|AFP|AP)\)))",
    re.MULTILINE,
)
# Further upper-case places of the same dateline: "JEDDAH, Saudi Arabia/KHARTOUM, Aug 2".
_DATELINE_MORE = re.compile(
    rf"/(?P<place>[{_CAPS}][{_CAPS}'’.-]+(?: [{_CAPS}][{_CAPS}'’.-]+){{0,3}})(?=[,/ ])"
)
# Where a dateline's story begins: after the dash that closes it ("(Reuters) - Torrential").
_DATELINE_DASH = re.compile(r"[^\n]{0,80}?\s[-–—]{1,2}\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A capitalised Cyrillic word of three letters or more (apostrophes inside: "Дем'яненко").
_CYRILLIC_SURNAME = r"[Ѐ-ЯҐЄІЇЎ][а-яёґєіїў]+(?:['’ʼ-][а-яёґєіїўА-ЯҐЄІЇ][а-яёґєіїў]*)*"
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_SENTENCE_LEAD = re.compile(r"[\W_]*")


_PEOPLE_PATTERNS: dict[str, re.Pattern[str] | None] = {}


def _cyrillic_people_pattern(lang: Language) -> re.Pattern[str] | None:
    """The first-name-and-surname pattern of ``lang``'s Cyrillic first names (or None)."""
    if lang.code not in _PEOPLE_PATTERNS:
        names = sorted((n for n in lang.first_names if _CYRILLIC.search(n)), key=len)
        _PEOPLE_PATTERNS[lang.code] = (
            re.compile(
                rf"(?<!\w)(?P<first>{'|'.join(map(re.escape, reversed(names)))})"
                rf"[ \u00a0]+(?P<surname>{_CYRILLIC_SURNAME})(?!\w)"
            )
            if names
            else None
        )
    return _PEOPLE_PATTERNS[lang.code]


def _datelines(text: str) -> list[re.Match[str]]:
    """What ``_DATELINE.finditer(text)`` finds, tried only where lines start (the pattern
    begins with ``^``, and a dateline never goes past its line)."""
    found = []
    match = _DATELINE.match
    pos = 0
    while pos != -1:
        m = match(text, pos)
        if m is not None:
            found.append(m)
            pos = text.find("\n", m.end())
        else:
            pos = text.find("\n", pos)
        if pos != -1:
            pos += 1
    return found


def _lead_end(text: str, pos: int) -> int:
    """Where the first letter or digit at or after ``pos`` is (past punctuation, spaces)."""
    lead = _SENTENCE_LEAD.match(text, pos)
    return pos if lead is None else lead.end()


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    name: str
    type: str
    source: int
    tier: int = 1  # 0 user marks; 1 known names, figures, rules with evidence; 2 the rest


class Extractor:
    """Finds the entity mentions in an article's text.

    ``gazetteer`` defaults to the shipped one (loaded once per process and cached);
    ``corrections`` to none. Make a new extractor when the corrections change (it is cheap).
    """

    def __init__(
        self, gazetteer: Gazetteer | None = None, corrections: Corrections | None = None
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else shipped_gazetteer()
        self.corrections = corrections if corrections is not None else Corrections()
        added = sorted(self.corrections.added, key=len, reverse=True)
        self._added = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, added)) + r")(?!\w)")
            if added
            else None
        )

    def extract(self, text: str, language: str | None = None) -> list[Mention]:
        """The mentions in ``text``, sorted by start, not overlapping.

        ``language`` is the article's ISO 639-1 code; None (unknown) guesses it.
        """
        if not text.strip():
            return []
        return _Article(self, text, language_for(language, text)).run()


class _Article:
    """One extraction run over one text."""

    def __init__(self, extractor: Extractor, text: str, language: Language) -> None:
        self.x = extractor
        self.gaz = extractor.gazetteer
        self.corr = extractor.corrections
        self.text = text
        self.lang = language
        # (A URL has "http" or "www." in it: the scan is skipped for the many texts without.)
        urls = _URL.finditer(text) if "http" in text or "www." in text else ()
        self.urls = [m.span() for m in urls]
        self.datelines = _datelines(text)
        skip = self._in_url if self.urls else _nowhere
        self.rules = NameRules(self.gaz, text, self._sentence_starts(), skip, language)
        self.taken = bytearray()  # spans of mentions added after selection

    def run(self) -> list[Mention]:
        cands = (
            self._added()
            + self._known()
            + self._datelines()
            + self._figures()
            + self._rule_names()
            + self._cyrillic_people()
        )
        if self.corr.hidden:
            cands = [c for c in cands if not self.corr.is_hidden(c.name)]
        chosen = _select(_drop_swallowing(cands, self.lang, self.text), len(self.text))
        self._consolidate(chosen)
        return self._finish(self._join_short_forms(chosen))

    def _sentence_starts(self) -> set[int]:
        """Where sentences and lines begin (at their first letter or digit)."""
        text = self.text
        starts = {_lead_end(text, s) for s, _ in split_sentences(text, self.lang)}
        pos = text.find("\n")
        while pos != -1:
            starts.add(_lead_end(text, pos + 1))
            pos = text.find("\n", pos + 1)
        for m in self.datelines:  # "NAIROBI, March 3 (Reuters) - The ...": a sentence starts
            dash = _DATELINE_DASH.match(text, m.end())
            if dash is not None:
                starts.add(_lead_end(text, dash.end()))
        return starts

    def _in_url(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.urls)

    # -- candidates ----------------------------------------------------------------------

    def _added(self) -> list[_Cand]:
        if self.x._added is None:
            return []
        added = self.corr.added
        return [
            _Cand(m.start(), m.end(), m.group(), added[m.group()], _ADDED, tier=0)
            for m in self.x._added.finditer(self.text)
        ]

    def _known(self) -> list[_Cand]:
        cands = []
        for hit in self.gaz.find(self.text, self.lang.code):
            entry = hit.entry
            if entry.type == "commodity" and not commodity_in_context(
                self.text, hit.start, hit.end, entry.name, self.lang
            ):
                continue
            if self.urls and self._in_url(hit.start, hit.end):
                continue
            cands.append(_Cand(hit.start, hit.end, entry.name, entry.type, _GAZ))
        return cands

    def _datelines(self) -> list[_Cand]:
        """The place of an upper-case dateline: "NAIROBI, March 3 (Reuters) -"."""
        cands = []
        for place in self._dateline_places():
            surface = place.group("place").rstrip(".")
            start = place.start("place")
            entry = self.gaz.lookup_any_case(surface)
            if entry is not None and entry.type in ("place", "organization", "other"):
                cands.append(_Cand(start, start + len(surface), entry.name, entry.type, _GAZ))
            elif entry is None:
                name = "-".join(
                    " ".join(w.capitalize() for w in part.split()) for part in surface.split("-")
                )
                cands.append(_Cand(start, start + len(surface), name, "place", _GAZ))
        return cands

    def _dateline_places(self) -> Iterable[re.Match[str]]:
        """The upper-case places of each dateline, the first and any after a slash."""
        text = self.text
        for m in self.datelines:
            yield m
            dash = _DATELINE_DASH.match(text, m.end())
            stop = dash.end() if dash is not None else m.end()
            yield from _DATELINE_MORE.finditer(text, m.end("place"), stop)

    def _figures(self) -> list[_Cand]:
        return [
            _Cand(f.start, f.end, f.name, "figure", _FIGURE)
            for f in find_figures(self.text, self.lang)
            if not (self.urls and self._in_url(f.start, f.end))
        ]

    def _rule_names(self) -> list[_Cand]:
        return [
            _Cand(r.start, r.end, r.name, r.type, _RULE, tier=1 if r.strong else 2)
            for r in self.rules.find()
        ]

    def _cyrillic_people(self) -> list[_Cand]:
        """ "Андрій Пишний": a Cyrillic first name of the language's data, then a surname."""
        pattern = _cyrillic_people_pattern(self.lang)
        if pattern is None or not _CYRILLIC.search(self.text):
            return []
        cands = []
        for m in pattern.finditer(self.text):
            surname = m.group("surname")
            if self.lang.is_function_word(surname) or self.gaz.lookup(surname) is not None:
                continue
            name = f"{m.group('first')} {surname}"
            cands.append(_Cand(m.start(), m.end(), name, "person", _RULE))
        return cands

    # -- after selection -----------------------------------------------------------------

    def _consolidate(self, chosen: list[_Cand]) -> None:
        """Rule-found names: the strongest type any mention earned; lists share a type."""
        best: dict[str, str] = {}
        for c in chosen:
            if c.source == _RULE and c.type != "other":
                old = best.get(c.name)
                if old is None or _EVIDENCE_ORDER.index(c.type) < _EVIDENCE_ORDER.index(old):
                    best[c.name] = c.type
        for name in self._reused_surnames(chosen):
            best.setdefault(name, "person")
        for c in chosen:
            if c.source == _RULE and c.name in best:
                c.type = best[c.name]
        # "through Bunagana, Mpondwe and Goli": an unclassified name takes its neighbours' type.
        ordered = sorted(chosen, key=lambda c: c.start)
        for i, c in enumerate(ordered):
            if c.source != _RULE or c.type != "other" or c.tier != 2:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(ordered):
                    n = ordered[j]
                    gap = self.text[min(n.end, c.end) : max(n.start, c.start)]
                    if n.type in _LISTABLE and self.rules.c.list_gap.fullmatch(gap):
                        c.type = n.type
                        break
            else:
                if i and ordered[i - 1].type == "place" and self._ranged(ordered[i - 1], c):
                    c.type = "place"

    def _ranged(self, first: _Cand, second: _Cand) -> bool:
        """Whether the two name the ends of a range: "from Annecy to Embrun"."""
        c, text = self.rules.c, self.text
        if c.range_gap is None or c.range_before is None:
            return False
        return bool(
            c.range_gap.match(text[first.end : second.start])
            and c.range_before.search(text[max(0, first.start - 12) : first.start])
        )

    def _reused_surnames(self, chosen: list[_Cand]) -> list[str]:
        """Unclassified person-shaped names whose last word comes back alone ("Lando Norris"
        ... "Norris"): the way news names a person the second time."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for c in chosen:
            if c.source == _RULE and c.type == "other" and " " in c.name:
                spans.setdefault(c.name, []).append((c.start, c.end))
        found = []
        for name, where in spans.items():
            words = name.split()
            if not self.rules.person_shaped(words):
                continue
            for start, end in _occurrences(self.text, [words[-1]]):
                if not any(s <= start and end <= e for s, e in where) and self._alone(start, end):
                    found.append(name)
                    break
        return found

    def _alone(self, start: int, end: int) -> bool:
        """Whether no capitalised word joins ``text[start:end]`` on either side."""
        text = self.text
        after = text[end : end + 2]
        if after[:1] == " " and after[1:2].isupper():
            return False
        words = text[max(0, start - 40) : start].split()
        if not text[max(0, start - 1) : start].isspace() or not words:
            return not text[max(0, start - 1) : start].isalnum()
        prev = words[-1]
        return not (prev[:1].isupper() and prev[-1:].isalnum())

    def _short_forms(self, chosen: list[_Cand]) -> dict[str, _Cand]:
        """Short form -> the mention of its long form, for this article."""
        text, gaz = self.text, self.gaz
        forms: dict[str, _Cand] = {}
        for c in chosen:
            if c.type == "person":
                for form in _person_forms(c.name, gaz):
                    forms.setdefault(form, c)
            elif c.type == "organization":
                short = _org_short_form(c.name, gaz, self.lang)
                if short:
                    forms.setdefault(short, c)
            if c.type in _NAMED_BY_ACRONYM:  # "Rapid Support Forces" ... "the RSF"
                initials = _initials(c.name)
                if initials and initials in text:
                    known = gaz.lookup(initials)  # never another entity's acronym ("USA")
                    if known is None or known.name == c.name:
                        forms.setdefault(initials, c)
            m = _ACRONYM_AFTER.match(text, c.end)
            if m and m.group(1) != c.name and c.type not in ("figure", "commodity"):
                known = gaz.lookup(m.group(1))
                if c.source == _RULE and known is not None and known.type in _NAMED_BY_ACRONYM:
                    # "Bureau de la coordination des affaires humanitaires (OCHA)": OCHA
                    c.name, c.type, c.source = known.name, known.type, _GAZ
                forms.setdefault(m.group(1), c)
        for form in list(forms):  # a short form never steals another known entity's name
            entry = gaz.lookup(form)
            if entry is not None and entry.type in ("person", "organization", "armed_group"):
                if entry.name != forms[form].name:
                    del forms[form]
        return forms

    def _join_short_forms(self, chosen: list[_Cand]) -> list[_Cand]:
        """Add (or substitute) mentions of short forms and of deferred sentence-initial words."""
        text = self.text
        forms = self._short_forms(chosen)
        chosen.sort(key=lambda c: c.start)
        starts = [c.start for c in chosen]
        added: list[_Cand] = []
        self.taken = bytearray(len(text))
        for start, end in _occurrences(text, forms):
            long = forms[text[start:end]]
            cand = _Cand(start, end, long.name, long.type, _ALIAS)
            self._place(cand, chosen, starts, added, replace=True)
        known = {text[c.start : c.end]: c for c in chosen if c.source in (_RULE, _GAZ)}
        for d in self.rules.deferred:
            full = known.get(d.name)
            if full is not None:
                cand = _Cand(d.start, d.end, full.name, full.type, _ALIAS)
                self._place(cand, chosen, starts, added, replace=False)
        if not added:
            return chosen
        return [c for c in chosen if c.source != _DROPPED] + added

    def _place(
        self,
        cand: _Cand,
        chosen: list[_Cand],
        starts: list[int],
        added: list[_Cand],
        replace: bool,
    ) -> None:
        """Add ``cand`` where nothing is; with ``replace``, over a weaker mention of one word."""
        if self.taken.find(1, cand.start, cand.end) != -1:  # overlaps an earlier addition
            return
        i = bisect.bisect_right(starts, cand.start) - 1
        near = [c for c in chosen[max(0, i) : i + 2] if c.start < cand.end and cand.start < c.end]
        if not near:
            self._add(cand, added)
            return
        if not replace or len(near) != 1:
            return
        other = near[0]
        if other.source == _RULE and cand.start <= other.start and other.end <= cand.end:
            # "Nunes da Silva" after "Gustavo Nunes da Silva", over a rule-found "Silva"
            if other.end - other.start < cand.end - cand.start:
                other.source = _DROPPED
                self._add(cand, added)
                return
        if (other.start, other.end) != (cand.start, cand.end) or other.name == cand.name:
            return
        single_word = " " not in self.text[other.start : other.end]
        if other.source == _RULE or (
            other.source == _GAZ and other.type in ("place", "other") and single_word
        ):
            other.source = _DROPPED
            self._add(cand, added)

    def _add(self, cand: _Cand, added: list[_Cand]) -> None:
        self.taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        added.append(cand)

    def _finish(self, chosen: list[_Cand]) -> list[Mention]:
        """Mentions under their final names and types, after renames, merges and retypes."""
        corr, gaz, text = self.corr, self.gaz, self.text
        types = {c.name: c.type for c in chosen}

        def type_of(name: str) -> str | None:
            entry = gaz.get(name)
            return types.get(name) or (entry.type if entry else None)

        mentions = []
        corrected = bool(corr)
        for c in sorted(chosen, key=lambda c: c.start):
            name, type_ = c.name, c.type
            if corrected:
                applied = corr.apply(name, type_, type_of)
                if applied is None:
                    continue
                name, type_ = applied
            mentions.append(Mention(c.start, c.end, name, type_, text[c.start : c.end]))
        return mentions


def _nowhere(start: int, end: int) -> bool:
    """No span is to be left alone (an article without URLs)."""
    return False


# The short forms of a name depend on the name, the gazetteer and the language only: an
# import meets the same names again and again, so they are worked out once per run.
@functools.lru_cache(maxsize=1 << 14)
def _person_forms(name: str, gaz: Gazetteer) -> tuple[str, ...]:
    """A person's short forms that are no common word and no first name."""
    return tuple(
        f for f in person_short_forms(name) if not gaz.is_common(f) and not gaz.is_first_name(f)
    )


@functools.lru_cache(maxsize=1 << 14)
def _org_short_form(name: str, gaz: Gazetteer, lang: Language) -> str | None:
    return org_short_form(name, gaz, lang)


@functools.lru_cache(maxsize=1 << 14)
def _initials(name: str) -> str | None:
    """The acronym of a name of two or more capitalised words ("RSF"), or None."""
    letters = [w[0] for w in name.split() if w[:1].isupper()]
    if len(letters) < 2:
        return None
    return "".join(letters)


def _free(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is no word character and no hyphen (or past either end)."""
    if pos < 0 or pos >= len(text):
        return True
    ch = text[pos]
    return not (ch.isalnum() or ch == "_" or ch == "-")


def _occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the forms stand alone in ``text`` (no word character or hyphen either side),
    left to right, not overlapping, the longest form first where several start together.

    The same spans as one regex of the forms as alternatives, longest first, between
    ``(?<![\\w-])`` and ``(?![\\w-])`` would give, without compiling one per article.
    """
    hits: list[tuple[int, int]] = []
    for form in forms:
        if not form:
            continue
        size = len(form)
        pos = text.find(form)
        while pos != -1:
            if _free(text, pos - 1) and _free(text, pos + size):
                hits.append((pos, -size))
            pos = text.find(form, pos + 1)
    hits.sort()
    out: list[tuple[int, int]] = []
    reached = 0
    for start, minus_size in hits:
        if start >= reached:
            reached = start - minus_size
            out.append((start, reached))
    return out


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Non-overlapping candidates: by tier, then longest, then source precedence."""
    cands.sort(key=lambda c: (c.tier, c.start - c.end, c.source, c.start))
    taken = bytearray(length)
    chosen = []
    for c in cands:
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return chosen


def _drop_swallowing(cands: list[_Cand], lang: Language, text: str) -> list[_Cand]:
    """Without rule-found names that overlap a known name of their own type.

    A region named by a compass word and a known place stays whole ("Northern Europe"), as
    does a place named by a known one and a head word ("Brussels Airport", "Melbourne
    Park"), and an organisation whose last word alone is a known one ("National
    Democratic Congress" is not the US Congress).
    """
    known = sorted(
        (c.start, c.end, c.type, text[c.start : c.end].lower() in lang.org_heads)
        for c in cands
        if c.source == _GAZ
    )
    if not known:
        return cands
    starts = [k[0] for k in known]
    kept = []
    for c in cands:
        words = c.name.split()
        if c.source == _RULE and c.tier == 1 and words[0].lower() not in lang.compass:
            i = bisect.bisect_left(starts, c.end)
            nearby = known[max(0, i - 8) : i]
            if not (c.type == "place" and words[-1].lower() in lang.place_heads) and any(
                s < c.end
                and c.start < e
                and t == c.type
                and not (head and t == "organization" and e == c.end)
                for s, e, t, head in nearby
            ):
                continue
        kept.append(c)
    return kept
