"""Replaces PyInstaller's PySide6.QtGui hook: the same collection, trimmed by packaging/trim.py.

QtGui is the module that brings in the platform, theme, input, image-format and icon
plugins and the qtbase translations; filtering here, before PyInstaller resolves their
shared-library dependencies, keeps dropped plugins' libraries (GTK, EGL, QtNetwork, ...)
out of the bundle too.
"""

import sys
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from trim import keep_qt_file

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if keep_qt_file(src, dest)]
datas = [(src, dest) for src, dest in datas if keep_qt_file(src, dest)]
