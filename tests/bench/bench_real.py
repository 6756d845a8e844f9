"""Real-text import benchmark over the Reuters-21578 articles, with the bare floors beside it.

    python tests/bench/bench_real.py [--sizes 2000 10000] [--all] [--json] [--cpu-sample 2000]

The corpus is ``../shared/corpus/reuters-21578/articles.jsonl.gz`` (17,882 news articles;
research use only: it is read where it lies and written only to a temporary folder, never
into the project). Without it the benchmark says so and exits 0.

For each size it writes the first N articles as ``.txt`` files (title line, blank line,
text) and, in the same run:

- imports them with :func:`reader.services.importing.import_paths` (worker processes,
  entity extraction included) into a fresh library: articles/s (wall clock), and the CPU
  time it took per article, workers included, with the rate that CPU time allows on this
  machine's cores when nothing else runs (on a shared machine the wall clock is not ours);
- runs a bare script in a child process that reads the same files into one SQLite FTS5
  table (the same tokenizer) in one transaction: articles/s, the floor;
- compares the library file with the bare FTS5 file (each checkpointed), with the bytes the
  ``originals`` table takes;
- times the library's in-process search and a bare FTS5 query script (snippets, 50 hits)
  over a fixed set of queries: p50 of each.

Then, on ``--cpu-sample`` articles read in this process, the CPU time per article of the
entity extraction alone and of the writer alone (storing drafts whose mentions are known,
32 articles a transaction as the import does), and of the writer again with the search
index's triggers dropped: the difference is what the search index costs each insert.

``--pack-originals`` gives each fresh library ``originals.packing``
(:mod:`reader.library.originals_schema`) when its schema lacks it, so the file size shows
originals kept once. Every figure is printed beside its floor as a ratio; nothing is
asserted about time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.ingest.readers import Incoming, read_inputs  # noqa: E402
from reader.library import Library, originals_schema  # noqa: E402
from reader.services.extraction import extractor_for  # noqa: E402
from reader.services.importing import BATCH_ARTICLES, import_paths  # noqa: E402
from reader.services.pipeline import complete_draft, cores, worker_count  # noqa: E402
from reader.services.storing import store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "reuters-21578" / "articles.jsonl.gz"
QUERIES = ["oil", "cocoa", "interest rates", '"trade deficit"', "bank*", "Bundesbank", "qwxzvbnm"]

#: The bare insert: read every file, put title and text in one FTS5 table, one transaction.
BARE_INSERT = r"""
import sqlite3, sys, time
from pathlib import Path
src, db = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
conn = sqlite3.connect(db)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, "
             "tokenize='porter unicode61 remove_diacritics 2')")
rows = []
for path in sorted(src.glob("*.txt")):
    title, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    rows.append((title, text.strip()))
with conn:
    conn.executemany("INSERT INTO articles_fts(title, text) VALUES (?, ?)", rows)
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.close()
print(time.perf_counter() - start)
"""

#: The bare query: each query a few times, ranked, with a snippet, 50 hits; the p50 in ms.
BARE_QUERY = r"""
import json, sqlite3, statistics, sys, time
conn = sqlite3.connect(sys.argv[1])
queries, rounds = json.loads(sys.argv[2]), int(sys.argv[3])
sql = ("SELECT rowid, title, snippet(articles_fts, 1, '[', ']', '...', 24) FROM articles_fts "
       "WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50")
times = []
for q in queries:
    for _ in range(rounds):
        t = time.perf_counter()
        conn.execute(sql, [q]).fetchall()
        times.append((time.perf_counter() - t) * 1000)
print(statistics.median(times))
"""


def load_corpus(limit: int | None = None) -> list[dict[str, str]]:
    """The corpus's articles (``id``, ``title``, ``text``), the first ``limit`` of them."""
    out: list[dict[str, str]] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def write_files(folder: Path, articles: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for art in articles:
        (folder / f"{art['id']}.txt").write_text(
            f"{art['title']}\n\n{art['text']}\n", encoding="utf-8"
        )


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the import's workers
    end with their pool)."""
    mine = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + ended.ru_utime + ended.ru_stime


def _checkpointed_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def _table_bytes(path: Path) -> dict[str, int]:
    """Bytes per table (with its indexes), when SQLite has ``dbstat``."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master").fetchall())
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    out: dict[str, int] = {}
    for name, size in rows:
        table = owner.get(name, name)
        out[table] = out.get(table, 0) + int(size)
    return out


def _median_ms(fn: Any, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _pack_originals(lib: Library) -> None:
    """Give a fresh library ``originals.packing`` (reader.library.originals_schema) unless
    its schema has it already, so its originals are kept packed."""
    if not lib.writer.packs_originals:
        with lib.transaction():
            originals_schema.migrate(lib.db)
        lib._writer = None


def measure_size(
    n: int, work: Path, articles: list[dict[str, str]], rounds: int, pack_originals: bool
) -> dict[str, Any]:
    """Import ``n`` articles the real way and the bare way; sizes and search beside them."""
    src = work / f"src{n}"
    write_files(src, articles[:n])
    lib_path, bare_path = work / f"lib{n}.sqlite", work / f"bare{n}.sqlite"
    with Library.open(lib_path) as lib:
        if pack_originals:
            _pack_originals(lib)
        start, cpu = time.perf_counter(), _cpu_seconds()
        results = import_paths(lib, [src])
        import_s, import_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        added = sum(1 for r in results if r.status == "added")
        search_p50 = statistics.median(
            _median_ms(lambda q=q: lib.search(q, limit=50, kinds=("article",)), rounds)
            for q in QUERIES
        )
    bare = subprocess.run(
        [sys.executable, "-c", BARE_INSERT, str(src), str(bare_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    bare_s = float(bare.stdout.strip())
    query = subprocess.run(
        [sys.executable, "-c", BARE_QUERY, str(bare_path), json.dumps(QUERIES), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    )
    lib_bytes, bare_bytes = _checkpointed_size(lib_path), _checkpointed_size(bare_path)
    tables = _table_bytes(lib_path)
    shutil.rmtree(src)
    return {
        "articles": n,
        "added": added,
        "import_per_s": n / import_s,
        "import_cpu_ms": import_cpu * 1000 / n,
        "import_ceiling_per_s": cores() * n / import_cpu,
        "bare_insert_per_s": n / bare_s,
        "library_mb": lib_bytes / 1e6,
        "bare_fts5_mb": bare_bytes / 1e6,
        "originals_packed": pack_originals,
        "originals_mb": tables.get("originals", 0) / 1e6,
        "tables_mb": {k: round(v / 1e6, 2) for k, v in sorted(tables.items())},
        "search_p50_ms": search_p50,
        "bare_query_p50_ms": float(query.stdout.strip()),
    }


def _drop_search_triggers(lib: Library) -> list[str]:
    """Drop the triggers that keep the search indexes in step with ``articles``."""
    rows = lib.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
    ).fetchall()
    dropped = [name for name, sql in rows if "fts" in sql.lower() or "search" in sql.lower()]
    for name in dropped:
        lib.db.execute(f"DROP TRIGGER {name}")
    return dropped


def _write_all(lib: Library, prepared: list[tuple[Incoming, list[Any]]]) -> float:
    """CPU seconds to store ``prepared`` the way the import does (one run, batches of 32)."""
    start = time.process_time()
    with lib.import_run():
        for first in range(0, len(prepared), BATCH_ARTICLES):
            with lib.transaction():
                for incoming, mentions in prepared[first : first + BATCH_ARTICLES]:
                    store(lib, "bench", incoming, (), mentions=mentions)
    return time.process_time() - start


def measure_cpu(n: int, work: Path, articles: list[dict[str, str]]) -> dict[str, Any]:
    """CPU ms per article of extraction alone and of the writer alone (and without search)."""
    src = work / "cpu"
    write_files(src, articles[:n])
    with Library.open(work / "extractor.sqlite") as lib:
        extractor = extractor_for(lib)
    incomings: list[Incoming] = []
    for path in sorted(src.glob("*.txt")):
        for item in read_inputs(path):
            if item.draft is not None and item.error is None:
                complete_draft(item.draft)
                incomings.append(item)
    extractor.extract("Warm-up text from Paris, France.", "en")
    start = time.process_time()
    prepared = [(i, extractor.extract(i.draft.text, i.draft.language)) for i in incomings]  # type: ignore[union-attr]
    extraction_s = time.process_time() - start
    mentions = sum(len(m) for _, m in prepared)
    with Library.open(work / "writer.sqlite") as lib:
        writer_s = _write_all(lib, prepared)
    with Library.open(work / "writer_bare.sqlite") as lib:
        dropped = _drop_search_triggers(lib)
        writer_bare_s = _write_all(lib, prepared)
    shutil.rmtree(src)
    count = len(prepared)
    return {
        "articles": count,
        "mentions_per_article": mentions / count,
        "extraction_cpu_ms": extraction_s * 1000 / count,
        "writer_cpu_ms": writer_s * 1000 / count,
        "writer_cpu_ms_without_search_triggers": writer_bare_s * 1000 / count,
        "search_triggers_dropped": dropped,
    }


def _print(report: dict[str, Any]) -> None:
    print(f"Reuters-21578, {report['cores']} cores, {report['workers']} workers")
    for row in report["sizes"]:
        n, imp, bare = row["articles"], row["import_per_s"], row["bare_insert_per_s"]
        print(
            f"{n:>6} articles: import {imp:7.0f}/s, bare FTS5 insert {bare:7.0f}/s "
            f"({bare / imp:.1f}x); CPU {row['import_cpu_ms']:.2f} ms/article (workers included):"
            f" at most {row['import_ceiling_per_s']:.0f}/s on {report['cores']} idle cores"
        )
        lib_mb, bare_mb = row["library_mb"], row["bare_fts5_mb"]
        packed = ", packed" if row["originals_packed"] else ""
        print(
            f"        file {lib_mb:6.1f} MB, bare FTS5 {bare_mb:6.1f} MB ({lib_mb / bare_mb:.2f}x;"
            f" originals {row['originals_mb']:.1f} MB{packed})"
        )
        mine, floor = row["search_p50_ms"], row["bare_query_p50_ms"]
        print(
            f"        search p50 {mine:.2f} ms, bare FTS5 + snippet {floor:.2f} ms "
            f"({mine / floor:.2f}x)"
        )
        print(f"        tables MB: {row['tables_mb']}")
    cpu = report["cpu"]
    print(
        f"CPU per article ({cpu['articles']} articles, {cpu['mentions_per_article']:.1f} mentions "
        f"each): extraction {cpu['extraction_cpu_ms']:.3f} ms (target 0.8), writer "
        f"{cpu['writer_cpu_ms']:.3f} ms (target 0.4), writer without the search triggers "
        f"{cpu['writer_cpu_ms_without_search_triggers']:.3f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--all", action="store_true", help="also every article (17.9k)")
    parser.add_argument("--cpu-sample", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=9, help="repeats of each query")
    parser.add_argument(
        "--pack-originals",
        action="store_true",
        help="give each library originals.packing first (if its schema lacks it)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    articles = load_corpus()
    sizes = [*args.sizes, *([len(articles)] if args.all else [])]
    work = Path(tempfile.mkdtemp(prefix="fieldreader-real-"))
    try:
        report: dict[str, Any] = {"cores": cores(), "workers": worker_count()}
        report["cpu"] = measure_cpu(min(args.cpu_sample, len(articles)), work, articles)
        report["sizes"] = [
            measure_size(n, work, articles, args.rounds, args.pack_originals) for n in sizes
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
