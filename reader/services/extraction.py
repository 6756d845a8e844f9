"""Running entity extraction over the library, and recording the user's corrections.

The library stores mentions; the analysis layer finds them. This module joins the two:
an :class:`~reader.analysis.entities.Extractor` built with the corrections stored in the
library, re-extraction of some or all articles (one transaction per article, with progress
and cancel), and :func:`correct`, which records a correction and re-extracts the articles
it touches so it applies at once, and to every article imported later.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reader.analysis.corrections import KINDS, TYPES, Corrections
from reader.library import Library
from reader.library.entities import EntityInfo
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.search import plain_terms
from reader.services.steps import CancelledFn, ProgressFn, article_texts

if TYPE_CHECKING:
    from reader.analysis.entities import Extractor

__all__ = [
    "KINDS",
    "ProgressFn",
    "aliases_for",
    "correct",
    "corrections_of",
    "entities_json",
    "reextract",
]


def corrections_of(library: Library) -> Corrections:
    """The corrections stored in ``library``."""
    return Corrections.from_rows(library.correction_rows())


def extractor_for(library: Library) -> Extractor:
    """An extractor that applies the library's corrections first."""
    from reader.analysis.entities import Extractor  # the rules and gazetteer, when used

    return Extractor(corrections=corrections_of(library))


def reextract(
    library: Library,
    article_ids: Iterable[int] | None = None,
    *,
    extractor: Extractor | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """Extract the given articles (default: all) again; return how many were done."""
    ids = list(library.all_article_ids() if article_ids is None else article_ids)
    extractor = extractor or extractor_for(library)
    done = 0
    for article_id, text in article_texts(library, ids, progress=progress, cancelled=cancelled):
        language = library.language_of(article_id)
        library.replace_mentions(article_id, extractor.extract(text, language))
        done += 1
    return done


def _articles_with_text(library: Library, surface: str) -> list[int]:
    """Articles whose text may contain ``surface`` (a full-text phrase search)."""
    terms = plain_terms(surface)
    if not terms:
        return library.all_article_ids()
    phrase = '"' + " ".join(t.strip('"') for t in terms.split()) + '"'
    return library.search_ids(phrase, limit=1_000_000)


def _articles_mentioning_name(library: Library, name: str) -> set[int]:
    ids: set[int] = set()
    for entity_id in library.entity_ids_named(name):
        ids.update(a for a, _, _ in library.articles_mentioning(entity_id))
    return ids


def correct(library: Library, kind: str, name: str, value: str = "") -> int:
    """Record a correction and re-extract the articles it affects; return their number.

    ``rename NAME NEW``, ``retype NAME TYPE``, ``merge NAME TARGET`` (NAME becomes an alias
    of TARGET), ``hide NAME`` ("not an entity") and ``add TEXT TYPE`` (every occurrence of
    TEXT becomes an entity of TYPE). Raises :class:`InvalidInputError` with a clear message
    otherwise (:class:`NotFoundError` when there is no entity called NAME).
    """
    if kind not in KINDS:
        raise InvalidInputError(f"unknown correction {kind!r}; use one of {', '.join(KINDS)}")
    name = name.strip()
    value = value.strip()
    if not name:
        raise InvalidInputError("the entity name is empty")
    if kind in ("retype", "add") and value not in TYPES:
        raise InvalidInputError(f"unknown entity type {value!r}; use one of {', '.join(TYPES)}")
    if kind in ("rename", "merge") and not value:
        raise InvalidInputError(f"{kind} needs a second name")
    if kind == "merge" and value == name:
        raise InvalidInputError(f"cannot merge {name!r} into itself")
    if kind != "add" and not library.entity_ids_named(name):
        raise NotFoundError(f"no entity called {name!r} in the library")
    affected = set() if kind == "add" else _articles_mentioning_name(library, name)
    if kind == "add":
        affected.update(_articles_with_text(library, name))
    trial = corrections_of(library)
    getattr(trial, kind)(*((name,) if kind == "hide" else (name, value)))  # validates
    library.add_correction(kind, name, value)
    from reader.analysis.entities import Extractor

    return reextract(library, sorted(affected), extractor=Extractor(corrections=trial))


def aliases_for(info: EntityInfo, corrections: Corrections) -> list[str]:
    """Every other name the entity is known by: in the text, the gazetteer, merges."""
    from reader.analysis.gazetteer import shipped_gazetteer

    names = set(info.aliases) | set(corrections.aliases_of(info.name))
    entry = shipped_gazetteer().get(info.name)
    if entry is not None:
        names.update(shipped_gazetteer().aliases(info.name))
    names.discard(info.name)
    return sorted(names, key=str.casefold)


def entities_json(
    library: Library, infos: list[EntityInfo], *, with_mentions: bool
) -> list[dict[str, Any]]:
    """Entities as the command line prints them, with the full alias lists."""
    corrections = corrections_of(library)
    out = []
    for info in infos:
        item = info.as_json(with_mentions=with_mentions)
        item["aliases"] = aliases_for(info, corrections)
        out.append(item)
    return out
