"""Running the real ``fieldreader`` command in a subprocess, for end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def command() -> list[str]:
    script = Path(sys.executable).with_name("fieldreader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FIELDREADER_LIBRARY", None)
    return subprocess.run(
        [*command(), "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def run_json(library: Path, *args: str):
    proc = run(library, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
