"""Figures in news text: money, percentages, casualty and displacement counts.

Owns the patterns that find them and the normalised names they are listed under, the same in
every language (``$500 billion`` and ``500 milliards de dollars`` -> ``$500bn``; ``70 per cent``
and ``70 %`` -> ``70%``; ``7000 people`` and ``7 000 morts`` -> ``7,000``; ``deux millions de
personnes`` -> ``2 million``), so that a comparison sees one figure across languages. How a
language writes numbers (thousands separators, the decimal mark, scale and currency words,
number words, the nouns for people and units) is data (:mod:`reader.analysis.languages`).

What counts as a figure: any amount of money; any percentage; a number followed (within two
words) by a noun for people, casualties, the displaced or votes (``450,000 people``,
``338 lawmakers``, ``12 civilians``); any other number written with thousands separators or
with ``million``/``billion`` unless a unit follows (``1,300 km`` and ``4.6 million tonnes``
are not). Qualifiers such as "about" or "over" are not part of the figure. Years, dates,
scores and ages never match.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reader.analysis.languages import Language, Numbers, language_for

_SIGNS = (("€", "EUR", "€"), ("£", "GBP", "£"), ("₴", "UAH", "UAH "))
_CODES = ("CDF", "ZAR", "CHF")
# What money starts with: a currency sign, possibly after a country's letters ("US$", "HK$"),
# or a currency's code ("USD 40m").
_SIGN_CHARS = "$€£¥₴"
_SIGN_PREFIXES = ("US", "U.S.", "A", "C", "NZ", "HK")
_MONEY_CODES = ("USD", "EUR", "GBP", "UAH", "CDF", "ZAR", "CHF")
# Where a figure may start: a digit, a sign or a letter money starts with (when a sign or
# the rest of a code follows: "US$", "USD"), unless the character before it rules a figure
# out (the same class as the pattern's look-behind). A number word starts a figure only
# before a count's scale, where :func:`_matches` tries the pattern as well.
_BEFORE = r"[\w.,/$€£-]"


def _first_pattern() -> re.Pattern[str]:
    rests: dict[str, list[str]] = {}
    for prefix in _SIGN_PREFIXES:
        rests.setdefault(prefix[0], []).append(f"{re.escape(prefix[1:])}[{_SIGN_CHARS}]")
    for code in _MONEY_CODES:
        rests.setdefault(code[0], []).append(re.escape(code[1:]))
    letters = "|".join(f"(?<={first})(?={'|'.join(rest)})" for first, rest in sorted(rests.items()))
    return re.compile(
        rf"[\d{_SIGN_CHARS}{''.join(sorted(rests))}](?<!{_BEFORE}.)"
        rf"(?:(?<=[\d{_SIGN_CHARS}])|{letters})"
    )


_FIRST = _first_pattern()


@dataclass(frozen=True, slots=True)
class Figure:
    """``text[start:end]`` is a figure listed as ``name``."""

    start: int
    end: int
    name: str


def _alternation(words: object) -> str:
    """Words as a regex alternation, longest first, spaces matching any run of spaces."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: re.Pattern[str]
    number: re.Pattern[str]
    scale: re.Pattern[str]
    count_scale: re.Pattern[str]
    #: the language's currency words and their signs, longest word first
    currencies: tuple[tuple[str, str], ...] = ()
    #: a white space a count's scale word follows ("deux| millions"), or None
    spoken_before: re.Pattern[str] | None = None
    #: the lengths of the number words, that may start a figure before such a space
    spoken_sizes: tuple[int, ...] = ()
    #: number words of several words (or none at all): the pattern is tried everywhere
    every_start: bool = False


def _number_pattern(numbers: Numbers) -> tuple[str, str]:
    """(grouped number, any number) patterns for the language's separators."""
    groups = "".join(re.escape(s) for s in numbers.group_separators)
    dec = re.escape(numbers.decimal_separator)
    grouped = rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{dec}\d+)?"
    return grouped, rf"{grouped}|\d+(?:{dec}\d+)?"


@functools.cache
def _compiled(language: Language) -> _Compiled:
    n = language.numbers
    grouped, number = _number_pattern(n)
    scale = _alternation(n.scales)
    counts = _alternation(n.count_scales)
    people = _alternation(n.people)
    units = _alternation(n.units)
    gaps = _alternation(n.gap_words)
    currency = _alternation(n.currency_words)
    percent = "|".join(n.percent)
    joiner = ""
    if n.scale_joiners:
        parts = [
            re.escape(j) if j.endswith(("'", "’")) else re.escape(j) + r"\s+"
            for j in n.scale_joiners
        ]
        joiner = "(?:" + "|".join(parts) + ")?"
    spoken_words = [*n.number_words, *(w.capitalize() for w in n.number_words)]
    words = _alternation(spoken_words)
    spoken = rf"|(?:{words})(?=\s(?:{counts})\b)" if words else ""
    amount = f"(?:{number}{spoken})"
    lower = "a-z" if language.code == "en" else "a-zà-öø-ÿœæ"
    prefixes = "|".join(map(re.escape, _SIGN_PREFIXES))
    pattern = re.compile(
        rf"(?<!{_BEFORE})(?:"
        rf"(?P<money>(?:(?:{prefixes})?[{_SIGN_CHARS}]\s?|(?:{'|'.join(_MONEY_CODES)})\s?)"
        rf"(?:{number})(?:\s?(?:{scale})\b)?)"
        rf"|(?P<money2>{amount}(?:\s?(?:{scale}))?\s{joiner}(?:{currency})\b)"
        rf"|(?P<percent>(?:{number})\s?(?:{percent}))"
        rf"|(?P<count>{amount}(?:\s(?:{counts}))?)"
        rf"(?=\s+{joiner}(?:(?!(?:{gaps})\b)[{lower}-]+\s+){{0,2}}?(?:{people})\b)"
        rf"|(?P<big>(?>{grouped}(?:\s(?:{counts}))?"
        rf"|(?:{number}{spoken})\s(?:{counts})))(?!\w|[.,]\d|\s?{joiner}(?:{units})\b)"
        rf")"
    )
    return _Compiled(
        pattern=pattern,
        number=re.compile(rf"{number}|{words}" if words else number),
        scale=re.compile(rf"(?<=[\d\w])\s?({scale})\b"),
        count_scale=re.compile(rf"\b({counts})\b"),
        currencies=tuple(sorted(n.currency_words.items(), key=lambda kv: -len(kv[0]))),
        spoken_before=re.compile(rf"\s(?=(?:{counts}))") if words else None,
        spoken_sizes=tuple(sorted({len(w) for w in spoken_words})),
        every_start=any(not w or any(c.isspace() for c in w) for w in spoken_words),
    )


def find_figures(text: str, language: str | Language | None = None) -> list[Figure]:
    """Every figure in ``text``, in order (``language``: an ISO 639-1 code; None guesses)."""
    lang = language if isinstance(language, Language) else language_for(language, text)
    compiled = _compiled(lang)
    figures = []
    for m in _matches(text, compiled):
        kind = m.lastgroup or "big"
        start, end = m.span(kind)
        figures.append(Figure(start, end, figure_name(kind, m.group(kind), lang)))
    return figures


def _matches(text: str, compiled: _Compiled) -> list[re.Match[str]]:
    """What ``compiled.pattern.finditer(text)`` finds, trying the pattern only where a figure
    can start: at a digit or a sign (or a letter money starts with) that follows no word
    character, and where a number word ends right before a count's scale ("deux millions").
    """
    if compiled.every_start:
        return list(compiled.pattern.finditer(text))
    starts = [m.start() for m in _FIRST.finditer(text)]
    if compiled.spoken_before is not None:
        spaces = [m.start() for m in compiled.spoken_before.finditer(text)]
        if spaces:
            spoken = {s - size for s in spaces for size in compiled.spoken_sizes}
            starts = sorted(spoken.union(starts))
    found = []
    reached = 0
    match = compiled.pattern.match
    for pos in starts:
        if pos < reached:
            continue
        m = match(text, pos)
        if m is not None:
            found.append(m)
            reached = m.end()
    return found


def figure_name(kind: str, surface: str, language: str | Language | None = "en") -> str:
    """A figure's normalised name: ``$500bn``, ``€40m``, ``70%``, ``7,000``, ``2 million``."""
    lang = language if isinstance(language, Language) else language_for(language)
    compiled = _compiled(lang)
    n = lang.numbers
    s = " ".join(surface.split())
    number = compiled.number.search(s)
    num = _digits(number.group(), n) if number else s
    if kind == "percent":
        return f"{num}%"
    if kind in ("money", "money2"):
        scale_m = compiled.scale.search(s)
        scale = n.scales[scale_m.group(1)] if scale_m else ""
        symbol = "$"
        for word, sign in compiled.currencies:
            if word in s:
                symbol = sign
                break
        for sign, code, shown in _SIGNS:
            if sign in s or code in s:
                symbol = shown
        for code in _CODES:
            if code in s:
                symbol = f"{code} "
        return f"{symbol}{num}{scale}"
    scale_m = compiled.count_scale.search(s)
    return f"{num} {n.count_scales[scale_m.group(1)]}" if scale_m else num


def _digits(number: str, numbers: Numbers) -> str:
    """A number as the figure's name writes it: words to digits, separators normalised."""
    if number.lower() in numbers.number_words:
        return str(numbers.number_words[number.lower()])
    for sep in numbers.group_separators:
        number = number.replace(sep, "")
    if numbers.decimal_separator != ".":
        number = number.replace(numbers.decimal_separator, ".")
    return group_digits(number)


def group_digits(num: str) -> str:
    """Digits grouped by thousands: ``7000`` -> ``7,000``; decimals kept."""
    whole, _, frac = num.replace(",", "").partition(".")
    grouped = f"{int(whole):,}" if len(whole) > 3 else whole
    return f"{grouped}.{frac}" if frac else grouped
