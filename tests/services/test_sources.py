"""A URL with a user name or password is never stored: not queued, not subscribed to, and a
queue entry left by an older version leaves the queue instead of being tried again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from reader.ingest.fetch import FetchError
from reader.library import Library, sources
from reader.services.sources import add_feed, fetch_queue, import_url, queue_url

SECRET = "s3cret"
WITH_CREDENTIALS = f"https://reader:{SECRET}@news.example/goma"


def _never(*_args: object, **_kwargs: object):
    raise AssertionError("nothing may be fetched")


def test_import_url_refuses_credentials_before_anything_else(library: Library) -> None:
    stale = sources.queue_url(library, WITH_CREDENTIALS, ["old"])  # as an older version did
    [result] = import_url(library, WITH_CREDENTIALS, fetcher=_never)
    assert result.status == "error"
    assert "user name or password" in result.error
    assert SECRET not in result.error
    assert result.path == "https://***@news.example/goma"
    assert sources.queued(library, stale.id) is None  # gone, not counted as an attempt


def test_fetching_the_queue_drops_an_entry_with_credentials(library: Library) -> None:
    sources.queue_url(library, WITH_CREDENTIALS)
    [outcome] = fetch_queue(library, fetcher=_never)
    assert outcome.after is None
    assert [r.status for r in outcome.results] == ["error"]
    assert sources.queue(library) == []


@pytest.mark.parametrize("store", [queue_url, add_feed])
def test_queueing_and_subscribing_refuse_credentials(library: Library, store) -> None:
    with pytest.raises(FetchError, match="user name or password"):
        store(library, WITH_CREDENTIALS, ["drc"])
    with pytest.raises(FetchError, match="not an http"):
        store(library, "ftp://news.example/feed")
    assert sources.queue(library) == []
    assert sources.feeds(library) == []


def _file_bytes(library: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in library.parent.iterdir() if p.name.startswith(library.name)
    )


@pytest.mark.e2e
def test_the_command_line_never_stores_credentials(library_path: Path) -> None:
    run_json(library_path, "samples")
    refused = run(library_path, "feeds", "add", WITH_CREDENTIALS)
    assert refused.returncode == 2
    assert refused.stderr.startswith("fieldreader: a URL with a user name or password in it")
    assert refused.stderr.count("\n") == 1
    assert SECRET not in refused.stderr
    imported = run(library_path, "import", WITH_CREDENTIALS, "--json")
    assert imported.returncode == 1
    assert SECRET not in imported.stderr + imported.stdout
    assert run_json(library_path, "feeds", "list") == []
    assert run_json(library_path, "queue", "list") == []
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert SECRET.encode() not in _file_bytes(library_path)
