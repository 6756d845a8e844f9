"""The field pack commands end to end through ``reader.cli.main`` (in process).

Until ``reader/cli/__init__.py`` registers :mod:`reader.cli.packs`, the fixture adds it to
the parser the way that line will (beside the privacy commands)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.cli as cli
from reader.cli import packs as packs_cli
from reader.cli import privacy
from reader.library import Library
from reader.library.draft import Draft

TEXT = "Rebels of M23 held Goma for a week. The minister spoke about coltan exports."


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    if "pack" not in cli.build_parser().format_help():
        original = privacy.register

        def both(sub, json_opt) -> None:
            original(sub, json_opt)
            packs_cli.register(sub, json_opt)

        monkeypatch.setattr(privacy, "register", both)

    def go(library: Path, *argv: str) -> tuple[int, object, str]:
        capsys.readouterr()
        code = cli.main(["--library", str(library), *argv])
        out, err = capsys.readouterr()
        data = json.loads(out) if "--json" in argv and code == 0 else out
        return code, data, err

    return go


def _filled(path: Path) -> Path:
    with Library.open(path) as lib:
        aid = lib.add_article(Draft(title="Goma", text=TEXT, tags=["drc"]))
        lib.add_note(aid, "coltan?", quote="coltan")
        lib.add_note(aid, "mine only", private=True)
        lib.add_article(Draft(title="Other", text="Another story entirely.", tags=["ua"]))
    return path


def test_config_coder(run, tmp_path: Path) -> None:
    lib = tmp_path / "a.sqlite"
    assert run(lib, "config", "get", "coder", "--json")[1] == {"key": "coder", "value": None}
    code, data, _ = run(lib, "config", "set", "coder", "Amani", "--json")
    assert (code, data) == (0, {"key": "coder", "value": "Amani"})
    assert run(lib, "config", "get", "coder")[1].strip() == "Amani"
    code, _, err = run(lib, "config", "set", "coder", " ")
    assert code == 1
    assert err.count("\n") == 1
    assert "empty" in err


def test_export_inspect_import_twice(run, tmp_path: Path) -> None:
    a, b = _filled(tmp_path / "a.sqlite"), tmp_path / "b.sqlite"
    run(a, "config", "set", "coder", "Amani")
    pack = tmp_path / "drc.fieldpack"
    code, done, _ = run(a, "pack", "export", str(pack), "--tag", "drc", "--json")
    assert code == 0
    assert list(done) == ["file", "articles", "notes", "codings", "bytes", "sha256"]
    assert (done["articles"], done["notes"]) == (1, 1)
    code, seen, _ = run(b, "pack", "inspect", str(pack), "--json")
    assert code == 0
    assert list(seen)[:9] == [
        "format_version",
        "coder",
        "created",
        "articles",
        "notes",
        "codings",
        "conflicts",
        "trashes",
        "library_uid",
    ]
    assert seen["articles"] == {"new": 1, "same": 0, "changed": 0}
    assert seen["coder"] == "Amani"
    code, first, _ = run(b, "pack", "import", str(pack), "--json")
    assert list(first)[:4] == ["added", "unchanged", "conflicts", "trashed"]
    assert first["added"] == {"articles": 1, "notes": 1, "codings": 0}
    again = run(b, "pack", "import", str(pack), "--json")[1]
    assert again["added"] == {"articles": 0, "notes": 0, "codings": 0}
    every = tmp_path / "all.fieldpack"
    done = run(a, "pack", "export", str(every), "--include-private", "--no-notes", "--json")[1]
    assert (done["articles"], done["notes"]) == (2, 0)
    ids = run(a, "pack", "export", str(every), "--ids", "2", "--json")[1]
    assert ids["articles"] == 1


def test_refusals_are_one_line(run, tmp_path: Path) -> None:
    a, b = _filled(tmp_path / "a.sqlite"), tmp_path / "b.sqlite"
    pack = tmp_path / "a.fieldpack"
    run(a, "pack", "export", str(pack))
    raw = bytearray(pack.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    bad = tmp_path / "bad.fieldpack"
    bad.write_bytes(bytes(raw))
    code, out, err = run(b, "pack", "import", str(bad))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err
    with Library.open(b) as lib:
        assert lib.all_article_ids() == []
    code, _, err = run(b, "pack", "export", str(pack), "--since", "yesterday")
    assert code == 2
    assert "not a date" in err


def test_mass_trash_needs_yes(run, tmp_path: Path) -> None:
    a, b = _filled(tmp_path / "a.sqlite"), tmp_path / "b.sqlite"
    pack = tmp_path / "a.fieldpack"
    run(a, "pack", "export", str(pack))
    run(b, "pack", "import", str(pack))
    with Library.open(a) as lib:
        lib.trash_articles(lib.all_article_ids())
    run(a, "pack", "export", str(pack))
    assert run(b, "pack", "inspect", str(pack), "--json")[1]["trashes"] == 2
    code, _, err = run(b, "pack", "import", str(pack))
    assert code == 1
    assert "--yes" in err
    assert err.count("\n") == 1
    with Library.open(b) as lib:
        assert lib.trashed_articles() == []
    done = run(b, "pack", "import", str(pack), "--yes", "--json")[1]
    assert done["trashed"] == 2


def test_sync_conflicts_and_agreement(run, tmp_path: Path) -> None:
    a, b = _filled(tmp_path / "a.sqlite"), tmp_path / "b.sqlite"
    folder = tmp_path / "team"
    folder.mkdir()
    run(a, "config", "set", "coder", "Amani")
    run(b, "config", "set", "coder", "Bohdan")
    code, done, _ = run(a, "sync", str(folder), "--json")
    assert code == 0
    assert list(done)[:3] == ["wrote", "imported", "conflicts"]
    run(b, "config", "set", "team-folder", str(folder))
    assert len(run(b, "sync", "--json")[1]["imported"]) == 1
    for path, body in ((a, "A says"), (b, "B says")):
        with Library.open(path) as lib:
            note = next(n for n in lib.notes() if n.body == "coltan?")
            lib.save_note(note.id, body)
    run(a, "sync", str(folder))
    assert run(b, "sync", str(folder), "--json")[1]["conflicts"] == 1
    found = run(b, "pack", "conflicts", "--json")[1]["conflicts"]
    assert [(c["kind"], c["theirs"], c["mine"], c["coder"]) for c in found] == [
        ("note", "A says", "B says", "Amani")
    ]
    code, _, _ = run(b, "pack", "resolve", "note", str(found[0]["id"]), "--keep", "theirs")
    assert code == 0
    assert run(b, "pack", "conflicts", "--json")[1]["conflicts"] == []
    code, kappa, _ = run(b, "agreement", "--a-coder", "Amani", "--b-coder", "Bohdan", "--json")
    assert code == 0
    assert kappa["dimensions"] == []
    assert kappa["overall"] is None
