"""Reading dates people and pages write into an ISO date (YYYY-MM-DD).

One parser for every importer: front-matter dates in Markdown, ``<meta>`` / JSON-LD /
``<time datetime>`` values in web pages, feed dates, and the dateline at the top of an
article's text. It takes ISO 8601 dates and timestamps (with or without a time zone; the
date is the one written, not converted), Unix timestamps in seconds or milliseconds, and
dates written out in any language with data in ``resources/languages/<code>/language.json``
(its ``dates`` section: month names, ordinal suffixes, whether the day comes first):
"5 mars 2025", "le 27 juin 2025", "1er juillet 2025", "March 5, 2025", "5 March 2025",
"3 березня 2025 р.", "27/06/2025" (day first, except in English, where "06/05/2025" is
June 5; "27/06/2025" and "05.06.2025" are day first in every language). Other free-form
English dates ("Published 16 November 2017 at 2:15pm") go to dateutil, trusted only when it had
an English month name or two numbers besides the year to go on (so "5 März 2025" is not
read as the first of May). A date always names a four-digit year: none is ever made up.

No date before 1900 or after tomorrow (a time zone ahead of ours) is given. Anything else,
including junk of any kind, gives ``None``; nothing here raises.

:func:`dateline_date` finds the date of an article whose metadata has none in its first
paragraphs: a dateline ("GOMA, 14 mars 2025 — ...", "KYIV, March 3, 2025 (Reuters) -"),
or a short line of its own ("Publié le 5 mars 2025"). A date that a sentence merely
mentions ("Le 23 mars 2009, le M23 a signé ...") is not the article's date and is left.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from reader.analysis.languages import available_languages, date_words, normalise_code

__all__ = ["MAX_YEAR", "MIN_YEAR", "dateline_date", "parse_date"]

MIN_YEAR = 1900
MAX_YEAR = 2200
#: How far ahead of today a date may be (a page written in a time zone ahead of ours).
FUTURE_SLACK = _dt.timedelta(days=1)
#: How much of the start of a text a dateline is looked for in.
DATELINE_PARAGRAPHS = 2
DATELINE_CHARS = 160

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_UNIX_TIME = re.compile(r"\d{10}(?:\d{3})?")  # seconds or milliseconds
# Without a four-digit year a string is a time, a weekday or a bare number, not a date.
_YEAR = re.compile(r"(?<!\d)(?:19|2[0-2])\d\d(?!\d)")
_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# Missing parts of a free-form date ("March 2021") default to the first, not to today.
_DEFAULT = _dt.datetime(2000, 1, 1)
_NOT_LETTER = r"(?![^\W\d_])"
_PARAGRAPH = re.compile(r"\n\s*\n")
_FOUR_DIGITS = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The compiled date patterns of one language, with every other language's months."""

    months: dict[str, int]
    day_first: bool
    english_months: frozenset[str]
    written: tuple[re.Pattern[str], ...]  # day-month-year, month-day-year
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]
    any_month: re.Pattern[str]
    lead_words: frozenset[str]


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _grammar(code: str | None) -> _Grammar:
    months: dict[str, int] = {}
    ordinals: set[str] = set()
    before: set[str] = set()
    after: set[str] = set()
    year_words: set[str] = set()
    day_first = True
    english: frozenset[str] = frozenset()
    codes = [c for c in available_languages() if c != code]
    if code in available_languages():
        codes.append(code)  # the article's own language wins a shared word
    for other in codes:
        words = date_words(other)
        if words is None:
            continue
        months.update(words.months)
        ordinals.update(words.ordinals)
        before.update(w.lower() for w in words.before_day)
        after.update(w.lower() for w in words.after_day)
        year_words.update(words.year_words)
        if other == "en":
            english = frozenset(words.months)
        if other == code:
            day_first = words.day_first
    month = rf"(?P<month>{_alternation(set(months))})\.?{_NOT_LETTER}"
    day = rf"(?P<day>[0-3]?\d)(?:{_alternation(ordinals)})?{_NOT_LETTER}" if ordinals else ""
    day = day or rf"(?P<day>[0-3]?\d){_NOT_LETTER}"
    of = rf"(?:\s+(?:{_alternation(after)}))?" if after else ""
    year = r"(?P<year>\d{4})(?!\d)"
    year_word = rf"(?:\s*(?:{_alternation(year_words)})\.?{_NOT_LETTER})?" if year_words else ""
    dmy = re.compile(rf"(?<!\d){day}\.?{of}\s+{month},?\s+{year}{year_word}", re.IGNORECASE)
    mdy = re.compile(rf"(?<![^\W\d_]){month}\s+{day},?\s+{year}{year_word}", re.IGNORECASE)
    return _Grammar(
        months=months,
        day_first=day_first,
        english_months=english,
        written=(dmy, mdy),
        numeric=re.compile(
            r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<year>\d{4})(?![\d/])"
        ),
        month_year=re.compile(rf"(?<![^\W\d_]){month}\s+{year}", re.IGNORECASE),
        any_month=re.compile(rf"(?<![^\W\d_]){month}", re.IGNORECASE),
        lead_words=frozenset(before),
    )


def _day(year: int, month: int, day: int) -> _dt.date | None:
    try:
        found = _dt.date(year, month, day)
    except ValueError:
        return None
    if found.year < MIN_YEAR or found > _dt.date.today() + FUTURE_SLACK:
        return None
    return found


def _from_match(m: re.Match[str], grammar: _Grammar) -> _dt.date | None:
    month = grammar.months.get(m["month"].lower().rstrip("."))
    if month is None:
        return None
    return _day(int(m["year"]), month, int(m["day"]))


def _numeric(m: re.Match[str], grammar: _Grammar) -> _dt.date | None:
    a, b = int(m["a"]), int(m["b"])
    day_first = grammar.day_first or m["sep"] == "." or a > 12
    day, month = (a, b) if day_first else (b, a)
    return _day(int(m["year"]), month, day)


def _written(value: str, grammar: _Grammar) -> tuple[re.Match[str], _dt.date | None] | None:
    """The first written-out or numeric date in ``value``: its match, and the date (None
    when it is no real day, or out of range)."""
    found: list[tuple[re.Match[str], _dt.date | None]] = []
    for pattern in grammar.written:
        if m := pattern.search(value):
            found.append((m, _from_match(m, grammar)))
    if m := grammar.numeric.search(value):
        found.append((m, _numeric(m, grammar)))
    return min(found, key=lambda f: f[0].start()) if found else None


def parse_date(value: str | None, language: str | None = None) -> str | None:
    """The ISO date in ``value``, or ``None`` when it holds no recognisable date.

    ``language`` (an ISO 639-1 code) decides whether "05/03/2025" is the fifth of March
    (every language but English, and an unknown one) or May 3rd.
    """
    if not value:
        return None
    value = " ".join(value.split())
    if not value or len(value) > 100:
        return None
    if _UNIX_TIME.fullmatch(value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        stamp = _dt.datetime.fromtimestamp(seconds, _dt.UTC).date()
        day: _dt.date | None = _day(stamp.year, stamp.month, stamp.day)
    elif m := _ISO_DAY.match(value):  # "2024-02-29", "2024-02-29T23:30:00-05:00", ...
        day = _day(int(m[1]), int(m[2]), int(m[3]))
    else:
        day = _free_form(value, _grammar(normalise_code(language)))
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return day.isoformat()


def _free_form(value: str, grammar: _Grammar) -> _dt.date | None:
    # (dateutil only for free-form dates: an import's dateline search never needs it)
    from dateutil import parser as _dateparser

    try:
        stamp = _dateparser.isoparse(value).date()  # compact ISO forms: "20150430T1200Z"
        return _day(stamp.year, stamp.month, stamp.day)
    except Exception:  # dateutil raises assorted errors on junk
        pass
    if not _YEAR.search(value):
        return None
    if (written := _written(value, grammar)) is not None:
        return written[1]  # "3 December 2099" is no date, not the first of December
    if m := grammar.month_year.search(value):  # "March 2021": the first of the month
        month = grammar.months.get(m["month"].lower().rstrip("."))
        return _day(int(m["year"]), month, 1) if month else None
    months = {m["month"].lower().rstrip(".") for m in grammar.any_month.finditer(value)}
    if months - grammar.english_months:
        return None  # a month dateutil does not know would be misread ("5 März 2025")
    numbers = _NUMBER.findall(_YEAR.sub(" ", value))
    if not months and len(numbers) < 2:
        return None
    try:
        stamp = _dateparser.parse(value, default=_DEFAULT, fuzzy=True, ignoretz=True).date()
    except Exception:
        return None
    return _day(stamp.year, stamp.month, stamp.day)


def dateline_date(text: str, language: str | None = None) -> str | None:
    """The date of the dateline (or date line) that opens ``text``, or None.

    "GOMA, 14 mars 2025 — Les combats ...", "Kinshasa, le 27 juin 2025 (ACP) –",
    "KYIV, March 3, 2025 (Reuters) -", "Київ, 3 березня 2025 р. —", or a first paragraph
    of its own such as "Publié le 5 mars 2025 à 14h05". A dateline without a year ("KYIV,
    March 3 (Reuters)") gives None: the year is never guessed. A date a sentence mentions
    ("Le 23 mars 2009, le M23 a signé ...", "On 5 March, rebels ...") is not a dateline.
    """
    grammar = _grammar(normalise_code(language))
    paragraphs = _PARAGRAPH.split(text.lstrip()[: DATELINE_CHARS * 4], DATELINE_PARAGRAPHS)
    for paragraph in paragraphs[:DATELINE_PARAGRAPHS]:
        paragraph = paragraph.strip()
        head = paragraph[:DATELINE_CHARS]
        if _FOUR_DIGITS.search(head) is None:  # every date _written finds has its year
            continue
        written = _written(head, grammar)
        if written is None:
            continue
        match, day = written
        if (
            day is not None
            and _dateline_prefix(paragraph[: match.start()], grammar)
            and _AFTER_DATELINE.match(paragraph, match.end()) is not None
        ):
            return day.isoformat()
    return None


def _dateline_prefix(prefix: str, grammar: _Grammar) -> bool:
    """Whether the words before a date read as a dateline's place ("GOMA,", "Kinshasa, le",
    "Publié le"): a few words, each capitalised or one a dateline puts before a date."""
    words = re.findall(r"[^\s,;:()/|—–-]+", prefix)
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w.lower() in grammar.lead_words for w in words)


# What follows a dateline's date: a dash, "(Reuters)", a bar, a colon or the end of its
# line, perhaps after a time ("à 14h05", "at 10:30 GMT"); not a comma going on with a
# sentence.
_AFTER_DATELINE = re.compile(
    r"[ \t]*(?:(?:à|at|,)?[ \t]*\d{1,2}[:h]\d{2}(?:[ \t]*[A-Z]{2,4})?[ \t]*)?(?:[—–-]|\(|\||:|\n|$)"
)
