"""The .deb's control data and dependencies (packaging/deb.py), the desktop entry and
AppStream metadata (packaging/linux/), and the licence collection (collect_licences.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers.paths import ROOT

sys.path.insert(0, str(ROOT / "packaging"))

import build
import collect_licences
import deb

LINUX = ROOT / "packaging" / "linux"
#: What the importers read, by MIME type (issue 20).
IMPORTED_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/rss+xml",
    "application/atom+xml",
    "application/epub+zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "multipart/related",
    "message/rfc822",
}


def _desktop() -> dict[str, str]:
    lines = (LINUX / "fieldreader.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_desktop_entry_opens_files_of_the_imported_types():
    entry = _desktop()
    assert entry["Exec"] == "fieldreader %F"
    types = set(filter(None, entry["MimeType"].split(";")))
    assert IMPORTED_TYPES <= types
    assert entry["MimeType"].endswith(";")


def test_appstream_names_the_same_media_types():
    root = ET.parse(LINUX / "io.github.fieldreader.Fieldreader.metainfo.xml").getroot()
    media = {m.text for m in root.iter("mediatype")}
    desktop = set(filter(None, _desktop()["MimeType"].split(";")))
    assert media == desktop - {"text/x-markdown"}
    assert root.findtext("launchable") == "fieldreader.desktop"


def test_debian_versions_and_control():
    assert deb.debian_version("0.1.0") == "0.1.0"
    assert deb.debian_version("1.2rc1") == "1.2~rc1"
    assert deb.debian_version("2.0.dev3") == "2.0~dev3"
    text = deb.control("1.2rc1", "libc6 (>= 2.35), libgl1", 1234)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "fieldreader"
    assert fields["Version"] == "1.2~rc1"
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "1234"
    assert fields["Depends"] == "libc6 (>= 2.35), libgl1"
    assert text.endswith("\n")


def test_system_needs_are_what_the_bundle_does_not_carry(tmp_path: Path):
    app = tmp_path / "app"
    (app / "_internal").mkdir(parents=True)
    elf = b"\x7fELF" + bytes(60)
    for name in ("fieldreader", "_internal/libQt6Gui.so.6", "_internal/libxcb-cursor.so.0"):
        (app / name).write_bytes(elf)
    links = {
        "fieldreader": {"libc.so.6", "ld-linux-x86-64.so.2"},
        "libQt6Gui.so.6": {"libGL.so.1", "libxcb-cursor.so.0", "libstdc++.so.6"},
        "libxcb-cursor.so.0": {"libxcb.so.1"},
    }
    needs = deb.system_needs(app, lambda path: links[Path(path).name])
    assert needs == {"libc.so.6", "libGL.so.1", "libstdc++.so.6", "libxcb.so.1"}


def test_unknown_libraries_are_reported(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(deb.shutil, "which", lambda name: None)  # as on a host without dpkg
    packages, left = deb.debian_packages({"libGL.so.1", "libEGL.so.1", "libmystery.so.7"})
    assert packages == {"libgl1", "libegl1"}
    assert left == {"libmystery.so.7"}


def test_budgets_are_the_issues():
    assert build.ARCHIVE_BUDGET == 55_000_000
    assert build.FOLDER_BUDGET == 140_000_000


def _fake_bundle(tmp_path: Path) -> Path:
    app = tmp_path / "app"
    internal = app / "_internal"
    info = internal / "kivu_tools-1.0.dist-info"
    (info / "licenses").mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.4\nName: kivu-tools\nVersion: 1.0\nLicense-Expression: MIT\n"
    )
    (info / "top_level.txt").write_text("kivu\n")
    (info / "licenses" / "LICENSE").write_text("MIT licence of kivu-tools\n")
    (internal / "kivu").mkdir()
    elf = b"\x7fELF" + bytes(60)
    (internal / "kivu" / "_fast.cpython-311-x86_64-linux-gnu.so").write_bytes(elf)
    (internal / "libmystery.so.7").write_bytes(elf)
    python = internal / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    python.mkdir(parents=True)
    (python / "LICENSE.txt").write_text("PSF licence\n")
    return app


@pytest.mark.skipif(
    not (collect_licences.COMMON_LICENCES / "LGPL-3").is_file(), reason="needs base-files"
)
def test_licences_are_collected_and_gaps_named(tmp_path: Path):
    app = _fake_bundle(tmp_path)
    entries, left = collect_licences.collect(app)
    names = {e.name for e in entries}
    assert {"kivu-tools", "Python", "Qt and Qt for Python", "SQLite"} <= names
    kivu = next(e for e in entries if e.name == "kivu-tools")
    assert kivu.covers == ["kivu/_fast.cpython-311-x86_64-linux-gnu.so"]
    assert "MIT licence of kivu-tools" in (app / "licences" / kivu.file).read_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (app / "licences" / "Qt.txt").read_text()
    assert left == ["libmystery.so.7"]
    index = json.loads((app / "licences" / "index.json").read_text())
    assert {e["name"] for e in index} == names
    assert "kivu-tools 1.0: MIT" in (app / "licences" / "README.txt").read_text()


BUILT_DEB = sorted((ROOT / "dist").glob("fieldreader_*_amd64.deb"))


@pytest.mark.skipif(not BUILT_DEB or shutil.which("dpkg-deb") is None, reason="no .deb built")
def test_the_built_deb_has_the_layout():
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(BUILT_DEB[-1])], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/fieldreader/fieldreader",
        "./opt/fieldreader/licences/index.json",
        "./usr/share/applications/fieldreader.desktop",
        "./usr/share/metainfo/io.github.fieldreader.Fieldreader.metainfo.xml",
        "./usr/share/icons/hicolor/256x256/apps/fieldreader.png",
        "./usr/share/icons/hicolor/scalable/apps/fieldreader.svg",
        "./usr/share/doc/fieldreader/copyright",
    ):
        assert path in listing
    assert "./usr/bin/fieldreader -> /opt/fieldreader/fieldreader" in listing
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(BUILT_DEB[-1]), "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for package in ("libc6 (>= 2.35)", "libgl1", "libegl1", "libglib2.0-0", "libstdc++6"):
        assert package in depends


def test_a_bundle_without_its_platform_plugins_is_refused(tmp_path: Path):
    platforms = tmp_path / "app" / "_internal" / "PySide6" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "qoffscreen.dll").write_bytes(b"MZ")
    assert build.missing_plugins(tmp_path / "app", "win32") == ["qwindows.dll"]
    (platforms / "qwindows.dll").write_bytes(b"MZ")
    assert build.missing_plugins(tmp_path / "app", "win32") == []
    assert build.missing_plugins(tmp_path / "app", "linux") == [
        "libqxcb.so",
        "libqwayland.so",
        "libqoffscreen.so",
    ]
