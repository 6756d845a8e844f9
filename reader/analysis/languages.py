"""Language knowledge as data: the loader of ``resources/languages/<code>/language.json``.

Owns :class:`Language` and :class:`Numbers` (everything the analysis modules know about one
language: sentence abbreviations and openers, function words, elisions, name particles,
months, titles, roles and the heads of organisation and place names, patterns of context,
number words, the nouns that make a number a figure, negators...), their loading (once per
process, cached), :func:`language_for`, which turns an article's language (an ISO 639-1 code,
a locale such as ``fr-CA``, or None for unknown) into the data to use,
:func:`guess_language`, a cheap guess from function words for an article whose language is
unknown, and :func:`detect_language`, the language an import stores when the file says none.

Detection is Google's CLD3 (the ``cld3-py`` wheel, imported as ``gcld3``: a small neural
model over character n-grams, 1.4 MB installed, no numpy), gated so that it says None
(unknown) rather than guess: too few letters, or an answer CLD3 itself calls unreliable,
gives None unless the marker words of one of our languages clearly win. Cyrillic text is
then checked by its letters (``script`` in each language file: Ukrainian і ї є ґ, Russian
ы э ё), which tell the two apart better than any model on a short headline. Without the
model (a build that left it out) the marker words and the letters decide alone.

The rules themselves live in :mod:`~reader.analysis.sentences`,
:mod:`~reader.analysis.name_rules`, :mod:`~reader.analysis.figures` and
:mod:`~reader.analysis.coding`; the other languages' forms of gazetteer names are in
``resources/languages/<code>/gazetteer.tsv`` (read by :mod:`~reader.analysis.gazetteer`).

A language file is one JSON object: ``code``, ``name``, ``markers`` (frequent words that tell
the language apart, for the guess), ``snowball`` (the name of its Snowball stemmer, or null
when Snowball has none), an optional ``script`` (``{"letters": "...", "not": "...",
"rivals": [...]}``: letters only this language of its script uses, letters it never uses, and
the languages its letters tell it from), an optional ``borrow`` (``{"en": [key, ...]}``: these
lists are the union of this language's and English's, because French news names English
organisations and quotes English titles), sections ``sentences``, ``words``, ``names``,
``numbers`` and ``coding`` whose keys are the fields of :class:`Language` and :class:`Numbers`
(word lists are JSON arrays, maps are objects, ``patterns`` are Python regular expressions),
and ``dates`` (month names and numbers, whether the day comes first, the ordinal suffixes
and the words written around a day: read by :func:`date_words` for
:mod:`reader.ingest.dates`).
A language without a folder is analysed with the English data, as every article was before
languages existed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reader.library.errors import InvalidInputError
from reader.resources import resource_path

DEFAULT_LANGUAGE = "en"
GUESS_CHARS = 4000
"""How much of an article the language guess reads."""
DETECT_CHARS = 1000
"""How much of it CLD3 reads: its answer is the same as on the guess's 4,000 characters for
every text of the tests, the samples and the 17,882 Reuters-21578 articles, in less time
(CLD3's time grows with the text)."""
FIRST_PASS_CHARS = 400
"""A longer text is first shown to CLD3 on this many characters only, and that answer is kept
when CLD3 calls it reliable with at least :data:`FIRST_PASS_PROBABILITY`; otherwise the
:data:`DETECT_CHARS` decide as before. Measured on the 17,882 Reuters-21578 articles and every
text of the tests and the samples (22,455 texts): the answer is the same for every one, the
highest probability of a first pass that would have differed is 0.991, and 88% of the texts
longer than this are settled by the first pass, which saves ~20% of detection's time."""
FIRST_PASS_PROBABILITY = 0.995
_GUESS_MIN_HITS = 4
_WORD = re.compile(r"[^\W\d_]+")
#: Fewer letters than this (names, figures, a date) tell no language: detection says None.
DETECT_MIN_LETTERS = 12
#: How sure CLD3 must be, besides calling its answer reliable.
DETECT_MIN_PROBABILITY = 0.7
#: The old codes CLD3 still gives, and the ISO 639-1 codes they became.
_OLD_CODES = {"iw": "he", "ji": "yi", "in": "id", "jw": "jv"}


@dataclass(frozen=True, slots=True, eq=False)
class Numbers:
    """How figures are written: separators, scale and currency words, nouns for people."""

    group_separators: tuple[str, ...]
    decimal_separator: str
    scales: Mapping[str, str]  # "milliards" -> "bn" (the suffix of a money figure's name)
    count_scales: Mapping[str, str]  # "millions" -> "million" (in a count's name)
    scale_joiners: tuple[str, ...]  # "de" in "2 millions de dollars"
    people: frozenset[str]
    units: frozenset[str]
    gap_words: frozenset[str]  # words that end the look-ahead from a number to its noun
    percent: tuple[str, ...]  # patterns
    currency_words: Mapping[str, str]  # "dollars" -> "$"
    number_words: Mapping[str, int]  # "deux" -> 2


@dataclass(frozen=True, slots=True, eq=False)
class Language:
    """One language's data, as the rules use it (word lists lower-case unless noted)."""

    code: str
    name: str
    markers: frozenset[str]
    # sentences
    abbreviations: frozenset[str]  # without the final full stop
    openers: frozenset[str]  # capitalised words that start a sentence after an abbreviation
    # words
    function_words: frozenset[str]  # never begin a name
    elisions: tuple[str, ...]  # "l", "d", "qu": "l'Ouganda" is "Ouganda"
    particles: frozenset[str]  # gaps inside names: " van ", " de la "
    glued_particles: tuple[str, ...]  # "al-" in "al-Amin"
    months: frozenset[str]  # as written (capitalised in English)
    weekdays: frozenset[str]
    compass: frozenset[str]
    list_gaps: tuple[str, ...]
    demonyms: frozenset[str]  # as written
    common: frozenset[str]  # capitalised words that name nothing by themselves
    first_names: frozenset[str]  # as written
    # names
    titles: frozenset[str]
    title_parts: frozenset[str]  # includes the titles
    roles: frozenset[str]  # includes the titles
    abbreviated_titles: frozenset[str]
    org_heads: frozenset[str]  # last words of organisation names ("Bank")
    of_heads: frozenset[str]  # words after which "of"/"de" goes on with the name
    of_gaps: frozenset[str]
    head_of_extra: frozenset[str]
    place_heads: frozenset[str]
    place_first: frozenset[str]
    other_heads: frozenset[str]
    other_first: frozenset[str]
    org_before: frozenset[str]
    place_before: frozenset[str]
    lead_heads: Mapping[str, str]  # first words of names written "Banque centrale du Congo"
    adjective_suffixes: tuple[str, ...]
    connectors: tuple[str, ...]  # words that go on with such a name before a capital
    connector_lowercase: tuple[str, ...]  # ... and before a lower-case noun
    appositive_heads: Mapping[str, frozenset[str]]
    patterns: Mapping[str, str]
    commodity_not_before: Mapping[str, frozenset[str]]
    commodity_not_after: Mapping[str, frozenset[str]]
    commodity_after_only: Mapping[str, frozenset[str]]
    numbers: Numbers
    # coding
    negators: frozenset[str]
    negator_suffixes: tuple[str, ...]
    negator_prefixes: tuple[str, ...]
    stopwords: frozenset[str]

    def is_function_word(self, word: str) -> bool:
        return word.lower() in self.function_words

    def pattern(self, key: str) -> str:
        """The regular expression ``key`` of the ``patterns`` section."""
        try:
            return self.patterns[key]
        except KeyError:
            raise InvalidInputError(f"language {self.code!r} has no pattern {key!r}") from None


@dataclass(frozen=True, slots=True, eq=False)
class DateWords:
    """How one language writes a date: "5 mars 2025", "le 1er juillet", "March 5, 2025"."""

    code: str
    months: Mapping[str, int]  # lower-case name or abbreviation -> 1..12
    day_first: bool  # 05/03/2025 is the fifth of March
    ordinals: tuple[str, ...]  # "er" of "1er", "th" of "5th"
    before_day: tuple[str, ...]  # "le" of "le 27 juin"
    after_day: tuple[str, ...]  # "of" of "5th of March"
    year_words: tuple[str, ...]  # "р." of "2025 р."


@functools.cache
def date_words(code: str) -> DateWords | None:
    """The ``dates`` section of ``code``'s file, or None when it has none."""
    raw = _read(code).get("dates")
    if not isinstance(raw, dict):
        return None
    try:
        return DateWords(
            code=code,
            months={str(k).lower(): int(v) for k, v in raw.get("months", {}).items()},
            day_first=bool(raw.get("day_first", True)),
            ordinals=_tuple(raw, "ordinals"),
            before_day=_tuple(raw, "before_day"),
            after_day=_tuple(raw, "after_day"),
            year_words=_tuple(raw, "year_words"),
        )
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"language {code!r}: bad dates ({exc})") from exc


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The codes of the languages that have data, sorted (read once)."""
    root = resource_path("languages")
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "language.json").is_file()))


def normalise_code(code: str | None) -> str | None:
    """``"fr-CA"``, ``"FR"``, ``"fr_BE"`` -> ``"fr"``; empty -> None."""
    if code is None:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return code or None


def language_for(code: str | None, text: str | None = None) -> Language:
    """The data to analyse an article in ``code`` with.

    None (unknown): guessed from ``text`` when given, else English. A language without data
    gets the English data.
    """
    normalised = normalise_code(code)
    if normalised is None and text:
        normalised = guess_language(text)
    if normalised is None or normalised not in available_languages():
        normalised = DEFAULT_LANGUAGE
    return load_language(normalised)


def guess_language(text: str) -> str | None:
    """The language whose marker words are clearly the most frequent in ``text``, or None."""
    words = _WORD.findall(text[:GUESS_CHARS].lower())
    if not words:
        return None
    counts = []
    for code in available_languages():
        markers = load_language(code).markers
        counts.append((sum(map(markers.__contains__, words)), code))
    counts.sort(reverse=True)
    best, code = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    if best >= _GUESS_MIN_HITS and best >= 2 * runner_up:
        return code
    return None


@functools.cache
def _detector() -> Any:
    import gcld3  # type: ignore[import-untyped]  # the compiled model, loaded on first use

    return gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=GUESS_CHARS)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure.

    Any language CLD3 knows may come out (``de``, ``sw``...), not only those with data here.
    """
    sample = text[:GUESS_CHARS]
    if not _enough_letters(sample[:_LETTERS_FIRST]) and not _enough_letters(sample):
        return None
    try:
        result = _detector().FindLanguage(text=sample[:FIRST_PASS_CHARS])
        if len(sample) > FIRST_PASS_CHARS and not (
            result.is_reliable and result.probability >= FIRST_PASS_PROBABILITY
        ):
            result = _detector().FindLanguage(text=sample[:DETECT_CHARS])
    except ImportError:  # a build without the model: the marker words alone, as before
        code, sure = "", False
    else:
        code = _OLD_CODES.get(result.language, result.language).split("-")[0]
        sure = result.is_reliable and result.probability >= DETECT_MIN_PROBABILITY
    if not sure or len(code) != 2:
        code = guess_language(sample) or ""
    return _by_letters(code, sample) or None


#: The letters are counted first on this much of the sample: what holds there holds on all.
_LETTERS_FIRST = 200


def _enough_letters(sample: str) -> bool:
    """Whether ``sample`` has the letters and words a language can be told from."""
    words = _WORD.findall(sample)
    return len(words) >= 2 and sum(map(len, words)) >= DETECT_MIN_LETTERS


def _by_letters(code: str, sample: str) -> str:
    """``code``, unless the letters of ``sample`` name one of its rivals (Ukrainian for a
    text CLD3 calls Russian, or the other way round), or name a language when CLD3 had none."""
    if sample.isascii() and _script_letters_beyond_ascii():
        return code  # no letter of it is one a language's script claims
    letters = set(sample.lower())
    claimed = [
        other
        for other in available_languages()
        if (script := load_script(other)) is not None
        and letters & script[0]
        and not letters & script[1]
    ]
    if len(claimed) == 1 and (not code or code in _script_rivals(claimed[0])):
        return claimed[0]
    return code


@functools.cache
def _script_letters_beyond_ascii() -> bool:
    """Whether every letter the languages' ``script`` entries claim is beyond ASCII (so an
    ASCII text names none of them)."""
    return all(
        not any(letter.isascii() for letter in script[0])
        for code in available_languages()
        if (script := load_script(code)) is not None
    )


@functools.cache
def load_script(code: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The letters only ``code`` uses in its script, and those it never uses (or None)."""
    script = _read(code).get("script")
    if not isinstance(script, dict):
        return None
    return frozenset(str(script.get("letters", ""))), frozenset(str(script.get("not", "")))


@functools.cache
def _script_rivals(code: str) -> frozenset[str]:
    """The languages ``code`` is told apart from by its letters (``rivals`` in ``script``)."""
    script = _read(code).get("script")
    rivals = script.get("rivals", []) if isinstance(script, dict) else []
    return frozenset(str(r) for r in rivals) | {code}


def snowball_stemmer(code: str | None) -> str | None:
    """The name of the Snowball stemmer for ``code`` ("french"), or None when there is none."""
    normalised = normalise_code(code)
    if normalised is None or normalised not in available_languages():
        return None
    name = _read(normalised).get("snowball")
    return str(name) if name else None


@functools.cache
def load_language(code: str) -> Language:
    """The data of ``code`` (a folder under ``resources/languages``), loaded once."""
    raw = _flat(code)
    borrowed = raw.pop("borrow", {}) or {}
    if not isinstance(borrowed, dict):
        raise InvalidInputError(f"language {code!r}: 'borrow' must be an object")
    for other, keys in borrowed.items():
        source = _flat(other)
        for key in keys:
            raw[key] = _union(raw.get(key), source.get(key))
    numbers = raw.get("numbers_section", {})
    try:
        return _build(code, raw, numbers)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInputError(f"language {code!r}: bad data ({exc})") from exc


# --- reading -------------------------------------------------------------------------------

_SECTIONS = ("sentences", "words", "names", "coding")


@functools.cache
def _read(code: str) -> dict[str, Any]:
    path = resource_path("languages", code, "language.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInputError(f"no language data for {code!r}") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"{path.name} of {code!r} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("code") != code:
        raise InvalidInputError(f"language file of {code!r} must be an object with its code")
    return data


def _flat(code: str) -> dict[str, Any]:
    """The file's keys, sections flattened (numbers kept apart as ``numbers_section``)."""
    data = _read(code)
    flat: dict[str, Any] = {k: v for k, v in data.items() if k not in (*_SECTIONS, "numbers")}
    for section in _SECTIONS:
        flat.update(data.get(section, {}))
    numbers = dict(data.get("numbers", {}))
    flat["numbers_section"] = numbers
    for key in ("people", "units"):  # borrowable like the other lists
        if key in numbers:
            flat[key] = numbers[key]
    return flat


def _union(mine: Any, theirs: Any) -> Any:
    if mine is None:
        return theirs
    if theirs is None:
        return mine
    if isinstance(mine, dict) and isinstance(theirs, dict):
        merged = dict(theirs)
        for key, value in mine.items():
            merged[key] = _union(value, theirs.get(key))
        return merged
    if isinstance(mine, list) and isinstance(theirs, list):
        return list(dict.fromkeys([*mine, *theirs]))
    return mine


def _words(raw: Mapping[str, Any], key: str, lower: bool = True) -> frozenset[str]:
    values = raw.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key!r} must be a list of strings")
    return frozenset(v.lower() if lower else v for v in values)


def _tuple(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    values = raw.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key!r} must be a list of strings")
    return tuple(values)


def _word_map(raw: Mapping[str, Any], key: str) -> dict[str, frozenset[str]]:
    values = raw.get(key, {})
    if not isinstance(values, dict):
        raise ValueError(f"{key!r} must be an object of word lists")
    return {k: frozenset(v) for k, v in values.items()}


def _gap(words: str) -> str:
    """The text between two names that ``words`` fill: " de la ", or " d'" (elided)."""
    return f" {words}" if words.endswith(("'", "’")) else f" {words} "


def _build(code: str, raw: Mapping[str, Any], numbers: Mapping[str, Any]) -> Language:
    titles = _words(raw, "titles")
    lead_heads = raw.get("lead_heads", {})
    patterns = raw.get("patterns", {})
    for key, pattern in patterns.items():
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {key!r}: {exc}") from exc
    return Language(
        code=code,
        name=str(raw.get("name", code)),
        markers=_words(raw, "markers"),
        abbreviations=_words(raw, "abbreviations"),
        openers=_words(raw, "openers", lower=False),
        function_words=_words(raw, "function_words"),
        elisions=_tuple(raw, "elisions"),
        particles=frozenset(_gap(p) for p in _tuple(raw, "particles")),
        glued_particles=_tuple(raw, "glued_particles"),
        months=_words(raw, "months", lower=False),
        weekdays=_words(raw, "weekdays", lower=False),
        compass=_words(raw, "compass"),
        list_gaps=_tuple(raw, "list_gaps"),
        demonyms=_words(raw, "demonyms", lower=False),
        common=_words(raw, "common"),
        first_names=_words(raw, "first_names", lower=False),
        titles=titles,
        title_parts=titles | _words(raw, "title_parts"),
        roles=titles | _words(raw, "roles"),
        abbreviated_titles=_words(raw, "abbreviated_titles"),
        org_heads=_words(raw, "org_heads"),
        of_heads=_words(raw, "of_heads"),
        of_gaps=frozenset(_gap(g) for g in _tuple(raw, "of_gaps")),
        head_of_extra=_words(raw, "head_of_extra"),
        place_heads=_words(raw, "place_heads"),
        place_first=_words(raw, "place_first"),
        other_heads=_words(raw, "other_heads"),
        other_first=_words(raw, "other_first"),
        org_before=_words(raw, "org_before"),
        place_before=_words(raw, "place_before"),
        lead_heads={str(k).lower(): str(v) for k, v in lead_heads.items()},
        adjective_suffixes=_tuple(raw, "adjective_suffixes"),
        connectors=_tuple(raw, "connectors"),
        connector_lowercase=_tuple(raw, "connector_lowercase"),
        appositive_heads=_word_map(raw, "appositive_heads"),
        patterns={str(k): str(v) for k, v in patterns.items()},
        commodity_not_before=_word_map(raw, "commodity_not_before"),
        commodity_not_after=_word_map(raw, "commodity_not_after"),
        commodity_after_only=_word_map(raw, "commodity_after_only"),
        numbers=Numbers(
            group_separators=tuple(numbers.get("group_separators", [","])),
            decimal_separator=str(numbers.get("decimal_separator", ".")),
            scales=dict(numbers.get("scales", {})),
            count_scales=dict(numbers.get("count_scales", {})),
            scale_joiners=tuple(numbers.get("scale_joiners", [])),
            people=_words(raw, "people", lower=False),
            units=_words(raw, "units", lower=False),
            gap_words=frozenset(numbers.get("gap_words", [])),
            percent=tuple(numbers.get("percent", ["%"])),
            currency_words=dict(numbers.get("currency_words", {})),
            number_words={str(k): int(v) for k, v in numbers.get("number_words", {}).items()},
        ),
        negators=_words(raw, "negators"),
        negator_suffixes=_tuple(raw, "negator_suffixes"),
        negator_prefixes=_tuple(raw, "negator_prefixes"),
        stopwords=_words(raw, "stopwords"),
    )
