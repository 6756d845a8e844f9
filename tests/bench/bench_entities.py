"""Benchmark entity extraction: words per second, gazetteer load time, import time, quality.

Runs the extractor over the bundled samples and the labelled test articles, repeated for a
few seconds, and prints the throughput; also the time to load the shipped gazetteer (uncached)
and to import ``reader.analysis.entities`` in a fresh interpreter. Run from the checkout root::

    .venv/bin/python tests/bench/bench_entities.py [--seconds 3] [--json]

``--quality`` scores the labelled sets instead (``tests/fixtures/entities``): ``english`` (the
seven English articles of the DRC and Ukraine tracks), ``fr-dev`` and ``fr-heldout`` (French
DRC-track articles), ``general-dev`` and ``general-heldout`` (English news on other topics),
``general-tune`` (English news the general-news rules were tuned on), ``general-heldout2``
and ``general-heldout3`` (12 and 11 English news articles, 139 and 126 sentences, on sport,
business, courts, weather and elections, labelled before any rule was changed and only
scored until session 4, which tuned on every set) and ``general-fresh`` (6 articles written
in session 4, scored once blind; see ``tests/fixtures/entities/general/README-news-sets.md``).
Figures are on distinct ``(name, type)`` pairs per article: recall with type, precision, junk
(false entities that are a function word or start with one, or glue an elided article onto a
name) and, for the general sets, strict F1 over people, organisations and places only.
``--errors`` lists the misses and false entities of the dev sets (not of a set with
"heldout" in its name unless ``--heldout-too``: every set here has been seen by now; a new
held-out set belongs outside the repository, scored by this function).

``--worker N`` measures instead what an import's worker process spends on each of the first
N articles of ``../shared/corpus/reuters-21578`` (research use only: read where it lies,
written only to a temporary folder; skipped when absent), part by part, in CPU time per
article, the median of ``--passes`` passes: reading the file, its language, its dateline,
the text's hash, the stemmed search forms, the entity extraction, the whole
:func:`reader.services.pipeline.prepare_file`, and pickling what goes back to the parent in
chunks as the pipeline sends them (plain values) and rebuilding it there, with the bytes per
article.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis.entities import Extractor  # noqa: E402
from reader.analysis.gazetteer import load_seconds, shipped_gazetteer_path  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "entities"
# name -> (folder, language passed to the extractor)
SETS: dict[str, tuple[Path, str | None]] = {
    "english": (FIXTURES, "en"),
    "fr-dev": (FIXTURES / "fr" / "dev", "fr"),
    "fr-heldout": (FIXTURES / "fr" / "heldout", "fr"),
    "general-dev": (FIXTURES / "general" / "dev", "en"),
    "general-heldout": (FIXTURES / "general" / "heldout", "en"),
    "general-tune": (FIXTURES / "general" / "n-tune", "en"),
    "general-heldout2": (FIXTURES / "general" / "n-heldout", "en"),
    "general-heldout3": (FIXTURES / "general" / "n-heldout-b", "en"),
    "general-fresh": (FIXTURES / "general" / "n-fresh", "en"),
}
STRICT_TYPES = frozenset({"person", "organization", "armed_group", "place"})
# Words that never begin a name, in the languages of the sets (the scorer's own list, kept
# apart from the extractor's data so that the measure does not move with the rules).
FUNCTION_WORDS = frozenset(
    """
    le la les l un une des du de d au aux ce cet cette ces selon il elle ils elles nous vous on
    son sa ses leur leurs et ou mais dans sur pour par avec sans sous chez vers depuis pendant
    après avant entre contre lors dont qui que qu quand comme si tant plus moins très tout tous
    toute toutes aucun aucune chaque plusieurs certains certaines à en y ne pas
    the a an this that these those its his her their our and but or if when while after before
    as at in on for from by with of to however although despite
    """.split()
)
_FIRST_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

Entity = tuple[str, str]


def labelled(folder: Path) -> list[tuple[str, str, set[Entity]]]:
    """``(name, text, expected)`` for every labelled article directly in ``folder``."""
    cases = []
    for path in sorted(folder.glob("*.txt")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        expected = {(e["name"], e["type"]) for e in labels["entities"]}
        cases.append((path.stem, path.read_text(encoding="utf-8"), expected))
    return cases


def is_junk(name: str) -> bool:
    """A false entity that is, or starts with, a function word ("Selon", "La RDC", "L'Ouganda")."""
    first = _FIRST_WORD.match(name)
    if first is None:
        return False
    word = first.group().lower()
    glued = first.end() < len(name) and name[first.end()] in "'’" and word in ("l", "d", "qu")
    return word in FUNCTION_WORDS or glued


def extract(extractor: Extractor, text: str, language: str | None) -> set[Entity]:
    """The distinct ``(name, type)`` pairs the extractor finds, told the article's language."""
    try:
        mentions = extractor.extract(text, language=language)  # type: ignore[call-arg]
    except TypeError:  # an extractor from before languages
        mentions = extractor.extract(text)
    return {(m.name, m.type) for m in mentions}


def score(set_name: str, extractor: Extractor | None = None) -> dict:
    """Recall with type, precision, junk and strict F1 for one labelled set."""
    folder, language = SETS[set_name]
    extractor = extractor or Extractor()
    tp = fp = fn = junk = 0
    s_tp = s_fp = s_fn = 0
    misses: list[tuple[str, Entity]] = []
    false: list[tuple[str, Entity]] = []
    articles = labelled(folder)
    for name, text, expected in articles:
        found = extract(extractor, text, language)
        tp, fp, fn = (
            tp + len(found & expected),
            fp + len(found - expected),
            fn + len(expected - found),
        )
        junk += sum(1 for n, _ in found - expected if is_junk(n))
        strict_found = {e for e in found if e[1] in STRICT_TYPES}
        strict_expected = {e for e in expected if e[1] in STRICT_TYPES}
        s_tp += len(strict_found & strict_expected)
        s_fp += len(strict_found - strict_expected)
        s_fn += len(strict_expected - strict_found)
        misses += [(name, e) for e in sorted(expected - found)]
        false += [(name, e) for e in sorted(found - expected)]
    s_p = s_tp / (s_tp + s_fp) if s_tp + s_fp else 1.0
    s_r = s_tp / (s_tp + s_fn) if s_tp + s_fn else 1.0
    return {
        "set": set_name,
        "articles": len(articles),
        "expected": tp + fn,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "junk": junk,
        "strict_precision": round(s_p, 3),
        "strict_recall": round(s_r, 3),
        "strict_f1": round(2 * s_p * s_r / (s_p + s_r), 3) if s_p + s_r else 0.0,
        "misses": misses,
        "false": false,
    }


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


CORPUS = ROOT.parent / "shared" / "corpus" / "reuters-21578" / "articles.jsonl.gz"


def _pickled(chunk: list[Any]) -> bytes:
    """``chunk`` (what :func:`prepare_file` gave for a few files) as a worker sends it to
    the parent process (:func:`reader.services.pipeline._wire`)."""
    from reader.services.pipeline import _wire

    wired = [[_wire(item, mentions) for item, mentions in done] for done in chunk]
    return pickle.dumps(wired, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(blob: bytes) -> list[Any]:
    """What the parent makes of a worker's ``blob`` (:func:`reader.services.pipeline._unwire`)."""
    from reader.services.pipeline import _unwire

    return [[_unwire(wire) for wire in wires] for wires in pickle.loads(blob)]


def worker_parts(count: int, passes: int) -> dict[str, Any] | None:
    """CPU ms per article of each part of an import worker's work (see the module's notes);
    None when the corpus is absent."""
    if not CORPUS.exists():
        return None
    from reader.analysis.corrections import Corrections
    from reader.analysis.languages import detect_language
    from reader.ingest.dates import dateline_date
    from reader.ingest.readers import read_inputs
    from reader.library import search_schema
    from reader.library.writer import ahead_of, text_hash
    from reader.services import pipeline

    with tempfile.TemporaryDirectory(prefix="fieldreader-worker-") as tmp:
        folder = Path(tmp)
        paths = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
            for line in handle:
                article = json.loads(line)
                path = folder / f"{article['id']}.txt"
                path.write_text(f"{article['title']}\n\n{article['text']}\n", encoding="utf-8")
                paths.append(path)
                if len(paths) >= count:
                    break
        extractor = Extractor(corrections=Corrections())
        pipeline.prepare_file(paths[0], extractor)  # the model, the stemmer, the patterns
        n = len(paths)
        times: dict[str, list[float]] = {}

        def part(name: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
            start = time.process_time()
            out = [fn(item) for item in items]
            times.setdefault(name, []).append((time.process_time() - start) * 1000 / n)
            return out

        blobs: list[bytes] = []
        for _ in range(passes):
            drafts = [i.draft for i in part("reading", lambda p: read_inputs(p)[0], paths)]
            found = part("language", lambda d: detect_language(f"{d.title}\n\n{d.text}"), drafts)
            for draft, language in zip(drafts, found, strict=True):
                draft.language = language
            part("dateline", lambda d: dateline_date(d.text, d.language), drafts)
            part("hash", lambda d: text_hash(d.text), drafts)
            part(
                "search_forms",
                lambda d: search_schema.article_forms(d.title, d.text, d.source, d.language),
                drafts,
            )
            for draft in drafts:
                draft.ahead = ahead_of(draft)
            part("extraction", lambda d: extractor.extract(d.text, d.language), drafts)
            prepared = part("prepare_file", lambda p: pipeline.prepare_file(p, extractor), paths)
            chunks = [prepared[i : i + pipeline.CHUNK] for i in range(0, n, pipeline.CHUNK)]
            blobs = part("pickling", _pickled, chunks)
            part("unpickling_in_parent", _unpickled, blobs)
    result: dict[str, Any] = {"articles": n, "passes": passes}
    for name, values in times.items():
        result[f"{name}_cpu_ms"] = round(statistics.median(values), 4)
    result["pickled_bytes_per_article"] = round(sum(map(len, blobs)) / n)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark entity extraction.")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quality", action="store_true", help="score the labelled sets")
    parser.add_argument(
        "--errors", action="store_true", help="with --quality: misses and false entities (dev)"
    )
    parser.add_argument(
        "--heldout-too", action="store_true", help="with --errors: of the held-out sets too"
    )
    parser.add_argument(
        "--worker", type=int, metavar="N", help="CPU per article of an import worker's parts"
    )
    parser.add_argument("--passes", type=int, default=3, help="with --worker: passes (median)")
    args = parser.parse_args(argv)
    if args.quality:
        return quality(args.json, args.errors, args.heldout_too)
    if args.worker:
        parts = worker_parts(args.worker, max(1, args.passes))
        if parts is None:
            print(f"skipped: no corpus at {CORPUS}")
            return 0
        if args.json:
            print(json.dumps(parts, indent=2))
        else:
            for key, value in parts.items():
                print(f"{key:34} {value}")
        return 0
    result = run(args.seconds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:34} {value:,}" if isinstance(value, int) else f"{key:34} {value}")
    return 0


def quality(as_json: bool, errors: bool, heldout_too: bool = False) -> int:
    extractor = Extractor()
    results = [score(name, extractor) for name in SETS]
    for r in results:
        shown = errors and (heldout_too or "heldout" not in r["set"])
        if not shown:
            r.pop("misses")
            r.pop("false")
    if as_json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for r in results:
        print(
            f"{r['set']:16} {r['articles']} articles, {r['expected']} entities: "
            f"recall {r['recall']:.3f}  precision {r['precision']:.3f}  junk {r['junk']}  "
            f"strict F1 {r['strict_f1']:.3f} (P {r['strict_precision']:.3f} "
            f"R {r['strict_recall']:.3f})"
        )
        for article, (name, type_) in r.get("misses", []):
            print(f"    miss  {article:22} {name} [{type_}]")
        for article, (name, type_) in r.get("false", []):
            print(f"    false {article:22} {name} [{type_}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
