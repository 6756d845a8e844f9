"""The connection the library's read paths use, and what every module may ask of one.

:class:`Handle` wraps the plain ``sqlite3`` (or SQLCipher) connection of an open library
with the few things the modules here call on it: ``execute`` (a write outside a
transaction is committed at once, as sqlite-utils does), ``executemany``,
``executescript``, ``query`` (rows as dicts), ``conn`` and ``close``. A search, a list or
one article is answered through it, so answering one never imports sqlite-utils; the
sqlite-utils ``Database`` a write path or a test wants is built on the same connection
when first asked for (:func:`database`).

:class:`Connection` is what a module of this package may use of its ``db`` argument:
both a :class:`Handle` and a sqlite-utils ``Database`` have it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any, Protocol

    from sqlite_utils import Database

    Params = Sequence[Any] | dict[str, Any] | None
else:
    Protocol = object  # the protocol is the type checker's: a plain class at run time

__all__ = ["Connection", "Handle", "as_database", "database", "raw", "statements"]

#: The first word of a statement, past blanks, ``;`` and comments.
_FIRST_WORD = re.compile(r"(?:\s|;|\ufeff|--[^\n]*(?:\n|$)|/\*.*?\*/)*([A-Za-z_]*)", re.S)
#: Statements that open a transaction on purpose (never committed behind their back).
_OPENERS = frozenset({"BEGIN", "SAVEPOINT"})


class Connection(Protocol):
    """What the library's modules use of a connection."""

    @property
    def conn(self) -> sqlite3.Connection: ...

    def execute(self, sql: str, parameters: Params = None, /) -> sqlite3.Cursor: ...

    def executescript(self, sql: str, /) -> sqlite3.Cursor: ...

    def query(self, sql: str, params: Params = None, /) -> Iterator[dict[str, Any]]: ...


class Handle:
    """A library's own connection, with the calls its modules make (see the module)."""

    __slots__ = ("__weakref__", "conn")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Params = None, /) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # the failed write's own implicit transaction
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and _first_word(sql) not in _OPENERS
        ):
            conn.execute("COMMIT")  # the driver opened it for this write alone
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> sqlite3.Cursor:
        """Run one statement for each of ``rows`` (inside the caller's transaction)."""
        return self.conn.executemany(sql, rows)

    def executescript(self, sql: str, /) -> sqlite3.Cursor:
        """Run a script of statements; inside a transaction one by one, so that the
        transaction stays open (``sqlite3``'s own would commit it first)."""
        if not self.conn.in_transaction:
            return self.conn.executescript(sql)
        cursor = self.conn.cursor()
        for statement in statements(sql):
            cursor.execute(statement)
        return cursor

    def query(self, sql: str, params: Params = None, /) -> Iterator[dict[str, Any]]:
        """The rows of a query, each as a dict of column name to value."""
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() takes a statement that returns rows")
        names = [d[0] for d in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def statements(script: str) -> list[str]:
    """The statements of ``script``, each whole (a trigger's body, a ``;`` in a string)."""
    out: list[str] = []
    current = ""
    pieces = script.split(";")
    for piece in pieces[:-1]:
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\r\n;"):
                out.append(current.strip())
            current = ""
    rest = current + pieces[-1]
    if rest.strip(" \t\r\n;"):
        out.append(rest.strip())
    return out


def _first_word(sql: str) -> str:
    found = _FIRST_WORD.match(sql)
    return found.group(1).upper() if found else ""


def raw(db: Connection | sqlite3.Connection) -> sqlite3.Connection:
    """The driver's connection under ``db`` (a :class:`Handle`, a ``Database``, or one)."""
    inner = getattr(db, "conn", None)
    return db if inner is None else inner  # type: ignore[return-value]


def database(conn: sqlite3.Connection) -> Database:
    """A sqlite-utils ``Database`` over ``conn`` (imports sqlite-utils now).

    The connection is already set up (:func:`reader.library.connection.configure` turns
    on recursive triggers, as sqlite-utils would); sqlite-utils plugins are not run on it,
    so the same connection behaves the same whether or not this was ever called.
    """
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False, execute_plugins=False)


def as_database(db: Connection) -> Database:
    """``db`` for a function annotated with sqlite-utils' ``Database`` that uses only what
    :class:`Connection` has (``execute``, ``executescript``, ``query``, ``conn``): the
    same object, nothing imported."""
    return db  # type: ignore[return-value]
