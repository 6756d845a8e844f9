"""Export with no lock-in: the JSON library dump and its import, and the Markdown notes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.library import Library, Original, sources
from reader.library.draft import Draft
from reader.library.export_json import (
    FORMAT,
    ExportCancelled,
    data_tables,
    export_library,
    import_library,
)
from reader.library.export_markdown import UNRESOLVED_LINE, export_notes, slugify
from reader.library.schema import SCHEMA_VERSION
from reader.services.importing import import_paths

DEAL_TEXT = (
    "The United States and Ukraine signed a minerals deal on Wednesday.\n\n"
    "The fund covers 57 minerals, including lithium and graphite.\n"
    "It runs for ten years.\n\n"
    "Critics said the fund covers too little."
)
ODD_TITLE = 'Kyiv: "Peace" / war — Zürich talks? ‘maybe’'
ORIGINAL_BYTES = b"<html>\x00\xff\xfe binary \x01 bytes</html>"
REAL_TABLES = {
    "articles",
    "originals",
    "tags",
    "article_tags",
    "notes",
    "note_revisions",
    "entities",
    "mentions",
    "entity_corrections",
    "codebooks",
    "codings",
    "coding_runs",
    "feeds",
    "feed_entries_seen",
    "url_queue",
    "library_meta",
    "packs_seen",
}


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def _all_empty(lib: Library) -> bool:
    return all(
        lib.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0
        for t in data_tables(lib.db)
    )


@pytest.fixture
def filled(tmp_path: Path):
    """A library with articles, originals, tags, entities, notes, revisions, trash, a correction."""
    lib = Library.open(tmp_path / "a.sqlite")
    ids: dict[str, int] = {}
    ids["deal"] = lib.add_article(
        Draft(
            title="US and Ukraine sign deal",
            text=DEAL_TEXT,
            source="Reuters",
            url="https://example.org/2025/4/30/deal",
            published="2025-04-30",
            format="html",
        ),
        Original("deal.html", ORIGINAL_BYTES),
        tags=["minerals", "Ukraine"],
    )
    ids["odd"] = lib.add_article(
        Draft(title=ODD_TITLE, text="Talks in Zürich went on. Nobody agreed on anything."),
        Original("odd.txt", "Talks in Zürich went on.".encode()),
        tags=["talks"],
    )
    ids["clash"] = lib.add_article(
        Draft(title="US and Ukraine sign deal!", text="A second report of the same signing.")
    )
    ids["quiet"] = lib.add_article(Draft(title="An article nobody annotated", text="Quiet text."))
    src = tmp_path / "in"
    src.mkdir()
    (src / "meeting.txt").write_text(
        "Leaders meet in Washington\n\n"
        "Volodymyr Zelensky met Donald Trump in Washington. "
        "The United Nations welcomed the deal on lithium.\n",
        encoding="utf-8",
    )
    results = import_paths(lib, [src])
    assert [r.status for r in results] == ["added"]
    ids["meeting"] = results[0].id
    lib.set_reading_position(ids["deal"], 0.37)

    deal = ids["deal"]
    later = lib.add_note(deal, "Too **little**, critics say.", quote="the fund covers too little")
    ids["highlight"] = lib.add_note(deal, "", quote="57 minerals", colour="yellow")
    ids["first"] = lib.add_note(deal, "Opening line.", quote="The United States and Ukraine")
    ids["multi"] = lib.add_note(
        deal, "Spans paragraphs.", quote="graphite.\nIt runs for ten years.\n\nCritics"
    )
    ids["later"] = later
    lib.save_note(later, "Too **little**, critics say. Revised zanzibar.")
    ids["article_note"] = lib.add_note(deal, "Whole-article thought about quokkas.")
    ids["lost"] = lib.add_note(ids["odd"], "Lost passage.", quote="Nobody agreed")
    lib.db.execute("UPDATE notes SET anchor_status = 'unresolved' WHERE id = ?", [ids["lost"]])
    ids["free"] = lib.add_note(None, "# Reading list\n\n- cobalt supply\n- pangolin report")
    ids["free2"] = lib.add_note(None, "Reading list")
    ids["trashed"] = lib.add_note(ids["clash"], "Trashed wombat musing.")
    lib.trash_note(ids["trashed"])
    ids["clash_note"] = lib.add_note(ids["clash"], "", quote="second report")
    lib.add_correction("hide", "X")
    lib.db.execute(
        "INSERT INTO codebooks(id, data, updated) VALUES ('mine', '{}', '2025-01-01T00:00:00')"
    )
    lib.db.execute(
        'INSERT INTO codings(article_id, codebook, dimension, start, "end", text, method, '
        "status, created, updated) VALUES (?, 'mine', 'voices', 0, 3, 'abc', 'manual', "
        "'accepted', '2025-01-01T00:00:00', '2025-01-01T00:00:00')",
        [ids["clash"]],
    )
    lib.db.execute(
        "INSERT INTO coding_runs(article_id, codebook, rules_hash, ran) "
        "VALUES (?, 'mine', 'h', '2025-01-01T00:00:00')",
        [ids["clash"]],
    )
    feed, _ = sources.add_feed(lib, "https://example.org/feed.xml", ["minerals"])
    sources.record_fetch(lib, feed.id, title="Example feed", etag='"e1"')
    sources.mark_seen(lib, feed.id, "urn:entry:1", ids["deal"])
    sources.queue_url(lib, "https://example.org/later", ["Ukraine"], error="timed out")
    # a coder, and a field pack merged from another library (migration 11's two tables)
    from reader.library import coders, packs_merge

    coders.set_coder(lib, "Amani")
    empty_pack = {
        "articles": [],
        "notes": [],
        "codings": [],
        "corrections": [],
        "codebooks": [],
        "trashed": {"articles": [], "notes": []},
    }
    record = packs_merge.PackRecord("0" * 64, "f" * 32, "Bohdan", "2025-01-01T00:00:00+00:00")
    packs_merge.merge(lib, empty_pack, {}, record=record)
    yield lib, ids
    lib.close()


def _export(lib: Library, path: Path) -> dict[str, Any]:
    export_library(lib, path)
    return json.loads(path.read_text(encoding="utf-8"))


# -- JSON library dump ---------------------------------------------------------------------
def test_export_writes_every_real_table(filled, tmp_path: Path) -> None:
    lib, ids = filled
    dest = tmp_path / "out.json"
    calls: list[tuple[int, int, str]] = []
    counts = export_library(lib, dest, progress=lambda d, t, n: calls.append((d, t, n)))
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert list(data) == [
        "format",
        "format_version",
        "schema_version",
        "exported",
        "app_version",
        "includes_private",
        "private_left_out",
        "tables",
    ]
    assert data["format"] == FORMAT
    assert data["format_version"] == 1
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data["tables"]) == REAL_TABLES
    assert counts == {t: len(rows) for t, rows in data["tables"].items()}
    assert all(counts[t] > 0 for t in REAL_TABLES)
    order = list(data["tables"])
    assert order.index("articles") < order.index("notes") < order.index("note_revisions")
    assert order.index("entities") < order.index("mentions")
    assert order.index("tags") < order.index("article_tags")
    original = next(r for r in data["tables"]["originals"] if r["article_id"] == ids["deal"])
    assert "data" not in original
    assert "data_base64" in original
    assert calls
    assert calls[-1][0] == calls[-1][1] == sum(counts.values())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_round_trip_is_identical(filled, tmp_path: Path) -> None:
    a, ids = filled
    first = _export(a, tmp_path / "a.json")
    b = Library.open(tmp_path / "b.sqlite")
    try:
        counts = import_library(b, tmp_path / "a.json")
        assert counts == {t: len(rows) for t, rows in first["tables"].items()}
        second = _export(b, tmp_path / "b.json")
        assert second["tables"] == first["tables"]
        assert {k: v for k, v in second.items() if k != "exported"} == {
            k: v for k, v in first.items() if k != "exported"
        }

        # same ids, same bytes, same records
        assert b.all_article_ids() == a.all_article_ids()
        assert b.original(ids["deal"]) == Original("deal.html", ORIGINAL_BYTES)
        assert b.get(ids["deal"]) == a.get(ids["deal"])
        assert b.get(ids["deal"]).reading_position == 0.37
        assert b.note(ids["later"]) == a.note(ids["later"])
        assert len(b.note_revisions(ids["later"])) == 2
        assert b.note(ids["trashed"]).deleted is not None
        assert b.entities() == a.entities()
        assert b.correction_rows() == [("hide", "X", "")]

        # the full-text indexes were rebuilt: articles and notes are found
        assert [(h.kind, h.id) for h in b.search("graphite", kinds=("article",))] == [
            ("article", ids["deal"])
        ]
        assert [(h.kind, h.id) for h in b.search("zanzibar")] == [("note", ids["later"])]
        assert [(h.kind, h.id) for h in b.search("pangolin")] == [("note", ids["free"])]
        assert b.search("wombat") == []  # trashed notes stay out of search
        assert b.search_ids("Zelensky") == [ids["meeting"]]

        # the imported library keeps working: new rows get fresh ids
        new_id = b.add_article(Draft(title="After import", text="Fresh text."))
        assert new_id > max(a.all_article_ids())
    finally:
        b.close()


def test_import_into_memory_library(filled, tmp_path: Path) -> None:
    a, _ = filled
    export_library(a, tmp_path / "a.json")
    b = Library.memory()
    import_library(b, tmp_path / "a.json")
    assert b.count() == a.count()


def test_export_includes_tables_a_later_migration_adds(filled, tmp_path: Path) -> None:
    a, ids = filled
    ddl = (
        "CREATE TABLE later_things (id INTEGER PRIMARY KEY, "
        "article_id INTEGER NOT NULL REFERENCES articles(id), code TEXT, payload BLOB)"
    )
    a.db.execute(ddl)
    a.db.execute(
        "INSERT INTO later_things(article_id, code, payload) VALUES (?, 'frame', ?)",
        [ids["deal"], b"\x00\x01"],
    )
    a.db.conn.commit()
    data = _export(a, tmp_path / "a.json")
    order = list(data["tables"])
    assert order.index("articles") < order.index("later_things")
    assert data["tables"]["later_things"][0]["payload_base64"] == "AAE="

    plain = Library.open(tmp_path / "plain.sqlite")
    with pytest.raises(ValueError, match="later_things"):
        import_library(plain, tmp_path / "a.json")
    assert _all_empty(plain)
    plain.close()

    b = Library.open(tmp_path / "b.sqlite")
    b.db.execute(ddl)
    import_library(b, tmp_path / "a.json")
    assert _export(b, tmp_path / "b.json")["tables"] == data["tables"]
    b.close()


def test_import_refuses_a_library_that_is_not_empty(filled, tmp_path: Path) -> None:
    a, _ = filled
    export_library(a, tmp_path / "a.json")
    b = Library.open(tmp_path / "b.sqlite")
    only = b.add_article(Draft(title="Already here", text="Some text."))
    before = _export(b, tmp_path / "before.json")["tables"]
    with pytest.raises(ValueError, match="the library is not empty"):
        import_library(b, tmp_path / "a.json")
    assert b.all_article_ids() == [only]
    assert _export(b, tmp_path / "after.json")["tables"] == before
    b.close()

    c = Library.open(tmp_path / "c.sqlite")
    c.add_correction("hide", "Y")  # any row counts, not only articles
    with pytest.raises(ValueError, match="not empty"):
        import_library(c, tmp_path / "a.json")
    c.close()


def _dump(filled, tmp_path: Path) -> dict[str, Any]:
    a, _ = filled
    return _export(a, tmp_path / "a.json")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: '{"format": "fieldreader-library", "tables": {', "not valid JSON"),
        (lambda d: "", "not valid JSON"),
        (lambda d: [1, 2], "not a Fieldreader library export"),
        (lambda d: {**d, "format": "something-else"}, "not a Fieldreader library export"),
        (lambda d: {k: v for k, v in d.items() if k != "format"}, "not a Fieldreader"),
        (lambda d: {**d, "schema_version": SCHEMA_VERSION + 1}, "newer Fieldreader"),
        (lambda d: {**d, "schema_version": "3"}, "schema_version"),
        (lambda d: {**d, "format_version": 2}, "newer than this Fieldreader"),
        (lambda d: {**d, "tables": []}, "'tables'"),
        (lambda d: {**d, "tables": {"articles": [1]}}, "'tables'"),
        (lambda d: {**d, "tables": {"articles_fts": []}}, "does not know"),
        (lambda d: {**d, "tables": {**d["tables"], "articles": []}}, "do not fit"),
        (
            lambda d: {
                **d,
                "tables": {**d["tables"], "notes": [{**d["tables"]["notes"][0], "mood": 1}]},
            },
            "no column 'mood'",
        ),
        (
            lambda d: {
                **d,
                "tables": {
                    **d["tables"],
                    "originals": [{**d["tables"]["originals"][0], "data_base64": "%%%"}],
                },
            },
            "base64",
        ),
        (
            lambda d: {
                **d,
                "tables": {**d["tables"], "tags": [*d["tables"]["tags"], d["tables"]["tags"][0]]},
            },
            "do not fit",
        ),
    ],
)
def test_import_refuses_bad_files_and_changes_nothing(
    filled, tmp_path: Path, change, message: str
) -> None:
    bad = change(_dump(filled, tmp_path))
    path = tmp_path / "bad.json"
    path.write_text(bad if isinstance(bad, str) else json.dumps(bad), encoding="utf-8")
    b = Library.open(tmp_path / "b.sqlite")
    with pytest.raises(ValueError, match=re.escape(message)):
        import_library(b, path)
    assert _all_empty(b)
    b.close()


def test_import_refuses_unreadable_files(tmp_path: Path) -> None:
    b = Library.open(tmp_path / "b.sqlite")
    with pytest.raises(ValueError, match="cannot read"):
        import_library(b, tmp_path / "missing.json")
    (tmp_path / "latin.json").write_bytes(b'{"format": "\xff"}')
    with pytest.raises(ValueError, match="UTF-8"):
        import_library(b, tmp_path / "latin.json")
    assert _all_empty(b)
    b.close()


def test_import_of_an_older_schema_dump(filled, tmp_path: Path) -> None:
    data = _dump(filled, tmp_path)
    old_tables = {"articles", "originals", "tags", "article_tags"}
    data["schema_version"] = 1
    data["tables"] = {t: rows for t, rows in data["tables"].items() if t in old_tables}
    (tmp_path / "v1.json").write_text(json.dumps(data), encoding="utf-8")
    b = Library.open(tmp_path / "b.sqlite")
    counts = import_library(b, tmp_path / "v1.json")
    assert counts["articles"] == 5
    assert counts["notes"] == 0
    assert b.search_ids("graphite") != []
    b.close()


def test_cancelled_export_leaves_no_file(filled, tmp_path: Path, monkeypatch) -> None:
    a, _ = filled
    from reader.library import export_json

    monkeypatch.setattr(export_json, "PROGRESS_EVERY", 1)
    dest = tmp_path / "out.json"
    dest.write_text("previous export", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_library(a, dest, cancelled=lambda: True)
    assert dest.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []
    monkeypatch.setattr(export_json, "PROGRESS_EVERY", 10**6)  # checked after each table too
    with pytest.raises(ExportCancelled):
        export_library(a, dest, cancelled=lambda: True)
    assert dest.read_text(encoding="utf-8") == "previous export"


# -- Markdown notes ------------------------------------------------------------------------
def test_markdown_article_file(filled, tmp_path: Path) -> None:
    lib, ids = filled
    paths = export_notes(lib, tmp_path / "vault")
    deal = tmp_path / "vault" / "us-and-ukraine-sign-deal.md"
    assert deal in paths
    text = deal.read_text(encoding="utf-8")
    meta, body = _front_matter(text)
    article = lib.get(ids["deal"])
    assert meta == {
        "title": "US and Ukraine sign deal",
        "author": None,
        "container": "Reuters",
        "date": "2025-04-30",
        "url": "https://example.org/2025/4/30/deal",
        "accessed": article.imported[:10],
        "language": article.language,
        "tags": ["minerals", "Ukraine"],
        "source": "Reuters",
        "published": "2025-04-30",
        "uid": article.uid,
    }
    assert body.lstrip("\n").startswith("# US and Ukraine sign deal\n")

    # quotes in text order (not in the order they were added), each followed by its note
    quotes = [
        "> The United States and Ukraine",
        "> 57 minerals",
        "> graphite.\n> It runs for ten years.\n>\n> Critics",
        "> the fund covers too little",
    ]
    places = [body.index(q) for q in quotes]
    assert places == sorted(places)
    assert body.index("Opening line.") > places[0]
    assert body.index("Revised zanzibar.") > places[3]
    assert "*yellow highlight · created " in body
    assert re.search(r"\*note · created \d{4}-\d\d-\d\d \d\d:\d\d UTC", body)

    # notes on the whole article come after the passages
    assert body.index("## Notes") > places[-1]
    assert body.index("Whole-article thought about quokkas.") > body.index("## Notes")
    assert "wombat" not in text
    assert "<" not in body
    assert UNRESOLVED_LINE not in body


def test_markdown_marks_unresolved_passages_and_safe_names(filled, tmp_path: Path) -> None:
    lib, _ = filled
    paths = export_notes(lib, tmp_path / "vault")
    names = [p.name for p in paths]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[^\W_](?:[^\W_]|-)*\.md", n) for n in names)
    assert "us-and-ukraine-sign-deal-2.md" in names  # same slug, second article
    odd = tmp_path / "vault" / "kyiv-peace-war-zürich-talks-maybe.md"
    assert odd in paths
    meta, body = _front_matter(odd.read_text(encoding="utf-8"))
    assert meta["title"] == ODD_TITLE
    assert meta["published"] is None
    assert meta["tags"] == ["talks"]
    assert f"> Nobody agreed\n\n{UNRESOLVED_LINE}" in body
    assert "an-article-nobody-annotated.md" not in names


def test_markdown_free_standing_notes(filled, tmp_path: Path) -> None:
    lib, ids = filled
    paths = export_notes(lib, tmp_path / "vault")
    free = tmp_path / "vault" / "reading-list.md"
    assert free in paths
    assert tmp_path / "vault" / "reading-list-2.md" in paths
    meta, body = _front_matter(free.read_text(encoding="utf-8"))
    note = lib.note(ids["free"])
    assert meta == {"uid": note.uid, "created": note.created, "updated": note.updated}
    assert "# Reading list\n\n- cobalt supply\n- pangolin report" in body


def test_markdown_export_is_repeatable(filled, tmp_path: Path) -> None:
    lib, _ = filled
    first = export_notes(lib, tmp_path / "vault")
    second = export_notes(lib, tmp_path / "vault")
    assert first == second
    assert sorted((tmp_path / "vault").iterdir()) == sorted(first)  # no temp files left


def test_markdown_export_of_an_empty_library(tmp_path: Path) -> None:
    lib = Library.memory()
    assert export_notes(lib, tmp_path / "vault") == []
    assert (tmp_path / "vault").is_dir()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("US and Ukraine sign deal", "us-and-ukraine-sign-deal"),
        ('a/b:c "d" \\ e', "a-b-c-d-e"),
        ("Ça coûte 5 € à Zürich", "ça-coûte-5-à-zürich"),
        ("Крым", "крым"),
        ("", "note"),
        ("CON", "con-note"),
        ("word " * 40, ("word-" * 16).rstrip("-")),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
