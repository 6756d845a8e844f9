"""The original-word index made lean and written by the writer itself (migration 14,
:mod:`reader.library.words_index_schema`): the same suggestions and search, an old library
upgraded in place, and the trigger's hold never left behind."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.library import words_index_schema as _schema
from reader.library.draft import Draft
from reader.library.maintenance import check, repair
from reader.library.search_suggest import suggest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"
TEXTS = [
    ("Cobalt from Kolwezi", "Trucks carried cobalt from Kolwezi to the border.", "en"),
    ("La sécurité à Goma", "La sécurité des mines reste fragile autour de Goma.", "fr"),
    ("Grain deal", "Wheat exports rose while the grain deal held in Odesa.", "en"),
]


def _lean(lib: Library) -> Library:
    """``lib`` with migration 14 (applied here while the schema list lacks it)."""
    if not _schema.is_lean(lib.db):
        with lib.transaction():
            _schema.migrate(lib.db)
        lib._writer = None  # a writer made now sees the hold table
    assert _schema.is_lean(lib.db)
    return lib


def _fill(lib: Library, batch: bool) -> list[int]:
    drafts = [Draft(title=t, text=x, language=lang) for t, x, lang in TEXTS]
    with lib.import_run():
        if not batch:
            return [lib.add_article(d) for d in drafts]
        with lib.transaction(), lib.writer.batch():
            return [lib.add_article(d) for d in drafts]


def _words(lib: Library, word: str) -> list[int]:
    sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid"
    return [int(r[0]) for r in lib.db.execute(sql, [word])]


def _index_in_step(lib: Library) -> bool:
    try:
        lib.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


@pytest.mark.parametrize("batch", [True, False], ids=["in a batch", "one by one"])
def test_the_writer_indexes_the_words_itself_and_leaves_no_hold(
    library: Library, batch: bool
) -> None:
    lib = _lean(library)
    assert lib.writer.indexes_words
    ids = _fill(lib, batch)
    assert _words(lib, "kolwezi") == [ids[0]]
    assert _words(lib, "securite") == [ids[1]]  # accents folded, as before
    assert lib.db.execute(f"SELECT count(*) FROM {_schema.HOLD_TABLE}").fetchone()[0] == 0
    assert _index_in_step(lib)
    assert check(lib).ok
    assert suggest(lib.handle, "Kolwesi") == ["kolwezi"]
    assert suggest(lib.handle, "secruité") == ["sécurité"]  # as the text writes it
    assert [h.id for h in lib.search("cobalt", kinds=("article",))] == [ids[0]]


def test_another_program_s_insert_goes_through_the_trigger(
    library_path: Path, library: Library
) -> None:
    _lean(library)
    library.close()
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute(
            "INSERT INTO articles(uid, title, imported, format, text, text_hash, sha256) "
            "VALUES ('u1', 'Tin', '2026-01-01T00:00:00+00:00', 'txt', 'Tin from Bisie.', 'h', 's')"
        )
    conn.close()
    with Library.open(library_path) as lib:
        assert len(_words(lib, "bisie")) == 1
        assert _index_in_step(lib)


def _maybe_batch(lib: Library, batch: bool) -> AbstractContextManager[None]:
    return lib.writer.batch() if batch else nullcontext()


@dataclass(frozen=True)
class _Mention:
    start: Any
    end: int
    name: str
    type: str
    surface: str


@pytest.mark.parametrize("batch", [True, False], ids=["in a batch", "one by one"])
def test_a_failed_article_takes_its_hold_and_words_away(library: Library, batch: bool) -> None:
    lib = _lean(library)
    good = lib.add_article(Draft(title="Gold", text="Gold left Bunia by air.", language="en"))
    broken = [_Mention(None, 6, "Likasi", "place", "Likasi")]  # no start: the insert fails
    copper = Draft(title="Copper", text="Copper left Likasi by rail.", language="en")
    with pytest.raises(sqlite3.IntegrityError), lib.transaction(), _maybe_batch(lib, batch):
        lib.add_article(copper, mentions=broken)
    assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert _words(lib, "likasi") == []
    assert _words(lib, "bunia") == [good]
    assert lib.db.execute(f"SELECT count(*) FROM {_schema.HOLD_TABLE}").fetchone()[0] == 0
    assert _index_in_step(lib)


def _as_before_step_14(lib: Library) -> None:
    """Give ``lib`` the original-word index and trigger of schemas 10 to 13 again."""
    with lib.transaction():
        for sql in (
            "DROP TABLE articles_fts_vocab",
            "DROP TABLE articles_fts",
            "DROP TRIGGER articles_ai",
            f"DROP TABLE IF EXISTS {_schema.HOLD_TABLE}",
            'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", '
            'content_rowid="id", tokenize="unicode61 remove_diacritics 2")',
            "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN INSERT INTO "
            "articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
            "CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, row)",
        ):
            lib.db.execute(sql)
    lib._writer = None


def _answers(lib: Library) -> dict[str, object]:
    queries = ["rebel", "cobalt", "minerals", "goma", '"rebels held"', "rebel*"]
    out: dict[str, object] = {
        q: [(h.kind, h.id, h.snippet, h.rank) for h in lib.search(q)] for q in queries
    }
    out["vocabulary"] = lib.db.execute(
        "SELECT term, doc FROM articles_fts_vocab ORDER BY 1"
    ).fetchall()
    out["suggestions"] = [suggest(lib.handle, w) for w in ("rebls", "goam", "minerls")]
    return out


def test_an_old_library_upgrades_in_place_with_the_same_answers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema-v12.sqlite", path)
    with Library.open(path) as lib:
        _as_before_step_14(lib)
        assert not _schema.is_lean(lib.db)
        assert not lib.writer.indexes_words
        before = _answers(lib)
        size = lib.db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]
        _lean(lib)
        assert _answers(lib) == before
        assert before["vocabulary"]
        assert lib.writer.indexes_words
        assert lib.db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0] <= size
        assert _index_in_step(lib)
        assert check(lib).ok
        new = lib.add_article(Draft(title="Tin", text="Tin left Bisie by road.", language="en"))
        assert _words(lib, "bisie") == [new]


def test_the_step_is_idempotent_and_keeps_the_trigger_s_hold(library: Library) -> None:
    lib = _lean(library)
    with lib.transaction():
        _schema.migrate(lib.db)  # again: nothing rebuilt, the same trigger
    sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_ai'").fetchone()[0]
    assert _schema.HOLD_TABLE in sql
    ids = _fill(lib, batch=True)
    assert _words(lib, "odesa") == [ids[2]]


def test_a_hold_left_behind_is_found_and_repaired(library_path: Path, library: Library) -> None:
    lib = _lean(library)
    with lib.transaction():
        lib.db.execute(f"INSERT INTO {_schema.HOLD_TABLE}(id) VALUES (1)")  # a writer's bug
    lib.close()
    conn = sqlite3.connect(library_path)
    with conn:  # another program's article: the trigger stands aside, wrongly
        conn.execute(
            "INSERT INTO articles(uid, title, imported, format, text, text_hash, sha256) "
            "VALUES ('u2', 'Tin', '2026-01-01T00:00:00+00:00', 'txt', 'Tin from Bisie.', 'h', 's')"
        )
    conn.close()
    with Library.open(library_path) as again:
        [problem] = [p for p in check(again).problems if p.kind == "search_index"]
        assert problem.params["table"] == "articles_fts"
        assert repair(again).ok
        assert len(_words(again, "bisie")) == 1
        assert again.db.execute(f"SELECT count(*) FROM {_schema.HOLD_TABLE}").fetchone()[0] == 0
