"""The UI tests' fixtures (settings, the sample library, the window, the interface in
French), from tests/helpers.

Every Qt warning fails a test (``qt_log_level_fail``), except the offscreen platform's own
notices that it cannot do what a desktop does (size hints, raising a window): every top-level
window with a layout causes one when it is shown, on this platform only. They are the
messages the app itself drops (:data:`reader.app.QUIET_QT_MESSAGES`), matched exactly.
"""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from helpers.translation import french
from helpers.ui_fixtures import bus_changes, sampled, settings, status_lines, summaries, window
from reader.app import QUIET_QT_MESSAGES

__all__ = ["bus_changes", "french", "sampled", "settings", "status_lines", "summaries", "window"]

HERE = Path(__file__).parent
# Dates and numbers as the English interface shows them, whatever this machine's locale
# (the app sets the same default when it installs its language).
QLocale.setDefault(QLocale("en_GB"))
PLATFORM_NOTICES = tuple(f"^{re.escape(message)}$" for message in QUIET_QT_MESSAGES)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(*PLATFORM_NOTICES))
