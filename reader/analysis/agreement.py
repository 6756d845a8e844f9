"""Agreement between two coders: Cohen's kappa per dimension, over the sentences both read.

Pure functions over plain data (no library access). The unit is the *sentence*
(:func:`reader.analysis.sentences.split_sentences`): the agreement covers the sentences of
the articles that **both** coders reviewed in the codebook, an article counting as reviewed
by a coder when that coder has at least one coding of it in the codebook that is accepted
or rejected (a manual coding, or a rule suggestion the coder decided on; suggestions never
looked at do not count). For each dimension, a sentence is *coded* by a coder when one of
that coder's **accepted** codings of the dimension overlaps it. Each dimension then gives a
2x2 table (``both``, ``only_a``, ``only_b``, ``neither``) and

    kappa = (p_o - p_e) / (1 - p_e),  p_o = (both + neither) / n,
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b),  p_a = (both + only_a) / n, ...

which is undefined (``None``) when ``p_e`` is 1 (both coders gave every sentence the same
answer) or when there is no sentence. ``overall`` is the kappa of the four counts summed
over the dimensions (every sentence-and-dimension pair one unit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.analysis.sentences import split_sentences

REVIEWED = frozenset({"accepted", "rejected"})
ACCEPTED = "accepted"


class CodingLike(Protocol):
    """What the agreement needs of a coding."""

    @property
    def article_id(self) -> int: ...
    @property
    def dimension(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def status(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Table:
    """The counts of one 2x2 agreement table, and its kappa."""

    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def n(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.both, self.only_a, self.only_b, self.neither)

    def __add__(self, other: Table) -> Table:
        return Table(
            self.both + other.both,
            self.only_a + other.only_a,
            self.only_b + other.only_b,
            self.neither + other.neither,
        )


def cohen_kappa(both: int, only_a: int, only_b: int, neither: int) -> float | None:
    """Cohen's kappa of a 2x2 table; ``None`` when undefined (no units, or ``p_e`` = 1)."""
    n = both + only_a + only_b + neither
    if n == 0:
        return None
    p_o = (both + neither) / n
    p_a = (both + only_a) / n
    p_b = (both + only_b) / n
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1 - p_e)


@dataclass(frozen=True, slots=True)
class Agreement:
    """Per dimension (sorted by id), the table; and the pooled table."""

    dimensions: dict[str, Table]
    sentences: int
    articles: int

    @property
    def overall(self) -> Table:
        total = Table(0, 0, 0, 0)
        for table in self.dimensions.values():
            total = total + table
        return total

    def as_json(self) -> dict[str, Any]:
        return {
            "dimensions": [
                {
                    "id": dim,
                    "kappa": _rounded(t.kappa),
                    "both": t.both,
                    "only_a": t.only_a,
                    "only_b": t.only_b,
                    "neither": t.neither,
                }
                for dim, t in self.dimensions.items()
            ],
            "overall": _rounded(self.overall.kappa),
            "sentences": self.sentences,
            "articles": self.articles,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def reviewed_articles(codings: Iterable[CodingLike]) -> set[int]:
    """The articles a coder reviewed (a coding of them accepted or rejected)."""
    return {c.article_id for c in codings if str(c.status) in REVIEWED}


def _coded(spans: Sequence[tuple[int, int]], codings: Iterable[CodingLike]) -> set[int]:
    """Which sentences (by index) the accepted codings overlap."""
    hit: set[int] = set()
    for c in codings:
        for i, (start, end) in enumerate(spans):
            if c.start < end and c.end > start:
                hit.add(i)
    return hit


def agreement(
    texts: Mapping[int, tuple[str, str | None]],
    a: Sequence[CodingLike],
    b: Sequence[CodingLike],
    dimensions: Iterable[str] = (),
) -> Agreement:
    """The agreement of coders ``a`` and ``b`` (their codings in one codebook) over the
    sentences of the articles both reviewed; ``texts`` gives each article's ``(text,
    language)``. The dimensions are ``dimensions`` and every one either coder used there."""
    common = sorted(reviewed_articles(a) & reviewed_articles(b) & set(texts))
    chosen = set(common)
    accepted_a = [c for c in a if c.article_id in chosen and str(c.status) == ACCEPTED]
    accepted_b = [c for c in b if c.article_id in chosen and str(c.status) == ACCEPTED]
    dims = sorted({*dimensions, *(c.dimension for c in [*accepted_a, *accepted_b])})
    counts = {d: [0, 0, 0, 0] for d in dims}
    sentences = 0
    for article_id in common:
        text, language = texts[article_id]
        spans = split_sentences(text, language)
        sentences += len(spans)
        for dim in dims:
            in_a = _coded(
                spans, (c for c in accepted_a if c.article_id == article_id and c.dimension == dim)
            )
            in_b = _coded(
                spans, (c for c in accepted_b if c.article_id == article_id and c.dimension == dim)
            )
            both = len(in_a & in_b)
            row = counts[dim]
            row[0] += both
            row[1] += len(in_a) - both
            row[2] += len(in_b) - both
            row[3] += len(spans) - len(in_a | in_b)
    return Agreement({d: Table(*v) for d, v in counts.items()}, sentences, len(common))
