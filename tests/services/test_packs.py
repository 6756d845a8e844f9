"""The .fieldpack zip: what it holds, and every way a damaged or hostile pack is refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from reader.library import Library, coders, codings
from reader.library.anchors import make_anchor
from reader.library.draft import Draft, Original
from reader.services import packs as sp

TEXT = "Rebels of M23 held Goma for a week. The minister spoke about coltan exports."


@pytest.fixture
def source(tmp_path: Path):
    lib = Library.open(tmp_path / "a.sqlite")
    coders.set_coder(lib, "Amani")
    aid = lib.add_article(Draft(title="Goma", text=TEXT, tags=["drc"]), Original("g.txt", b"raw"))
    lib.add_note(aid, "coltan?", quote="coltan")
    lib.add_note(aid, "only mine", private=True)
    codings.add_coding(lib, aid, "minerals", "adversary", make_anchor(TEXT, 0, 35))
    yield lib
    lib.close()


@pytest.fixture
def dest(tmp_path: Path):
    lib = Library.open(tmp_path / "b.sqlite")
    yield lib
    lib.close()


def _state(lib: Library) -> tuple:
    rows = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    notes = lib.db.execute("SELECT count(*) FROM notes").fetchone()[0]
    seen = lib.db.execute("SELECT count(*) FROM packs_seen").fetchone()[0]
    return rows, notes, seen


def test_export_writes_a_manifest_with_every_members_hash(source: Library, tmp_path: Path) -> None:
    pack = tmp_path / "a.fieldpack"
    done = sp.export_pack(source, pack)
    assert set(done) >= {"file", "articles", "notes", "codings", "bytes", "sha256"}
    assert (done["articles"], done["notes"], done["codings"]) == (1, 1, 1)  # private left out
    assert done["sha256"] == hashlib.sha256(pack.read_bytes()).hexdigest()
    assert done["bytes"] == pack.stat().st_size
    with zipfile.ZipFile(pack) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "fieldreader-pack"
        assert manifest["coder"] == "Amani"
        assert manifest["library_uid"] == coders.library_uid(source)
        for name, meta in manifest["members"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == meta["sha256"]
    assert list(tmp_path.glob(".*tmp")) == []
    with_private = sp.export_pack(source, tmp_path / "p.fieldpack", _sel(include_private=True))
    assert with_private["notes"] == 2


def _sel(**kw):
    from reader.library.packs import Selection

    return Selection(**kw)


def test_inspect_changes_nothing_then_import_twice_is_a_no_op(
    source: Library, dest: Library, tmp_path: Path
) -> None:
    pack = tmp_path / "a.fieldpack"
    sp.export_pack(source, pack)
    before = _state(dest)
    seen = sp.inspect_pack(dest, pack)
    assert _state(dest) == before
    assert seen["articles"] == {"new": 1, "same": 0, "changed": 0}
    assert seen["notes"]["new"] == 1
    assert seen["codings"]["new"] == 1
    assert (seen["coder"], seen["format_version"], seen["conflicts"], seen["trashes"]) == (
        "Amani", 1, 0, 0)  # fmt: skip
    first = sp.import_pack(dest, pack)
    assert first["added"] == {"articles": 1, "notes": 1, "codings": 1}
    second = sp.import_pack(dest, pack)
    assert second["added"] == {"articles": 0, "notes": 0, "codings": 0}
    assert second["unchanged"] == 3
    assert second["conflicts"] == second["trashed"] == 0
    assert sp.inspect_pack(dest, pack)["seen_before"]


def _rewrite(src: Path, dest: Path, change) -> Path:
    """A copy of the pack with its members passed through ``change(name, data)``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            for name, data in change(info.filename, zin.read(info)):
                zout.writestr(name, data)
    return dest


def _refused(dest: Library, pack: Path, match: str | None) -> None:
    before = _state(dest)
    with pytest.raises(sp.PackError, match=match):
        sp.import_pack(dest, pack)
    with pytest.raises(sp.PackError):
        sp.inspect_pack(dest, pack)
    assert _state(dest) == before


def test_a_flipped_byte_is_refused_and_changes_nothing(
    source: Library, dest: Library, tmp_path: Path
) -> None:
    pack = tmp_path / "a.fieldpack"
    sp.export_pack(source, pack)
    raw = bytearray(pack.read_bytes())
    for where in range(40, len(raw), max(1, len(raw) // 12)):
        flipped = tmp_path / f"flip{where}.fieldpack"
        copy = bytearray(raw)
        copy[where] ^= 0x01
        flipped.write_bytes(bytes(copy))
        _refused(dest, flipped, None)


def test_a_member_that_does_not_match_its_hash(
    source: Library, dest: Library, tmp_path: Path
) -> None:
    pack = sp.export_pack(source, tmp_path / "a.fieldpack")["file"]

    def edit(name: str, data: bytes):
        yield name, data.replace(b"coltan?", b"COLTAN?") if name == "data.json" else data

    _refused(dest, _rewrite(Path(pack), tmp_path / "t.fieldpack", edit), "altered or damaged")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd", "unsafe name"),
        ("../evil", "unsafe name"),
        ("originals/../../x", "unsafe name"),
        ("a\\b", "unsafe name"),
        ("C:/x", "unsafe name"),
        ("extra.txt", "does not list"),
    ],
)
def test_hostile_names_are_refused(
    source: Library, dest: Library, tmp_path: Path, name: str, why: str
) -> None:
    pack = Path(sp.export_pack(source, tmp_path / "a.fieldpack")["file"])

    def add(n: str, data: bytes):
        yield n, data
        if n == "manifest.json":
            yield name, b"x"

    _refused(dest, _rewrite(pack, tmp_path / "h.fieldpack", add), why)


def test_a_duplicate_missing_or_unlisted_member(
    source: Library, dest: Library, tmp_path: Path
) -> None:
    pack = Path(sp.export_pack(source, tmp_path / "a.fieldpack")["file"])

    def drop(n: str, data: bytes):
        if not n.startswith("originals/"):
            yield n, data

    _refused(dest, _rewrite(pack, tmp_path / "d.fieldpack", drop), "incomplete")

    def twice(n: str, data: bytes):
        yield n, data
        if n == "data.json":
            yield n, data

    with pytest.warns(UserWarning, match="Duplicate"):
        doubled = _rewrite(pack, tmp_path / "2.fieldpack", twice)
    _refused(dest, doubled, "twice")


def test_size_caps_and_bombs(
    source: Library, dest: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = Path(sp.export_pack(source, tmp_path / "a.fieldpack")["file"])
    monkeypatch.setattr(sp, "MAX_MEMBER_BYTES", 100)
    _refused(dest, pack, "size cap")
    monkeypatch.undo()
    monkeypatch.setattr(sp, "MAX_MEMBERS", 2)
    _refused(dest, pack, "too many")
    monkeypatch.undo()
    bomb = tmp_path / "bomb.fieldpack"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("data.json", b"\0" * (4 * 1024 * 1024))
    _refused(dest, bomb, "compressed suspiciously well")


def test_a_newer_format_and_what_is_no_pack(dest: Library, tmp_path: Path) -> None:
    newer = tmp_path / "n.fieldpack"
    with zipfile.ZipFile(newer, "w") as zf:
        zf.writestr(
            "manifest.json",
            json.dumps({"format": "fieldreader-pack", "format_version": 2, "members": {}}),
        )
    _refused(dest, newer, "newer than this Fieldreader")
    junk = tmp_path / "junk.fieldpack"
    junk.write_bytes(b"PK\x03\x04 not really")
    _refused(dest, junk, "not a valid zip")
    empty = tmp_path / "e.fieldpack"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "hi")
    _refused(dest, empty, "no manifest.json")


def test_a_rebuilt_pack_without_the_seal_is_refused(
    source: Library, dest: Library, tmp_path: Path
) -> None:
    pack = Path(sp.export_pack(source, tmp_path / "a.fieldpack")["file"])
    rebuilt = _rewrite(pack, tmp_path / "r.fieldpack", lambda n, d: [(n, d)])
    _refused(dest, rebuilt, "not sealed")


def test_a_truncated_pack(source: Library, dest: Library, tmp_path: Path) -> None:
    pack = Path(sp.export_pack(source, tmp_path / "a.fieldpack")["file"])
    cut = tmp_path / "cut.fieldpack"
    cut.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    _refused(dest, cut, None)


def test_imported_articles_have_their_entities(source: Library, dest: Library, tmp_path: Path):
    pack = tmp_path / "a.fieldpack"
    sp.export_pack(source, pack)
    assert dest.entities() == []
    sp.import_pack(dest, pack)
    (article_id,) = dest.all_article_ids()
    names = {e.name for e in dest.article_entities(article_id)}
    assert {"Goma", "M23"} <= names  # the sidebar shows them at once, no re-extraction
