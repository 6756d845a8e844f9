"""Rule-based coding: suggest evidence sentences per dimension, and find look-alike sentences.

This module owns applying a :class:`~reader.analysis.codebooks.Codebook`'s rules to a text
(:func:`suggest`: one suggestion per sentence per dimension, naming the first rule that
matched; the library stores it with method ``rule:<rule id>``), in the article's language
(its sentence rules, its codebook rules, its negators; see :mod:`reader.analysis.codebooks`
for how rules are picked), and the lexical similarity
used to show an evidence sentence's closest counterpart on the other side of a comparison
(:func:`similarity`, :func:`closest`). Storage, statuses and the pane live elsewhere.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reader.analysis.codebooks import NEGATION_WINDOW, Codebook, Rule
from reader.analysis.coding_model import model_for, rule_id
from reader.analysis.languages import (
    DEFAULT_LANGUAGE,
    Language,
    available_languages,
    guess_language,
    language_for,
    load_language,
    normalise_code,
)
from reader.analysis.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence suggested as evidence for a dimension: ``text == article[start:end]``."""

    dimension: str
    start: int
    end: int
    text: str
    rule: str


# --- applying rules -------------------------------------------------------------------------

NEGATORS = load_language(DEFAULT_LANGUAGE).negators
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]| - ")
_WORD = re.compile(r"[\w'’]+")
_NORMALISE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2013": "-",
        "\u2014": " - ",
    }
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    id: str
    any_of: re.Pattern[str]
    all_of: tuple[re.Pattern[str], ...]
    none_of: re.Pattern[str] | None
    negation: bool
    language: Language
    cased: bool = False  # matched against the sentence with its case (see ``suggest``)

    def matches(self, sentence: str) -> bool:
        if self.negation:
            if all(
                _negated(sentence, m.start(), self.language) for m in self.any_of.finditer(sentence)
            ):
                return False  # no match at all, or every match negated
        elif self.any_of.search(sentence) is None:
            return False
        if not all(p.search(sentence) for p in self.all_of):
            return False
        return self.none_of is None or self.none_of.search(sentence) is None


def _lower_pattern(pattern: str) -> str:
    """``pattern`` in lower case, its escapes (``\\W``, ``\\S``, ``\\B``...) kept as written."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def _compile(pattern: str, ascii_only: bool, cased: bool = False) -> re.Pattern[str]:
    """A rule pattern as whole words. For ASCII sentences it is compiled in lower case
    without ``IGNORECASE`` (about twice as fast in ``re``): match it against
    ``sentence.lower()``, which keeps every offset for ASCII text. ``cased``: as written,
    for the sentence with its case."""
    if cased:
        return re.compile(rf"(?<!\w)(?:{_fold(pattern)})(?!\w)", re.ASCII if ascii_only else 0)
    if ascii_only:
        return re.compile(rf"(?<!\w)(?:{_lower_pattern(_fold(pattern))})(?!\w)", re.ASCII)
    return re.compile(rf"(?<!\w)(?:{_fold(pattern)})(?!\w)", re.IGNORECASE)


def _alternation(patterns: tuple[str, ...], ascii_only: bool, cased: bool) -> re.Pattern[str]:
    branches = [b for p in patterns for b in _top_level(_distributed(_fold(p)))]
    return _compile(_by_first_letter(branches, cased), ascii_only, cased)


# --- faster alternations ------------------------------------------------------------------
# ``re`` skips an alternative that starts with a literal character wherever another character
# stands, but enters every alternative that starts with a group. A leading group of plain words
# is therefore distributed over the rest of its alternative: ``(peace|framework) deal`` becomes
# ``peace deal|framework deal`` and ``(the )?deal`` becomes ``the deal|deal`` (tried in the same
# order, so the same text matches). About a third faster on the shipped codebooks. Then the
# alternatives that start with the same plain letter are joined behind it (see
# :func:`_by_first_letter`), so that at each word ``re`` tries one letter per group rather than
# every alternative: about 40% faster again on the largest rules (hedges, voices, the toll).

_PLAIN_WORDS = re.compile(r"[\w' -]+")
_BACKREFERENCE = re.compile(r"\\\d|\(\?P=")
_MAX_BRANCHES = 48


def _top_level(pattern: str) -> list[str]:
    """``pattern`` cut at each ``|`` outside groups and character classes."""
    parts: list[str] = []
    start = depth = 0
    escaped = in_class = False
    class_start = -1
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:  # a "]" first in the class (after "[" or "[^") is a plain character
            in_class = char != "]" or pattern[class_start:i] in ("[", "[^")
        elif char == "[":
            in_class, class_start = True, i
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _word_forms(word: str) -> list[str]:
    """A plain word whose last letter is optional as its two forms, longer first, in the order
    ``re`` tries them (``remains?`` -> ``remains``, ``remain``); any other word as written."""
    if word.endswith("?") and len(word) > 2 and word[-2].isalpha():
        return [word[:-1], word[:-2]]
    return [word]


def _leading_words(branch: str) -> tuple[list[str], bool, str] | None:
    """``(a|b)?rest`` as ``(["a", "b"], optional, "rest")``; None unless the branch starts
    with a capturing group of plain words (letters, digits, spaces, hyphens, apostrophes; a
    last letter may be optional: see :func:`_word_forms`)."""
    if not branch.startswith("(") or branch.startswith("(?"):
        return None
    end = branch.find(")")
    if end < 0:
        return None
    words = [form for w in branch[1:end].split("|") for form in _word_forms(w)]
    if not all(w and _PLAIN_WORDS.fullmatch(w) for w in words):
        return None
    rest = branch[end + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    if rest[:1] in ("?", "*", "+", "{"):  # a lazy or counted group: leave it as written
        return None
    return words, optional, rest


def _expand(branch: str) -> list[str]:
    """The alternatives ``branch`` stands for once its leading word groups are distributed."""
    lead = _leading_words(branch)
    if lead is None:
        return [branch]
    words, optional, rest = lead
    tails = _expand(rest) if rest else [""]
    out = [w + tail for w in words for tail in tails]
    if optional:
        out.extend(tails)
    if "" in out or len(out) > _MAX_BRANCHES:
        return [branch]
    return out


def _distributed(pattern: str) -> str:
    """``pattern`` with the leading word groups of its alternatives distributed (the same
    matches); as written when it refers back to a group."""
    if _BACKREFERENCE.search(pattern):
        return f"(?:{pattern})"
    return "|".join(e for branch in _top_level(pattern) for e in _expand(branch))


def _by_first_letter(branches: list[str], cased: bool) -> str:
    """``branches`` as one alternation, those that start with the same plain letter joined
    behind it (``said|says|added`` -> ``s(?:aid|ays)|a(?:dded)``): ``re`` then tries one
    letter per group instead of every branch at each word. A group stands where its first
    branch stood; branches that start otherwise (a group, a class, a look-around) stay put."""
    groups: dict[str, list[str]] = {}
    order: list[str | tuple[str]] = []
    for branch in branches:
        first = branch[:1]
        if first.isalnum() and branch[1:2] not in ("?", "*", "+", "{"):
            key = first if cased else first.lower()
            if key not in groups:
                groups[key] = []
                order.append((key,))
            groups[key].append(branch[1:])
        else:
            order.append(branch)
    parts = []
    for item in order:
        if isinstance(item, str):
            parts.append(item)
            continue
        tails = groups[item[0]]
        parts.append(item[0] + tails[0] if len(tails) == 1 else f"{item[0]}(?:{'|'.join(tails)})")
    return "|".join(parts)


def _compile_rule(rule: Rule, ascii_only: bool = False) -> _CompiledRule:
    cased = rule.case
    return _CompiledRule(
        id=rule.id,
        any_of=_alternation(rule.any_of, ascii_only, cased),
        all_of=tuple(_alternation((p,), ascii_only, cased) for p in rule.all_of),
        none_of=_alternation(rule.none_of, ascii_only, cased) if rule.none_of else None,
        negation=rule.negation,
        language=language_for(rule.language),
        cased=cased,
    )


_Compiled = tuple[tuple[str, tuple[_CompiledRule, ...]], ...]


def rules_for(codebook: Codebook, language: str | None, text: str = "") -> str | None:
    """Which rules code an article in ``language``: a code, or None for all of them.

    The article's own language when the codebook has rules in it; else English (also for
    a language without data). Unknown (None): the language guessed from ``text``'s function
    words; every rule when that guess fails.
    """
    code = normalise_code(language)
    if code is None and text:
        code = guess_language(text)
    if code is None:
        return None
    if any(r.language == code for d in codebook.dimensions for r in d.rules):
        return code
    return DEFAULT_LANGUAGE


def _compile_book(codebook: Codebook, ascii_only: bool, language: str | None) -> _Compiled:
    def wanted(rule: Rule) -> bool:
        if language is None:
            return True
        return (rule.language or DEFAULT_LANGUAGE) == language

    return tuple(
        (dim.id, tuple(_compile_rule(r, ascii_only) for r in dim.rules if wanted(r)))
        for dim in codebook.dimensions
    )


@functools.lru_cache(maxsize=32)
def _compiled(codebook: Codebook, language: str | None) -> tuple[_Compiled, _Compiled]:
    """The codebook's rules compiled twice: for ASCII sentences (fast, in lower case; see
    :func:`_compile`) and for the rest."""
    return _compile_book(codebook, True, language), _compile_book(codebook, False, language)


def _negated(sentence: str, pos: int, language: Language | None = None) -> bool:
    """Whether a negator stands within a few words before ``pos``, in the same clause."""
    lang = language if language is not None else load_language(DEFAULT_LANGUAGE)
    before = sentence[max(0, pos - 80) : pos]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = _WORD.findall(before.lower())[-NEGATION_WINDOW:]
    return any(
        w in lang.negators
        or (lang.negator_suffixes and w.endswith(lang.negator_suffixes))
        or (lang.negator_prefixes and w.startswith(lang.negator_prefixes))
        for w in words
    )


def _fold(text: str) -> str:
    """``text`` without accents ("Félix" -> "Felix"), so that matching ignores them."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(sentence: str) -> str:
    """The form rules see: single spaces, straight quotes, plain hyphens, no accents."""
    return _SPACES.sub(" ", _fold(sentence.translate(_NORMALISE))).strip()


def matching_rule(sentence: str, rules: tuple[Rule, ...]) -> str | None:
    """The id of the first of ``rules`` that matches ``sentence`` (uncached; for editors)."""
    cased = normalise(sentence)
    ascii_only = cased.isascii()
    norm = cased.lower() if ascii_only else cased
    for rule in rules:
        if _compile_rule(rule, ascii_only).matches(cased if rule.case else norm):
            return rule.id
    return None


def suggest(
    text: str, codebook: Codebook, language: str | None = None, *, learned: bool = False
) -> list[Suggestion]:
    """Every sentence of ``text`` that a dimension's rule matches, in text order.

    At most one suggestion per sentence and dimension; ``rule`` is the first matching rule.
    ``language`` is the article's ISO 639-1 code: its rules code it and its sentence rules
    split it (unknown: the language is guessed; all rules when the guess fails). With
    ``learned``, the codebook's learned coder (:mod:`reader.analysis.coding_model`, when it
    has one and knows the language) adds the sentences the rules missed, with rule id
    ``model:<dimension>``, after the rules' suggestions of the same sentence, and withholds a
    rule's suggestion for a dimension with a veto floor when the sentence's probability for it
    stays under the floor (see :meth:`~reader.analysis.coding_model.CodingModel.review`).
    """
    fast, full = _compiled(codebook, rules_for(codebook, language, text))
    out: list[Suggestion] = []
    spans = split_sentences(text, language)
    for start, end in spans:
        raw = text[start:end]
        cased = normalise(raw)
        ascii_only = cased.isascii()
        # the fast rules are compiled in lower case; a "case" rule sees the sentence as written
        sentence = cased.lower() if ascii_only else cased
        for dim_id, rules in fast if ascii_only else full:
            for rule in rules:
                if rule.matches(cased if rule.cased else sentence):
                    out.append(Suggestion(dim_id, start, end, raw, rule.id))
                    break
    model = model_for(codebook.id) if learned else None
    if model is not None:
        code = normalise_code(language) or guess_language(text)
        known = set(codebook.dimension_ids)
        coded = [(s.start, s.end, s.dimension) for s in out]
        added, withheld = model.review(text, spans, code, coded)
        if withheld:
            out = [s for s in out if (s.start, s.end, s.dimension) not in withheld]
        for found in added:
            if found.dimension in known:
                raw = text[found.start : found.end]
                out.append(
                    Suggestion(
                        found.dimension, found.start, found.end, raw, rule_id(found.dimension)
                    )
                )
        out.sort(key=lambda s: s.start)  # stable: a sentence's rule suggestions stay first
    return out


def suggestions_fingerprint(codebook: Codebook, *, learned: bool = False) -> str:
    """What :func:`suggest` depends on: the rules, and with ``learned`` the learned coder.

    Stored with a run, so a new model (or new rules) marks the stored suggestions stale.
    """
    model = model_for(codebook.id) if learned else None
    base = codebook.fingerprint()
    return base if model is None else f"{base}+{model.fingerprint()}"


# --- lexical similarity ---------------------------------------------------------------------

_ENGLISH_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself said says say told would
    may might must shall per via mr mrs ms one two its it's s
    """.split()
)
# Stop words of every language with data, so that sentences compare on their content words.
STOPWORDS = _ENGLISH_STOPWORDS.union(
    *(load_language(code).stopwords for code in available_languages())
)
_TOKEN = re.compile(r"[a-z0-9à-öø-ÿœæ]+(?:['’][a-zà-öø-ÿœæ]+)?")
_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


def _stem(word: str) -> str:
    """A crude suffix stripper: enough to make "signed", "signing" and "signs" agree."""
    word = word.split("'")[0].split("’")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ies", "ied") else stem
    return word


@functools.lru_cache(maxsize=4096)
def _features(text: str) -> tuple[dict[str, float], float]:
    stems = [_stem(w) for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]
    counts: Counter[str] = Counter(stems)
    counts.update(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False))
    vector = {k: float(v) for k, v in counts.items()}
    return vector, math.sqrt(sum(v * v for v in vector.values()))


def similarity(a: str, b: str) -> float:
    """Cosine similarity (0–1) of two sentences' content-word stems and stem bigrams."""
    va, na = _features(a)
    vb, nb = _features(b)
    if not na or not nb:
        return 0.0
    if len(va) > len(vb):
        va, vb = vb, va
    dot = sum(w * vb.get(k, 0.0) for k, w in va.items())
    return dot / (na * nb)


def closest(sentence: str, candidates: list[str]) -> tuple[int, float] | None:
    """Index and score of the candidate most similar to ``sentence``; None if none shares a word.

    Ties go to the earliest candidate.
    """
    best: tuple[int, float] | None = None
    for i, candidate in enumerate(candidates):
        score = similarity(sentence, candidate)
        if score > 0 and (best is None or score > best[1]):
            best = (i, score)
    return best
