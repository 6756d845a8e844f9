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
- on Wayland: the xdg-shell and its window decorations.

Dropped: eglfs, linuxfb, vnc, evdev/tuio input, the OpenGL integrations of xcb and Wayland,
the PDF/TIFF/WebP/... image formats, TLS and network information, and the Qt translations
except for :data:`SHIPPED_LANGUAGES`.

On Linux, :data:`SYSTEM_LIBRARIES` are taken from the user's system instead of the build
machine: every Linux desktop has them, and the system's copies match its D-Bus daemon and
font configuration (a bundled fontconfig reading a newer system's configuration warns on
every start); GLib, Xlib and zstd are on every desktop too. Libraries only they needed
(libsystemd, libgcrypt, libpng, ...) go too.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePath

#: Languages the app is translated into, besides English (which needs no Qt catalogue).
SHIPPED_LANGUAGES: tuple[str, ...] = ()

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
        "libglib-2.0.so.0",
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
    """The parts of ``dest_dir`` after ``.../Qt/`` (or ``Qt6/``), None outside Qt's folder."""
    parts = PurePath(dest_dir.replace("\\", "/")).parts
    for marker in ("Qt", "Qt6"):
        if marker in parts:
            return parts[parts.index(marker) + 1 :]
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
        stem = filename.split(".", 1)[0]  # qtbase_fr -> language "fr"
        return "_" in stem and stem.split("_", 1)[1] in SHIPPED_LANGUAGES
    return True


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
