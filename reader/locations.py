"""Where the user's library and settings live: the user data folder, or beside a portable app.

A frozen Fieldreader (a PyInstaller build) with a file named ``portable`` next to its
executable is a portable install: its library and settings live in a folder
``fieldreader-data`` beside the executable, so the app and its data travel together (on a
USB stick, say). Otherwise the library lives in the platform's user data folder (on Linux
``~/.local/share/Fieldreader/library.sqlite``) and settings where Qt keeps them by default.
A checkout or a pip install is never portable. Nothing here imports Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Fieldreader"
PORTABLE_MARKER = "portable"
PORTABLE_FOLDER = "fieldreader-data"
LIBRARY_FILE = "library.sqlite"


def executable_dir() -> Path | None:
    """The folder of a frozen app's executable; None when running from Python."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_root() -> Path | None:
    """The portable data folder (``fieldreader-data`` beside the executable), else None.

    A frozen app is portable when a file named ``portable`` sits next to its executable.
    The folder is not created here.
    """
    folder = executable_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_FOLDER


def default_library_path() -> Path:
    """The library file: in the portable folder, else in the user data folder."""
    root = portable_root()
    if root is not None:
        return root / LIBRARY_FILE
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / LIBRARY_FILE


def settings_dir() -> Path | None:
    """The folder for ``Fieldreader.ini`` in a portable install; None means Qt's default."""
    return portable_root()
