"""Coding against a codebook in the library, and the two-case comparison with its exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from helpers.samples import count_tagged
from reader.analysis.codebooks import shipped_codebooks
from reader.library import Library
from reader.library.codings import fetch_codings
from reader.services.compare import compare, parse_selector, to_csv, to_markdown
from reader.services.framing import (
    code_passage,
    codebook_for,
    move,
    run_rules,
    save_codebook,
    set_status,
)
from reader.services.samples import load_samples


@pytest.fixture
def sampled(library: Library) -> Library:
    load_samples(library)
    return library


def test_rules_run_once_per_rule_set_and_rejections_stick(sampled: Library) -> None:
    book = codebook_for(sampled)
    ids = sampled.article_ids(tag="drc")
    added = run_rules(sampled, ids, book)
    assert added > 0
    assert run_rules(sampled, ids, book) == 0  # nothing new: already coded with these rules
    codings = fetch_codings(sampled, article_ids=ids, codebook=book.id)
    assert all(c.method.startswith("rule:") and c.status == "suggested" for c in codings)
    victim = codings[0]
    set_status(sampled, victim.id, "rejected")
    assert run_rules(sampled, ids, book, force=True) == 0
    again = {c.id: c for c in fetch_codings(sampled, article_ids=ids, codebook=book.id)}
    assert again[victim.id].status == "rejected"
    assert len(again) == len(codings)
    text = sampled.text_of(victim.article_id)
    assert text[victim.start : victim.end] == victim.text


def test_manual_coding_and_move(sampled: Library) -> None:
    book = codebook_for(sampled)
    article = sampled.article_ids(tag="drc")[0]
    text = sampled.text_of(article)
    quote = text.split(". ")[0]
    coding_id = code_passage(sampled, article, "voices", codebook=book, quote=quote, memo="m")
    [made] = [c for c in fetch_codings(sampled, article_ids=[article]) if c.id == coding_id]
    assert (made.method, made.status, made.memo) == ("manual", "accepted", "m")
    assert text[made.start : made.end] == quote
    moved_id = move(sampled, coding_id, "uncertainty", book)
    states = {c.id: c for c in fetch_codings(sampled, article_ids=[article])}
    assert states[coding_id].status == "rejected"
    assert (states[moved_id].dimension, states[moved_id].status) == ("uncertainty", "accepted")
    with pytest.raises(ValueError, match="no dimension"):
        code_passage(sampled, article, "weather", codebook=book, quote=quote)
    with pytest.raises(ValueError, match="does not occur"):
        code_passage(sampled, article, "voices", codebook=book, quote="not in the text at all")


def test_compare_contract_on_the_samples(sampled: Library) -> None:
    result = compare(sampled)
    assert result.codebook == "minerals-for-security"
    assert result.a.label == "ukraine"
    assert len(result.a.articles) == count_tagged("ukraine")
    assert result.b.label == "drc"
    assert len(result.b.articles) == count_tagged("drc")
    dims = {d.id: d for d in result.dimensions}
    assert set(dims) == set(shipped_codebooks()["minerals-for-security"].dimension_ids)
    filled = [d for d in result.dimensions if d.a and d.b]
    assert len(filled) >= 8
    assert dims["human_toll"].only == "b"  # the Ukraine samples count no casualties
    for dim in result.dimensions:
        for side in ("a", "b"):
            for position, e in enumerate(dim.side(side)):
                assert e.index == position
                assert e.status in ("suggested", "accepted")
                assert e.article_id in result.case(side).articles
                assert sampled.text_of(e.article_id)[e.start : e.end] == e.text
                if e.counterpart is not None:
                    other = dim.side("b" if side == "a" else "a")
                    assert 0 <= e.counterpart.index < len(other)
    assert "United States" in result.entities.shared
    assert "M23" in result.entities.only_b
    # the JSON keeps its shape: the keys, their order, and plain values
    data = result.to_json()
    # (extended at the end with whose codings and the conflict copies left out)
    assert list(data) == [
        "codebook",
        "a",
        "b",
        "dimensions",
        "entities",
        "coder",
        "conflict_copies",
    ]
    assert (data["coder"], data["conflict_copies"]) == (None, 0)
    assert list(data["a"]) == ["label", "selector", "articles"]
    assert list(data["dimensions"][0]) == ["id", "label", "description", "a", "b", "only"]
    evidence = next(e for d in data["dimensions"] for e in d["a"] if e["counterpart"])
    keys = "article_id start end text status method coding_id title counterpart coder"
    assert list(evidence) == keys.split()  # (coder added at the end)
    assert list(evidence["counterpart"]) == ["index", "similarity"]
    assert list(data["entities"]) == ["shared", "only_a", "only_b"]
    assert json.loads(json.dumps(data)) == data


def test_rejected_codings_leave_the_comparison(sampled: Library) -> None:
    first = compare(sampled)
    evidence = first.dimensions[0].a[0]
    set_status(sampled, evidence.coding_id, "rejected")
    second = compare(sampled)
    ids = [e.coding_id for e in second.dimensions[0].a]
    assert evidence.coding_id not in ids
    assert len(ids) == len(first.dimensions[0].a) - 1


def test_selectors(sampled: Library) -> None:
    case = parse_selector(sampled, "ids:2,1,2")
    assert case.articles == (2, 1)
    for bad, message in (
        ("ids:1,x", "bad article ids"),
        ("ids:999", "no article with id 999"),
        ("colour:red", "bad selector"),
        ("tag:", "bad selector"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_selector(sampled, bad)
    assert parse_selector(sampled, "tag:nothing").articles == ()


def test_exports_open_cleanly(sampled: Library) -> None:
    result = compare(sampled, "ids:6,7", "tag:drc")
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    assert rows
    assert set(rows[0]) >= set(
        "case dimension article_id title start end text status method".split()
    )
    total = sum(len(d.a) + len(d.b) for d in result.dimensions)
    assert len(rows) == total
    md = to_markdown(result)
    assert md.startswith("# ")
    assert "| Dimension |" in md
    assert "\n> " in md
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") >= 2 for line in table)
    assert json.loads(json.dumps(result.to_json())) == result.to_json()


def test_users_edited_codebook_is_used_and_reruns_rules(sampled: Library) -> None:
    book = codebook_for(sampled)
    ids = sampled.article_ids(tag="ukraine")
    run_rules(sampled, ids, book)
    data = book.to_dict()
    data["dimensions"] = [d for d in data["dimensions"] if d["id"] != "voices"]
    edited = type(book).from_dict(data)
    save_codebook(sampled, edited)
    assert [d.id for d in codebook_for(sampled).dimensions] == [d["id"] for d in data["dimensions"]]
    assert run_rules(sampled, ids, codebook_for(sampled)) >= 0
    result = compare(sampled)
    assert "voices" not in {d.id for d in result.dimensions}


def test_unknown_codebook(sampled: Library) -> None:
    with pytest.raises(ValueError, match="no codebook 'nope'"):
        codebook_for(sampled, "nope")


@pytest.mark.e2e
def test_cli_compare_code_and_coding(library_path: Path) -> None:
    run_json(library_path, "samples")
    result = run_json(library_path, "compare", "--a", "tag:ukraine", "--b", "tag:drc")
    assert set(result) >= {"codebook", "a", "b", "dimensions", "entities"}
    evidence = result["dimensions"][0]["b"][0]
    rejected = run_json(library_path, "coding", "reject", str(evidence["coding_id"]))
    assert rejected["status"] == "rejected"
    again = run_json(library_path, "compare")
    assert evidence["coding_id"] not in [e["coding_id"] for e in again["dimensions"][0]["b"]]
    article = result["a"]["articles"][0]
    text = run_json(library_path, "show", str(article))["text"]
    quote = text[:40]
    made = run_json(library_path, "code", str(article), "--dimension", "voices", "--quote", quote)
    assert (made["method"], made["status"], made["text"]) == ("manual", "accepted", quote)
    csv_out = run(library_path, "compare", "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.startswith("case,dimension,article_id")
    md_out = run(library_path, "compare", "--format", "md")
    assert md_out.returncode == 0
    assert md_out.stdout.startswith("# ukraine and drc compared")
    bad = run(library_path, "compare", "--a", "tag:ukraine", "--b", "nonsense")
    assert bad.returncode == 1
    assert "bad selector" in bad.stderr
    books = run_json(library_path, "codebook", "list")
    assert [b["id"] for b in books] == ["minerals-for-security", "policy-frames"]
    shown = run_json(library_path, "codebook", "show", "policy-frames")
    assert len(shown["dimensions"]) == 15


def test_compare_coder_from_the_command_line(library_path: Path) -> None:
    from reader.library import Library
    from reader.library.coders import set_coder

    lib = Library.open(library_path)
    load_samples(lib)
    set_coder(lib, "Amani")
    lib.close()
    data = run_json(library_path, "compare", "--coder", "Amani")
    assert data["coder"] == "Amani"
    assert {e["coder"] for d in data["dimensions"] for e in d["a"] + d["b"]} == {"Amani"}
    everyone = run_json(library_path, "compare")
    assert everyone["coder"] is None
    proc = run(library_path, "compare", "--coder", "Nobody", "--json")
    assert proc.returncode != 0
    assert proc.stderr.strip() == ("fieldreader: no coder 'Nobody' in this library; coders: Amani")
    assert "Traceback" not in proc.stderr
