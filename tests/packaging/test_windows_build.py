"""The Windows build's explicit Qt files (packaging/trim.py) and its environment's
requirements (packaging/windows/winenv.py): no wine, no Windows Python needed."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers.paths import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "packaging" / "windows"))

from build import missing_plugins
from trim import qt_files_from_wheel
from winenv import requirements, windows_path


def make_wheel_folder(pyside: Path) -> None:
    files = [
        "plugins/platforms/qwindows.dll",
        "plugins/platforms/qoffscreen.dll",
        "plugins/platforms/qdirect2d.dll",
        "plugins/styles/qmodernwindowsstyle.dll",
        "plugins/imageformats/qjpeg.dll",
        "plugins/sqldrivers/qsqlite.dll",
        "translations/qtbase_fr.qm",
        "translations/qtbase_de.qm",
        "translations/designer_fr.qm",
    ]
    for name in files:
        (pyside / name).parent.mkdir(parents=True, exist_ok=True)
        (pyside / name).write_bytes(b"MZ")


def test_qt_files_from_wheel_keeps_the_trimmed_set(tmp_path: Path) -> None:
    make_wheel_folder(tmp_path)
    binaries, datas = qt_files_from_wheel(tmp_path)
    assert [(Path(src).name, dest) for src, dest in binaries] == [
        ("qoffscreen.dll", "PySide6/plugins/platforms"),
        ("qwindows.dll", "PySide6/plugins/platforms"),
        ("qmodernwindowsstyle.dll", "PySide6/plugins/styles"),
    ]
    assert [(Path(src).name, dest) for src, dest in datas] == [
        ("qtbase_fr.qm", "PySide6/translations")
    ]


def test_a_windows_bundle_without_qwindows_is_refused(tmp_path: Path) -> None:
    platforms = tmp_path / "_internal" / "PySide6" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "qoffscreen.dll").write_bytes(b"MZ")
    assert missing_plugins(tmp_path, "win32") == ["qwindows.dll"]
    (platforms / "qwindows.dll").write_bytes(b"MZ")
    assert missing_plugins(tmp_path, "win32") == []


def test_requirements_are_pyprojects_plus_the_pyinstaller_windows_needs() -> None:
    wanted = requirements()
    assert any(r.startswith("sqlcipher3>=") for r in wanted)
    assert any(r.startswith("PySide6-Essentials") for r in wanted)
    assert "pefile" in wanted
    assert "pywin32-ctypes" in wanted
    assert any(r.startswith("pyinstaller") for r in wanted)  # == the host's, when it has one


def test_windows_paths_are_on_drive_z() -> None:
    assert windows_path(Path("/work/main/dist")) == "Z:\\work\\main\\dist"


def test_the_icu_forwarder_exports_each_name_as_a_forwarder() -> None:
    import struct

    from icu_forwarder import forwarder_dll

    forwards = {"ucnv_open": "icuuc78-ab.ucnv_open_78", "ucnv_close": "icuuc78-ab.ucnv_close_78"}
    image = forwarder_dll("icuuc.dll", forwards)
    assert image[:2] == b"MZ"
    pe = struct.unpack_from("<I", image, 0x3C)[0]
    assert image[pe : pe + 4] == b"PE\0\0"
    export_rva, export_size = struct.unpack_from("<II", image, pe + 24 + 112)
    offset = export_rva - 0x1000 + 0x200  # one section: RVA 0x1000 at file offset 0x200

    def text(rva: int) -> str:
        start = rva - 0x1000 + 0x200
        return image[start : image.index(b"\0", start)].decode()

    fields = struct.unpack_from("<IIHHIIIIIII", image, offset)
    name, count, functions, names = fields[4], fields[6], fields[8], fields[9]
    assert text(name) == "icuuc.dll"
    assert count == 2
    exported = [text(r) for r in struct.unpack_from("<2I", image, names - 0x1000 + 0x200)]
    assert exported == ["ucnv_close", "ucnv_open"]  # sorted, as the loader's search needs
    targets = struct.unpack_from("<2I", image, functions - 0x1000 + 0x200)
    assert all(export_rva <= t < export_rva + export_size for t in targets)  # forwarders
    assert [text(t) for t in targets] == ["icuuc78-ab.ucnv_close_78", "icuuc78-ab.ucnv_open_78"]
