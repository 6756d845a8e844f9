"""The real ``fieldreader`` command: private notes, note edit, and exports that leave them out."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import run, run_json

TEXT = "Convoy report\n\nThe convoy left Goma at dawn. The informant asked not to be named.\n"


def _library(tmp_path: Path) -> Path:
    library = tmp_path / "lib.sqlite"
    source = tmp_path / "convoy.txt"
    source.write_text(TEXT, encoding="utf-8")
    (added,) = run_json(library, "import", str(source))
    assert added["id"] == 1
    return library


def test_private_notes_from_the_command_line(tmp_path: Path) -> None:
    library = _library(tmp_path)
    public = run_json(library, "note", "add", "1", "--text", "Dawn departure.")
    assert public["private"] is False
    secret = run_json(
        library,
        "note",
        "add",
        "1",
        "--text",
        "Sake pangolin",
        "--quote",
        "informant",
        "--private",
    )
    assert secret["private"] is True
    assert secret["quote"] == "informant"

    listed = {n["id"]: n["private"] for n in run_json(library, "note", "list")}
    assert listed == {public["id"]: False, secret["id"]: True}
    human = run(library, "note", "list")
    assert f"{secret['id']:>5}  article     1  [private] “informant”" in human.stdout

    edited = run_json(library, "note", "edit", str(public["id"]), "--private", "--text", "New")
    assert (edited["private"], edited["text"]) == (True, "New")
    history = run_json(library, "note", "history", str(public["id"]))
    assert [r["text"] for r in history] == ["New", "Dawn departure."]
    again = run(library, "note", "edit", str(public["id"]), "--public")
    assert (again.returncode, again.stdout.strip()) == (0, f"note {public['id']}: now public")

    nothing = run(library, "note", "edit", "1")
    assert nothing.returncode == 2
    assert nothing.stderr.strip() == "fieldreader: note edit: give --text, --private or --public"
    both = run(library, "note", "edit", "1", "--private", "--public")
    assert both.returncode == 2
    missing = run(library, "note", "edit", "99", "--private")
    assert (missing.returncode, missing.stderr.strip()) == (1, "fieldreader: no note with id 99")
    assert "Traceback" not in nothing.stderr + both.stderr + missing.stderr


def test_exports_leave_private_notes_out_unless_asked(tmp_path: Path) -> None:
    library = _library(tmp_path)
    run_json(library, "note", "add", "1", "--text", "Dawn departure.")
    run_json(library, "note", "add", "1", "--text", "Sake pangolin", "--private")
    run_json(library, "note", "add", "1", "--text", "", "--quote", "informant", "--private")

    vault = run_json(library, "export", "notes", str(tmp_path / "vault"))
    assert (vault["count"], vault["private_left_out"], vault["includes_private"]) == (1, 2, False)
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "vault").iterdir())
    assert "Dawn departure." in text
    assert "pangolin" not in text
    assert "> informant" not in text
    human = run(library, "export", "notes", str(tmp_path / "vault2"))
    assert human.stdout.strip() == (
        f"1 Markdown files written to {tmp_path / 'vault2'} "
        "(2 private notes left out; --include-private exports them)"
    )

    dump = run_json(library, "export", "library", str(tmp_path / "plain.json"))
    assert (dump["tables"]["notes"], dump["private_left_out"]) == (1, 2)
    assert "pangolin" not in (tmp_path / "plain.json").read_text(encoding="utf-8")
    full = run_json(library, "export", "library", str(tmp_path / "full.json"), "--include-private")
    assert (full["tables"]["notes"], full["private_left_out"], full["includes_private"]) == (
        3,
        0,
        True,
    )
    everything = run_json(library, "export", "notes", str(tmp_path / "all"), "--include-private")
    assert everything["private_left_out"] == 0
    assert "pangolin" in (tmp_path / "all" / "convoy-report.md").read_text(encoding="utf-8")

    copy = tmp_path / "copy.sqlite"
    loaded = run_json(copy, "import-library", str(tmp_path / "full.json"))
    assert loaded["tables"]["notes"] == 3
    notes = run_json(copy, "note", "list")
    assert sorted((n["text"], n["private"]) for n in notes) == [
        ("", True),
        ("Dawn departure.", False),
        ("Sake pangolin", True),
    ]
    data = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert sorted(n["private"] for n in data["tables"]["notes"]) == [0, 1, 1]
