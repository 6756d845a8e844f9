"""The layers hold: no SQL outside ``reader/library``, and no Qt in the core.

Two checks of the source itself. Every module of ``reader`` outside ``reader/library`` is
read: none may reach for a connection (an attribute named ``db``), run a statement
(``execute(``, ``executemany(``, ``executescript(``) or hold SQL in a string (``SELECT``,
``INSERT``, ``UPDATE``, ``DELETE``, ``BEGIN``, ``COMMIT`` and the like, as words in capitals;
docstrings may name them). And every module of the core (library, ingest, analysis,
services, cli, and the top-level helpers) is imported in a fresh interpreter, which must
end without PySide6 loaded.
"""

from __future__ import annotations

import ast
import io
import pkgutil
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

import reader
from helpers.paths import ROOT

READER = ROOT / "reader"
LIBRARY = READER / "library"
CORE_PACKAGES = ("library", "ingest", "analysis", "services", "cli")
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|"
    r"CREATE TABLE|DROP TABLE|ALTER TABLE)\b"
)
STATEMENT_CALLS = {"execute", "executemany", "executescript"}


def _outside_library() -> list[Path]:
    return sorted(p for p in READER.rglob("*.py") if LIBRARY not in p.parents)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
        ):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_in_source(source: str) -> list[str]:
    """What in ``source`` looks like a connection, a statement or SQL text."""
    found: list[str] = []
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE)
    ]
    for before, token, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        line = token.start[0]
        if before.string == "." and token.type == tokenize.NAME and token.string == "db":
            found.append(f"line {line}: .db")
        if token.string in STATEMENT_CALLS and after.string == "(" and before.string != "def":
            found.append(f"line {line}: {token.string}(")
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            match = SQL_WORDS.search(node.value)
            if match:
                found.append(f"line {node.lineno}: SQL {match.group(0)!r} in a string")
    return found


def test_the_check_finds_what_it_looks_for() -> None:
    bad = (
        "rows = library.db.execute('SELECT id FROM articles')\n"
        'conn.executemany(f"INSERT INTO t VALUES ({marks})", rows)\n'
        "cursor.execute('BEGIN IMMEDIATE')\n"
    )
    found = sql_in_source(bad)
    assert any(".db" in f for f in found)
    assert any("execute(" in f for f in found)
    assert any("executemany(" in f for f in found)
    assert {f.split("'")[1] for f in found if "SQL" in f} == {"SELECT", "INSERT", "BEGIN"}
    fine = (
        '"""Docstrings may say BEGIN IMMEDIATE."""\n'
        "def _execute(self):  # a task runs: not a statement\n"
        "    self.task._execute()\n"
        "FILTER = 'Fieldreader library (*.sqlite *.db)'\n"
        "label = 'Select the articles, then delete or update them'\n"
    )
    assert sql_in_source(fine) == []


@pytest.mark.parametrize("path", _outside_library(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_outside_the_library(path: Path) -> None:
    found = sql_in_source(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: " + "; ".join(found)


def core_modules() -> list[str]:
    """Every module of the Qt-free core, found by walking its packages."""
    names = ["reader", "reader.resources", "reader.locations"]
    for package in CORE_PACKAGES:
        names.append(f"reader.{package}")
        path = [str(READER / package)]
        names += [m.name for m in pkgutil.walk_packages(path, prefix=f"reader.{package}.")]
    return names


def test_every_core_module_is_found() -> None:
    modules = core_modules()
    on_disk = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in CORE_PACKAGES
        for p in (READER / package).rglob("*.py")
    }
    assert on_disk <= set(modules)
    assert "reader.services.maintenance" in modules
    assert "reader.library.errors" in modules
    assert reader.__name__ == "reader"


def test_core_imports_without_pyside6() -> None:
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(len(sys.modules), ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    count, _, loaded = out.partition(" ")
    assert int(count) > len(modules)
    assert loaded == ""
