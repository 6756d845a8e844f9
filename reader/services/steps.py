"""The loop every long operation of the services runs: one item at a time, with progress
reports and a way to stop.

``progress(done, total, label)`` is called after each item is handled and ``cancelled()``
is asked before each one, so the command line (which passes neither) and the window's
tasks (which pass both) run the same code. :func:`article_texts` is that loop over
articles, giving each one's text (an article deleted meanwhile is skipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from reader.library import Library

__all__ = ["CancelledFn", "ProgressFn", "article_texts", "steps"]

#: ``progress(done, total, label)``: how far an operation got, and on what.
ProgressFn = Callable[[int, int, str], None]
#: ``cancelled()``: whether the user asked to stop.
CancelledFn = Callable[[], bool]

T = TypeVar("T")


def steps(
    items: Sequence[T],
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    label: Callable[[T], str] = str,
) -> Iterator[T]:
    """Each of ``items`` in turn, until ``cancelled()`` turns true; reports
    ``progress(done, len(items), label(item))`` once the caller has handled it."""
    for done, item in enumerate(items, start=1):
        if cancelled is not None and cancelled():
            return
        yield item
        if progress is not None:
            progress(done, len(items), label(item))


def article_texts(
    library: Library,
    article_ids: Sequence[int],
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Iterator[tuple[int, str]]:
    """``(id, text)`` of each article in turn (as :func:`steps`; missing ones skipped)."""
    for article_id in steps(article_ids, progress=progress, cancelled=cancelled):
        text = library.text_of(article_id)
        if text is not None:
            yield article_id, text
