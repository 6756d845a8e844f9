"""Any file name: odd names import, or fail alone with a reason, and the JSON stays valid.

Before, one file name with a byte that is not UTF-8 (Linux allows any byte but ``/``) ended
the whole import (``'utf-8' codec can't encode … surrogates not allowed``, rc=1, no JSON):
the files before it were stored but not reported and those after it were never read.
Now such a name is written with ``\\xNN`` escapes (in ``path``, and as the original's file
name), a name with a line break or one as long as the system allows imports like any other,
and a name too long for the system fails alone. Real ``fieldreader`` processes.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from helpers.cli import run
from reader.library import Library

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="names of any bytes are POSIX's"),
]

LONG = "é" * 125 + ".txt"  # 254 bytes: as long as a name may be


def _dispatch(folder: Path, name: str | bytes, n: int) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_text(f"Dispatch {n} from Goma\n\nM23 and the FARDC met near Goma on day {n}.\n")
    return path


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    _dispatch(folder, "a first.txt", 1)
    _dispatch(folder, b"caf\xe9.txt", 2)  # Latin-1 bytes: not UTF-8
    _dispatch(folder, "line\nbreak.txt", 3)
    _dispatch(folder, LONG, 4)
    _dispatch(folder, "z last.txt", 5)
    return folder


def test_a_folder_of_odd_names_imports_every_file_with_valid_json(odd_folder: Path) -> None:
    library = odd_folder.parent / "lib.sqlite"
    proc = run(library, "import", str(odd_folder), "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    results = json.loads(proc.stdout)
    assert [r["status"] for r in results] == ["added"] * 5
    names = sorted(Path(r["path"]).name for r in results)
    assert names == sorted(["a first.txt", "caf\\xe9.txt", "line\nbreak.txt", LONG, "z last.txt"])
    with Library.open(library) as lib:
        assert lib.count() == 5
        stored = {lib.original(r["id"]).filename for r in results}  # type: ignore[union-attr]
    assert "caf\\xe9.txt" in stored


def test_human_output_keeps_each_result_on_its_line(odd_folder: Path) -> None:
    library = odd_folder.parent / "lib.sqlite"
    proc = run(library, "import", str(odd_folder))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 6  # five articles and the summary
    assert lines[-1] == "5 added, 0 duplicate, 0 failed"


def test_a_name_too_long_for_the_system_fails_alone(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    before = _dispatch(tmp_path, "before.txt", 1)
    after = _dispatch(tmp_path, "after.txt", 2)
    too_long = tmp_path / ("x" * 300 + ".txt")
    undecodable = Path(os.fsdecode(os.fsencode(tmp_path) + b"/missing-\xff.txt"))
    proc = run(
        library, "import", str(before), str(too_long), str(undecodable), str(after), "--json"
    )
    assert proc.returncode == 1
    results = json.loads(proc.stdout)
    assert [r["status"] for r in results] == ["added", "error", "error", "added"]
    assert results[1]["error"] == "File name too long"
    assert results[2]["path"].endswith("/missing-\\xff.txt")
    assert results[2]["error"] == "no such file"
    errors = proc.stderr.splitlines()
    assert len(errors) == 2
    assert errors[1].endswith("missing-\\xff.txt: no such file")
