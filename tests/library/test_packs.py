"""Field packs in the library: migration 11, coders, gathering and the merge rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library, coders, codings
from reader.library import packs as lp
from reader.library import packs_merge as lm
from reader.library.anchors import make_anchor
from reader.library.draft import Draft, Original
from reader.library.errors import InvalidInputError
from reader.library.maintenance import check

TEXT = (
    "Rebels of M23 held Goma for a week. The minister spoke about coltan exports. "
    "Prices rose in Rubaya after the road closed."
)


def _lib(path: Path, coder: str) -> Library:
    lib = Library.open(path)
    coders.set_coder(lib, coder)
    return lib


def _exchange(src: Library, dest: Library, *, yes: bool = False) -> lm.MergeResult:
    gathered = lp.gather(src, lp.Selection())
    data = lp.read_data(json.loads(json.dumps(gathered.data)))
    return lm.merge(dest, data, gathered.originals, yes=yes, coder=coders.coder(src))


@pytest.fixture
def pair(tmp_path: Path):
    a, b = _lib(tmp_path / "a.sqlite", "Amani"), _lib(tmp_path / "b.sqlite", "Bohdan")
    aid = a.add_article(
        Draft(title="Goma", text=TEXT, tags=["drc"]), Original("goma.txt", TEXT.encode())
    )
    a.add_note(aid, "check the coltan figures", quote="coltan")
    codings.add_coding(a, aid, "minerals", "adversary", make_anchor(TEXT, 0, 35))
    yield a, b
    a.close()
    b.close()


def test_migration_gives_codings_uids_and_coders(library: Library) -> None:
    aid = library.add_article(Draft(title="t", text=TEXT))
    first = codings.add_coding(library, aid, "b", "d", make_anchor(TEXT, 0, 10))
    assert codings.fetch_coding(library, first).coder is None
    coders.set_coder(library, "  Amani ")
    assert coders.coder(library) == "Amani"
    again = codings.fetch_coding(library, first)
    assert again.coder == "Amani"
    assert again.uid
    assert len(again.uid) == 32
    note = library.note(library.add_note(aid, "n"))
    assert note.coder == "Amani"
    assert coders.coders(library) == ["Amani"]


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "x" * 81])
def test_bad_coder_names_are_refused(library: Library, bad: str) -> None:
    with pytest.raises(InvalidInputError):
        coders.set_coder(library, bad)
    assert coders.coder(library) is None


def test_a_rule_run_never_drops_another_coders_codings(library: Library) -> None:
    from dataclasses import dataclass

    @dataclass
    class S:
        dimension: str
        start: int
        end: int
        text: str
        rule: str

    aid = library.add_article(Draft(title="t", text=TEXT))
    coders.set_coder(library, "Amani")
    codings.store_suggestions(library, aid, "b", [S("d", 0, 10, TEXT[:10], "r1")], "h1")
    coders.set_coder(library, "Bohdan")
    added = codings.store_suggestions(library, aid, "b", [S("d", 0, 10, TEXT[:10], "r1")], "h2")
    assert added == 1  # Bohdan's own suggestion, beside Amani's
    codings.store_suggestions(library, aid, "b", [], "h3")  # Bohdan's stale one goes
    left = codings.fetch_codings(library)
    assert [c.coder for c in left] == ["Amani"]


def test_new_then_same_then_nothing(pair) -> None:
    a, b = pair
    first = _exchange(a, b)
    assert first.added == {"articles": 1, "notes": 1, "codings": 1}
    article = b.get(b.all_article_ids()[0])
    assert article.tags == ("drc",)
    assert b.original(article.id).data == TEXT.encode()
    assert b.notes()[0].coder == "Amani"
    again = _exchange(a, b)
    assert again.added == {"articles": 0, "notes": 0, "codings": 0}
    assert (again.unchanged, again.updated, again.conflicts, again.trashed) == (3, 0, 0, 0)
    assert check(b).ok


def test_an_edit_on_one_side_travels_and_keeps_its_history(pair) -> None:
    a, b = pair
    _exchange(a, b)
    note = a.notes()[0]
    a.save_note(note.id, "coltan: 2 t a month")
    done = _exchange(a, b)
    assert done.updated == 1
    assert done.conflicts == 0
    mine = b.notes()[0]
    assert mine.body == "coltan: 2 t a month"
    assert [r.body for r in b.note_revisions(mine.id)][:2] == [
        "coltan: 2 t a month",
        "check the coltan figures",
    ]
    # b is now behind nothing: sending b's version back to a changes nothing
    assert _exchange(b, a).updated == 0


def test_edits_on_both_sides_make_one_conflict_copy_each(pair) -> None:
    a, b = pair
    _exchange(a, b)
    a.save_note(a.notes()[0].id, "Amani's reading")
    b.save_note(b.notes()[0].id, "Bohdan's reading")
    cb = codings.fetch_codings(b)[0]
    codings.set_status(b, cb.id, "rejected")
    codings.set_status(a, codings.fetch_codings(a)[0].id, "suggested")
    assert _exchange(b, a).conflicts == 2
    assert _exchange(b, a).conflicts == 0  # the copy exists: not made twice
    assert _exchange(a, b).conflicts == 2
    for lib in (a, b):
        bodies = sorted(n.body for n in lib.notes())
        assert bodies == ["Amani's reading", "Bohdan's reading"]
        statuses = sorted(c.status.value for c in codings.fetch_codings(lib))
        assert statuses == ["rejected", "suggested"]
        assert check(lib).ok
    copy = next(n for n in a.notes() if n.conflict_of)
    assert (copy.conflict_coder, copy.body) == ("Bohdan", "Bohdan's reading")
    assert copy.conflict_of == next(n.uid for n in a.notes() if not n.conflict_of)
    # another round changes nothing anywhere
    assert _exchange(a, b).conflicts == 0
    assert _exchange(b, a).conflicts == 0
    assert len(a.notes()) == len(b.notes()) == 2


def test_resolving_a_conflict(pair) -> None:
    a, b = pair
    _exchange(a, b)
    a.save_note(a.notes()[0].id, "mine")
    b.save_note(b.notes()[0].id, "theirs")
    _exchange(b, a)
    [copy] = lp.conflict_copies(a)
    assert (copy.kind, copy.mine, copy.theirs, copy.coder) == ("note", "mine", "theirs", "Bohdan")
    lp.resolve_conflict(a, "note", copy.id, "theirs")
    assert [n.body for n in a.notes()] == ["theirs"]
    assert "mine" in [r.body for r in a.note_revisions(a.notes()[0].id)]
    assert len(a.notes(trashed=True)) == 1  # the copy went to the trash, not away
    assert lp.conflict_copies(a) == []
    with pytest.raises(InvalidInputError):
        lp.resolve_conflict(a, "note", copy.id, "both")


def test_keep_both_and_keep_mine(pair) -> None:
    a, b = pair
    _exchange(a, b)
    a.save_note(a.notes()[0].id, "one")
    b.save_note(b.notes()[0].id, "two")
    codings.set_status(a, codings.fetch_codings(a)[0].id, "rejected")
    codings.set_status(b, codings.fetch_codings(b)[0].id, "suggested")
    _exchange(b, a)
    note_copy, coding_copy = lp.conflict_copies(a)
    lp.resolve_conflict(a, "note", note_copy.id, "both")
    lp.resolve_conflict(a, "coding", coding_copy.id, "mine")
    assert sorted(n.body for n in a.notes()) == ["one", "two"]
    assert [c.status.value for c in codings.fetch_codings(a)] == ["rejected"]
    assert lp.conflict_copies(a) == []


def test_trash_travels_as_a_move_and_an_edit_beats_it(pair) -> None:
    a, b = pair
    second = a.add_note(a.all_article_ids()[0], "second note")
    _exchange(a, b)
    a.trash_note(a.notes()[0].id if a.notes()[0].id != second else a.notes()[1].id)
    a.trash_note(second)
    edited = next(n for n in b.notes() if n.body == "second note")
    b.save_note(edited.id, "second note, edited in b")
    done = _exchange(a, b, yes=True)
    assert done.trashed == 1
    assert [n.body for n in b.notes()] == ["second note, edited in b"]
    assert len(b.notes(trashed=True)) == 1  # in the trash, not deleted
    a.trash_articles(a.all_article_ids())
    assert _exchange(a, b, yes=True).trashed == 1
    assert b.trashed_articles()
    assert check(b).ok


def test_mass_trash_needs_yes_and_changes_nothing(tmp_path: Path) -> None:
    a, b = _lib(tmp_path / "a.sqlite", "A"), _lib(tmp_path / "b.sqlite", "B")
    ids = [a.add_article(Draft(title=f"t{i}", text=f"{TEXT} number {i}.")) for i in range(12)]
    _exchange(a, b)
    a.trash_articles(ids)
    gathered = lp.gather(a, lp.Selection())
    data = lp.read_data(gathered.data)
    assert lm.needs_yes(b, lm.plan(b, data))
    with pytest.raises(lm.MassTrashError, match="--yes"):
        lm.merge(b, data, {})
    assert b.trashed_articles() == []
    assert lm.merge(b, data, {}, yes=True).trashed == 12
    a.close()
    b.close()


def test_selection_by_tag_since_and_private(pair) -> None:
    a, _ = pair
    other = a.add_article(Draft(title="Kyiv", text="Kharkiv was shelled at night.", tags=["ua"]))
    a.add_note(other, "secret", private=True)
    by_tag = lp.gather(a, lp.Selection(tags=("ua",)))
    assert [x["title"] for x in by_tag.data["articles"]] == ["Kyiv"]
    assert by_tag.data["notes"] == []
    assert len(lp.gather(a, lp.Selection(tags=("ua",), include_private=True)).data["notes"]) == 1
    later = lp.gather(a, lp.Selection(since="2999-01-01"))
    assert later.data["articles"] == []
    assert later.data["notes"] == []
    assert lp.gather(a, lp.Selection(notes=False)).data["notes"] == []


_ARTICLE = {
    "uid": "a" * 32,
    "title": "t",
    "imported": "2026-01-01",
    "format": "txt",
    "text": "abc",
    "blocks": "[]",
    "sha256": "s",
}
_NOTE = {"uid": "n" * 32, "body": "b", "anchor_status": "none", "created": "c", "updated": "u"}
_CODING = {
    "uid": "c" * 32,
    "codebook": "b",
    "dimension": "d",
    "start": 0,
    "end": 1,
    "text": "a",
    "method": "manual",
    "status": "accepted",
    "created": "c",
    "updated": "u",
    "article_uid": "x",
}


def test_well_formed_data_passes() -> None:
    data = lp.read_data({"articles": [_ARTICLE], "notes": [_NOTE], "codings": [_CODING]})
    assert data["notes"][0]["colour"] is None
    assert data["codings"][0]["status"] == "accepted"


@pytest.mark.parametrize(
    "broken",
    [
        {"articles": "x"},
        {"articles": [{"uid": 3}]},
        {"notes": [{"uid": "u", "body": None}]},
        {"trashed": []},
        {"codings": [{**_CODING, "status": "bogus"}]},
        {"notes": [{**_NOTE, "colour": "infrared"}]},
        {"notes": [{**_NOTE, "anchor_status": "lost"}]},
        {"articles": [{**_ARTICLE, "blocks": "[[1, 2]]"}]},
        {"articles": [{**_ARTICLE, "blocks": '[["p", 0, 999]]'}]},
        {"articles": [{**_ARTICLE, "blocks": "not json"}]},
    ],
)
def test_data_of_the_wrong_shape_is_refused(broken: dict) -> None:
    with pytest.raises(InvalidInputError, match="damaged"):
        lp.read_data(broken)


def test_a_schema_10_library_upgrades_with_coding_uids(tmp_path: Path) -> None:
    import shutil

    fixture = Path(__file__).parents[1] / "fixtures" / "libraries" / "schema-v10.sqlite"
    copy = tmp_path / "old.sqlite"
    shutil.copy(fixture, copy)
    with Library.open(copy) as lib:
        uids = [c.uid for c in codings.fetch_codings(lib)]
        assert uids
        assert all(u and len(u) == 32 for u in uids)
        assert check(lib).ok
        fresh = codings.add_coding(lib, 1, "b", "d", make_anchor(lib.text_of(1), 0, 5))
        assert codings.fetch_coding(lib, fresh).uid not in uids


def test_a_schema_10_json_dump_gets_coding_uids(library: Library, tmp_path: Path) -> None:
    from reader.library import export_json

    aid = library.add_article(Draft(title="t", text=TEXT))
    codings.add_coding(library, aid, "b", "d", make_anchor(TEXT, 0, 10))
    dump = tmp_path / "dump.json"
    export_json.export_library(library, dump)
    data = json.loads(dump.read_text())
    data["schema_version"] = 10
    for table in ("library_meta", "packs_seen"):
        data["tables"].pop(table, None)
    for row in data["tables"]["codings"]:
        for key in ("uid", "coder", "history", "conflict_of", "conflict_coder", "conflict_time"):
            row.pop(key, None)
    dump.write_text(json.dumps(data))
    with Library.open(tmp_path / "restored.sqlite") as fresh:
        export_json.import_library(fresh, dump)
        [coding] = codings.fetch_codings(fresh)
        assert coding.uid
        assert len(coding.uid) == 32


def test_the_same_article_twice_in_a_pack_lands_once(pair) -> None:
    a, b = pair
    data = lp.read_data(lp.gather(a, lp.Selection()).data)
    twin = {**data["articles"][0], "uid": "f" * 32}
    data["articles"] += [twin, dict(twin)]
    data["notes"].append({**data["notes"][0], "uid": "9" * 32, "article_uid": "f" * 32})
    done = lm.merge(b, data, {})
    assert done.added == {"articles": 1, "notes": 2, "codings": 1}
    assert len(b.all_article_ids()) == 1
    assert {n.article_id for n in b.notes()} == set(b.all_article_ids())
    assert check(b).ok
