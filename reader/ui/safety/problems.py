"""The library check's problems and a repair's steps, written in the window's language.

:func:`reader.library.maintenance.check` gives each :class:`~reader.library.maintenance.Problem`
a ``kind`` and the ``params`` its sentence is made of (and an English ``detail`` for the
command line); a repair does the same for each :class:`~reader.library.maintenance.Step`.
:func:`problem_text` and :func:`step_text` write those sentences through Qt's translation
(context ``CheckProblems``), numbers in the interface's locale. A kind this module does not
know, or a problem without the parameters its sentence needs (one made by older code), is
shown by its ``detail``, without command-line advice or table names (:func:`plain`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from reader.library.maintenance import Problem, Step

__all__ = ["plain", "problem_text", "step_text"]

CONTEXT = "CheckProblems"
#: How many article ids a problem names before it says "…".
LISTED_IDS = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _n(value: Any) -> str:
    return QLocale().toString(int(value))


def _ids(ids: Sequence[Any], total: int) -> str:
    shown = ", ".join(_n(i) for i in ids[:LISTED_IDS])
    return shown + ("\u2026" if total > len(ids[:LISTED_IDS]) else "")


def plain(detail: str) -> str:
    """A problem's English detail in the window's words: no command-line advice
    (``(run 'fieldreader …')``), no table names."""
    detail = re.sub(r"\s*\(run '[^']*'\)", "", detail)
    return detail.replace("the articles_fts index", "the search index of articles").replace(
        "the notes_fts index", "the search index of notes"
    )


def _integrity(p: Mapping[str, Any]) -> str:
    return _tr("SQLite\u2019s integrity check: {message}").format(message=p["message"])


def _foreign_key(p: Mapping[str, Any]) -> str:
    return _tr("Row {row} of the {table} table points to a missing row of {parent}").format(
        row=_n(p["row"]), table=p["table"], parent=p["parent"]
    )


def _search_index(p: Mapping[str, Any]) -> str:
    notes = p["of"] == "notes"
    if p["stemmed"]:
        if notes:
            return _tr("The stemmed search index of notes is damaged")
        return _tr("The stemmed search index of articles is damaged")
    if notes:
        return _tr("The search index of notes does not match the notes")
    return _tr("The search index of articles does not match the articles")


def _mentions(p: Mapping[str, Any]) -> str:
    count, total = int(p["count"]), int(p["article_count"])
    if total == 1:
        where = _tr("article {ids}")
    else:
        where = _tr("articles {ids}")
    where = where.format(ids=_ids(p["articles"], total))
    if count == 1:
        line = _tr("{n} entity mention no longer matches the text of {articles}")
    else:
        line = _tr("{n} entity mentions no longer match the text of {articles}")
    return line.format(n=_n(count), articles=where)


def _anchor(p: Mapping[str, Any]) -> str:
    return _tr("Note {id} no longer matches its passage").format(id=_n(p["note"]))


def _entity_counts(p: Mapping[str, Any]) -> str:
    if int(p["count"]) == 1:
        line = _tr("{n} entity carries a wrong mention count")
    else:
        line = _tr("{n} entities carry wrong mention counts")
    return line.format(n=_n(p["count"]))


def _codings(p: Mapping[str, Any]) -> str:
    if int(p["count"]) == 1:
        line = _tr("{n} coding no longer matches its passage")
    else:
        line = _tr("{n} codings no longer match their passage")
    return line.format(n=_n(p["count"]))


_PROBLEMS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "integrity": _integrity,
    "foreign_key": _foreign_key,
    "search_index": _search_index,
    "mentions": _mentions,
    "anchor": _anchor,
    "entity_counts": _entity_counts,
    "codings": _codings,
}


def _note_anchors(p: Mapping[str, Any]) -> str:
    return _tr("Notes re-anchored: {moved}; notes flagged as unresolved: {lost}").format(
        moved=_n(p["moved"]), lost=_n(p["lost"])
    )


def _coding_places(p: Mapping[str, Any]) -> str:
    return _tr(
        "Codings found again: {refound}; stale rule suggestions dropped: {dropped} "
        "(the rules run again on those articles)"
    ).format(refound=_n(p["refound"]), dropped=_n(p["dropped"]))


def _reextracted(p: Mapping[str, Any]) -> str:
    if int(p["count"]) == 1:
        line = _tr("Extracted the entities of {n} article again")
    else:
        line = _tr("Extracted the entities of {n} articles again")
    return line.format(n=_n(p["count"]))


_STEPS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "search_indexes": lambda _p: _tr("Rebuilt the search indexes"),
    "entity_counts": lambda _p: _tr("Recounted the entities\u2019 mentions"),
    "note_anchors": _note_anchors,
    "coding_places": _coding_places,
    "reextracted": _reextracted,
}


def _written(
    table: dict[str, Callable[[Mapping[str, Any]], str]], kind: str, params: Mapping[str, Any]
) -> str | None:
    render = table.get(kind)
    if render is None:
        return None
    try:
        return render(params)
    except (KeyError, TypeError, ValueError):
        return None  # made without its parameters: the caller shows the detail


def problem_text(problem: Problem) -> str:
    """The problem in the window's language (its plain detail for an unknown kind)."""
    return _written(_PROBLEMS, problem.kind, problem.params) or plain(problem.detail)


def step_text(step: Step) -> str:
    """What a repair did, in the window's language (its detail for an unknown kind)."""
    return _written(_STEPS, step.kind, step.params) or step.detail
