"""Search that understands the language (issue 14): stemmed and accent-folded per article
language, column filters of each index (issue 15), trashed articles never found, the
stemmed index kept in step with any writer, and the index sqlite-utils finds (issue 18)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
import Stemmer

from reader.library import Library
from reader.library.draft import Draft
from reader.library.records import MATCH_END, MATCH_START
from reader.library.search import match_spans
from reader.library.search_schema import pending, sync_index
from reader.library.search_words import algorithm_for, fold, index_text
from reader.resources import resource_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"

FRENCH = (
    "Les négociations sur les minerais stratégiques ont repris à Kinshasa. Selon le "
    "ministre, la sécurité de l'Est et la souveraineté du pays sont au cœur de l'accord."
)
ENGLISH = (
    "The governments resumed mining talks in Goma. Cobalt exports rose while the army "
    "secured the roads; investors watched the negotiations."
)


def _ids(lib: Library, query: str, **kw: object) -> list[int]:
    return [h.id for h in lib.search(query, **kw)]  # type: ignore[arg-type]


@pytest.fixture
def mixed(library: Library) -> dict[str, int]:
    ids = {
        "fr": library.add_article(
            Draft(title="Reprise des négociations", text=FRENCH, language="fr", source="Okapi")
        ),
        "en": library.add_article(Draft(title="Mining talks", text=ENGLISH, source="Reuters")),
        "uk": library.add_article(
            Draft(
                title="Переговори у Києві",
                text="Зеленський сказав, що м'ясо подорожчало. Переговори тривають у Києві.",
                language="uk",
            )
        ),
        "ru": library.add_article(
            Draft(title="Переговоры", text="Переговоров в Москве не было.", language="ru")
        ),
    }
    return ids


@pytest.mark.parametrize(
    "query",
    ["minerai", "negociation", "securite", "souverainete", "coeur", "Minerais", "NÉGOCIATION"],
)
def test_french_words_are_found_inflected_and_accented(
    library: Library, mixed: dict[str, int], query: str
) -> None:
    assert _ids(library, query) == [mixed["fr"]]


def test_the_snippet_is_the_original_text_with_the_matched_words_marked(
    library: Library, mixed: dict[str, int]
) -> None:
    [hit] = library.search("minerai strategique")
    assert f"{MATCH_START}minerais{MATCH_END} {MATCH_START}stratégiques{MATCH_END}" in hit.snippet
    [hit] = library.search('"minerai strategique"')  # a phrase is marked whole
    assert f"{MATCH_START}minerais stratégiques{MATCH_END}" in hit.snippet
    assert "Les négociations" in hit.snippet  # the text as written: accents and capitals
    [hit] = library.search("coeur")
    assert f"{MATCH_START}cœur{MATCH_END}" in hit.snippet


def test_a_french_phrase_keeps_its_meaning(library: Library, mixed: dict[str, int]) -> None:
    assert _ids(library, '"minerai strategique"') == [mixed["fr"]]
    assert _ids(library, '"strategiques minerais"') == []  # the order matters in a phrase
    assert _ids(library, "NEAR(securite souverainete, 8)") == [mixed["fr"]]


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("government", "en"),
        ("governments", "en"),
        ("mine", "en"),
        ("talk", "en"),
        ("secure", "en"),
        ("negotiation", "en"),
        ("cobalts", "en"),
        ("invest*", "en"),
        ('"mining talks"', "en"),
        ("goma -cobalt", None),
    ],
)
def test_english_is_stemmed_as_before(
    library: Library, mixed: dict[str, int], query: str, kind: str | None
) -> None:
    found = _ids(library, query)
    if kind is None:
        assert found == []
    else:  # first; "mine" read as French ("min") also finds "minerais", further down
        assert found[0] == mixed[kind]
        assert found[1:] in ([], [mixed["fr"]])


def test_ukrainian_is_folded_and_russian_stemmed(library: Library, mixed: dict[str, int]) -> None:
    # the Ukrainian word, read as Russian too ("переговор"), also finds the Russian article
    assert set(_ids(library, "переговори")) == {mixed["uk"], mixed["ru"]}
    assert set(_ids(library, "ПЕРЕГОВОРИ")) == {mixed["uk"], mixed["ru"]}
    assert _ids(library, "києві") == [mixed["uk"]]
    assert _ids(library, "м'ясо") == [mixed["uk"]]
    assert _ids(library, "м’ясо") == [mixed["uk"]]  # the typographic apostrophe too
    assert _ids(library, "зеленський") == [mixed["uk"]]
    assert _ids(library, "переговор") == [mixed["ru"]]  # Snowball Russian: both forms
    assert _ids(library, "переговоры") == [mixed["ru"]]


def test_title_and_source_filters_search_their_column(
    library: Library, mixed: dict[str, int]
) -> None:
    assert _ids(library, "title:negociations") == [mixed["fr"]]
    assert _ids(library, "title:minerais") == []  # in the text, not the title
    assert _ids(library, "title:mining") == [mixed["en"]]
    assert _ids(library, "source:okapi") == [mixed["fr"]]
    assert _ids(library, "source:reuters cobalt") == [mixed["en"]]
    assert _ids(library, "okapi") == []  # a plain word looks in the title and the text
    hits = library.search("title:mining")
    assert hits.query == "title:mining"  # not the plain words "title" and "mining"


def test_notes_are_searched_with_their_own_columns(library: Library, mixed: dict[str, int]) -> None:
    note = library.add_note(mixed["en"], "Check the cobalt export figures")
    assert [(h.kind, h.id) for h in library.search("body:figures")] == [("note", note)]
    assert [h.kind for h in library.search("title:figures")] == []
    assert ("note", note) in [(h.kind, h.id) for h in library.search("figure")]
    assert library.search("body:figures", kinds=("article",)) == []


def test_trashed_articles_and_their_notes_are_never_found(
    library: Library, mixed: dict[str, int]
) -> None:
    library.add_note(mixed["en"], "cobalt note")
    library.write_statement(
        "UPDATE articles SET trashed = '2026-01-01T00:00:00+00:00' WHERE id = ?", [mixed["en"]]
    )
    assert library.search("cobalt") == []
    assert library.search("mining", kinds=("article",)) == []
    library.write_statement("UPDATE articles SET trashed = NULL WHERE id = ?", [mixed["en"]])
    assert {h.kind for h in library.search("cobalt")} == {"article", "note"}


def test_the_stemmed_index_follows_edits_language_changes_and_deletes(
    library: Library, mixed: dict[str, int]
) -> None:
    fr = mixed["fr"]
    library.write_statement("UPDATE articles SET title = 'Zygomorphes rares' WHERE id = ?", [fr])
    assert _ids(library, "zygomorphe") == [fr]
    library.write_statement("UPDATE articles SET language = NULL WHERE id = ?", [fr])
    assert _ids(library, "negociation") == [fr]  # English stems "négociations" alike
    library.delete_article(fr)
    assert library.search("zygomorphe") == []
    count = library.db.execute("SELECT count(*) FROM articles_stem_fts").fetchone()[0]
    assert count == 3


def test_a_row_written_by_another_program_is_found_at_the_next_search(
    library_path: Path, library: Library
) -> None:
    other = sqlite3.connect(library_path)  # no Fieldreader functions on this connection
    other.execute(
        "INSERT INTO articles (uid, title, imported, format, text, text_hash, sha256, language) "
        "VALUES ('u', 'Sécurité', '2026-01-01T00:00:00+00:00', 'txt', 'Les minerais.', "
        "'h', 's', 'fr')"
    )
    other.commit()
    other.close()
    assert pending(library.db)
    assert len(library.search("minerai")) == 1
    assert not pending(library.db)


def test_a_read_only_library_searches_without_writing(
    library_path: Path, library: Library, mixed: dict[str, int]
) -> None:
    library.search("cobalt")
    late = library.add_article(Draft(title="Sécurité", text="Les minerais.", language="fr"))
    library.close()  # the new article was never searched for: it is still queued
    with Library.open(library_path, read_only=True) as ro:
        assert sync_index(ro.db) == 0
        assert pending(ro.db)
        assert set(_ids(ro, "minerai")) == {mixed["fr"], late}  # stemmed in memory
        assert _ids(ro, "title:securite") == [late]


def test_sqlite_utils_finds_the_articles_index(library_path: Path, library: Library) -> None:
    aid = library.add_article(Draft(title="Kolwezi", text="Cobalt left Kolwezi by road."))
    library.close()
    db = sqlite_utils.Database(library_path)
    assert db["articles"].detect_fts() == "articles_fts"
    assert db["notes"].detect_fts() == "notes_fts"
    assert [r["id"] for r in db["articles"].search("cobalt")] == [aid]
    db.close()
    exe = Path(sys.executable).with_name("sqlite-utils")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "sqlite_utils"]
    out = subprocess.run(
        [*cmd, "search", str(library_path), "articles", "kolwezi", "-c", "id"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == [{"id": aid}]


def test_migration_10_builds_the_stemmed_index_of_an_old_library(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema-v9.sqlite", path)
    with Library.open(path) as lib:
        assert not pending(lib.db)
        assert lib.db.execute("SELECT count(*) FROM articles_stem_fts").fetchone()[0] == 1
        [hit] = lib.search("rebel", kinds=("article",))
        assert f"{MATCH_START}Rebels{MATCH_END}" in hit.snippet
        assert [h.kind for h in lib.search("figure", kinds=("note",))] == ["note"]
        sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        assert 'content="articles"' in sql.fetchone()[0]


def test_match_spans_say_where_the_words_are(library: Library) -> None:
    text = "Les Négociations reprennent; la négociation et les minerais."
    spans = match_spans(text, "fr", "negociation -minerais")
    assert [text[a:b] for a, b in spans] == ["Négociations", "négociation"]
    assert [text[a:b] for a, b in match_spans(text, "fr", "nego*")] == [
        "Négociations",
        "négociation",
    ]
    assert match_spans(text, "fr", "") == []


def test_folding_and_the_language_data() -> None:
    assert fold("Cœur") == "coeur"
    assert fold("ÆSIR ﬁn Straße") == "aesir fin strasse"
    assert fold("Київ") == "київ"  # Cyrillic keeps its letters
    assert fold("ёлка") == "елка"
    assert index_text("L'accord sur les minerais", "fr") == "l accord sur le min"
    assert algorithm_for("fr") == "french"
    assert algorithm_for("fr-CA") == "french"
    assert algorithm_for("uk") is None
    assert algorithm_for(None) == "english"
    assert algorithm_for("de") == "german"  # from resources/languages/snowball.json
    table = json.loads(resource_path("languages", "snowball.json").read_text("utf-8"))
    assert set(table["algorithms"].values()) <= set(Stemmer.algorithms())
    assert set(Stemmer.algorithms()) - set(table["algorithms"].values()) <= {
        "porter",
        "dutch_porter",
    }


def test_a_broken_stemmed_index_is_rebuilt(library: Library, mixed: dict[str, int]) -> None:
    from reader.library.search_schema import reindex

    library.search("warm")
    # the index keeps no copy of its words (a plain DELETE would take out the original
    # words, not the forms): emptying it is how it breaks
    library.write_statement(
        "INSERT INTO articles_stem_fts(articles_stem_fts) VALUES ('delete-all')"
    )
    assert library.search("minerai") == []
    assert reindex(library.db) == 4
    assert _ids(library, "minerai") == [mixed["fr"]]
    rows = library.db.execute(
        "INSERT INTO articles_stem_fts(articles_stem_fts, rank) VALUES ('integrity-check', 0)"
    )
    assert rows is not None


def test_a_filter_sized_search_gives_ids_without_snippets(
    library: Library, mixed: dict[str, int]
) -> None:
    assert library.search_ids("minerai") == [mixed["fr"]]
    [hit] = library.search("minerai", limit=5000)
    assert hit.snippet == ""
    assert MATCH_START in library.search("minerai", limit=10)[0].snippet


def _stem_vocabulary(lib: Library) -> list[tuple[object, ...]]:
    """Every (form, article, column, position) the articles' stemmed index holds."""
    lib.db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_instances "
        "USING fts5vocab(main, articles_stem_fts, instance)"
    )
    return lib.db.execute("SELECT * FROM temp.stem_instances ORDER BY 1, 2, 3, 4").fetchall()


def test_the_stemmed_index_keeps_no_copy_of_the_text_and_stays_exact_after_edits(
    library: Library, mixed: dict[str, int]
) -> None:
    names = {r[0] for r in library.db.execute("SELECT name FROM sqlite_master")}
    assert "articles_stem_fts_content" not in names  # the words are read from the articles
    en, fr = mixed["en"], mixed["fr"]
    library.search("warm")
    library.write_statement("UPDATE articles SET text = 'Cobalt went north.' WHERE id = ?", [en])
    library.write_statement("UPDATE articles SET title = 'Second edit' WHERE id = ?", [en])
    library.write_statement("UPDATE articles SET language = 'en' WHERE id = ?", [fr])
    library.delete_article(mixed["ru"])
    late = library.add_article(Draft(title="Kolwezi", text="Trucks left Kolwezi."))
    library.write_statement("UPDATE articles SET text = 'Trucks came back.' WHERE id = ?", [late])
    assert _ids(library, "north") == [en]
    assert _ids(library, "mining") == []  # the old text of the edited article is gone
    assert _ids(library, "переговоров") == []
    assert _ids(library, "title:edit") == [en]
    edited = _stem_vocabulary(library)
    from reader.library.search_schema import reindex

    reindex(library.db)
    assert _stem_vocabulary(library) == edited  # the same index as one built afresh
    library.db.execute(
        "INSERT INTO articles_stem_fts(articles_stem_fts, rank) VALUES ('integrity-check', 0)"
    )


def test_a_row_replaced_behind_the_triggers_back_is_indexed_again(
    library: Library, mixed: dict[str, int]
) -> None:
    library.search("warm")
    row = library.db.execute("SELECT * FROM articles WHERE id = ?", [mixed["en"]]).fetchone()
    columns = [r[1] for r in library.db.execute("PRAGMA table_info(articles)")]
    values = dict(zip(columns, row, strict=True))
    values["text"] = "Copper prices fell."
    marks = ", ".join("?" * len(values))
    library.write_statement(  # REPLACE fires no delete trigger: the index is not told
        f"INSERT OR REPLACE INTO articles ({', '.join(values)}) VALUES ({marks})",
        list(values.values()),
    )
    assert _ids(library, "copper") == [mixed["en"]]
    assert _ids(library, "cobalt") == []
    library.db.execute(
        "INSERT INTO articles_stem_fts(articles_stem_fts, rank) VALUES ('integrity-check', 0)"
    )


def test_a_snippet_fts5_cuts_otherwise_is_cut_in_python(
    library: Library, mixed: dict[str, int]
) -> None:
    [hit] = library.search("м'ясо", kinds=("article",))
    assert f"{MATCH_START}м'ясо{MATCH_END}" in hit.snippet
    [hit] = library.search("подорожчало", kinds=("article",))
    assert f"{MATCH_START}подорожчало{MATCH_END}" in hit.snippet


def test_a_very_common_word_is_ranked_among_the_latest_matches(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import search

    ids = [
        library.add_article(Draft(title=f"Day {i}", text="Cobalt " * (1 + i % 3) + "moved."))
        for i in range(12)
    ]
    assert not library.search("cobalt").bounded  # 12 matches: all ranked
    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    hits = library.search("cobalt", limit=3)
    assert hits.bounded
    assert len(hits) == 3
    assert {h.id for h in hits} <= set(ids[-5:])
    assert not library.search("cobalt -moved").bounded  # nothing matches: no bound
    assert sorted(library.search_ids("cobalt")) == ids  # a filter still finds every one


def test_a_json_import_leaves_a_right_stemmed_index(library: Library, tmp_path: Path) -> None:
    from reader.library.export_json import export_library, import_library

    library.add_article(Draft(title="Reprise", text=FRENCH, language="fr"))
    library.search("warm")
    export_library(library, tmp_path / "dump.json")
    with Library.open(tmp_path / "copy.sqlite") as copy:
        import_library(copy, tmp_path / "dump.json")  # FTS5 "rebuild" on every index
        [hit] = copy.search("minerai")
        assert f"{MATCH_START}minerais{MATCH_END}" in hit.snippet
        assert _stem_vocabulary(copy) == _stem_vocabulary(library)


def test_column_filters_of_groups_and_several_columns(
    library: Library, mixed: dict[str, int]
) -> None:
    fr, en = mixed["fr"], mixed["en"]
    assert set(_ids(library, "source:(okapi OR reuters)")) == {fr, en}
    assert _ids(library, "{title source} : okapi") == [fr]
    assert _ids(library, "{title source} : mining") == [en]
    assert _ids(library, "-title : okapi") == [fr]  # the text or the outlet
    assert _ids(library, "-title : mining") == [en]  # "mining" is in its text too
    assert _ids(library, "-{title text} : talks") == []
    assert _ids(library, "title : (source : okapi)") == []  # a filter within a filter
    assert _ids(library, "xenglish") == []  # the words naming stemmers are not found
    assert _ids(library, "english") == []


def test_a_bounded_phrase_search_finds_the_phrase_only_and_marks_it_whole(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import search

    phrase = [
        library.add_article(Draft(title=f"P{i}", text=f"The security guarantee {i} held."))
        for i in range(6)
    ]
    both = [  # both words, not as the phrase
        library.add_article(Draft(title=f"W{i}", text="Security first; a guarantee later."))
        for i in range(6)
    ]
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    hits = library.search('"security guarantee"')
    assert hits.bounded
    assert {h.id for h in hits} == set(phrase[-3:])
    assert all(f"{MATCH_START}security guarantee{MATCH_END}" in h.snippet for h in hits)
    hits = library.search('"security guarantee" OR NEAR(first later, 3)')
    assert hits.bounded
    assert {h.id for h in hits} == set(both[-3:])
    hits = library.search('"security guarantee" -held')
    assert not hits.bounded
    assert hits == []


def test_an_index_that_kept_its_own_copy_of_the_forms_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "v10.sqlite"  # written by the first stemmed index, unreleased
    shutil.copy(FIXTURES / "schema-v10.sqlite", path)
    with Library.open(path) as lib:
        [hit] = lib.search("rebel", kinds=("article",))
        assert f"{MATCH_START}Rebels{MATCH_END}" in hit.snippet
        assert not pending(lib.db)
        names = {r[0] for r in lib.db.execute("SELECT name FROM sqlite_master")}
        assert "articles_stem_fts_content" not in names
        assert "search_fts_gone" in names
        lib.db.execute(
            "INSERT INTO articles_stem_fts(articles_stem_fts, rank) VALUES ('integrity-check', 0)"
        )
