"""The interface's language in UI tests: French installed for one test, English again after.

:func:`interface_language` installs a language's translators (ours and Qt's, and its
locale's numbers) for the span of a ``with`` block; the :func:`french` fixture does it for a
whole test. ``tests/ui/conftest.py`` offers the fixture to every UI test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from reader.ui.window.i18n import install_translators


@contextmanager
def interface_language(app: QApplication, language: str) -> Iterator[QApplication]:
    """``language`` installed inside the block; English and the locale before it after."""
    before = QLocale()
    install_translators(app, language)
    try:
        yield app
    finally:
        install_translators(app, "en")
        QLocale.setDefault(before)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[QApplication]:
    """The application with the French translation installed, English again afterwards
    (install it before building the window, for the window to be built in French)."""
    with interface_language(qapp, "fr") as app:
        yield app
