"""Scale benchmark: build a synthetic library through the real import path, then measure.

    python tests/bench/bench.py --articles 10000 [--json] [--workdir DIR] [--keep]

Articles of 600-1,500 words are written as ``.txt`` files from a vocabulary drawn from the
bundled samples (their entity names and minerals included) and imported with
:func:`reader.services.importing.import_paths` (entity extraction included). Then it measures
the project's search over a fixed mix of queries against bare SQLite FTS5 on the same file,
opening an article in the reader pane (offscreen), the library pane's first page, start-up
of the real command to a shown window, peak memory and the file size. It prints figures and
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from reader.resources import resource_path  # noqa: E402
from reader.services.importing import import_paths  # noqa: E402

RARE = "zygomorphic"
QUERIES = {
    "common term": "minerals",
    "rare term": RARE,
    "two terms": "cobalt Goma",
    "phrase": '"security guarantee"',
    "prefix": "lith*",
    "no hit": "qwxzvbnm",
}


def vocabulary() -> tuple[list[str], list[str]]:
    """Sentences and words from the bundled English samples (names, minerals, figures
    included): the synthetic corpus stays English, as its earlier figures were."""
    sentences: list[str] = []
    for path in sorted(resource_path("samples").glob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---", 2)
        if (yaml.safe_load(head) or {}).get("language", "en") != "en":
            continue
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s) > 40]
    words = sorted({w for s in sentences for w in re.findall(r"[A-Za-z][\w'-]+", s)})
    return sentences, words


def write_articles(folder: Path, n: int, seed: int = 1) -> int:
    """``n`` synthetic articles as text files; returns the total word count."""
    rng = random.Random(seed)
    sentences, words = vocabulary()
    total = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        target = rng.randint(600, 1500)
        paras, count = [], 0
        while count < target:
            para = []
            for _ in range(rng.randint(3, 6)):
                if rng.random() < 0.7:
                    s = rng.choice(sentences)
                else:
                    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))) + "."
                    s = s[0].upper() + s[1:]
                para.append(s)
                count += len(s.split())
            paras.append(" ".join(para))
        if i % 2000 == 7:
            paras[-1] += f" A {RARE} specimen was noted."
        title = f"Dispatch {i}: " + " ".join(rng.choice(words) for _ in range(6))
        (folder / f"{i:06}.txt").write_text(title + "\n\n" + "\n\n".join(paras) + "\n")
        total += count
    return total


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure_search(lib: Library, rounds: int) -> tuple[list[float], dict[str, float]]:
    times, per_query = [], {}
    for label, q in QUERIES.items():
        mine = []
        for _ in range(rounds):
            start = time.perf_counter()
            lib.search(q, limit=50, kinds=("article",))
            mine.append((time.perf_counter() - start) * 1000)
        per_query[label] = statistics.median(mine)
        times += mine
    return times, per_query


def measure_raw_fts(path: Path, rounds: int) -> list[float]:
    conn = sqlite3.connect(path)
    sql = (
        "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 24) FROM articles_fts "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50"
    )
    times = []
    for q in QUERIES.values():
        for _ in range(rounds):
            start = time.perf_counter()
            conn.execute(sql, [q]).fetchall()
            times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def measure_ui(path: Path, samples: int) -> tuple[float, float]:
    """Median ms to open (load and lay out) an article, and ms to the list's first page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.app import build_main_window, ensure_application, make_settings
    from reader.ui.library.models import ArticleTableModel
    from reader.ui.tasks.runner import TaskRunner

    app = ensure_application()
    lib = Library.open(path)
    start = time.perf_counter()
    model = ArticleTableModel(lib)
    for row in range(min(50, model.rowCount())):
        for col in range(model.columnCount()):
            model.data(model.index(row, col))
    first_page = (time.perf_counter() - start) * 1000
    tasks = TaskRunner()
    window = build_main_window(lib, path, settings=make_settings(), tasks=tasks)
    window.persist_layout = False
    window.resize(1400, 900)
    window.show()
    QApplication.processEvents()
    ids = random.Random(5).sample(lib.all_article_ids(), min(samples, lib.count()))
    opened = []
    for article_id in ids:
        start = time.perf_counter()
        window.open_article(article_id)
        window.reader.browser.document().size()  # force the layout
        opened.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    tasks.shutdown()
    window.close()
    lib.close()
    return statistics.median(opened), first_page


def measure_startup(path: Path, runs: int) -> float:
    exe = Path(sys.executable).with_name("fieldreader")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
    out = Path(tempfile.mkdtemp()) / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FIELDREADER_SETTINGS_DIR": str(out.parent),
    }
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [*cmd, "--library", str(path), "gui", "--screenshot", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the files and the library")
    parser.add_argument("--rounds", type=int, default=15, help="repeats of each query")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the library already in --workdir"
    )
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="fieldreader-bench-"))
    src, db_path = work / "src", work / "bench.sqlite"
    lib = Library.open(db_path) if args.reuse else None
    if lib is not None:
        args.articles = lib.count()
        words, generate_s, import_s, failed = 0, 0.0, float("nan"), []
    else:
        start = time.perf_counter()
        words = write_articles(src, args.articles)
        generate_s = time.perf_counter() - start
        lib = Library.open(db_path)
        start = time.perf_counter()
        results = import_paths(lib, [src])
        import_s = time.perf_counter() - start
        failed = [r for r in results if r.status == "error"]
    start = time.perf_counter()
    lib.search("warm")  # the stemmed index takes in what is still queued (none, once the
    index_s = time.perf_counter() - start  # import keeps it in step as it stores)
    search_times, per_query = measure_search(lib, args.rounds)
    lib.close()
    raw = measure_raw_fts(db_path, args.rounds)
    open_ms, first_page_ms = measure_ui(db_path, 30)
    startup = measure_startup(db_path, 3)
    figures = {
        "articles": args.articles,
        "words": words,
        "import_per_s": round(args.articles / import_s, 1),
        "import_s": round(import_s, 1),
        "import_failed": len(failed),
        "search_index_catch_up_s": round(index_s, 1),
        "search_p50_ms": round(_percentile(search_times, 0.5), 2),
        "search_p95_ms": round(_percentile(search_times, 0.95), 2),
        "raw_fts_p50_ms": round(_percentile(raw, 0.5), 2),
        "raw_fts_p95_ms": round(_percentile(raw, 0.95), 2),
        "search_p50_ratio": round(_percentile(search_times, 0.5) / _percentile(raw, 0.5), 2),
        "search_by_query_ms": {k: round(v, 2) for k, v in per_query.items()},
        "open_article_p50_ms": round(open_ms, 2),
        "list_first_page_ms": round(first_page_ms, 2),
        "startup_s": round(startup, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(db_path.stat().st_size / 1e6, 1),
        "generate_s": round(generate_s, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>22}: {value}")
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
