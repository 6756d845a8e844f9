"""Rules for names the gazetteer does not know: capitalised sequences and their context.

Owns :class:`NameRules`, which finds capitalised sequences (joined by spaces, name particles
such as ``van`` or ``de``, and ``of``/``for`` after words like Bank or Institute), splits them
at titles, months and weekdays, and types each by the evidence around it:

- person: a title or role before it ("President", "analyst"), "X of Y" titles ("Minister of
  Mines"), an apposition after it (", an economist at"), or a known first name followed by a
  surname-like word ("Aisha Bello");
- organization: a last word such as Ltd, Bank, Council, Ministry, University, or "Ministry
  of ..."; an apposition (", a mining company"); a word such as "firm" before it;
- armed_group: "rebels", "militia", "fighters" after it, "armed group" before it;
- place: River, Province, Street... in the name, "town of", "in", "near", "from" before it;
- other: a last word such as Cup, Agreement, Initiative; or no evidence at all (never a
  guessed person).

Sentence-initial words, months, weekdays, demonyms and common words are never names by
themselves; a single capitalised word at the start of a sentence is kept aside
(``deferred``) and only counts if the article names it elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.analysis.gazetteer import Gazetteer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS_DAYS = _words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
# Capitalised titles that introduce a person's name ("President Donald Trump").
TITLES = _words(
    """president vice-president president-elect minister secretary secretary-general senator
    sen rep representative governor gov mayor deputy general gen lieutenant lt colonel col
    major maj captain capt commander admiral sergeant sgt chancellor king queen prince
    princess pope bishop archbishop cardinal rev reverend dr mr mrs ms miss professor prof
    judge justice ambassador envoy chairman chairwoman chairperson director ceo councillor
    councilor commissioner speaker sheikh emir sultan coach chief inspector detective
    superintendent spokesperson spokesman spokeswoman premier lawmaker mp rapporteur sir
    dame lord marshal sheriff pastor imam"""
)
# Words that only build up a title ("First Deputy Prime Minister").
TITLE_PARTS = TITLES | _words(
    """prime vice deputy first foreign finance defence defense interior justice health trade
    home state assistant acting former interim executive attorney senior junior economy
    energy mines mining affairs affair"""
)
# Lower-case role words that introduce a person ("analyst Maria Kovalenko").
ROLES = TITLES | _words(
    """analyst economist researcher lawyer striker midfielder defender goalkeeper winger
    manager reporter correspondent activist founder executive officer official adviser
    advisor negotiator mediator leader head dean rector doctor nurse farmer resident student
    teacher engineer expert scientist historian author journalist photographer singer actor
    artist player referee candidate councilwoman councilman businessman businesswoman
    entrepreneur warlord survivor witness colleague owner chair"""
)
ORG_HEADS = _words(
    """inc ltd llc plc corp corporation co company companies group holdings institute council
    ministry bank agency commission committee authority fund foundation university college
    school department office association union party court parliament assembly federation
    club fc times post press news service services bureau organisation organization trust
    partners mining metals minerals resources energy airlines airways police army navy
    network coalition society centre center hospital church board chamber secretariat
    tribunal consortium industries technologies systems capital ventures exchange academy
    watch international forum guard congress senate cabinet administration unit taskforce
    programme program observatory laboratory institution herald journal gazette telegraph
    radio television media magazine review daily united rovers wanderers athletic rangers
    league brigade battalion regiment works mills"""
)
# Words after which "of"/"for" continues a name ("Bank of Uganda", "Institute for ...").
OF_HEADS = _words(
    """ministry department bank university office institute council court commission committee
    federation union association school college academy board chamber church house league
    society agency bureau museum republic kingdom city province state gulf bay lake sea cape
    isle isles port strait mouth district region declaration friends order authority
    organisation organization centre center fund foundation alliance coalition movement front
    party network"""
)
PLACE_HEADS = _words(
    """river mountains hills province district region county valley island islands bay coast
    basin plateau street road avenue square park stadium arena bridge airport harbour harbor
    dam corridor railway highway canal camp territory oblast raion village peninsula desert
    forest falls gorge sea ocean strait straits mine mines deposit field refinery terminal
    base station"""
)
PLACE_FIRST = _words("lake mount port cape gulf fort saint st river")
# Last words that make an unknown name an event, agreement or policy.
OTHER_HEADS = _words(
    """cup trophy championship championships games olympics marathon festival prize award
    awards summit act agreement accord accords treaty declaration doctrine protocol
    convention charter initiative"""
)
LEADING_STOP = _words(
    """the a an this that these those its his her their our my your and but or if when while
    after before as at in on for from by with under over of to"""
)
COMPASS = _words("north south east west northern southern eastern western central upper lower")
PARTICLES = frozenset(
    " van | von | de | der | den | du | da | di | la | le | del | della | dos | das | bin "
    "| ibn | al | el | y | van der | van den | von der | de la | & ".split("|")
)
_OF_GAPS = frozenset({" of ", " of the ", " for ", " for the "})
_ABBREVIATED_TITLES = _words("dr mr mrs ms prof gen sen rep gov lt col maj capt sgt adm rev st")

_UPPER = "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isupper())
_TOKEN = re.compile(rf"(?<![\w’'.-])(?:[{_UPPER}]\.(?=\s)|[{_UPPER}]\w*(?:[-’'][{_UPPER}\d]\w*)*)")
_PREV_WORD = re.compile(r"([^\W\d_][\w-]*)\.?[\s,]*$")
_TITLE_OF = re.compile(
    rf"([^\W\d_][\w-]*)\s+(?:of|for)\s+(?:the\s+)?(?:[{_UPPER}][\w’'-]*\s+){{1,3}}$"
)
_HEAD_OF = re.compile(
    r"\b(?:"
    + "|".join(sorted((OF_HEADS & ORG_HEADS) | {"ministry", "department", "chamber"}))
    + r")\s+(?:of|for)\b",
    re.IGNORECASE,
)
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|province|region|district|territory|county|port|capital|suburb"
    r"|neighbourhood|neighborhood|municipality|settlement|area|outskirts|streets|beaches"
    r"|districts|provinces|regions|towns|cities|villages)\s+of\s+$"
)
_PLACE_AFTER = re.compile(
    r"\s+(?:region|province|district|county|territory|oblast|valley|river|state|municipality)\b"
)
_ARMED_BEFORE = re.compile(
    r"\b(?:(?:rebel|armed|militia|insurgent|militant|jihadist|paramilitary|separatist)\s+"
    r"(?:group|movement|coalition|alliance|militia|faction)s?|militia|rebels)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ARMED_AFTER = re.compile(
    r"\s+(?:rebels?|militias?|militiamen|fighters|insurgents|militants|jihadists"
    r"|armed group|rebel group|rebel movement)\b"
)
_ORG_BEFORE = _words(
    """firm company consultancy lender miner agency charity organisation organization ngo
    newspaper broadcaster outlet club team party union ministry council institute startup
    insurer carmaker manufacturer operator consortium refiner producer developer contractor
    conglomerate retailer publisher university watchdog regulator group service"""
)
_PLACE_BEFORE = _words("in near from outside across around towards toward into through via")
_SAID_AFTER = re.compile(
    r",?\s+(?:said|says|told|added|wrote|argued|explained|warned|insisted|replied)\b"
)
_ROMAN = re.compile(r"[IVXLC]+")

_APPOSITIVE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:(who)\b|(?:a|an|the)\s+([^,.;:()“”\"]{1,80}))")
_APPOSITIVE_CUT = re.compile(
    r"\b(?:of|at|in|for|to|with|from|on|who|which|that|whose|based|linked|backed|and|near"
    r"|since|by)\b"
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|added|reported|announced|confirmed|warned|estimated|estimates)\b"
)
_APPOSITIVE_HEADS = {
    "organization": _words(
        """company firm consultancy organisation organization charity agency bank lender miner
        newspaper broadcaster club party ngo institute university fund startup network
        coalition union conglomerate producer manufacturer maker operator exporter importer
        trader smelter refiner developer supplier insurer retailer group cooperative"""
    ),
    "place": _words(
        """town city village province region district territory capital port suburb
        neighbourhood neighborhood area island hub crossing"""
    ),
    "other": _words(
        """programme program project scheme system platform mechanism initiative plan policy
        agreement deal law act treaty operation campaign mission"""
    ),
}


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
    """Finds and types capitalised names in one text."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        text: str,
        sentence_starts: set[int],
        skip: Callable[[int, int], bool] = lambda start, end: False,
    ) -> None:
        self.gaz = gazetteer
        self.text = text
        self.starts = sentence_starts
        self.skip = skip  # spans to leave alone, such as URLs
        #: single capitalised words at the start of a sentence, with no evidence
        self.deferred: list[RuleName] = []

    def find(self) -> list[RuleName]:
        """The names found, strong and weak; fills :attr:`deferred` as a side effect."""
        found = []
        for run in self._runs():
            for chunk, after_title in self._chunks(run):
                name = self._classify(chunk, after_title)
                if name is not None:
                    found.append(name)
        return found

    # -- sequences -----------------------------------------------------------------------

    def _runs(self) -> list[list[Span]]:
        """Sequences of capitalised tokens joined by spaces, particles or "of"/"for"."""
        text = self.text
        runs: list[list[Span]] = []
        current: list[Span] = []
        joined_of = False  # "Authority for Emergency and Civil Protection" goes on with "and"
        for m in _TOKEN.finditer(text):
            start, end = m.span()
            if current:
                gap = text[current[-1][1] : start]
                prev = text[current[-1][0] : current[-1][1]].lower()
                if gap in _OF_GAPS and prev in OF_HEADS:
                    joined_of = True
                    current.append((start, end))
                    continue
                if gap == " " or gap in PARTICLES or (joined_of and gap == " and "):
                    current.append((start, end))
                    continue
                runs.append(current)
            current, joined_of = [(start, end)], False
        if current:
            runs.append(current)
        return runs

    def _chunks(self, run: list[Span]) -> Iterator[tuple[list[Span], bool]]:
        """Split a run at months, weekdays and titles that precede a name."""
        text = self.text
        chunk: list[Span] = []
        after_title = False
        for i, (start, end) in enumerate(run):
            word = text[start:end]
            if word in MONTHS_DAYS:
                if chunk:
                    yield chunk, after_title
                chunk, after_title = [], False
                continue
            title = (
                word.lower().rstrip(".") in TITLES
                and i + 1 < len(run)
                and not text[max(0, start - 4) : start].endswith(("of ", "the "))
            )
            if title:
                if chunk and not all(text[s:e].lower() in TITLE_PARTS for s, e in chunk):
                    yield chunk, after_title
                chunk, after_title = [], True
                continue
            chunk.append((start, end))
        if chunk:
            yield chunk, after_title

    def _trim(self, chunk: list[Span]) -> list[Span]:
        """Without leading words that cannot begin a name."""
        gaz, text = self.gaz, self.text
        words = [text[s:e] for s, e in chunk]
        named = len(words) > 2 and words[-1].lower() in ORG_HEADS  # "European Investment Bank"
        at_start = chunk[0][0] in self.starts
        i = 0
        while i < len(words):
            first = words[i]
            initial_common = at_start and gaz.is_common(first) and not gaz.is_first_name(first)
            if not (
                first.lower() in LEADING_STOP
                or (gaz.is_demonym(first) and not (named and len(words) - i > 2))
                or (initial_common and not (named and len(words) - i > 2))
            ):
                break
            i, at_start = i + 1, False
        # "Foreign Affairs Thérèse Kayikwamba" -> the name starts at the first name.
        for j in range(i, len(words) - 1):
            if gaz.is_first_name(words[j]) and not gaz.is_common(words[j]):
                if j > i and all(gaz.is_common(w) for w in words[i:j]):
                    i = j
                break
        return chunk[i:]

    def _classify(self, chunk: list[Span], after_title: bool) -> RuleName | None:
        gaz, text = self.gaz, self.text
        chunk = self._trim(chunk)
        if not chunk:
            return None
        words = [text[s:e] for s, e in chunk]
        start, end = chunk[0][0], chunk[-1][1]
        if self.skip(start, end) or all(w.lower().rstrip(".") in TITLE_PARTS for w in words):
            return None
        evidence = "person" if after_title else self._evidence(words, start, end)
        if len(words) == 1:
            word = words[0]
            if len(word) < 2 or word.endswith(".") or _ROMAN.fullmatch(word):
                return None
            if gaz.is_demonym(word) or word in MONTHS_DAYS:
                return None
            if gaz.is_common(word) and evidence != "person":
                return None
            if start in self.starts and evidence is None:
                self.deferred.append(RuleName(start, end, word, "other", False))
                return None
        elif evidence is None and all(gaz.is_common(w) or w.endswith(".") for w in words):
            return None
        name = " ".join(text[start:end].split())
        return RuleName(start, end, name, evidence or "other", evidence is not None)

    # -- evidence ------------------------------------------------------------------------

    def _evidence(self, words: list[str], start: int, end: int) -> str | None:
        """The type the context gives an unknown name, or None."""
        text, gaz = self.text, self.gaz
        before = text[max(0, start - 48) : start]
        after = text[end : end + 64]
        prev = _PREV_WORD.search(before)
        prev_word = prev.group(1).lower() if prev else ""
        same_clause = not before.rstrip().endswith((".", ","))
        first, last = words[0].lower(), words[-1].lower()
        if prev_word in ROLES and (same_clause or prev_word in _ABBREVIATED_TITLES):
            return "person"
        title_of = _TITLE_OF.search(before)
        if title_of and title_of.group(1).lower() in TITLES:
            return "person"
        if _ARMED_BEFORE.search(before) or _ARMED_AFTER.match(after):
            return "armed_group"
        if "liberation" in (w.lower() for w in words) and last in ("front", "army", "forces"):
            return "armed_group"
        if last in ORG_HEADS or (len(words) > 1 and _HEAD_OF.search(text, start, end)):
            return "organization"
        if last in PLACE_HEADS or (len(words) > 1 and first in PLACE_FIRST):
            return "place"
        if _PLACE_OF.search(before) or _PLACE_AFTER.match(after):
            return "place"
        appositive = appositive_type(after)
        if appositive:
            return appositive
        if last in OTHER_HEADS or first == "operation":
            return "other"
        if prev_word in _ORG_BEFORE and same_clause:
            return "organization"
        if len(words) > 1 and gaz.is_first_name(words[0]) and self._surname_like(words):
            if not (gaz.is_common(words[0]) and gaz.is_common(words[-1])):
                return "person"
            if _SAID_AFTER.match(after):  # "Tom Baker, said": common words, but a speaker
                return "person"
        if prev_word in _PLACE_BEFORE and same_clause and not after.startswith(("’s", "'s")):
            return "place"
        return None

    def _surname_like(self, words: list[str]) -> bool:
        """Whether the words after a first name look like a surname ("Aisha Bello")."""
        gaz = self.gaz
        ambiguous = gaz.is_common(words[0])  # "Will", "Grace"
        for w in words[1:]:
            if w.endswith(".") and len(w) == 2:  # a middle initial
                continue
            low = w.lower()
            if low in ORG_HEADS or low in PLACE_HEADS or gaz.is_demonym(w):
                return False
            entry = gaz.lookup(w)
            if entry is not None and (entry.type != "place" or ambiguous):
                return False
        return True


def appositive_type(after: str) -> str | None:
    """The type an apposition gives the name before it: ", an analyst at" -> person."""
    m = _APPOSITIVE.match(after)
    if m is None:
        return None
    if m.group(1):
        return "person"
    phrase = m.group(2)
    if _SPEECH.search(phrase):  # "Leiria, the country's civil protection agency said"
        return None
    cut = _APPOSITIVE_CUT.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    for mark in ("’s ", "'s ", "s’ ", "s' "):  # "the club's first assistant coach"
        if mark in phrase:
            phrase = phrase.rsplit(mark, 1)[1]
    phrase = phrase.lower()
    if re.search(r"\b(?:armed|rebel|militant|insurgent) group|\bmilitia", phrase):
        return "armed_group"
    for word in reversed(phrase.split()):
        for w in (word, word[:-1] if word.endswith("s") else word):
            if w in ROLES:
                return "person"
            for type_, heads in _APPOSITIVE_HEADS.items():
                if w in heads:
                    return type_
    return None


def person_short_forms(name: str) -> list[str]:
    """What a person's name shortens to: "van Dalen" and "Dalen", "Kayikwamba Wagner"."""
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
    return [f for f in forms if len(f) >= 3 and not f.endswith(".")]


def org_short_form(name: str, gazetteer: Gazetteer) -> str | None:
    """What an organisation's name shortens to: "Castleford" for "Castleford Athletic"."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in ORG_HEADS:
        words.pop()
    if len(words) == len(name.split()) or len(words) > 2:
        return None
    form = " ".join(words)
    if len(form) < 3 or words[0].lower() in COMPASS or gazetteer.lookup(form) is not None:
        return None
    if gazetteer.is_demonym(words[0]):
        return None
    if len(words) == 1 and (gazetteer.is_common(form) or gazetteer.is_first_name(form)):
        return None
    return form


_COMMODITY_NOT_BEFORE = {
    "gold": _words("medal medals medallist medalist medallists standard cup coast star stars"),
    "silver": _words("medal medals medallist medalist lining screen spoon"),
    "tin": _words("can cans foil pot roof roofs hat"),
    "natural gas": _words("station stations chamber chambers mask masks pedal"),
    "iron ore": _words("out fist dome curtain lady man"),
    "diamonds": _words("league jubilee"),
    "platinum": _words("album record"),
    "grain": _words("of"),
}
_COMMODITY_NOT_AFTER = {
    "natural gas": _words("tear greenhouse nerve laughing"),
    "oil": _words("cooking olive palm vegetable sunflower essential castor coconut fish edible"),
}
_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


def commodity_in_context(text: str, start: int, end: int, name: str) -> bool:
    """False for "gold medal", "iron out", "tear gas", "cooking oil"."""
    not_before = _COMMODITY_NOT_BEFORE.get(name)
    if not_before:
        m = _NEXT_WORD.match(text, end, end + 20)
        if m and m.group(1).lower() in not_before:
            return False
    not_after = _COMMODITY_NOT_AFTER.get(name)
    if not_after:
        m = _PREV_WORD.search(text, max(0, start - 20), start)
        if m and m.group(1).lower() in not_after:
            return False
    return True
