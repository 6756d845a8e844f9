"""Tests of the packaging trim rules (``python -m pytest packaging``; no Qt, no PyInstaller)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trim import keep_qt_file, plugin_name, without_libraries

PLUGINS = "PySide6/Qt/plugins"


def test_plugin_names_on_every_platform() -> None:
    assert plugin_name("/x/libqxcb.so") == "qxcb"
    assert plugin_name("C:\\Qt\\qwindows.dll") == "qwindows"
    assert plugin_name("libqcocoa.dylib") == "qcocoa"
    assert plugin_name("libqxcb-glx-integration.so") == "qxcb-glx-integration"


def test_kept_and_dropped_plugins() -> None:
    assert keep_qt_file("/q/libqxcb.so", f"{PLUGINS}/platforms")
    assert keep_qt_file("/q/libqoffscreen.so", f"{PLUGINS}/platforms")
    assert not keep_qt_file("/q/libqsvg.so", f"{PLUGINS}/imageformats")
    assert not keep_qt_file("/q/libqvnc.so", f"{PLUGINS}/platforms")
    assert not keep_qt_file("/q/libqgtk3.so", f"{PLUGINS}/platformthemes")
    assert not keep_qt_file("/q/libqpdf.so", f"{PLUGINS}/imageformats")
    assert not keep_qt_file("/q/libqtuiotouchplugin.so", f"{PLUGINS}/generic")


def test_windows_layout_is_trimmed_too() -> None:
    assert keep_qt_file("C:\\q\\qwindows.dll", "PySide6\\plugins\\platforms")
    assert keep_qt_file("C:\\q\\qoffscreen.dll", "PySide6/plugins/platforms")
    assert not keep_qt_file("C:\\q\\qdirect2d.dll", "PySide6\\plugins\\platforms")
    assert not keep_qt_file("C:\\q\\qjpeg.dll", "PySide6\\plugins\\imageformats")
    assert keep_qt_file("C:\\q\\qmodernwindowsstyle.dll", "PySide6\\plugins\\styles")
    assert not keep_qt_file("C:\\q\\qt_de.qm", "PySide6\\translations")
    assert keep_qt_file("C:\\q\\Qt6Core.dll", "PySide6")


def test_only_qtbase_catalogues_of_shipped_languages_stay() -> None:
    folder = "PySide6/Qt/translations"
    for language in ("fr", "uk", "ru"):
        assert keep_qt_file(f"/q/qtbase_{language}.qm", folder)
        assert not keep_qt_file(f"/q/qt_{language}.qm", folder)  # a meta catalogue
        assert not keep_qt_file(f"/q/designer_{language}.qm", folder)
        assert not keep_qt_file(f"/q/qtdeclarative_{language}.qm", folder)
    assert not keep_qt_file("/q/qtbase_de.qm", folder)
    assert not keep_qt_file("/q/qtbase_zh_CN.qm", folder)


def test_translations_dropped_and_other_files_kept() -> None:
    assert not keep_qt_file("/q/qtbase_pl.qm", "PySide6/Qt/translations")
    assert keep_qt_file("/q/libQt6Core.so.6", "PySide6/Qt/lib")
    assert keep_qt_file("/r/samples/a.md", "resources/samples")
    assert keep_qt_file("/r/x.so", ".")


def test_without_libraries_drops_what_only_they_needed() -> None:
    links = {
        "/s/libQt6DBus.so.6": {"libdbus-1.so.3"},
        "/s/libdbus-1.so.3": {"libsystemd.so.0"},
        "/s/libsystemd.so.0": {"libzstd.so.1", "libgcrypt.so.20"},
        "/s/libgcrypt.so.20": set(),
        "/s/libzstd.so.1": set(),
        "/s/libQt6Core.so.6": {"libzstd.so.1"},
        "/s/plugin.so": {"libQt6Core.so.6"},
        "/s/_ctypes.so": {"libffi.so.8"},
        "/s/libffi.so.8": set(),
    }
    binaries = [
        ("libQt6DBus.so.6", "/s/libQt6DBus.so.6", "BINARY"),
        ("libdbus-1.so.3", "/s/libdbus-1.so.3", "BINARY"),
        ("libsystemd.so.0", "/s/libsystemd.so.0", "BINARY"),
        ("libgcrypt.so.20", "/s/libgcrypt.so.20", "BINARY"),
        ("libzstd.so.1", "/s/libzstd.so.1", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/plugins/x/plugin.so", "/s/plugin.so", "BINARY"),
        ("lib-dynload/_ctypes.so", "/s/_ctypes.so", "EXTENSION"),
        ("libffi.so.8", "/s/libffi.so.8", "BINARY"),
    ]
    kept, removed = without_libraries(binaries, {"libdbus-1.so.3"}, needed=links.__getitem__)
    assert removed == ["libdbus-1.so.3", "libgcrypt.so.20", "libsystemd.so.0"]
    names = [name for name, *_ in kept]
    assert "libzstd.so.1" in names  # Qt still needs it
    assert "libQt6Core.so.6" in names
    assert "PySide6/Qt/plugins/x/plugin.so" in names
    assert "libffi.so.8" in names


def test_without_libraries_ignores_names_not_bundled() -> None:
    binaries = [("libz.so.1", "/s/libz.so.1", "BINARY")]
    kept, removed = without_libraries(binaries, {"libnothere.so"}, needed=lambda _: set())
    assert kept == binaries
    assert removed == []
