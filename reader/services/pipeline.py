"""Reading and extracting many files in parallel, in order, for a single writer.

Parsing a file and finding its entities is CPU work that needs no library connection, so
for a large import it runs in a pool of worker processes (:func:`worker_count`: one per
core) while the calling thread stays the only writer to the library. Results come back
in input order through a bounded window, so memory stays flat however many files there
are, and the caller can stop at any point (cancel) without losing what was stored. A
worker ignores Ctrl+C (the caller handles it and the pool ends its workers), a file that
makes a reader or the extractor fail fails alone, and a worker that dies (a crash in a
C library) stops the run with :class:`WorkerCrashedError`, naming the first file not read.
What comes back is pickled, as plain values (:func:`_wire`): an article as the values of its
draft's fields with its blocks and mentions as tuples and only the hash and forms of its
:class:`~reader.library.draft.Ahead`, rebuilt here (:func:`_unwire`; a mention as a
:class:`MentionRow`, which is all the library reads of it): about 20 µs of pickling in
the worker and 50 µs of unpickling and rebuilding here per Reuters article, where pickling
the objects took 55 µs and unpickling them 80 to 150 µs (frozen dataclasses unpickle
through ``__setstate__``, field by field, and a mention was rebuilt by its constructor).

:func:`complete_draft` is the step every article takes between its reader and the library,
whatever its format: its language (the one the user named for the import, else the one
its metadata gives, else the one :func:`~reader.analysis.languages.detect_language` finds,
else unknown) and, when its metadata has no date, the date of its dateline
(:func:`~reader.ingest.dates.dateline_date`); then what the writer would otherwise
compute for it (:func:`~reader.library.writer.ahead_of`: the text's hash and its stemmed
search forms), so in a large import that work runs in the workers, beside the reading,
and the single writer only inserts.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from reader.analysis.corrections import Corrections
from reader.analysis.entities import Extractor
from reader.analysis.languages import GUESS_CHARS, detect_language, normalise_code
from reader.ingest.dates import dateline_date
from reader.ingest.readers import Incoming, display_path, read_inputs
from reader.library.draft import Ahead, Block, Draft, Original
from reader.library.entities import MentionLike
from reader.library.errors import InvalidInputError
from reader.library.writer import ahead_of

#: Fewer files than this are read in the calling process (a pool costs ~0.3 s to start).
PARALLEL_MIN_FILES = 48
#: Files handed to a worker at a time, and how many batches may wait per worker.
CHUNK = 8
WINDOW_PER_WORKER = 4
#: At least this many files are read ahead, whatever the number of workers: enough for
#: the workers to go on while the writer stores a transaction's worth of articles
#: (:data:`reader.services.importing.BATCH_ARTICLES`), instead of waiting for it.
READ_AHEAD_FILES = 256

#: What one file gave: each article (or the reason it could not be read) and its mentions
#: (:class:`~reader.analysis.entities.Mention`, or :class:`MentionRow` from a worker).
PreparedFile = list[tuple[Incoming, Sequence[MentionLike]]]

_extractor: Extractor | None = None


class MentionRow(NamedTuple):
    """A mention as a worker process sends it back: the fields of its
    :class:`~reader.analysis.entities.Mention` (all the library reads of one)."""

    start: int
    end: int
    name: str
    type: str
    surface: str


#: A draft's fields in the order its constructor takes them, read in one call.
_DRAFT_FIELDS = tuple(f.name for f in fields(Draft))
_draft_values = attrgetter(*_DRAFT_FIELDS)
_BLOCKS = _DRAFT_FIELDS.index("blocks")
_AHEAD = _DRAFT_FIELDS.index("ahead")

#: An article on its way back from a worker: True and the values :func:`_unwire` rebuilds
#: it from, or False and the :class:`Incoming` as it is (one that could not be read).
Wire = tuple[Any, ...]


def _wire(item: Incoming, mentions: Sequence[MentionLike]) -> Wire:
    """``item`` and its mentions as plain values (:func:`_unwire` rebuilds them)."""
    draft, original = item.draft, item.original
    ahead = draft.ahead if draft is not None else None
    if draft is None or item.error is not None or ahead is None or not ahead.fits(draft):
        return (False, item, [(m.start, m.end, m.name, m.type, m.surface) for m in mentions])
    values = list(_draft_values(draft))
    values[_BLOCKS] = [(b.kind, b.start, b.end) for b in draft.blocks]
    values[_AHEAD] = None
    return (
        True,
        values,
        (ahead.recipe, ahead.text_hash, ahead.forms),
        None if original is None else (original.filename, original.data),
        [(m.start, m.end, m.name, m.type, m.surface) for m in mentions],
    )


_row = MentionRow._make


def _unwire(wire: Wire) -> tuple[Incoming, list[MentionRow]]:
    """The article and mentions :func:`_wire` sent: equal to what the worker had."""
    if not wire[0]:
        return wire[1], list(map(_row, wire[2]))
    _, values, (recipe, text_hash, forms), original, mentions = wire
    values[_BLOCKS] = [Block(*block) for block in values[_BLOCKS]]
    draft = Draft(*values)
    draft.ahead = Ahead(
        title=draft.title,
        text=draft.text,
        source=draft.source,
        language=draft.language,
        recipe=recipe,
        text_hash=text_hash,
        forms=forms,
    )
    return (
        Incoming(draft, None if original is None else Original(*original)),
        list(map(_row, mentions)),
    )


class WorkerCrashedError(RuntimeError):
    """A worker process ended abruptly: the files from the first one not yet yielded on
    were not read."""


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed, crashed)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _init(rows: list[tuple[str, str, str]], parent: int) -> None:
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle
    _extractor = Extractor(corrections=Corrections.from_rows(rows))
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1, or 639-3 where a language has no 639-1 code


def check_language(code: str | None) -> str | None:
    """``code`` as an import stores it (``"FR"``, ``"fr-CA"`` -> ``"fr"``; None stays None);
    :class:`InvalidInputError` when it is not a language code (two letters, or three as
    ``article edit`` takes)."""
    if code is None:
        return None
    normalised = normalise_code(code)
    if normalised is None or not _CODE.fullmatch(normalised):
        raise InvalidInputError(
            f"not a language code: {code[:40]!r} (use two or three letters, e.g. en, fr or uk)"
        )
    return normalised


def complete_draft(draft: Draft, language: str | None = None) -> Draft:
    """Give ``draft`` its language and, when it has none, the date of its dateline (in place),
    then its hash and search forms (:attr:`~reader.library.draft.Draft.ahead`).

    ``language`` (already checked) overrides what the file says; otherwise the metadata's
    language stays and a missing one is detected from the title and text (None: unsure).
    """
    if language is not None:
        draft.language = language
    else:
        declared = normalise_code(draft.language)
        draft.language = declared if declared and _CODE.fullmatch(declared) else None
        if draft.language is None:
            # (detection reads the first GUESS_CHARS characters: no copy of a long text)
            head = draft.text[:GUESS_CHARS]
            draft.language = detect_language(f"{draft.title}\n\n{head}")
    if draft.published is None:
        draft.published = dateline_date(draft.text, draft.language)
    draft.ahead = ahead_of(draft)
    return draft


def prepare_file(path: Path, extractor: Extractor, language: str | None = None) -> PreparedFile:
    """The articles of one file with their mentions (never raises for a bad file).

    ``language`` (checked by :func:`check_language`) is the one the user named for them.
    """
    out: PreparedFile = []
    for item in read_inputs(path):
        if item.draft is None or item.error is not None:
            out.append((item, []))
            continue
        try:
            complete_draft(item.draft, language)
            out.append((item, extractor.extract(item.draft.text, item.draft.language)))
        except Exception as exc:  # the extractor failing on one text fails it alone
            reason = f"its entities could not be found ({type(exc).__name__}: {exc})"
            out.append((Incoming(None, None, reason), []))
    return out


def _prepare_chunk(paths: list[str], language: str | None = None) -> list[list[Wire]]:
    extractor = _extractor
    assert extractor is not None
    return [
        [_wire(item, mentions) for item, mentions in prepare_file(Path(path), extractor, language)]
        for path in paths
    ]


#: The most worker processes an import starts, however many cores there are.
MAX_WORKERS = 8


def cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system says)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # no affinity on this system (macOS, Windows)
        return os.cpu_count() or 1


def worker_count() -> int:
    """How many worker processes to use: one per core this process may use (the writer,
    a third of the work per article, shares them), at most :data:`MAX_WORKERS`."""
    return max(1, min(MAX_WORKERS, cores()))


def _context() -> multiprocessing.context.BaseContext:
    # never fork: the caller may be a GUI process with threads; spawned workers are our
    # own children, so they can tell when we are gone
    return multiprocessing.get_context("spawn")


def prepare_in_parallel(
    files: Sequence[Path],
    correction_rows: list[tuple[str, str, str]],
    *,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    language: str | None = None,
) -> Iterator[tuple[Path, PreparedFile]]:
    """``(path, [(incoming, mentions), ...])`` for each file, in order (``language``: the
    one the user named for them, checked by :func:`check_language`)."""
    workers = workers or worker_count()
    ahead = max(workers * WINDOW_PER_WORKER, READ_AHEAD_FILES // CHUNK)
    chunks = [list(files[i : i + CHUNK]) for i in range(0, len(files), CHUNK)]
    window: deque[tuple[list[Path], Future[list[list[Wire]]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init,
        initargs=(correction_rows, os.getpid()),
    ) as pool:
        pending = iter(chunks)
        try:
            while True:
                while len(window) < ahead:
                    chunk = next(pending, None)
                    if chunk is None:
                        break
                    window.append(
                        (chunk, pool.submit(_prepare_chunk, [str(p) for p in chunk], language))
                    )
                if not window:
                    return
                chunk, future = window[0]
                done = future.result()
                window.popleft()
                for path, wires in zip(chunk, done, strict=True):
                    prepared: PreparedFile = [_unwire(wire) for wire in wires]
                    yield path, prepared
                    if cancelled is not None and cancelled():
                        return
        except BrokenProcessPool as exc:
            first = display_path(window[0][0][0]) if window else None
            raise WorkerCrashedError(
                "a reading process ended abruptly (a file may have crashed it)"
                + (f"; nothing from {first} on was read" if first else "")
            ) from exc
        finally:
            for _, future in window:
                future.cancel()
