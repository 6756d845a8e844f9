"""The window's house rules: small rooms, a short main window, every module says what it owns."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from reader.ui.window.main_window import MainWindow

UI = Path(__file__).resolve().parents[3] / "reader" / "ui"
MAX_TOP_LEVEL = 4
MAX_PACKAGE = 12


def test_the_ui_is_packages_of_a_dozen_modules_at_most():
    top = sorted(p.name for p in UI.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, top
    packages = [p for p in UI.iterdir() if (p / "__init__.py").is_file()]
    assert {p.name for p in packages} >= {"window", "common", "tasks", "library", "reader"}
    for package in packages:
        modules = sorted(p.name for p in package.glob("*.py"))
        assert len(modules) <= MAX_PACKAGE, (package.name, modules)
        assert not list(package.glob("*/__init__.py")), f"{package.name} nests packages"


def test_the_main_window_composes_in_under_sixty_lines():
    lines, _start = inspect.getsourcelines(MainWindow.__init__)
    assert len(lines) < 60


def test_every_window_module_says_what_it_owns():
    for path in sorted(UI.rglob("*.py")):
        if path.parent.name in ("safety", "compare"):
            continue  # their own keepers check them
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.relative_to(UI)} has no docstring"
