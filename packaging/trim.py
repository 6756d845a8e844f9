"""What the frozen app leaves out: Qt plugins and translations, and a few desktop libraries.

Used by ``fieldreader.spec`` and its Qt hook (``hooks/hook-PySide6.QtGui.py``).

PyInstaller's Qt hooks collect every plugin of each type a Qt module uses (all platforms,
all image formats, ...) and every Qt translation. Fieldreader draws widgets only (no
OpenGL), shows PNG icons and ships in English, so it keeps:

- platforms: xcb and wayland (desktops), offscreen and minimal (headless runs, screenshots),
  plus windows / cocoa for those builds;
- the xdg-desktop-portal theme (portal file dialogs), but not GTK3, which would drag half
  of GTK's libraries in;
- compose and IBus input (dead keys, accents, input methods);
- no image-format plugins: the window icon is PNG, which Qt reads without one;
- on Wayland: the xdg-shell and its window decorations;
- Qt's own ``qtbase`` translation (its standard dialogs' buttons) for each language of
  :data:`SHIPPED_LANGUAGES`.

Dropped: eglfs, linuxfb, vnc, evdev/tuio input, the OpenGL integrations of xcb and Wayland,
the PDF/TIFF/WebP/... image formats, TLS and network information, and every other Qt
translation (Designer's, Assistant's, QML's, the ``qt_`` meta catalogues).

The Qt folder inside the bundle is ``PySide6/Qt/`` on Linux and macOS and ``PySide6/`` on
Windows (``PySide6/plugins/platforms/qwindows.dll``); both layouts are recognised. On
Windows the plugins and catalogues are also named explicitly (:func:`qt_files_from_wheel`):
PyInstaller's Qt hook finds them by loading QtCore, which fails when the build runs under
wine (``Qt6Core.dll`` wants the system ``icuuc.dll``), and then it collects none.

On Linux, :data:`SYSTEM_LIBRARIES` are taken from the user's system instead of the build
machine: every Linux desktop has them, and the system's copies match its D-Bus daemon and
font configuration (a bundled fontconfig reading a newer system's configuration warns on
every start); GLib, Xlib and zstd are on every desktop too. Libraries only they needed
(libsystemd, libgcrypt, libpng, ...) go too. ``libstdc++`` and ``libgcc_s`` are part of
every Linux system (the compiler's runtime): the build host's copies would raise the glibc
floor (Debian 12's libstdc++ needs glibc 2.36), and the system's copies are what the Qt
wheels were built against (``elf_floor.py`` checks the C++ runtime versions they need).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

#: Languages whose Qt catalogue ships, besides English (which needs none): French is the
#: interface's next translation; Ukrainian and Russian follow.
SHIPPED_LANGUAGES: tuple[str, ...] = ("fr", "uk", "ru")
#: The Qt catalogues kept for those languages (the app loads qtbase only).
SHIPPED_CATALOGUES: frozenset[str] = frozenset({"qtbase"})

#: plugin type -> plugin names kept (file stem without "lib"); a type not listed is dropped.
KEPT_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient", "adwaita"}),
}

#: Shared libraries the Linux build leaves to the user's system (sonames).
SYSTEM_LIBRARIES = frozenset(
    {
        "libdbus-1.so.3",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libgcc_s.so.1",
        "libglib-2.0.so.0",
        "libstdc++.so.6",
        "libX11.so.6",
        "libzstd.so.1",
    }
)

#: A PyInstaller TOC entry: (name in the bundle, source path, type code).
TocEntry = tuple[str, str, str]


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` / ``qwindows`` / ..."""
    stem = PurePath(filename.replace("\\", "/")).name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def _qt_subpath(dest_dir: str) -> tuple[str, ...] | None:
    """The parts of ``dest_dir`` after Qt's folder (``PySide6/Qt/``, ``Qt6/``, or on Windows
    ``PySide6/`` itself when ``plugins`` or ``translations`` follow); None outside it."""
    parts = PurePath(dest_dir.replace("\\", "/")).parts
    for marker in ("Qt", "Qt6"):
        if marker in parts:
            return parts[parts.index(marker) + 1 :]
    if "PySide6" in parts:
        sub = parts[parts.index("PySide6") + 1 :]
        if sub and sub[0] in ("plugins", "translations"):
            return sub
    return None


def keep_qt_file(source: str, dest_dir: str) -> bool:
    """Whether a file PyInstaller's Qt hooks collected belongs in the trimmed app.

    ``source`` is the file collected, ``dest_dir`` the folder it goes to inside the bundle.
    Files outside Qt's plugins and translations folders are always kept.
    """
    sub = _qt_subpath(dest_dir)
    if not sub:
        return True
    filename = PurePath(source.replace("\\", "/")).name
    if sub[0] == "plugins" and len(sub) >= 2:
        return plugin_name(filename) in KEPT_PLUGINS.get(sub[1], frozenset())
    if sub[0] == "translations":
        stem = filename.split(".", 1)[0]  # qtbase_fr -> catalogue "qtbase", language "fr"
        catalogue, _, language = stem.partition("_")
        return catalogue in SHIPPED_CATALOGUES and language in SHIPPED_LANGUAGES
    return True


def qt_files_from_wheel(pyside: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The Qt plugins and catalogues of the Windows layout that :func:`keep_qt_file` keeps,
    read from the PySide6 package folder ``pyside`` (``.../site-packages/PySide6``).

    Returns ``(binaries, datas)`` as PyInstaller's ``Analysis`` takes them: (source file,
    folder in the bundle) pairs, plugins under ``PySide6/plugins/<type>`` and catalogues
    under ``PySide6/translations``, in sorted order.
    """
    binaries: list[tuple[str, str]] = []
    datas: list[tuple[str, str]] = []
    for plugin in sorted((pyside / "plugins").glob("*/*.dll")):
        dest = f"PySide6/plugins/{plugin.parent.name}"
        if keep_qt_file(str(plugin), dest):
            binaries.append((str(plugin), dest))
    for catalogue in sorted((pyside / "translations").glob("*.qm")):
        if keep_qt_file(str(catalogue), "PySide6/translations"):
            datas.append((str(catalogue), "PySide6/translations"))
    return binaries, datas


def elf_needed(path: str) -> set[str]:
    """The sonames an ELF file links against directly (its DT_NEEDED entries)."""
    out = subprocess.run(
        ["readelf", "--dynamic", "--wide", path], capture_output=True, text=True, check=False
    ).stdout
    return {
        line.rsplit("[", 1)[1].rstrip("]")
        for line in out.splitlines()
        if "(NEEDED)" in line and "[" in line
    }


def without_libraries(
    binaries: Iterable[TocEntry],
    unwanted: Iterable[str],
    needed: Callable[[str], set[str]] = elf_needed,
) -> tuple[list[TocEntry], list[str]]:
    """``binaries`` without the ``unwanted`` libraries and what only they needed.

    A library goes when something removed linked against it and nothing kept does;
    extension modules and plugins (which nothing links against) always stay. Returns the
    kept entries and the sorted names removed.
    """
    entries = list(binaries)
    links: dict[str, set[str]] = {}
    for name, source, kind in entries:
        if kind in ("BINARY", "EXTENSION"):
            links[PurePath(name).name] = needed(source)
    removed = {PurePath(name).name for name, *_ in entries} & set(unwanted)
    while True:
        kept = links.keys() - removed
        needed_by_kept = set().union(*(links[lib] for lib in kept))
        needed_by_removed = set().union(*(links.get(lib, set()) for lib in removed))
        orphans = (needed_by_removed - needed_by_kept) & kept
        if not orphans:
            break
        removed |= orphans
    result = [entry for entry in entries if PurePath(entry[0]).name not in removed]
    return result, sorted(removed)
