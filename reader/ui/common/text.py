"""Small pieces of wording every pane shares: counts, shortened text, outcomes, dates.

``plural(3, "article")`` is ``3 articles``; ``elide(title, 48)`` shortens a long title with
an ellipsis so a label never widens its pane; ``outcome_line(parts, cancelled)`` is the one
line a task's summary says (``Added 3 articles · 1 failed (cancelled)``), and
``counted_parts`` the parts of it that have something to count.

Dates and times: the library keeps ISO dates (``2025-02-25``) and UTC timestamps; every pane
shows them through :func:`format_date` (a day: ``25 February 2025``, or ``25 Feb 2025`` where
room is short) and :func:`format_moment` (a moment in local time: ``25 Feb 2025, 14:03``, or
relative to today in lists: ``14:05``, ``Yesterday 09:12``, ``Mon 08:30``). Anything that
does not parse is shown as it was given, never dropped. An article with no date has none:
:func:`format_date` gives ``""`` and :func:`date_or_none` the words "No date"; the import
date never stands in for it.

:func:`fill` puts values into a translated template's ``%1``, ``%2`` ... places in one pass
(a value that itself holds ``%2`` is left as it is), for strings that go through
``tr()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

_PLACE = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1`` as the first of ``values``, ``%2`` the second, and so on
    (Qt's numbered places, which a translation may reorder); unknown places stay."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACE.sub(value, template)


def plural(n: int, word: str) -> str:
    """``1 article``, ``2 articles`` (``word`` takes an ``s``)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def elide(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else cut (at no trailing space) with an
    ellipsis, ``limit`` characters in all."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def outcome_line(parts: Iterable[str], cancelled: bool = False) -> str:
    """The parts of an outcome joined by middle dots, marked when the user cancelled."""
    line = " \u00b7 ".join(parts)
    if not cancelled:
        return line
    return fill(QCoreApplication.translate("Outcomes", "%1 (cancelled)"), line)


def counted_parts(*counts: tuple[int, str]) -> list[str]:
    """The texts of the ``(count, text)`` pairs whose count is not zero, in order: the parts
    of an outcome line that have something to say."""
    return [text for n, text in counts if n]


_DATE_FORMATS = {False: "d MMMM yyyy", True: "d MMM yyyy"}


def format_date(value: str | None, *, short: bool = False) -> str:
    """``2025-02-25`` as ``25 February 2025`` (``25 Feb 2025`` if ``short``); a timestamp's
    date the same way; unparseable values as they are, none as ``""``."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    # in the interface's language (QLocale's default is set with the translation)
    return QLocale().toString(QDate(day.year, day.month, day.day), _DATE_FORMATS[short])


def date_or_none(value: str | None, *, short: bool = False) -> str:
    """:func:`format_date`'s day, or "No date" (translated) for an article that has none."""
    return format_date(value, short=short) or QCoreApplication.translate("Dates", "No date")


def format_moment(value: str | None, *, relative: bool = False, now: datetime | None = None) -> str:
    """A stored timestamp in local time: ``25 Feb 2025, 14:03``; if ``relative``, by how
    long ago it is from ``now`` (default: now): ``14:05`` today, ``Yesterday 09:12``,
    ``Mon 08:30`` within the week, ``3 Mar 2025`` before. A timestamp without a zone is UTC
    when ``relative``, and shown as written otherwise."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None and relative:
        moment = moment.replace(tzinfo=UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if not relative:
        return _in_locale(moment, "d MMM yyyy, HH:mm")
    today = (now or datetime.now().astimezone()).date()
    days = (today - moment.date()).days
    if days == 0:
        return _in_locale(moment, "HH:mm")
    if days == 1:
        return fill(
            QCoreApplication.translate("Dates", "Yesterday %1"), _in_locale(moment, "HH:mm")
        )
    if 1 < days < 7:
        return _in_locale(moment, "ddd HH:mm")
    return _in_locale(moment, "d MMM yyyy")


def _in_locale(moment: datetime, pattern: str) -> str:
    """``moment`` (its own wall-clock time) written with a Qt date pattern, with the month
    and day names of the interface's locale (``25 févr. 2025`` in French)."""
    when = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return QLocale().toString(when, pattern)
