"""The import's worker processes: what they give is what reading in this process gives,
with the library's corrections, and none outlives an import that is killed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.dispatches import write_dispatches
from reader.analysis.corrections import Corrections
from reader.analysis.entities import Extractor
from reader.services import pipeline
from reader.services.pipeline import prepare_file, prepare_in_parallel

ROWS = [("hide", "Bukavu", ""), ("rename", "Signal Risk", "Signal Risk Ltd")]


def _plain(prepared: pipeline.PreparedFile) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for incoming, mentions in prepared:
        draft = incoming.draft
        assert draft is not None
        assert draft.ahead is not None
        out.append(
            (
                draft.title,
                draft.text,
                draft.language,
                draft.published,
                draft.ahead.text_hash,
                draft.ahead.forms,
                [(m.start, m.end, m.name, m.type, m.surface) for m in mentions],
            )
        )
    return out


def test_workers_give_what_this_process_gives(tmp_path: Path) -> None:
    files = sorted(write_dispatches(tmp_path / "src", 20).iterdir())
    here = Extractor(corrections=Corrections.from_rows(ROWS))
    expected = [_plain(prepare_file(path, here)) for path in files]
    got = list(prepare_in_parallel(files, ROWS, workers=2))
    assert [path for path, _ in got] == files
    assert [_plain(prepared) for _, prepared in got] == expected
    names = {m[2] for article in expected for row in article for m in row[-1]}
    assert "Signal Risk Ltd" in names
    assert "Bukavu" not in names


def test_what_a_worker_sends_back_is_rebuilt_equal(tmp_path: Path) -> None:
    import pickle

    files = sorted(write_dispatches(tmp_path / "src", 6).iterdir())
    (tmp_path / "src" / "empty.txt").write_bytes(b"")
    here = Extractor(corrections=Corrections.from_rows(ROWS))
    for path in [*files, tmp_path / "src" / "empty.txt"]:
        for item, mentions in prepare_file(path, here):
            wire = pickle.loads(pickle.dumps(pipeline._wire(item, mentions), protocol=5))
            back, rows = pipeline._unwire(wire)
            assert back == item  # every field of the draft, the original and the error
            assert [tuple(m) for m in rows] == [
                (m.start, m.end, m.name, m.type, m.surface) for m in mentions
            ]
            if item.draft is None:
                assert back.error == item.error == "file is empty"
                continue
            assert back.draft is not None
            assert back.draft.ahead == item.draft.ahead
            assert back.draft.ahead is not None
            assert back.draft.ahead.fits(back.draft)
            assert back.draft.blocks
            assert back.draft.blocks == item.draft.blocks
            assert rows
            assert rows[0].name == mentions[0].name


_KILLED_IMPORT = """
import sys, time
from pathlib import Path
from reader.services.pipeline import prepare_in_parallel
files = sorted(Path(sys.argv[1]).glob("*.txt"))
for _ in prepare_in_parallel(files, [], workers=2):
    print("read", flush=True)
    time.sleep(60)  # hold the workers until the test kills this process
"""


def _descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_and_their_server_end_when_the_import_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = write_dispatches(tmp_path / "in", 64)
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "read"
    under = _descendants(proc.pid)
    assert under  # the workers (and, where there is one, their server)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 20
    alive = under
    while alive and time.monotonic() < deadline:
        time.sleep(0.25)
        alive = {pid for pid in alive if Path(f"/proc/{pid}").exists() and not _zombie(pid)}
    assert not alive, f"left running after the import was killed: {sorted(alive)}"


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False
