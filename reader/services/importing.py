"""Importing files, folders and URLs into the library: a pool reads, one writer stores.

:func:`import_paths` walks folders (:func:`reader.ingest.readers.iter_inputs`), reads each
file into articles (:func:`reader.ingest.readers.read_inputs`: refusing what is not text,
choosing the reader by extension), skips duplicates (same normalised text or same url),
extracts the entities and stores each article with its mentions whole or not at all
(:func:`reader.services.storing.store`). One bad file is reported and never stops the rest.
Every article gets its language (``language=`` names it for the whole import; otherwise the
file's metadata, else detection) and, when its metadata has no date, its dateline's
(:func:`reader.services.pipeline.complete_draft`). A duplicate given ``tags`` gets those
it lacks and is still reported ``duplicate``.
Progress and cancellation are plain callables, so the command line and the UI's tasks
share it.

Many files are read, and their entities and search forms found, in worker processes
(:mod:`reader.services.pipeline`), while the calling thread alone writes, up to
:data:`BATCH_ARTICLES` whole articles per transaction (all of them or none:
:meth:`reader.library.writer.ArticleWriter.batch`), so another writer (the window saving a
note) never waits long. An import that adds most of the library compacts the file at its end
(:func:`reader.library.writer.compact_after_import`).
Most inputs give one article; a feed file gives one per entry and so one
:class:`ImportResult` per entry. An ``http(s)://`` input is fetched, because the user asked
for it, by :func:`reader.services.sources.import_url`; when there is no connection it lands
in the read-later queue with the status ``queued``.

The results are appended, as each article lands, to a list the caller may pass (``into``):
when an error stops the whole run (the disk full, the library locked for longer than the
busy timeout, Ctrl+C, a worker process that died) it is raised, and that list still says
what was stored, so ``fieldreader import --json`` can always report it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from reader.analysis.entities import Extractor
from reader.ingest.readers import display_path, iter_inputs
from reader.library import Library
from reader.services.extraction import extractor_for
from reader.services.pipeline import (
    PARALLEL_MIN_FILES,
    PreparedFile,
    check_language,
    prepare_file,
    prepare_in_parallel,
)
from reader.services.steps import CancelledFn, ProgressFn
from reader.services.storing import ImportResult, store

__all__ = [
    "BATCH_ARTICLES",
    "BATCH_SECONDS",
    "ImportResult",
    "ProgressFn",
    "import_one",
    "import_paths",
    "store",
]

#: A write transaction holds at most this many articles, and the articles read meanwhile
#: wait at most this long to be written, so other writers never wait long (128 articles
#: take about 0.1 s to write; fewer, larger commits cost less: one WAL sync each, and each
#: adds a segment to the search indexes that FTS5 later merges).
BATCH_ARTICLES = 128
BATCH_SECONDS = 0.25


def _is_url(value: str | Path) -> bool:
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def import_one(
    library: Library,
    path: Path,
    tags: Iterable[str] = (),
    extractor: Extractor | None = None,
    *,
    language: str | None = None,
) -> list[ImportResult]:
    """Import one file (a feed file gives one result per entry); errors become results.

    ``language`` (an ISO 639-1 code) overrides the articles' own or detected language.
    """
    language = check_language(language)
    results: list[ImportResult] = []
    prepared = prepare_file(path, extractor or extractor_for(library), language)
    _store_file(library, path, prepared, list(tags), results)
    return results


def _store_file(
    library: Library,
    path: Path,
    prepared: PreparedFile,
    tags: list[str],
    results: list[ImportResult],
) -> None:
    """Store what one file gave, each article whole or not at all, appending its results
    as they land."""
    label = display_path(path)
    for incoming, mentions in prepared:
        # a duplicate's tags land with it, or not at all
        with library.transaction(), library.writer.batch():
            results.append(store(library, label, incoming, tags, mentions=mentions))


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    tags: Iterable[str] = (),
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    parallel: bool = True,
    into: list[ImportResult] | None = None,
    language: str | None = None,
) -> list[ImportResult]:
    """Import every input; ``progress(done, total, path)`` after each, stop when cancelled.

    ``language`` (an ISO 639-1 code such as ``"fr"``; ``"fr-CA"`` is taken as ``"fr"``) is
    stored for every article instead of what the files say or what detection finds; a
    value that is no such code raises :class:`~reader.library.errors.InvalidInputError`
    before anything is read. (A URL keeps its own or its detected language.)

    Many files are read and their entities found in worker processes (``parallel``), while
    this thread alone writes, a few whole articles per transaction. The results are
    appended to ``into`` (a new list by default, returned) as they land, so when an error
    stops the whole run (the disk full, the library locked for too long, Ctrl+C) and is
    raised, ``into`` holds everything stored before it.

    An ``http(s)://`` input is fetched (the user named it); the rest are files and folders.
    """
    checked = check_language(language)
    results: list[ImportResult] = [] if into is None else into
    with library.import_run():  # entity ids cached for the whole run
        _import(library, paths, list(tags), results, progress, cancelled, parallel, checked)
    return results


def _import(
    library: Library,
    paths: Iterable[str | Path],
    tags: list[str],
    results: list[ImportResult],
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
    parallel: bool,
    language: str | None,
) -> None:
    inputs: list[str | Path] = []
    for raw in paths:
        if _is_url(raw):
            inputs.append(str(raw))
        else:
            inputs.extend(iter_inputs([raw]))
    extractor: Extractor | None = None  # made once this thread extracts (workers have theirs)
    total = len(inputs)
    done = 0
    files = [i for i in inputs if isinstance(i, Path)]
    if parallel and len(files) >= PARALLEL_MIN_FILES:
        done = _import_files_in_parallel(
            library, files, tags, results, progress, cancelled, total=total, language=language
        )
        inputs = [i for i in inputs if isinstance(i, str)]
    for item in inputs:
        if cancelled is not None and cancelled():
            break
        done += 1
        extractor = extractor or extractor_for(library)
        if isinstance(item, str):
            # (the fetching stack, with TLS and lxml, loads only when a URL is named: a
            # process that imports files never needs it)
            from reader.services.sources import import_url

            results.extend(
                import_url(library, item, tags=tags, extractor=extractor, language=language)
            )
        else:
            _store_file(library, item, prepare_file(item, extractor, language), tags, results)
        if progress is not None:
            progress(done, total, display_path(item))


Prepared = tuple[Path, PreparedFile]


def _write_batch(
    library: Library, batch: list[Prepared], tags: list[str], results: list[ImportResult]
) -> None:
    """Store the articles of a few files in one transaction, all of them or none."""
    stored: list[ImportResult] = []
    # all of the batch or nothing: no savepoint per article (two statements each), so an
    # article that fails takes the batch with it
    with library.transaction(), library.writer.batch():
        for path, prepared in batch:
            label = display_path(path)
            for incoming, mentions in prepared:
                stored.append(store(library, label, incoming, tags, mentions=mentions))
    results.extend(stored)  # only once they are committed


def _import_files_in_parallel(
    library: Library,
    files: list[Path],
    tags: list[str],
    results: list[ImportResult],
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
    *,
    total: int,
    language: str | None = None,
) -> int:
    """Read and extract in worker processes; store here, a few articles per transaction.

    The transaction is opened only once a batch is read, so the write lock is held while
    writing, never while waiting for the workers. Returns how many files were done.
    """
    done = 0
    batch: list[Prepared] = []
    articles = 0
    first_waiting = 0.0

    def flush() -> None:
        nonlocal batch, articles, done
        todo, batch, articles = batch, [], 0
        if not todo:
            return
        _write_batch(library, todo, tags, results)
        for path, _prepared in todo:
            done += 1
            if progress is not None:
                progress(done, total, display_path(path))

    try:
        for path, prepared in prepare_in_parallel(
            files, library.correction_rows(), cancelled=cancelled, language=language
        ):
            if not batch:
                first_waiting = time.monotonic()
            batch.append((path, prepared))
            articles += len(prepared)
            if articles >= BATCH_ARTICLES or time.monotonic() - first_waiting > BATCH_SECONDS:
                flush()
    finally:
        flush()  # keep every whole article read so far, even when stopped
    return done
