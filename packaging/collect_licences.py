"""Every bundled component's licence, collected into the bundle's ``licences/`` folder.

    python packaging/collect_licences.py dist/fieldreader     # (build.py runs it)

Writes, beside the executable:

- ``licences/python/<Name>-<version>.txt``: each bundled Python distribution's licence
  files, read from its ``.dist-info`` in ``_internal/`` (the spec bundles those, so the
  frozen app's ``importlib.metadata`` and Help › About see the same texts);
- ``licences/Python.txt`` (Python's ``LICENSE.txt``), ``licences/Qt.txt`` (how Qt and Qt
  for Python are used under the LGPL 3, then the LGPL 3 and GPL 3 texts),
  ``licences/SQLite.txt`` (the public-domain dedication);
- ``licences/system/<package>.txt``: for each shared library the build copied from the
  build host (ICU's and OpenSSL's among them), the copyright file of the Debian package
  it came from (``dpkg -S``, ``/usr/share/doc/<package>/copyright``);
- ``licences/index.json`` and ``licences/README.txt``: component, version, licence and file,
  one entry each (``index.json`` is a list of objects with ``name``, ``version``,
  ``licence``, ``file`` and ``covers``: the bundled files it accounts for).

:func:`collect` returns the bundled shared libraries no licence accounts for; the build
fails on any (``build.py``).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from elf_floor import elf_files

COMMON_LICENCES = Path("/usr/share/common-licenses")
DOC = Path("/usr/share/doc")
#: Folders searched for the build host's copy of a bundled system library.
LIBRARY_DIRS = (
    Path("/usr/lib/x86_64-linux-gnu"),
    Path("/lib/x86_64-linux-gnu"),
    Path("/usr/lib/aarch64-linux-gnu"),
    Path("/usr/lib64"),
    Path("/usr/lib"),
    Path("/lib"),
)
#: Libraries the Qt wheel brings with it -> the Debian package whose copyright covers the
#: same project (the wheel ships no licence files of its own).
QT_BUNDLED = {"libicu": "libicu72"}
#: auditwheel's hash in a vendored library's name: libcrypto-0dcfa43e.so.3 -> libcrypto.so.3
AUDITWHEEL_HASH = re.compile(r"-[0-9a-f]{8}(\.so)")
LICENCE_FILE_NAMES = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
SQLITE_NOTE = """\
SQLite (the database engine of the library file, through Python's sqlite3 module and the
SQLCipher build of sqlcipher3) is in the public domain: its authors dedicated it to the
public domain and claim no copyright. See https://www.sqlite.org/copyright.html
"""
QT_NOTE = """\
Qt {version} and Qt for Python (PySide6, shiboken6) {version}
================================================================

Fieldreader uses Qt and Qt for Python under the GNU Lesser General Public License,
version 3 (LGPL-3.0-only). The Qt Company offers them under the LGPL 3, the GPL 2 and
the GPL 3. The unmodified libraries are those of the PySide6-Essentials and shiboken6
wheels from the Python Package Index; their source code is at
https://download.qt.io/official_releases/QtForPython/ and https://code.qt.io/.

They are separate shared libraries in _internal/PySide6/ (Qt/lib/libQt6*.so.6,
QtCore.abi3.so, ...) and _internal/shiboken6/: you may replace them with your own
builds of the same version. The LGPL 3 adds permissions to the GPL 3; both texts follow.

Qt's ICU libraries (libicu*.so.73) are covered by the ICU licence: see
system/{icu}.txt.

"""


@dataclass
class Entry:
    """One licensed component of the bundle."""

    name: str
    version: str
    licence: str
    file: str
    covers: list[str] = field(default_factory=list)


def _metadata(dist_info: Path) -> tuple[str, str, str]:
    """Name, version and licence from a ``.dist-info``'s METADATA."""
    text = (dist_info / "METADATA").read_text(encoding="utf-8", errors="replace")
    meta = HeaderParser().parsestr(text)
    licence = meta.get("License-Expression") or ""
    if not licence:
        short = (meta.get("License") or "").strip()
        licence = short if short and "\n" not in short and len(short) < 120 else ""
    if not licence:
        classifiers = [
            c.split("::")[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        licence = "; ".join(classifiers) or "see the text"
    return str(meta.get("Name") or dist_info.name), str(meta.get("Version") or ""), licence


def _licence_texts(dist_info: Path) -> list[str]:
    found = sorted(
        p
        for p in dist_info.rglob("*")
        if p.is_file() and (LICENCE_FILE_NAMES.match(p.name) or "licenses" in p.parts)
    )
    return [
        f"--- {p.relative_to(dist_info).as_posix()} ---\n"
        + p.read_text(encoding="utf-8", errors="replace").strip()
        for p in found
    ]


def _top_levels(dist_info: Path) -> set[str]:
    names = set()
    top = dist_info / "top_level.txt"
    if top.is_file():
        names |= {line.strip() for line in top.read_text().splitlines() if line.strip()}
    stem = dist_info.name.split("-", 1)[0]
    names |= {stem, f"{stem}.libs", f"{stem.replace('_', '-')}.libs"}
    return names


def _debian_packages(names: list[str]) -> dict[str, str]:
    """Bundled file name -> the Debian package of the host's copy (where dpkg knows it)."""
    paths: dict[str, str] = {}  # every host path the library may be listed under
    for name in names:
        for folder in LIBRARY_DIRS:
            if (folder / name).exists():
                paths[str(folder / name)] = name
    if not paths or shutil.which("dpkg") is None:
        return {}
    out = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True, check=False).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        package, _, path = line.partition(": ")
        if path.strip() in paths:
            found[paths[path.strip()]] = package.split(":")[0].split(",")[0].strip()
    return found


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.rstrip() + "\n", encoding="utf-8")


def _common(name: str) -> str:
    path = COMMON_LICENCES / name
    if not path.is_file():
        raise SystemExit(f"collect_licences: no {path} (install base-files)")
    return path.read_text(encoding="utf-8")


def collect(app: Path) -> tuple[list[Entry], list[str]]:
    """Write ``app/licences/``; return its entries and the shared libraries left unaccounted."""
    internal = app / "_internal"
    out = app / "licences"
    shutil.rmtree(out, ignore_errors=True)
    entries: list[Entry] = []
    owners: dict[str, Entry] = {}  # top-level name in _internal -> entry

    for dist_info in sorted(internal.glob("*.dist-info")):
        name, version, licence = _metadata(dist_info)
        texts = _licence_texts(dist_info)
        if not texts:
            texts = [f"{name} {version}: {licence} (the distribution ships no licence file)"]
        file = f"python/{name}-{version}.txt"
        _write(out / file, f"{name} {version}\nLicence: {licence}\n\n" + "\n\n".join(texts))
        entry = Entry(name, version, licence, file)
        entries.append(entry)
        for top in _top_levels(dist_info):
            owners.setdefault(top, entry)

    # Top-level names the build environment knows (RECORD files: cld3-py -> gcld3).
    by_name = {_canonical(e.name): e for e in entries}
    for top, dists in metadata.packages_distributions().items():
        for dist in dists:
            if _canonical(dist) in by_name:
                owners.setdefault(top, by_name[_canonical(dist)])

    py_version = platform.python_version()
    py_licence = internal / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    python_text = (py_licence / "LICENSE.txt").read_text(encoding="utf-8")
    _write(out / "Python.txt", python_text)
    python = Entry("Python", py_version, "PSF-2.0", "Python.txt")
    entries.append(python)

    qt_version = next((e.version for e in entries if e.name.lower().startswith("pyside6")), "")
    qt = Entry("Qt and Qt for Python", qt_version, "LGPL-3.0-only", "Qt.txt")
    note = QT_NOTE.format(version=qt_version, icu=QT_BUNDLED["libicu"])
    _write(out / "Qt.txt", note + _common("LGPL-3") + "\n\n" + _common("GPL-3"))
    entries.append(qt)
    _write(out / "SQLite.txt", SQLITE_NOTE)
    entries.append(Entry("SQLite", "", "Public domain", "SQLite.txt"))

    # Attribute every bundled shared library; the rest came from the build host.
    unowned: dict[str, list[str]] = {}
    vendored: dict[str, list[str]] = {}  # also under the licence of the project they are
    for path in elf_files(internal):
        rel = path.relative_to(internal)
        top = rel.parts[0].split(".cpython-")[0].split(".abi3")[0]
        label = rel.as_posix()
        if rel.parts[0] in ("PySide6", "shiboken6") or top in ("PySide6", "shiboken6"):
            if path.name.startswith("libicu"):
                unowned.setdefault(path.name, []).append(label)
            else:
                qt.covers.append(label)
        elif top.startswith("libpython") or rel.parts[0].startswith("python3"):
            python.covers.append(label)
        elif rel.parts[0] in owners or top in owners:
            owner = owners.get(rel.parts[0]) or owners[top]
            owner.covers.append(label)
            if rel.parts[0].endswith(".libs"):  # a library a wheel vendors (auditwheel)
                vendored.setdefault(AUDITWHEEL_HASH.sub(r"\1", path.name), []).append(label)
        else:
            unowned.setdefault(path.name, []).append(label)
    icu = sorted(n for n in unowned if n.startswith("libicu"))
    packages = _debian_packages([n for n in unowned if n not in icu] + list(vendored))
    for name in icu:
        packages[name] = QT_BUNDLED["libicu"]
    by_package: dict[str, Entry] = {}
    for name, package in sorted(packages.items()):
        copyright_file = DOC / package / "copyright"
        if not copyright_file.is_file():
            continue
        entry = by_package.get(package)
        if entry is None:
            file = f"system/{package}.txt"
            _write(out / file, copyright_file.read_text(encoding="utf-8", errors="replace"))
            entry = Entry(package, _package_version(package), "see the text", file)
            by_package[package] = entry
            entries.append(entry)
        entry.covers.extend(unowned.pop(name, []) + vendored.get(name, []))
    (out / "index.json").write_text(
        json.dumps([asdict(e) for e in entries], indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lines = [
        "Fieldreader is MIT-licensed (LICENSE beside the executable). It bundles the",
        "components below; each file here holds a component's licence.",
        "",
        *(f"{e.name} {e.version}".strip() + f": {e.licence} -> {e.file}" for e in entries),
    ]
    _write(out / "README.txt", "\n".join(lines))
    left = sorted(label for labels in unowned.values() for label in labels)
    return entries, left


def _package_version(package: str) -> str:
    if shutil.which("dpkg-query") is None:
        return ""
    done = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the built folder (dist/fieldreader)")
    args = parser.parse_args(argv)
    entries, left = collect(args.app)
    print(f"licences: {len(entries)} components in {args.app / 'licences'}")
    for label in left:
        print(f"licences: no licence found for {label}", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
