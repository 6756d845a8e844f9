"""The Qt-free core stays Qt-free: importing it must not load PySide6."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "reader.library",
    "reader.services.importing",
    "reader.ingest.html",
    "reader.services.samples",
    "reader.ingest.pdf",
    "reader.ingest.feeds",
    "reader.ingest.fetch",
    "reader.services.sources",
    "reader.library.sources",
    "reader.analysis.sentences",
    "reader.cli",
]


def test_core_imports_without_pyside6() -> None:
    code = (
        "import sys\n"
        f"for name in {CORE!r}:\n"
        "    __import__(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
