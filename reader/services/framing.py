"""Coding articles against a framing codebook, stored in the library.

Joins the codebooks and the rule coder (analysis) to the codings table (library): which
codebook is in force (the user's edited copy in the library, else the shipped one), running
the rules over articles that have not been coded with the current rules, manual coding of a
passage, and accepting, rejecting or moving a coding. A rejected suggestion stays rejected
when the rules run again; moving one rejects it where it was and codes it where it goes.
A coding made by hand (or by a move) can be deleted and put back exactly (what the
comparison's undo and redo do); a rule's suggestion is only ever rejected.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, shipped_codebooks
from reader.analysis.coding import suggest, suggestions_fingerprint
from reader.library import Library
from reader.library import codings as _codings
from reader.library.anchors import anchor_for_quote, make_anchor
from reader.library.codings import Coding, StoredCoding
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.statuses import CodingMethod, CodingStatus
from reader.services.steps import CancelledFn, ProgressFn, article_texts


def codebook_ids(library: Library) -> list[str]:
    """Every codebook available: shipped ones and the user's own, default first."""
    ids = set(shipped_codebooks())
    ids.update(_codings.stored_codebook_ids(library))
    return sorted(ids, key=lambda i: (i != DEFAULT_CODEBOOK, i))


def codebook_for(library: Library, codebook_id: str = DEFAULT_CODEBOOK) -> Codebook:
    """The codebook in force: the user's edited copy when there is one, else the shipped."""
    stored = _codings.stored_codebook(library, codebook_id)
    if stored is not None:
        return Codebook.from_json(stored)
    shipped = shipped_codebooks()
    if codebook_id not in shipped:
        known = ", ".join(codebook_ids(library))
        raise NotFoundError(f"no codebook {codebook_id!r}; available: {known}")
    return shipped[codebook_id]


def save_codebook(library: Library, codebook: Codebook) -> None:
    """Store the user's version of a codebook in the library (``resources/`` never changes)."""
    _codings.store_codebook(library, codebook.id, codebook.to_json())


def run_rules(
    library: Library,
    article_ids: Sequence[int],
    codebook: Codebook,
    *,
    force: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """Suggest codings for the articles not yet coded with these rules; return how many new."""
    fingerprint = suggestions_fingerprint(codebook, learned=True)
    todo = (
        list(article_ids)
        if force
        else _codings.articles_needing_rules(library, article_ids, codebook.id, fingerprint)
    )
    added = 0
    for article_id, text in article_texts(library, todo, progress=progress, cancelled=cancelled):
        found = suggest(text, codebook, library.language_of(article_id), learned=True)
        added += _codings.store_suggestions(library, article_id, codebook.id, found, fingerprint)
    return added


def _check_dimension(codebook: Codebook, dimension: str) -> None:
    ids = [d.id for d in codebook.dimensions]
    if dimension not in ids:
        raise InvalidInputError(
            f"codebook {codebook.id!r} has no dimension {dimension!r}; use one of {', '.join(ids)}"
        )


def code_passage(
    library: Library,
    article_id: int,
    dimension: str,
    *,
    codebook: Codebook,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
    value: str | None = None,
    memo: str | None = None,
) -> int:
    """Code a passage by hand (accepted at once); :class:`InvalidInputError` for a bad
    passage, :class:`NotFoundError` when there is no such article."""
    _check_dimension(codebook, dimension)
    text = library.text_of(article_id)
    if text is None:
        raise NotFoundError(f"no article with id {article_id}")
    if quote is not None and start is None:
        anchor = anchor_for_quote(text, quote)
    else:
        anchor = make_anchor(text, int(start or 0), int(end or 0))
    return _codings.add_coding(
        library,
        article_id,
        codebook.id,
        dimension,
        anchor,
        method=CodingMethod.MANUAL,
        status=CodingStatus.ACCEPTED,
        value=value,
        memo=memo,
    )


def coding(library: Library, coding_id: int) -> Coding | None:
    """One coding, or ``None``."""
    return _codings.fetch_coding(library, coding_id)


#: Codings filtered by articles, codebook and status, in text order per article.
codings = _codings.fetch_codings


def set_status(library: Library, coding_id: int, status: str) -> Coding:
    """Accept, reject (or return to suggested) a coding."""
    return _codings.set_status(library, coding_id, status)


def delete_coding(library: Library, coding_id: int) -> StoredCoding:
    """Delete a coding made by hand or by a move; what :func:`restore_coding` puts back.
    :class:`InvalidInputError` for a rule's suggestion (reject it instead)."""
    return _codings.delete_coding(library, coding_id)


def restore_coding(library: Library, stored: StoredCoding) -> int:
    """Put a deleted coding back as it was (same uid, same id when free); its id."""
    return _codings.restore_coding(library, stored)


def coding_id_for_uid(library: Library, uid: str) -> int | None:
    """The id of the coding with this stable uid, or ``None``."""
    return _codings.coding_id_for_uid(library, uid)


def move(library: Library, coding_id: int, dimension: str, codebook: Codebook) -> int:
    """Recode a passage to another dimension: rejected where it was, accepted where it goes
    (both in one transaction); the new coding's id."""
    old = coding(library, coding_id)
    if old is None:
        raise NotFoundError(f"no coding with id {coding_id}")
    _check_dimension(codebook, dimension)
    with library.transaction():
        set_status(library, coding_id, CodingStatus.REJECTED)
        return code_passage(
            library,
            old.article_id,
            dimension,
            codebook=codebook,
            start=old.start,
            end=old.end,
            value=old.value,
            memo=old.memo,
        )
