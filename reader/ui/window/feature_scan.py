"""Spare the window's start PySide's reading of every module's source (issue #19).

Once PySide6 is imported, its import hook looks at each module imported after it to decide
whether the module may switch PySide's ``__feature__`` options (``snake_case``,
``true_property``): it reads the module's whole source with ``inspect.getsource`` and
looks for the word "PySide6" (``shibokensupport/feature.py``, ``_mod_uses_pyside``). The
window imports more than a hundred of this package's modules after PySide, so that reading
cost its start tens of milliseconds on two cores.

:func:`declare_modules` answers the question beforehand for what the window imports:
this package's modules (none imports ``__feature__``: each gets the answer PySide gives a
module that uses PySide without features, select id 0, Qt's usual names) and the standard
library's (``sys.stdlib_module_names``: none mentions PySide6, so PySide's answer is -1,
"ignore this module"). A module already answered for is left as it is, a name missing from
the table is read as before, and without that table (another PySide) nothing is done: only
the time the reading took changes. A frozen app (its modules in an archive, no source to
read) has none of this package's files to list.
"""

from __future__ import annotations

import builtins
import os
import sys
from pathlib import Path

#: PySide's table: module name -> feature select id (-1: ignore the module).
TABLE_NAME = "pyside_feature_dict"
#: The select id of a module that uses PySide with no feature: Qt's own names.
NO_FEATURE = 0
#: The select id of a module that does not use PySide.
IGNORED = -1


def own_module_names(root: Path | None = None) -> list[str]:
    """The dotted names of the modules of the ``reader`` package (from its folders)."""
    top = Path(root) if root is not None else Path(__file__).resolve().parents[2]
    names: list[str] = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        parts = Path(folder).relative_to(top.parent).parts
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                names.append(".".join(parts if stem == "__init__" else (*parts, stem)))
    return names


def feature_table() -> dict[str, int] | None:
    """PySide's feature table, once PySide6 is imported (None before, or in a PySide
    without it)."""
    table = getattr(builtins, TABLE_NAME, None)
    if not isinstance(table, dict):
        for name in ("shibokensupport.feature", "PySide6.support.feature"):
            table = getattr(sys.modules.get(name), TABLE_NAME, None)
            if isinstance(table, dict):
                break
    return table if isinstance(table, dict) else None


def declare_modules(root: Path | None = None) -> int:
    """Import PySide6's core and tell its feature table, for each module of this package
    and of the standard library it has no answer for yet, what it would find by reading
    it; how many were told."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its table)

    table = feature_table()
    if table is None:
        return 0
    answers = dict.fromkeys(sys.stdlib_module_names, IGNORED)
    answers.update(dict.fromkeys(own_module_names(root), NO_FEATURE))
    told = 0
    for name, answer in answers.items():
        if name not in table:
            table[name] = answer
            told += 1
    return told
