"""References out (issue 18): CSL-JSON, RIS and BibTeX, read back by the real consumers
(citeproc-py, rispy, bibtexparser), with bylines split into names and private notes kept out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.notes import set_private
from reader.services.citations import (
    Name,
    collect,
    export_citations,
    render,
    split_byline,
    tex_escape,
)

TITLE = "Kyiv & Washington sign 50% {minerals} deal_#1 — “at last” ~ $5bn^2 \\o/"
TEXT = "The United States and Ukraine signed a minerals deal on Wednesday.\n\nIt runs ten years."
URL = "https://news.example.org/2025/03/deal?id=7&lang=en#top"


@pytest.fixture
def lib() -> Library:
    library = Library.memory()
    yield library
    library.close()


def _add(lib: Library, **given: object) -> int:
    fields: dict[str, object] = {
        "title": TITLE,
        "text": TEXT,
        "byline": "Jane Doe and John Smith",
        "source": "The Kyiv Independent",
        "url": URL,
        "published": "2025-03-05",
        "language": "en",
    }
    fields.update(given)
    tags = fields.pop("tags", ["minerals", "ukraine"])
    return lib.add_article(Draft(**fields), tags=tags)  # type: ignore[arg-type]


def _with_notes(lib: Library) -> int:
    aid = _add(lib)
    lib.add_note(aid, "Check the figure against the treaty.", quote="minerals deal")
    secret = lib.add_note(aid, "my source told me otherwise")
    set_private(lib, secret, True)
    return aid


# -- bylines ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("byline", "language", "expected"),
    [
        ("Jane Doe and John Smith", "en", [("Doe", "Jane"), ("Smith", "John")]),
        ("Jane Doe, John Smith", "en", [("Doe", "Jane"), ("Smith", "John")]),
        ("Doe, Jane", "en", [("Doe", "Jane")]),
        ("Jean Dupont et Marie Curie", "fr", [("Dupont", "Jean"), ("Curie", "Marie")]),
        ("Иван Петров и Анна Смирнова", "ru", [("Петров", "Иван"), ("Смирнова", "Анна")]),
        ("Ursula von der Leyen", "en", [("von der Leyen", "Ursula")]),
    ],
)
def test_person_bylines_split_into_names(byline, language, expected) -> None:
    names = split_byline(byline, language)
    assert [(n.family, n.given) for n in names] == expected
    assert all(n.literal is None for n in names)


@pytest.mark.parametrize(
    "byline",
    ["Reuters", "AFP", "Associated Press", "Guardian staff", "BBC News", "Procter & Gamble"],
)
def test_organisation_bylines_stay_literal(byline) -> None:
    assert split_byline(byline, "en") == [Name(literal=byline)]


def test_the_outlet_as_byline_stays_literal_and_empty_gives_none() -> None:
    assert split_byline("Kyiv Post", "en", outlet="kyiv post") == [Name(literal="Kyiv Post")]
    assert split_byline(None) == []
    assert split_byline("  ") == []


# -- choosing and collecting ------------------------------------------------------------------
def test_collect_gathers_the_fields_and_leaves_private_notes_out(lib) -> None:
    aid = _with_notes(lib)
    refs = collect(lib)
    assert refs.private_left_out == 1
    (ref,) = refs.items
    assert ref.article_id == aid
    assert ref.title == TITLE
    assert ref.container == "The Kyiv Independent"
    assert ref.issued == (2025, 3, 5)
    assert len(ref.accessed) == 3
    assert ref.keywords == ("minerals", "ukraine")
    assert ref.notes == ("“minerals deal”: Check the figure against the treaty.",)
    with_private = collect(lib, include_private=True)
    assert with_private.private_left_out == 0
    assert "my source told me otherwise" in with_private.items[0].notes


def test_tags_and_ids_choose_the_articles(lib) -> None:
    first = _add(lib, tags=["minerals"])
    second = _add(lib, text="Another text entirely.", url=None, tags=["drc"])
    third = _add(lib, text="A third one.", url=None, tags=[])
    lib.trash_articles([third])
    assert [r.article_id for r in collect(lib).items] == [first, second]
    assert [r.article_id for r in collect(lib, tags=["drc"]).items] == [second]
    assert [r.article_id for r in collect(lib, tags=["drc", "minerals"]).items] == [first, second]
    assert [r.article_id for r in collect(lib, ids=[second]).items] == [second]
    assert collect(lib, ids=[first], tags=["drc"]).items == ()
    with pytest.raises(NotFoundError, match="no article with id 999"):
        collect(lib, ids=[999])
    with pytest.raises(InvalidInputError, match="in the trash"):
        collect(lib, ids=[third])


def test_keys_are_unique_and_safe(lib) -> None:
    _add(lib)
    _add(lib, text="Same author, other text.", url=None)
    _add(lib, text="No byline.", url=None, byline=None, source="Énergie & Mines", published=None)
    keys = [r.key for r in collect(lib).items]
    assert len(set(keys)) == 3
    assert keys[0].startswith("doe2025-")
    assert keys[2].startswith("energie")
    assert "nd-" in keys[2]
    assert all(k.replace("-", "").isalnum() and k.isascii() for k in keys)


# -- the consumers --------------------------------------------------------------------------------
def test_csljson_renders_in_a_standard_style_with_citeproc(lib) -> None:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    _with_notes(lib)
    _add(lib, text="By an agency.", url=None, byline="Reuters", title="Agency copy")
    items = json.loads(render(collect(lib).items, "csljson"))
    first = items[0]
    assert first["type"] == "article-newspaper"
    assert first["author"] == [
        {"family": "Doe", "given": "Jane"},
        {"family": "Smith", "given": "John"},
    ]
    assert first["issued"] == {"date-parts": [[2025, 3, 5]]}
    assert first["keyword"] == "minerals, ukraine"
    assert "private" not in json.dumps(items)
    assert items[1]["author"] == [{"literal": "Reuters"}]
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = "\n".join(str(entry) for entry in bibliography.bibliography())
    assert "Doe, J. and Smith, J. (2025)" in rendered
    assert "Kyiv & Washington sign 50% {minerals} deal_#1" in rendered
    assert "The Kyiv Independent" in rendered
    assert "5 March" in rendered
    assert URL in rendered
    assert "Reuters (2025)" in rendered


def test_ris_reads_back_with_rispy(lib) -> None:
    import rispy

    _with_notes(lib)
    text = render(collect(lib).items, "ris")
    assert text.startswith("TY  - NEWS\r\n")
    (entry,) = rispy.loads(text)
    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == TITLE
    assert entry["authors"] == ["Doe, Jane", "Smith, John"]
    assert entry["secondary_title"] == "The Kyiv Independent"
    assert entry["year"] == "2025"
    assert entry["date"] == "2025/03/05/"
    assert entry["urls"] == [URL]
    assert entry["access_date"].count("/") == 3
    assert entry["language"] == "en"
    assert entry["keywords"] == ["minerals", "ukraine"]
    assert entry["notes"] == ["“minerals deal”: Check the figure against the treaty."]


def test_ris_values_stay_on_one_line(lib) -> None:
    import rispy

    _add(lib, title="Line one\nER  - fake end\r\nTY  - JOUR")
    lib.add_note(1, "first line\n\nsecond line")
    text = render(collect(lib).items, "ris")
    (entry,) = rispy.loads(text)
    assert entry["title"] == "Line one ER - fake end TY - JOUR"
    assert entry["notes"] == ["first line second line"]


def test_bibtex_reads_back_with_bibtexparser(lib) -> None:
    import bibtexparser
    from bibtexparser.middlewares import (
        LatexDecodingMiddleware,
        SeparateCoAuthors,
        SplitNameParts,
    )

    _with_notes(lib)
    _add(lib, text="No outlet.", url=None, source=None, byline="Reuters", title="Wire")
    text = render(collect(lib).items, "bibtex")
    raw = bibtexparser.parse_string(text)
    assert raw.failed_blocks == []
    first, second = raw.entries
    assert first.entry_type == "article"
    assert second.entry_type == "online"
    assert first.fields_dict["url"].value == URL
    assert first.fields_dict["date"].value == "2025-03-05"
    assert first.fields_dict["journaltitle"].value == "The Kyiv Independent"
    assert first.fields_dict["keywords"].value == "minerals, ukraine"
    assert first.fields_dict["language"].value == "en"
    assert len(first.fields_dict["urldate"].value) == 10
    assert "private" not in text
    assert "told me" not in text
    decoded = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()]
    )
    entry = decoded.entries[0]
    # pylatexenc reads \textasciicircum as the modifier letter; LaTeX prints "^"
    assert entry.fields_dict["title"].value.replace("\u02c6", "^") == TITLE
    authors = entry.fields_dict["author"].value
    assert [(a.last, a.first) for a in authors] == [(["Doe"], ["Jane"]), (["Smith"], ["John"])]
    assert "Check the figure" in entry.fields_dict["annote"].value
    wire = decoded.entries[1].fields_dict["author"].value
    assert len(wire) == 1


def test_tex_escape_balances_braces() -> None:
    escaped = tex_escape("a } b { c \\ d\n\n\ne")
    assert escaped == "a \\} b \\{ c \\textbackslash{} d\ne"
    depth = 0
    for i, ch in enumerate(escaped):
        if ch in "{}" and (i == 0 or escaped[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0


# -- the file --------------------------------------------------------------------------------------
def test_export_writes_the_file_atomically_and_refuses_bad_input(lib, tmp_path: Path) -> None:
    _with_notes(lib)
    dest = tmp_path / "refs.bib"
    result = export_citations(lib, dest, "bibtex")
    assert (result.articles, result.private_left_out, result.format) == (1, 1, "bibtex")
    assert dest.read_text(encoding="utf-8").startswith("@article{doe2025-")
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]  # no temporary file left
    before = dest.read_bytes()
    with pytest.raises(InvalidInputError, match="unknown citation format 'endnote'"):
        export_citations(lib, dest, "endnote")
    with pytest.raises(InvalidInputError, match="no articles to export"):
        export_citations(lib, dest, "ris", tags=["no-such-tag"])
    assert dest.read_bytes() == before
