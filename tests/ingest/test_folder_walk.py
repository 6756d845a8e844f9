"""A folder's walk (:func:`reader.ingest.readers.iter_inputs`) lists what ``sorted(rglob)``
listed, in the same order: hidden names left out, symlinked folders not entered, a
symlinked file kept, nested folders sorted by their parts ("a/b" before "a-b")."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.ingest import readers
from reader.ingest.readers import iter_inputs


def _as_rglob_did(folder: Path) -> Iterator[Path]:
    """The walk as it was written before: every path rglob gives, sorted, then filtered."""
    for child in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        if child.is_file() and readers._walk_wants(child):
            yield child


def _tree(root: Path) -> Path:
    names = [
        "a/b.txt",
        "a-b.txt",
        "a b/c.md",
        "A/z.html",
        "a/.hidden.txt",
        ".hidden/x.txt",
        "a/b/c/d/e.txt",
        "a/b/c.TXT",
        "a/b/.c/d.txt",
        "notes.unknown",
        "10.txt",
        "9.txt",
        "a.b/c.txt",
        "a/b.txt.d/x.txt",
        "ü/é.txt",
    ]
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\n\nSome text about Goma.\n", encoding="utf-8")
    (root / "empty").mkdir()
    (root / "feed.xml").write_text("<rss><channel><title>t</title></channel></rss>")
    (root / "data.xml").write_text("<config><item>1</item></config>")
    return root


def test_the_walk_lists_what_sorted_rglob_did(tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    walked = list(iter_inputs([root]))
    assert walked == list(_as_rglob_did(root))
    assert walked.index(root / "a" / "b" / "c" / "d" / "e.txt") < walked.index(root / "a-b.txt")
    assert root / "a" / ".hidden.txt" not in walked
    assert root / ".hidden" / "x.txt" not in walked
    assert root / "feed.xml" in walked
    assert root / "data.xml" not in walked


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX symlinks")
def test_symlinks_are_listed_as_rglob_listed_them(tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    os.symlink(root / "a", root / "linked-folder")  # listed, not entered
    os.symlink(root / "a-b.txt", root / "linked.txt")  # a file: kept
    os.symlink(root / "gone.txt", root / "dangling.txt")  # no file behind it
    os.symlink(root / "loop", root / "loop")  # a loop
    walked = list(iter_inputs([root]))
    assert walked == list(_as_rglob_did(root))
    assert root / "linked.txt" in walked
    assert not [p for p in walked if "linked-folder" in p.parts]
    assert root / "dangling.txt" not in walked


def test_a_relative_folder_walks_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    assert list(iter_inputs(["src"])) == list(_as_rglob_did(Path("src")))
    assert list(iter_inputs(["./src/"])) == list(_as_rglob_did(Path("./src/")))
