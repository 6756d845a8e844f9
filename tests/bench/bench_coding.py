"""Benchmark the rule-based coder: sentences per second, and precision/recall per dimension.

Speed is measured over the bundled samples and the labelled test articles, repeated for a few
seconds. Quality is measured on ``tests/fixtures/coding`` (articles written and labelled
sentence by sentence for the tests): every sentence × dimension pair is a decision, and the
figures are micro-averaged over them. Run from the checkout root::

    .venv/bin/python tests/bench/bench_coding.py [--seconds 3] [--codebook ID] [--json]
        [--errors] [--set NAME] [--learned]

``--learned`` scores what the product suggests (the rules and the codebook's learned coder,
``suggest(..., learned=True)``); without it, the rules alone. The learned coder was trained on
every set here, so its figures on them say what it memorised, not how it does on new text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook, shipped_codebooks  # noqa: E402
from reader.analysis.coding import suggest  # noqa: E402
from reader.analysis.sentences import split_sentences  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "coding"
HELDOUT = FIXTURES / "heldout"
SAMPLE_LABELS = FIXTURES / "samples"
FR_DEV = FIXTURES / "fr" / "dev"
FR_HELDOUT = FIXTURES / "fr" / "heldout"
VARIED = FIXTURES / "varied"
FR_VARIED = FIXTURES / "fr" / "varied"
DEV5 = FIXTURES / "dev5" / "en"
FR_DEV5 = FIXTURES / "dev5" / "fr"
DEV6 = FIXTURES / "dev6" / "en"
FR_DEV6 = FIXTURES / "dev6" / "fr"
DEV7_PARTS = tuple(FIXTURES / f"dev7{part}" for part in "abc")  # three writers, blind
DEV7 = [folder / "en" for folder in DEV7_PARTS]
FR_DEV7 = [folder / "fr" for folder in DEV7_PARTS]
DEV8_PARTS = tuple(FIXTURES / f"dev8{part}" for part in "ab")  # two more writers, blind
#: Two more writers of the same round, never seen by the rules' tuning (``--set dev8c``).
DEV8_UNSEEN = tuple(FIXTURES / f"dev8{part}" for part in "cd")
DEV8 = [folder / "en" for folder in DEV8_PARTS]
FR_DEV8 = [folder / "fr" for folder in DEV8_PARTS]
DEV9_PARTS = tuple(FIXTURES / f"dev9{part}" for part in "abcd")  # four more, scored once
DEV9 = [folder / "en" for folder in DEV9_PARTS]
FR_DEV9 = [folder / "fr" for folder in DEV9_PARTS]
#: Four more writers (session 7): dev10a-b tuned the round-5 rules, dev10c-d checked them.
DEV10_PARTS = tuple(FIXTURES / f"dev10{part}" for part in "abcd")
DEV10 = [folder / "en" for folder in DEV10_PARTS]
FR_DEV10 = [folder / "fr" for folder in DEV10_PARTS]
SAMPLES = ROOT / "resources" / "samples"


@dataclass
class Scores:
    """Counts of sentence × dimension decisions, with the mistakes kept for inspection."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, dim, sentence)

    def precision(self, dim: str | None = None) -> float:
        tp, fp = self._get(self.tp, dim), self._get(self.fp, dim)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, dim: str | None = None) -> float:
        tp, fn = self._get(self.tp, dim), self._get(self.fn, dim)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _get(counter: Counter[str], dim: str | None) -> int:
        return counter[dim] if dim is not None else sum(counter.values())


def sample_body(path: Path) -> str:
    """A shipped sample's text without its front matter."""
    text = path.read_text(encoding="utf-8")
    return text.split("---", 2)[2] if text.startswith("---") else text


def load_fixtures(folder: Path = FIXTURES) -> list[tuple[str, str, list[dict]]]:
    """``(name, text, labels)`` for every labelled article in ``folder``.

    Labels in ``SAMPLE_LABELS`` belong to the shipped samples of the same name.
    """
    cases = []
    for label_path in sorted(folder.glob("*.json")):
        labels = json.loads(label_path.read_text(encoding="utf-8"))
        if folder == SAMPLE_LABELS:
            text = sample_body(SAMPLES / f"{label_path.stem}.md")
        else:
            text = label_path.with_suffix(".txt").read_text(encoding="utf-8")
        cases.append((label_path.stem, text, labels))
    return cases


def _split(text: str, language: str | None) -> list[tuple[int, int]]:
    if language is None:
        return split_sentences(text)
    try:
        return split_sentences(text, language=language)  # type: ignore[call-arg]
    except TypeError:  # a splitter from before languages
        return split_sentences(text)


def _suggest(text: str, codebook: Codebook, language: str | None, learned: bool = False) -> list:
    if learned:
        return suggest(text, codebook, language, learned=True)
    if language is None:
        return suggest(text, codebook)
    try:
        return suggest(text, codebook, language=language)  # type: ignore[call-arg]
    except TypeError:  # a coder from before languages
        return suggest(text, codebook)


def _gold_spans(text: str, labels: list[dict]) -> list[tuple[int, int]]:
    """Where each labelled sentence is in ``text`` (in order)."""
    spans, pos = [], 0
    for item in labels:
        start = text.index(item["sentence"], pos)
        pos = start + len(item["sentence"])
        spans.append((start, pos))
    return spans


def evaluate(
    codebook: Codebook,
    cases: list[tuple[str, str, list[dict]]],
    language: str | None = None,
    align: bool = False,
    learned: bool = False,
) -> Scores:
    """Score the codebook's suggestions against the sentence labels.

    The splitter must give the labelled sentences, unless ``align``: then a suggestion counts
    for every labelled sentence it overlaps (to score a splitter that joins or cuts them).
    ``learned``: the suggestions of the rules and the learned coder, as the product makes them.
    """
    scores = Scores()
    dims = codebook.dimension_ids
    for name, text, labels in cases:
        spans = _split(text, language)
        sentences = [text[s:e] for s, e in spans]
        gold = [item["sentence"] for item in labels]
        if sentences != gold and not align:
            raise ValueError(f"{name}: the labelled sentences differ from the splitter's")
        gold_spans = _gold_spans(text, labels)
        found: dict[int, set[str]] = {}
        for sug in _suggest(text, codebook, language, learned):
            for i, (start, end) in enumerate(gold_spans):
                if start < sug.end and sug.start < end:
                    found.setdefault(i, set()).add(sug.dimension)
        for i, item in enumerate(labels):
            truth, guess = set(item["dimensions"]), found.get(i, set())
            for dim in dims:
                if dim in truth and dim in guess:
                    scores.tp[dim] += 1
                elif dim in guess:
                    scores.fp[dim] += 1
                    scores.errors.append(("FP", dim, item["sentence"]))
                elif dim in truth:
                    scores.fn[dim] += 1
                    scores.errors.append(("FN", dim, item["sentence"]))
    return scores


def speed_corpus() -> list[str]:
    texts = [sample_body(path) for path in sorted(SAMPLES.glob("*.md"))]
    texts.extend(text for folder in (FIXTURES, HELDOUT) for _, text, _ in load_fixtures(folder))
    return texts


def sentences_per_second(codebook: Codebook, seconds: float) -> tuple[float, int]:
    texts = speed_corpus()
    per_round = sum(len(split_sentences(t)) for t in texts)
    suggest(texts[0], codebook)  # compile the rules once, outside the timing
    rounds, start = 0, time.perf_counter()
    while True:
        for text in texts:
            suggest(text, codebook)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return rounds * per_round / elapsed, per_round


def run(
    codebook_id: str,
    seconds: float,
    folders: list[Path] | None = None,
    language: str | None = None,
    align: bool = False,
    learned: bool = False,
) -> dict:
    codebook = shipped_codebooks()[codebook_id]
    rate, per_round = sentences_per_second(codebook, seconds)
    result: dict = {
        "codebook": codebook_id,
        "sentences_per_second": round(rate),
        "sentences_per_round": per_round,
        "learned": learned,
    }
    if codebook_id == DEFAULT_CODEBOOK:
        cases = [c for folder in folders or [FIXTURES] for c in load_fixtures(folder)]
        result["articles"] = len(cases)
        scores = evaluate(codebook, cases, language, align, learned)
        result["overall"] = {
            "precision": round(scores.precision(), 3),
            "recall": round(scores.recall(), 3),
            "tp": sum(scores.tp.values()),
            "fp": sum(scores.fp.values()),
            "fn": sum(scores.fn.values()),
        }
        result["dimensions"] = {
            d: {
                "precision": round(scores.precision(d), 3),
                "recall": round(scores.recall(d), 3),
                "support": scores.tp[d] + scores.fn[d],
            }
            for d in codebook.dimension_ids
        }
        result["errors"] = [list(e) for e in scores.errors]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--codebook", default=DEFAULT_CODEBOOK)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument(
        "--set",
        choices=[
            "dev",
            "heldout",
            "samples",
            "all",
            "fr-dev",
            "fr-heldout",
            "varied",
            "fr-varied",
            "dev5",
            "fr-dev5",
            "dev6",
            "fr-dev6",
            "dev7",
            "fr-dev7",
            "dev7a",
            "dev7b",
            "dev7c",
            "fr-dev7a",
            "fr-dev7b",
            "fr-dev7c",
            "dev8",
            "fr-dev8",
            "dev8a",
            "dev8b",
            "fr-dev8a",
            "fr-dev8b",
            "dev8c",
            "dev8d",
            "fr-dev8c",
            "fr-dev8d",
            "dev9",
            "fr-dev9",
            "dev10",
            "fr-dev10",
            "dev10a",
            "dev10b",
            "dev10c",
            "dev10d",
        ],
        default="all",
        help="labelled articles to score: dev (the 4 the rules were tuned on), heldout (2 "
        "written and labelled before tuning), samples (2 shipped samples, written by another "
        "session, labelled here), all (dev + heldout), fr-dev and fr-heldout (French articles, "
        "coded as French), varied and fr-varied (sentences in varied wording for the weakest "
        "dimensions, written and labelled before the rules were generalised), dev5 and "
        "fr-dev5 (7 articles in 5 genres, written and labelled blind to the rules by another "
        "engineer, then tuned on), dev6 and fr-dev6 (8 articles in 7 more genres, written blind "
        "while the rules were widened from lexicons, scored once, then tuned on), dev7 and fr-dev7 "
        "(21 articles by three more writers in 18 house styles, written blind, scored first "
        "with the rules as they stood, then tuned on; dev7a, dev7b, dev7c and their fr- forms: "
        "one writer's articles), dev8 and fr-dev8 (14 articles by two more writers in 12 house "
        "styles, written blind, scored first with the rules and learned coder as they stood, "
        "then tuned on; dev8a, dev8b and their fr- forms: one writer's articles; dev8c, "
        "dev8d and their fr- forms: two writers of the same round the tuning never saw), "
        "dev9 and fr-dev9 (36 articles by four more writers, scored once, never tuned on), "
        "dev10 and fr-dev10 (36 articles by four more writers, scored first with the rules "
        "and learned coder as they stood; dev10a and dev10b tuned the round-5 English rules, "
        "dev10c and dev10d checked them; dev10a to dev10d: one writer's English articles)",
    )
    parser.add_argument(
        "--learned",
        action="store_true",
        help="score the rules with the codebook's learned coder, as the product codes",
    )
    parser.add_argument(
        "--align",
        action="store_true",
        help="score by overlap when the splitter's sentences differ from the labelled ones",
    )
    args = parser.parse_args()
    folders = {
        "dev": [FIXTURES],
        "heldout": [HELDOUT],
        "samples": [SAMPLE_LABELS],
        "all": [FIXTURES, HELDOUT],
        "fr-dev": [FR_DEV],
        "fr-heldout": [FR_HELDOUT],
        "varied": [VARIED],
        "fr-varied": [FR_VARIED],
        "dev5": [DEV5],
        "fr-dev5": [FR_DEV5],
        "dev6": [DEV6],
        "fr-dev6": [FR_DEV6],
        "dev7": DEV7,
        "fr-dev7": FR_DEV7,
        **{f"dev7{p.name[-1]}": [p / "en"] for p in DEV7_PARTS},
        **{f"fr-dev7{p.name[-1]}": [p / "fr"] for p in DEV7_PARTS},
        "dev8": DEV8,
        "fr-dev8": FR_DEV8,
        **{f"dev8{p.name[-1]}": [p / "en"] for p in DEV8_PARTS},
        **{f"fr-dev8{p.name[-1]}": [p / "fr"] for p in DEV8_PARTS},
        **{f"dev8{p.name[-1]}": [p / "en"] for p in DEV8_UNSEEN},
        **{f"fr-dev8{p.name[-1]}": [p / "fr"] for p in DEV8_UNSEEN},
        "dev9": DEV9,
        "fr-dev9": FR_DEV9,
        "dev10": DEV10,
        "fr-dev10": FR_DEV10,
        **{f"dev10{p.name[-1]}": [p / "en"] for p in DEV10_PARTS},
    }[args.set]
    english = ("dev5", "dev6")
    language = (
        "fr"
        if args.set.startswith("fr-")
        else "en"
        if args.set in english or args.set.startswith(("dev7", "dev8", "dev9", "dev10"))
        else None
    )
    if args.errors and args.set in ("heldout", "fr-heldout"):
        parser.error("the held-out sets are only ever scored: no error lists")
    result = run(args.codebook, args.seconds, folders, language, args.align, args.learned)
    errors = result.pop("errors", [])
    if args.json:
        if args.errors:
            result["errors"] = errors
        print(json.dumps(result, indent=2))
        return
    coder = "rules and learned coder" if args.learned else "rules"
    rate = result["sentences_per_second"]
    print(f"codebook {result['codebook']} ({coder}): {rate:,} sentences/s")
    if "overall" in result:
        o = result["overall"]
        print(f"{result['articles']} labelled articles")
        print(
            f"overall  P {o['precision']:.3f}  R {o['recall']:.3f}  "
            f"(tp {o['tp']}, fp {o['fp']}, fn {o['fn']})"
        )
        for dim, s in result["dimensions"].items():
            print(f"  {dim:28} P {s['precision']:.3f}  R {s['recall']:.3f}  n={s['support']}")
    if args.errors:
        for kind, dim, sentence in errors:
            print(f"{kind} {dim:26} {sentence}")


if __name__ == "__main__":
    main()
