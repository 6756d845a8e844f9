"""Plain-text and Markdown importers, decoding, and the import pipeline."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.ingest.decode import MAX_BYTES, NotTextError, decode_text
from reader.ingest.markdown_file import parse_markdown
from reader.ingest.plaintext import looks_like_headline, parse_text
from reader.ingest.readers import iter_inputs
from reader.library import Library
from reader.services.importing import import_paths


def test_seed_article(seed_file: Path) -> None:
    draft = parse_text(decode_text(seed_file.read_bytes()))
    assert draft.url is not None
    assert draft.url.startswith("https://www.aljazeera.com/news/2025/3/17/")
    assert draft.published == "2025-03-17"
    assert draft.source == "Al Jazeera"
    assert "Source:" not in draft.text
    assert draft.title.startswith("The Democratic Republic of the Congo is engaged in discussions")
    assert len(draft.title) < 150
    assert not draft.title.endswith(",")
    assert draft.text.count("\n\n") == 5  # six one-line paragraphs
    assert all(draft.text[b.start : b.end].strip() for b in draft.blocks)


def test_headline_first_line_becomes_title() -> None:
    draft = parse_text("Rebels take Goma\n\nThe city fell on Monday.\nFamilies fled.\n")
    assert draft.title == "Rebels take Goma"
    # no blank lines in the body: every line is a paragraph
    assert draft.text == "The city fell on Monday.\n\nFamilies fled."


def test_hard_wrapped_paragraphs_are_joined() -> None:
    draft = parse_text("Rebels take Goma\n\nThe city fell\non Monday.\n\nFamilies\nfled.\n")
    assert draft.text == "The city fell on Monday.\n\nFamilies fled."


def test_non_headline_first_line_titles_from_first_sentence() -> None:
    draft = parse_text("The talks resumed on Monday. Both sides met in Doha.\n\nMore later.")
    assert draft.title == "The talks resumed on Monday"
    assert draft.text.startswith("The talks resumed")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("US and Ukraine sign minerals deal", True),
        ("A sentence that ends with a full stop.", False),
        ("x" * 200, False),
        ("12345", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_source_line_with_date_path_and_unknown_outlet() -> None:
    draft = parse_text("Title here\n\nBody text.\nSource: https://news.example.org/2024/11/5/story")
    assert draft.url == "https://news.example.org/2024/11/5/story"
    assert draft.source == "news.example.org"
    assert draft.published == "2024-11-05"
    assert draft.text == "Body text."


def test_impossible_date_in_url_is_ignored() -> None:
    draft = parse_text("Title\n\nBody.\nSource: https://example.org/2024/13/45/story")
    assert draft.published is None


def test_markdown_front_matter() -> None:
    draft = parse_markdown(
        "---\ntitle: Lobito rail loan\ndate: 2025-12-17\nsource: Desk\n"
        "url: https://example.org/x\ntags: drc, rail\nauthor: [A, B]\n---\n"
        "First *paragraph*.\n\n## Background\n\n- one\n- two\n\n> a quote\n"
    )
    assert draft.title == "Lobito rail loan"
    assert draft.published == "2025-12-17"
    assert (draft.source, draft.url, draft.byline) == ("Desk", "https://example.org/x", "A, B")
    assert draft.tags == ["drc", "rail"]
    kinds = [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks]
    assert kinds == [
        ("p", "First paragraph."),
        ("h2", "Background"),
        ("li", "one"),
        ("li", "two"),
        ("blockquote", "a quote"),
    ]


def test_markdown_heading_title_without_front_matter() -> None:
    draft = parse_markdown("Intro line.\n\n# The real title\n\nBody paragraph.")
    assert draft.title == "The real title"
    assert "The real title" not in draft.text
    assert draft.text == "Intro line.\n\nBody paragraph."


def test_markdown_bad_front_matter_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="front matter"):
        parse_markdown("---\ntitle: [unclosed\n---\nBody")


@pytest.mark.parametrize(
    "data",
    [
        "Grüße aus Kyiv — “quoted”".encode(),
        codecs.BOM_UTF8 + "Grüße aus Kyiv — “quoted”".encode(),
        "Grüße aus Kyiv — “quoted”".encode("utf-16"),
        "Grüße aus Kyiv — “quoted”".encode("utf-16-le"),
        "Grüße aus Kyiv — “quoted”".encode("cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode_text(data) == "Grüße aus Kyiv — “quoted”"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t", "empty"),
        (bytes(range(256)) * 4, "not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file"),
    ],
)
def test_refuses_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(NotTextError, match=reason):
        decode_text(data)


def test_refuses_oversized_input() -> None:
    with pytest.raises(NotTextError, match="larger than 50 MB"):
        decode_text(b"a" * (MAX_BYTES + 1))


def test_folder_walk_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nbody a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# B\n\nbody b")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("no")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.txt", "b.md"]


def test_one_bad_file_never_spoils_the_rest(tmp_path: Path, library: Library) -> None:
    (tmp_path / "good1.txt").write_text("Good one\n\nFirst good body.")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "good2.md").write_text("---\ntitle: Good two\ntags: [x]\n---\nSecond body.")
    results = import_paths(library, [tmp_path, tmp_path / "missing.txt"], tags=["batch"])
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["good1.txt"].status == "added"
    assert by_name["good2.md"].status == "added"
    assert by_name["bad.txt"].status == "error"
    assert "not a text file" in by_name["bad.txt"].error
    assert by_name["empty.md"].error == "file is empty"
    assert by_name["missing.txt"].error == "no such file"
    assert library.count() == 2
    assert library.count(tag="batch") == 2
    assert library.get(by_name["good2.md"].id).tags == ("batch", "x")


def test_reimport_reports_duplicates_and_progress(tmp_path: Path, library: Library) -> None:
    (tmp_path / "a.txt").write_text("Title A\n\nBody A.")
    seen: list[tuple[int, int]] = []
    first = import_paths(library, [tmp_path], progress=lambda d, t, p: seen.append((d, t)))
    again = import_paths(library, [tmp_path])
    assert [r.status for r in first] == ["added"]
    assert [r.status for r in again] == ["duplicate"]
    assert again[0].id == first[0].id
    assert again[0].title == "Title A"
    assert seen == [(1, 1)]


def test_cancel_stops_between_files(tmp_path: Path, library: Library) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Title {i}\n\nBody {i}.")
    done: list[int] = []
    results = import_paths(
        library,
        [tmp_path],
        progress=lambda d, t, p: done.append(d),
        cancelled=lambda: len(done) >= 2,
    )
    assert len(results) == 2
    assert library.count() == 2
