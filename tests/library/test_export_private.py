"""Private notes never leave in an export unless asked: the Markdown vault and the library JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library
from reader.library import notes as library_notes
from reader.library.draft import Draft
from reader.library.export_json import dump_library, export_library, import_library
from reader.library.export_markdown import export_notes, export_vault

TEXT = "The convoy left Goma at dawn. The informant, a driver, asked not to be named."
SECRETS = ("quetzalcoatl", "informant lives in Sake")


@pytest.fixture
def annotated(library: Library) -> tuple[Library, dict[str, int]]:
    ids = {"article": library.add_article(Draft(title="Convoy", text=TEXT, source="Field"))}
    ids["public"] = library.add_note(ids["article"], "Public remark on the convoy.")
    ids["secret"] = library.add_note(
        ids["article"], "Met the quetzalcoatl contact.", quote="The informant"
    )
    library.save_note(ids["secret"], "Met the quetzalcoatl contact; the informant lives in Sake.")
    ids["secret_highlight"] = library.add_note(ids["article"], "", quote="a driver")
    ids["private_free"] = library.add_note(None, "quetzalcoatl: call back on Friday")
    ids["only_private"] = library.add_article(Draft(title="Safe house", text="Nothing to see."))
    ids["on_only_private"] = library.add_note(ids["only_private"], "quetzalcoatl address")
    for key in ("secret", "secret_highlight", "private_free", "on_only_private"):
        library_notes.set_private(library, ids[key], True)
    return library, ids


def _vault_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def test_the_vault_leaves_private_notes_out_and_says_how_many(annotated, tmp_path: Path) -> None:
    lib, _ = annotated
    vault = export_vault(lib, tmp_path / "vault")
    assert vault.private_left_out == 4
    assert [p.name for p in vault.files] == ["convoy.md"]  # the safe house has only private
    text = _vault_text(tmp_path / "vault")
    assert "Public remark on the convoy." in text
    assert "The informant" not in text
    assert "a driver" not in text
    for secret in SECRETS:
        assert secret not in text
    assert export_notes(lib, tmp_path / "again") == [tmp_path / "again" / "convoy.md"]


def test_the_vault_takes_private_notes_when_asked(annotated, tmp_path: Path) -> None:
    lib, _ = annotated
    vault = export_vault(lib, tmp_path / "vault", include_private=True)
    assert vault.private_left_out == 0
    assert {p.name for p in vault.files} == {
        "convoy.md",
        "safe-house.md",
        "quetzalcoatl-call-back-on-friday.md",
    }
    text = _vault_text(tmp_path / "vault")
    assert "> The informant" in text
    assert "> a driver" in text
    assert "informant lives in Sake" in text


def test_the_library_json_leaves_private_notes_and_their_history_out(
    annotated, tmp_path: Path
) -> None:
    lib, ids = annotated
    dest = tmp_path / "library.json"
    dump = dump_library(lib, dest)
    assert dump.private_left_out == 4
    assert dump.includes_private is False
    raw = dest.read_text(encoding="utf-8")
    for secret in SECRETS:  # (the quotes are in the article's text, which is exported)
        assert secret not in raw
    data = json.loads(raw)
    assert data["private_left_out"] == 4
    assert data["includes_private"] is False
    notes = data["tables"]["notes"]
    assert [n["id"] for n in notes] == [ids["public"]]
    assert {r["note_id"] for r in data["tables"]["note_revisions"]} == {ids["public"]}
    assert dump.tables["notes"] == 1
    assert export_library(lib, tmp_path / "again.json") == dump.tables

    empty = Library.open(tmp_path / "empty.sqlite")
    try:
        import_library(empty, dest)
        assert [n.id for n in empty.notes()] == [ids["public"]]
    finally:
        empty.close()


def test_the_library_json_with_private_notes_round_trips_losslessly(
    annotated, tmp_path: Path
) -> None:
    lib, ids = annotated
    dest = tmp_path / "library.json"
    dump = dump_library(lib, dest, include_private=True)
    assert (dump.private_left_out, dump.includes_private) == (0, True)
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert data["private_left_out"] == 0
    assert len(data["tables"]["notes"]) == 5

    copy = Library.open(tmp_path / "copy.sqlite")
    try:
        import_library(copy, dest)
        for note in lib.notes() + lib.notes(trashed=True):
            assert copy.note(note.id) == note  # every field, the private flag too
            assert copy.note_revisions(note.id) == lib.note_revisions(note.id)
        assert copy.note(ids["secret"]).private is True
        assert copy.note(ids["public"]).private is False
        again = tmp_path / "again.json"
        dump_library(copy, again, include_private=True)
        first, second = json.loads(dest.read_text()), json.loads(again.read_text())
        assert first["tables"] == second["tables"]
    finally:
        copy.close()


def test_notes_of_a_trashed_article_leave_the_vault(annotated, tmp_path: Path) -> None:
    lib, ids = annotated
    with lib.transaction():
        lib.db.execute(
            "UPDATE articles SET trashed = '2025-05-01T00:00:00+00:00' WHERE id = ?",
            [ids["article"]],
        )
    vault = export_vault(lib, tmp_path / "vault", include_private=True)
    assert {p.name for p in vault.files} == {
        "safe-house.md",
        "quetzalcoatl-call-back-on-friday.md",
    }
    # the library JSON is a whole copy: the trashed article and its notes stay in it
    dump = dump_library(lib, tmp_path / "all.json", include_private=True)
    assert dump.tables["notes"] == 5
