"""The framing comparison: two cases of articles side by side, dimension by dimension.

A case is chosen by a selector, ``tag:NAME`` or ``ids:1,2,3``. :func:`compare` runs the
codebook's rules where they have not run yet, then gathers, per dimension, the evidence
(suggested and accepted codings; rejected ones are left out) on each side, flags dimensions
present on one side only, pairs each evidence sentence with its closest counterpart on the
other side, and compares the entities the two cases mention. The result exports as JSON,
Markdown (a table with quoted evidence and citations) and CSV (one row per coding).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.analysis.codebooks import DEFAULT_CODEBOOK
from reader.analysis.coding import closest
from reader.services.framing import codebook_for, run_rules
from reader.library import Library
from reader.library import codings as _codings

DEFAULT_A = "tag:ukraine"
DEFAULT_B = "tag:drc"
SHOWN_STATUSES = ("suggested", "accepted")


@dataclass(frozen=True, slots=True)
class Case:
    """One side of the comparison: a label and its articles."""

    label: str
    selector: str
    articles: tuple[int, ...]


def parse_selector(library: Library, selector: str) -> Case:
    """``tag:NAME`` or ``ids:1,2,3`` as a :class:`Case`; ``ValueError`` when malformed."""
    kind, _, rest = selector.partition(":")
    rest = rest.strip()
    if kind == "tag" and rest:
        return Case(rest, selector, tuple(library.article_ids(tag=rest, sort="published")))
    if kind == "ids" and rest:
        try:
            ids = tuple(dict.fromkeys(int(x) for x in rest.split(",") if x.strip()))
        except ValueError:
            raise ValueError(f"bad article ids in {selector!r}; write ids:1,2,3") from None
        missing = [i for i in ids if library.title_of(i) is None]
        if missing:
            raise ValueError(f"no article with id {missing[0]}")
        label = f"articles {', '.join(str(i) for i in ids)}"
        return Case(label, selector, ids)
    raise ValueError(f"bad selector {selector!r}; use tag:NAME or ids:1,2,3")


def _evidence(library: Library, codings: list[_codings.Coding]) -> list[dict[str, Any]]:
    titles = {i: s.title for i, s in library.summaries([c.article_id for c in codings]).items()}
    return [
        {
            "article_id": c.article_id,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "status": c.status,
            "method": c.method,
            "coding_id": c.id,
            "title": titles.get(c.article_id, ""),
        }
        for c in codings
    ]


def _pair(side: list[dict[str, Any]], other: list[dict[str, Any]]) -> None:
    texts = [e["text"] for e in other]
    for item in side:
        found = closest(item["text"], texts) if texts else None
        item["counterpart"] = (
            None if found is None else {"index": found[0], "similarity": round(found[1], 3)}
        )


def _entity_names(library: Library, article_ids: Sequence[int]) -> set[str]:
    if not article_ids:
        return set()
    marks = ",".join("?" * len(article_ids))
    rows = library.db.execute(
        f"SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
        f"WHERE m.article_id IN ({marks}) AND e.type != 'figure'",
        list(article_ids),
    )
    return {r[0] for r in rows}


def compare(
    library: Library,
    a: str = DEFAULT_A,
    b: str = DEFAULT_B,
    *,
    codebook_id: str = DEFAULT_CODEBOOK,
    statuses: Sequence[str] = SHOWN_STATUSES,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """The comparison of cases ``a`` and ``b`` as a JSON-ready dict (see the module doc)."""
    codebook = codebook_for(library, codebook_id)
    case_a, case_b = parse_selector(library, a), parse_selector(library, b)
    run_rules(
        library,
        list(dict.fromkeys(case_a.articles + case_b.articles)),
        codebook,
        progress=progress,
        cancelled=cancelled,
    )
    found: dict[str, dict[str, list[_codings.Coding]]] = {"a": {}, "b": {}}
    for side, case in (("a", case_a), ("b", case_b)):
        for c in _codings.fetch_codings(
            library.db, article_ids=list(case.articles), codebook=codebook.id, statuses=statuses
        ):
            found[side].setdefault(c.dimension, []).append(c)
    dimensions = []
    for dim in codebook.dimensions:
        left = _evidence(library, found["a"].get(dim.id, []))
        right = _evidence(library, found["b"].get(dim.id, []))
        _pair(left, right)
        _pair(right, left)
        only = "a" if left and not right else "b" if right and not left else None
        dimensions.append(
            {
                "id": dim.id,
                "label": dim.label,
                "description": dim.description,
                "a": left,
                "b": right,
                "only": only,
            }
        )
    names_a = _entity_names(library, case_a.articles)
    names_b = _entity_names(library, case_b.articles)
    return {
        "codebook": codebook.id,
        "a": {
            "label": case_a.label,
            "selector": case_a.selector,
            "articles": list(case_a.articles),
        },
        "b": {
            "label": case_b.label,
            "selector": case_b.selector,
            "articles": list(case_b.articles),
        },
        "dimensions": dimensions,
        "entities": {
            "shared": sorted(names_a & names_b, key=str.casefold),
            "only_a": sorted(names_a - names_b, key=str.casefold),
            "only_b": sorted(names_b - names_a, key=str.casefold),
        },
    }


CSV_FIELDS = (
    "case",
    "dimension",
    "article_id",
    "title",
    "start",
    "end",
    "text",
    "status",
    "method",
    "coding_id",
)


def to_csv(result: dict[str, Any]) -> str:
    """One row per coding: case, dimension, article, offsets, text, status, method."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for dim in result["dimensions"]:
        for side in ("a", "b"):
            for e in dim[side]:
                writer.writerow(
                    [
                        result[side]["label"],
                        dim["id"],
                        e["article_id"],
                        e["title"],
                        e["start"],
                        e["end"],
                        e["text"],
                        e["status"],
                        e["method"],
                        e["coding_id"],
                    ]
                )
    return out.getvalue()


def _cell(items: list[dict[str, Any]], limit: int = 2) -> str:
    if not items:
        return "—"
    quotes = [f"“{e['text'].strip()}” ({e['title']})" for e in items[:limit]]
    more = f" … and {len(items) - limit} more" if len(items) > limit else ""
    text = f"**{len(items)}**: " + " ".join(quotes) + more
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: dict[str, Any]) -> str:
    """A Markdown report: a dimension-by-case table, then every quoted piece of evidence."""
    a, b = result["a"]["label"], result["b"]["label"]
    lines = [
        f"# {a} and {b} compared",
        "",
        f"Codebook: `{result['codebook']}`. Cases: **{a}** ({len(result['a']['articles'])} "
        f"articles) and **{b}** ({len(result['b']['articles'])} articles). Evidence counts "
        "include suggested and accepted codings; rejected ones are left out.",
        "",
        f"| Dimension | {a} | {b} |",
        "| --- | --- | --- |",
    ]
    for dim in result["dimensions"]:
        flag = f" (only in {result[dim['only']]['label']})" if dim["only"] else ""
        lines.append(f"| {dim['label']}{flag} | {_cell(dim['a'])} | {_cell(dim['b'])} |")
    for dim in result["dimensions"]:
        lines += ["", f"## {dim['label']}", ""]
        for side in ("a", "b"):
            lines.append(f"### {result[side]['label']}")
            lines.append("")
            if not dim[side]:
                lines += ["*No evidence.*", ""]
                continue
            for e in dim[side]:
                lines.append(f"> {e['text'].strip()}")
                lines.append(">")
                lines.append(
                    f"> — {e['title']} (article {e['article_id']}, characters "
                    f"{e['start']}–{e['end']}; {e['status']}, {e['method']})"
                )
                lines.append("")
    ents = result["entities"]
    lines += ["", "## Entities", ""]
    lines.append(f"- **Shared**: {', '.join(ents['shared']) or '—'}")
    lines.append(f"- **Only in {a}**: {', '.join(ents['only_a']) or '—'}")
    lines.append(f"- **Only in {b}**: {', '.join(ents['only_b']) or '—'}")
    return "\n".join(lines) + "\n"
