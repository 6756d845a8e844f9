"""The framing comparison: two cases of articles side by side, dimension by dimension.

A case is chosen by a selector, ``tag:NAME`` or ``ids:1,2,3``. :func:`compare` runs the
codebook's rules where they have not run yet, then gathers, per dimension, the evidence
(suggested and accepted codings; rejected ones are left out) on each side, flags dimensions
present on one side only, pairs each evidence sentence with its closest counterpart on the
other side, and compares the entities the two cases mention. The result exports as JSON,
Markdown (a table with quoted evidence and citations) and CSV (one row per coding).

The evidence can be one coder's (``coder``) or every coder's (the default). Conflict copies
(the other side's version of a coding edited on both sides, which a field pack import
keeps beside this one) are left out of the evidence and its counts, so a passage is never
counted twice; how many were left out is said (``conflict_copies``), and they are resolved
where field packs are (keep one, keep both).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from reader.analysis.codebooks import DEFAULT_CODEBOOK
from reader.analysis.coding import closest
from reader.library import Library
from reader.library import coders as _coders
from reader.library.codings import Coding
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.records import json_fields, row_values
from reader.library.statuses import EVIDENCE_STATUSES, CodingStatus
from reader.services.framing import codebook_for, codings, run_rules

DEFAULT_A = "tag:ukraine"
DEFAULT_B = "tag:drc"
#: The statuses that count as evidence by default: suggested and accepted.
SHOWN_STATUSES: tuple[CodingStatus, ...] = EVIDENCE_STATUSES
#: Entity types left out of the entity comparison (numbers are not actors).
IGNORED_ENTITY_TYPES = ("figure",)

Side = Literal["a", "b"]
SIDES: tuple[Side, Side] = ("a", "b")


def other_side(side: Side) -> Side:
    """``b`` for ``a`` and ``a`` for ``b``."""
    return "b" if side == "a" else "a"


@dataclass(frozen=True, slots=True)
class Case:
    """One side of the comparison: a label and its articles."""

    label: str
    selector: str
    articles: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return json_fields(self, "label selector articles")


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The evidence on the other side most like this one: its ``index`` there, and how
    alike they are (0..1, rounded to three places)."""

    index: int
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return json_fields(self, "index similarity")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One coded passage shown as evidence: ``index`` is its place in its side's list."""

    index: int
    article_id: int
    start: int
    end: int
    text: str
    status: CodingStatus
    method: str
    coding_id: int
    title: str
    counterpart: Counterpart | None = None
    coder: str | None = None  # who made the coding

    def to_json(self) -> dict[str, Any]:
        return json_fields(
            self, "article_id start end text status method coding_id title counterpart coder"
        )


@dataclass(frozen=True, slots=True)
class DimensionComparison:
    """One row: a dimension with the evidence of each side, and which side alone has any."""

    id: str
    label: str
    description: str
    a: tuple[Evidence, ...]
    b: tuple[Evidence, ...]
    only: Side | None

    def side(self, side: Side) -> tuple[Evidence, ...]:
        """The evidence of ``side``, in the comparison's order."""
        return self.a if side == "a" else self.b

    def to_json(self) -> dict[str, Any]:
        return json_fields(self, "id label description a b only")


@dataclass(frozen=True, slots=True)
class EntityOverlap:
    """The entity names both cases mention, and those only one does (sorted)."""

    shared: tuple[str, ...] = ()
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return json_fields(self, "shared only_a only_b")


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two cases compared dimension by dimension (what ``fieldreader compare`` prints)."""

    codebook: str
    a: Case
    b: Case
    dimensions: tuple[DimensionComparison, ...]
    entities: EntityOverlap
    coder: str | None = None  # whose codings are the evidence (None: every coder's)
    conflict_copies: int = 0  # conflict copies left out of the evidence

    def case(self, side: Side) -> Case:
        return self.a if side == "a" else self.b

    def dimension(self, dimension_id: str) -> DimensionComparison | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def to_json(self) -> dict[str, Any]:
        """The comparison as ``compare --json`` has always written it (then the coder and
        the conflict copies left out)."""
        return json_fields(self, "codebook a b dimensions entities coder conflict_copies")


def compare_coders(library: Library) -> list[str]:
    """The coders whose codings the comparison can show one by one (sorted): those with
    codings or notes here, and this library's own coder (whose rule suggestions are made
    when the comparison first runs)."""
    own = _coders.coder(library)
    return sorted({*_coders.coders(library), *([own] if own else [])})


def parse_selector(library: Library, selector: str) -> Case:
    """``tag:NAME`` or ``ids:1,2,3`` as a :class:`Case` (a tag's articles in the trash
    are left out); :class:`InvalidInputError` when malformed or naming an article in the
    trash, :class:`NotFoundError` for an id with no article."""
    kind, _, rest = selector.partition(":")
    rest = rest.strip()
    if kind == "tag" and rest:
        return Case(rest, selector, tuple(library.article_ids(tag=rest, sort="published")))
    if kind == "ids" and rest:
        try:
            ids = tuple(dict.fromkeys(int(x) for x in rest.split(",") if x.strip()))
        except ValueError:
            raise InvalidInputError(f"bad article ids in {selector!r}; write ids:1,2,3") from None
        found = library.summaries(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"no article with id {missing[0]}")
        trashed = [i for i in ids if found[i].trashed is not None]
        if trashed:
            raise InvalidInputError(
                f"article {trashed[0]} is in the trash; restore it to compare it "
                f"('fieldreader article restore {trashed[0]}')"
            )
        label = f"articles {', '.join(str(i) for i in ids)}"
        return Case(label, selector, ids)
    raise InvalidInputError(f"bad selector {selector!r}; use tag:NAME or ids:1,2,3")


def _evidence(library: Library, found: list[Coding]) -> list[Evidence]:
    titles = {i: s.title for i, s in library.summaries([c.article_id for c in found]).items()}
    return [
        Evidence(
            **row_values(
                Evidence,
                asdict(c),
                index=i,
                coding_id=c.id,
                title=titles.get(c.article_id, ""),
                counterpart=None,
            )
        )
        for i, c in enumerate(found)
    ]


def _paired(side: list[Evidence], other: list[Evidence]) -> tuple[Evidence, ...]:
    """``side`` with each item's closest counterpart in ``other``."""
    texts = [e.text for e in other]
    out = []
    for item in side:
        found = closest(item.text, texts) if texts else None
        pair = None if found is None else Counterpart(found[0], round(found[1], 3))
        out.append(replace(item, counterpart=pair))
    return tuple(out)


def compare(
    library: Library,
    a: str = DEFAULT_A,
    b: str = DEFAULT_B,
    *,
    codebook_id: str = DEFAULT_CODEBOOK,
    statuses: Sequence[str] = SHOWN_STATUSES,
    coder: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    """The comparison of cases ``a`` and ``b`` (see the module doc), with ``coder``'s
    codings as the evidence (None: every coder's); :class:`NotFoundError` for a coder with
    no codings or notes here."""
    codebook = codebook_for(library, codebook_id)
    if coder is not None:
        coder = coder.strip()
        known = compare_coders(library)
        if coder not in known:
            named = ", ".join(known) if known else "none yet"
            raise NotFoundError(f"no coder {coder!r} in this library; coders: {named}")
    case_a, case_b = parse_selector(library, a), parse_selector(library, b)
    run_rules(
        library,
        list(dict.fromkeys(case_a.articles + case_b.articles)),
        codebook,
        progress=progress,
        cancelled=cancelled,
    )
    found: dict[Side, dict[str, list[Coding]]] = {"a": {}, "b": {}}
    copies: set[int] = set()
    for side, case in zip(SIDES, (case_a, case_b), strict=True):
        for c in codings(
            library,
            article_ids=list(case.articles),
            codebook=codebook.id,
            statuses=statuses,
            coder=coder,
        ):
            if c.conflict_of is not None:
                copies.add(c.id)
                continue
            found[side].setdefault(c.dimension, []).append(c)
    dimensions = []
    for dim in codebook.dimensions:
        left = _evidence(library, found["a"].get(dim.id, []))
        right = _evidence(library, found["b"].get(dim.id, []))
        only: Side | None = "a" if left and not right else "b" if right and not left else None
        dimensions.append(
            DimensionComparison(
                id=dim.id,
                label=dim.label,
                description=dim.description,
                a=_paired(left, right),
                b=_paired(right, left),
                only=only,
            )
        )
    skip = IGNORED_ENTITY_TYPES
    names_a = library.entity_names_in(case_a.articles, except_types=skip)
    names_b = library.entity_names_in(case_b.articles, except_types=skip)
    return Comparison(
        codebook=codebook.id,
        a=case_a,
        b=case_b,
        dimensions=tuple(dimensions),
        entities=EntityOverlap(
            shared=tuple(sorted(names_a & names_b, key=str.casefold)),
            only_a=tuple(sorted(names_a - names_b, key=str.casefold)),
            only_b=tuple(sorted(names_b - names_a, key=str.casefold)),
        ),
        coder=coder,
        conflict_copies=len(copies),
    )


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


def to_csv(result: Comparison) -> str:
    """One row per coding: case, dimension, article, offsets, text, status, method."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for dim in result.dimensions:
        for side in SIDES:
            for e in dim.side(side):
                writer.writerow(
                    [
                        result.case(side).label,
                        dim.id,
                        e.article_id,
                        e.title,
                        e.start,
                        e.end,
                        e.text,
                        e.status,
                        e.method,
                        e.coding_id,
                    ]
                )
    return out.getvalue()


def _cell(items: Sequence[Evidence], limit: int = 2) -> str:
    if not items:
        return "—"
    quotes = [f"“{e.text.strip()}” ({e.title})" for e in items[:limit]]
    more = f" … and {len(items) - limit} more" if len(items) > limit else ""
    text = f"**{len(items)}**: " + " ".join(quotes) + more
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: Comparison) -> str:
    """A Markdown report: a dimension-by-case table, then every quoted piece of evidence."""
    a, b = result.a.label, result.b.label
    lines = [
        f"# {a} and {b} compared",
        "",
        f"Codebook: `{result.codebook}`. Cases: **{a}** ({len(result.a.articles)} "
        f"articles) and **{b}** ({len(result.b.articles)} articles). Evidence counts "
        "include suggested and accepted codings; rejected ones are left out."
        + (f" Coder: **{result.coder}**." if result.coder else "")
        + (
            f" {result.conflict_copies} conflict "
            f"{'copy is' if result.conflict_copies == 1 else 'copies are'} not counted."
            if result.conflict_copies
            else ""
        ),
        "",
        f"| Dimension | {a} | {b} |",
        "| --- | --- | --- |",
    ]
    for dim in result.dimensions:
        flag = f" (only in {result.case(dim.only).label})" if dim.only else ""
        lines.append(f"| {dim.label}{flag} | {_cell(dim.a)} | {_cell(dim.b)} |")
    for dim in result.dimensions:
        lines += ["", f"## {dim.label}", ""]
        for side in SIDES:
            lines.append(f"### {result.case(side).label}")
            lines.append("")
            if not dim.side(side):
                lines += ["*No evidence.*", ""]
                continue
            for e in dim.side(side):
                lines.append(f"> {e.text.strip()}")
                lines.append(">")
                lines.append(
                    f"> — {e.title} (article {e.article_id}, characters "
                    f"{e.start}–{e.end}; {e.status}, {e.method})"
                )
                lines.append("")
    ents = result.entities
    lines += ["", "## Entities", ""]
    lines.append(f"- **Shared**: {', '.join(ents.shared) or '—'}")
    lines.append(f"- **Only in {a}**: {', '.join(ents.only_a) or '—'}")
    lines.append(f"- **Only in {b}**: {', '.join(ents.only_b) or '—'}")
    return "\n".join(lines) + "\n"
