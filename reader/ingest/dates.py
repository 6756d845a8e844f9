"""Reading dates people and pages write into an ISO date (YYYY-MM-DD).

One parser for every importer: front-matter dates in Markdown, ``<meta>`` / JSON-LD /
``<time datetime>`` values in web pages. It takes ISO 8601 dates and timestamps (with
or without a time zone; the date is the one written, not converted), Unix timestamps in
seconds or milliseconds, and free-form dates that name a four-digit year ("March 5,
2021", "Published 16 November 2017 at 2:15pm"). Anything else, including junk of any
kind, gives ``None``; it never raises.
"""

from __future__ import annotations

import datetime as _dt
import re

from dateutil import parser as _dateparser

MIN_YEAR = 1800
MAX_YEAR = 2200

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_UNIX_TIME = re.compile(r"\d{10}(?:\d{3})?")  # seconds or milliseconds
# Without a four-digit year a string is a time, a weekday or a bare number, not a date.
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[0-2])\d\d(?!\d)")
# Missing parts of a free-form date ("March 2021") default to the first, not to today.
_DEFAULT = _dt.datetime(2000, 1, 1)


def parse_date(value: str | None) -> str | None:
    """The ISO date in ``value``, or ``None`` when it holds no recognisable date."""
    if not value:
        return None
    value = " ".join(value.split())
    if not value or len(value) > 100:
        return None
    if _UNIX_TIME.fullmatch(value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        day: _dt.date | None = _dt.datetime.fromtimestamp(seconds, _dt.UTC).date()
    elif m := _ISO_DAY.match(value):  # "2024-02-29", "2024-02-29T23:30:00-05:00", ...
        try:
            day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    else:
        day = _free_form(value)
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return day.isoformat()


def _free_form(value: str) -> _dt.date | None:
    try:
        return _dateparser.isoparse(value).date()  # compact ISO forms: "20150430T1200Z"
    except Exception:  # dateutil raises assorted errors on junk
        pass
    if not _YEAR.search(value):
        return None
    try:
        return _dateparser.parse(value, default=_DEFAULT, fuzzy=True, ignoretz=True).date()
    except Exception:
        return None
