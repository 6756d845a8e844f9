"""End-to-end: managing the library from the command line (``reader.cli.main``, in process).

``article edit|delete|restore``, ``tag add|remove|rename|delete|list``, ``trash list|empty``:
their JSON, their human lines, and that a bad id or a refusal changes nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
from pathlib import Path

import pytest

import reader.cli
from reader.cli import main
from reader.cli.common import Parser
from reader.library import Library
from reader.library.draft import Draft

pytestmark = pytest.mark.e2e


def _has_manage(parser: argparse.ArgumentParser) -> bool:
    return any(
        isinstance(a, argparse._SubParsersAction) and "trash" in a.choices for a in parser._actions
    )


@pytest.fixture(autouse=True)
def _manage_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """These commands, in the real parser (added to it here while it lacks them)."""
    real = reader.cli.build_parser
    if _has_manage(real()):
        return

    def build() -> argparse.ArgumentParser:
        from reader.cli import manage

        parser = real()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        json_opt = Parser(add_help=False)
        json_opt.add_argument("--json", action="store_true", help="print JSON only")
        manage.register(sub, json_opt)
        return parser

    monkeypatch.setattr(reader.cli, "build_parser", build)


@pytest.fixture
def lib_path(library_path: Path) -> Path:
    lib = Library.open(library_path)
    lib.add_article(
        Draft(title="Goma talks", text="Talks in Goma.", published="2025-03-10"), tags=["drc"]
    )
    lib.add_article(
        Draft(title="Kyiv talks", text="Talks in Kyiv.", published="2025-03-12"), tags=["ukraine"]
    )
    undated = lib.add_article(Draft(title="Undated note", text="From Bukavu."))
    lib.add_note(undated, "My own words", quote="Bukavu")
    lib.close()
    return library_path


def _run(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--library", str(path), *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _json(path: Path, capsys: pytest.CaptureFixture[str], *args: str):
    status, out, err = _run(path, capsys, *args, "--json")
    assert status == 0, err
    return json.loads(out)


def _dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = []
        for table in ("articles", "tags", "article_tags", "notes"):
            rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
        return rows
    finally:
        conn.close()


def test_the_main_parser_has_the_commands() -> None:
    assert _has_manage(reader.cli.build_parser())


def test_article_edit_prints_the_article_as_show_does(lib_path: Path, capsys) -> None:
    edited = _json(
        lib_path,
        capsys,
        "article",
        "edit",
        "3",
        "--title",
        "Bukavu dispatch",
        "--date",
        "2025-03-14",
        "--source",
        "Radio Okapi",
        "--byline",
        "A. Writer",
        "--language",
        "FR",
    )
    shown = _json(lib_path, capsys, "show", "3")
    assert edited == shown
    assert (
        edited["title"],
        edited["published"],
        edited["source"],
        edited["byline"],
        edited["language"],
    ) == ("Bukavu dispatch", "2025-03-14", "Radio Okapi", "A. Writer", "fr")
    assert [n["text"] for n in edited["notes"]] == ["My own words"]
    cleared = _json(lib_path, capsys, "article", "edit", "3", "--date", "none", "--byline", "")
    assert cleared["published"] is None
    assert cleared["byline"] is None
    status, out, _ = _run(lib_path, capsys, "article", "edit", "3", "--title", "Plain")
    assert status == 0
    assert out.startswith("Plain\nRadio Okapi")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["article", "edit", "9", "--title", "X"], "no article with id 9"),
        (["article", "edit", "1", "--date", "2025-02-30"], "not a date"),
        (["article", "edit", "1", "--date", "yesterday"], "YYYY-MM-DD"),
        (["article", "edit", "1", "--language", "english"], "not a language code"),
        (["article", "edit", "1", "--title", " "], "title cannot be empty"),
        (["article", "delete", "1", "9"], "no article with id 9"),
        (["article", "restore", "9"], "no article with id 9"),
        (["tag", "add", "new", "1", "2", "9"], "no article with id 9"),
        (["tag", "remove", "drc", "9"], "no article with id 9"),
        (["tag", "remove", "nosuch", "1"], "no tag called 'nosuch'"),
        (["tag", "rename", "nosuch", "x"], "no tag called 'nosuch'"),
        (["tag", "delete", "nosuch"], "no tag called 'nosuch'"),
    ],
)
def test_bad_input_is_one_line_exit_one_and_changes_nothing(
    lib_path: Path, capsys, args: list[str], message: str
) -> None:
    before = _dump(lib_path)
    status, out, err = _run(lib_path, capsys, *args)
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("fieldreader: ")
    assert message in err
    assert _dump(lib_path) == before


def test_article_edit_without_a_field_is_a_usage_error(lib_path: Path, capsys) -> None:
    status, _, err = _run(lib_path, capsys, "article", "edit", "1")
    assert status == 2
    assert "--title" in err
    assert err.count("\n") == 1


def test_tags_from_the_command_line(lib_path: Path, capsys) -> None:
    assert _json(lib_path, capsys, "tag", "list") == [
        {"tag": "drc", "articles": 1},
        {"tag": "ukraine", "articles": 1},
    ]
    added = _json(lib_path, capsys, "tag", "add", "conflict", "1", "2", "3")
    assert added == {"tag": "conflict", "articles": 3, "added": 3}
    removed = _json(lib_path, capsys, "tag", "remove", "CONFLICT", "3")
    assert removed == {"tag": "conflict", "articles": 2, "removed": 1}
    renamed = _json(lib_path, capsys, "tag", "rename", "ukraine", "drc")
    assert renamed == {"tag": "drc", "articles": 2, "renamed": 1, "from": "ukraine"}
    assert _json(lib_path, capsys, "list", "--tag", "drc")[0]["tags"] == ["conflict", "drc"]
    deleted = _json(lib_path, capsys, "tag", "delete", "conflict")
    assert deleted == {"tag": "conflict", "articles": 0, "deleted": 2}
    status, out, _ = _run(lib_path, capsys, "tag", "list")
    assert status == 0
    assert out == "drc  2 articles\n"
    status, out, _ = _run(lib_path, capsys, "tag", "add", "x", "1")
    assert out == "tag 'x' added to 1 article; 1 article carries it now\n"


def test_delete_restore_and_the_trash(lib_path: Path, capsys) -> None:
    assert _json(lib_path, capsys, "article", "delete", "3", "1", "3") == {"trashed": [3, 1]}
    assert _json(lib_path, capsys, "article", "delete", "1") == {"trashed": []}
    assert _json(lib_path, capsys, "show", "1")["trashed"]
    for refused in (["article", "edit", "1", "--title", "X"], ["tag", "add", "x", "2", "1"]):
        status, out, err = _run(lib_path, capsys, *refused)
        assert status == 1
        assert err == "fieldreader: article 1 is in the trash (restore it first)\n"
    assert [a["id"] for a in _json(lib_path, capsys, "list")] == [2]
    assert _json(lib_path, capsys, "tag", "list") == [{"tag": "ukraine", "articles": 1}]
    trash = _json(lib_path, capsys, "trash", "list")
    assert {a["id"] for a in trash} == {1, 3}
    assert all(a["trashed"] and {"id", "title", "published", "tags"} <= set(a) for a in trash)
    status, out, _ = _run(lib_path, capsys, "article", "restore", "3", "2")
    assert status == 0
    assert out == "1 article restored: 3\narticle 2 was not in the trash\n"
    shown = _json(lib_path, capsys, "show", "3")
    assert [n["text"] for n in shown["notes"]] == ["My own words"]
    assert shown["trashed"] is None
    status, out, _ = _run(lib_path, capsys, "trash", "list")
    assert out.split()[0] == "1"
    assert "Goma talks" in out


def test_trash_empty_asks_on_a_terminal_and_refuses_without_one(
    lib_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _json(lib_path, capsys, "article", "delete", "3")
    before = _dump(lib_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal
    status, out, err = _run(lib_path, capsys, "trash", "empty")
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "--yes" in err
    assert _dump(lib_path) == before

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    status, out, err = _run(lib_path, capsys, "trash", "empty")
    assert status == 1
    assert "[y/N]" in err
    assert "nothing deleted" in err
    assert _dump(lib_path) == before
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    status, out, err = _run(lib_path, capsys, "trash", "empty")
    assert status == 0
    assert out == "1 article deleted for good\n"
    assert _json(lib_path, capsys, "show", "1")["id"] == 1
    status, _, err = _run(lib_path, capsys, "show", "3")
    assert status == 1
    assert "no article with id 3" in err


def test_trash_empty_yes_and_when_empty(lib_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert _json(lib_path, capsys, "trash", "empty") == {"deleted": 0}  # nothing to ask
    _json(lib_path, capsys, "article", "delete", "1", "2")
    assert _json(lib_path, capsys, "trash", "empty", "--yes") == {"deleted": 2}
    assert _json(lib_path, capsys, "trash", "list") == []
    status, out, _ = _run(lib_path, capsys, "trash", "list")
    assert out == "the trash is empty\n"
    conn = sqlite3.connect(lib_path)
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 1  # article 3's
    conn.close()


def test_undated_article_lists_last_with_no_date(lib_path: Path, capsys) -> None:
    listed = _json(lib_path, capsys, "list")
    assert [a["id"] for a in listed] == [2, 1, 3]
    assert listed[-1]["published"] is None
    assert [a["id"] for a in _json(lib_path, capsys, "list", "--ascending")] == [1, 2, 3]
    assert _json(lib_path, capsys, "show", "3")["published"] is None
    status, out, _ = _run(lib_path, capsys, "list")
    last = out.splitlines()[-1]
    assert last.split()[:2] == ["3", "Undated"]  # no date stands in for the missing one


def test_every_option_has_help(capsys) -> None:
    parser = reader.cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for command in ("article", "tag", "trash"):
        actions = next(
            a for a in sub.choices[command]._actions if isinstance(a, argparse._SubParsersAction)
        )
        for name, action_parser in actions.choices.items():
            for option in action_parser._actions:
                assert option.help, f"{command} {name} {option.dest} has no help"
