"""Anchors: how a note or highlight stays attached to a passage of an article's text.

An anchor stores the character offsets, the exact quote, and a little context before and
after it. When the text changes, :func:`reanchor` finds the quote again, preferring the
occurrence whose context matches and that lies nearest the old place; when the quote is
gone it says so (``None``) so the caller can flag the anchor instead of moving it blindly.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.errors import InvalidInputError

CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class Anchor:
    """A passage ``text[start:end] == quote`` with the context around it."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """The anchor for ``text[start:end]``; :class:`InvalidInputError` for an empty or bad
    range."""
    if not (0 <= start < end <= len(text)):
        raise InvalidInputError(f"the passage {start}..{end} is not inside the text")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def anchor_for_quote(text: str, quote: str) -> Anchor:
    """The anchor at the first occurrence of ``quote``; :class:`InvalidInputError` when it
    is absent."""
    if not quote.strip():
        raise InvalidInputError("the quote is empty")
    start = text.find(quote)
    if start < 0:
        raise InvalidInputError("the quote does not occur in the article's text")
    return make_anchor(text, start, start + len(quote))


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> int:
    """How many characters of the stored prefix and suffix match around ``start..end``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(anchor.prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, anchor.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def reanchor(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchored passage is in ``text`` now, or ``None`` when it cannot be found."""
    if text[anchor.start : anchor.end] == anchor.quote:
        return anchor.start, anchor.end
    if not anchor.quote:
        return None
    found: list[int] = []
    pos = text.find(anchor.quote)
    while pos >= 0:
        found.append(pos)
        pos = text.find(anchor.quote, pos + 1)
    if not found:
        return None
    best = max(
        found,
        key=lambda s: (
            _context_score(text, s, s + len(anchor.quote), anchor),
            -abs(s - anchor.start),
        ),
    )
    return best, best + len(anchor.quote)
