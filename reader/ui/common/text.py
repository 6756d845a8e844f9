"""Small pieces of wording every pane shares: counts, shortened text, outcomes, dates.

``plural(3, "article")`` is ``3 articles``; ``elide(title, 48)`` shortens a long title with
an ellipsis so a label never widens its pane; ``outcome_line(parts, cancelled)`` is the one
line a task's summary says (``Added 3 articles · 1 failed (cancelled)``), and
``counted_parts`` the parts of it that have something to count.

Dates and times: the library keeps ISO dates (``2025-02-25``) and UTC timestamps; every pane
shows them through :func:`format_date` (a day: ``25 February 2025``, or ``25 Feb 2025`` where
room is short) and :func:`format_moment` (a moment in local time: ``25 Feb 2025, 14:03``, or
relative to today in lists: ``14:05``, ``Yesterday 09:12``, ``Mon 08:30``). Anything that
does not parse is shown as it was given, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime


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
    return f"{line} (cancelled)" if cancelled else line


def counted_parts(*counts: tuple[int, str]) -> list[str]:
    """The texts of the ``(count, text)`` pairs whose count is not zero, in order: the parts
    of an outcome line that have something to say."""
    return [text for n, text in counts if n]


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
