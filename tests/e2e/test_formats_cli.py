"""``export citations``, ``export qdpx`` and ``codebook import`` on the command line
(issue 18): JSON replies, one-line refusals, nothing changed by a bad request.

The ``export`` and ``codebook`` groups belong to other modules, which call
:func:`reader.cli.formats.register_exports` / ``register_codebook``; these tests build a parser
the same way and run it through :func:`reader.cli.main`, so the errors are handled as the real
command handles them.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import reader.cli as cli
from helpers.paths import SHARED
from reader.cli import formats
from reader.cli.common import Parser, add_actions
from reader.library import Library
from reader.library.draft import Draft
from reader.library.notes import set_private
from reader.services import framing

ATLAS = SHARED / "corpus" / "refi-qda" / "target-atlas-project.qdpx"


def _parser() -> Parser:
    parser = Parser(prog="fieldreader")
    parser.add_argument("--library", metavar="PATH")
    parser.add_argument("--passphrase-file", metavar="F")
    json_opt = Parser(add_help=False)
    json_opt.add_argument("--json", action="store_true")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    formats.register_exports(add_actions(sub, "export", "what", metavar="WHAT"), json_opt)
    formats.register_codebook(add_actions(sub, "codebook", "action"), json_opt)
    return parser


@pytest.fixture
def run(monkeypatch, library_path: Path, capsys):
    monkeypatch.setattr(cli, "build_parser", _parser)

    def go(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--library", str(library_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return go


@pytest.fixture
def filled(library_path: Path) -> Path:
    with Library.open(library_path) as lib:
        aid = lib.add_article(
            Draft(
                title="Minerals deal signed",
                text="The United States and Ukraine signed a minerals deal on Wednesday.",
                byline="Jane Doe and John Smith",
                source="The Kyiv Independent",
                url="https://example.org/deal",
                published="2025-03-05",
                language="en",
            ),
            tags=["minerals"],
        )
        lib.add_article(Draft(title="Other", text="Another article."), tags=["misc"])
        book = framing.codebook_for(lib)
        framing.code_passage(lib, aid, book.dimensions[4].id, codebook=book, quote="signed")
        lib.add_note(aid, "public note", quote="minerals deal")
        set_private(lib, lib.add_note(aid, "private note"), True)
    return library_path


def test_export_citations_in_each_format(run, filled, tmp_path: Path) -> None:
    for fmt, name in (("csljson", "refs.json"), ("ris", "refs.ris"), ("bibtex", "refs.bib")):
        dest = tmp_path / name
        code, out, err = run("export", "citations", str(dest), "--format", fmt, "--json")
        assert (code, err) == (0, "")
        reply = json.loads(out)
        assert reply == {
            "file": str(dest),
            "format": fmt,
            "articles": 2,
            "private_left_out": 1,
            "includes_private": False,
        }
        assert "Minerals deal signed" in dest.read_text(encoding="utf-8")
    items = json.loads((tmp_path / "refs.json").read_text(encoding="utf-8"))
    assert items[0]["note"] == "“minerals deal”: public note"
    code, out, _err = run(
        "export", "citations", str(tmp_path / "one.ris"), "--format", "ris", "--ids", "2"
    )
    assert code == 0
    assert out.strip().startswith("1 reference written to")
    code, out, _err = run(
        "export",
        "citations",
        str(tmp_path / "tagged.json"),
        "--format",
        "csljson",
        "--tag",
        "misc",
        "--include-private",
        "--json",
    )
    assert json.loads(out)["articles"] == 1


def test_export_citations_refusals_are_one_line(run, filled, tmp_path: Path) -> None:
    dest = tmp_path / "refs.ris"
    code, _out, err = run("export", "citations", str(dest), "--format", "endnote")
    assert code == 2
    assert "invalid choice: 'endnote'" in err
    code, _out, err = run("export", "citations", str(dest), "--format", "ris", "--ids", "x,y")
    assert code == 2
    assert "not a list of article ids" in err
    code, _out, err = run("export", "citations", str(dest), "--format", "ris", "--ids", "42")
    assert (code, err) == (1, "fieldreader: no article with id 42\n")
    code, _out, err = run(
        "export", "citations", str(tmp_path / "no" / "dir.ris"), "--format", "ris"
    )
    assert code == 1
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert not dest.exists()


def test_export_qdpx(run, filled, tmp_path: Path) -> None:
    dest = tmp_path / "project.qdpx"
    code, out, err = run("export", "qdpx", str(dest), "--json")
    assert (code, err) == (0, "")
    reply = json.loads(out)
    assert reply["file"] == str(dest)
    assert (reply["articles"], reply["codings"], reply["private_left_out"]) == (2, 1, 1)
    assert reply["codebooks"] == [framing.DEFAULT_CODEBOOK]
    assert zipfile.ZipFile(dest).testzip() is None
    code, out, _err = run("export", "qdpx", str(dest), "--tag", "misc")
    assert code == 0
    assert ": 1 article, " in out
    assert ", 0 codings, 0 notes" in out
    code, _out, err = run("export", "qdpx", str(dest), "--codebook", "nope")
    assert code == 1
    assert err.startswith("fieldreader: no codebook 'nope'")


@pytest.mark.corpus
def test_codebook_import_of_the_atlas_ti_project(run, library_path: Path) -> None:
    if not ATLAS.is_file():
        pytest.skip("../shared/corpus/refi-qda is not present")
    code, out, err = run("codebook", "import", str(ATLAS), "--json")
    assert (code, err) == (0, "")
    reply = json.loads(out)
    assert reply["codebook"] == "target-atlas-project"
    assert [d["label"] for d in reply["dimensions"]][0] == "Commits"
    assert len(reply["dimensions"]) == 3
    code, _out, err = run("codebook", "import", str(ATLAS))
    assert code == 1
    assert "exists already" in err
    code, out, _err = run("codebook", "import", str(ATLAS), "--id", "atlas")
    assert code == 0
    assert out.startswith("codebook 'atlas' imported: 3 dimensions")


def test_codebook_import_refuses_a_hostile_file(run, library_path: Path, tmp_path: Path) -> None:
    evil = tmp_path / "evil.qdpx"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("project.qde", "<Project/>")
        archive.writestr("../../outside.txt", "x")
    code, out, err = run("codebook", "import", str(evil))
    assert (code, out) == (1, "")
    assert err == "fieldreader: evil.qdpx: the zip holds an unsafe path '../../outside.txt'\n"
    code, _out, err = run("codebook", "import", str(tmp_path / "missing.qdc"))
    assert (code, err) == (1, "fieldreader: missing.qdc: no such file\n")
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.e2e
def test_the_real_command_once_wired(library_path: Path, filled, tmp_path: Path) -> None:
    """The real ``fieldreader`` in a subprocess (skipped until cli/notes.py and
    cli/framing.py call the register functions)."""
    from helpers.cli import run_json

    real = cli.build_parser().format_help()
    wired = "export" in real and "codebook" in real
    try:
        cli.build_parser().parse_args(["export", "citations", "x", "--format", "ris"])
        cli.build_parser().parse_args(["codebook", "import", "x.qdc"])
    except cli.UsageError:
        wired = False
    if not wired:
        pytest.skip("export citations / codebook import are not registered yet")
    dest = tmp_path / "refs.ris"
    reply = run_json(library_path, "export", "citations", str(dest), "--format", "ris")
    assert reply["articles"] == 2
    assert dest.read_text(encoding="utf-8").startswith("TY  - NEWS")
    reply = run_json(library_path, "export", "qdpx", str(tmp_path / "p.qdpx"))
    assert reply["codings"] == 1
