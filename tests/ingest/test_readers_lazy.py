"""An import's worker process starts without the readers it may never need: YAML and
Markdown (Markdown files), lxml (web pages) load on the first file of their kind, dateutil
on the first free-form date and charset-normalizer on the first file that is not UTF-8; the
importer of files loads no fetching stack (TLS, lxml) until a URL is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("yaml", "markdown", "lxml", "sqlite_utils", "dateutil", "charset_normalizer")


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


def test_a_legacy_encoding_and_a_free_form_date_still_get_their_libraries(
    tmp_path: Path,
) -> None:
    old = tmp_path / "a.txt"
    old.write_bytes("Café au lait\n\nLe café de Goma a rouvert.\n".encode("cp1252"))
    code = (
        "from pathlib import Path\n"
        "from reader.ingest.readers import read_inputs\n"
        "from reader.ingest.dates import parse_date\n"
        f"[item] = read_inputs(Path({str(old)!r}))\n"
        "assert item.draft.title == 'Café au lait', item\n"
        "assert parse_date('Published 16 November 2017 at 2:15pm', 'en') == '2017-11-16'\n"
    )
    loaded = _loaded_after(code)
    assert "charset_normalizer" in loaded
    assert "dateutil" in loaded


def test_the_importer_of_files_loads_no_fetching_stack() -> None:
    probe = (
        "import sys\n"
        "import reader.services.importing\n"
        "print(' '.join(m for m in ('ssl', 'lxml', 'urllib.request', 'reader.ingest.fetch', "
        "'reader.services.sources', 'dateutil', 'charset_normalizer') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == []
