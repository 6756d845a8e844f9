"""The command line starts like a bare script (issue 19): ``search``, ``list`` and ``show``
import only what they need; so does the first window (``gui --screenshot``).

Each command runs in a fresh interpreter on a small library; what it imported is read from
``sys.modules`` afterwards. None may load sqlite-utils (the read path uses the plain
connection), Markdown, YAML, lxml, dateutil, the codebooks or the coding rules, Qt, or the
modules of the other commands. The parser a command line builds for its own command alone
(:data:`reader.cli.COMMAND_MODULES`) is the one the full parser has, help and all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import ROOT
from reader import __version__
from reader.cli import COMMAND_MODULES, MODULES, build_parser
from reader.library import Library
from reader.library.draft import Draft

#: Modules no read command may import.
HEAVY = (
    "sqlite_utils",
    "click",
    "pluggy",
    "dateutil",
    "markdown",
    "yaml",
    "lxml",
    "reader.analysis.coding",
    "reader.analysis.codebooks",
    "reader.services.compare",
    "reader.services.packs",
    "PySide6",
)

#: Runs ``fieldreader ARGS`` in this interpreter, then says what was imported.
PROBE = """
import contextlib, io, json, sys
from reader.__main__ import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = main(sys.argv[1:])
json.dump({"status": status, "output": out.getvalue(), "modules": sorted(sys.modules)},
          sys.stderr)
"""


@pytest.fixture(scope="module")
def library_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "library.sqlite"
    with Library.open(path) as lib:
        first = lib.add_article(
            Draft(title="Cobalt talks in Goma", text="Traders in Goma spoke of cobalt prices.")
        )
        lib.add_article(Draft(title="Copper road", text="The copper road to Kolwezi reopened."))
        lib.add_note(first, "Ask about the cobalt prices.")
    return path


def _run(library: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--library", str(library), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    report: dict[str, object] = json.loads(done.stderr.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize(
    "args",
    [
        ("search", "--json", "cobalt"),
        ("search", "cobalt"),
        ("list", "--json"),
        ("list",),
        ("show", "--json", "1"),
    ],
)
def test_a_read_command_imports_nothing_heavy(library_path: Path, args: tuple[str, ...]) -> None:
    report = _run(library_path, *args)
    assert report["status"] == 0
    assert "Goma" in str(report["output"]) or "Copper" in str(report["output"])
    modules = set(report["modules"])  # type: ignore[call-overload]
    loaded = sorted(m for m in modules for h in HEAVY if m == h or m.startswith(h + "."))
    assert loaded == []
    other_commands = sorted(
        m for m in modules if m.startswith("reader.cli.") and m.split(".")[2] in MODULES
    )
    assert other_commands == ["reader.cli.articles"]


#: What a search or a list needs none of (each costs a bare script's start a few ms more):
#: dataclasses (which imports inspect, ast, dis), hashlib, shutil (argparse's width), the
#: importers' records and the statuses, the window's views.
LIGHT = (
    "dataclasses",
    "inspect",
    "hashlib",
    "hmac",
    "shutil",
    "reader.library.draft",
    "reader.library.statuses",
    "reader.library.anchors",
    "reader.services.views",
    "reader.ingest.formats",
)


@pytest.mark.parametrize(
    "args", [("search", "--json", "cobalt"), ("list", "--json"), ("list", "--tag", "none")]
)
def test_a_search_or_a_list_imports_only_what_it_needs(
    library_path: Path, args: tuple[str, ...]
) -> None:
    report = _run(library_path, *args)
    assert report["status"] == 0
    modules = set(report["modules"])  # type: ignore[call-overload]
    assert sorted(m for m in LIGHT if m in modules) == []


def test_a_list_imports_no_typing(library_path: Path) -> None:
    report = _run(library_path, "list", "--json")
    assert "typing" not in set(report["modules"])  # type: ignore[call-overload]


def test_help_is_as_wide_as_argparse_makes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from reader.cli.common import terminal_columns

    for columns in ("", "0", "abc", "37", "132"):
        monkeypatch.setenv("COLUMNS", columns)
        assert terminal_columns() == shutil.get_terminal_size().columns, columns
    monkeypatch.setenv("COLUMNS", "52")
    narrow = build_parser("search").format_help()
    monkeypatch.setenv("COLUMNS", "140")
    wide = build_parser("search").format_help()
    assert max(map(len, narrow.splitlines())) <= 50 < max(map(len, wide.splitlines()))


def test_search_json_is_what_the_library_finds(library_path: Path) -> None:
    report = _run(library_path, "search", "--json", "cobalt")
    hits = json.loads(str(report["output"]))
    with Library.open(library_path) as lib:
        expected = [(h.kind, h.id) for h in lib.search("cobalt", limit=50)]
    assert [(h["kind"], h["id"]) for h in hits] == expected
    assert {"kind", "id", "title", "snippet", "rank"} <= set(hits[0])


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _helps(parser: argparse.ArgumentParser, path: str = "") -> dict[str, str]:
    """The help of ``parser`` and of every sub-command under it, by command path."""
    out = {path: parser.format_help()}
    for name, sub in _commands(parser).items():
        out.update(_helps(sub, f"{path} {name}".strip()))
    return out


def test_every_command_is_in_the_table_of_its_module() -> None:
    full = _commands(build_parser())
    assert set(full) == set(COMMAND_MODULES)
    assert set(COMMAND_MODULES.values()) == set(MODULES)
    for name in full:
        assert name in _commands(build_parser(name)), name


def test_a_command_built_alone_has_the_full_parsers_help() -> None:
    full = build_parser()
    full_helps = _helps(full)
    for name in _commands(full):
        alone = _commands(build_parser(name))[name]
        mine = _helps(alone, name)
        assert mine == {k: v for k, v in full_helps.items() if k.split(" ")[0] == name}


def test_an_unknown_command_still_lists_every_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(tmp_path / "x.sqlite"), "serch"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert "invalid choice: 'serch'" in done.stderr
    assert "'search'" in done.stderr
    assert "'sync'" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["search", "x"], "search"),
        (["--library", "search", "list"], "list"),
        (["--library=a.sqlite", "--lang", "fr", "show", "1"], "show"),
        (["--passphrase-file", "f", "tag", "list"], "tag"),
        (["--help"], None),
        (["--version", "list"], None),
        (["--lib", "x", "list"], None),  # an abbreviation argparse takes: the full parser
        ([], None),
    ],
)
def test_the_command_is_found_past_the_global_options(argv: list[str], command: str | None) -> None:
    from reader.cli import command_of

    assert command_of(argv) == command


@pytest.mark.parametrize("argv", [["--version"], ["--library", "x.sqlite", "--version", "list"]])
def test_the_version_needs_no_command(argv: list[str]) -> None:
    probe = (
        "import contextlib, io, json, sys\n"
        "from reader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        main(sys.argv[1:])\n"
        "    except SystemExit as exc:\n"
        "        code = exc.code\n"
        "report = {'code': code, 'out': out.getvalue(), 'modules': sorted(sys.modules)}\n"
        "json.dump(report, sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert (report["code"], report["out"]) == (0, f"fieldreader {__version__}\n")
    commands = [m for m in report["modules"] if m.startswith("reader.cli.")]
    assert sorted(commands) == ["reader.cli.articles", "reader.cli.common"]


#: What the first window (``gui --screenshot``) needs none of: the comparison, the notes
#: pane and Markdown (built on first use), the codebooks, the importers, sqlite-utils.
WINDOW_HEAVY = (
    "sqlite_utils",
    "click",
    "pluggy",
    "markdown",
    "yaml",
    "lxml",
    "dateutil",
    "reader.analysis.coding",
    "reader.analysis.codebooks",
    "reader.services.compare",
    "reader.ingest",
    "reader.ui.compare",
    "reader.ui.notes.pane",
    "reader.ui.notes.editor",
)

#: The modules the first window imports that still define dataclasses: each compiles the
#: methods it writes when imported (about 1 ms a class on 2 cores; issue 19), so the
#: window's own records are plain classes (:class:`reader.ui.common.views.Plain`). This list may
#: only shrink.
WINDOW_DATACLASSES = {
    "reader.analysis.corrections",
    "reader.library.anchors",
    "reader.library.coders",
    "reader.library.draft",
    "reader.library.maintenance",
    "reader.library.notes",
    "reader.library.sources",
    "reader.ui.library.search",
    "reader.ui.safety.tasks",
    "reader.ui.sources.tasks",
    "reader.ui.sources.url_dialog",
}

#: Opens the first window's screenshot in this interpreter, noting every dataclass made
#: and every module whose source was read (PySide's import hook reads a module's source
#: to see whether it uses PySide, unless told: :mod:`reader.ui.window.feature_scan`).
WINDOW_PROBE = """
import dataclasses, inspect, json, sys
made, read = [], []
process, source = dataclasses._process_class, inspect.getsource
def noted(cls, *args, **kwargs):
    made.append(cls.__module__)
    return process(cls, *args, **kwargs)
def reading(thing):
    read.append(getattr(thing, "__name__", ""))
    return source(thing)
dataclasses._process_class, inspect.getsource = noted, reading
from reader.__main__ import main
status = main(sys.argv[1:])
from PySide6.QtWidgets import QApplication
style = QApplication.instance().style()
json.dump({"status": status, "dataclasses": sorted(set(made)), "read": sorted(set(read)),
           "modules": sorted(sys.modules), "style": type(style).__name__,
           "readable": style.is_readable()}, sys.stderr)
"""


def _first_window(library_path: Path, tmp_path: Path, **env: str) -> dict:
    """What :data:`WINDOW_PROBE` reports of a first window on ``library_path`` (its screenshot
    taken), run with ``env`` added to the environment."""
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_PROBE, "--library", str(library_path), "gui"]
        + ["--screenshot", str(shot), "--size", "1366x768"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "FIELDREADER_SETTINGS_DIR": str(tmp_path / "settings"),
            **env,
        },
        timeout=300,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["status"] == 0
    assert shot.is_file()
    return report


def test_the_first_window_imports_only_what_it_shows(library_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    report = _first_window(library_path, tmp_path)
    modules = set(report["modules"])
    loaded = sorted(m for m in modules for h in WINDOW_HEAVY if m == h or m.startswith(h + "."))
    assert loaded == []
    assert set(report["dataclasses"]) <= WINDOW_DATACLASSES
    assert [m for m in report["read"] if m.split(".")[0] in ("reader", "json", "typing")] == []
    # no entity groups to open in it (these articles name none): drawn by Qt's Fusion alone,
    # no Python style hook called for everything its paints draw (issue 19)
    assert (report["style"], report["readable"]) == ("ApplicationStyle", False)


class _Mention:
    """One mention, as the library stores an extracted one."""

    def __init__(self, text: str, name: str, kind: str) -> None:
        self.start = text.index(name)
        self.end = self.start + len(name)
        self.name, self.type, self.surface = name, kind, name


def test_a_first_window_showing_entity_groups_calls_no_style_hook(tmp_path: Path) -> None:
    """The entity tree's groups are open on the first paint: their expanders come from
    images (made in the cache folder), not from a Python style hook (issue 19)."""
    pytest.importorskip("PySide6")
    library_path = tmp_path / "library.sqlite"
    text = "Traders in Goma spoke of cobalt prices with Kinshasa."
    with Library.open(library_path) as lib:
        lib.add_article(Draft(title="Copper road", text="The copper road reopened."))
        newest = lib.add_article(Draft(title="Cobalt talks in Goma", text=text))
        mentions = [_Mention(text, "Goma", "place"), _Mention(text, "cobalt", "commodity")]
        lib.replace_mentions(newest, mentions)
    cache = tmp_path / "cache"  # where the desktop's cache is, on Linux
    report = _first_window(library_path, tmp_path, XDG_CACHE_HOME=str(cache))
    assert (report["style"], report["readable"]) == ("ApplicationStyle", False)
    if sys.platform.startswith("linux"):  # the images were made, where the desktop keeps caches
        assert list(cache.rglob("open-*@2x.png"))
