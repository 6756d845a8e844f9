"""Never lost: type into a note in the real GUI process, kill it, and find the text saved."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers.paths import ROOT
from reader.library import Library

HELPER = ROOT / "tests" / "helpers" / "notes_kill_helper.py"
TYPED = "Field note: the bridge at Luau was closed **again**."
MARKER_TIMEOUT_S = 60
GRACE_S = 1.3  # the editor saves at most a second after the last keystroke


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_typed_text_survives_a_kill(sampled, tmp_path):
    sampled.close()  # the GUI process opens the file itself
    library_path = Path(sampled.path)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        FIELDREADER_SETTINGS_DIR=str(tmp_path / "settings"),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
    )
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(library_path), TYPED],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + MARKER_TIMEOUT_S
        marker = ""
        while not marker.startswith("TYPED") and time.monotonic() < deadline:
            try:
                marker = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
        assert marker.startswith("TYPED"), f"the GUI never typed (exit {proc.poll()})"
        time.sleep(GRACE_S)
        assert proc.poll() is None, "the GUI exited on its own"
    finally:
        proc.kill()  # SIGKILL: no close event, no flush, no cleanup
        proc.wait(timeout=10)
        reader.join(timeout=5)
        proc.stdout.close()
    assert proc.returncode == -9
    note_id = int(marker.split()[1])
    library = Library.open(library_path)
    try:
        note = library.note(note_id)
        assert note is not None
        assert note.body == TYPED
        assert note.quote
        assert note.anchor_status == "ok"
        assert library.note_revisions(note_id)[0].body == TYPED
    finally:
        library.close()
