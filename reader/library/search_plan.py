"""A search query rewritten for the stemmed indexes, and kept for the next search of it.

Every word of a query becomes the forms it takes in the languages the library holds (the
library's stemmers, :func:`algorithms_of`), a prefix ``lith*`` is folded, and a word
without a column filter looks in the title and the text: :func:`stemmed` gives, for one
index (articles' or notes' columns), the FTS5 query and the index forms it looks for
(:class:`Query`); where the languages' forms differ, one version per stemmer, each asking
only the rows of its languages. :func:`loosened` takes every phrase of a query as its
words ANDed (what a bounded search ranks by). A :class:`Plan` is all of that for one
query's text under one set of stemmers; :func:`plan_for` keeps the last
:data:`PLANS_KEPT` of them (the same query is searched again and again: the window's
refreshes, a benchmark's rounds), so none of this pure work on text is done twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.library import search_schema
from reader.library.search_query import Group, Leaf, Node, Phrase, parse, unquote
from reader.library.search_snippets import Terms
from reader.library.search_words import algorithm_for, fold, forms_for, words

__all__ = [
    "ARTICLE_COLUMNS",
    "NOTE_COLUMNS",
    "PLANS_KEPT",
    "Plan",
    "Query",
    "algorithms_of",
    "loosened",
    "plan_for",
    "stemmed",
]

#: The columns of each index a query may name (a word without a column filter looks in
#: all but the marked ones: the title and the text, the body and the quote).
ARTICLE_COLUMNS = ("title", "text", "source")
NOTE_COLUMNS = ("body", "quote")


# -- the query, rewritten for the stemmed index ----------------------------------------------
class _UnfitError(ValueError):
    """The query names a column this index does not have."""


def _names(colset: str, allowed: Sequence[str]) -> list[str]:
    """The columns ``colset`` names (``-title``: every other one) among ``allowed``."""
    names = [unquote(n).lower() for n in colset.lstrip("-").strip("{}").split()]
    if not names or any(n not in allowed for n in names):
        raise _UnfitError(colset)
    if colset.startswith("-"):
        return [c for c in allowed if c not in names]
    return names


def _items(phrase: Phrase, algorithms: Sequence[str | None]) -> list[tuple[list[str], bool]]:
    """Each word of ``phrase`` as (its form under each of ``algorithms``, is a prefix)."""
    items: list[tuple[list[str], bool]] = []
    for text, star in phrase.parts:
        found = [m.group() for m in words(unquote(text))]
        for j, word in enumerate(found):
            if star and j == len(found) - 1:
                items.append(([fold(word)] * len(algorithms), True))
            else:
                items.append(([forms_for([word], a)[0] for a in algorithms], False))
    return items


Items = list[tuple[list[str], bool]]


def _variants(items: Items) -> list[str]:
    """The phrase of ``items`` once per language (an article is stemmed in one)."""
    if not items:
        return ['""']  # FTS5's empty phrase: matches nothing
    out: list[str] = []
    for k in range(len(items[0][0])):
        parts = [f'"{forms[k]}"' + ("*" if star else "") for forms, star in items]
        text = " + ".join(parts)
        if text not in out:
            out.append(text)
    return out


def _phrase_text(items: Items, caret: bool) -> str:
    texts = [("^" if caret else "") + v for v in _variants(items)]
    return texts[0] if len(texts) == 1 else "(" + " OR ".join(texts) + ")"


def _near_text(phrases: list[Items], carets: list[bool], distance: str) -> str:
    groups: list[str] = []
    count = len(phrases[0][0][0]) if phrases and phrases[0] else 1
    for k in range(count):
        inner = " ".join(
            ("^" if caret else "")
            + (" + ".join(f'"{f[k]}"' + ("*" if s else "") for f, s in items) if items else '""')
            for items, caret in zip(phrases, carets, strict=True)
        )
        group = f"NEAR({inner}{', ' + distance if distance else ''})"
        if group not in groups:
            groups.append(group)
    return groups[0] if len(groups) == 1 else "(" + " OR ".join(groups) + ")"


def _leaf_text(node: Leaf, phrases: list[Items], mark: str = "") -> str:
    if mark:
        phrases = [[([mark + f for f in forms], star) for forms, star in p] for p in phrases]
    if node.near:
        return _near_text(phrases, [p.caret for p in node.phrases], node.distance)
    return _phrase_text(phrases[0], node.phrases[0].caret)


def _within(own: list[str] | None, outer: list[str] | None) -> list[str] | None:
    """The columns a phrase may match: its own filter within its group's (None: any)."""
    if own is None or outer is None:
        return own if outer is None else outer
    return [n for n in own if n in outer]


def _rewrite(
    node: Node,
    algorithms: Sequence[str | None],
    columns: Sequence[str],
    outer: list[str] | None,
    terms: list[tuple[list[str], bool]] | None,
) -> str:
    """``node`` as FTS5 over index forms (``terms`` collects the forms looked for).

    A column filter is given to every phrase under it (FTS5's meaning: a filter within a
    filter matches where both allow). A phrase with no filter needs none: the words of
    the marked columns (:data:`~reader.library.search_schema.MARKED_COLUMNS`) never equal
    a plain form, so it matches titles and texts (bodies and quotes) only, and FTS5 need
    not read where each instance is."""
    names = _within(_names(node.colset, columns) if node.colset else None, outer)
    if isinstance(node, Leaf):
        phrases = [_items(p, algorithms) for p in node.phrases]
        if terms is not None:
            terms.extend(item for items in phrases for item in items)
        if names is None:
            return _leaf_text(node, phrases)
        plain_columns = [c for c in columns if c not in search_schema.MARKED_COLUMNS]
        plain = [n for n in names if n not in search_schema.MARKED_COLUMNS]
        parts: list[str] = []
        if plain:
            colset = "" if set(plain) == set(plain_columns) else _colset(plain) + " : "
            parts.append(colset + _leaf_text(node, phrases))
        for name in names:
            if name in search_schema.MARKED_COLUMNS:
                mark = search_schema.MARKED_COLUMNS[name]
                parts.append(f"{name} : {_leaf_text(node, phrases, mark)}")
        if not parts:
            return '""'
        return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)
    if node.op == "NOT":
        left = _rewrite(node.children[0], algorithms, columns, names, terms)
        right = _rewrite(node.children[1], algorithms, columns, names, None)
        return f"({left}) NOT ({right})"
    parts = [_rewrite(c, algorithms, columns, names, terms) for c in node.children]
    return f" {node.op} ".join(f"({p})" for p in parts)


def _colset(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else "{" + " ".join(names) + "}"


def loosened(node: Node) -> Node:
    """``node`` with every phrase and ``NEAR`` group taken as its words ANDed: a query
    matching at least what ``node`` matches, whose ranking needs no phrase counted over
    the whole index (BM25 counts the rows holding each phrase; for a phrase that means
    matching positions in every row with its words)."""
    if isinstance(node, Group):
        children = list(node.children)
        if node.op == "NOT":  # what is excluded stays exact: still a wider match
            children[0] = loosened(children[0])
        else:
            children = [loosened(c) for c in children]
        return Group(node.op, tuple(children), node.colset)
    leaves: list[Node] = []
    for phrase in node.phrases:
        parts = [
            (w, star and j == len(found) - 1)
            for text, star in phrase.parts
            for found in [[m.group() for m in words(unquote(text))]]
            for j, w in enumerate(found)
        ]
        for k, (word, star) in enumerate(parts):
            one = Phrase(((f'"{word}"', star),), phrase.caret and k == 0)
            leaves.append(Leaf((one,), node.colset))
    if len(leaves) <= 1:
        return node
    return Group("AND", tuple(leaves))


class Query:
    """A query rewritten for one stemmed index: ``match`` (FTS5's), the ``terms`` it looks
    for and, when the languages' forms differ, its ``versions``: each version's query and
    the ``lang`` words of the rows it asks (``match`` is their ORed pairs).

    Ranked as a whole, such a query costs FTS5 a count of the rows holding each ``lang``
    word (every article of those languages: BM25 weighs every phrase of the query), and
    SQLite's FTS5 (3.40 here) scores some of its rows wrongly when the versions share a
    phrase: by another version's phrases, or 0. So the search ranks each version alone
    among the rows its ``lang`` words find (a filter, unranked): a row has one ``lang``
    word, so it matches one version, and it gets the score and the snippet FTS5 gives it
    when asked for that row alone (a ``lang`` word hits only the ``lang`` column, weighted
    0: it adds nothing to a score and never marks a snippet)."""

    __slots__ = ("fits", "match", "terms", "versions")
    match: str
    terms: Terms
    versions: tuple[tuple[str, str], ...]
    #: What :func:`~reader.library.search_snippets.fitting` found of each marked passage
    #: (kept with the query, which :func:`plan_for` keeps).
    fits: dict[tuple[str, str | None], bool]

    def __init__(
        self, match: str, terms: Terms, versions: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.match = match
        self.terms = terms
        self.versions = versions
        self.fits = {}


def stemmed(tree: Node, algorithms: Sequence[str | None], columns: Sequence[str]) -> Query | None:
    """The FTS5 query over one index and what it looks for (None: not this index's).

    The query is rewritten once per stemmer; where the languages' forms differ, each
    version asks only the rows of its languages (their ``lang`` word), so the French form
    of an English word does not find French articles."""
    found: list[tuple[list[str], bool]] = []
    versions: dict[str, list[str | None]] = {}
    try:
        for algorithm in algorithms:
            text = _rewrite(tree, [algorithm], columns, None, found)
            versions.setdefault(text, []).append(algorithm)
    except _UnfitError:
        return None
    split: tuple[tuple[str, str], ...] = ()
    if len(versions) == 1:
        match = next(iter(versions))
    else:
        split = tuple(
            (text, " OR ".join(f'"{search_schema.lang_token(a)}"' for a in algs))
            for text, algs in versions.items()
        )
        match = " OR ".join(f"(({langs}) AND ({text}))" for text, langs in split)
    forms = frozenset(f for fs, star in found if not star for f in fs)
    prefixes = tuple(dict.fromkeys(fs[0] for fs, star in found if star))
    return Query(match, Terms(forms, prefixes), split)


def algorithms_of(present: search_schema.Languages) -> list[str | None]:
    """The stemmers of the library's languages (``present``), commonest first (English
    always there: notes and articles of no language are stemmed as English)."""
    out: list[str | None] = []
    for language, _ in present:
        algorithm = algorithm_for(language)
        if algorithm not in out:
            out.append(algorithm)
    english = algorithm_for(None)
    if english not in out:
        out.append(english)
    return out


class Plan:
    """A prepared query rewritten for the stemmed indexes under one set of stemmers
    (pure work on the query's text, kept for the next search of the same text)."""

    __slots__ = ("_wider", "articles", "notes", "tree")

    def __init__(self, tree: Node, algorithms: Sequence[str | None], with_notes: bool) -> None:
        self.tree = tree
        self.articles = stemmed(tree, algorithms, ARTICLE_COLUMNS)
        wanted = with_notes or self.articles is None
        self.notes = stemmed(tree, algorithms, NOTE_COLUMNS) if wanted else None
        self._wider: list[Query | None] = []

    def wider(self, algorithms: Sequence[str | None]) -> Query | None:
        """The articles' query with its phrases taken as their words, if that differs."""
        if not self._wider:
            loose = stemmed(loosened(self.tree), algorithms, ARTICLE_COLUMNS)
            same = loose is None or self.articles is None or loose.match == self.articles.match
            self._wider.append(None if same else loose)
        return self._wider[0]


_plans: dict[tuple[str, tuple[str | None, ...], bool], Plan | None] = {}
#: Rewritten queries kept, at most.
PLANS_KEPT = 512


def plan_for(match: str, algorithms: Sequence[str | None], with_notes: bool) -> Plan | None:
    """The :class:`Plan` of ``match`` (a prepared query) under ``algorithms``, with the
    notes' query if ``with_notes`` (None: FTS5's grammar refuses it)."""
    key = (match, tuple(algorithms), with_notes)
    try:
        return _plans[key]
    except KeyError:  # not planned yet (or cleared by another thread just now)
        pass
    tree = parse(match)
    plan = None if tree is None else Plan(tree, algorithms, with_notes)
    if len(_plans) >= PLANS_KEPT:
        _plans.clear()
    _plans[key] = plan
    return plan
