"""Codebooks: the dimensions a comparison is coded on, and the rules that suggest evidence.

This module owns the codebook data model, its JSON format, its validation and the shipped
codebooks in ``resources/codebooks/`` (the rules are *applied* by :mod:`reader.analysis.coding`).
A codebook is plain data so that users can edit it in the app and the library can store the
edited copy as JSON; ``Codebook.from_dict(d).to_dict() == d`` for every dict ``to_dict`` writes.

JSON format (one codebook per file, the file named ``<id>.json``)::

    {
      "id": "minerals-for-security",          # required, [a-z0-9][a-z0-9_.-]*
      "label": "Minerals for security",       # required
      "description": "...",                   # optional, default ""
      "labels": {"fr": "Minerais contre sécurité"},   # optional: the label in other
      "descriptions": {"fr": "..."},          # languages; optional: the description in them
      "dimensions": [                         # required, at least one
        {
          "id": "human_toll",                 # required, unique in the codebook
          "label": "Human toll",              # required
          "description": "...",               # optional, default ""
          "labels": {"fr": "Bilan humain"},   # optional, as for the codebook
          "descriptions": {"fr": "..."},      # optional
          "rules": [                          # optional, default [] (manual coding only)
            {
              "id": "toll_killed",            # required, unique in the whole codebook
              "any": ["kill(s|ed|ing)?", "dead"],  # required: at least one must match
              "all": ["civilians?"],          # optional: every one must also match
              "not": ["genocide"],            # optional: the rule fails if any matches
              "negation": true,               # optional, default false
              "case": true,                   # optional, default false: match case
              "language": "fr"                # optional: the language of the patterns
            }
          ]
        }
      ]
    }

Patterns are Python regular expressions, matched case-insensitively against one sentence at a
time, anchored at word edges (``(?<!\\w)`` before, ``(?!\\w)`` after, so ``arms`` does
not match inside "farms" and ``\\$\\d+`` works too). Write inflections into the pattern
(``equip(s|ped|ping|ment)?``). A pattern may not match the empty string, nor start or end
with a space. Before matching,
the sentence (and every pattern) loses its accents, runs of whitespace become one space, curly
quotes become straight ones and dashes become hyphens: ``China's`` matches "China’s",
``Felix`` matches "Félix", ``US-Ukraine`` matches "US–Ukraine".

``negation: true`` ignores an ``any`` match that a negator ("no", "not", "never",
"without", "nor", "none", "neither", "cannot", "n't" words) precedes within
:data:`NEGATION_WINDOW` words of the same clause (a comma, semicolon, colon or dash ends the
look-back): with it, "no one was killed" does not count as a killing, while "7,000 people
were killed, not 5,000" still does.
The rule matches when at least one ``any`` occurrence is not negated.

``case: true`` matches the rule's patterns with their case as written (accents, quotes and
spaces are still normalised), for a cue that only capitals carry, such as a transcript's
speaker tag (``^[A-Z][A-Z-]+:``, "MARCHUK: ...").

``language`` (an ISO 639-1 code) says which articles a rule is for; a rule without it is
English. An article is coded with the rules of its language when the codebook has any
(French articles with the French rules), else with the English ones; an article of unknown
language with those of the language its function words point to, or with all of them when
they point nowhere. Each rule's negators are those of its language
(:mod:`reader.analysis.languages`: French "ne", "pas", "jamais", "sans", "n'"...).

``label`` and ``description`` are the codebook's own words (English for the shipped ones, any
language for a user's); ``labels`` and ``descriptions`` give them in other languages, keyed by
ISO 639-1 code. :meth:`Dimension.label_for` / :meth:`Codebook.label_for` (and
``description_for``) pick the form for a language, falling back to the own words, and
:meth:`Codebook.localized` is a copy whose ``label`` and ``description`` are in that language
(the same rules, so the same fingerprint), for a window that shows another language than
the codebook's. A user's edited copy of a shipped codebook that kept a label unchanged gets
the shipped translations of it.

``Codebook.fingerprint()`` hashes the rules, so a caller can tell when stored suggestions were
made with other rules and need a re-run.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from reader.library.errors import InvalidInputError, NotFoundError
from reader.resources import resource_path

DEFAULT_CODEBOOK = "minerals-for-security"
NEGATION_WINDOW = 4
"""How many words before a match are searched for a negator."""

_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_CODEBOOK_KEYS = {"id", "label", "description", "labels", "descriptions", "dimensions"}
_DIMENSION_KEYS = {"id", "label", "description", "labels", "descriptions", "rules"}
_RULE_KEYS = {"id", "any", "all", "not", "negation", "case", "language"}
_LANGUAGE = re.compile(r"[a-z]{2,3}")


Translations = tuple[tuple[str, str], ...]
"""``((language, text), ...)`` sorted by language: a hashable ``{language: text}``."""


def language_code(language: str | None) -> str | None:
    """The ISO 639-1 part of a language or locale name: ``fr_FR`` and ``fr-CA`` give ``fr``."""
    if not language:
        return None
    return language.replace("-", "_").split("_")[0].lower() or None


def _pick(own: str, forms: Translations, language: str | None) -> str:
    code = language_code(language)
    for lang, text in forms:
        if lang == code:
            return text
    return own


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A rule pattern compiled as it is matched: case-insensitive, anchored at word edges."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule that marks a sentence as evidence for its dimension."""

    id: str
    any_of: tuple[str, ...]
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    negation: bool = False
    language: str | None = None  # None: English
    case: bool = False  # match the patterns' case as written

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "rule") -> Rule:
        _check_keys(data, _RULE_KEYS, {"id", "any"}, where)
        rule_id = _check_id(data["id"], f"{where} id")
        where = f"rule {rule_id!r}"
        negation = data.get("negation", False)
        if not isinstance(negation, bool):
            raise InvalidInputError(f"{where}: 'negation' must be true or false, not {negation!r}")
        case = data.get("case", False)
        if not isinstance(case, bool):
            raise InvalidInputError(f"{where}: 'case' must be true or false, not {case!r}")
        language = data.get("language")
        if language is not None and (
            not isinstance(language, str) or not _LANGUAGE.fullmatch(language)
        ):
            raise InvalidInputError(
                f"{where}: 'language' must be a lower-case ISO 639-1 code such as 'fr', "
                f"not {language!r}"
            )
        return cls(
            id=rule_id,
            any_of=_patterns(data["any"], f"{where} 'any'", required=True),
            all_of=_patterns(data.get("all", []), f"{where} 'all'"),
            none_of=_patterns(data.get("not", []), f"{where} 'not'"),
            negation=negation,
            language=language,
            case=case,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "any": list(self.any_of)}
        if self.all_of:
            out["all"] = list(self.all_of)
        if self.none_of:
            out["not"] = list(self.none_of)
        if self.negation:
            out["negation"] = True
        if self.case:
            out["case"] = True
        if self.language is not None:
            out["language"] = self.language
        return out


@dataclass(frozen=True, slots=True)
class Dimension:
    """One row of the comparison: an aspect of the story, with its rules."""

    id: str
    label: str
    description: str = ""
    rules: tuple[Rule, ...] = ()
    labels: Translations = ()
    descriptions: Translations = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "dimension") -> Dimension:
        _check_keys(data, _DIMENSION_KEYS, {"id", "label"}, where)
        dim_id = _check_id(data["id"], f"{where} id")
        where = f"dimension {dim_id!r}"
        rules = data.get("rules", [])
        if not isinstance(rules, list):
            raise InvalidInputError(f"{where}: 'rules' must be a list")
        return cls(
            id=dim_id,
            label=_text(data["label"], f"{where} 'label'", required=True),
            description=_text(data.get("description", ""), f"{where} 'description'"),
            rules=tuple(Rule.from_dict(r, f"{where}, rule #{i + 1}") for i, r in enumerate(rules)),
            labels=_translations(data.get("labels", {}), f"{where} 'labels'", required=True),
            descriptions=_translations(data.get("descriptions", {}), f"{where} 'descriptions'"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "description": self.description,
        }
        _put_translations(out, self.labels, self.descriptions)
        out["rules"] = [r.to_dict() for r in self.rules]
        return out

    def label_for(self, language: str | None) -> str:
        """The label in ``language`` (``fr``, ``fr_FR``), else the dimension's own."""
        return _pick(self.label, self.labels, language)

    def description_for(self, language: str | None) -> str:
        """The description in ``language``, else the dimension's own."""
        return _pick(self.description, self.descriptions, language)


@dataclass(frozen=True, slots=True)
class Codebook:
    """A named set of dimensions."""

    id: str
    label: str
    description: str = ""
    dimensions: tuple[Dimension, ...] = field(default=())
    labels: Translations = ()
    descriptions: Translations = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Codebook:
        """Build and validate a codebook; :class:`InvalidInputError` names the faulty part."""
        _check_keys(data, _CODEBOOK_KEYS, {"id", "label", "dimensions"}, "codebook")
        book_id = _check_id(data["id"], "codebook id")
        where = f"codebook {book_id!r}"
        dims = data["dimensions"]
        if not isinstance(dims, list) or not dims:
            raise InvalidInputError(f"{where}: 'dimensions' must be a non-empty list")
        dimensions = tuple(
            Dimension.from_dict(d, f"{where}, dimension #{i + 1}") for i, d in enumerate(dims)
        )
        _check_unique([d.id for d in dimensions], f"{where}: duplicate dimension id")
        _check_unique([r.id for d in dimensions for r in d.rules], f"{where}: duplicate rule id")
        return cls(
            id=book_id,
            label=_text(data["label"], f"{where} 'label'", required=True),
            description=_text(data.get("description", ""), f"{where} 'description'"),
            dimensions=dimensions,
            labels=_translations(data.get("labels", {}), f"{where} 'labels'", required=True),
            descriptions=_translations(data.get("descriptions", {}), f"{where} 'descriptions'"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "description": self.description,
        }
        _put_translations(out, self.labels, self.descriptions)
        out["dimensions"] = [d.to_dict() for d in self.dimensions]
        return out

    def label_for(self, language: str | None) -> str:
        """The codebook's label in ``language``, else its own."""
        return _pick(self.label, self.labels, language)

    def description_for(self, language: str | None) -> str:
        """The codebook's description in ``language``, else its own."""
        return _pick(self.description, self.descriptions, language)

    def localized(self, language: str | None) -> Codebook:
        """A copy whose labels and descriptions are in ``language`` where the codebook has
        them (same ids and rules, so the same :meth:`fingerprint`): what a window in that
        language shows. For a user's copy of a shipped codebook, a label or description
        left as shipped gets the shipped translation; one the user changed stays theirs."""
        shipped = _shipped().get(self.id)
        book = _inherit(self, shipped) if shipped is not None and shipped is not self else self
        return replace(
            book,
            label=book.label_for(language),
            description=book.description_for(language),
            dimensions=tuple(
                replace(d, label=d.label_for(language), description=d.description_for(language))
                for d in book.dimensions
            ),
        )

    @classmethod
    def from_json(cls, text: str) -> Codebook:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"codebook is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise InvalidInputError("codebook: the JSON must be an object")
        return cls.from_dict(data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def fingerprint(self) -> str:
        """A hash of the rules (ids and patterns), e.g. to tell when codings need a re-run."""
        rules = [[d.id, [r.to_dict() for r in d.rules]] for d in self.dimensions]
        blob = json.dumps(rules, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:16]

    @property
    def dimension_ids(self) -> list[str]:
        return [d.id for d in self.dimensions]

    def dimension(self, dimension_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise NotFoundError(f"codebook {self.id!r} has no dimension {dimension_id!r}")


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook JSON file; errors name the file."""
    path = Path(path)
    try:
        return Codebook.from_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InvalidInputError(f"{path.name}: {exc}") from exc


@functools.cache
def _shipped() -> dict[str, Codebook]:
    books: dict[str, Codebook] = {}
    for path in sorted(resource_path("codebooks").glob("*.json")):
        book = load_codebook(path)
        if book.id != path.stem:
            raise InvalidInputError(
                f"{path.name}: codebook id {book.id!r} differs from the file name"
            )
        books[book.id] = book
    return books


def shipped_codebooks() -> dict[str, Codebook]:
    """The codebooks bundled with the app, by id (loaded once)."""
    return dict(_shipped())


_Translated = TypeVar("_Translated", Codebook, Dimension)


def _inherit_one(own: _Translated, shipped: _Translated) -> _Translated:
    """``own`` with ``shipped``'s translations of the label and description it kept."""
    labels = dict(shipped.labels) if own.label == shipped.label else {}
    labels.update(own.labels)
    descriptions = dict(shipped.descriptions) if own.description == shipped.description else {}
    descriptions.update(own.descriptions)
    return replace(
        own, labels=tuple(sorted(labels.items())), descriptions=tuple(sorted(descriptions.items()))
    )


def _inherit(book: Codebook, shipped: Codebook) -> Codebook:
    """A user's copy of a shipped codebook, given the shipped translations of what it kept."""
    theirs = {d.id: d for d in shipped.dimensions}
    dims = tuple(_inherit_one(d, theirs[d.id]) if d.id in theirs else d for d in book.dimensions)
    return replace(_inherit_one(book, shipped), dimensions=dims)


def _put_translations(
    out: dict[str, Any], labels: Translations, descriptions: Translations
) -> None:
    if labels:
        out["labels"] = dict(labels)
    if descriptions:
        out["descriptions"] = dict(descriptions)


# --- validation helpers ---------------------------------------------------------------------


def _translations(value: Any, where: str, required: bool = False) -> Translations:
    """``{"fr": "..."}`` checked (ISO codes, strings; non-empty ones when ``required``)."""
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            f'{where} must be an object of language codes to text, such as {{"fr": "..."}}'
        )
    for lang, text in value.items():
        if not isinstance(lang, str) or not _LANGUAGE.fullmatch(lang):
            raise InvalidInputError(
                f"{where}: {lang!r} is not a lower-case ISO 639-1 code such as 'fr'"
            )
        _text(text, f"{where} {lang!r}", required=required)
    return tuple(sorted(value.items()))


def _check_keys(data: Any, allowed: set[str], required: set[str], where: str) -> None:
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"{where}: expected an object, got {type(data).__name__}")
    missing = sorted(required - data.keys())
    if missing:
        raise InvalidInputError(f"{where}: missing field(s) {', '.join(map(repr, missing))}")
    unknown = sorted(data.keys() - allowed)
    if unknown:
        raise InvalidInputError(
            f"{where}: unknown field(s) {', '.join(map(repr, unknown))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )


def _check_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidInputError(
            f"{where} must be lower-case letters, digits, '_', '-' or '.', got {value!r}"
        )
    return value


def _text(value: Any, where: str, required: bool = False) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidInputError(f"{where} must be a {'non-empty ' if required else ''}string")
    return value


def _patterns(value: Any, where: str, required: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or (required and not value):
        raise InvalidInputError(
            f"{where} must be a {'non-empty ' if required else ''}list of patterns"
        )
    for pattern in value:
        if not isinstance(pattern, str) or not pattern.strip():
            raise InvalidInputError(f"{where}: every pattern must be a non-empty string")
        if pattern != pattern.strip():
            raise InvalidInputError(
                f"{where}: pattern {pattern!r} starts or ends with a space, so it can never "
                "match at a word edge"
            )
        try:
            compiled = compile_pattern(pattern)
        except re.error as exc:
            raise InvalidInputError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
        if compiled.fullmatch("") or re.fullmatch(pattern, "", re.IGNORECASE):
            raise InvalidInputError(f"{where}: pattern {pattern!r} matches the empty string")
    return tuple(value)


def _check_unique(ids: list[str], message: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise InvalidInputError(f"{message} {item!r}")
        seen.add(item)
