"""Running the real ``fieldreader`` command in a subprocess, for end-to-end tests, and
looking at the library files such runs leave."""

from __future__ import annotations

import json
import os
import sqlite3
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


def article_count(path: Path) -> int:
    """How many articles the library at ``path`` holds now, read without waiting on a
    writer (0 when it cannot be read yet)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def newer_library(path: Path) -> Path:
    """An SQLite file at ``path`` that says a newer Fieldreader wrote it (schema 999)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return path
