"""What ``import`` says about files it does not import: an unsupported format names itself
and lists what Fieldreader imports; a citation file says it is one; the list of suffixes
is one list (the folder walk, the file dialog and the command line's help agree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import cli
from reader.ingest import readers

_BINARY = b"\x00\x01\x02\x03binary\x00\xff\xfe" * 64


@pytest.mark.parametrize("name", ["sheet.xlsx", "photo.jpg", "notes.doc", "blob.xyz"])
def test_an_unsupported_format_names_itself_and_what_is_imported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_BINARY)
    [incoming] = readers.read_inputs(path)
    assert incoming.draft is None
    suffix = path.suffix
    assert incoming.error is not None
    assert incoming.error.startswith(f"not a supported format: {suffix} (Fieldreader imports ")
    for word in ("Markdown", "PDF", "EPUB", "Word (.docx)", "(.html, .mhtml)"):
        assert word in incoming.error
    assert "binary" not in incoming.error


def test_a_doc_file_says_what_to_do() -> None:
    assert readers.unsupported_format(".doc").endswith("; save it as .docx or PDF first)")


def test_a_text_named_file_with_binary_content_is_still_not_a_text_file(tmp_path: Path) -> None:
    for name in ("broken.txt", "broken.md"):
        (tmp_path / name).write_bytes(_BINARY)
        [incoming] = readers.read_inputs(tmp_path / name)
        assert incoming.error == "not a text file (binary content)"


def test_a_text_file_of_any_name_still_imports(tmp_path: Path) -> None:
    for name in ("README", "data.csv", "log.xyz"):
        (tmp_path / name).write_text("Kinshasa Notes\n\nThe river rose again in Kinshasa.\n")
        [incoming] = readers.read_inputs(tmp_path / name)
        assert incoming.error is None, name
        assert incoming.draft is not None
        assert incoming.draft.title == "Kinshasa Notes"


def test_an_empty_file_of_an_unknown_kind_says_it_is_empty(tmp_path: Path) -> None:
    (tmp_path / "nothing.xyz").write_bytes(b"")
    [incoming] = readers.read_inputs(tmp_path / "nothing.xyz")
    assert incoming.error == "file is empty"


@pytest.mark.parametrize("name", ["refs.ris", "refs.bib"])
def test_a_citation_file_is_not_a_plain_text_article(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("TY  - JOUR\nTI  - Cobalt and conflict\nER  - \n")
    [incoming] = readers.read_inputs(tmp_path / name)
    assert incoming.draft is None
    assert incoming.error == (
        f"a citation file ({Path(name).suffix}), not an article: citation files are not "
        "supported for import"
    )


def test_the_walk_skips_feed_lists_and_citations(tmp_path: Path) -> None:
    for name in ("a.epub", "b.docx", "c.odt", "d.mhtml", "e.mht", "f.opml", "g.ris", "h.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    walked = sorted(p.name for p in readers.iter_inputs([tmp_path]))
    assert walked == ["a.epub", "b.docx", "c.odt", "d.mhtml", "e.mht"]


def test_the_dialog_and_the_help_list_every_format() -> None:
    dialog = readers.file_dialog_filter()
    help_text = readers.formats_help()
    for suffix in readers.KNOWN_SUFFIXES:
        assert f"*{suffix} " in dialog or f"*{suffix})" in dialog
        assert suffix in help_text
    for suffix in (".epub", ".docx", ".odt", ".mhtml", ".mht"):
        assert suffix in readers.KNOWN_SUFFIXES
    assert readers.OPML_SUFFIXES.isdisjoint(readers.KNOWN_SUFFIXES)
    assert readers.CITATION_SUFFIXES.isdisjoint(readers.KNOWN_SUFFIXES)


@pytest.mark.e2e
def test_the_command_line_says_unsupported_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(_BINARY)
    proc = cli.run(tmp_path / "lib.sqlite", "import", str(tmp_path / "sheet.xlsx"))
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"fieldreader: {tmp_path / 'sheet.xlsx'}: not a supported format: .xlsx")
