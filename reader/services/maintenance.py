"""Checking and repairing the library, as ``fieldreader check [--repair]`` and the window's
Library › Check Library… do it.

:mod:`reader.library.maintenance` checks the file and repairs what needs no analysis
(search indexes, note anchors, entity counts, codings' places). Mentions that no longer
match their article's text need the extractor, so :func:`repair` adds that step here:
check, repair, re-extract the stale articles' entities, then check again. The command line
and the window both call it, so they repair the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.library import Library
from reader.library.maintenance import Report, Step, articles_with_stale_mentions
from reader.library.maintenance import check as check_file
from reader.library.maintenance import repair as repair_file

if TYPE_CHECKING:
    from reader.services.extraction import ProgressFn

__all__ = ["REEXTRACTED_KIND", "check", "plural", "repair"]

#: The kind of problem :func:`repair` fixes by re-extracting (besides what the library
#: marks repairable itself).
REEXTRACTED_KIND = "mentions"


def plural(n: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def check(library: Library) -> Report:
    """Everything that can be checked without changing the file."""
    return check_file(library)


def repair(
    library: Library,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Report:
    """Repair what is safe to repair, re-extract the entities of articles whose mentions
    went stale (``progress``/``cancelled`` follow that step), and check again."""
    report = repair_file(library)
    stale = articles_with_stale_mentions(library)
    if stale and not (cancelled is not None and cancelled()):
        from reader.services.extraction import reextract  # the extractor, when it runs

        done = reextract(library, stale, progress=progress, cancelled=cancelled)
        report.add_step(
            Step(
                "reextracted",
                f"re-extracted the entities of {plural(done, 'article')}",
                {"count": done},
            )
        )
        report.problems = check_file(library).problems
    return report
