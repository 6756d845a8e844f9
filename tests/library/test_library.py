"""The library file: schema, articles, tags, duplicates, sorting and search."""

from __future__ import annotations

import sqlite3

import pytest

from reader.library import Library, Original
from reader.library.draft import Block, Draft
from reader.library.records import MATCH_END, MATCH_START
from reader.library.schema import SCHEMA_VERSION, SchemaTooNewError, migrate, user_version


def _draft(title: str, text: str, **kw) -> Draft:
    return Draft(title=title, text=text, **kw)


def test_new_file_is_wal_with_foreign_keys_and_current_schema(library: Library) -> None:
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert user_version(library.db) == SCHEMA_VERSION


def test_article_round_trip_keeps_every_field_and_the_original(library: Library) -> None:
    draft = _draft(
        "Cobalt talks",
        "First paragraph.\n\nSecond one.",
        byline="A. Writer",
        source="Example News",
        url="https://example.org/a",
        published="2025-03-17",
        language="en",
        blocks=[Block("p", 0, 16), Block("p", 18, 29)],
        format="txt",
    )
    aid = library.add_article(draft, Original("a.txt", b"raw bytes"), tags=["drc", "cobalt"])
    got = library.get(aid)
    assert got is not None
    assert (got.title, got.byline, got.source, got.url, got.published, got.language) == (
        "Cobalt talks",
        "A. Writer",
        "Example News",
        "https://example.org/a",
        "2025-03-17",
        "en",
    )
    assert got.tags == ("cobalt", "drc")
    assert [got.text[b.start : b.end] for b in got.blocks] == ["First paragraph.", "Second one."]
    assert len(got.uid) == 32
    assert got.imported.endswith("+00:00")
    original = library.original(aid)
    assert original is not None
    assert original.data == b"raw bytes"
    assert got.sha256 == original.sha256


def test_duplicates_by_normalised_text_or_url(library: Library) -> None:
    first, added = library.add_unless_duplicate(_draft("A", "Some  Text here.", url="https://x/1"))
    assert added
    same_text, added = library.add_unless_duplicate(_draft("B", "some text\nhere."))
    assert (same_text, added) == (first, False)
    same_url, added = library.add_unless_duplicate(_draft("C", "Other.", url="https://x/1"))
    assert (same_url, added) == (first, False)
    assert library.count() == 1


def test_sorting_and_tag_filter(library: Library) -> None:
    a = library.add_article(_draft("beta", "one", source="Zed", published="2025-01-02"), tags=["x"])
    b = library.add_article(_draft("Alpha", "two", source="able", published="2025-03-01"))
    c = library.add_article(_draft("gamma", "three", published=None), tags=["x"])
    assert library.article_ids(sort="title", descending=False) == [b, a, c]
    assert library.article_ids(sort="source", descending=False) == [c, b, a]
    # an undated article sorts last (never by its import date)
    assert library.article_ids(sort="published") == [b, a, c]
    assert library.article_ids(tag="X") == [a, c]
    assert library.count(tag="x") == 2
    assert dict(library.tag_counts()) == {"x": 2}
    assert library.most_recent_id() == b
    with pytest.raises(ValueError, match="unknown sort key"):
        library.article_ids(sort="colour")


def test_delete_cascades_and_leaves_search_consistent(library: Library) -> None:
    aid = library.add_article(_draft("Coltan", "coltan text"), Original("f", b"x"), tags=["t"])
    library.delete_article(aid)
    assert library.search("coltan") == []
    assert library.db.execute("SELECT count(*) FROM originals").fetchone()[0] == 0
    assert library.db.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 0


def test_search_ranks_title_matches_first_and_marks_snippets(library: Library) -> None:
    body = library.add_article(_draft("Minerals", "The mine produces lithium and coltan."))
    title = library.add_article(_draft("Coltan prices", "Prices rose this week."))
    hits = library.search("coltan")
    assert [h.id for h in hits] == [title, body]
    assert f"{MATCH_START}coltan{MATCH_END}" in hits[1].snippet
    assert hits[0].kind == "article"


def test_search_stems_folds_accents_and_prefixes(library: Library) -> None:
    aid = library.add_article(_draft("Kinshasa", "Négociations minières: the talks were mining."))
    assert [h.id for h in library.search("negociations")] == [aid]
    assert [h.id for h in library.search("mine")] == [aid]  # porter: mining -> mine
    assert [h.id for h in library.search("minie*")] == [aid]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "OR OR",
        "NOT",
        "*",
        "title:",
        "nosuchcol:word",
        "a NEAR(",
        "(((",
        "'; DROP TABLE articles; --",
        "US-DRC",
        "-",
        "^",
        '""',
        "NEAR/3",
        "\x00",
    ],
)
def test_search_never_fails_on_odd_queries(library: Library, query: str) -> None:
    library.add_article(_draft("US-DRC talks", "The US and DRC talk about drop tables."))
    hits = library.search(query)
    assert isinstance(hits, list)
    assert library.count() == 1


def test_search_falls_back_to_plain_terms(library: Library) -> None:
    aid = library.add_article(_draft("Goma", "Fighting in Goma displaced families."))
    assert [h.id for h in library.search('goma "displaced')] == [aid]
    assert library.search("   ") == []


def test_search_with_tag_filter(library: Library) -> None:
    a = library.add_article(_draft("One", "cobalt here"), tags=["drc"])
    library.add_article(_draft("Two", "cobalt there"), tags=["ukraine"])
    assert [h.id for h in library.search("cobalt", tag="drc")] == [a]


def test_reading_position_is_clamped(library: Library) -> None:
    aid = library.add_article(_draft("A", "text"))
    library.set_reading_position(aid, 1.7)
    assert library.get(aid).reading_position == 1.0


def test_failed_write_rolls_back_the_whole_article(library: Library, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise sqlite3.IntegrityError("simulated failure while tagging")

    monkeypatch.setattr(library, "_add_tags", broken)
    with pytest.raises(sqlite3.IntegrityError):
        library.add_article(_draft("A", "text"), Original("a", b"a"), tags=["x"])
    assert library.count() == 0
    assert library.db.execute("SELECT count(*) FROM originals").fetchone()[0] == 0
    assert library.search("text") == []


def _file_at_version(path, version: int) -> None:
    """A library file written by the Fieldreader whose schema was ``version``."""
    from sqlite_utils import Database

    from reader.library import schema

    db = Database(path)
    schema.migrate(db, path, schema.MIGRATIONS[:version])
    db.execute(
        "INSERT INTO articles (uid, title, imported, format, text, text_hash, sha256) "
        "VALUES ('u1', 'Kept', '2025-01-01T00:00:00+00:00', 'txt', 'kept text', 'h', 's')"
    )
    db.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_migration_upgrades_previous_versions_and_backs_them_up(tmp_path, version) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_version(path, version)
    lib = Library.open(path)
    assert user_version(lib.db) == SCHEMA_VERSION
    [hit] = lib.search("kept")
    assert lib.get(hit.id).title == "Kept"
    backups = list(tmp_path.glob(f"old.v{version}-*.backup.sqlite"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == version
    assert check.execute("SELECT title FROM articles").fetchall() == [("Kept",)]
    check.close()
    lib.close()


def test_a_failing_migration_changes_nothing(tmp_path) -> None:
    from reader.library import schema

    path = tmp_path / "lib.sqlite"
    Library.open(path).close()

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("simulated failure")

    lib = Library.open(path)
    with pytest.raises(RuntimeError):
        migrate(lib.db, path, [*schema.MIGRATIONS, broken])
    assert user_version(lib.db) == SCHEMA_VERSION
    assert "half_done" not in lib.db.table_names()
    lib.close()


def test_newer_schema_is_refused(tmp_path) -> None:
    path = tmp_path / "new.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="newer Fieldreader"):
        Library.open(path)
