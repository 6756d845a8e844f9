"""Keeping the library file healthy: checks, repairs, backups and restores.

:func:`check` runs SQLite's integrity and foreign-key checks, the full-text indexes' own
integrity checks, looks for rows whose parent is gone, and for anchored things (mentions,
notes, codings) whose exact text no longer matches the article. :func:`repair` fixes what
can be fixed safely: it rebuilds the full-text indexes and re-finds note anchors. Backups go
through SQLite's online backup API, so they are consistent even while the GUI has the
library open; :func:`auto_backup` keeps one a day and drops the oldest beyond ``keep``.
Every function takes the open :class:`~reader.library.Library` (a restore takes paths: it
needs every connection closed). Re-extracting the entities of articles whose mentions went
stale is analysis work: :mod:`reader.services.maintenance` adds it to a repair.

Every :class:`Problem` has a ``kind`` and the ``params`` its sentence is made of (``detail``
is that sentence in English, for the command line), and every step a repair took is a
:class:`Step` of the same shape, so a translated window can write both in its own words:

=============== ===========================================================================
problem kind    params
=============== ===========================================================================
integrity       ``message``: SQLite's own line (English, from SQLite)
foreign_key     ``table``, ``row``, ``parent``: a row whose parent row is gone
search_index    ``table``, ``of`` (``articles`` or ``notes``), ``stemmed`` (true: damaged)
mentions        ``count``, ``articles`` (the first ten ids), ``article_count``
anchor          ``note``: the note whose passage moved
entity_counts   ``count``: entities with a wrong mention count
codings         ``count``: codings whose passage moved
=============== ===========================================================================

The report's ``counts`` say what was checked: ``articles`` in the library and, apart,
``trashed`` (articles in the trash, which the check goes through too), then ``notes``,
``entities``, ``mentions`` and ``codings`` (every row, the trashed articles' too).

Repair steps: ``search_indexes`` (none), ``entity_counts`` (none), ``note_anchors``
(``moved``, ``lost``), ``coding_places`` (``refound``, ``dropped``) and, from
:mod:`reader.services.maintenance`, ``reextracted`` (``count``).

A backup of an encrypted library is encrypted with the same passphrase (automatic ones
too), and checking or restoring one takes that passphrase (by default the one this
process keeps for the library).
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.library import cipher, search_schema
from reader.library import words_index_schema as _words_schema
from reader.library.anchors import Anchor, reanchor
from reader.library.entities import miscounted as entity_counts_wrong
from reader.library.entities import recount
from reader.library.errors import (
    DETACHED_MESSAGE,
    InvalidInputError,
    LibraryInUseError,
    LibraryLockedError,
)
from reader.library.exclusive import exclusive_access, open_read_only, replace_contents
from reader.library.library import Library
from reader.library.schema import SCHEMA_VERSION
from reader.library.statuses import AnchorStatus, CodingMethod, CodingStatus

if TYPE_CHECKING:
    from sqlite_utils import Database

FTS_TABLES = ("articles_fts", "notes_fts")
#: The stemmed indexes (migration 10): checked for damage, rebuilt by stemming again.
STEM_TABLES = ("articles_stem_fts", "notes_stem_fts")
AUTO_PREFIX = "auto-"
_AUTO_NAME = re.compile(r"^auto-(\d{8})\.sqlite$")
#: The names backups get in a folder (``backup DEST/``, the automatic ones).
BACKUP_NAMES = ("fieldreader-*.sqlite", f"{AUTO_PREFIX}*.sqlite")


def fnmatch_escape(name: str) -> str:
    """``name`` as a glob pattern that matches only itself."""
    return re.sub(r"([*?\[])", r"[\1]", name)


@dataclass(slots=True)
class Problem:
    """One thing :func:`check` found wrong: its kind, the sentence in English (``detail``)
    and what that sentence is made of (``params``, see the module doc)."""

    kind: str
    detail: str
    repairable: bool = False
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "repairable": self.repairable,
            "params": self.params,
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One thing a repair did: its kind, the sentence in English and its parameters."""

    kind: str
    detail: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "params": self.params}


@dataclass(slots=True)
class Report:
    """What a check found, and what a repair did (``repaired``: the steps' sentences,
    ``steps``: the steps themselves)."""

    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add_step(self, step: Step) -> None:
        """Record a repair step (its sentence goes to ``repaired`` too)."""
        self.steps.append(step)
        self.repaired.append(step.detail)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": [p.as_json() for p in self.problems],
            "repaired": self.repaired,
            "counts": self.counts,
            "steps": [s.as_json() for s in self.steps],
        }


def _fts_ok(db: Database, table: str, rank: int = 1) -> bool:
    """FTS5's own integrity check of ``table``: with ``rank`` 1 it also compares the index
    with the content table; 0 checks the index's structure only (what the stemmed indexes
    allow: their content is the original words, the index holds their stems)."""
    try:
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', {rank})")
    except sqlite3.DatabaseError:
        return False
    return True


def _words_held(db: Database) -> bool:
    """Whether a committed row holds ``articles_fts``'s insert trigger aside (only a
    writer's open transaction may: :mod:`reader.library.words_index_schema`)."""
    table = _words_schema.HOLD_TABLE
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is None:
        return False
    return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def _mismatched_mentions(db: Database) -> list[tuple[int, int]]:
    rows = db.execute(
        "SELECT m.id, m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        'WHERE substr(a.text, m.start + 1, m."end" - m.start) != m.surface'
    )
    return [(int(i), int(a)) for i, a in rows]


def _mismatched_notes(db: Database) -> list[int]:
    rows = db.execute(
        "SELECT n.id FROM notes n JOIN articles a ON a.id = n.article_id "
        "WHERE n.quote IS NOT NULL AND n.anchor_status = ? "
        'AND substr(a.text, n.start + 1, n."end" - n.start) != n.quote',
        [AnchorStatus.OK.value],
    )
    return [int(r[0]) for r in rows]


def _mismatched_codings(db: Database) -> list[int]:
    rows = db.execute(
        "SELECT c.id FROM codings c JOIN articles a ON a.id = c.article_id "
        'WHERE substr(a.text, c.start + 1, c."end" - c.start) != c.text'
    )
    return [int(r[0]) for r in rows]


def articles_with_stale_mentions(library: Library) -> list[int]:
    """Articles whose entity mentions no longer match their text (re-extract them)."""
    return sorted({a for _, a in _mismatched_mentions(library.db)})


def _indexed(table: str) -> str:
    """What a search index covers: ``articles`` or ``notes``."""
    return table.split("_", 1)[0]


def check(library: Library) -> Report:
    """Everything that can be checked without changing the file."""
    db = library.db
    report = Report()
    result = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        for line in result[:20]:
            report.problems.append(Problem("integrity", line, params={"message": line}))
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()[:50]:
        report.problems.append(
            Problem(
                "foreign_key",
                f"{table} row {rowid} points to a missing {parent} row",
                params={"table": table, "row": rowid, "parent": parent},
            )
        )
    for table in FTS_TABLES:
        if not _fts_ok(db, table) or (table == "articles_fts" and _words_held(db)):
            report.problems.append(
                Problem(
                    "search_index",
                    f"the {table} index does not match its table",
                    True,
                    {"table": table, "of": _indexed(table), "stemmed": False},
                )
            )
    for table in STEM_TABLES:
        if not _fts_ok(db, table, rank=0):
            report.problems.append(
                Problem(
                    "search_index",
                    f"the stemmed search index {table} is damaged",
                    True,
                    {"table": table, "of": _indexed(table), "stemmed": True},
                )
            )
    mentions = _mismatched_mentions(db)
    if mentions:
        articles = sorted({a for _, a in mentions})
        report.problems.append(
            Problem(
                "mentions",
                f"{len(mentions)} entity mentions no longer match the text of articles "
                f"{', '.join(map(str, articles[:10]))} (run 'fieldreader reextract')",
                params={
                    "count": len(mentions),
                    "articles": articles[:10],
                    "article_count": len(articles),
                },
            )
        )
    for note_id in _mismatched_notes(db):
        report.problems.append(
            Problem(
                "anchor", f"note {note_id} no longer matches its passage", True, {"note": note_id}
            )
        )
    wrong = entity_counts_wrong(db)
    if wrong:
        report.problems.append(
            Problem(
                "entity_counts",
                f"{wrong} entities carry wrong mention counts",
                True,
                {"count": wrong},
            )
        )
    codings = _mismatched_codings(db)
    if codings:
        report.problems.append(
            Problem(
                "codings",
                f"{len(codings)} codings no longer match their passage",
                params={"count": len(codings)},
            )
        )
    report.counts.update(_counts(db))
    return report


def _counts(db: Database) -> dict[str, int]:
    """What a check went through: the articles in the library and, apart, those in the
    trash (``trashed``), then every note, entity, mention and coding (those of trashed
    articles too: they are checked all the same)."""
    library, trashed = db.execute(
        "SELECT count(*) - count(trashed), count(trashed) FROM articles"
    ).fetchone()
    counts = {"articles": int(library), "trashed": int(trashed)}
    for table in ("notes", "entities", "mentions", "codings"):
        counts[table] = int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return counts


def repair(library: Library) -> Report:
    """Fix what is safe to fix (search indexes, note anchors, entity counts, codings' places)
    in one transaction, then check again."""
    db = library.db
    done: list[Step] = []
    with library.transaction():
        if _words_held(db):  # a hold left behind: other programs' inserts go unindexed
            db.execute(f"DELETE FROM {_words_schema.HOLD_TABLE}")
        for table in FTS_TABLES:
            db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        search_schema.reindex(db)  # the stemmed indexes: every row stemmed again
        done.append(Step("search_indexes", "rebuilt the search indexes"))
        if entity_counts_wrong(db):
            recount(db)
            done.append(Step("entity_counts", "recounted the entities' mentions"))
        from reader.library import notes as _notes  # read only when notes need re-anchoring

        moved, lost = _notes.reanchor(db, _mismatched_notes(db))
        if moved or lost:
            done.append(
                Step(
                    "note_anchors",
                    f"re-anchored {len(moved)} notes; flagged {len(lost)} as unresolved",
                    {"moved": len(moved), "lost": len(lost)},
                )
            )
        refound = dropped = 0
        for coding_id in _mismatched_codings(db):
            start, end, quote, method, status, article_id, text = db.execute(
                'SELECT c.start, c."end", c.text, c.method, c.status, a.id, a.text FROM codings c '
                "JOIN articles a ON a.id = c.article_id WHERE c.id = ?",
                [coding_id],
            ).fetchone()
            place = reanchor(text, Anchor(start, end, quote, "", ""))
            if place is not None:
                db.execute(
                    'UPDATE codings SET start = ?, "end" = ? WHERE id = ?', [*place, coding_id]
                )
                refound += 1
            elif status == CodingStatus.SUGGESTED and CodingMethod.of(method) is CodingMethod.RULE:
                db.execute("DELETE FROM codings WHERE id = ?", [coding_id])
                db.execute("DELETE FROM coding_runs WHERE article_id = ?", [article_id])
                dropped += 1
        if refound or dropped:
            done.append(
                Step(
                    "coding_places",
                    f"re-found {refound} codings; dropped {dropped} stale rule suggestions "
                    "(the rules run again on those articles)",
                    {"refound": refound, "dropped": dropped},
                )
            )
    report = check(library)
    for step in done:
        report.add_step(step)
    return report


#: What a backup or a restore writes first, beside its target: the target is complete
#: only once this is renamed to it. ``.restoring`` was what restores of earlier versions
#: wrote.
PARTIAL_SUFFIXES = (".partial", ".restoring")
#: The files SQLite keeps beside one it writes.
_SIDE_SUFFIXES = ("", "-journal", "-wal", "-shm")
_LEFTOVER = re.compile(r"^(?P<target>.+?)(?P<kind>\.partial|\.restoring)(?:-journal|-wal|-shm)?$")


def _in_use(path: Path) -> bool:
    """Whether some connection is writing the SQLite file ``path`` right now."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(path, timeout=0)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    except sqlite3.DatabaseError:
        return False  # not a database (a copy cut short): nobody can be using it
    finally:
        conn.close()
    return False


def clean_leftovers(folder: Path, targets: Sequence[str]) -> list[Path]:
    """Remove what a failed or killed backup or restore left in ``folder``: the partial
    copy of a target whose name matches one of ``targets`` (glob patterns), with the
    journal, WAL and shared-memory files beside it, unless something is writing it now.
    Returns what was removed."""
    removed: list[Path] = []
    try:
        names = sorted(p.name for p in Path(folder).iterdir())
    except OSError:
        return removed
    bases = set()
    for name in names:
        match = _LEFTOVER.match(name)
        if match and any(fnmatch.fnmatchcase(match["target"], t) for t in targets):
            bases.add(match["target"] + match["kind"])
    for base in sorted(bases):
        partial = Path(folder) / base
        if _in_use(partial):
            continue
        for suffix in _SIDE_SUFFIXES:
            side = Path(str(partial) + suffix)
            try:
                side.unlink()
            except FileNotFoundError:
                continue
            except OSError:
                continue  # not ours to remove after all (permissions): left as it is
            removed.append(side)
    return removed


def _remove_partial(partial: Path) -> None:
    for suffix in _SIDE_SUFFIXES:
        Path(str(partial) + suffix).unlink(missing_ok=True)


def _copy_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """A copy of the database on ``conn`` at ``dest``, in rollback-journal mode, written
    beside it first so that ``dest`` appears whole or not at all."""
    partial = dest.with_name(dest.name + ".partial")
    _remove_partial(partial)
    try:
        target = cipher.open_like(conn, partial)
        try:
            conn.backup(target)  # type: ignore[arg-type]  # either kind of connection
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        partial.replace(dest)
    except BaseException:
        _remove_partial(partial)
        raise
    return dest


def backup(library: Library, dest: Path) -> Path:
    """A consistent copy of the open library at ``dest`` (a file, or a folder to put it in).

    What an earlier backup to the same place left behind when it failed or was killed
    (``<name>.partial`` and its journal) is removed first.
    """
    if library.detached:
        raise LibraryLockedError(DETACHED_MESSAGE)
    dest = Path(dest).expanduser()
    if dest.is_dir():
        clean_leftovers(dest, BACKUP_NAMES)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        dest = dest / f"fieldreader-{stamp}.sqlite"
    else:
        clean_leftovers(dest.parent, [fnmatch_escape(dest.name)])
    if dest.exists():
        raise FileExistsError(f"{dest} already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    return _copy_to(library.db.conn, dest)


def validate_backup(path: Path, passphrase: str | None = None) -> int:
    """The schema version of a backup file; :class:`InvalidInputError` when it is not a
    usable library. An encrypted one opens with ``passphrase`` (by default each one this
    process keeps)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInputError(f"{path} is not a file")
    try:
        conn = open_read_only(path, passphrase)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInputError(f"{path.name} is not a Fieldreader library ({exc})") from exc
    if "articles" not in tables or version < 1:
        raise InvalidInputError(f"{path.name} is not a Fieldreader library")
    if version > SCHEMA_VERSION:
        raise InvalidInputError(
            f"{path.name} was written by a newer Fieldreader (schema {version})"
        )
    if ok != "ok":
        raise InvalidInputError(f"{path.name} is damaged ({ok})")
    return version


def restore(library_path: Path, backup_path: Path, passphrase: str | None = None) -> Path:
    """Replace what the library holds with a backup; its current contents are kept aside
    first, as ``<stem>.before-restore-<time>.sqlite``, whose path is returned.

    Refuses with :class:`LibraryInUseError`, changing nothing, while another connection
    has the library open (the caller closes its own first: the window detaches). The
    backup is copied into the file itself, under the exclusive lock, so the file is never
    swapped under anyone and no ``-wal``/``-shm`` is deleted. Leftovers of a restore that
    was killed are removed first. The restored library is migrated to the current schema.
    An encrypted library takes ``passphrase`` (by default the one this process keeps for
    it), and only a backup encrypted with it.
    """
    library_path = Path(library_path).expanduser()
    passphrase = passphrase or cipher.remembered(library_path)
    validate_backup(backup_path, passphrase)
    kept = _kept_name(library_path)
    had_contents = library_path.is_file() and library_path.stat().st_size > 0
    try:
        with exclusive_access(library_path, migrate=False, passphrase=passphrase) as held:
            clean_leftovers(library_path.parent, _restore_leftovers(library_path))
            if had_contents:
                _keep_aside(held, kept)
            replace_contents(held, backup_path)
    except LibraryInUseError:
        raise
    except sqlite3.DatabaseError as exc:
        if not had_contents or not _is_not_a_database(exc):
            raise
        _replace_damaged(library_path, backup_path, kept)
    return kept


def _kept_name(library_path: Path) -> Path:
    """Where a restore keeps the library it replaces: a name no earlier restore took."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = library_path.with_name(f"{library_path.stem}.before-restore-{stamp}.sqlite")
    n = 1
    while kept.exists():
        n += 1
        kept = library_path.with_name(f"{library_path.stem}.before-restore-{stamp}-{n}.sqlite")
    return kept


def _keep_aside(held: Library, kept: Path) -> None:
    """Copy the exclusively held library to ``kept``; its bytes when it is too damaged
    for SQLite to copy it page by page."""
    try:
        _copy_to(held.db.conn, kept)
    except sqlite3.DatabaseError as exc:
        if not _is_not_a_database(exc) or held.path is None:
            raise
        shutil.copyfile(held.path, kept)
        wal = Path(str(held.path) + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(str(kept) + "-wal"))


def _restore_leftovers(library_path: Path) -> list[str]:
    stem = fnmatch_escape(library_path.stem)
    return [fnmatch_escape(library_path.name), f"{stem}.before-restore-*.sqlite"]


def _is_not_a_database(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc)
    return "not a database" in text or "malformed" in text


def _replace_damaged(library_path: Path, backup_path: Path, kept: Path) -> None:
    """Restore over a file SQLite cannot read at all (so nobody can be using it): keep its
    bytes (and any WAL beside it) aside, then put a copy of the backup in its place."""
    shutil.copyfile(library_path, kept)
    for suffix in ("-wal", "-shm"):  # SQLite would apply a WAL left here to the new file
        side = Path(str(library_path) + suffix)
        if side.exists():
            side.replace(Path(str(kept) + suffix))
    restoring = library_path.with_name(library_path.name + ".restoring")
    try:
        shutil.copyfile(backup_path, restoring)
        restoring.replace(library_path)
    except BaseException:
        restoring.unlink(missing_ok=True)
        raise


def backups_folder(library_path: Path) -> Path:
    """Where automatic backups of a library live: ``backups/`` beside it."""
    return Path(library_path).parent / "backups"


def auto_backup(library: Library, library_path: Path | None = None, keep: int = 7) -> Path | None:
    """Today's automatic backup (made if missing) beside the library (``library_path``,
    by default its own file), dropping all but the newest ``keep``."""
    library_path = library_path or library.path
    if library_path is None:
        raise InvalidInputError("an in-memory library has no folder for its backups")
    folder = backups_folder(library_path)
    folder.mkdir(parents=True, exist_ok=True)
    today = folder / f"{AUTO_PREFIX}{datetime.now(UTC):%Y%m%d}.sqlite"
    clean_leftovers(folder, BACKUP_NAMES)
    made = None if today.exists() else backup(library, today)
    autos = sorted(p for p in folder.iterdir() if _AUTO_NAME.match(p.name))
    for old in autos[: max(0, len(autos) - max(1, keep))]:
        old.unlink(missing_ok=True)
    return made
