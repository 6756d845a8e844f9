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

Tokens keep lower-case hyphenated given names whole ("Park Ji-hoon"), and a first name that
is also a common word still starts a name ("Maria Jose Catala"); a word in capitals with
evidence is never the common word it spells ("the Dutch bank ING").

Sentence-initial words, function words ("Selon", "Les"), months, weekdays, demonyms and
common words are never names by themselves, and an elided article is never part of the name
that follows ("l'Ouganda" is "Ouganda"); a single capitalised word at the start of a sentence
is kept aside (``deferred``) and only counts if the article names it elsewhere. Every word
list and context pattern is the article's language's data (:mod:`reader.analysis.languages`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.languages import Language, load_language

_UPPER = "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isupper())
_PREV_WORD = re.compile(r"([^\W\d_][\w-]*)\.?[\s,]*$")
_ROMAN = re.compile(r"[IVXLC]+")
_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


class _Compiled:
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
        self.token = re.compile(
            rf"(?:(?<![\w’'.-]){elided})(?:{hyphened}[{_UPPER}]\.(?=\s)|{glue}[{_UPPER}]\w*"
            rf"(?:[-’'][{_UPPER}\d]\w*)*{glued_token})"
        )
        self.months_days = lang.months | lang.weekdays
        self.of_gaps = lang.of_gaps
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


def _optional(lang: Language, key: str) -> re.Pattern[str] | None:
    """The compiled pattern ``key`` of ``lang``, or None when the language has none."""
    pattern = lang.patterns.get(key)
    return re.compile(pattern) if pattern else None


def _connector(words: str) -> str:
    pattern = re.escape(words).replace(r"\ ", r"\s+")
    return pattern + ("\\s*" if words.endswith(("'", "’")) else r"\s+")


@functools.cache
def _compiled(lang: Language) -> _Compiled:
    return _Compiled(lang)


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


class NameRules:
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

    # -- word lists of the gazetteer and of the language ---------------------------------

    def is_common(self, word: str) -> bool:
        return self.gaz.is_common(word) or word.lower() in self.lang.common

    def is_first_name(self, word: str) -> bool:
        return self.gaz.is_first_name(word) or word in self.lang.first_names

    def is_demonym(self, word: str) -> bool:
        return self.gaz.is_demonym(word) or word in self.lang.demonyms

    def find(self) -> list[RuleName]:
        """The names found, strong and weak; fills :attr:`deferred` as a side effect."""
        found = []
        tokens = [m.span() for m in self.c.token.finditer(self.text)]
        for run in self._runs(tokens):
            for chunk, after_title in self._chunks(run):
                name = self._classify(chunk, after_title)
                if name is not None:
                    found.append(name)
        if self.lang.lead_heads:
            found.extend(self._headed_names(tokens))
        return found

    # -- sequences -----------------------------------------------------------------------

    def _runs(self, tokens: list[Span]) -> list[list[Span]]:
        """Sequences of capitalised tokens joined by spaces, particles or "of"/"for"."""
        text, lang = self.text, self.lang
        runs: list[list[Span]] = []
        current: list[Span] = []
        joined_of = False  # "Authority for Emergency and Civil Protection" goes on with "and"
        for start, end in tokens:
            if current:
                gap = text[current[-1][1] : start]
                prev = text[current[-1][0] : current[-1][1]].lower()
                if gap in self.c.of_gaps and prev in lang.of_heads:
                    joined_of = True
                    current.append((start, end))
                    continue
                if gap == " " or gap in lang.particles or (joined_of and gap == " and "):
                    current.append((start, end))
                    continue
                runs.append(current)
            current, joined_of = [(start, end)], False
        if current:
            runs.append(current)
        return runs

    def _chunks(self, run: list[Span]) -> Iterator[tuple[list[Span], bool]]:
        """Split a run at months, weekdays and titles that precede a name."""
        text, lang = self.text, self.lang
        chunk: list[Span] = []
        after_title = False
        for i, (start, end) in enumerate(run):
            word = text[start:end]
            if word in self.c.months_days:
                if chunk:
                    yield chunk, after_title
                chunk, after_title = [], False
                continue
            title = (
                word.lower().rstrip(".") in lang.titles
                and i + 1 < len(run)
                and not text[max(0, start - 4) : start].endswith(("of ", "the "))
            )
            if title:
                if chunk and not all(text[s:e].lower() in lang.title_parts for s, e in chunk):
                    yield chunk, after_title
                chunk, after_title = [], True
                continue
            chunk.append((start, end))
        if chunk:
            yield chunk, after_title

    def _trim(self, chunk: list[Span]) -> list[Span]:
        """Without leading words that cannot begin a name."""
        text, lang = self.text, self.lang
        words = [text[s:e] for s, e in chunk]
        named = len(words) > 2 and words[-1].lower() in lang.org_heads  # "European Investment Bank"
        at_start = chunk[0][0] in self.starts
        i = 0
        while i < len(words):
            first = words[i]
            initial_common = at_start and self.is_common(first) and not self.is_first_name(first)
            if not (
                first.lower() in lang.function_words
                or (self.is_demonym(first) and not (named and len(words) - i > 2))
                or (initial_common and not (named and len(words) - i > 2))
            ):
                break
            i, at_start = i + 1, False
        # "Foreign Affairs Thérèse Kayikwamba" -> the name starts at the first name.
        for j in range(i, len(words) - 1):
            if self.is_first_name(words[j]) and not self.is_common(words[j]):
                # "Maria Jose Catala": a first name that is also a common word stays.
                skipped = words[i:j]
                if j > i and all(self.is_common(w) and not self.is_first_name(w) for w in skipped):
                    i = j
                break
        return chunk[i:]

    def _classify(self, chunk: list[Span], after_title: bool) -> RuleName | None:
        text, lang = self.text, self.lang
        chunk = self._trim(chunk)
        if not chunk:
            return None
        words = [text[s:e] for s, e in chunk]
        start, end = chunk[0][0], chunk[-1][1]
        if self.skip(start, end) or all(w.lower().rstrip(".") in lang.title_parts for w in words):
            return None
        if len(words) == 1:  # what no evidence can save, before looking for any
            word = words[0]
            if len(word) < 2 or word.endswith(".") or _ROMAN.fullmatch(word):
                return None
            if self.is_demonym(word) or word in self.c.months_days:
                return None
            if word.lower() in lang.numbers.number_words:  # "Deux semaines après"
                return None
        evidence = "person" if after_title else self._evidence(words, start, end)
        if len(words) == 1:
            word = words[0]
            # "ING", "the bank ING": a word in capitals with evidence is no common word.
            acronym = evidence is not None and word.isupper()
            if self.is_common(word) and evidence != "person" and not acronym:
                return None
            if start in self.starts and evidence is None:
                self.deferred.append(RuleName(start, end, word, "other", False))
                return None
        elif evidence is None and all(self.is_common(w) or w.endswith(".") for w in words):
            return None
        name = " ".join(text[start:end].split())
        return RuleName(start, end, name, evidence or "other", evidence is not None)

    # -- names written head first: "Banque centrale du Congo" ------------------------------

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

    # -- evidence ------------------------------------------------------------------------

    def _evidence(self, words: list[str], start: int, end: int) -> str | None:
        """The type the context gives an unknown name, or None."""
        text, lang, c = self.text, self.lang, self.c
        before = text[max(0, start - 48) : start]
        after = text[end : end + 64]
        prev_word = previous_word(before).lower()
        same_clause = not before.rstrip().endswith((".", ","))
        first, last = words[0].lower(), words[-1].lower()
        if prev_word in lang.roles and (same_clause or prev_word in lang.abbreviated_titles):
            return "person"
        title_of = c.title_of.search(before) if c.title_of_tail.search(before) else None
        if title_of and title_of.group(1).lower() in lang.titles:
            return "person"
        if c.armed_before.search(before) or c.armed_after.match(after):
            return "armed_group"
        if c.armed_name.search(" ".join(words).lower()):
            return "armed_group"
        if last in lang.org_heads or (
            len(words) > 1 and c.head_of is not None and c.head_of.search(text, start, end)
        ):
            return "organization"
        if len(words) > 1 and first in lang.lead_heads and lang.lead_heads[first] != "other":
            return (
                lang.lead_heads[first]
                if lang.lead_heads[first] != "armed_group"
                else ("organization")
            )
        if last in lang.place_heads or (len(words) > 1 and first in lang.place_first):
            return "place"
        if c.place_of.search(before) or c.place_after.match(after):
            return "place"
        appositive = appositive_type(after, lang)
        if appositive:
            return appositive
        if last in lang.other_heads or first in lang.other_first:
            return "other"
        if prev_word in lang.org_before and same_clause:
            return "organization"
        if c.org_after is not None and c.org_after.match(after):
            return "organization"
        if c.org_at.search(before, max(0, len(before) - 32)):  # "analysts at Berenberg"
            return "organization"
        if len(words) > 1 and first in lang.compass:  # "Northern Europe", "Western Kenya"
            rest = self.gaz.lookup(" ".join(words[1:]))
            if rest is not None and rest.type == "place":
                return "place"
        if len(words) > 1 and self.is_first_name(words[0]) and self._surname_like(words):
            if not (self.is_common(words[0]) and self.is_common(words[-1])):
                return "person"
            if c.said_after.match(after):  # "Tom Baker, said": common words, but a speaker
                return "person"
        if (c.team_after is not None and c.team_after.match(after)) or (
            c.team_before is not None and c.team_before.search(before)
        ):  # "Flamengo beat Palmeiras 2-1": sports teams
            return "organization"
        if prev_word in lang.place_before and same_clause and not after.startswith(("’s", "'s")):
            return "place"
        return None

    def _surname_like(self, words: list[str]) -> bool:
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


def _letter(ch: str) -> bool:
    """``[^\\W\\d_]``: a word character that is no decimal digit and no underscore."""
    return ch.isalnum() and not ch.isdecimal()


def previous_word(before: str) -> str:
    """The word ``before`` ends with, past spaces, commas and one full stop ("" if none).

    What ``([^\\W\\d_][\\w-]*)\\.?[\\s,]*$`` would capture first, found from the end
    instead of by trying every position: the run of word characters and hyphens there,
    from its first letter.
    """
    end = len(before)
    while end and (before[end - 1] == "," or before[end - 1].isspace()):
        end -= 1
    if end and before[end - 1] == ".":
        end -= 1
    start = end
    while start and (before[start - 1].isalnum() or before[start - 1] in "_-"):
        start -= 1
    for i in range(start, end):
        if _letter(before[i]):
            return before[i:end]
    return ""


def appositive_type(after: str, language: Language | None = None) -> str | None:
    """The type an apposition gives the name before it: ", an analyst at" -> person."""
    lang = language if language is not None else load_language("en")
    c = _compiled(lang)
    m = c.appositive.match(after)
    if m is None:
        return None
    if m.group(1):
        return "person"
    bare = m.lastindex is not None and m.lastindex >= 3 and m.group(3) is not None
    phrase = m.group(3) if bare else m.group(2)
    if phrase is None or c.speech.search(phrase):  # "Leiria, the ... agency said"
        return None
    cut = c.appositive_cut.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    for mark in ("’s ", "'s ", "s’ ", "s' "):  # "the club's first assistant coach"
        if mark in phrase:
            phrase = phrase.rsplit(mark, 1)[1]
    phrase = phrase.lower()
    if c.appositive_armed.search(phrase):
        return "armed_group"
    words = phrase.split()
    if bare:  # no article: only "X, chercheuse à ..." or "X, consultant belge"
        words = words[:1]
    for word in reversed(words):
        for w in (word, word[:-1] if word.endswith("s") else word):
            if w in lang.roles:
                return "person"
            for type_, heads in lang.appositive_heads.items():
                if w in heads:
                    return type_
    return None


def person_short_forms(name: str) -> list[str]:
    """What a person's name shortens to: "van Dalen" (and "Van Dalen"), "Dalen", "Kayikwamba
    Wagner"."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = [words[-1]]
    for i, w in enumerate(words[1:], start=1):
        if w[:1].islower():
            forms.append(" ".join(words[i:]))
            break
    else:
        if len(words) >= 3:
            forms.append(" ".join(words[-2:]))
    if len(words) >= 3 and " ".join(words[1:]) not in forms:  # "Nunes da Silva"
        forms.append(" ".join(words[1:]))
    # A particle starts a sentence in capitals: "Van der Berg's agent", "Al-Amin's trial".
    forms += [f[0].upper() + f[1:] for f in forms if f[:1].islower()]
    return [f for f in forms if len(f) >= 3 and not f.endswith(".")]


def org_short_form(name: str, gazetteer: Gazetteer, language: Language | None = None) -> str | None:
    """What an organisation's name shortens to: "Castleford" for "Castleford Athletic"."""
    lang = language if language is not None else load_language("en")
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in lang.org_heads:
        words.pop()
    if len(words) == len(name.split()) or len(words) > 2:
        return None
    form = " ".join(words)
    if len(form) < 3 or words[0].lower() in lang.compass or gazetteer.lookup(form) is not None:
        return None
    if gazetteer.is_demonym(words[0]) or words[0] in lang.demonyms:
        return None
    if len(words) == 1 and (
        gazetteer.is_common(form) or gazetteer.is_first_name(form) or form.lower() in lang.common
    ):
        return None
    return form


def commodity_in_context(
    text: str, start: int, end: int, name: str, language: Language | None = None
) -> bool:
    """False for "gold medal", "iron out", "tear gas", "cooking oil"; French "Or, ..."."""
    lang = language if language is not None else load_language("en")
    not_before = lang.commodity_not_before.get(name)
    if not_before:
        m = _NEXT_WORD.match(text, end, end + 20)
        if m and m.group(1).lower() in not_before:
            return False
    not_after = lang.commodity_not_after.get(name)
    if not_after:
        m = _PREV_WORD.search(text, max(0, start - 20), start)
        if m and m.group(1).lower() in not_after:
            return False
    only_after = lang.commodity_after_only.get(text[start:end].lower())
    if only_after:
        before = text[max(0, start - 8) : start].lower()
        if not any(before.endswith((w, w + " ")) for w in only_after):
            return False
    return True
