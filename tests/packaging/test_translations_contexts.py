"""packaging/translations.py hands lupdate the strings it cannot read itself: those whose
context (or text) is a module-level constant, as in ``QT_TRANSLATE_NOOP(CONTEXT, "...")``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from helpers.paths import ROOT


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fieldreader_translations_ctx", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_named_contexts_are_found(tmp_path: Path) -> None:
    source = tmp_path / "pane.py"
    source.write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n"
        "CONTEXT = 'ComparePane'\n"
        "TEXT = 'Undo it'\n"
        "HINT = QT_TRANSLATE_NOOP(CONTEXT, 'A accept')\n"
        "WORDS = {1: QT_TRANSLATE_NOOP(CONTEXT, 'Accepted')}\n"
        "QCoreApplication.translate(CONTEXT, '{0} and {1} more')\n"
        "QCoreApplication.translate(CONTEXT, TEXT)\n"
        "QCoreApplication.translate('Literal', 'lupdate reads this one')\n"
        "QCoreApplication.translate(CONTEXT, name)\n"
        "QCoreApplication.translate(UNKNOWN, 'no context known')\n",
        encoding="utf-8",
    )
    assert sorted(_tool().helper_messages([source])) == [
        ("ComparePane", "A accept"),
        ("ComparePane", "Accepted"),
        ("ComparePane", "Undo it"),
        ("ComparePane", "{0} and {1} more"),
    ]


def test_the_comparison_hint_is_in_the_catalogue() -> None:
    """A string only reachable through a named context has its French translation."""
    tool = _tool()
    pane = ROOT / "reader" / "ui" / "compare" / "pane.py"
    messages = tool.helper_messages([pane])
    assert ("ComparePane", "{0} and {1} more") in messages
    ts = tool.ts_path("fr").read_text(encoding="utf-8")
    assert "<source>{0} and {1} more</source>" in ts
