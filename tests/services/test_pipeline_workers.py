"""The import's worker processes: how they start (forked from a warm server where the
system has one, else spawned), and that what they give is what reading in this process
gives, with the library's corrections."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from helpers.dispatches import write_dispatches
from reader.analysis.corrections import Corrections
from reader.analysis.entities import Extractor
from reader.services import pipeline
from reader.services.pipeline import prepare_file, prepare_in_parallel, worker_context

ROWS = [("hide", "Bukavu", ""), ("rename", "Signal Risk", "Signal Risk Ltd")]


def _plain(prepared: pipeline.PreparedFile) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for incoming, mentions in prepared:
        draft = incoming.draft
        assert draft is not None
        assert draft.ahead is not None
        out.append(
            (
                draft.title,
                draft.text,
                draft.language,
                draft.published,
                draft.ahead.text_hash,
                draft.ahead.forms,
                [(m.start, m.end, m.name, m.type, m.surface) for m in mentions],
            )
        )
    return out


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here"
)
def test_workers_are_forked_from_a_warm_server() -> None:
    context = worker_context()
    assert context.get_start_method() == "forkserver"


def test_without_a_server_workers_are_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert worker_context().get_start_method() == "spawn"


@pytest.mark.parametrize("method", ["default", "spawn"])
def test_workers_give_what_this_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    if method == "spawn":
        monkeypatch.setattr(
            pipeline, "worker_context", lambda: multiprocessing.get_context("spawn")
        )
    files = sorted(write_dispatches(tmp_path / "src", 20).iterdir())
    here = Extractor(corrections=Corrections.from_rows(ROWS))
    expected = [_plain(prepare_file(path, here)) for path in files]
    got = list(prepare_in_parallel(files, ROWS, workers=2))
    assert [path for path, _ in got] == files
    assert [_plain(prepared) for _, prepared in got] == expected
    names = {m[2] for article in expected for row in article for m in row[-1]}
    assert "Signal Risk Ltd" in names
    assert "Bukavu" not in names
