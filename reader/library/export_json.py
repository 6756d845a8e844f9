"""The whole library as one JSON file, and back: a lossless dump with no lock-in.

:func:`export_library` writes every real table of the library file (articles, originals,
tags, notes with their revisions, entities, mentions, corrections, and whatever a later
migration adds) as plain row objects, in dependency order, under a small header that names
the format and the schema version. Binary values (the originals' bytes) become base64 text
in a field named ``<column>_base64``. Full-text indexes are left out: they are derived data.
Private notes and highlights, with their revisions (every row that refers to them), are
left out unless ``include_private``; the header and :class:`LibraryExport` say how many.

:func:`import_library` reads such a file back into an *empty* library, keeping every id, in
one transaction, then rebuilds the full-text indexes. Files from an older schema go through
:data:`ROW_UPGRADES` first, so a later schema change only has to add one step there.
"""

from __future__ import annotations

import base64
import json
import os
import re
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reader
from reader.library.entities import recount
from reader.library.errors import InvalidInputError, LibraryError
from reader.library.handle import Connection
from reader.library.library import Library, now_iso
from reader.library.mentions_schema import SURFACE, drop_copies
from reader.library.schema import SCHEMA_VERSION, user_version

FORMAT = "fieldreader-library"
FORMAT_VERSION = 1
#: Suffix of the field that carries a binary column's value as base64 text.
BASE64_SUFFIX = "_base64"
#: How many rows pass between progress reports and cancellation checks.
PROGRESS_EVERY = 200

ProgressFn = Callable[[int, int, str], None]
Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class LibraryExport:
    """What :func:`dump_library` wrote: rows per table, and the private notes left out."""

    tables: dict[str, int]
    private_left_out: int = 0
    includes_private: bool = False


class ExportCancelled(RuntimeError):  # noqa: N818 (the user stopped it: not an error)
    """The export was cancelled; nothing was written at the destination."""


# -- the tables of a library file ---------------------------------------------------------
def _is_derived(name: str, virtual: set[str]) -> bool:
    """FTS indexes, their shadow tables and SQLite's own tables are not data."""
    if name.startswith("sqlite_") or name in virtual or "_fts" in name:
        return True
    return any(name.startswith(f"{v}_") for v in virtual)


def data_tables(db: Connection) -> list[str]:
    """The real tables of the library, parents before the tables that refer to them."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    names = sorted(n for n, _ in rows if not _is_derived(n, virtual))
    parents = {
        n: {
            str(fk[2])
            for fk in db.execute(f"PRAGMA foreign_key_list({_quote(n)})")
            if fk[2] != n and fk[2] in names
        }
        for n in names
    }
    ordered: list[str] = []
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path:  # a cycle cannot be ordered; deferred keys cope
            return
        for parent in sorted(parents[name]):
            visit(parent, (*path, name))
        done.add(name)
        ordered.append(name)

    for name in names:
        visit(name, ())
    return ordered


def fts_tables(db: Connection) -> list[str]:
    """Full-text indexes that read their content from another table (can be rebuilt)."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    external = re.compile(r"\bcontent\s*=\s*['\"]?[^'\",\s)]", re.IGNORECASE)
    return sorted(
        n
        for n, sql in rows
        if "USING FTS" in sql.upper()
        and external.search(sql)
        and "articles_stem_source" not in sql  # the stemmed index: the search re-stems it
    )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(db: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in db.execute(f"PRAGMA table_info({_quote(table)})")]


def _order_by(db: Connection, table: str) -> str:
    """A stable row order: the primary key (rowid for tables without one)."""
    keyed = sorted((r[5], r[1]) for r in db.execute(f"PRAGMA table_info({_quote(table)})"))
    cols = [_quote(name) for pk, name in keyed if pk > 0]
    return ", ".join(cols) if cols else "rowid"


def _row_object(columns: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col, value in zip(columns, values, strict=True):
        if isinstance(value, bytes | bytearray | memoryview):
            out[col + BASE64_SUFFIX] = base64.b64encode(bytes(value)).decode("ascii")
        else:
            out[col] = value
    return out


def _select(db: Connection, table: str, where: str) -> str:
    """The query of every row of ``table``; a mention's surface filled in where the file
    keeps only the text's slice (:mod:`reader.library.mentions_schema`)."""
    if table != "mentions" or where:
        return f"SELECT * FROM {_quote(table)} {where} ORDER BY {_order_by(db, table)}"
    columns = [
        f"{SURFACE} AS surface" if c == "surface" else f"m.{_quote(c)}" for c in _columns(db, table)
    ]
    return (
        f"SELECT {', '.join(columns)} FROM mentions m LEFT JOIN articles a "
        'ON a.id = m.article_id ORDER BY m."id"'
    )


def _rows(db: Connection, table: str, where: str = "") -> Iterator[dict[str, Any]]:
    cursor = db.execute(_select(db, table, where))
    columns = [d[0] for d in cursor.description]
    for values in cursor:
        yield _row_object(columns, values)


_PRIVATE_NOTES = "SELECT id FROM notes WHERE private != 0"


def private_filter(db: Connection, table: str) -> str:
    """The ``WHERE`` clause that keeps private notes out of ``table``: the private notes
    themselves, and the rows of any table that refers to a note (its revisions, and
    whatever a later migration adds); ``""`` for a table that has nothing private."""
    if "private" not in _columns(db, "notes"):
        return ""
    if table == "notes":
        return "WHERE private = 0"
    keys = [
        str(fk[3])
        for fk in db.execute(f"PRAGMA foreign_key_list({_quote(table)})")
        if fk[2] == "notes"
    ]
    if not keys:
        return ""
    kept = " AND ".join(f"{_quote(k)} NOT IN ({_PRIVATE_NOTES})" for k in keys)
    return f"WHERE {kept}"


def _count(db: Connection, table: str, where: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {_quote(table)} {where}").fetchone()[0])


# -- export --------------------------------------------------------------------------------
def export_library(
    library: Library,
    dest: Path,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    include_private: bool = False,
) -> dict[str, int]:
    """Write the library to ``dest`` as JSON; return the number of rows per table
    (:func:`dump_library`, which also says how many private notes it left out)."""
    return dump_library(library, dest, progress, cancelled, include_private=include_private).tables


def dump_library(
    library: Library,
    dest: Path,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    include_private: bool = False,
) -> LibraryExport:
    """Write the whole library to ``dest`` as JSON (private notes only if
    ``include_private``).

    The file appears whole or not at all (it is written next to ``dest`` and renamed).
    ``progress(done, total, table)`` reports rows written; when ``cancelled()`` turns true
    the partial file is removed and :class:`ExportCancelled` is raised.
    """
    dest = Path(dest)
    db = library.handle
    counts: dict[str, int] = {}
    left_out = 0
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out, library.snapshot():
            tables = data_tables(db)  # one read transaction: a consistent snapshot
            wheres = {t: "" if include_private else private_filter(db, t) for t in tables}
            sizes = {t: _count(db, t, wheres[t]) for t in tables}
            total, done = sum(sizes.values()), 0
            if "notes" in tables and not include_private:
                left_out = _count(db, "notes", "") - sizes["notes"]
            header = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": user_version(db),
                "exported": now_iso(),
                "app_version": reader.__version__,
                "includes_private": include_private,
                "private_left_out": left_out,
            }
            out.write("{\n")
            for key, value in header.items():
                out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
            out.write('"tables": {')
            for t_index, table in enumerate(tables):
                out.write("," if t_index else "")
                out.write(f"\n{json.dumps(table, ensure_ascii=False)}: [")
                n = 0
                for row in _rows(db, table, wheres[table]):
                    out.write(",\n" if n else "\n")
                    out.write(json.dumps(row, ensure_ascii=False))
                    n += 1
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        if cancelled is not None and cancelled():
                            raise ExportCancelled("the export was cancelled")
                        if progress is not None:
                            progress(done, total, table)
                out.write("\n]" if n else "]")
                counts[table] = n
                if cancelled is not None and cancelled():
                    raise ExportCancelled("the export was cancelled")
                if progress is not None:
                    progress(done, total, table)
            out.write("\n}\n}\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return LibraryExport(counts, left_out, include_private)


# -- import --------------------------------------------------------------------------------
def _same(tables: Tables) -> Tables:
    return tables


#: ``ROW_UPGRADES[n]`` turns the tables of a schema-``n`` dump into schema ``n + 1``.
#: Schemas 2 to 10 only added tables, indexes, derived counts and columns with defaults
#: (8: ``articles.trashed``, 9: ``notes.private``, 10: the search indexes): older dumps need
#: no change until 11 (:func:`_coding_uids`).
ROW_UPGRADES: dict[int, Callable[[Tables], Tables]] = {v: _same for v in range(1, 10)}


def _coding_uids(tables: Tables) -> Tables:
    """Schema 11 gave every coding a stable ``uid`` (the field packs merge by it): a
    schema-10 dump's codings get fresh ones; the other new columns have defaults."""
    for row in tables.get("codings", []):
        if not row.get("uid"):
            row["uid"] = uuid.uuid4().hex
    return tables


ROW_UPGRADES[10] = _coding_uids
#: Schema 12 added ``originals.packing`` (NULL: the bytes as they are), so a schema-11
#: dump needs no change.
ROW_UPGRADES[11] = _same
#: Schema 13 added ``packs_seen.since`` (NULL: a full pack) and an index, so a schema-12
#: dump needs no change.
ROW_UPGRADES[12] = _same
#: Schema 14 rebuilt ``articles_fts`` (derived: never in a dump) and added the writer's
#: ``search_fts_writer`` (empty outside a writer's transaction; left out with the search
#: tables), so a schema-13 dump needs no change.
ROW_UPGRADES[13] = _same
#: Schema 15 keeps a mention's ``surface`` only where it differs from the text's slice
#: (:mod:`reader.library.mentions_schema`); a dump always carries it filled in, and a
#: filled-in surface is as valid a row as before, so a schema-14 dump needs no change.
ROW_UPGRADES[14] = _same


def upgrade_rows(tables: Tables, from_version: int) -> Tables:
    """Bring the rows of a dump written at ``from_version`` up to :data:`SCHEMA_VERSION`."""
    for version in range(from_version, SCHEMA_VERSION):
        step = ROW_UPGRADES.get(version)
        if step is None:
            raise InvalidInputError(
                f"files from schema version {from_version} cannot be imported by this version"
            )
        tables = step(tables)
    return tables


def _version(data: dict[str, Any], key: str, name: str) -> int:
    """The version number under ``key``: :class:`InvalidInputError` unless it is a whole
    number from 1."""
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidInputError(f"{name} has no valid {key}")
    return value


def read_dump(src: Path) -> tuple[int, Tables]:
    """Read and check a library dump: ``(schema_version, tables)``; ``ValueError`` if unfit."""
    src = Path(src)
    try:
        with src.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise InvalidInputError(f"cannot read {src}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{src.name} is not a UTF-8 text file") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"{src.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise InvalidInputError(f"{src.name} is not a Fieldreader library export") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInputError(
            f"{src.name} is not a Fieldreader library export (format {FORMAT!r})"
        )
    fmt_version = _version(data, "format_version", src.name)
    if fmt_version > FORMAT_VERSION:
        raise InvalidInputError(
            f"{src.name} uses export format {fmt_version}, newer than this Fieldreader "
            f"understands ({FORMAT_VERSION}); upgrade Fieldreader to import it"
        )
    schema = _version(data, "schema_version", src.name)
    if schema > SCHEMA_VERSION:
        raise InvalidInputError(
            f"{src.name} was written by a newer Fieldreader (schema {schema}, this version "
            f"knows up to {SCHEMA_VERSION}); upgrade Fieldreader to import it"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
        for rows in tables.values()
    ):
        raise InvalidInputError(
            f"{src.name} has no valid 'tables' object (table name -> list of rows)"
        )
    return schema, tables


def _decode_row(table: str, row: dict[str, Any], columns: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        col = key
        if key not in columns and key.endswith(BASE64_SUFFIX):
            col = key[: -len(BASE64_SUFFIX)]
            if col in columns and isinstance(value, str):
                try:
                    value = base64.b64decode(value, validate=True)
                except ValueError as exc:
                    raise InvalidInputError(f"table {table}: {key} is not valid base64") from exc
        if col not in columns:
            raise InvalidInputError(f"table {table} has no column {col!r}")
        if col in out:
            raise InvalidInputError(f"table {table}: column {col!r} is given twice in one row")
        if isinstance(value, dict | list):
            raise InvalidInputError(f"table {table}: column {col!r} holds a list or object")
        out[col] = value
    return out


def _is_empty(db: Connection, tables: list[str]) -> bool:
    return all(db.execute(f"SELECT 1 FROM {_quote(t)} LIMIT 1").fetchone() is None for t in tables)


def import_library(library: Library, src: Path) -> dict[str, int]:
    """Load a dump written by :func:`export_library` into an empty library.

    Every row keeps its id; parents go in before the rows that refer to them, all in one
    transaction, and the full-text indexes are rebuilt. Returns rows per table. Raises
    ``ValueError`` (leaving the library unchanged) for a library that is not empty, a file
    that is not valid JSON or not a library export, one from a newer Fieldreader, or rows
    that do not fit the schema.
    """
    db = library.handle
    known = data_tables(db)
    if not _is_empty(db, known):
        raise InvalidInputError("the library is not empty; import into a new, empty library")
    schema, tables = read_dump(src)
    tables = upgrade_rows(tables, schema)
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise InvalidInputError(
            f"the file has tables this library does not know: {', '.join(unknown)}"
        )
    counts: dict[str, int] = {}
    try:
        with library.transaction():
            if not _is_empty(db, known):
                raise InvalidInputError(
                    "the library is not empty; import into a new, empty library"
                )
            db.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit
            for table in known:
                rows = tables.get(table, [])
                columns = set(_columns(db, table))
                for key, group in _grouped(table, rows, columns):
                    cols = ", ".join(_quote(c) for c in key)
                    marks = ", ".join("?" * len(key))
                    db.conn.executemany(
                        f"INSERT INTO {_quote(table)} ({cols}) VALUES ({marks})", group
                    )
                counts[table] = len(rows)
            for fts in fts_tables(db):
                db.execute(f"INSERT INTO {_quote(fts)}({_quote(fts)}) VALUES ('rebuild')")
            recount(db)  # counts kept by triggers: computed again from the rows loaded
            drop_copies(db)  # surfaces that repeat the text: stored once, as the writer does
    except LibraryError:
        raise
    except (sqlite3.DatabaseError, OverflowError) as exc:
        raise InvalidInputError(f"the file's rows do not fit this library: {exc}") from exc
    return counts


def _grouped(
    table: str, rows: list[dict[str, Any]], columns: set[str]
) -> Iterator[tuple[tuple[str, ...], list[tuple[Any, ...]]]]:
    """Runs of consecutive rows with the same columns, as ``(columns, value tuples)``."""
    key: tuple[str, ...] = ()
    group: list[tuple[Any, ...]] = []
    for raw in rows:
        row = _decode_row(table, raw, columns)
        if not row:
            raise InvalidInputError(f"table {table} has an empty row")
        row_key = tuple(row)
        if row_key != key and group:
            yield key, group
            group = []
        key = row_key
        group.append(tuple(row.values()))
    if group:
        yield key, group
