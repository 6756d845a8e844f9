"""Bring the interface's translations up to date with the code, and compile them.

The window's English strings are in the code (``self.tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP`` under ``reader/ui``); their translations are Qt ``.ts`` files in
``resources/translations/`` (``fieldreader_fr.ts``), edited by hand or with Qt Linguist
(``pyside6-linguist``), and compiled to the ``.qm`` the app loads. Qt's own translation of
its standard dialogs (``qtbase_fr.qm``) is copied beside them from the Qt in the venv, so a
frozen build (which drops Qt's translations folder) still has it.

    python packaging/translations.py            # lupdate, lrelease, copy qtbase_xx.qm
    python packaging/translations.py --check    # exit 1 if a string has no finished
                                                # translation (nothing is written)

Both tools come with PySide6 (``pyside6-lupdate``, ``pyside6-lrelease`` beside the Python
running this script). lupdate only sees ``tr(...)``, ``translate("Context", ...)`` and
``QT_TRANSLATE_NOOP`` calls; a module's own one-line helper such as
``def _tr(text): return QCoreApplication.translate(CONTEXT, text)`` hides its literals from
it, so :func:`helper_messages` finds the literal calls of such helpers (by reading the code)
and hands them to lupdate as a generated file of plain ``translate`` calls; so it does with
``translate(CONTEXT, "text")`` and ``QT_TRANSLATE_NOOP(CONTEXT, "text")`` whose context is a
module-level constant (lupdate cannot read a name and drops them). Strings that
vanished from the code stay in the ``.ts`` marked so (a string that comes back gets its
translation back); ``--prune`` drops them.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "reader" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``) beside this Python, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"translations: {name} not found (pip install PySide6)")
    return found


def source_files(root: Path = SOURCES) -> list[Path]:
    """The Python files lupdate reads, in a stable order."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"fieldreader_{language}.ts"


def _is_translate(node: ast.expr) -> bool:
    """``QCoreApplication.translate`` or ``translate`` (a call's function)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "translate"
    return isinstance(node, ast.Name) and node.id == "translate"


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level string constants, ``{name: value}``."""
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _is_noop(node: ast.expr) -> bool:
    """``QT_TRANSLATE_NOOP`` (a call's function)."""
    return isinstance(node, ast.Name) and node.id == "QT_TRANSLATE_NOOP"


def _helpers(tree: ast.Module) -> dict[str, str]:
    """``{helper name: context}`` for the module's functions that only return
    ``translate(<context>, <their first parameter>)``, the context a literal or a
    module-level string constant."""
    constants = _constants(tree)
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]  # a docstring is fine
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if not isinstance(call, ast.Call) or not _is_translate(call.func) or len(call.args) != 2:
            continue
        context, text = call.args
        if not (isinstance(text, ast.Name) and text.id == node.args.args[0].arg):
            continue
        if isinstance(context, ast.Constant) and isinstance(context.value, str):
            found[node.name] = context.value
        elif isinstance(context, ast.Name) and context.id in constants:
            found[node.name] = constants[context.id]
    return found


def _named_context(node: ast.Call, constants: dict[str, str]) -> tuple[str, str] | None:
    """``(context, text)`` of ``translate(CONTEXT, "text")`` or
    ``QT_TRANSLATE_NOOP(CONTEXT, "text")`` whose context (or text) is a module-level
    string constant: lupdate cannot read a name, so it drops such calls."""
    if not (_is_translate(node.func) or _is_noop(node.func)) or len(node.args) < 2:
        return None
    context, text = node.args[0], node.args[1]
    if isinstance(context, ast.Constant) and isinstance(text, ast.Constant):
        return None  # lupdate reads it itself
    values = []
    for arg in (context, text):
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            values.append(arg.value)
        elif isinstance(arg, ast.Name) and arg.id in constants:
            values.append(constants[arg.id])
        else:
            return None
    return values[0], values[1]


def helper_messages(files: Sequence[Path]) -> list[tuple[str, str]]:
    """``(context, text)`` of every literal call of a module's translating helper, and of
    every ``translate``/``QT_TRANSLATE_NOOP`` whose context is a module-level constant."""
    messages = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _helpers(tree)
        constants = _constants(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                named = _named_context(node, constants)
                if named is not None:
                    messages.append(named)
                    continue
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in helpers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                messages.append((helpers[node.func.id], node.args[0].value))
    return messages


def lupdate(ts_file: Path, sources: Sequence[Path] | None = None, *, prune: bool = False) -> None:
    """Merge the strings of ``sources`` (default: all of ``reader/ui``) into ``ts_file``,
    keeping the translations it already has; new strings are marked unfinished."""
    files = list(sources if sources is not None else source_files())
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "helper_strings.py"
        extra.write_text(
            "".join(f"translate({c!r}, {t!r})\n" for c, t in helper_messages(files)),
            encoding="utf-8",
        )
        options = ["-silent", "-locations", "none", *(["-no-obsolete"] if prune else [])]
        subprocess.run(
            [tool("pyside6-lupdate"), *options, *map(str, files), str(extra), "-ts", str(ts_file)],
            check=True,
        )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file`` (unfinished strings are left out)."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)],
        check=True,
    )


@dataclass(frozen=True, slots=True)
class Missing:
    """A string of the code with no finished translation."""

    context: str
    source: str


def missing(ts_file: Path) -> list[Missing]:
    """The messages of ``ts_file`` whose translation is unfinished or empty."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext())
            if translation is None or translation.get("type") == "unfinished" or not text.strip():
                if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                    continue
                found.append(Missing(name, message.findtext("source", "")))
    return found


def check(language: str) -> list[Missing]:
    """The strings of the code that ``fieldreader_<language>.ts`` does not translate yet
    (the ``.ts`` is merged into a temporary copy; nothing here is written)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(language).name
        if ts_path(language).is_file():
            shutil.copyfile(ts_path(language), copy)
        lupdate(copy)
        return missing(copy)


def qt_translations_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def update(language: str, *, prune: bool = False) -> list[Missing]:
    """Update and compile one language; copy Qt's own ``qtbase_<language>.qm`` beside it."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    ts_file = ts_path(language)
    lupdate(ts_file, prune=prune)
    lrelease(ts_file, ts_file.with_suffix(".qm"))
    qt_qm = qt_translations_dir() / f"qtbase_{language}.qm"
    if qt_qm.is_file():
        shutil.copyfile(qt_qm, TRANSLATIONS / qt_qm.name)
    return missing(ts_file)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    parser.add_argument("--prune", action="store_true", help="drop strings gone from the code")
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES), metavar="LANG")
    args = parser.parse_args(argv)
    status = 0
    for language in args.languages:
        left = check(language) if args.check else update(language, prune=args.prune)
        for item in left:
            print(f"{language}: untranslated [{item.context}] {item.source!r}")
        if left:
            status = 1
        print(f"{language}: {len(left)} string(s) without a finished translation", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
