"""Originals kept once (reader.library.originals, originals_schema): packed where the file
has ``originals.packing``, and always given back byte for byte."""

from __future__ import annotations

import random
import shutil
import zlib
from pathlib import Path

import pytest

from reader.library import Library
from reader.library import originals_schema as _schema
from reader.library.draft import Draft, Original
from reader.library.export_json import export_library, import_library
from reader.library.originals import PACKED_TEXT, PACKED_ZLIB, pack, unpack

TEXT = "Showers continued throughout the week in the Bahia cocoa zone.\n\n" * 4 + "Ünïcödé ✓"


def _packed_library(path: Path | None = None) -> Library:
    lib = Library.memory() if path is None else Library.open(path)
    if not lib.writer.packs_originals:
        with lib.transaction():
            _schema.migrate(lib.db)
        lib._writer = None  # a writer made now sees the new column
    assert lib.writer.packs_originals
    return lib


def _cases() -> list[tuple[str, bytes]]:
    body = TEXT.encode()
    noise = random.Random(3).randbytes(3000)
    return [
        ("title around the text", b"BAHIA COCOA REVIEW\n\n" + body + b"\n"),
        ("just the text", body),
        ("the text twice", body + b"--" + body),
        ("html, not the text", b"<html><p>" + TEXT.replace("\n\n", "</p><p>").encode() * 3),
        ("random bytes", noise),
        ("tiny", b"hi"),
        ("empty", b""),
        ("latin-1 bytes of the text", TEXT.encode("latin-1", "replace")),
    ]


@pytest.mark.parametrize(("label", "data"), _cases())
def test_pack_gives_back_the_same_bytes(label: str, data: bytes) -> None:
    stored, packing = pack(data, TEXT)
    assert unpack(stored, packing, TEXT) == data, label
    assert len(stored) <= len(data)


def test_the_forms_chosen() -> None:
    cases = dict(_cases())
    stored, packing = pack(cases["title around the text"], TEXT)
    assert packing == PACKED_TEXT
    assert stored == b"\x00\x00\x00\x14BAHIA COCOA REVIEW\n\n\n"
    assert pack(cases["html, not the text"], TEXT)[1] == PACKED_ZLIB
    assert pack(cases["random bytes"], TEXT) == (cases["random bytes"], None)
    assert pack(cases["tiny"], TEXT) == (b"hi", None)
    assert unpack(zlib.compress(b"abc"), PACKED_ZLIB, "") == b"abc"


def test_an_unknown_packing_is_one_clear_error() -> None:
    with pytest.raises(Exception, match="does not know"):
        unpack(b"xx", "lz4", TEXT)


def _store_all(lib: Library) -> dict[int, bytes]:
    out = {}
    for i, (label, data) in enumerate(_cases()):
        draft = Draft(title=label, text=TEXT)  # add_article stores duplicates too
        article_id = lib.add_article(draft, Original(f"{i}.txt", data))
        out[article_id] = data
    return out


def test_a_packed_library_gives_back_every_original_and_is_smaller() -> None:
    with _packed_library() as packed:
        stored = _store_all(packed)
        for article_id, data in stored.items():
            got = packed.original(article_id)
            assert got is not None
            assert got.data == data
        raw_bytes = sum(len(data) for data in stored.values())  # what storing as-is takes
        packed_bytes = packed.db.execute("SELECT sum(length(data)) FROM originals").fetchone()[0]
        assert packed_bytes < raw_bytes - 2 * len(TEXT)
        forms = "SELECT packing, count(*) FROM originals GROUP BY packing ORDER BY packing"
        assert packed.db.execute(forms).fetchall() == [(None, 3), ("text", 3), ("zlib", 2)]
        size_sha = "SELECT article_id, filename, sha256, size FROM originals ORDER BY 1"
        sizes = [(i, len(stored[i])) for i in sorted(stored)]
        assert [(r[0], r[3]) for r in packed.db.execute(size_sha).fetchall()] == sizes


def test_rows_from_before_the_column_stay_as_they_were(tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "libraries" / "schema-v11.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copyfile(old, path)  # written before migration 12 added originals.packing
    with Library.open(path) as lib:
        rows = lib.db.execute("SELECT count(*) FROM originals WHERE packing IS NULL")
        assert rows.fetchone()[0] == 1
        kept = lib.original(1)
        assert kept is not None
        assert kept.data == b"abc"


def test_the_json_export_round_trips_packed_originals(tmp_path: Path) -> None:
    with _packed_library(tmp_path / "a.sqlite") as lib:
        stored = _store_all(lib)
        export_library(lib, tmp_path / "dump.json")
    with _packed_library(tmp_path / "b.sqlite") as other:
        import_library(other, tmp_path / "dump.json")
        assert {i: other.original(i).data for i in stored} == stored  # type: ignore[union-attr]


def test_a_packed_import_passes_the_check_and_backs_up(tmp_path: Path) -> None:
    from helpers.dispatches import write_dispatches
    from reader.library.maintenance import check
    from reader.services.importing import import_paths

    folder = write_dispatches(tmp_path / "src", 5)
    with _packed_library(tmp_path / "lib.sqlite") as lib:
        results = import_paths(lib, [folder], parallel=False)
        assert check(lib).ok, check(lib).as_json()
        packings = lib.db.execute("SELECT DISTINCT packing FROM originals").fetchall()
        assert packings == [(PACKED_TEXT,)]
        lib.db.execute("VACUUM INTO ?", [str(tmp_path / "copy.sqlite")])
    with Library.open(tmp_path / "copy.sqlite") as copy:
        for r, path in zip(results, sorted(folder.iterdir()), strict=True):
            assert copy.original(r.id).data == path.read_bytes()  # type: ignore[arg-type, union-attr]
