"""Every option of the framing and entity commands says what it is for; `entity add` and
`entity retype` name the entity types in their help and in their error for a bad type."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.corrections import TYPES
from reader.cli import build_parser

COMMANDS = ("compare", "code", "coding", "codebook", "entities", "entity", "reextract")


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def leaves(name: str, parser: argparse.ArgumentParser):
    subs = subparsers(parser)
    if not subs:
        yield name, parser
        return
    for sub_name, sub in subs.items():
        yield from leaves(f"{name} {sub_name}", sub)


def commands() -> list[tuple[str, argparse.ArgumentParser]]:
    top = subparsers(build_parser())
    return [leaf for name in COMMANDS for leaf in leaves(name, top[name])]


@pytest.mark.parametrize(("name", "parser"), commands(), ids=lambda v: str(v).replace(" ", "-"))
def test_every_option_has_help(name, parser):
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{name}: {action.dest} has no help"


def test_the_dimension_and_codebook_options_explain_themselves():
    top = subparsers(build_parser())
    text = top["code"].format_help()
    assert "--dimension ID  a dimension of the codebook" in text
    assert "fieldreader codebook list" in text
    assert "default: minerals-for-security" in " ".join(text.split())
    assert "tag:ukraine" in top["compare"].format_help()


def test_entity_add_lists_the_types():
    entity = subparsers(subparsers(build_parser())["entity"])
    for command in ("add", "retype"):
        text = " ".join(entity[command].format_help().split())
        assert all(t in text for t in TYPES), command


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_bad_type_names_the_good_ones(tmp_path: Path):
    done = run(tmp_path / "lib.sqlite", "entity", "add", "Lake Kivu", "lake")
    assert done.returncode == 1
    assert done.stdout == ""
    line = done.stderr.strip()
    assert "\n" not in line
    assert "unknown entity type 'lake'" in line
    assert all(t in line for t in TYPES)
