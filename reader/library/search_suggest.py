""" "Did you mean": spellings from the library's own vocabulary for a query that found nothing.

The vocabulary is FTS5's own: ``articles_fts_vocab`` (``fts5vocab`` over the index of the
original words: every word of every article, lower-cased and accent-folded, with the
number of articles holding it). A query word is *known* when one of its forms is in the
stemmed index; each unknown word is replaced by the nearest known words: first those one
edit away (a letter left out, added, changed or two swapped; looked up directly), then, if
there are none, those two edits away among words of its first two letters and about its
length (at most :data:`SCAN_LIMIT` of them). Closer
comes first, then commoner. A suggestion is shown with the accents the text has
(``sécurité`` for ``securte``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from reader.library.handle import Connection
from reader.library.search_query import Leaf, Node, parse, prepare_query, unquote
from reader.library.search_words import algorithm_for, fold, query_forms, words

__all__ = ["MAX_SUGGESTIONS", "distance", "query_words", "suggest"]

#: Suggestions offered at most.
MAX_SUGGESTIONS = 5
#: Words shorter than this get no suggestion (anything is an edit away from "x").
SUGGEST_FROM = 4
#: Words shorter than this get one edit at most; others two.
TWO_EDITS_FROM = 5
#: Vocabulary words compared one by one, at most, for two edits (FTS5 counts the
#: articles of each word it lists, so a long list is slow).
SCAN_LIMIT = 1500

_LATIN = "abcdefghijklmnopqrstuvwxyz0123456789"
_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ"


def query_words(query: str) -> list[str]:
    """The words ``query`` looks for (not those it excludes, nor operators), in order."""
    return list(_query_words(query))


@functools.lru_cache(maxsize=512)
def _query_words(query: str) -> tuple[str, ...]:
    tree = parse(prepare_query(query).match)
    out: list[str] = []

    def walk(node: Node) -> None:
        if isinstance(node, Leaf):
            for phrase in node.phrases:
                for text, _ in phrase.parts:
                    out.extend(m.group() for m in words(unquote(text)))
        elif node.op == "NOT":
            walk(node.children[0])
        else:
            for child in node.children:
                walk(child)

    if tree is not None:
        walk(tree)
    return tuple(dict.fromkeys(out))


def distance(a: str, b: str, bound: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``; any
    answer above ``bound`` is ``bound + 1``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return min(previous[-1], bound + 1)


def _edits(word: str) -> set[str]:
    letters = _CYRILLIC if any("\u0400" <= c <= "\u04ff" for c in word) else _LATIN
    alphabet = set(letters) | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(word)
    return out


def _known(db: Connection, forms: Iterable[str]) -> bool:
    wanted = list(forms)
    marks = ",".join("?" * len(wanted))
    sql = f"SELECT 1 FROM articles_stem_fts_vocab WHERE term IN ({marks}) LIMIT 1"
    return db.execute(sql, wanted).fetchone() is not None


def _near(db: Connection, word: str, limit: int) -> list[str]:
    """Vocabulary words near ``word`` (folded), best first."""
    scored: dict[str, tuple[int, int]] = {}
    candidates = sorted(_edits(word))
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT term, doc FROM articles_fts_vocab WHERE term IN ({marks})"
        for term, docs in db.execute(sql, chunk):
            scored[str(term)] = (1, -int(docs))
    bound = 2 if len(word) >= TWO_EDITS_FROM else 1
    if not scored and bound > 1:
        head = word[:2]
        rows = db.execute(
            "SELECT term, doc FROM articles_fts_vocab WHERE term >= ? AND term < ? "
            "AND length(term) BETWEEN ? AND ? LIMIT ?",
            [
                head,
                head[:-1] + chr(ord(head[-1]) + 1),
                len(word) - bound,
                len(word) + bound,
                SCAN_LIMIT,
            ],
        )
        letters = set(word)
        for term, docs in rows:
            if term in scored or len(letters.symmetric_difference(term)) > 2 * bound:
                continue
            d = distance(word, str(term), bound)
            if d <= bound:
                scored[str(term)] = (d, -int(docs))
    ranked = sorted(scored, key=lambda t: (*scored[t], t))
    return ranked[:limit]


def _shown(db: Connection, term: str) -> str:
    """``term`` (folded) as the text writes it, lower-cased (``sécurité``)."""
    row = db.execute(
        "SELECT snippet(articles_fts, -1, '', '', '', 1) FROM articles_fts "
        "WHERE articles_fts MATCH ? LIMIT 1",
        ['"' + term.replace('"', "") + '"'],
    ).fetchone()
    if row and row[0]:
        found = [m.group().lower() for m in words(str(row[0]))]
        if len(found) == 1 and fold(found[0]) == fold(term):
            return found[0]
    return term


def suggest(db: Connection, query: str, *, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """Queries spelled from the library's vocabulary that ``query`` may have meant
    (``["tshisekedi"]`` for ``Tshisekdi``); empty when every word is known or nothing is
    near."""
    asked = query_words(query)
    if not asked or limit <= 0:
        return []
    algorithms: list[str | None] = [algorithm_for(None)]
    for (language,) in db.execute("SELECT DISTINCT language FROM articles"):
        if algorithm_for(language) not in algorithms:
            algorithms.append(algorithm_for(language))
    options: list[Sequence[str]] = []
    unknown = False
    for word in asked:
        if _known(db, query_forms(word, algorithms)):
            options.append([word.lower()])
            continue
        unknown = True
        if len(fold(word)) < SUGGEST_FROM:
            return []
        near = [_shown(db, t) for t in _near(db, fold(word), limit)]
        if not near:
            return []
        options.append(near)
    if not unknown:
        return []
    out: list[str] = []
    for i in range(limit):
        if i and all(len(o) <= i for o in options):
            break
        out.append(" ".join(o[min(i, len(o) - 1)] for o in options))
    return list(dict.fromkeys(out))
