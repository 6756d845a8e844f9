"""The framing service's delete and restore: what the comparison's undo and redo of a move
or a manual coding do, with the rules run again in between."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.errors import InvalidInputError
from reader.services.compare import compare
from reader.services.framing import (
    code_passage,
    codebook_for,
    coding,
    coding_id_for_uid,
    codings,
    delete_coding,
    move,
    restore_coding,
    run_rules,
    set_status,
)
from reader.services.samples import load_samples


@pytest.fixture
def sampled(library: Library) -> Library:
    load_samples(library)
    return library


def test_a_move_taken_back_and_done_again(sampled: Library) -> None:
    book = codebook_for(sampled)
    ids = sampled.article_ids(tag="drc")
    run_rules(sampled, ids, book)
    original = codings(sampled, article_ids=ids, codebook=book.id)[0]
    target = next(d.id for d in book.dimensions if d.id != original.dimension)
    created = move(sampled, original.id, target, book)
    moved = coding(sampled, created)
    assert moved is not None
    # undo: the added coding goes, the original is back where it was
    stored = delete_coding(sampled, created)
    set_status(sampled, original.id, original.status)
    back = coding(sampled, original.id)
    assert back is not None
    assert (back.uid, back.dimension, back.start, back.end, back.status) == (
        original.uid,
        original.dimension,
        original.start,
        original.end,
        original.status,
    )
    assert coding(sampled, created) is None
    held = {c.id: c for c in codings(sampled, article_ids=ids)}
    assert run_rules(sampled, ids, book, force=True) == 0  # nothing comes back, nothing doubles
    assert {c.id: c for c in codings(sampled, article_ids=ids)} == held
    assert all(c.uid != moved.uid for c in codings(sampled, article_ids=ids))
    # redo: the original rejected again, the very coding it added back
    set_status(sampled, original.id, "rejected")
    again = restore_coding(sampled, stored)
    assert coding(sampled, again) == moved
    assert coding_id_for_uid(sampled, str(moved.uid)) == again
    shown = compare(sampled).dimension(target)
    assert shown is not None
    assert again in {e.coding_id for e in shown.b}


def test_a_suggestion_is_only_ever_rejected(sampled: Library) -> None:
    book = codebook_for(sampled)
    ids = sampled.article_ids(tag="drc")
    run_rules(sampled, ids, book)
    suggestion = codings(sampled, article_ids=ids)[0]
    with pytest.raises(InvalidInputError, match="reject it instead"):
        delete_coding(sampled, suggestion.id)
    manual = code_passage(sampled, ids[0], "voices", codebook=book, start=0, end=20)
    delete_coding(sampled, manual)
    assert coding(sampled, manual) is None
    assert coding(sampled, suggestion.id) == suggestion
