"""Write transactions (``BEGIN IMMEDIATE``, savepoints, typed failures) and detach/reopen."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.library import (
    Draft,
    InvalidInputError,
    Library,
    LibraryBusyError,
    LibraryLockedError,
    NotFoundError,
)


def _add(lib: Library, title: str) -> int:
    return lib.add_article(Draft(title=title, text=f"{title} happened in Goma."))


def test_a_transaction_commits_or_rolls_back_whole(library: Library) -> None:
    with library.transaction():
        _add(library, "One")
        _add(library, "Two")
    assert library.count() == 2

    def failing() -> None:
        with library.transaction():
            _add(library, "Three")
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        failing()
    assert library.count() == 2
    assert not library.db.conn.in_transaction


def test_a_nested_transaction_undoes_only_its_own_writes(library: Library) -> None:
    def failing_inner() -> None:
        with library.transaction():
            _add(library, "Dropped")
            raise ValueError("inner")

    with library.transaction():
        _add(library, "Kept")
        with pytest.raises(ValueError, match="inner"):
            failing_inner()
        with library.transaction():
            _add(library, "Also kept")
    assert sorted(a.title for a in library.list_articles()) == ["Also kept", "Kept"]


def test_the_outer_transaction_takes_the_write_lock_at_once(library_path: Path) -> None:
    Library.open(library_path).close()
    holding, release = threading.Event(), threading.Event()

    def first_writer() -> None:
        with Library.open(library_path) as lib, lib.transaction():
            holding.set()  # nothing written yet: the lock is held from BEGIN on
            release.wait(10)
            _add(lib, "First")

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert holding.wait(10)
    with Library.open(library_path) as lib:
        lib.db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(LibraryBusyError, match="busy"), lib.transaction():
            pass  # the other writer holds the lock: this one gives up after the timeout
        lib.db.execute("PRAGMA busy_timeout = 10000")
        threading.Timer(0.3, release.set).start()
        started = time.monotonic()
        with lib.transaction():  # waits for the first writer, then sees what it wrote
            seen = lib.count()
            _add(lib, "Second")
        assert time.monotonic() - started >= 0.2
    thread.join(10)
    assert seen == 1
    with Library.open(library_path) as lib:
        assert sorted(a.title for a in lib.list_articles()) == ["First", "Second"]


def test_detached_library_reads_empty_refuses_writes_and_reopens(library: Library) -> None:
    article = _add(library, "Before")
    library.detach()
    assert library.detached
    assert library.count() == 0
    assert library.get(article) is None
    assert library.notes() == []
    with pytest.raises(LibraryLockedError):
        library.add_note(None, "lost?")
    with pytest.raises(LibraryLockedError):
        _add(library, "During")
    library.reopen()
    assert not library.detached
    assert [a.title for a in library.list_articles()] == ["Before"]
    assert library.add_note(article, "after") > 0


def test_reopen_that_fails_stays_detached(library: Library) -> None:
    _add(library, "Kept")
    assert library.path is not None
    library.detach()
    library.path.with_name(library.path.name + "-wal").unlink(missing_ok=True)
    library.path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(Exception, match="not a database"):
        library.reopen()
    assert library.detached
    assert library.count() == 0
    with pytest.raises(InvalidInputError):
        Library.memory().reopen()


def test_typed_errors_for_a_users_mistakes(library: Library) -> None:
    with pytest.raises(NotFoundError, match="no article with id 99"):
        library.add_note(99, "x")
    with pytest.raises(KeyError):  # a NotFoundError is a KeyError too, for older callers
        library.save_note(12345, "x")
    with pytest.raises(NotFoundError) as caught:
        library.save_note(12345, "x")
    assert str(caught.value) == "no note with id 12345"  # not KeyError's quoted repr
    with pytest.raises(InvalidInputError, match="unknown colour"):
        library.add_note(None, "x", colour="mauve")
    with pytest.raises(ValueError, match="unknown sort key"):
        library.article_ids(sort="weight")


def test_data_version_moves_for_another_connection_only(library_path) -> None:
    from reader.library import Library

    with Library.open(library_path) as mine, Library.open(library_path) as other:
        start = mine.data_version()
        mine.write_statement("INSERT INTO tags (name) VALUES (?)", ["y"])
        assert mine.data_version() == start  # its own write: unchanged
        other.write_statement("INSERT INTO tags (name) VALUES (?)", ["x"])
        assert mine.data_version() != start  # another connection committed
