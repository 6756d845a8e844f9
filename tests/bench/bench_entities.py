"""Benchmark entity extraction: words per second, gazetteer load time, import time.

Runs the extractor over the bundled samples and the labelled test articles, repeated for a
few seconds, and prints the throughput; also the time to load the shipped gazetteer (uncached)
and to import ``reader.analysis.entities`` in a fresh interpreter. Run from the checkout root::

    /work/venv/bin/python tests/bench/bench_entities.py [--seconds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis.entities import Extractor  # noqa: E402
from reader.analysis.gazetteer import load_seconds, shipped_gazetteer_path  # noqa: E402


def corpus() -> list[str]:
    texts = []
    for path in sorted((ROOT / "resources" / "samples").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("---", 2)[2] if text.startswith("---") else text)
    for path in sorted((ROOT / "tests" / "fixtures" / "entities").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def import_seconds() -> tuple[float, float]:
    """Wall time of ``import reader.analysis.entities`` plus the first extraction, fresh."""
    code = (
        "import time; t = time.perf_counter(); import reader.analysis.entities as e; "
        "i = time.perf_counter(); e.Extractor().extract('Goma'); "
        "print(i - t, time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imported, ready = (float(x) for x in out.stdout.split())
    return imported, ready


def run(seconds: float) -> dict:
    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    for text in texts:  # warm up
        extractor.extract(text)
    rounds, mentions = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            mentions += len(extractor.extract(text))
        rounds += 1
    elapsed = time.perf_counter() - start
    imported, ready = import_seconds()
    return {
        "articles": len(texts),
        "words": words,
        "rounds": rounds,
        "seconds": round(elapsed, 3),
        "words_per_second": round(words * rounds / elapsed),
        "ms_per_article": round(1000 * elapsed / (rounds * len(texts)), 3),
        "mentions_per_round": mentions // max(rounds, 1),
        "gazetteer_load_seconds": round(min(load_seconds() for _ in range(3)), 4),
        "gazetteer_bytes": shipped_gazetteer_path().stat().st_size,
        "import_seconds": round(imported, 4),
        "import_and_first_extract_seconds": round(ready, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark entity extraction.")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args.seconds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:34} {value:,}" if isinstance(value, int) else f"{key:34} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
