"""What PySide would learn by reading each module, told beforehand
(:mod:`reader.ui.window.feature_scan`)."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest

from reader.ui.window import feature_scan
from reader.ui.window.feature_scan import (
    IGNORED,
    NO_FEATURE,
    declare_modules,
    feature_table,
    own_module_names,
)


def test_every_module_of_the_package_is_named() -> None:
    names = own_module_names()
    assert {"reader", "reader.app", "reader.ui.window.feature_scan", "reader.library"} <= set(names)
    assert not [n for n in names if "__" in n.replace("__main__", "")]
    root = Path(feature_scan.__file__).resolve().parents[2]
    assert len(names) == sum(1 for _ in root.rglob("*.py") if "__pycache__" not in _.parts)


def test_a_folder_of_modules(tmp_path: Path) -> None:
    top = tmp_path / "pkg"
    (top / "sub" / "__pycache__").mkdir(parents=True)
    for name in ("__init__.py", "a.py", "sub/__init__.py", "sub/b.py", "sub/__pycache__/c.py"):
        (top / name).write_text("")
    (top / "notes.txt").write_text("")
    assert sorted(own_module_names(top)) == ["pkg", "pkg.a", "pkg.sub", "pkg.sub.b"]


def test_the_table_gets_the_answers_it_would_have_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / "pkg"
    top.mkdir()
    (top / "__init__.py").write_text("")
    (top / "window.py").write_text("")
    table = {"pkg.window": 3}  # already answered: kept
    monkeypatch.setattr(builtins, "pyside_feature_dict", table, raising=False)
    assert feature_table() is table
    told = declare_modules(top)
    assert table["pkg"] == NO_FEATURE
    assert table["pkg.window"] == 3
    assert table["json"] == table["os"] == IGNORED
    assert told == 1 + len(sys.stdlib_module_names)
    assert declare_modules(top) == 0  # nothing new to tell


def test_without_the_table_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(builtins, "pyside_feature_dict", raising=False)
    for name in ("shibokensupport.feature", "PySide6.support.feature"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert feature_table() is None
    assert declare_modules() == 0
