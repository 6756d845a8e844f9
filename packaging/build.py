"""Build the packaged app: ``dist/fieldreader/`` and its archive (``fieldreader-VERSION-...``).

    pip install -e '.[build]'     # PyInstaller, a build-time tool only
    python packaging/build.py     # then: python packaging/smoke_test.py

Runs PyInstaller on ``packaging/fieldreader.spec`` (a clean one-folder build), adds the
desktop files (``share/``: the .desktop entry, AppStream metadata, hicolor icons), the
``install-desktop.sh`` helper and the licence beside the executable, collects every
bundled component's licence into ``licences/`` (``collect_licences.py``; fails on a
library no licence covers), checks that the Qt platform plugins are there (fails without
them), that no ELF file needs more than glibc 2.35
(``elf_floor.py``; fails above it), then packs the folder as ``fieldreader-VERSION/`` in a
.tar.gz (a .zip on Windows) and, on Linux, builds ``fieldreader_VERSION_amd64.deb``
(``deb.py``; ``--no-deb`` skips it). Prints the build time, the folder and archive sizes,
the ten largest files and what each bundled distribution adds (``--sizes`` lists them
all), and fails when the folder or archive is over budget (``--no-budget`` only reports).
On macOS the archive holds ``Fieldreader.app``.

``--windows`` (on Linux) builds the Windows app under wine instead: a Windows CPython 3.11
with Windows wheels of every dependency (``windows/winenv.py``, cached in /tmp/winbuild)
runs PyInstaller on the same spec, into ``dist/windows/fieldreader/`` (``fieldreader.exe``,
``fieldreader-gui.exe``), checks its Qt plugins and licences and packs
``dist/fieldreader-VERSION-windows-x86_64.zip`` (budget 45 MB); then run
``packaging/windows/smoke_wine.py``.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "fieldreader.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = DIST / "fieldreader"
APP_ID = "io.github.fieldreader.Fieldreader"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

#: Budgets from issue 20, in bytes (decimal megabytes): the Linux archive <= 55 MB, the
#: folder scaled to match (the archive is about 41 % of the folder).
FOLDER_BUDGET = 140_000_000
ARCHIVE_BUDGET = 55_000_000
#: The Windows zip <= 45 MB (issue 20); the folder scaled the same way (zip ~ 45 %).
WINDOWS_FOLDER_BUDGET = 100_000_000
WINDOWS_ARCHIVE_BUDGET = 45_000_000
WINDOWS_DIST = DIST / "windows"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    return __version__


def platform_tag() -> str:
    """``linux-x86_64``, ``macos-arm64``, ``windows-x86_64``, ..."""
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system or sys.platform}-{machine}"


def run_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "build: PyInstaller is not installed; run: pip install -e '.[build]'"
            " (or pip install 'pyinstaller>=6')"
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def add_desktop_files(folder: Path) -> None:
    """The freedesktop files, under ``share/`` as in an install prefix, and the helper."""
    linux = PACKAGING / "linux"
    icons = ROOT / "resources" / "icons"
    share = folder / "share"
    copies = {
        linux / "fieldreader.desktop": share / "applications" / "fieldreader.desktop",
        linux / f"{APP_ID}.metainfo.xml": share / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / "fieldreader.svg": share / "icons/hicolor/scalable/apps/fieldreader.svg",
        linux / "install-desktop.sh": folder / "install-desktop.sh",
        ROOT / "LICENSE": folder / "LICENSE",
    }
    for size in ICON_SIZES:
        target = share / f"icons/hicolor/{size}x{size}/apps/fieldreader.png"
        copies[icons / f"fieldreader-{size}.png"] = target
    for source, target in copies.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (folder / "install-desktop.sh").chmod(0o755)


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        info.mtime = int(epoch)
    return info


def make_archive(folder: Path, target: Path, top: str) -> None:
    """Pack ``folder`` as ``top/`` into ``target`` (.tar.gz or .zip), files in sorted order."""
    paths = sorted(folder.rglob("*"))
    target.unlink(missing_ok=True)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in paths:
                archive.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
        return
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    with (
        open(target, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=epoch) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive,
    ):
        archive.add(folder, arcname=top, recursive=False, filter=_tar_filter)
        for path in paths:
            name = f"{top}/{path.relative_to(folder).as_posix()}"
            archive.add(path, arcname=name, recursive=False, filter=_tar_filter)


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files (symbolic links count as nothing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest(folder: Path, count: int = 10) -> list[tuple[int, str]]:
    files = [
        (p.stat().st_size, p.relative_to(folder).as_posix())
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(files, reverse=True)[:count]


def sizes_by_component(folder: Path) -> list[tuple[int, str]]:
    """Bytes each top-level item of ``_internal/`` takes, grouped by the distribution that
    provides it (``Stemmer*.so`` -> PyStemmer, ``sqlcipher3/`` -> sqlcipher3,
    ``PySide6/`` -> PySide6-Essentials, ...), largest first."""
    internal = folder / "_internal"
    if not internal.is_dir():
        return []
    owner: dict[str, str] = {}
    for dist_info in internal.glob("*.dist-info"):
        name = dist_info.name.split("-", 1)[0]
        tops = {name, f"{name}.libs"}
        top_level = dist_info / "top_level.txt"
        if top_level.is_file():
            tops |= {t.strip() for t in top_level.read_text().splitlines() if t.strip()}
        for top in tops:
            owner.setdefault(top, name)
    totals: dict[str, int] = {}
    for item in internal.iterdir():
        if item.is_symlink():  # PyInstaller's links to libraries inside packages
            continue
        key = item.name.split(".cpython-")[0].split(".abi3")[0]
        key = key if item.name.endswith(".libs") else key.split(".")[0]
        if item.name.endswith(".dist-info"):
            label = item.name.split("-", 1)[0]
        else:
            label = owner.get(item.name) or owner.get(key) or item.name
        size = item.stat().st_size if item.is_file() else folder_size(item)
        totals[label] = totals.get(label, 0) + size
    return sorted(((size, name) for name, size in totals.items()), reverse=True)


#: The Qt platform plugins each build must carry (the window, and offscreen screenshots).
REQUIRED_PLUGINS = {
    "linux": ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"),
    "win32": ("qwindows.dll", "qoffscreen.dll"),
    "darwin": ("libqcocoa.dylib", "libqoffscreen.dylib"),
}


def missing_plugins(folder: Path, system: str = sys.platform) -> list[str]:
    """The platform plugins :data:`REQUIRED_PLUGINS` names that the bundle lacks (under
    ``.../plugins/platforms/``, wherever PyInstaller put Qt's folder)."""
    key = "linux" if system.startswith("linux") else system
    present = {p.name for p in folder.rglob("*") if p.parent.name == "platforms"}
    return [name for name in REQUIRED_PLUGINS.get(key, ()) if name not in present]


def run_pyinstaller_under_wine() -> None:
    """PyInstaller of the Windows Python under wine, into :data:`WINDOWS_DIST`."""
    sys.path.insert(0, str(PACKAGING / "windows"))
    from winenv import prepare, run_python, windows_path

    cache = prepare()
    args = ["-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    args += ["--distpath", windows_path(WINDOWS_DIST)]
    args += ["--workpath", windows_path(ROOT / "build" / "pyinstaller-windows")]
    run_python(cache, [*args, windows_path(SPEC)])


def licence_checks(folder: Path) -> list[str]:
    """Licences collected (the Windows bundle has no ELF files to check); the problems."""
    sys.path.insert(0, str(PACKAGING))
    from collect_licences import collect

    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    entries, unlicensed = collect(folder)
    print(f"  licences      {len(entries)} components in {folder.name}/licences/")
    return [f"no licence found for {label}" for label in unlicensed]


def linux_checks(folder: Path) -> list[str]:
    """Licences collected and the glibc floor checked; the problems found."""
    sys.path.insert(0, str(PACKAGING))
    from collect_licences import collect
    from elf_floor import over_floor, report, scan

    problems = []
    entries, unlicensed = collect(folder)
    print(f"  licences      {len(entries)} components in {folder.name}/licences/")
    problems += [f"no licence found for {label}" for label in unlicensed]
    needs = scan(folder)
    for line in report(folder, needs):
        print(f"  needs         {line}")
    problems += [
        f"{path.relative_to(folder)} needs {name}, above the floor"
        for path, name in over_floor(needs)
    ]
    return problems


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    parser.add_argument("--no-budget", action="store_true", help="report sizes, never fail")
    parser.add_argument("--no-deb", action="store_true", help="no .deb (Linux)")
    parser.add_argument("--sizes", action="store_true", help="list every component's size")
    parser.add_argument(
        "--windows", action="store_true", help="build the Windows app under wine (on Linux)"
    )
    args = parser.parse_args(argv)

    ver = version()
    started = time.monotonic()
    system = "win32" if args.windows else sys.platform
    if args.windows:
        run_pyinstaller_under_wine()
    else:
        run_pyinstaller()
    built = time.monotonic() - started
    linux = system.startswith("linux")
    problems: list[str] = []
    folder_budget, archive_budget = FOLDER_BUDGET, ARCHIVE_BUDGET
    if args.windows:
        folder = WINDOWS_DIST / "fieldreader"
        folder_budget, archive_budget = WINDOWS_FOLDER_BUDGET, WINDOWS_ARCHIVE_BUDGET
        problems += licence_checks(folder)
    elif system == "darwin":
        folder = DIST / "Fieldreader.app"
    else:
        folder = APP
        if linux:
            add_desktop_files(folder)
            problems += linux_checks(folder)
    problems += [
        f"no Qt platform plugin {name} in the bundle" for name in missing_plugins(folder, system)
    ]
    suffix = ".zip" if system == "win32" else ".tar.gz"
    tag = "windows-x86_64" if args.windows else platform_tag()
    archive = DIST / f"fieldreader-{ver}-{tag}{suffix}"
    if not args.no_archive:
        make_archive(folder, archive, f"fieldreader-{ver}")
    deb = None
    if linux and not args.no_deb and not problems:
        if shutil.which("dpkg-deb") is None:
            problems.append("no dpkg-deb to build the .deb (apt-get install dpkg; or --no-deb)")
        else:
            sys.path.insert(0, str(PACKAGING))
            from deb import build_deb

            deb, depends_on = build_deb(folder, ver, DIST)
    total = time.monotonic() - started

    size = folder_size(folder)
    print(f"\nFieldreader {ver}: {folder.relative_to(ROOT)}")
    print(f"  PyInstaller   {built:.1f} s (with the archive and the .deb: {total:.1f} s)")
    print(f"  folder        {mb(size)}   budget {mb(folder_budget)}")
    over = size > folder_budget
    if not args.no_archive:
        packed = archive.stat().st_size
        print(f"  archive       {mb(packed)}   budget {mb(archive_budget)}")
        print(f"                {archive.relative_to(ROOT)}")
        over = over or packed > archive_budget
    if deb is not None:
        print(f"  .deb          {mb(deb.stat().st_size)}   {deb.relative_to(ROOT)}")
        print(f"                Depends: {depends_on}")
    print("  largest files:")
    for item_size, name in largest(folder):
        print(f"    {item_size / 1e6:6.2f} MB  {name}")
    components = sizes_by_component(folder)
    if components:
        print("  by component (in the folder):")
        for item_size, name in components if args.sizes else components[:15]:
            print(f"    {item_size / 1e6:6.2f} MB  {name}")
    for problem in problems:
        print(f"build: {problem}", file=sys.stderr)
    if over and not args.no_budget:
        print("build: over the size budget (see packaging/trim.py)", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
