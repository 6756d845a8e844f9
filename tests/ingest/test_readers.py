"""The one list of what Fieldreader imports: suffixes, the reader for each, the file dialog."""

from __future__ import annotations

import re
from pathlib import Path

from reader.ingest.markdown_file import parse_markdown
from reader.ingest.plaintext import parse_text
from reader.ingest.readers import (
    FEED_SUFFIXES,
    KNOWN_SUFFIXES,
    PDF_SUFFIXES,
    file_dialog_filter,
    iter_inputs,
    parser_for,
    read_inputs,
)


def test_the_file_dialog_offers_every_supported_type_once() -> None:
    text = file_dialog_filter()
    articles, everything = text.split(";;")
    assert everything == "All files (*)"
    found = re.fullmatch(r"Articles \(([^)]*)\)", articles)
    assert found is not None
    patterns = found.group(1).split(" ")
    assert len(patterns) == len(set(patterns))
    assert {p.removeprefix("*") for p in patterns} == set(KNOWN_SUFFIXES)
    assert {"*.pdf", "*.rss", "*.atom", "*.md", "*.html", "*.txt"} <= set(patterns)
    assert PDF_SUFFIXES | FEED_SUFFIXES <= KNOWN_SUFFIXES


def test_readers_by_suffix_and_a_walk_picks_the_known_ones(tmp_path: Path) -> None:
    assert parser_for(Path("a.MD")) is parse_markdown
    assert parser_for(Path("notes.unknown")) is parse_text
    for name in ("a.md", "b.txt", "c.html", "d.rss", "e.csv", ".hidden.txt"):
        (tmp_path / name).write_text("Title\n\nSome words about Goma.\n")
    (tmp_path / "f.xml").write_text("<config><value>1</value></config>")
    walked = sorted(p.name for p in iter_inputs([tmp_path]))
    assert walked == ["a.md", "b.txt", "c.html", "d.rss"]
    [bad] = read_inputs(tmp_path / "d.rss")  # not a feed inside: a reason, never a raise
    assert bad.draft is None
    assert bad.error
    [good] = read_inputs(tmp_path / "b.txt")
    assert good.error is None
    assert good.draft is not None
    assert good.draft.title == "Title"
