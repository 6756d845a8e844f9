"""Two and three libraries exchanging through one team folder, over several rounds."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reader.library import Library, coders, codings, packs
from reader.library.anchors import make_anchor
from reader.library.draft import Draft, Original
from reader.library.maintenance import check
from reader.library.packs import conflict_copies
from reader.library.packs_merge import PackRecord, merge
from reader.library.packs_merge import latest_seen as merge_state
from reader.services import sync as ts

TEXTS = [
    "Rebels of M23 held Goma for a week. The minister spoke about coltan exports.",
    "Kharkiv was shelled at night. Volunteers cleared the school by noon.",
    "Prices rose in Rubaya after the road closed. Traders waited at the border.",
]


def _lib(tmp: Path, name: str) -> Library:
    lib = Library.open(tmp / f"{name}.sqlite")
    coders.set_coder(lib, name)
    return lib


def _bodies(lib: Library) -> list[str]:
    return sorted(n.body for n in lib.notes())


def _codings(lib: Library) -> list[tuple]:
    return sorted(
        (c.coder, c.dimension, c.start, c.end, c.status.value) for c in codings.fetch_codings(lib)
    )


def _articles(lib: Library) -> list[str]:
    return sorted(lib.get(i).uid for i in lib.all_article_ids())


def _round(libs: list[Library], folder: Path) -> list[dict]:
    return [ts.sync(lib, folder).as_json() for lib in libs]


def _settle(libs: list[Library], folder: Path) -> None:
    for _ in range(3):
        _round(libs, folder)


def _same_everywhere(libs: list[Library]) -> None:
    first = libs[0]
    for lib in libs[1:]:
        assert _articles(lib) == _articles(first)
        assert _bodies(lib) == _bodies(first)
        assert _codings(lib) == _codings(first)
    for lib in libs:
        assert len(_bodies(lib)) == len(set(_bodies(lib))), "a version is duplicated"
        assert check(lib).ok, check(lib).as_json()


def test_two_libraries_over_several_rounds(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    a, b = _lib(tmp_path, "Amani"), _lib(tmp_path, "Bohdan")
    aid = a.add_article(Draft(title="Goma", text=TEXTS[0]), Original("g.txt", b"raw g"))
    a.add_note(aid, "v0", quote="coltan")
    codings.add_coding(a, aid, "minerals", "adversary", make_anchor(TEXTS[0], 0, 35))
    b.add_article(Draft(title="Kharkiv", text=TEXTS[1]))
    first = _round([a, b], folder)
    assert first[0]["imported"] == []
    assert first[1]["imported"] == [Path(first[0]["wrote"]).name]
    _round([a, b], folder)
    assert len(_articles(a)) == len(_articles(b)) == 2
    # the same note and coding edited on both sides in one round
    note_a = next(n for n in a.notes() if n.body == "v0")
    note_b = next(n for n in b.notes() if n.body == "v0")
    a.save_note(note_a.id, "Amani: coltan is 2 t a month")
    b.save_note(note_b.id, "Bohdan: coltan figures doubtful")
    codings.set_status(a, codings.fetch_codings(a)[0].id, "rejected")
    codings.set_status(b, codings.fetch_codings(b)[0].id, "suggested")
    done = _round([a, b], folder)
    assert done[0]["conflicts"] + done[1]["conflicts"] >= 2
    _settle([a, b], folder)
    _same_everywhere([a, b])
    assert _bodies(a) == ["Amani: coltan is 2 t a month", "Bohdan: coltan figures doubtful"]
    assert len(conflict_copies(a)) == 2
    assert len(conflict_copies(b)) == 2
    # later rounds change nothing, and carry only what changed since the other merged
    for lib in (a, b):  # everything so far happened in the past
        for sql in (
            "UPDATE articles SET imported = '2020-01-01T00:00:00+00:00'",
            "UPDATE notes SET updated = '2020-01-01T00:00:00+00:00'",
            "UPDATE codings SET updated = '2020-01-01T00:00:00+00:00'",
        ):
            lib.write_statement(sql)
    later = _round([a, b], folder)
    assert all(r["conflicts"] == 0 for r in later)
    assert later[0]["since"] is not None
    with zipfile.ZipFile(later[0]["wrote"]) as zf:
        assert json.loads(zf.read("data.json"))["articles"] == []
    a.add_note(None, "a new free note")
    _round([a, b], folder)
    assert "a new free note" in _bodies(b)
    assert sorted(folder.iterdir()) == sorted(folder.glob("*.fieldpack"))  # no leftovers
    assert len(list(folder.iterdir())) == 2  # one file per library


def test_three_libraries_with_concurrent_edits(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    libs = [_lib(tmp_path, name) for name in ("Amani", "Bohdan", "Chantal")]
    a, b, c = libs
    for lib, text in zip(libs, TEXTS, strict=True):
        art = lib.add_article(Draft(title=text[:10], text=text))
        lib.add_note(art, f"first note by {coders.coder(lib)}")
    _settle(libs, folder)
    assert all(len(_articles(lib)) == 3 for lib in libs)
    target = "first note by Amani"
    for lib, body in ((a, "A's edit"), (b, "B's edit"), (c, "C's edit")):
        note = next(n for n in lib.notes() if n.body == target)
        lib.save_note(note.id, body)
    # a coding on Amani's article by each of two coders, then reviewed differently
    for lib in (a, b):
        art = next(i for i in lib.all_article_ids() if lib.get(i).text == TEXTS[0])
        codings.add_coding(lib, art, "minerals", "actor", make_anchor(TEXTS[0], 0, 35))
    _settle(libs, folder)
    _same_everywhere(libs)
    assert {"A's edit", "B's edit", "C's edit"} <= set(_bodies(a))
    # a deletion travels as a move to the trash
    gone = next(n for n in c.notes() if n.body == "first note by Chantal")
    c.trash_note(gone.id)
    _settle(libs, folder)
    _same_everywhere(libs)
    assert all("first note by Chantal" not in _bodies(lib) for lib in libs)
    assert all(any(n.body == "first note by Chantal" for n in lib.notes(trashed=True))
               for lib in libs)  # fmt: skip


@pytest.fixture
def later_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pack written a second after the last, all after every edit of the test: a pack
    made "since" an earlier pack carries none of the articles (as on a real team, where
    days pass between rounds), whatever the speed of the machine."""
    ticks = iter(range(10_000))
    monkeypatch.setattr(
        "reader.services.packs.now_iso", lambda: f"2099-01-01T00:{next(ticks):05d}+00:00"
    )


@pytest.mark.usefixtures("later_packs")
def test_a_library_that_joins_late_gets_everything(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    a, b = _lib(tmp_path, "Amani"), _lib(tmp_path, "Bohdan")
    for text in TEXTS:
        a.add_article(Draft(title=text[:8], text=text))
    _settle([a, b], folder)
    late = _lib(tmp_path, "Chantal")
    first = ts.sync(late, folder).as_json()
    # Amani's pack in the folder is partial (since Bohdan had it all): not an acknowledgement
    assert first["imported"]
    assert _articles(late) == []
    _settle([a, b, late], folder)
    assert len(_articles(late)) == 3
    _same_everywhere([a, b, late])


def test_only_an_unbroken_chain_of_packs_counts_as_received(tmp_path: Path) -> None:
    lib = _lib(tmp_path, "Bohdan")
    nothing = packs.gather(lib, packs.Selection()).data

    def merged(sha: str, created: str, since: str | None) -> dict[str, str]:
        record = PackRecord(sha * 64, "a" * 32, "Amani", created, since=since)
        merge(lib, nothing, {}, record=record)
        return merge_state(lib)

    assert merged("1", "2026-03-02T00:00:00+00:00", "2026-03-01T00:00:00+00:00") == {}
    full = merged("2", "2026-03-03T00:00:00+00:00", None)
    assert full == {"a" * 32: "2026-03-03T00:00:00+00:00"}
    # a pack since a time after what has arrived leaves a gap: the mark stays
    assert merged("3", "2026-03-09T00:00:00+00:00", "2026-03-05T00:00:00+00:00") == full
    # the pack that fills the gap carries the mark past both
    after = merged("4", "2026-03-06T00:00:00+00:00", "2026-03-03T00:00:00+00:00")
    assert after == {"a" * 32: "2026-03-09T00:00:00+00:00"}


def test_the_guard_holds_a_pack_and_leftovers_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    a, b = _lib(tmp_path, "Amani"), _lib(tmp_path, "Bohdan")
    ids = [a.add_article(Draft(title=t[:8], text=t)) for t in TEXTS]
    _settle([a, b], folder)
    a.trash_articles(ids)
    ts.sync(a, folder)
    (folder / "x.sync-conflict-20260101-101010-ABC.fieldpack").write_bytes(b"junk")
    (folder / ".syncthing.y.fieldpack.tmp").write_bytes(b"junk")
    held = ts.sync(b, folder).as_json()
    assert held["held"]
    assert held["refused"] == []
    assert b.trashed_articles() == []
    assert ts.sync(b, folder, yes=True).as_json()["imported"]
    assert len(b.trashed_articles()) == 3


def test_a_missing_folder_is_one_clear_error(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        ts.sync(library, tmp_path / "nowhere")


def test_packs_merged_before_schema_13_still_count_as_full(tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "libraries" / "schema-v12.sqlite"
    path = tmp_path / "v12.sqlite"
    path.write_bytes(old.read_bytes())
    lib = Library.open(path)
    assert merge_state(lib) == {"a" * 32: "2025-06-01T12:00:00+00:00"}
    assert [a.title for a in lib.list_articles()] == ["Goma under M23"]
