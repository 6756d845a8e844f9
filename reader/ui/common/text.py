"""Small pieces of wording every pane's messages share: counts and shortened text.

``plural(3, "article")`` is ``3 articles``; ``elide(title, 48)`` shortens a long title with
an ellipsis so a label never widens its pane; ``outcome_line(parts, cancelled)`` is the one
line a task's summary says (``Added 3 articles · 1 failed (cancelled)``).
"""

from __future__ import annotations

from collections.abc import Iterable


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
