"""No visible string is left untranslated: the French catalogue covers every string lupdate
finds in ``reader/ui``, and no literal reaches a Qt text setter without ``tr``/``translate``.

Files still being converted are listed in :data:`NOT_YET_CONVERTED` (both checks skip them);
the list only shrinks.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from helpers.paths import ROOT

UI = ROOT / "reader" / "ui"

#: Files (relative to ``reader/ui``) whose strings are not all through the translation yet.
NOT_YET_CONVERTED: frozenset[str] = frozenset()
#: Literals that are the same in every language (the product's name, a URL's start).
SAME_IN_EVERY_LANGUAGE = {"Fieldreader", "https://", "http://"}

#: Calls that put text on screen: name -> positions of the arguments that are visible text.
VISIBLE_ARGS: dict[str, tuple[int, ...]] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setHeaderLabels": (0,),
    "setTabText": (1,),
    "addTab": (1,),
    "setItemText": (1,),
    "insertItem": (1,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setButtonText": (1,),
    "setCancelButtonText": (0,),
    "setOkButtonText": (0,),
    "addButton": (0,),
    "addRow": (0,),
    "showMessage": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QMenu": (0,),
    "QAction": (0, 1),
    "addAction": (0, 1),
    "addMenu": (0, 1),
    "QMessageBox": (2, 3),
    "QProgressDialog": (0, 1),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
    "getExistingDirectory": (1,),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "make_action": (1,),
    "filter_edit": (2,),
    "choice_combo": (3, 4),
    "with_placeholder": (3,),
}
VISIBLE_KEYWORDS = {"text", "title", "caption", "label", "tip", "toolTip", "placeholder"}
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fieldreader_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _ui_files() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def _converted() -> list[Path]:
    return [p for p in _ui_files() if p.relative_to(UI).as_posix() not in NOT_YET_CONVERTED]


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _has_words(text: str) -> bool:
    """Letters outside markup (``<span style=...>`` and ``&nbsp;`` say nothing)."""
    return any(c.isalpha() for c in MARKUP.sub("", text))


def _wordy(node: ast.expr) -> bool:
    """A literal (or f-string, or ``"...".format(...)``) with words in it."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "format":
            return _wordy(node.func.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in SAME_IN_EVERY_LANGUAGE and _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return _has_words(
            "".join(str(v.value) if isinstance(v, ast.Constant) else "\x00" for v in node.values)
        )
    if isinstance(node, ast.BinOp):
        return _wordy(node.left) or _wordy(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_wordy(e) for e in node.elts)
    return False


def untranslated_literals(path: Path) -> list[str]:
    """:func:`scan` over the file ``path``."""
    return scan(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())


def scan(code: str, where: str) -> list[str]:
    """``where:line: call(...)`` for each literal handed straight to a visible-text call, each
    ``tr("Context", "text")`` (an alias of ``translate`` named ``tr``: lupdate reads it as
    ``self.tr`` and records the context as the text) and each bare ``tr("text")`` (an alias
    of ``self.tr``: lupdate records it with no context, so its translation is never found)."""
    tree = ast.parse(code, where)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name == "tr" and isinstance(node.func, ast.Name):
            literals = [a for a in node.args[:2] if isinstance(a, ast.Constant)]
            if len(literals) == 2:
                found.append(f"{where}:{node.lineno}: tr() with a context: use translate()")
            elif literals:
                found.append(f"{where}:{node.lineno}: a bare tr() has no context: use self.tr()")
            continue
        positions = VISIBLE_ARGS.get(name)
        if positions is None:
            continue
        args = [a for i, a in enumerate(node.args) if i in positions]
        args += [k.value for k in node.keywords if k.arg in VISIBLE_KEYWORDS]
        for arg in args:
            if _wordy(arg):
                found.append(f"{where}:{node.lineno}: {name}({ast.unparse(arg)[:60]})")
    return found


def test_no_literal_reaches_a_text_setter_untranslated():
    found = [line for path in _converted() for line in untranslated_literals(path)]
    assert found == []


def test_the_scan_finds_what_it_should():
    code = (
        "label.setText('Hello there')\n"
        "box.setWindowTitle(f'About {name}')\n"
        "menu.addAction('&Open', handler)\n"
        "edit.setPlaceholderText('Filter {x}'.format(x=1))\n"
        "tr('Ctx', 'Aliased')\n"
        "tr('Bare')\n"
        "label.setText(self.tr('Fine'))\n"
        "label.setText(QCoreApplication.translate('Ctx', 'Fine'))\n"
        "label.setObjectName('notVisible')\n"
        "label.setText('')\n"
        "label.setText(f\"<b style='color:{c}'>{n}</b> &mdash;\")\n"
    )
    found = scan(code, "sample.py")
    assert [line.split(": ", 1)[1] for line in found] == [
        "setText('Hello there')",
        "setWindowTitle(f'About {name}')",
        "addAction('&Open')",
        "setPlaceholderText('Filter {x}'.format(x=1))",
        "tr() with a context: use translate()",
        "a bare tr() has no context: use self.tr()",
    ]


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
    reason="pyside6-lupdate is not installed beside this Python",
)
def test_every_string_lupdate_finds_has_a_finished_french_translation(tmp_path: Path):
    tool = _load_tool()
    ts = tmp_path / "fieldreader_fr.ts"
    shutil.copyfile(tool.ts_path("fr"), ts)
    tool.lupdate(ts, _converted())
    missing = [f"[{m.context}] {m.source!r}" for m in tool.missing(ts)]
    assert missing == []


def test_the_catalogue_check_notices_a_new_string(tmp_path: Path):
    tool = _load_tool()
    source = tmp_path / "pane.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "QCoreApplication.translate('TaskProgress', 'Cancel')\n"
        "QCoreApplication.translate('NewPane', 'A string nobody translated')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "fieldreader_fr.ts"
    shutil.copyfile(tool.ts_path("fr"), ts)
    tool.lupdate(ts, [source])
    assert [(m.context, m.source) for m in tool.missing(ts)] == [
        ("NewPane", "A string nobody translated")
    ]


def test_helper_functions_literals_reach_the_catalogue(tmp_path: Path):
    tool = _load_tool()
    source = tmp_path / "menus.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "CONTEXT = 'Menus'\n"
        "def _tr(text: str) -> str:\n"
        "    return QCoreApplication.translate(CONTEXT, text)\n"
        "_tr('&Quit')\n"
        "_tr(name)\n",
        encoding="utf-8",
    )
    assert tool.helper_messages([source]) == [("Menus", "&Quit")]
