"""Search benchmark: the project's search against bare FTS5 on the same library file.

    python tests/bench/bench_search.py --articles 10000 --workdir DIR [--json]
    python tests/bench/bench_search.py --reuse --workdir DIR [--json]
    python tests/bench/bench_search.py --reuse --workdir DIR --page-size 4096 [--json]

The first form builds ``DIR/bench.sqlite`` from :mod:`bench`'s synthetic English dispatches
(stored directly with ``add_article``: no entity extraction, which search does not need);
the second opens the file already there (migrating it if an older Fieldreader wrote it,
and timing that). Then, for each query of a fixed mix, the median time of
the search (50 hits, articles, no "did you mean") and of a bare FTS5 ``MATCH`` with ``snippet()`` on
``articles_fts`` over a plain ``sqlite3`` connection (CPU time, which other programs on
the machine hardly move), their ratio, the p50 and p95 of every timed search, the ids
found (to compare result sets between two versions run on the same file), whether the
ranking was bounded, and the time "did you mean" takes for misspellings. Each query's
first search is timed apart (``first_search_ms``, with "did you mean" where nothing is
found): it rewrites the query and walks the index for the window of a common word, which
a connection remembers for its later searches until the file changes. With ``--bare``
it also stores the same articles' titles and texts in a bare FTS5 library next to it
(``bare.sqlite``: one table, one external-content FTS5 index) and compares the two
files' sizes (pages in use, so free pages left by a migration do not count). With
``--page-size N`` the library is first rewritten in pages of ``N`` bytes (``VACUUM`` in
rollback-journal mode, then back to WAL), to time the same searches over another page
size on the same articles; ``page_size`` says which the figures are of. It prints figures
and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench import QUERIES, write_articles  # noqa: E402

from reader.library import Library  # noqa: E402
from reader.library.draft import Draft  # noqa: E402
from reader.library.search import search_articles  # noqa: E402

#: Searches are timed without "did you mean" (timed on its own), where the version has it.
OPTIONS: dict[str, Any] = {"limit": 50, "kinds": ("article",)}
if "suggest_words" in inspect.signature(search_articles).parameters:
    OPTIONS["suggest_words"] = False

SEARCHES = {
    **QUERIES,
    "plural": "refineries",
    "three terms": "cobalt lithium copper",
    "title filter": "title:dispatch",
}
MISSPELLINGS = ("Tshisekdi", "goverment", "minerls", "secruity")
RAW_SQL = (
    "SELECT rowid, snippet(articles_fts, 1, '[', ']', '\u2026', 24) FROM articles_fts "
    "WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50"
)


def build(path: Path, count: int) -> float:
    """Store ``count`` synthetic articles in a new library at ``path``; seconds taken."""
    src = path.parent / "src"
    write_articles(src, count)
    start = time.perf_counter()
    with Library.open(path) as lib:
        for file in sorted(src.glob("*.txt")):
            title, _, body = file.read_text(encoding="utf-8").partition("\n\n")
            lib.add_article(Draft(title=title, text=body))
        lib.search("warm")  # a stemmed index is brought up to date by the first search
    return time.perf_counter() - start


def _times_ms(run: object, rounds: int) -> list[float]:
    """The CPU times of ``rounds`` runs of ``run()`` in ms: the search is CPU-bound work
    on this thread, and CPU time hardly moves when other programs load the machine."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        run()  # type: ignore[operator]
        times.append((time.process_time() - start) * 1000)
    return times


def _median_ms(run: object, rounds: int) -> float:
    return statistics.median(_times_ms(run, rounds))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def used_mb(path: Path) -> float:
    """The pages of ``path`` in use (free pages left by dropped tables not counted)."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    finally:
        conn.close()
    return round(size * (pages - free) / 1e6, 1)


def bare_library(path: Path) -> Path:
    """The titles and texts of the library at ``path`` in a bare FTS5 library beside it."""
    bare = path.with_name("bare.sqlite")
    bare.unlink(missing_ok=True)
    conn = sqlite3.connect(bare)
    try:
        conn.executescript(
            f"""
            CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT);
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'
            );
            ATTACH DATABASE '{path}' AS lib;
            INSERT INTO articles SELECT id, title, text FROM lib.articles;
            INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
            """
        )
        conn.commit()
    finally:
        conn.close()
    return bare


def rewrite_pages(path: Path, page_size: int) -> float:
    """Rewrite the library at ``path`` in pages of ``page_size`` bytes; seconds taken."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        start = time.perf_counter()
        conn.execute("PRAGMA journal_mode = DELETE")  # WAL keeps its page size in a VACUUM
        conn.execute(f"PRAGMA page_size = {int(page_size)}")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode = wal")
        return time.perf_counter() - start
    finally:
        conn.close()


def page_size_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def measure(path: Path, rounds: int) -> dict[str, object]:
    start = time.perf_counter()
    lib = Library.open(path)
    lib.search("warm")
    opened = time.perf_counter() - start
    raw = sqlite3.connect(path)
    per_query: dict[str, dict[str, float]] = {}
    ids: dict[str, list[int]] = {}
    bounded: dict[str, bool] = {}
    every: list[float] = []
    every_floor: list[float] = []
    for label, query in SEARCHES.items():
        start = time.process_time()
        found = lib.search(query, limit=50, kinds=("article",))
        first = (time.process_time() - start) * 1000
        ids[label] = [h.id for h in found]
        bounded[label] = bool(getattr(found, "bounded", False))

        def mine_once(q: str = query) -> object:
            return search_articles(lib.db, q, **OPTIONS)

        times = _times_ms(mine_once, rounds)
        every += times
        mine = statistics.median(times)
        try:
            floors = _times_ms(lambda q=query: raw.execute(RAW_SQL, [q]).fetchall(), rounds)
            floor = statistics.median(floors)
            every_floor += floors
        except sqlite3.OperationalError:
            floor = float("nan")
        per_query[label] = {
            "search_ms": round(mine, 2),
            "first_search_ms": round(first, 2),
            "raw_fts_ms": round(floor, 2),
            "ratio": round(mine / floor, 2) if floor > 0 else float("nan"),
        }
    suggest_ms: dict[str, float] = {}
    suggestions: dict[str, list[str]] = {}
    for word in MISSPELLINGS:
        hits = lib.search(word, limit=0)
        if not hasattr(hits, "suggestions"):
            break  # a Fieldreader without "did you mean"
        suggestions[word] = list(hits.suggestions)
        suggest_ms[word] = round(_median_ms(lambda w=word: lib.search(w, limit=0), 3), 1)
    count = lib.count()
    lib.close()
    raw.close()
    mine_all = [q["search_ms"] for q in per_query.values()]
    floor_all = [q["raw_fts_ms"] for q in per_query.values() if q["raw_fts_ms"] == q["raw_fts_ms"]]
    return {
        "articles": count,
        "open_and_first_search_s": round(opened, 2),
        "search_median_ms": round(statistics.median(mine_all), 2),
        "raw_fts_median_ms": round(statistics.median(floor_all), 2),
        "ratio_of_medians": round(statistics.median(mine_all) / statistics.median(floor_all), 2),
        "search_p50_ms": round(_percentile(every, 0.5), 2),
        "search_p95_ms": round(_percentile(every, 0.95), 2),
        "raw_fts_p50_ms": round(_percentile(every_floor, 0.5), 2),
        "raw_fts_p95_ms": round(_percentile(every_floor, 0.95), 2),
        "by_query": per_query,
        "bounded": bounded,
        "suggest_ms": suggest_ms,
        "suggestions": suggestions,
        "db_mb": round(path.stat().st_size / 1e6, 1),
        "db_used_mb": used_mb(path),
        "ids": ids,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--workdir", type=Path, help="where the library is (default: a temp folder)"
    )
    parser.add_argument("--reuse", action="store_true", help="measure the library in --workdir")
    parser.add_argument("--rounds", type=int, default=9, help="repeats of each query")
    parser.add_argument(
        "--bare", action="store_true", help="compare the file with a bare FTS5 library's"
    )
    parser.add_argument(
        "--page-size", type=int, help="rewrite the library in pages of this many bytes first"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="fieldreader-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "bench.sqlite"
    built = None if args.reuse else round(build(path, args.articles), 1)
    figures: dict[str, object] = {"build_s": built}
    if args.page_size:
        figures["rewrite_s"] = round(rewrite_pages(path, args.page_size), 1)
    figures["page_size"] = page_size_of(path)
    figures.update(measure(path, args.rounds))
    if args.bare:
        bare_mb = used_mb(bare_library(path))
        figures["bare_fts_db_mb"] = bare_mb
        figures["size_ratio"] = round(float(figures["db_used_mb"]) / bare_mb, 2)  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        for key, value in figures.items():
            if key != "ids":
                print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
