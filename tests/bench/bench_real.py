"""Real-text import benchmark over the Reuters-21578 articles, with the bare floors beside it.

    python tests/bench/bench_real.py [--sizes 2000 10000] [--all] [--json] [--cpu-sample 2000]
    python tests/bench/bench_real.py --startup-only [--startup-articles 2000] [--startup-runs 7]
    python tests/bench/bench_real.py --startup-only --startup-library PATH

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
``BATCH_ARTICLES`` a transaction as the import does), and of the writer again with the search
index's triggers dropped: the difference is what the search index costs each insert.

Start-up, in the same run, on the largest library imported (``--startup-only``: on a
library of ``--startup-articles`` corpus articles, or of the bundled samples when the
corpus is absent; no big import): each command in a fresh process beside a bare script
doing the same work, the runs interleaved, the median of ``--startup-runs`` each:

- ``fieldreader search --json`` against a bare script that opens the file, runs the FTS5
  query with snippets (50 hits) and prints them as JSON;
- ``fieldreader list --json --tag`` (a tag nobody has: the command's start alone) against
  a bare ``python -c`` that opens the file and reads one row, and ``fieldreader list
  --json`` against a bare script printing the same rows as JSON;
- ``fieldreader gui --screenshot`` against a bare PySide6 window (a QMainWindow with a
  QTableView of the articles and a QTextEdit with one text, shown, painted, saved as a
  picture, exit), both offscreen;
- the in-process search against the same FTS5 query with snippets, in this process.

Both sides run with compiled bytecode (``PYTHONPYCACHEPREFIX`` in a temporary folder, as an
installed app has it, even where ``PYTHONDONTWRITEBYTECODE`` is set); wall-clock and CPU
time are printed, the CPU time being the steadier on a shared machine.

``--pack-originals`` gives each fresh library ``originals.packing``
(:mod:`reader.library.originals_schema`) when its schema lacks it, so the file size shows
originals kept once. Every figure is printed beside its floor as a ratio; nothing is
asserted about time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
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
medians = []
for q in queries:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        conn.execute(sql, [q]).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    medians.append(statistics.median(times))
print(statistics.median(medians))
"""

#: A bare FTS5 file of the library's articles, queried bare: ranked, a snippet, 50 hits (the
#: library's own word index keeps no positions since migration 14, so it is no floor).
BARE_LIBRARY_SQL = (
    "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '...', 24) "
    "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
    "WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50"
)

#: A bare ``fieldreader search --json``: open the file, the query, the hits as JSON.
BARE_SEARCH = r"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(sys.argv[3], [sys.argv[2]]).fetchall()
json.dump([{"id": i, "title": t, "snippet": s} for i, t, s in rows], sys.stdout, indent=2)
"""

#: A bare open: ``python -c`` that opens the file and reads one row.
BARE_OPEN = (
    "import sqlite3, sys; "
    "sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM articles').fetchone()"
)

#: A bare ``fieldreader list --json``: the articles' summaries, newest first, as JSON.
BARE_LIST = r"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
rows = conn.execute(
    "SELECT id, title, source, url, published, imported FROM articles WHERE trashed IS NULL "
    "ORDER BY published DESC NULLS LAST, id DESC"
).fetchall()
json.dump([dict(r) for r in rows], sys.stdout, indent=2)
"""

#: A bare first window: a QMainWindow with a table of the articles and a text pane, shown,
#: painted and saved as a picture (as ``gui --screenshot`` does), then exit.
BARE_WINDOW = r"""
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTextEdit

conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT id, title, published FROM articles WHERE trashed IS NULL "
    "ORDER BY published DESC NULLS LAST, id DESC"
).fetchall()
first = conn.execute("SELECT text FROM articles WHERE id = ?", [rows[0][0]]).fetchone()[0]


class Rows(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rows[index.row()][2 - index.column()] or "")
        return None


app = QApplication(sys.argv[:1])
window = QMainWindow()
split = QSplitter()
table = QTableView()
table.setModel(Rows())
text = QTextEdit()
text.setPlainText(first)
split.addWidget(table)
split.addWidget(text)
window.setCentralWidget(split)
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab().save(sys.argv[2])
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
    # a writer that indexes the words itself (search_fts_writer, migration 14) stops too
    lib.db.execute("DROP TABLE IF EXISTS search_fts_writer")
    lib._writer = None
    return dropped


def _write_all(lib: Library, prepared: list[tuple[Incoming, list[Any]]]) -> float:
    """CPU seconds to store ``prepared`` the way the import does (one run, batches of
    ``BATCH_ARTICLES`` sharing one transaction, the compaction at the end of the run)."""
    start = time.process_time()
    with lib.import_run():
        for first in range(0, len(prepared), BATCH_ARTICLES):
            with lib.transaction(), lib.writer.batch():
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
        incomings += [i for i in read_inputs(path) if i.draft is not None and i.error is None]
    start = time.process_time()  # the workers' part before extraction: language, dateline,
    for item in incomings:  # the stemmed search forms and the text's hash
        complete_draft(item.draft)  # type: ignore[arg-type]
    completing_s = time.process_time() - start
    extractor.extract("Warm-up text from Paris, France.", "en")
    start = time.process_time()
    prepared = [(i, extractor.extract(i.draft.text, i.draft.language)) for i in incomings]  # type: ignore[union-attr]
    extraction_s = time.process_time() - start
    mentions = sum(len(m) for _, m in prepared)
    with Library.open(work / "writer.sqlite") as lib:
        writer_s = _write_all(lib, prepared)
    for incoming, _mentions in prepared:  # without triggers, nothing stemmed ahead either
        if incoming.draft is not None:
            incoming.draft.ahead = None
    with Library.open(work / "writer_bare.sqlite") as lib:
        dropped = _drop_search_triggers(lib)
        writer_bare_s = _write_all(lib, prepared)
    shutil.rmtree(src)
    count = len(prepared)
    return {
        "articles": count,
        "mentions_per_article": mentions / count,
        "extraction_cpu_ms": extraction_s * 1000 / count,
        "completing_cpu_ms": completing_s * 1000 / count,
        "writer_cpu_ms": writer_s * 1000 / count,
        "writer_cpu_ms_without_search_triggers": writer_bare_s * 1000 / count,
        "search_triggers_dropped": dropped,
    }


def _command(*args: str) -> list[str]:
    """How a user starts ``fieldreader ARGS`` here: the installed script, else ``-m``."""
    script = Path(sys.executable).with_name("fieldreader")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "reader", *args]


def _run_s(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``cmd`` (output thrown away; it must
    succeed). The CPU time is the steadier of the two on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _pair(mine: list[str], bare: list[str], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Medians of ``runs`` runs of each command, taken in turn (so both see the same load)."""
    _run_s(mine, env), _run_s(bare, env)  # warm the disk cache and the bytecode
    walls: dict[str, list[float]] = {"mine": [], "bare": []}
    cpus: dict[str, list[float]] = {"mine": [], "bare": []}
    for _ in range(runs):
        for key, cmd in (("mine", mine), ("bare", bare)):
            wall, cpu = _run_s(cmd, env)
            walls[key].append(wall)
            cpus[key].append(cpu)
    m, b = statistics.median(walls["mine"]), statistics.median(walls["bare"])
    mc, bc = statistics.median(cpus["mine"]), statistics.median(cpus["bare"])
    return {
        "ms": m * 1000,
        "bare_ms": b * 1000,
        "ratio": m / b,
        "cpu_ms": mc * 1000,
        "bare_cpu_ms": bc * 1000,
        "cpu_ratio": mc / bc,
    }


def measure_startup(library: Path, query: str, runs: int, rounds: int) -> dict[str, Any]:
    """Start-up of ``search``, ``list`` and the first window against the bare floors, and
    the in-process search against the same FTS5 query, on the library at ``library``."""
    shots = Path(tempfile.mkdtemp(prefix="fieldreader-shots-"))
    # compiled bytecode, as an installed app has it (kept out of the checkout)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FIELDREADER_LIBRARY": str(library),
        "PYTHONPYCACHEPREFIX": str(shots / "bytecode"),
    }
    for name in ("FIELDREADER_PASSPHRASE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    py, lib = sys.executable, str(library)
    try:
        bare_file = bare_copy(library, shots / "bare.sqlite")
        out: dict[str, Any] = {"library_articles": _count_articles(library), "query": query}
        out["search"] = _pair(
            _command("--library", lib, "search", "--json", query),
            [py, "-c", BARE_SEARCH, str(bare_file), query, BARE_LIBRARY_SQL],
            runs,
            env,
        )
        out["list_start"] = _pair(
            _command("--library", lib, "list", "--json", "--tag", "no such tag here"),
            [py, "-c", BARE_OPEN, lib],
            runs,
            env,
        )
        out["list"] = _pair(
            _command("--library", lib, "list", "--json"), [py, "-c", BARE_LIST, lib], runs, env
        )
        try:
            import PySide6  # noqa: F401
        except ImportError:
            out["window"] = None
        else:
            out["window"] = _pair(
                _command("--library", lib, "gui", "--screenshot", str(shots / "app.png")),
                [py, "-c", BARE_WINDOW, lib, str(shots / "bare.png")],
                runs,
                env,
            )
        out["in_process_search"] = _in_process_search(library, bare_file, query, rounds)
    finally:
        shutil.rmtree(shots, ignore_errors=True)
    return out


def _count_articles(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def bare_copy(library: Path, dest: Path) -> Path:
    """A bare FTS5 file of the library's articles at ``dest``: their ids and titles, and one
    FTS5 table (title, text; Porter stemming, accents folded, positions kept), as
    :data:`BARE_INSERT` makes from the files."""
    src = sqlite3.connect(library)
    conn = sqlite3.connect(dest)
    try:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        rows = src.execute("SELECT id, title, text FROM articles WHERE trashed IS NULL")
        with conn:
            for aid, title, text in rows:
                conn.execute("INSERT INTO articles VALUES (?, ?)", [aid, title])
                conn.execute(
                    "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                    [aid, title, text],
                )
    finally:
        src.close()
        conn.close()
    return dest


def _in_process_search(path: Path, bare_file: Path, query: str, rounds: int) -> dict[str, float]:
    """p50 of the library's search (articles, 50 hits) and of the bare FTS5 query with
    snippets on a bare file of the same articles, in this process, the calls interleaved."""
    bare = sqlite3.connect(bare_file)
    with Library.open(path) as lib:
        lib.search(query, limit=50, kinds=("article",))  # the index is in step, cache warm
        bare.execute(BARE_LIBRARY_SQL, [query]).fetchall()
        mine, floor = [], []
        for _ in range(rounds):
            mine.append(_median_ms(lambda: lib.search(query, limit=50, kinds=("article",)), 1))
            floor.append(_median_ms(lambda: bare.execute(BARE_LIBRARY_SQL, [query]).fetchall(), 1))
    bare.close()
    m, b = statistics.median(mine), statistics.median(floor)
    return {"ms": m, "bare_ms": b, "ratio": m / b}


def startup_library(work: Path, articles: list[dict[str, str]], n: int) -> Path:
    """A library for ``--startup-only``: ``n`` corpus articles, or the bundled samples."""
    path = work / "startup.sqlite"
    with Library.open(path) as lib:
        if articles:
            src = work / "startup-src"
            write_files(src, articles[:n])
            import_paths(lib, [src])
            shutil.rmtree(src)
        else:
            from reader.services.samples import load_samples

            load_samples(lib)
    return path


def _print_startup(startup: dict[str, Any]) -> None:
    print(
        f"Start-up ({startup['library_articles']} articles, query {startup['query']!r}; "
        "medians, each run in a fresh process):"
    )
    rows = [
        ("search", "fieldreader search --json", "a bare FTS5 search script", 2.0),
        ("list_start", "fieldreader list --json (no rows)", "a bare python -c open", 2.0),
        ("list", "fieldreader list --json", "a bare script printing the rows", None),
        ("window", "fieldreader gui --screenshot", "a bare PySide6 window", 1.6),
    ]
    for key, mine, bare, goal in rows:
        row = startup.get(key)
        if row is None:
            print(f"  {mine:<36} skipped (no PySide6)")
            continue
        target = f" (target {goal:.1f}x)" if goal else ""
        print(
            f"  {mine:<36} {row['ms']:6.0f} ms, {bare} {row['bare_ms']:5.0f} ms: "
            f"{row['ratio']:.2f}x{target}; CPU {row['cpu_ms']:.0f} / {row['bare_cpu_ms']:.0f} ms "
            f"({row['cpu_ratio']:.2f}x)"
        )
    inproc = startup["in_process_search"]
    print(
        f"  in-process search p50 {inproc['ms']:.2f} ms, the same FTS5 query with snippets "
        f"{inproc['bare_ms']:.2f} ms: {inproc['ratio']:.2f}x (target 1.1x)"
    )


def _print(report: dict[str, Any]) -> None:
    print(f"Reuters-21578, {report['cores']} cores, {report['workers']} workers")
    for row in report.get("sizes", []):
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
    cpu = report.get("cpu")
    if cpu:
        print(
            f"CPU per article ({cpu['articles']} articles, {cpu['mentions_per_article']:.1f} "
            f"mentions each): language, dateline, search forms and hash "
            f"{cpu['completing_cpu_ms']:.3f} ms, "
            f"extraction {cpu['extraction_cpu_ms']:.3f} ms (target 0.8), writer "
            f"{cpu['writer_cpu_ms']:.3f} ms (target 0.4), writer without the search triggers "
            f"{cpu['writer_cpu_ms_without_search_triggers']:.3f} ms"
        )
    if report.get("startup"):
        _print_startup(report["startup"])


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
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only the start-up section, on a library of --startup-articles articles",
    )
    parser.add_argument("--no-startup", action="store_true", help="leave the start-up out")
    parser.add_argument("--startup-articles", type=int, default=2000)
    parser.add_argument("--startup-runs", type=int, default=7, help="runs of each command")
    parser.add_argument(
        "--startup-library",
        type=Path,
        metavar="PATH",
        help="with --startup-only: measure on this library (not changed) instead",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.exists() and not args.startup_only:
        print(f"skipped: {CORPUS} is absent")
        return 0
    articles = load_corpus() if CORPUS.exists() else []
    sizes = [*args.sizes, *([len(articles)] if args.all else [])]
    work = Path(tempfile.mkdtemp(prefix="fieldreader-real-"))
    try:
        report: dict[str, Any] = {"cores": cores(), "workers": worker_count()}
        if args.startup_only and args.startup_library is not None:
            library = args.startup_library.expanduser()
        elif args.startup_only:
            library = startup_library(work, articles, args.startup_articles)
        else:
            report["cpu"] = measure_cpu(min(args.cpu_sample, len(articles)), work, articles)
            report["sizes"] = [
                measure_size(n, work, articles, args.rounds, args.pack_originals) for n in sizes
            ]
            library = work / f"lib{max(sizes)}.sqlite"
        if not args.no_startup and library.exists():
            query = "oil" if articles else "minerals"
            report["startup"] = measure_startup(
                library, query, args.startup_runs, max(args.rounds, 25)
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
