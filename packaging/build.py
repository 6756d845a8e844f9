"""Build the packaged app: ``dist/fieldreader/`` and its archive (``fieldreader-VERSION-...``).

    pip install -e '.[build]'     # PyInstaller, a build-time tool only
    python packaging/build.py     # then: python packaging/smoke_test.py

Runs PyInstaller on ``packaging/fieldreader.spec`` (a clean one-folder build), adds the
desktop files (``share/``: the .desktop entry, AppStream metadata, hicolor icons), the
``install-desktop.sh`` helper and the licence beside the executable, then packs the folder
as ``fieldreader-VERSION/`` in a .tar.gz (a .zip on Windows). Prints the build time, the
folder and archive sizes and the ten largest files, and fails when the folder or archive
is over budget (``--no-budget`` only reports). Only the Linux build is made and tested in
this project; on macOS the archive holds ``Fieldreader.app``.
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

#: Budgets from issue 7, in bytes (decimal megabytes).
FOLDER_BUDGET = 120_000_000
ARCHIVE_BUDGET = 50_000_000


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


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    parser.add_argument("--no-budget", action="store_true", help="report sizes, never fail")
    args = parser.parse_args(argv)

    ver = version()
    started = time.monotonic()
    run_pyinstaller()
    built = time.monotonic() - started
    if sys.platform == "darwin":
        folder = DIST / "Fieldreader.app"
    else:
        folder = APP
        if sys.platform.startswith("linux"):
            add_desktop_files(folder)
    suffix = ".zip" if sys.platform == "win32" else ".tar.gz"
    archive = DIST / f"fieldreader-{ver}-{platform_tag()}{suffix}"
    if not args.no_archive:
        make_archive(folder, archive, f"fieldreader-{ver}")
    total = time.monotonic() - started

    size = folder_size(folder)
    print(f"\nFieldreader {ver}: {folder.relative_to(ROOT)}")
    print(f"  PyInstaller   {built:.1f} s (with the archive: {total:.1f} s)")
    print(f"  folder        {mb(size)}   budget {mb(FOLDER_BUDGET)}")
    over = size > FOLDER_BUDGET
    if not args.no_archive:
        packed = archive.stat().st_size
        print(f"  archive       {mb(packed)}   budget {mb(ARCHIVE_BUDGET)}")
        print(f"                {archive.relative_to(ROOT)}")
        over = over or packed > ARCHIVE_BUDGET
    print("  largest files:")
    for item_size, name in largest(folder):
        print(f"    {item_size / 1e6:6.2f} MB  {name}")
    if over and not args.no_budget:
        print("build: over the size budget (see packaging/trim.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
