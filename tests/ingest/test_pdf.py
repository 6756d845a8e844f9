"""PDF import: text layer to paragraphs, titles, hyphenation, page breaks, and scans refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from helpers.pdf_maker import make_pdf
from reader.ingest.pdf import NO_TEXT_LAYER, is_pdf, parse_pdf
from reader.ingest.readers import iter_inputs, read_draft
from reader.library import Library
from reader.services.importing import import_paths

REPORT_PAGES: list[list[str] | None] = [
    [
        "Final report of the Group of Experts",
        "",
        "The Group found that the armed group con-",
        "trolled the mining site at Rubaya through-",
        "out the period, and that coltan left the",
        "area by road towards the border.",
        "",
        "A second paragraph describes a well-known",
        "smuggling route and its well-",
        "known brokers in Goma.",
        "",
        "1",
    ],
    [
        "Final report of the Group of Experts",
        "Exports continued on the second page.",
        "",
        "2",
    ],
    [
        "Final report of the Group of Experts",
        "The third page closes the report.",
        "",
        "3",
    ],
]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_pdf_becomes_paragraphs_with_title_and_metadata() -> None:
    data = make_pdf(
        REPORT_PAGES,
        title="S/2024/432: Group of Experts on the DRC",
        author="UN Group of Experts",
        created="D:20240604120000Z",
    )
    draft = parse_pdf(data, filename="report.pdf")
    assert draft.format == "pdf"
    assert draft.title == "S/2024/432: Group of Experts on the DRC"
    assert draft.byline == "UN Group of Experts"
    assert draft.published == "2024-06-04"
    paras = draft.text.split("\n\n")
    assert paras[0] == "Final report of the Group of Experts"
    assert paras[1] == (
        "The Group found that the armed group controlled the mining site at Rubaya "
        "throughout the period, and that coltan left the area by road towards the border."
    )
    # the hyphen stays where the document writes the word with one elsewhere
    assert paras[2] == (
        "A second paragraph describes a well-known smuggling route and its well-known "
        "brokers in Goma."
    )
    # page breaks end paragraphs; page numbers and the running header are gone
    assert paras[3:] == [
        "Exports continued on the second page.",
        "The third page closes the report.",
    ]
    assert "\n1\n" not in draft.text
    assert not draft.text.endswith("3")
    assert draft.text.count("Final report of the Group of Experts") == 1
    assert [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks][:2] == [
        ("p", "Final report of the Group of Experts"),
        ("p", paras[1]),
    ]


def test_title_from_first_heading_when_metadata_has_none() -> None:
    data = make_pdf(REPORT_PAGES, title="Microsoft Word - draft7.docx")
    draft = parse_pdf(data)
    assert draft.title == "Final report of the Group of Experts"
    assert draft.blocks[0].kind == "h1"
    assert draft.byline is None
    assert draft.published is None


def test_hyphenated_word_across_a_page_break_is_joined() -> None:
    pages: list[list[str] | None] = [
        ["Cobalt report", "", "The mining of cobalt in the eastern prov-"],
        ["inces went on all year.", "", "A new paragraph."],
    ]
    draft = parse_pdf(make_pdf(pages, compress=True))
    assert "eastern provinces went on all year." in draft.text
    assert draft.text.endswith("\n\nA new paragraph.")


def test_page_break_is_a_paragraph_break() -> None:
    pages: list[list[str] | None] = [
        ["Briefing", "", "The first page ends without a full stop"],
        ["and the second page starts here."],
    ]
    draft = parse_pdf(make_pdf(pages))
    assert draft.text.split("\n\n") == [
        "Briefing",
        "The first page ends without a full stop",
        "and the second page starts here.",
    ]


def test_bullets_become_their_own_paragraphs() -> None:
    pages: list[list[str] | None] = [
        [
            "Recommendations",
            "",
            "The Group recommends that:",
            "• donors fund the",
            "  survey;",
            "• traders stop.",
        ]
    ]
    draft = parse_pdf(make_pdf(pages))
    kinds = [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks]
    assert ("li", "• donors fund the survey;") in kinds
    assert ("li", "• traders stop.") in kinds


def test_scanned_pdf_is_refused_with_a_clear_message(tmp_path: Path, library: Library) -> None:
    scan = _write(tmp_path, "scan.pdf", make_pdf([None, None, None]))
    with pytest.raises(ValueError, match="no text layer"):
        parse_pdf(scan.read_bytes())
    [result] = import_paths(library, [scan])
    assert result.status == "error"
    assert result.error == NO_TEXT_LAYER
    assert library.count() == 0


def test_broken_and_encrypted_like_pdfs_give_errors_not_tracebacks(tmp_path: Path) -> None:
    for data in (b"%PDF-1.4\nnot really", make_pdf([["Some text here"]])[:150], b"%PDF-"):
        with pytest.raises(ValueError, match="PDF"):
            parse_pdf(data)


def test_importer_picks_pdf_by_extension_and_walks_folders(
    tmp_path: Path, library: Library
) -> None:
    data = make_pdf(REPORT_PAGES)
    _write(tmp_path, "report.pdf", data)
    _write(tmp_path, "notes.txt", b"Notes\n\nSome notes.")
    assert [p.name for p in iter_inputs([tmp_path])] == ["notes.txt", "report.pdf"]
    draft, original = read_draft(tmp_path / "report.pdf")
    assert draft.format == "pdf"
    assert original.data == data
    assert is_pdf(original.data)
    results = import_paths(library, [tmp_path])
    assert [r.status for r in results] == ["added", "added"]
    pdf_id = next(r.id for r in results if r.path.endswith(".pdf"))
    assert library.original(pdf_id).data == data
    assert library.get(pdf_id).format == "pdf"


def test_pdf_with_a_wrong_extension_is_still_read_as_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path, "report.txt", make_pdf(REPORT_PAGES))
    draft, _ = read_draft(path)
    assert draft.format == "pdf"


@pytest.mark.e2e
def test_cli_imports_a_pdf_and_refuses_a_scan(tmp_path: Path, library_path: Path) -> None:
    pdf = _write(tmp_path, "report.pdf", make_pdf(REPORT_PAGES, title="Group of Experts report"))
    scan = _write(tmp_path, "scan.pdf", make_pdf([None]))
    [added] = run_json(library_path, "import", str(pdf))
    assert added["status"] == "added"
    assert added["title"] == "Group of Experts report"
    assert set(added) == {"id", "title", "status", "path"}
    shown = run_json(library_path, "show", str(added["id"]))
    assert "controlled the mining site at Rubaya" in shown["text"]
    proc = run(library_path, "import", str(scan), "--json")
    assert proc.returncode == 1
    [failed] = json.loads(proc.stdout)
    assert failed["status"] == "error"
    assert "no text layer" in failed["error"]
    assert proc.stderr.strip().count("\n") == 0
    assert "Traceback" not in proc.stderr
