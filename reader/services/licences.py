"""What Fieldreader is made of, and under which licences: for the About box.

:func:`components` lists Qt and Qt for Python (LGPL-3.0), Python (PSF), SQLite (public
domain) and every installed distribution the app depends on, found from the app's own
distribution metadata (``importlib.metadata``), its requirements followed down (extras
left out). Each :class:`Component` has its licence as the metadata says it (the
``License-Expression``, else a short ``License`` field, else the licence classifiers) and
the licence's text when a licence file ships in its ``dist-info`` (``License-File``
entries, or a file with one of the usual names: ``LICENSE``, ``COPYING``, ``NOTICE``...).
Without its metadata (a frozen app that did not bundle it), a component says its text is
not included. A frozen build's ``licences/`` folder beside the executable (written by
``packaging/collect_licences.py``: ``Qt.txt``, ``Python.txt``, ``SQLite.txt``) gives the
texts of the first three when the interpreter's own files are not there. Reading the
metadata of some 25 distributions takes about 40 ms.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

APP_DISTRIBUTION = "fieldreader"
#: The app's direct requirements, for when its own metadata is missing (a frozen build);
#: a test checks they match the installed distribution's.
DIRECT_REQUIREMENTS = (
    "PySide6-Essentials",
    "sqlite-utils",
    "markdown",
    "platformdirs",
    "readability-lxml",
    "lxml-html-clean",
    "PyYAML",
    "python-dateutil",
    "pyahocorasick",
    "pypdf",
    "feedparser",
    "lxml",
    "mammoth",
    "cld3-py",
    "charset-normalizer",
    "PyStemmer",
    "sqlcipher3",
)
QT_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6", "shiboken6")
#: Licence files looked for in a ``dist-info`` whose metadata names none.
LICENCE_NAMES = tuple(
    f"{stem}{suffix}"
    for stem in ("LICENSE", "LICENCE", "COPYING", "LICENSE-MIT", "NOTICE")
    for suffix in ("", ".txt", ".md", ".rst")
)
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
SHORT_LICENCE = 120  # a License field longer than this is the licence's text itself
NO_TEXT = "licence text not included"
BUNDLED_FOLDER = "licences"  # beside a frozen app's executable
SQLITE_TEXT = (
    "SQLite is in the public domain: its authors gave up every claim of copyright, so it\n"
    "may be used, copied and changed by anyone, for any purpose, without a licence.\n"
    "See https://www.sqlite.org/copyright.html\n"
)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the app: its name, version, licence and (when shipped) the licence's text."""

    name: str
    version: str
    licence: str
    text: str | None = None
    summary: str = ""

    @property
    def text_or_note(self) -> str:
        """The licence's text, or a line saying it is not included."""
        return self.text if self.text else f"{self.name}: {self.licence} ({NO_TEXT})."


def canonical(name: str) -> str:
    """A distribution name as the index compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _distribution(name: str) -> metadata.Distribution | None:
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def requirement_names(requirements: Iterable[str] | None) -> list[str]:
    """The names of ``requirements`` (``Requires-Dist`` lines), extras-only ones left out."""
    names: list[str] = []
    for line in requirements or ():
        _spec, _sep, marker = line.partition(";")
        if "extra" in marker:
            continue
        found = REQUIREMENT_NAME.match(line)
        if found:
            names.append(found.group(1))
    return names


Metadata = Any  # what ``Distribution.metadata`` gives (an email message); read it once


def licence_of(meta: Metadata) -> str:
    """The licence a distribution's metadata names (``"unknown"`` when it names none)."""
    expression = meta.get("License-Expression")
    if expression:
        return str(expression).strip()
    field = str(meta.get("License") or "").strip()
    if field and len(field) <= SHORT_LICENCE and "\n" not in field and field != "UNKNOWN":
        return field
    classifiers = [
        str(c).split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if str(c).startswith("License ::")
    ]
    return "; ".join(classifiers) if classifiers else "unknown"


def licence_text(dist: metadata.Distribution, meta: Metadata) -> str | None:
    """The text of a distribution's licence files in its ``dist-info`` (None: none there):
    those its ``License-File`` entries name, else the usual names (:data:`LICENCE_NAMES`)."""
    named = [str(n) for n in meta.get_all("License-File") or []]
    texts: list[str] = []
    for name in named or LICENCE_NAMES:
        for candidate in (f"licenses/{name}", name):
            text = dist.read_text(candidate)
            if text:
                texts.append(text.strip())
                break
    if not texts:
        field = str(meta.get("License") or "").strip()
        if len(field) > SHORT_LICENCE:  # the field holds the whole text
            texts.append(field)
    return "\n\n".join(texts) + "\n" if texts else None


def dependencies(app: str = APP_DISTRIBUTION) -> list[tuple[metadata.Distribution, Metadata]]:
    """Every installed distribution ``app`` depends on, directly or not, in name order,
    each with its metadata."""
    root = _distribution(app)
    todo = (
        requirement_names(root.metadata.get_all("Requires-Dist"))
        if root is not None
        else list(DIRECT_REQUIREMENTS)
    )
    found: dict[str, tuple[metadata.Distribution, Metadata]] = {}
    while todo:
        name = canonical(todo.pop())
        if name in found or name == canonical(app):
            continue
        dist = _distribution(name)
        if dist is None:
            continue  # not installed here (a platform's own requirement)
        meta = dist.metadata
        found[name] = (dist, meta)
        todo.extend(requirement_names(meta.get_all("Requires-Dist")))
    return [found[k] for k in sorted(found)]


def bundled_text(name: str) -> str | None:
    """``licences/NAME.txt`` beside a frozen app's executable, if there is one."""
    if not getattr(sys, "frozen", False):
        return None
    path = Path(sys.executable).resolve().parent / BUNDLED_FOLDER / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def python_licence_text() -> str | None:
    """Python's own ``LICENSE.txt`` where the interpreter keeps it (or the bundle's)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in (Path(sys.base_prefix) / "lib" / version, Path(sys.base_prefix)):
        path = folder / "LICENSE.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return bundled_text("Python")


def _qt_component() -> Component:
    versions = [d.version for d in map(_distribution, QT_DISTRIBUTIONS) if d is not None]
    texts = [
        t
        for d in map(_distribution, QT_DISTRIBUTIONS)
        if d is not None
        if (t := licence_text(d, d.metadata))
    ]
    return Component(
        "Qt for Python (PySide6) and Qt",
        versions[0] if versions else "",
        "LGPL-3.0-only (Qt for Python and Qt are also offered under GPL-2.0 and GPL-3.0)",
        "\n\n".join(texts) or bundled_text("Qt"),
        "The window, its widgets and text views",
    )


def components(app: str = APP_DISTRIBUTION, *, sqlite_version: str = "") -> list[Component]:
    """Qt, Python, SQLite, then every installed dependency of ``app`` (see the module doc)."""
    qt_names = {canonical(n) for n in QT_DISTRIBUTIONS}
    listed = [
        _qt_component(),
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0 (Python Software Foundation License)",
            python_licence_text(),
            "The language the app is written in, and its standard library",
        ),
        Component(
            "SQLite",
            sqlite_version,
            "Public domain",
            bundled_text("SQLite") or SQLITE_TEXT,
            "The library file's database engine",
        ),
    ]
    for dist, meta in dependencies(app):
        name = str(meta.get("Name") or "")
        if canonical(name) in qt_names:
            continue
        listed.append(
            Component(
                name,
                str(meta.get("Version") or ""),
                licence_of(meta),
                licence_text(dist, meta),
                str(meta.get("Summary") or ""),
            )
        )
    return listed
