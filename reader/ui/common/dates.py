"""How the window writes dates and times: one formatter for dates, one for stored moments.

The library keeps ISO dates (``2025-02-25``) and UTC timestamps; every pane shows them through
:func:`format_date` (a day: ``25 February 2025``, or ``25 Feb 2025`` where room is short) and
:func:`format_moment` (a moment in local time: ``25 Feb 2025, 14:03``, or relative to today
in lists: ``14:05``, ``Yesterday 09:12``, ``Mon 08:30``). Anything that does not parse is
shown as it was given, never dropped.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def format_date(value: str | None, *, short: bool = False) -> str:
    """``2025-02-25`` as ``25 February 2025`` (``25 Feb 2025`` if ``short``); a timestamp's
    date the same way; unparseable values as they are, none as ``""``."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%b %Y}" if short else f"{day.day} {day:%B %Y}"


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
        return f"{moment.day} {moment:%b %Y, %H:%M}"
    today = (now or datetime.now().astimezone()).date()
    days = (today - moment.date()).days
    if days == 0:
        return f"{moment:%H:%M}"
    if days == 1:
        return f"Yesterday {moment:%H:%M}"
    if 1 < days < 7:
        return f"{moment:%a %H:%M}"
    return f"{moment.day} {moment:%b %Y}"
