"""An import's worker process starts without the readers it may never need: YAML and
Markdown (Markdown files), lxml (web pages) load on the first file of their kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("yaml", "markdown", "lxml", "sqlite_utils")


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return out.split()


def test_a_worker_loads_no_reader_it_does_not_use(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Talks resume\n\nNegotiators met in Goma on Monday.\n", encoding="utf-8")
    code = (
        "from pathlib import Path\n"
        "from reader.services import pipeline\n"
        "from reader.analysis.entities import Extractor\n"
        f"[(item, _)] = pipeline.prepare_file(Path({str(text)!r}), Extractor())\n"
        "assert item.draft.title == 'Talks resume', item\n"
    )
    assert _loaded_after(code) == []


def test_a_markdown_file_still_gets_its_reader(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("---\ntitle: Goma\n---\n\nBody paragraph here.\n", encoding="utf-8")
    code = (
        "from pathlib import Path\n"
        "from reader.ingest.readers import read_inputs\n"
        f"[item] = read_inputs(Path({str(note)!r}))\n"
        "assert item.draft.title == 'Goma', item\n"
    )
    assert "yaml" in _loaded_after(code)
