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


#: Runs the command from a small interpreter and reports its peak: a process forked from
#: pytest itself would start with pytest's own (large) high-water mark, which survives exec.
MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[2:], stderr=subprocess.DEVNULL)\n"
    "_pid, status, usage = os.wait4(child.pid, 0)\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')\n"
)


def _peak_rss_of(args: list[str], report: Path) -> tuple[int, str, int]:
    """Run ``args``; its exit status, stdout, and peak resident memory in bytes."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(report), *args],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    status, peak = (int(v) for v in report.read_text().split())
    scale = 1 if sys.platform == "darwin" else 1024  # bytes there, KiB on Linux
    return status, proc.stdout.decode("utf-8"), peak * scale


def test_a_40_mb_single_line_text_is_refused_within_8_times_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    huge.write_text(
        "A heading that is long enough to be one sentence. " + LINE * (SIZE // len(LINE))
    )
    fine = write_dispatches(tmp_path / "fine", 1) / "000.txt"
    library = tmp_path / "lib.sqlite"
    status, out, peak = _peak_rss_of(
        [*command(), "--library", str(library), "import", str(huge), str(fine), "--json"],
        tmp_path / "peak.txt",
    )
    assert status == 1
    refused, added = json.loads(out)
    assert refused["status"] == "error"
    assert refused["error"].startswith("one paragraph holds 41.9 million characters")
    assert added["status"] == "added"
    assert peak < 8 * huge.stat().st_size, f"peak {peak / 2**20:.0f} MB"
