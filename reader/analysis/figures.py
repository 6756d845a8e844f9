"""Figures in news text: money, percentages, casualty and displacement counts.

Owns the patterns that find them and the normalised names they are listed under
(``$500 billion`` -> ``$500bn``, ``70 per cent`` -> ``70%``, ``7000 people`` -> ``7,000``).

What counts as a figure: any amount of money; any percentage; a number followed (within two
words) by a noun for people, casualties, the displaced or votes (``450,000 people``,
``338 lawmakers``, ``12 civilians``); any other number written with thousands separators or
with ``million``/``billion`` unless a unit follows (``1,300 km`` and ``4.6 million tonnes``
are not). Qualifiers such as "about" or "over" are not part of the figure. Years, dates,
scores and ages never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"bn|billion|mn|million|m|tn|trn|trillion|thousand|k"
_PEOPLE = (
    r"people|persons|civilians|dead|deaths|killed|wounded|injured|displaced|refugees|bodies"
    r"|soldiers|troops|fighters|casualties|lawmakers|legislators|deputies|MPs|votes|children"
    r"|women|men|families|households|residents|migrants|prisoners|hostages|detainees|victims"
    r"|fatalities|individuals|voters|combatants|peacekeepers|inhabitants|asylum-seekers"
)
_UNITS = (
    r"km|kilometres|kilometers|miles|metres|meters|tonnes|tons|kg|kilograms|hectares|acres"
    r"|mw|gw|barrels|bpd|square|sq|feet|ft|litres|liters|years|days|months|hours|minutes"
    r"|seconds|mph|kph|ounces|oz"
)
_FUNCTION = r"for|of|in|from|to|with|at|on|by|and|or|were|was|are|is|had|have|has"
_FIGURE = re.compile(
    rf"(?<![\w.,/$€£-])(?:"
    rf"(?P<money>(?:(?:US|U\.S\.|A|C|NZ|HK)?[$€£¥₴]\s?|(?:USD|EUR|GBP|UAH|CDF|ZAR|CHF)\s?)"
    rf"(?:{NUMBER})(?:\s?(?:{_SCALE})\b)?)"
    rf"|(?P<money2>(?:{NUMBER})(?:\s?(?:{_SCALE}))?\s(?:dollars|euros|pounds|hryvnias?)\b)"
    rf"|(?P<percent>(?:{NUMBER})\s?(?:%|per\s?cent\b|percent\b))"
    rf"|(?P<count>(?:{NUMBER})(?:\s(?:million|billion|thousand))?)"
    rf"(?=\s+(?:(?!(?:{_FUNCTION})\b)[a-z-]+\s+){{0,2}}?(?:{_PEOPLE})\b)"
    rf"|(?P<big>(?>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?:\s(?:million|billion))?"
    rf"|\d+(?:\.\d+)?\s(?:million|billion)))(?!\w|[.,]\d|\s?(?:{_UNITS})\b)"
    rf")"
)
_SCALE_NAMES = {
    "bn": "bn", "billion": "bn", "mn": "m", "million": "m", "m": "m", "tn": "tn",
    "trn": "tn", "trillion": "tn", "thousand": "k", "k": "k",
}  # fmt: skip
_CURRENCIES = (("€", "EUR", "euro"), ("£", "GBP", "pound"), ("₴", "UAH", "hryvnia"))


@dataclass(frozen=True, slots=True)
class Figure:
    """``text[start:end]`` is a figure listed as ``name``."""

    start: int
    end: int
    name: str


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order."""
    figures = []
    for m in _FIGURE.finditer(text):
        kind = m.lastgroup or "big"
        start, end = m.span(kind)
        figures.append(Figure(start, end, figure_name(kind, m.group(kind))))
    return figures


def figure_name(kind: str, surface: str) -> str:
    """A figure's normalised name: ``$500bn``, ``€40m``, ``70%``, ``7,000``, ``2 million``."""
    s = " ".join(surface.split())
    number = re.search(NUMBER, s)
    num = group_digits(number.group()) if number else s
    if kind == "percent":
        return f"{num}%"
    if kind in ("money", "money2"):
        scale_m = re.search(rf"(?<=\d)\s?({_SCALE})\b", s)
        scale = _SCALE_NAMES[scale_m.group(1)] if scale_m else ""
        symbol = "$"
        for sign, code, word in _CURRENCIES:
            if sign in s or code in s or word in s:
                symbol = sign if sign != "₴" else "UAH "
        for code in ("CDF", "ZAR", "CHF"):
            if code in s:
                symbol = f"{code} "
        return f"{symbol}{num}{scale}"
    scale_m = re.search(r"\b(million|billion|thousand)\b", s)
    return f"{num} {scale_m.group(1)}" if scale_m else num


def group_digits(num: str) -> str:
    """Digits grouped by thousands: ``7000`` -> ``7,000``; decimals kept."""
    whole, _, frac = num.replace(",", "").partition(".")
    grouped = f"{int(whole):,}" if len(whole) > 3 else whole
    return f"{grouped}.{frac}" if frac else grouped
