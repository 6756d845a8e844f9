"""The Debian/Ubuntu package: ``dist/fieldreader_VERSION_amd64.deb``, built with ``dpkg-deb``.

    python packaging/deb.py dist/fieldreader     # (build.py runs it after the folder)

Layout: the app folder under ``/opt/fieldreader/`` (its ``share/`` and
``install-desktop.sh`` left out), ``/usr/bin/fieldreader`` a link to the executable, the
desktop entry, AppStream metadata and hicolor icons under ``/usr/share/``, and
``/usr/share/doc/fieldreader/copyright`` (the MIT licence; every bundled component's
licence is in ``/opt/fieldreader/licences/``).

``Depends:`` comes from the bundle itself (:func:`system_needs`): every library an ELF
file of the bundle links against that the bundle does not carry, mapped to its Debian
package through ``dpkg -S`` on the build host (or :data:`KNOWN_PACKAGES` without dpkg),
plus what the app uses without linking it (:data:`RUNTIME_PACKAGES`) and
``libc6 (>= 2.35)``, the glibc floor ``elf_floor.py`` checks.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from collect_licences import LIBRARY_DIRS
from elf_floor import GLIBC_FLOOR, dotted, elf_files
from trim import elf_needed

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "fieldreader"
PREFIX = Path("opt") / PACKAGE
MAINTAINER = "Fieldreader contributors <fieldreader@users.noreply.github.com>"
#: Debian package of each system library the Linux bundle is known to need (used when the
#: build host has no dpkg to ask, and to check what dpkg says). Ubuntu 22.04 has them all.
KNOWN_PACKAGES = {
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libutil.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "libcrypt.so.1": "libcrypt1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
#: Packages the app needs although no bundled file links them: the certificates HTTPS
#: checks servers against (fonts come with libfontconfig1's fontconfig-config).
RUNTIME_PACKAGES = ("ca-certificates",)
PACKAGE_ALIASES = {"libgcc1": "libgcc-s1"}


def bundled_names(app: Path) -> set[str]:
    return {p.name for p in app.rglob("*")}


def system_needs(app: Path, needed: Callable[[str], set[str]] = elf_needed) -> set[str]:
    """The sonames the bundle's ELF files link against that the bundle does not carry."""
    have = bundled_names(app)
    wanted: set[str] = set()
    for path in elf_files(app):
        wanted |= needed(str(path))
    return {name for name in wanted - have if not name.startswith("ld-linux")}


def debian_packages(sonames: set[str]) -> tuple[set[str], set[str]]:
    """The packages providing ``sonames`` on this host (dpkg), else by :data:`KNOWN_PACKAGES`;
    returns the packages and the sonames no package was found for."""
    packages: set[str] = set()
    left = set(sonames)
    if shutil.which("dpkg"):
        paths = {
            str(folder / name): name
            for name in sonames
            for folder in LIBRARY_DIRS
            if (folder / name).exists()
        }
        out = subprocess.run(
            ["dpkg", "-S", *paths], capture_output=True, text=True, check=False
        ).stdout
        for line in out.splitlines():
            owner, _, path = line.partition(": ")
            name = paths.get(path.strip())
            if name is not None:
                package = owner.split(",")[0].split(":")[0].strip()
                packages.add(PACKAGE_ALIASES.get(package, package))
                left.discard(name)
    for name in sorted(left):
        if name in KNOWN_PACKAGES:
            packages.add(KNOWN_PACKAGES[name])
            left.discard(name)
    return packages, left


def depends(app: Path) -> tuple[str, set[str]]:
    """The ``Depends:`` value, and the sonames left unresolved."""
    packages, left = debian_packages(system_needs(app))
    packages |= set(RUNTIME_PACKAGES)
    packages.discard("libc6")
    floor = f"libc6 (>= {dotted(GLIBC_FLOOR)})"
    return ", ".join([floor, *sorted(packages)]), left


def debian_version(version: str) -> str:
    """``1.2rc1`` -> ``1.2~rc1`` (a pre-release sorts before the release in dpkg)."""
    return re.sub(r"(\d)\.?(a|b|rc|dev)(\d*)", r"\1~\2\3", version)


def control(version: str, depends_on: str, installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {debian_version(version)}\n"
        "Section: text\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends_on}\n"
        "Homepage: https://github.com/fieldreader/fieldreader\n"
        "Description: offline reader for articles, reports and notes\n"
        " Fieldreader keeps news articles, reports and your own notes in one local\n"
        " library file, with full-text search, entities and a calm reading window.\n"
        " It works with no connection and fetches a page only when asked to.\n"
    )


def _copy_share(app: Path, root: Path) -> None:
    share = app / "share"
    for path in sorted(share.rglob("*")):
        if path.is_file():
            target = root / "usr" / "share" / path.relative_to(share)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def build_deb(app: Path, version: str, target_dir: Path) -> tuple[Path, str]:
    """Build the .deb from the built folder ``app``; return its path and its Depends."""
    depends_on, left = depends(app)
    if left:
        raise SystemExit(
            "deb: no Debian package found for "
            + ", ".join(sorted(left))
            + " (add it to KNOWN_PACKAGES in packaging/deb.py)"
        )
    stage = ROOT / "build" / "deb" / PACKAGE
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / PREFIX
    shutil.copytree(
        app, opt, symlinks=True, ignore=shutil.ignore_patterns("share", "install-desktop.sh")
    )
    _copy_share(app, stage)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/{PREFIX}/fieldreader", stage / "usr" / "bin" / "fieldreader")
    doc = stage / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    (doc / "copyright").write_text(
        "Fieldreader is distributed under the MIT licence:\n\n"
        + licence.rstrip()
        + f"\n\nThe licences of the components it bundles are in /{PREFIX}/licences/.\n",
        encoding="utf-8",
    )
    for path in stage.rglob("*"):  # dpkg wants 0755 folders and no group/other writes
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(0o755 if path.is_dir() else (0o755 if mode & 0o111 else 0o644))
    size = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, depends_on, (size + 1023) // 1024))
    deb = target_dir / f"{PACKAGE}_{debian_version(version)}_amd64.deb"
    deb.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb, depends_on


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the built folder (dist/fieldreader)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    deb, depends_on = build_deb(args.app.resolve(), __version__, args.app.resolve().parent)
    print(f"deb: {deb}\n  Depends: {depends_on}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
