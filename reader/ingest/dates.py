"""Reading dates people and pages write into an ISO date (YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date

from dateutil import parser as _dateparser

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> str | None:
    """The ISO date in ``value``, or ``None`` when it holds no recognisable date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if m := _ISO.match(value):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        parsed = _dateparser.parse(value, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1800 or parsed.year > 2200:
        return None
    return parsed.date().isoformat()
