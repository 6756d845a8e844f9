"""The launcher: ``fieldreader`` and ``python -m reader`` run the command line here.

It hands the command line a way to open the window (:func:`open_window`, which imports Qt
and :mod:`reader.app` only when ``fieldreader gui`` runs, having first told PySide what it
would learn by reading each of this package's modules:
:mod:`reader.ui.window.feature_scan`), so the command line itself never depends on the
window. Two things happen here, before the command line parses anything:

- ``fieldreader [--library PATH] FILE...`` (what a desktop's "Open with Fieldreader" runs:
  ``Exec=fieldreader %F``) imports the files into the library, as ``fieldreader import``
  does, and opens the window on the first one; when a window is already open on that
  library, that window comes forward and shows them (it notices outside imports).
- A system library the window needs that is missing (``libGL.so.1``, ``libEGL.so.1``,
  ``libxcb-cursor.so.0``, ...) is named in one line, with the Debian/Ubuntu package that
  has it, instead of a traceback or Qt's abort; the command line still works without it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

#: Options the command line takes before a command (each with one value).
GLOBAL_OPTIONS = ("--library", "--passphrase-file")
EXIT_FAILED = 1
EXIT_USAGE = 2
#: A missing shared library in an ImportError's or dlopen's message.
_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]*?\.so(?:\.\d+)*)\s*:\s*cannot open shared object")
#: The Debian/Ubuntu package holding each system library the window loads.
PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libzstd.so.1": "libzstd1",
    "libstdc++.so.6": "libstdc++6",
}


def missing_library(message: str) -> str | None:
    """The shared library a loader error names as missing (``libGL.so.1``), else None."""
    found = _MISSING_LIBRARY.search(message)
    return found.group(1) if found else None


def missing_library_line(library: str) -> str:
    """The one line that names a missing system library and where to get it."""
    package = PACKAGES.get(library)
    hint = f" (Debian/Ubuntu: sudo apt install {package})" if package else ""
    return (
        f"fieldreader: the window needs the system library {library}, which is not "
        f"installed{hint}; the commands work without it"
    )


NO_DISPLAY = (
    "fieldreader: there is no display to open the window on (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set); the commands work without one"
)


def _no_display() -> bool:
    """Linux with no X11 or Wayland display and no platform chosen: Qt would abort."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _xcb_plugin_problem() -> str | None:
    """The library Qt's xcb platform plugin cannot load, when xcb is what Qt will use.

    Qt aborts (no exception) when its platform plugin cannot load, so the plugin is opened
    once here first; the dynamic loader's message names the missing library.
    """
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        if not chosen.startswith("xcb"):
            return None
    elif not os.environ.get("DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return None
    import ctypes

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return missing_library(str(exc))
    return None


def open_window(args: argparse.Namespace) -> int:
    """``fieldreader gui``: open the window on ``args.library`` (Python's garbage collector
    paused until the window is built: :func:`reader.app.resume_collection`; once it is
    closed, what it made is left out of the collections at exit)."""
    gc.disable()
    try:
        return _open_window(args)
    finally:
        gc.enable()


def _open_window(args: argparse.Namespace) -> int:
    try:
        from reader.ui.window.feature_scan import declare_modules

        declare_modules()  # before the window's modules: PySide need not read them
        from reader.app import run_gui

        problem = None if args.screenshot else _xcb_plugin_problem()
    except ImportError as exc:
        problem = missing_library(str(exc))
        if problem is None:
            raise
    if problem is not None:
        print(missing_library_line(problem), file=sys.stderr)
        return EXIT_FAILED
    if not args.screenshot and _no_display():
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_FAILED
    status = run_gui(
        Path(args.library),
        screenshot=Path(args.screenshot) if args.screenshot else None,
        article_id=args.article,
        view=args.view,
        entity=args.entity,
        size=args.size,
    )
    gc.freeze()  # the window is closed: what it made is the system's to free at exit,
    return status  # not three last collections' (about 2% of a screenshot's run)


def split_open_files(
    argv: Sequence[str], commands: Callable[[], frozenset[str]]
) -> tuple[list[str], list[str]] | None:
    """``[--library P] FILE...`` -> (the options, the files); None for any other command line.

    It is that form when, after the global options, every argument is a plain one (no
    option) and the first is not a command (``commands()`` names them, asked only then)
    but an existing file or folder.
    """
    args = list(argv)
    options: list[str] = []
    while args and args[0].split("=", 1)[0] in GLOBAL_OPTIONS:
        if "=" in args[0]:
            options.append(args.pop(0))
        elif len(args) >= 2:
            options += [args.pop(0), args.pop(0)]
        else:
            return None
    if not args or any(a.startswith("-") for a in args) or not Path(args[0]).exists():
        return None
    return None if args[0] in commands() else (options, args)


def _command_names() -> frozenset[str]:
    from reader.cli import COMMAND_MODULES

    return frozenset(COMMAND_MODULES)


def open_files(options: list[str], files: list[str]) -> int:
    """Import ``files`` (as ``fieldreader import``), then open the window on the first."""
    from reader.cli import main as cli_main

    missing = [name for name in files if not Path(name).exists()]
    if missing:
        print(f"fieldreader: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = cli_main([*options, "import", *files, "--json"])
    try:
        results = json.loads(output.getvalue() or "[]")
    except json.JSONDecodeError:
        results = []
    ids = [r["id"] for r in results if isinstance(r, dict) and isinstance(r.get("id"), int)]
    added = sum(1 for r in results if isinstance(r, dict) and r.get("status") == "added")
    if results:
        print(f"fieldreader: imported {added} of {len(results)} file(s)")
    if status not in (0, EXIT_FAILED) or (status and not ids):
        return status  # nothing usable came in: the import said why
    window = [*options, "gui", *(["--article", str(ids[0])] if ids else [])]
    return cli_main(window, gui=open_window)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``fieldreader``; return the exit status."""
    gc.disable()  # the command line's modules make many objects and free few
    try:
        from reader.cli import main as cli_main
    finally:
        gc.enable()

    given = list(sys.argv[1:] if argv is None else argv)
    opening = split_open_files(given, _command_names)
    if opening is not None:
        return open_files(*opening)
    return cli_main(given, gui=open_window)


if __name__ == "__main__":  # worker processes import this module too
    raise SystemExit(main())
