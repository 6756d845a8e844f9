"""What the command line prints to a terminal: no escape sequences from the library, a
search that starts with ``-``, and a word when a long query was cut.

Before, a title holding ``ESC[31m`` reached the terminal as it was (so did the rest of an
article's text through ``show``), ``search -cobalt`` was a usage error, and a query cut to
the search bounds said nothing. Real ``fieldreader`` processes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json

pytestmark = pytest.mark.e2e

HOSTILE_TITLE = "\x1b[31mRed alert\x1b[0m in Goma"
BODY = (
    "M23 fighters and the FARDC clashed near Goma on Monday, and the cobalt trade slowed. "
    "Officials in Kinshasa said families fled toward Bukavu. \x1b]0;owned\x07 Analysts expect "
    + "more talks in the coming weeks, while traders wait for the roads to reopen. "
    * 5
)
CONTROLS = ("\x1b", "\x07", "\x9b")


@pytest.fixture
def hostile_library(tmp_path: Path) -> Path:
    library = tmp_path / "lib.sqlite"
    article = tmp_path / "hostile.txt"
    article.write_text(f"{HOSTILE_TITLE}\n\n{BODY}\n", encoding="utf-8")
    [result] = run_json(library, "import", str(article))
    assert result["title"] == HOSTILE_TITLE  # stored as it came: only the terminal is spared
    return library


@pytest.mark.parametrize("command", [("list",), ("search", "goma"), ("show", "1")])
def test_titles_and_texts_reach_the_terminal_without_control_characters(
    hostile_library: Path, command: tuple[str, ...]
) -> None:
    proc = run(hostile_library, *command)
    assert proc.returncode == 0, proc.stderr
    assert not [c for c in CONTROLS if c in proc.stdout]
    assert "Red alert in Goma" in proc.stdout
    as_json = run(hostile_library, *command, "--json")
    assert "\\u001b[31m" in as_json.stdout  # JSON keeps the data, escaped


def test_a_query_that_starts_with_a_dash(hostile_library: Path) -> None:
    for args in (("search", "-cobalt"), ("search", "--", "-cobalt"), ("search", "--json", "-x")):
        proc = run(hostile_library, *args)
        assert proc.returncode == 0, (args, proc.stderr)
        assert proc.stderr == ""
    hits = run_json(hostile_library, "search", "-cobalt")  # only an exclusion: its words run
    assert [h["id"] for h in hits] == [1]
    usage = run(hostile_library, "search", "goma", "-x")  # two queries: still a usage error
    assert usage.returncode == 2
    assert "unrecognized arguments: -x" in usage.stderr
    missing = run(hostile_library, "search")
    assert missing.returncode == 2
    assert "the following arguments are required: QUERY" in missing.stderr


def test_a_query_cut_to_the_bounds_says_so_on_one_line(hostile_library: Path) -> None:
    words = " ".join(f"word{i}" for i in range(60))
    proc = run(hostile_library, "search", f"goma {words}", "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []
    [line] = proc.stderr.splitlines()
    assert line.startswith("fieldreader: the query was too long and was cut (at most 32 terms")
    assert line.endswith("word30")  # what ran: goma and the first 31 other words
    short = run(hostile_library, "search", "goma")
    assert short.stderr == ""
