"""Coding articles against a framing codebook, stored in the library.

Joins the codebooks and the rule coder (analysis) to the codings table (library): which
codebook is in force (the user's edited copy in the library, else the shipped one), running
the rules over articles that have not been coded with the current rules, manual coding of a
passage, and accepting, rejecting or moving a coding. A rejected suggestion stays rejected
when the rules run again; moving one rejects it where it was and codes it where it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, shipped_codebooks
from reader.analysis.coding import suggest
from reader.library import Library
from reader.library import codings as _codings
from reader.library.anchors import anchor_for_quote, make_anchor
from reader.library.codings import STATUSES, Coding
from reader.library.library import now_iso

ProgressFn = Callable[[int, int, str], None]


def codebook_ids(library: Library) -> list[str]:
    """Every codebook available: shipped ones and the user's own, default first."""
    ids = set(shipped_codebooks())
    ids.update(r[0] for r in library.db.execute("SELECT id FROM codebooks"))
    return sorted(ids, key=lambda i: (i != DEFAULT_CODEBOOK, i))


def codebook_for(library: Library, codebook_id: str = DEFAULT_CODEBOOK) -> Codebook:
    """The codebook in force: the user's edited copy when there is one, else the shipped."""
    row = library.db.execute("SELECT data FROM codebooks WHERE id = ?", [codebook_id]).fetchone()
    if row is not None:
        return Codebook.from_json(row[0])
    shipped = shipped_codebooks()
    if codebook_id not in shipped:
        known = ", ".join(codebook_ids(library))
        raise ValueError(f"no codebook {codebook_id!r}; available: {known}")
    return shipped[codebook_id]


def save_codebook(library: Library, codebook: Codebook) -> None:
    """Store the user's version of a codebook in the library (``resources/`` never changes)."""
    data = codebook.to_json()
    library.db.execute(
        "INSERT OR REPLACE INTO codebooks(id, data, updated) VALUES (?, ?, ?)",
        [codebook.id, data, now_iso()],
    )


def run_rules(
    library: Library,
    article_ids: Sequence[int],
    codebook: Codebook,
    *,
    force: bool = False,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Suggest codings for the articles not yet coded with these rules; return how many new."""
    fingerprint = codebook.fingerprint()
    todo = (
        list(article_ids)
        if force
        else _codings.articles_needing_rules(library.db, article_ids, codebook.id, fingerprint)
    )
    added = 0
    for i, article_id in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            break
        text = library.text_of(article_id)
        if text is not None:
            found = suggest(text, codebook)
            with library.db.atomic():
                added += _codings.store_suggestions(
                    library.db, article_id, codebook.id, found, fingerprint, now_iso()
                )
        if progress is not None:
            progress(i, len(todo), str(article_id))
    return added


def _check_dimension(codebook: Codebook, dimension: str) -> None:
    ids = [d.id for d in codebook.dimensions]
    if dimension not in ids:
        raise ValueError(
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
    """Code a passage by hand (accepted at once); ``ValueError`` for a bad passage."""
    _check_dimension(codebook, dimension)
    text = library.text_of(article_id)
    if text is None:
        raise ValueError(f"no article with id {article_id}")
    if quote is not None and start is None:
        anchor = anchor_for_quote(text, quote)
    else:
        anchor = make_anchor(text, int(start or 0), int(end or 0))
    now = now_iso()
    row = {
        "article_id": article_id,
        "codebook": codebook.id,
        "dimension": dimension,
        "start": anchor.start,
        "end": anchor.end,
        "text": anchor.quote,
        "method": "manual",
        "status": "accepted",
        "value": value,
        "memo": memo,
        "created": now,
        "updated": now,
    }
    return int(library.db["codings"].insert(row).last_pk)


def coding(library: Library, coding_id: int) -> Coding | None:
    """One coding, or ``None``."""
    return _codings.fetch_coding(library.db, coding_id)


def set_status(library: Library, coding_id: int, status: str) -> Coding:
    """Accept, reject (or return to suggested) a coding."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if coding(library, coding_id) is None:
        raise ValueError(f"no coding with id {coding_id}")
    library.db.execute(
        "UPDATE codings SET status = ?, updated = ? WHERE id = ?", [status, now_iso(), coding_id]
    )
    fresh = coding(library, coding_id)
    assert fresh is not None
    return fresh


def set_memo(library: Library, coding_id: int, value: str | None, memo: str | None) -> None:
    """Set a coding's value and memo."""
    library.db.execute(
        "UPDATE codings SET value = ?, memo = ?, updated = ? WHERE id = ?",
        [value, memo, now_iso(), coding_id],
    )


def move(library: Library, coding_id: int, dimension: str, codebook: Codebook) -> int:
    """Recode a passage to another dimension: rejected where it was, accepted where it goes."""
    old = coding(library, coding_id)
    if old is None:
        raise ValueError(f"no coding with id {coding_id}")
    _check_dimension(codebook, dimension)
    with library.db.atomic():
        set_status(library, coding_id, "rejected")
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
