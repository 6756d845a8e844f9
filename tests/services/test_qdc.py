"""A peer tool's codebook in (issue 18): ATLAS.ti's project, a ``.qdc``, our own ``.qdpx``,
and hostile files refused whole with one line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers.paths import SHARED
from reader.library import Library
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError
from reader.services import framing, qdc
from reader.services.qdc import import_codebook, read_codebook
from reader.services.qdpx import export_qdpx

CORPUS = SHARED / "corpus" / "refi-qda"
QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="11111111-1111-1111-1111-111111111111" name="Actors" isCodable="false">
      <Code guid="22222222-2222-2222-2222-222222222222" name="Ministère des Mines"
            isCodable="true">
        <Description>  The ministry,
          named or quoted. </Description>
      </Code>
      <Code guid="33333333-3333-3333-3333-333333333333" name="Армія" isCodable="true"/>
    </Code>
    <Code guid="44444444-4444-4444-4444-444444444444" name="Deal status" isCodable="true">
      <Code guid="55555555-5555-5555-5555-555555555555" name="Signed" isCodable="true"/>
    </Code>
    <Code guid="66666666-6666-6666-6666-666666666666" name="Signed" isCodable="true"/>
  </Codes>
</CodeBook>
"""


@pytest.fixture
def lib() -> Library:
    library = Library.memory()
    yield library
    library.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.corpus
def test_the_atlas_ti_project_imports_with_its_nested_codes(lib) -> None:
    source = CORPUS / "target-atlas-project.qdpx"
    if not source.is_file():
        pytest.skip("../shared/corpus/refi-qda is not present")
    done = import_codebook(lib, source)
    book = done.codebook
    assert book.id == "target-atlas-project"
    assert book.label == "target-atlas-project"
    assert [d.label for d in book.dimensions] == [
        "Commits",
        "Commits / 2022-05-10T02:05:59Z 19e4dce",
        "Commits / 2022-02-11T10:39:25Z cdbfd92",
    ]
    assert all(d.rules == () for d in book.dimensions)
    stored = framing.codebook_for(lib, "target-atlas-project")
    assert stored == book
    aid = lib.add_article(Draft(title="Log", text="Commit 19e4dce fixed the parser."))
    framing.code_passage(lib, aid, book.dimensions[1].id, codebook=stored, quote="19e4dce")
    assert len(framing.codings(lib, codebook=book.id)) == 1


@pytest.mark.corpus
def test_a_project_without_codes_is_refused(lib) -> None:
    source = CORPUS / "blank-atlas-project.qdpx"
    if not source.is_file():
        pytest.skip("../shared/corpus/refi-qda is not present")
    with pytest.raises(InvalidInputError, match=r"^blank-atlas-project.qdpx: it holds no codes"):
        import_codebook(lib, source)
    assert "blank-atlas-project" not in framing.codebook_ids(lib)


def test_a_qdc_codebook_reads_with_paths_descriptions_and_unique_ids(tmp_path: Path) -> None:
    path = tmp_path / "Field Codes.qdc"
    path.write_text(QDC, encoding="utf-8")
    book = read_codebook(path)
    assert book.id == "field-codes"
    assert [(d.id, d.label) for d in book.dimensions] == [
        ("ministere_des_mines", "Actors / Ministère des Mines"),
        ("code_2", "Actors / Армія"),
        ("deal_status", "Deal status"),
        ("signed", "Deal status / Signed"),
        ("signed_2", "Signed"),
    ]
    assert book.dimensions[0].description == "The ministry, named or quoted."


def test_our_own_project_comes_back_as_its_codebook(lib, tmp_path: Path) -> None:
    lib.add_article(Draft(title="A", text="Some text."))
    dest = tmp_path / "ours.qdpx"
    export_qdpx(lib, dest)
    book = read_codebook(dest, codebook_id="ours-again")
    shipped = framing.codebook_for(lib)
    assert book.label == shipped.label
    assert [d.label for d in book.dimensions] == [d.label for d in shipped.dimensions]
    assert [d.description for d in book.dimensions] == [
        " ".join(d.description.split()) for d in shipped.dimensions
    ]


def test_an_existing_id_is_refused_unless_replaced_or_renamed(lib, tmp_path: Path) -> None:
    path = tmp_path / "minerals-for-security.qdc"
    path.write_text(QDC, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="exists already; name this one with --id"):
        import_codebook(lib, path)
    assert framing.codebook_for(lib).label == "Minerals for security"
    renamed = import_codebook(lib, path, codebook_id="mine")
    assert renamed.codebook.id == "mine"
    again = tmp_path / "mine.qdc"
    again.write_text(QDC.replace("Deal status", "Status"), encoding="utf-8")
    replaced = import_codebook(lib, again, replace=True)
    assert "Status" in [d.label for d in framing.codebook_for(lib, "mine").dimensions]
    assert replaced.codebook.id == "mine"
    with pytest.raises(InvalidInputError, match="codebook id must be"):
        import_codebook(lib, path, codebook_id="Not An Id")


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"/etc/project.qde": b"<Project/>"}, "unsafe path '/etc/project.qde'"),
        ({"project.qde": b"<x/>", "../evil.txt": b"x"}, "unsafe path '../evil.txt'"),
        ({"project.qde": b"<x/>", "Sources/..\\..\\evil": b"x"}, "unsafe path"),
        ({"project.qde": b"<x/>", "C:/evil": b"x"}, "unsafe path 'C:/evil'"),
        ({"readme.txt": b"hello"}, "no project.qde in the zip"),
        ({"project.qde": b"<Project><unclosed></Project>"}, "not valid XML"),
        ({"project.qde": b"<Html/>"}, "the XML is a <Html>"),
    ],
)
def test_hostile_projects_are_refused_whole(lib, tmp_path: Path, members, reason) -> None:
    path = _zip(tmp_path / "evil.qdpx", members)
    before = framing.codebook_ids(lib)
    with pytest.raises(InvalidInputError, match="^evil.qdpx: ") as caught:
        import_codebook(lib, path)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)
    assert framing.codebook_ids(lib) == before


def test_not_a_zip_and_a_wrong_suffix_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.qdpx"
    fake.write_bytes(b"<Project/> pretending")
    with pytest.raises(InvalidInputError, match="not a zip file"):
        read_codebook(fake)
    other = tmp_path / "codes.xml"
    other.write_text(QDC, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"use a REFI-QDA codebook \(.qdc\)"):
        read_codebook(other)


def test_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doctype = (
        f'<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY s SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    in_text = QDC.replace('<?xml version="1.0" encoding="utf-8"?>', doctype).replace(
        "named or quoted.", "named &s; or &b; quoted."
    )
    path = tmp_path / "xxe.qdc"
    path.write_text(in_text, encoding="utf-8")
    book = read_codebook(path)  # entity references stay unexpanded: nothing is read
    assert "TOP-SECRET" not in book.dimensions[0].description
    assert "aaaaaaaaaa" not in book.dimensions[0].description
    in_name = QDC.replace('<?xml version="1.0" encoding="utf-8"?>', doctype).replace(
        'name="Армія"', 'name="&s;"'
    )
    path.write_text(in_name, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="^xxe.qdc: not valid XML") as caught:
        read_codebook(path)
    assert "TOP-SECRET" not in str(caught.value)


def test_size_depth_and_count_caps(tmp_path: Path, monkeypatch) -> None:
    big = _zip(tmp_path / "big.qdpx", {"project.qde": QDC.encode() + b" " * 4096})
    monkeypatch.setattr(qdc, "MAX_XML_BYTES", 2048)
    with pytest.raises(InvalidInputError, match="project.qde is larger than"):
        read_codebook(big)
    monkeypatch.undo()
    deep = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
    deep += '<Code guid="g" name="c" isCodable="true">' * 40 + "</Code>" * 40
    deep += "</Codes></CodeBook>"
    path = tmp_path / "deep.qdc"
    path.write_text(deep, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="nested deeper than 32 levels"):
        read_codebook(path)
    monkeypatch.setattr(qdc, "MAX_CODES", 3)
    many = tmp_path / "many.qdc"
    many.write_text(QDC, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="more than 3 codes"):
        read_codebook(many)
