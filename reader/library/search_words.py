"""Words as the search sees them: cut from text, folded, and stemmed for a language.

The stemmed search index holds, for every word of an article, one *index form*: the word
lower-cased, its accents and ligatures folded (``Cœur`` and ``coeur`` are ``coeur``,
``sécurité`` is ``securite``, Russian ``ё`` is ``е``), then reduced by the Snowball stemmer
of the article's language (PyStemmer), so ``minerais`` and ``minerai`` share a form, as do
``négociations`` and ``negociation``. An article of no known language is stemmed as English;
a language Snowball has no stemmer for (Ukrainian) is folded only. Cyrillic letters keep
their marks (``й``, ``ї``), and an apostrophe inside a Cyrillic word (``м'ясо``) stays in it.

Which Snowball algorithm a language uses is data: the ``snowball`` key of
``resources/languages/<code>/language.json`` (``null``: none), else the ISO code's entry in
``resources/languages/snowball.json``. :data:`FORMS_VERSION` names this whole recipe; the
index is rebuilt when it changes.

:func:`index_text` gives the index forms of a text (one per word, in order, joined by
spaces, so phrase and ``NEAR`` queries keep their meaning); :func:`query_forms` the forms a
query word may take in any of the library's languages; :func:`words` the words of a text
with their offsets (for snippets and for highlighting what matched).
"""

from __future__ import annotations

import functools
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

import Stemmer

from reader.resources import resource_path

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "DEFAULT_LANGUAGE",
    "WORD",
    "FORMS_VERSION",
    "algorithm_for",
    "fold",
    "forms_for",
    "index_text",
    "language_code",
    "query_forms",
    "words",
    "words_from",
]

#: What the index assumes of an article whose language is not known.
DEFAULT_LANGUAGE = "en"
#: Bumped whenever tokenising, folding or the choice of stemmers changes what is indexed.
FORMS_VERSION = f"3/PyStemmer {Stemmer.version()}"

_CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
_APOSTROPHES = "'\u2019\u02bc"
#: A word: letters and digits (with combining marks), an apostrophe kept between Cyrillic
#: letters. ``_`` and punctuation separate words, as FTS5's ``unicode61`` does.
WORD = re.compile(
    rf"[^\W_](?:[^\W_]|[\u0300-\u036f]|(?<=[{_CYRILLIC}])[{_APOSTROPHES}](?=[{_CYRILLIC}]))*"
)
#: Latin letters lose their marks; these do not decompose into a letter and marks.
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th"}
_CACHE_LIMIT = 200_000
#: One mark (an offset in the text) per this many words: see :func:`words_from`.
MARK_EVERY = 128


@functools.cache
def _fold_table() -> dict[int, str]:
    """What :func:`fold` maps non-ASCII characters to (made at the first one it meets)."""
    table: dict[int, str] = {ord(c): "" for c in map(chr, range(0x300, 0x370))}
    ranges = [(0xC0, 0x250), (0x1E00, 0x1F00), (0xFB00, 0xFB07)]
    for start, end in ranges:
        for code in range(start, end):
            ch = chr(code).lower()
            if ch in _LIGATURES:
                table[code] = _LIGATURES[ch]
                continue
            decomposed = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            if base != chr(code):
                table[code] = base.lower()
    for ch, folded in _LIGATURES.items():
        table[ord(ch)] = folded
    table[ord("ё")] = "е"
    for apostrophe in _APOSTROPHES:
        table[ord(apostrophe)] = "\u02bc"  # a letter to FTS5: the word stays whole
    return table


def fold(word: str) -> str:
    """``word`` lower-cased, Latin accents and ligatures folded (Cyrillic marks kept)."""
    low = word.lower()
    if low.isascii():
        return low
    return unicodedata.normalize("NFC", low).translate(_fold_table())


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` in order, as matches (``.group()``, ``.start()``, ``.end()``)."""
    return WORD.finditer(text)


# -- languages and their stemmers -----------------------------------------------------------------
def language_code(language: str | None) -> str:
    """``language`` as a bare ISO 639-1 code (``fr-FR`` is ``fr``); unknown: English."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else DEFAULT_LANGUAGE


@functools.cache
def _languages_folder() -> Path:
    # found once: finding the resources folder resolves a path, the file system's work
    return resource_path("languages")


@functools.cache
def _fallback_map() -> dict[str, str]:
    try:
        raw = json.loads((_languages_folder() / "snowball.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    table = raw.get("algorithms", {}) if isinstance(raw, dict) else {}
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}


def _language_data(code: str) -> dict[str, Any] | None:
    try:
        raw = json.loads((_languages_folder() / code / "language.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


@functools.cache
def algorithm_for(language: str | None) -> str | None:
    """The Snowball algorithm for ``language`` (``"french"``), or None: fold only."""
    return _algorithm_of(language_code(language))


@functools.cache
def _algorithm_of(code: str) -> str | None:
    # by code: ``None``, ``en`` and ``en-GB`` read the language's file once between them
    data = _language_data(code)
    if data is not None and "snowball" in data:
        named = data["snowball"]
    else:
        named = _fallback_map().get(code)
    if isinstance(named, str) and named in Stemmer.algorithms():
        return named
    return None


_local = threading.local()  # PyStemmer's stemmers must not be shared between threads


def _stemmer(algorithm: str) -> Any:
    stemmers: dict[str, Any] = getattr(_local, "stemmers", None) or {}
    _local.stemmers = stemmers
    if algorithm not in stemmers:
        stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    return stemmers[algorithm]


_forms: dict[str | None, dict[str, str]] = {}


def forms_for(tokens: Sequence[str], algorithm: str | None) -> list[str]:
    """The index form of each of ``tokens`` (words as cut by :func:`words`)."""
    cache = _forms.setdefault(algorithm, {})
    missing = list({t for t in tokens if t not in cache})
    if missing:
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
        folded = [fold(t) for t in missing]
        stems = folded if algorithm is None else _stemmer(algorithm).stemWords(folded)
        for token, low, stem in zip(missing, folded, stems, strict=True):
            cache[token] = stem or low
    return [cache[t] for t in tokens]


def _byte_table() -> bytes:
    """ASCII letters lower-cased, digits kept, every other ASCII byte a space; bytes of
    other characters (UTF-8's 0x80-0xFF) kept, to be cut by :data:`WORD`."""
    table = bytearray(b" " * 128 + bytes(range(128, 256)))
    for ch in b"abcdefghijklmnopqrstuvwxyz0123456789":
        table[ch] = ch
    for ch in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ch] = ch + 32
    table[ord("'")] = ord("'")  # between Cyrillic letters it belongs to the word
    return bytes(table)


_BYTES = _byte_table()
_chunks: dict[str | None, dict[bytes, bytes]] = {}


def _chunk_forms(chunk: bytes, algorithm: str | None) -> bytes:
    """The index forms of one run of ``chunk`` (ASCII punctuation and spaces cut out
    already), joined by spaces; empty when it holds no word."""
    if chunk.isalnum():  # ASCII letters and digits: one word, lower-cased already
        return forms_for([chunk.decode("ascii")], algorithm)[0].encode("utf-8")
    tokens = WORD.findall(chunk.decode("utf-8"))
    return " ".join(forms_for(tokens, algorithm)).encode("utf-8")


def index_text(text: str | None, language: str | None) -> str:
    """The index forms of ``text``'s words in ``language``, in order, joined by spaces.

    The same as the forms of :data:`WORD`'s words, computed faster: the text is cut at
    ASCII punctuation and spaces as bytes, and each distinct run is stemmed once (a run
    with other characters is cut by :data:`WORD` itself)."""
    if not text:
        return ""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the slow way
        return " ".join(forms_for(WORD.findall(text), algorithm_for(language)))
    algorithm = algorithm_for(language)
    cache = _chunks.setdefault(algorithm, {})
    runs = data.translate(_BYTES).split()
    missing = set(runs).difference(cache)
    if missing:
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
        for run in missing:
            cache[run] = _chunk_forms(run, algorithm)
    return b" ".join(filter(None, map(cache.__getitem__, runs))).decode("utf-8")


def words_from(text: str, number: int, marks: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` from word ``number`` on (0 is the first), using ``marks``."""
    offsets = marks.split() if marks else []
    k = min(number // MARK_EVERY, len(offsets))
    start = int(offsets[k - 1]) if k else 0
    return islice(WORD.finditer(text, start), number - k * MARK_EVERY, None)


def query_forms(word: str, algorithms: Iterable[str | None]) -> list[str]:
    """The forms ``word`` takes under each of ``algorithms`` (repeats dropped, in order)."""
    out: list[str] = []
    for algorithm in algorithms:
        form = forms_for([word], algorithm)[0]
        if form not in out:
            out.append(form)
    return out
