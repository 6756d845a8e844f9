"""Benchmark the HTML importer on the web-page corpus (``../shared/corpus/web-pages``).

Prints per-page token F1, title match and extraction time, then the summary figures.
Run from the checkout root::

    /work/venv/bin/python tests/bench/bench_html.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS_DIR))
sys.path.insert(0, str(TESTS_DIR.parent))

from helpers.corpus_metrics import WEB_PAGES_DIR, load_cases, title_matches, token_f1  # noqa: E402
from reader.ingest.html import extract_html  # noqa: E402


def run() -> dict:
    rows = []
    for case in load_cases():
        start = time.perf_counter()
        try:
            draft = extract_html(case.source)
            text, title, error = draft.text, draft.title, None
        except ValueError as exc:
            text, title, error = "", "", str(exc)
        seconds = time.perf_counter() - start
        expected_title = case.metadata.get("title")
        rows.append(
            {
                "page": case.name,
                "f1": round(token_f1(text, case.expected_text), 4),
                "title_ok": title_matches(title, expected_title),
                "title": title,
                "expected_title": expected_title,
                "seconds": round(seconds, 4),
                "error": error,
            }
        )
    f1s = [r["f1"] for r in rows]
    times = [r["seconds"] for r in rows]
    worst = min(rows, key=lambda r: r["f1"]) if rows else None
    return {
        "corpus": str(WEB_PAGES_DIR),
        "pages": len(rows),
        "mean_f1": round(statistics.fmean(f1s), 4) if rows else None,
        "min_f1": worst["f1"] if worst else None,
        "min_f1_page": worst["page"] if worst else None,
        "titles_right": sum(r["title_ok"] for r in rows),
        "total_seconds": round(sum(times), 3),
        "mean_seconds": round(statistics.fmean(times), 4) if rows else None,
        "results": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    args = parser.parse_args(argv)
    report = run()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    if not report["pages"]:
        print(f"no corpus found at {report['corpus']}")
        return 1
    for r in report["results"]:
        mark = "ok " if r["title_ok"] else "BAD"
        print(f"{r['page']:<20} F1 {r['f1']:.3f}  title {mark}  {r['seconds'] * 1000:7.1f} ms")
        if not r["title_ok"]:
            print(f"{'':<20}   got {r['title']!r}\n{'':<20}  want {r['expected_title']!r}")
        if r["error"]:
            print(f"{'':<20}   error: {r['error']}")
    print(
        f"\nmean F1 {report['mean_f1']:.4f}  min F1 {report['min_f1']:.4f} "
        f"({report['min_f1_page']})  titles {report['titles_right']}/{report['pages']}  "
        f"time {report['total_seconds']:.2f} s total, "
        f"{report['mean_seconds'] * 1000:.1f} ms/page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
