"""The plain connection the read paths use (:mod:`reader.library.handle`) behaves as the
sqlite-utils ``Database`` the write paths use on the same connection: a write outside a
transaction is committed at once, a script inside one keeps it open, rows come as dicts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.draft import Draft
from reader.library.handle import Handle, raw, statements


@pytest.fixture
def handle(tmp_path: Path) -> Handle:
    conn = sqlite3.connect(tmp_path / "h.sqlite")
    conn.execute("CREATE TABLE t (x TEXT)")
    return Handle(conn)


def _seen_elsewhere(handle: Handle) -> int:
    path = handle.conn.execute("PRAGMA database_list").fetchone()[2]
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        other.close()


def test_a_write_outside_a_transaction_is_committed_at_once(handle: Handle) -> None:
    handle.execute("INSERT INTO t VALUES (?)", ["a"])
    assert not handle.conn.in_transaction
    assert _seen_elsewhere(handle) == 1


def test_a_write_inside_a_transaction_waits_for_its_end(handle: Handle) -> None:
    handle.execute("BEGIN IMMEDIATE")
    handle.execute("INSERT INTO t VALUES ('a')")
    assert handle.conn.in_transaction
    assert _seen_elsewhere(handle) == 0
    handle.execute("COMMIT")
    assert _seen_elsewhere(handle) == 1


def test_a_failed_write_leaves_no_transaction_open(handle: Handle) -> None:
    handle.execute("CREATE TABLE u (x INTEGER NOT NULL)")
    with pytest.raises(sqlite3.IntegrityError):
        handle.execute("INSERT INTO u VALUES (NULL)")
    assert not handle.conn.in_transaction


def test_a_script_inside_a_transaction_keeps_it_open(handle: Handle) -> None:
    handle.execute("BEGIN")
    handle.executescript("INSERT INTO t VALUES ('a;b'); INSERT INTO t VALUES ('c');")
    assert handle.conn.in_transaction
    handle.execute("ROLLBACK")
    assert handle.execute("SELECT count(*) FROM t").fetchone()[0] == 0


def test_query_gives_dicts_and_refuses_a_statement_without_rows(handle: Handle) -> None:
    handle.execute("INSERT INTO t VALUES ('a')")
    assert list(handle.query("SELECT x, 1 AS n FROM t")) == [{"x": "a", "n": 1}]
    with pytest.raises(ValueError, match="returns rows"):
        handle.query("DELETE FROM t WHERE x = 'nothing'")


def test_statements_keep_a_trigger_and_a_quoted_semicolon_whole() -> None:
    script = """
        CREATE TABLE a (x); -- a comment; with a semicolon
        CREATE TRIGGER a_ai AFTER INSERT ON a BEGIN INSERT INTO a VALUES (';'); END;
        ;
        SELECT 1
    """
    found = statements(script)
    assert len(found) == 3
    assert "CREATE TRIGGER" in found[1]
    assert found[1].endswith("END;")
    assert found[-1] == "SELECT 1"
    assert all(sqlite3.complete_statement(s + ";") for s in found)


def test_the_library_reads_through_the_handle_and_builds_db_on_demand(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as lib:
        assert lib._db is None  # opening and reading build no sqlite-utils Database
        article = lib.add_article(Draft(title="Goma", text="Cobalt prices in Goma."))
        assert [h.id for h in lib.search("cobalt")] == [article]
        assert lib.db.conn is lib.handle.conn
        assert raw(lib.db) is raw(lib.handle) is lib.handle.conn
        assert lib.db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
        assert lib.db is lib.db  # built once


def test_detach_and_reopen_give_a_new_handle_and_db(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as lib:
        first = lib.db
        lib.detach()
        assert lib.count() == 0
        lib.reopen()
        assert lib.db is not first
        assert lib.db.conn is lib.handle.conn
