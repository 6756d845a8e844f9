"""End-to-end: the real ``fieldreader`` command in a subprocess, JSON contracts and exits."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from helpers.cli import command, run, run_json
from helpers.expected import NOTE_JSON_KEYS
from helpers.samples import SAMPLE_COUNT, count_tagged

pytestmark = pytest.mark.e2e


def test_seed_import_show_duplicate_and_search(library_path: Path, seed_file: Path) -> None:
    [added] = run_json(library_path, "import", str(seed_file))
    assert added["status"] == "added"
    assert set(added) == {"id", "title", "status", "path"}
    article = run_json(library_path, "show", str(added["id"]))
    for key in (
        "id",
        "uid",
        "title",
        "byline",
        "source",
        "url",
        "published",
        "imported",
        "tags",
        "text",
    ):
        assert key in article
    assert article["published"] == "2025-03-17"
    assert article["url"].startswith("https://www.aljazeera.com/news/2025/3/17/")
    assert article["source"] == "Al Jazeera"
    assert "Source:" not in article["text"]
    [again] = run_json(library_path, "import", str(seed_file))
    assert again["status"] == "duplicate"
    assert again["id"] == added["id"]
    hits = run_json(library_path, "search", "coltan")
    assert hits[0]["id"] == added["id"]
    assert hits[0]["kind"] == "article"
    assert "coltan" in hits[0]["snippet"].lower()
    assert set(hits[0]) >= {"kind", "id", "title", "snippet"}


def test_random_binary_exits_nonzero_and_changes_nothing(
    library_path: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(os.urandom(4096))
    run_json(library_path, "samples")
    before = library_path.read_bytes()
    proc = run(library_path, "import", str(junk), "--json")
    assert proc.returncode == 1
    [result] = json.loads(proc.stdout)
    assert result["status"] == "error"
    assert result["id"] is None
    assert result["error"]
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr
    assert len(run_json(library_path, "list")) == SAMPLE_COUNT
    assert library_path.read_bytes() == before


def test_samples_load_once_with_both_tags(library_path: Path) -> None:
    first = run_json(library_path, "samples")
    assert [r["status"] for r in first].count("added") == len(first) == SAMPLE_COUNT >= 8
    second = run_json(library_path, "samples")
    assert {r["status"] for r in second} == {"duplicate"}
    ukraine = run_json(library_path, "list", "--tag", "ukraine")
    drc = run_json(library_path, "list", "--tag", "drc")
    assert len(ukraine) == count_tagged("ukraine") >= 4
    assert len(drc) == count_tagged("drc") >= 4
    assert all(a["source"] == "Fieldreader samples" for a in ukraine + drc)
    assert set(ukraine[0]) == {"id", "title", "source", "url", "published", "tags"}
    dates = [a["published"] for a in ukraine]
    assert dates == sorted(dates, reverse=True)


def test_import_with_tags_mixed_results_exit_one(library_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A good note\n\nSome body text about cobalt.")
    results = run(
        library_path, "import", str(good), str(tmp_path / "nope.txt"), "--tag", "field", "--json"
    )
    assert results.returncode == 1
    statuses = {Path(r["path"]).name: r["status"] for r in json.loads(results.stdout)}
    assert statuses == {"good.md": "added", "nope.txt": "error"}
    assert run_json(library_path, "list", "--tag", "field")[0]["tags"] == ["field"]


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["show", "notanumber"], ["import"], ["list", "--sort", "colour"]],
)
def test_bad_usage_exits_two_with_one_line(library_path: Path, args: list[str]) -> None:
    proc = run(library_path, *args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""


def test_unknown_article_and_broken_library(library_path: Path, tmp_path: Path) -> None:
    proc = run(library_path, "show", "999")
    assert proc.returncode == 1
    assert "no article with id 999" in proc.stderr
    bogus = tmp_path / "not-a-db.sqlite"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    proc = run(bogus, "list")
    assert proc.returncode == 1
    assert "not a Fieldreader library" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_version_and_env_library(tmp_path: Path) -> None:
    proc = subprocess.run([*command(), "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("fieldreader ")
    env = {**os.environ, "FIELDREADER_LIBRARY": str(tmp_path / "env.sqlite")}
    proc = subprocess.run(
        [*command(), "samples", "--json"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0
    assert (tmp_path / "env.sqlite").exists()


def test_saved_news_page_imports_clean_and_searchable(
    library_path: Path, fixtures_dir: Path
) -> None:
    page = fixtures_dir / "saved_news_page.html"
    [added] = run_json(library_path, "import", str(page))
    assert added["status"] == "added"
    article = run_json(library_path, "show", str(added["id"]))
    assert article["title"] == "Congo and US weigh minerals-for-security pact as talks resume"
    text = article["text"]
    for furniture in ("cookie", "Subscribe", "Share on", "Related", "All rights reserved"):
        assert furniture.lower() not in text.lower()
    assert [h["id"] for h in run_json(library_path, "search", "coltan")] == [added["id"]]


def test_entities_in_show_and_list_and_corrections(library_path: Path, seed_file: Path) -> None:
    [added] = run_json(library_path, "import", str(seed_file))
    article = run_json(library_path, "show", str(added["id"]))
    text = article["text"]
    by_name = {e["name"]: e for e in article["entities"]}
    assert by_name["M23"]["type"] == "armed_group"
    assert by_name["Donald Trump"]["type"] == "person"
    for entity in article["entities"]:
        assert set(entity) >= {"id", "name", "type", "count", "aliases", "mentions"}
        assert entity["count"] == len(entity["mentions"])
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]]
    trump = by_name["Donald Trump"]
    assert "Trump" in trump["aliases"]
    assert {text[m["start"] : m["end"]] for m in trump["mentions"]} <= {"Trump", "Donald Trump"}

    listed = run_json(library_path, "entities", "--type", "person")
    assert {e["type"] for e in listed} == {"person"}
    assert all(e["articles"] == 1 and e["count"] >= 1 for e in listed)

    done = run_json(library_path, "entity", "hide", "Joe Biden")
    assert done == {
        "correction": {"kind": "hide", "name": "Joe Biden", "value": ""},
        "articles_updated": 1,
    }
    run_json(library_path, "reextract")
    names = {e["name"] for e in run_json(library_path, "entities")}
    assert "Joe Biden" not in names
    assert "Donald Trump" in names
    assert run_json(library_path, "entity", "corrections") == [
        {"kind": "hide", "name": "Joe Biden", "value": ""}
    ]
    bad = run(library_path, "entity", "retype", "M23", "cheese")
    assert bad.returncode == 1
    assert "unknown entity type" in bad.stderr


def test_notes_from_the_command_line(library_path: Path, seed_file: Path) -> None:
    [added] = run_json(library_path, "import", str(seed_file))
    aid = str(added["id"])
    note = run_json(
        library_path, "note", "add", aid, "--text", "Check *tantalum* share", "--quote", "coltan"
    )
    article = run_json(library_path, "show", aid)
    assert article["text"][note["start"] : note["end"]] == "coltan"
    bad = run(library_path, "note", "add", aid, "--text", "x", "--quote", "no such words")
    assert bad.returncode == 1
    assert "does not occur" in bad.stderr
    listed = run_json(library_path, "note", "list", "--article", aid)
    assert [n["id"] for n in listed] == [note["id"]]
    assert set(listed[0]) >= NOTE_JSON_KEYS
    assert [n["id"] for n in article["notes"]] == [note["id"]]
    hits = run_json(library_path, "search", "tantalum")
    assert hits == [{**hits[0], "kind": "note", "id": note["id"], "article_id": added["id"]}]
    assert set(hits[0]) >= {"kind", "id", "article_id", "title", "snippet"}
    run_json(library_path, "note", "delete", str(note["id"]))
    assert run_json(library_path, "search", "tantalum") == []
    assert len(run_json(library_path, "note", "history", str(note["id"]))) == 1


def test_export_and_import_library_round_trip(
    library_path: Path, seed_file: Path, tmp_path: Path
) -> None:
    [added] = run_json(library_path, "import", str(seed_file))
    run_json(library_path, "samples")
    run_json(
        library_path, "note", "add", str(added["id"]), "--text", "A *note*", "--quote", "coltan"
    )
    run_json(library_path, "note", "add", str(added["id"]), "--text", "Whole-article note")
    dump = tmp_path / "lib.json"
    out = run_json(library_path, "export", "library", str(dump))
    assert out["tables"]["articles"] == SAMPLE_COUNT + 1
    assert out["tables"]["notes"] == 2
    copy = tmp_path / "copy.sqlite"
    run_json(copy, "import-library", str(dump))
    dump2 = tmp_path / "again.json"
    run_json(copy, "export", "library", str(dump2))
    first, second = json.loads(dump.read_text()), json.loads(dump2.read_text())
    assert first["tables"] == second["tables"]
    assert run_json(copy, "search", "coltan") == run_json(library_path, "search", "coltan")
    again = run(copy, "import-library", str(dump))
    assert again.returncode == 1
    assert "not empty" in again.stderr

    vault = tmp_path / "vault"
    files = run_json(library_path, "export", "notes", str(vault))["files"]
    assert len(files) == 1
    text = Path(files[0]).read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert "url: https://www.aljazeera.com" in text
    assert "> coltan" in text
    assert "A *note*" in text
    assert "Whole-article note" in text
