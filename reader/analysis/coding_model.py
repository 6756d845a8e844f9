"""A learned sentence coder that adds suggestions beside a codebook's rules.

This module owns the features a learned coder sees in a sentence (:func:`features`: Snowball
stems and stem bigrams tagged with the sentence's language, and a few shape features: a quote
mark, a number, a year, a money sign, how many capitalised names) and applying a trained
model to them (:class:`CodingModel`: one logistic regression per dimension). The weights are
language knowledge kept as data in ``resources/codebooks/models/<codebook id>.json`` (a folder
of its own: the codebook loader reads every ``*.json`` of ``resources/codebooks``), made by
``packaging/train_coder.py`` from the labelled sentences in ``tests/fixtures/coding``;
:func:`model_for` loads one lazily and :meth:`CodingModel.fingerprint` tells trainings apart.

A model mostly adds: :meth:`CodingModel.extra` gives, for a text's sentence spans and language,
the ``(start, end, dimension, score)`` of every sentence whose probability for a dimension
reaches the model's threshold (or the dimension's own, when the file gives one) and that the
rules did not already code for it. Their rule id is ``model:<dimension>`` (:func:`rule_id`),
so a model suggestion is never taken for a rule's.
For the few dimensions its file gives a ``veto`` floor, it also withholds a rule's suggestion
whose probability stays under that floor (:meth:`CodingModel.review` gives both at once): a
rule's wording matched, but nothing else in the sentence looks like the dimension.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import Stemmer

from reader.resources import resource_path

MODEL_FORMAT = 2  # weights: feature -> one number per dimension, in the order of bias
RULE_PREFIX = "model:"

_WORD = re.compile(r"[^\W\d_]+")
_QUOTE = re.compile(r"[\"“”«»„]")
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_MONEY = re.compile(r"[$€£]")
_NAME = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w'’-]+")


def rule_id(dimension: str) -> str:
    """The rule id a model suggestion carries (the library stores ``rule:model:<dim>``)."""
    return f"{RULE_PREFIX}{dimension}"


def is_model_rule(rule: str) -> bool:
    """Whether a suggestion's rule id names this learned coder rather than a rule."""
    return rule.startswith(RULE_PREFIX)


@functools.cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def features(sentence: str, language: str, stemmer: str | None) -> set[str]:
    """The binary features of ``sentence`` in ``language``.

    Words are stemmed with the Snowball ``stemmer`` (folded only when None), then folded and
    tagged with the language (``en|fund``, ``en|fund_pool``); shape features are shared by
    every language (``#quote``, ``#number``, ``#year``, ``#money``, ``#names>=N``).
    """
    words = [w.lower() for w in _WORD.findall(sentence)]
    if stemmer is not None:
        words = _stemmer(stemmer).stemWords(words)
    stems = [_fold(w) for w in words]
    out = {f"{language}|{s}" for s in stems}
    out.update(f"{language}|{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    out.add(f"lang={language}")
    if _QUOTE.search(sentence):
        out.add("#quote")
    if _NUMBER.search(sentence):
        out.add("#number")
    if _YEAR.search(sentence):
        out.add("#year")
    if _MONEY.search(sentence):
        out.add("#money")
    names = len(_NAME.findall(sentence.lstrip(" \"'“«(")[1:]))
    for n in (1, 2, 3):
        if names >= n:
            out.add(f"#names>={n}")
    return out


def probability(score: float) -> float:
    """The logistic function, safe for large scores."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    e = math.exp(score)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class ModelSuggestion:
    """A sentence the model codes for a dimension with probability ``score``."""

    start: int
    end: int
    dimension: str
    score: float


@dataclass(frozen=True)
class CodingModel:
    """One logistic regression per dimension over :func:`features`."""

    codebook: str
    threshold: float
    stemmers: dict[str, str]
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> dimension -> weight
    vetoes: dict[str, float] = field(default_factory=dict)  # dimension -> floor for a rule's
    thresholds: dict[str, float] = field(default_factory=dict)  # dimension -> its own threshold

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The dimensions the model codes, in the file's order."""
        return tuple(self.bias)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the model was trained on."""
        return tuple(self.stemmers)

    def knows(self, language: str | None) -> bool:
        """Whether the model was trained on sentences in ``language``."""
        return language in self.stemmers

    def scores(self, sentence: str, language: str) -> dict[str, float]:
        """The probability of each dimension for one sentence in ``language``."""
        totals = dict(self.bias)
        for feature in features(sentence, language, self.stemmers.get(language)):
            for dim, weight in self.weights.get(feature, {}).items():
                totals[dim] += weight
        return {dim: probability(total) for dim, total in totals.items()}

    def extra(
        self,
        text: str,
        spans: Iterable[tuple[int, int]],
        language: str | None,
        coded: Iterable[tuple[int, int, str]] = (),
    ) -> list[ModelSuggestion]:
        """The model's suggestions for ``text`` split into ``spans``, in text order.

        ``coded`` holds the ``(start, end, dimension)`` the rules already suggested; those are
        not repeated. Nothing when the model does not know ``language``.
        """
        return self.review(text, spans, language, coded)[0]

    def review(
        self,
        text: str,
        spans: Iterable[tuple[int, int]],
        language: str | None,
        coded: Iterable[tuple[int, int, str]] = (),
    ) -> tuple[list[ModelSuggestion], set[tuple[int, int, str]]]:
        """:meth:`extra`'s suggestions, and which of the rules' ``coded`` the model withholds.

        A rule's ``(start, end, dimension)`` is withheld when its dimension has a veto floor
        and the sentence's probability for it is under the floor. Nothing either way when the
        model does not know ``language``.
        """
        if language is None or not self.knows(language):
            return [], set()
        done = set(coded)
        added: list[ModelSuggestion] = []
        withheld: set[tuple[int, int, str]] = set()
        for start, end in spans:
            for dim, score in self.scores(text[start:end], language).items():
                if (start, end, dim) not in done:
                    if score >= self.thresholds.get(dim, self.threshold):
                        added.append(ModelSuggestion(start, end, dim, score))
                elif score < self.vetoes.get(dim, 0.0):
                    withheld.add((start, end, dim))
        return added, withheld

    def fingerprint(self) -> str:
        """A hash of everything that decides the model's suggestions (threshold, weights and
        any veto floors)."""
        parts: list[Any] = [self.codebook, self.threshold, self.stemmers, self.bias, self.weights]
        if self.vetoes or self.thresholds:
            parts.extend([self.vetoes, self.thresholds])
        blob = json.dumps(
            parts,
            sort_keys=True,
            ensure_ascii=False,
        ).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:16]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CodingModel:
        """A model from a parsed model file; ValueError when it is not one."""
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ValueError("not a coding model of a known format")
        try:
            bias = {str(k): float(v) for k, v in data["bias"].items()}
            weights: dict[str, dict[str, float]] = {}
            for feature, row in data["weights"].items():
                if not isinstance(row, list) or len(row) != len(bias):
                    raise ValueError(f"{feature!r} needs one weight per dimension")
                weights[str(feature)] = {
                    d: float(w) for d, w in zip(bias, row, strict=True) if float(w) != 0.0
                }
            vetoes = _per_dimension(data.get("veto", {}), bias, "veto")
            thresholds = _per_dimension(data.get("thresholds", {}), bias, "threshold")
            model = cls(
                codebook=str(data["codebook"]),
                threshold=float(data["threshold"]),
                stemmers={str(k): str(v) for k, v in data["stemmers"].items()},
                bias=bias,
                weights=weights,
                vetoes=vetoes,
                thresholds=thresholds,
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"a coding model with a bad field: {exc}") from exc
        return model


def _per_dimension(raw: Any, bias: dict[str, float], what: str) -> dict[str, float]:
    """A file's ``{dimension: number in [0, 1)}`` field; ValueError when it is not one."""
    out = {str(k): float(v) for k, v in raw.items()}
    for dim, value in out.items():
        if dim not in bias or not 0.0 <= value < 1.0:
            raise ValueError(f"a {what} needs a known dimension and a number in [0, 1): {dim}")
    return out


def model_path(codebook_id: str, folder: Path | None = None) -> Path:
    """Where the shipped model of a codebook lives (it may not exist)."""
    return (folder or resource_path("codebooks", "models")) / f"{codebook_id}.json"


@functools.cache
def model_for(codebook_id: str) -> CodingModel | None:
    """The shipped model of ``codebook_id``, loaded once; None when it has none."""
    path = model_path(codebook_id)
    if not path.is_file():
        return None
    return CodingModel.from_json(json.loads(path.read_text(encoding="utf-8")))
