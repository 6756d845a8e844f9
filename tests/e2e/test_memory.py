"""A huge single paragraph is refused clearly, within a few times its size in memory.

Before, a 40 MB text file on one line took 877 MB to 1.1 GB of memory (and minutes) while
its entities were looked for. Now a paragraph longer than a million characters is refused
with its reason before that, and the rest of the import goes on. The peak memory of the
real ``fieldreader import`` process is measured by the system (``wait4``'s rusage).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import command
from helpers.dispatches import write_dispatches

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs wait4 to measure memory"),
]

SIZE = 40 * 1024 * 1024
LINE = (
    "M23 fighters and the FARDC clashed near Goma while officials in Kinshasa said families "
    "fled toward Bukavu; the coltan trade through Rubaya slowed, and analysts expect talks. "
)


def _peak_rss_of(args: list[str]) -> tuple[int, str, int]:
    """Run ``args``; its exit status, stdout, and peak resident memory in bytes."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8")
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    scale = 1 if sys.platform == "darwin" else 1024  # bytes there, KiB on Linux
    return proc.returncode, out, usage.ru_maxrss * scale


def test_a_40_mb_single_line_text_is_refused_within_8_times_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    huge.write_text(
        "A heading that is long enough to be one sentence. " + LINE * (SIZE // len(LINE))
    )
    fine = write_dispatches(tmp_path / "fine", 1) / "000.txt"
    library = tmp_path / "lib.sqlite"
    status, out, peak = _peak_rss_of(
        [*command(), "--library", str(library), "import", str(huge), str(fine), "--json"]
    )
    assert status == 1
    refused, added = json.loads(out)
    assert refused["status"] == "error"
    assert refused["error"].startswith("one paragraph holds 41.9 million characters")
    assert added["status"] == "added"
    assert peak < 8 * huge.stat().st_size, f"peak {peak / 2**20:.0f} MB"
