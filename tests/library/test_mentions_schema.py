"""Mentions without a second copy of their text (:mod:`reader.library.mentions_schema`):
the upgrade of an old library, what every reader gives back, and the check that still sees
a text changed under its mentions."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from reader.analysis.entities import Mention
from reader.library import Draft, Library, maintenance
from reader.library.export_json import dump_library, import_library
from reader.library.mentions_schema import TRIGGER, is_lean, migrate
from reader.library.transactions import write_transaction

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"
TEXT = "Maria Kovalenko met the DRC delegation in Goma. Kovalenko said Goma was calm."


def _mentions() -> list[Mention]:
    def at(word: str, n: int = 0) -> int:
        place = -1
        for _ in range(n + 1):
            place = TEXT.index(word, place + 1)
        return place

    return [
        Mention(0, 15, "Maria Kovalenko", "person", "Maria Kovalenko"),
        Mention(at("DRC"), at("DRC") + 3, "Democratic Republic of the Congo", "place", "DRC"),
        Mention(at("Goma"), at("Goma") + 4, "Goma", "place", "Goma"),
        Mention(
            at("Kovalenko", 1), at("Kovalenko", 1) + 9, "Maria Kovalenko", "person", "Kovalenko"
        ),
        # a surface that is not the text's slice (kept as given; a check calls it stale)
        Mention(at("Goma", 1), at("Goma", 1) + 4, "Goma", "place", "Goma (North Kivu)"),
    ]


def _raw_mentions(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            'SELECT id, entity_id, article_id, start, "end", surface FROM mentions ORDER BY id'
        ).fetchall()
    finally:
        conn.close()


def _seen(lib: Library, tmp: Path) -> dict[str, Any]:
    """What readers get: the sidebar of every article and the export's mentions."""
    dest = tmp / "dump.json"
    dump_library(lib, dest)
    tables = json.loads(dest.read_text(encoding="utf-8"))["tables"]
    dest.unlink()
    sidebar = {a: [e.as_json() for e in lib.article_entities(a)] for a in lib.all_article_ids()}
    return {"sidebar": sidebar, "mentions": tables["mentions"], "entities": tables["entities"]}


def _lean(lib: Library) -> None:
    """Migration 15 on the open library (already applied when the file was opened, once
    the schema lists it)."""
    if not is_lean(lib.handle):
        with write_transaction(lib.handle):
            migrate(lib.handle)


def _library(tmp_path: Path) -> Library:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURES / "schema-v13.sqlite", path)
    lib = Library.open(path)
    article = lib.add_article(Draft(title="Goma talks", text=TEXT, language="en"))
    lib.replace_mentions(article, _mentions())
    return lib


def test_an_old_library_reads_the_same_after_the_upgrade(tmp_path: Path) -> None:
    before_raw = _raw_mentions(FIXTURES / "schema-v13.sqlite")
    assert before_raw
    with _library(tmp_path) as lib:
        before, checked = _seen(lib, tmp_path), maintenance.check(lib).as_json()
        _lean(lib)
        assert is_lean(lib.handle)
        assert _seen(lib, tmp_path) == before
        assert maintenance.check(lib).as_json() == checked
        assert [p["kind"] for p in checked["problems"]] == ["mentions"]
        assert checked["problems"][0]["params"]["count"] == 1
        exported = [tuple(r.values()) for r in before["mentions"]]
        assert exported[: len(before_raw)] == before_raw  # the fixture's own, filled in
        assert [r["surface"] for r in before["mentions"][len(before_raw) :]] == [
            m.surface for m in _mentions()
        ]
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_only_a_surface_that_differs_from_the_text_is_stored(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        _lean(lib)
        article = lib.all_article_ids()[-1]
        lib.replace_mentions(article, _mentions())  # written again on the lean table
        with write_transaction(lib.handle):
            migrate(lib.handle)  # once lean, the step changes nothing
        stored = lib.db.execute(
            "SELECT surface FROM mentions WHERE article_id = ? ORDER BY start", [article]
        ).fetchall()
        assert [r[0] for r in stored] == [None, None, None, None, "Goma (North Kivu)"]
        (goma,) = [e for e in lib.article_entities(article) if e.name == "Goma"]
        assert goma.aliases == ("Goma (North Kivu)",)
        (person,) = [e for e in lib.article_entities(article) if e.type == "person"]
        assert person.aliases == ("Kovalenko",)  # filled in from the text


def test_a_text_changed_under_its_mentions_is_still_found_stale(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        _lean(lib)
        article = lib.all_article_ids()[-1]
        assert (
            lib.db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", [TRIGGER]
            ).fetchone()[0]
            == 1
        )
        other = sqlite3.connect(lib.path)  # another program rewrites the text
        try:
            other.execute("UPDATE articles SET text = ? WHERE id = ?", ["X" * 20 + TEXT, article])
            other.commit()
        finally:
            other.close()
        report = maintenance.check(lib)
        (problem,) = [p for p in report.problems if p.kind == "mentions"]
        assert problem.params["articles"] == [article]
        assert problem.params["count"] == len(_mentions())  # the one stale before, too
        surfaces = [
            r[0]
            for r in lib.db.execute(
                "SELECT surface FROM mentions WHERE article_id = ? ORDER BY start", [article]
            )
        ]
        assert surfaces == [m.surface for m in _mentions()]  # written out before the change
        assert maintenance.articles_with_stale_mentions(lib) == [article]


def test_an_export_loads_into_a_lean_library_the_same_and_stored_once(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        _lean(lib)
        seen = _seen(lib, tmp_path)
        dump_library(lib, tmp_path / "out.json")
    with Library.open(tmp_path / "again.sqlite") as again:
        _lean(again)
        import_library(again, tmp_path / "out.json")
        assert _seen(again, tmp_path) == seen
        stored = [r[0] for r in again.db.execute("SELECT surface FROM mentions ORDER BY id")]
        assert stored[-len(_mentions()) :] == [None, None, None, None, "Goma (North Kivu)"]
