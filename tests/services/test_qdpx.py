"""REFI-QDA project out (issue 18): valid against the standard's schema, codings and notes
pointing at the right text, stable GUIDs, private notes left out, written atomically."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from helpers.paths import SHARED
from reader.library import Library
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.notes import set_private
from reader.services import framing
from reader.services.qdpx import NAMESPACE, export_qdpx, guid

SCHEMA = SHARED / "corpus" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": NAMESPACE}
TEXT = (
    "The United States and Ukraine signed a minerals deal on Wednesday.\n\n"
    "Officials in «Київ» said 57 minerals 😀 are covered, lithium and graphite among them.\n\n"
    "Critics said the deal covers too little; seven civilians were killed nearby."
)


@pytest.fixture
def lib() -> Library:
    library = Library.memory()
    yield library
    library.close()


def _coded_library(lib: Library) -> dict[str, int]:
    aid = lib.add_article(
        Draft(
            title="Deal <signed> & sealed",
            text=TEXT,
            byline="Jane Doe",
            source="The Kyiv Independent",
            url="https://example.org/deal?a=1&b=2",
            published="2025-03-05",
            language="en",
        ),
        tags=["minerals"],
    )
    other = lib.add_article(Draft(title="Unrelated", text="Nothing to see here."), tags=["misc"])
    book = framing.codebook_for(lib)
    dims = [d.id for d in book.dimensions]
    ids = {
        "article": aid,
        "other": other,
        "kyiv": framing.code_passage(
            lib, aid, dims[0], codebook=book, quote="«Київ»", memo="who speaks", value="high"
        ),
        "emoji": framing.code_passage(lib, aid, dims[1], codebook=book, quote="minerals 😀 are"),
        "killed": framing.code_passage(
            lib, aid, dims[5], codebook=book, quote="seven civilians were killed"
        ),
    }
    rejected = framing.code_passage(lib, aid, dims[2], codebook=book, quote="Critics")
    framing.set_status(lib, rejected, "rejected")
    ids["passage_note"] = lib.add_note(aid, "check the count", quote="57 minerals")
    ids["article_note"] = lib.add_note(aid, "a note on the whole article")
    ids["private"] = lib.add_note(aid, "my informant's name", quote="graphite")
    set_private(lib, ids["private"], True)
    ids["free"] = lib.add_note(None, "a free-standing idea")
    return ids


def _read(path: Path) -> tuple[zipfile.ZipFile, etree._Element]:
    archive = zipfile.ZipFile(path)
    return archive, etree.fromstring(archive.read("project.qde"))


@pytest.mark.corpus
def test_the_project_validates_against_the_refi_qda_schema(lib, tmp_path: Path) -> None:
    if not SCHEMA.is_file():
        pytest.skip("../shared/corpus/refi-qda is not present")
    _coded_library(lib)
    dest = tmp_path / "project.qdpx"
    export_qdpx(lib, dest, include_private=True)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    _archive, root = _read(dest)
    assert schema.validate(root), schema.error_log
    minimal = tmp_path / "minimal.qdpx"
    bare = Library.memory()  # one bare article, nothing coded, no notes: still valid
    odd = bare.add_article(Draft(title="\x01odd\x7f title", text="Just text.", published="2025"))
    bare.write_statement(  # an older library's time, and one that is no time at all
        "UPDATE articles SET imported = '2024-01-02 03:04:05' WHERE id = ?", [odd]
    )
    bare.add_article(Draft(title="Second", text="More text."))
    bare.write_statement("UPDATE articles SET imported = 'yesterday' WHERE title = 'Second'")
    export_qdpx(bare, minimal)
    bare.close()
    assert schema.validate(_read(minimal)[1]), schema.error_log


def test_codings_point_at_the_right_text(lib, tmp_path: Path) -> None:
    ids = _coded_library(lib)
    dest = tmp_path / "out.qdpx"
    result = export_qdpx(lib, dest)
    assert (result.articles, result.codings, result.unplaced) == (2, 3, 0)
    archive, root = _read(dest)
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["Deal <signed> & sealed", "Unrelated"]
    source = sources[0]
    path = source.get("plainTextPath")
    assert path.startswith("internal://")
    assert path.endswith(".txt")
    raw = archive.read(f"Sources/{path.removeprefix('internal://')}")
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text == TEXT
    coded = {}
    for selection in source.findall("q:PlainTextSelection", NS):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        for coding in selection.findall("q:Coding", NS):
            coded[text[start:end]] = coding.find("q:CodeRef", NS).get("targetGUID")
    assert set(coded) == {"«Київ»", "minerals 😀 are", "seven civilians were killed"}
    book = framing.codebook_for(lib)
    assert coded["«Київ»"] == guid("code", book.id, book.dimensions[0].id)
    code_guids = {c.get("guid") for c in root.iter(f"{{{NAMESPACE}}}Code")}
    assert set(coded.values()) <= code_guids
    assert "Critics" not in coded  # a rejected coding is not exported
    del ids


def test_codes_users_notes_and_variables(lib, tmp_path: Path) -> None:
    _coded_library(lib)
    dest = tmp_path / "out.qdpx"
    result = export_qdpx(lib, dest)
    assert result.private_left_out == 1
    _archive, root = _read(dest)
    book = framing.codebook_for(lib)
    (category,) = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert (category.get("name"), category.get("isCodable")) == (book.label, "false")
    children = category.findall("q:Code", NS)
    assert [c.get("name") for c in children] == [d.label for d in book.dimensions]
    assert all(c.get("isCodable") == "true" for c in children)
    users = {u.get("guid"): u.get("name") for u in root.findall("q:Users/q:User", NS)}
    coders = {c.get("creatingUser") for c in root.iter(f"{{{NAMESPACE}}}Coding")}
    assert {users[c] for c in coders} == {"Fieldreader (by hand)"}
    notes = {
        n.get("guid"): n.findtext("q:PlainTextContent", namespaces=NS)
        for n in root.findall("q:Notes/q:Note", NS)
    }
    assert "check the count" in notes.values()
    assert "a note on the whole article" in notes.values()
    assert "a free-standing idea" in notes.values()
    assert "who speaks\n\nvalue: high" in notes.values()
    assert "my informant's name" not in notes.values()
    source = root.find("q:Sources/q:TextSource", NS)
    text = TEXT
    refs = {}
    for selection in source.findall("q:PlainTextSelection", NS):
        for ref in selection.findall("q:NoteRef", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            refs[notes[ref.get("targetGUID")]] = text[start:end]
    assert refs == {"check the count": "57 minerals"}
    memo_refs = [r.get("targetGUID") for r in root.iter(f"{{{NAMESPACE}}}NoteRef")]
    assert all(r in notes for r in memo_refs)
    assert [notes[r.get("targetGUID")] for r in source.findall("q:NoteRef", NS)] == [
        "a note on the whole article"
    ]
    assert [notes[r.get("targetGUID")] for r in root.findall("q:NoteRef", NS)] == [
        "a free-standing idea"
    ]
    variables = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", NS)}
    values = {
        variables[v.find("q:VariableRef", NS).get("targetGUID")]: "".join(v.xpath("./*[2]/text()"))
        for v in source.findall("q:VariableValue", NS)
    }
    assert values["Outlet"] == "The Kyiv Independent"
    assert values["Published"] == "2025-03-05"
    assert values["URL"] == "https://example.org/deal?a=1&b=2"
    assert values["Tags"] == "minerals"
    assert values["Byline"] == "Jane Doe"


def test_private_notes_come_with_include_private(lib, tmp_path: Path) -> None:
    _coded_library(lib)
    dest = tmp_path / "out.qdpx"
    result = export_qdpx(lib, dest, include_private=True)
    assert result.private_left_out == 0
    body = zipfile.ZipFile(dest).read("project.qde").decode("utf-8")
    assert "my informant" in body


def test_guids_are_stable_and_tags_choose_the_articles(lib, tmp_path: Path) -> None:
    _coded_library(lib)
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export_qdpx(lib, first, name="same", created="2026-01-01T00:00:00+00:00")
    export_qdpx(lib, second, name="same", created="2026-01-01T00:00:00+00:00")
    assert _read(first)[0].read("project.qde") == _read(second)[0].read("project.qde")
    tagged = tmp_path / "tagged.qdpx"
    result = export_qdpx(lib, tagged, tags=["misc"])
    assert (result.articles, result.codings) == (1, 0)
    _archive, root = _read(tagged)
    assert [s.get("name") for s in root.findall("q:Sources/q:TextSource", NS)] == ["Unrelated"]
    assert root.findall("q:NoteRef", NS) == []  # free-standing notes only in a whole export


def test_a_coding_whose_text_moved_is_found_or_counted(lib, tmp_path: Path) -> None:
    ids = _coded_library(lib)
    lib.write_statement(
        'UPDATE codings SET start = start + 3, "end" = "end" + 3 WHERE id = ?', [ids["kyiv"]]
    )
    lib.write_statement("UPDATE codings SET text = 'not in the text' WHERE id = ?", [ids["emoji"]])
    result = export_qdpx(lib, tmp_path / "out.qdpx")
    assert (result.codings, result.unplaced) == (2, 1)
    archive, root = _read(tmp_path / "out.qdpx")
    source = root.find("q:Sources/q:TextSource", NS)
    selection = source.find("q:PlainTextSelection", NS)
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert TEXT[start:end] == "«Київ»"
    del archive


def test_bad_requests_change_nothing(lib, tmp_path: Path) -> None:
    dest = tmp_path / "out.qdpx"
    with pytest.raises(InvalidInputError, match="no articles to export"):
        export_qdpx(lib, dest)
    _coded_library(lib)
    with pytest.raises(NotFoundError, match="no codebook 'nope'"):
        export_qdpx(lib, dest, codebook_id="nope")
    assert list(tmp_path.iterdir()) == []
    dest.write_bytes(b"old")
    export_qdpx(lib, dest)
    assert zipfile.is_zipfile(dest)
    assert [p.name for p in tmp_path.iterdir()] == ["out.qdpx"]


def test_the_coder_is_the_user_of_the_codings_and_notes(lib, tmp_path: Path) -> None:
    from reader.library.coders import set_coder

    _coded_library(lib)
    set_coder(lib, "Ana Kovalenko")  # codings and notes without a coder are given this one
    dest = tmp_path / "out.qdpx"
    export_qdpx(lib, dest)
    _archive, root = _read(dest)
    users = {u.get("guid"): u.get("name") for u in root.findall("q:Users/q:User", NS)}
    assert users[root.get("creatingUserGUID")] == "Ana Kovalenko"
    makers = {
        users[el.get("creatingUser")]
        for tag in ("Coding", "PlainTextSelection")
        for el in root.iter(f"{{{NAMESPACE}}}{tag}")
    }
    assert makers == {"Ana Kovalenko"}
