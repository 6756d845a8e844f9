"""Hostile input: every importer and the search box get a clean result or one clear error.

Property-based tests (hypothesis) throw random bytes, random Unicode, malformed and deeply
nested HTML, odd Markdown front matter and FTS5 query fragments at the code; a handful of
hand-made monsters (a 10 MB single line, entity-expansion XML, wrong encodings, odd file
names) cover what random generation rarely reaches.
"""

from __future__ import annotations

import string
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest.decode import NotTextError, decode_text
from reader.ingest.html import extract_html
from reader.ingest.markdown_file import parse_markdown
from reader.ingest.plaintext import parse_text
from reader.library import Library
from reader.library.draft import Draft
from reader.services.importing import import_paths

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _clean(fn, *args) -> None:
    """``fn`` returns, or raises ValueError (the importers' one clear error), nothing else."""
    try:
        fn(*args)
    except ValueError as exc:
        said = str(exc).strip()
    else:
        return
    assert said, "an error must say something"


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        text: str | None = decode_text(data)
    except NotTextError as exc:
        text, reason = None, str(exc)
    if text is None:
        assert reason
    else:
        assert isinstance(text, str)
        assert text.strip()


@FUZZ
@given(st.text(max_size=3000))
def test_random_text_as_plain_text_and_markdown(text: str) -> None:
    _clean(parse_text, text)
    _clean(parse_markdown, text)


TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "h1",
        "h2",
        "ul",
        "li",
        "table",
        "td",
        "script",
        "style",
        "article",
        "nav",
        "footer",
        "a",
        "br",
        "img",
        "iframe",
        "svg",
        "pre",
        "blockquote",
        "!--",
        "html",
    ]
)


@st.composite
def html_soup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(TAGS)
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(alphabet=string.printable, max_size=80)))
        else:
            parts.append(f'<{tag} class="{draw(st.text(max_size=10))}" href="http://x/">')
    return "".join(parts)


@FUZZ
@given(html_soup())
def test_malformed_html_extracts_or_refuses(html: str) -> None:
    _clean(extract_html, html)


@FUZZ
@given(st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=5), st.text())
def test_front_matter_of_any_shape(meta: dict[str, str], body: str) -> None:
    lines = "\n".join(f"{k}: {v}" for k, v in meta.items())
    _clean(parse_markdown, f"---\n{lines}\n---\n{body}")


QUERY_BITS = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR/2",
        "title:",
        "text:",
        "-",
        "^",
        ":",
        "{",
        "}",
        "coltan",
        "goma",
        "é",
        "; DROP TABLE articles; --",
        "\\",
        "%",
        "_",
        "+",
        ",",
    ]
)


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library.open(tmp_path_factory.mktemp("fuzz") / "lib.sqlite")
    lib.add_article(Draft(title="Coltan in Goma", text="Coltan from Goma and Rubaya, café."))
    lib.add_note(1, "a note on coltan")
    yield lib
    lib.close()


@FUZZ
@given(st.lists(QUERY_BITS | st.text(max_size=8), max_size=8).map(" ".join))
def test_search_never_fails(searchable: Library, query: str) -> None:
    hits = searchable.search(query)
    assert isinstance(hits, list)
    assert searchable.count() == 1


def test_a_single_ten_megabyte_line(tmp_path: Path, library: Library) -> None:
    big = tmp_path / "line.txt"
    big.write_text("coltan " * (10 * 1024 * 1024 // 7), encoding="utf-8")
    start = time.perf_counter()
    [result] = import_paths(library, [big])
    assert result.status in ("added", "error")
    assert time.perf_counter() - start < 120  # not a hang (generous: CI machines vary)


def test_deeply_nested_html_and_entity_expansion(tmp_path: Path, library: Library) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 20000 + "<p>Deep text about coltan.</p>" + "</div>" * 20000)
    bomb = tmp_path / "bomb.html"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<html><body><p>&lol3;</p></body></html>"
    )
    results = import_paths(library, [deep, bomb])
    assert all(r.status in ("added", "error") for r in results)
    for r in results:
        if r.status == "added":
            assert len(library.text_of(r.id)) < 100_000


@pytest.mark.parametrize(
    "name",
    [
        "with spaces.txt",
        "ünïcödé-Київ.txt",
        "x" * 200 + ".txt",
        "-starts-with-dash.txt",
        "semi;colon'quote\".md",
    ],
)
def test_odd_file_names(tmp_path: Path, library: Library, name: str) -> None:
    path = tmp_path / name
    path.write_text("A title\n\nSome body text.", encoding="utf-8")
    [result] = import_paths(library, [path])
    assert result.status == "added"
    assert result.path == str(path)


def test_wrong_encodings_do_not_crash(tmp_path: Path, library: Library) -> None:
    files = {
        "latin1.txt": "Café in Goma\n\nÀ propos du coltan.".encode("latin-1"),
        "utf16be.txt": "Title\n\nBody".encode("utf-16-be"),
        "mixed.txt": b"Title\n\n" + "é".encode("latin-1") + "ü".encode(),
        "lone-surrogate.md": b"# T\n\n\xed\xa0\x80 text",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    results = import_paths(library, [tmp_path])
    assert len(results) == 4
    assert all(r.status in ("added", "error") for r in results)
    assert all(r.error for r in results if r.status == "error")
