"""The query language of the library's search, bounded: FTS5's grammar, parsed in Python.

Queries use FTS5's own syntax (phrases in quotes, ``OR``, ``AND``, ``NOT``, ``NEAR(…)``,
prefix ``*``, ``^``, column filters such as ``title:``), plus a leading ``-`` that excludes a
word or phrase the way web searches do (``goma -cobalt`` runs as ``goma NOT cobalt``). A
query made only of exclusions (``-cobalt``) is run as its plain words: FTS5 cannot list
"everything but".

This module owns the bounds: :func:`prepare_query` parses the query with FTS5's grammar,
cuts it to :data:`MAX_QUERY_CHARS` characters, drops repeated terms (``x x x`` is ``x``;
repeats are what made FTS5 slow down quadratically) and keeps at most :data:`MAX_TERMS`
phrases, saying on the result whether it cut anything. A query FTS5 would reject comes with
its plain words (de-duplicated and capped the same way) as a fallback, so a user's search
never fails. :func:`parse` gives the tree of a prepared query (:class:`Leaf` and
:class:`Group` nodes), which the search rewrites for its stemmed index.
"""

from __future__ import annotations

import functools

from reader.library.plain import Frozen, setup
from reader.library.search_words import WORD

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "Group",
    "Leaf",
    "Node",
    "Phrase",
    "PreparedQuery",
    "parse",
    "plain_terms",
    "prepare_query",
    "unquote",
]

#: A longer query is cut (at a space when there is one near the end).
MAX_QUERY_CHARS = 500
#: At most this many phrases (words, quoted phrases, prefixes, each phrase of a NEAR
#: group) are sent to FTS5, after repeats are dropped; the rest of the query is cut.
MAX_TERMS = 32
#: Parentheses nested deeper than this are not parsed (FTS5 refuses them anyway).
MAX_DEPTH = 32

_WORD = WORD  # the search's own words: "м'ясо" stays one


def plain_terms(query: str) -> str:
    """``query`` as FTS5 plain terms: every word quoted, operators and punctuation dropped."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


class PreparedQuery(Frozen):
    """A user's query made ready for FTS5: ``match`` (empty: nothing to look for), the number
    of phrases in it, whether the user's query was cut, and the plain-words ``fallback``
    to run if FTS5 rejects ``match`` (``None`` when ``match`` is already plain words)."""

    __slots__ = ("match", "terms", "truncated", "fallback")
    _compared = ("match", "terms", "truncated")
    match: str
    terms: int
    truncated: bool
    fallback: PreparedQuery | None

    def __init__(
        self, match: str, terms: int, truncated: bool, fallback: PreparedQuery | None = None
    ) -> None:
        setup(self, match=match, terms=terms, truncated=truncated, fallback=fallback)


# -- tokens (as FTS5's expression tokenizer cuts them) ------------------------------------------
_PUNCT = {
    "(": "LP",
    ")": "RP",
    "{": "LCP",
    "}": "RCP",
    ":": "COLON",
    ",": "COMMA",
    "+": "PLUS",
    "*": "STAR",
    "-": "MINUS",
    "^": "CARET",
}
_OPERATORS = {"AND", "OR", "NOT"}
_SPACE = " \t\n\r"


def _bare(ch: str) -> bool:
    return ord(ch) >= 0x80 or (ch.isascii() and (ch.isalnum() or ch in "_\x1a"))


class _Token(Frozen):
    __slots__ = ("kind", "text", "start", "end", "spaced")
    kind: str  # STRING, AND, OR, NOT, a _PUNCT kind, or BAD (FTS5 would refuse it)
    text: str
    start: int
    end: int
    spaced: bool  # at the start of the query or after white space

    def __init__(self, kind: str, text: str, start: int, end: int, spaced: bool) -> None:
        setup(self, kind=kind, text=text, start=start, end=end, spaced=spaced)


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        spaced = i == 0 or query[i - 1] in _SPACE
        ch = query[i]
        if ch in _SPACE:
            i += 1
            continue
        if ch in _PUNCT:
            out.append(_Token(_PUNCT[ch], ch, i, i + 1, spaced))
            i += 1
        elif ch == '"':
            j = i + 1
            while j < n and not (query[j] == '"' and query[j + 1 : j + 2] != '"'):
                j += 2 if query[j] == '"' else 1
            if j >= n:  # no closing quote
                out.append(_Token("BAD", query[i:], i, n, spaced))
                break
            out.append(_Token("STRING", query[i : j + 1], i, j + 1, spaced))
            i = j + 1
        elif _bare(ch):
            j = i
            while j < n and _bare(query[j]):
                j += 1
            word = query[i:j]
            out.append(_Token(word if word in _OPERATORS else "STRING", word, i, j, spaced))
            i = j
        else:
            out.append(_Token("BAD", ch, i, i + 1, spaced))
            i += 1
    return out


def unquote(text: str) -> str:
    if text.startswith('"'):
        return text[1:-1].replace('""', '"')
    return text


# -- the expression tree --------------------------------------------------------------------------
class Phrase(Frozen):
    """``a + "b c" *``: strings joined by ``+``, each maybe a prefix."""

    __slots__ = ("parts", "caret")
    parts: tuple[tuple[str, bool], ...]  # (source text, prefix)
    caret: bool

    def __init__(self, parts: tuple[tuple[str, bool], ...], caret: bool = False) -> None:
        setup(self, parts=parts, caret=caret)

    def text(self) -> str:
        body = " + ".join(t + ("*" if star else "") for t, star in self.parts)
        return "^" + body if self.caret else body

    def key(self) -> tuple[object, ...]:
        return (self.caret, tuple((unquote(t).casefold(), s) for t, s in self.parts))


class Leaf(Frozen):
    """One phrase or one ``NEAR(…)`` group, with an optional column filter."""

    __slots__ = ("phrases", "colset", "near", "distance")
    phrases: tuple[Phrase, ...]
    colset: str
    near: bool
    distance: str

    def __init__(
        self, phrases: tuple[Phrase, ...], colset: str = "", near: bool = False, distance: str = ""
    ) -> None:
        setup(self, phrases=phrases, colset=colset, near=near, distance=distance)

    def cost(self) -> int:
        return len(self.phrases)

    def text(self) -> str:
        if self.near:
            inner = " ".join(p.text() for p in self.phrases)
            body = f"NEAR({inner}{', ' + self.distance if self.distance else ''})"
        else:
            body = self.phrases[0].text()
        return f"{self.colset} : {body}" if self.colset else body

    def key(self) -> tuple[object, ...]:
        phrases = tuple(p.key() for p in self.phrases)
        return ("leaf", self.colset, self.near, self.distance, phrases)


class Group(Frozen):
    """``AND`` (explicit or implicit) / ``OR`` over two or more children; ``NOT`` over two."""

    __slots__ = ("op", "children", "colset")
    op: str
    children: tuple[Node, ...]
    colset: str  # a column filter on a parenthesised group: ``title : (a OR b)``

    def __init__(self, op: str, children: tuple[Node, ...], colset: str = "") -> None:
        setup(self, op=op, children=children, colset=colset)

    def cost(self) -> int:
        return sum(c.cost() for c in self.children)

    def text(self) -> str:
        if self.op == "AND" and all(isinstance(c, Leaf) for c in self.children):
            body = " ".join(c.text() for c in self.children)  # FTS5's implicit AND
        else:
            body = f" {self.op} ".join(_wrapped(c) for c in self.children)
        return f"{self.colset} : ({body})" if self.colset else body

    def key(self) -> tuple[object, ...]:
        return ("group", self.op, self.colset, tuple(c.key() for c in self.children))


Node = Leaf | Group


def _wrapped(node: Node) -> str:
    if isinstance(node, Group) and not node.colset:
        return f"({node.text()})"
    return node.text()


class _SyntaxError(ValueError):
    """FTS5 would refuse this query."""


class _Parser:
    """FTS5's query grammar (``fts5parse.y``): ``OR`` binds loosest, then ``AND``, then
    ``NOT``; adjacent phrases (an implicit ``AND``) bind tightest and only join phrases or
    ``NEAR`` groups, never parenthesised groups."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.tokens[i].kind if i < len(self.tokens) else "EOF"

    def take(self, kind: str) -> _Token:
        if self.peek() != kind:
            raise _SyntaxError(kind)
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node:
        node = self.expr()
        if self.peek() != "EOF":
            raise _SyntaxError("EOF")
        return node

    def expr(self) -> Node:
        node = self.conjunction()
        while self.peek() == "OR":
            self.pos += 1
            node = Group("OR", (node, self.conjunction()))
        return node

    def conjunction(self) -> Node:
        node = self.negation()
        while self.peek() == "AND":
            self.pos += 1
            node = Group("AND", (node, self.negation()))
        return node

    def negation(self) -> Node:
        node = self.primary()
        while self.peek() == "NOT":
            self.pos += 1
            node = Group("NOT", (node, self.primary()))
        return node

    def primary(self) -> Node:
        if self.peek() == "LP":
            self.pos += 1
            node = self.expr()
            self.take("RP")
            return node
        colset = ""
        if self.colset_ahead():
            colset = self.colset()
            self.take("COLON")
            if self.peek() == "LP":
                self.pos += 1
                inner = self.expr()
                self.take("RP")
                if isinstance(inner, Leaf) and not inner.colset:
                    return Leaf(inner.phrases, colset, inner.near, inner.distance)
                if isinstance(inner, Group) and not inner.colset:
                    return Group(inner.op, inner.children, colset)
                return Group("AND", (inner,), colset)
        items: list[Node] = [self.nearset(colset)]
        while self.peek() in ("STRING", "CARET", "MINUS", "LCP"):
            colset = ""
            if self.colset_ahead():
                colset = self.colset()
                self.take("COLON")
            items.append(self.nearset(colset))
        return items[0] if len(items) == 1 else Group("AND", tuple(items))

    def colset_ahead(self) -> bool:
        kind = self.peek()
        return kind in ("MINUS", "LCP") or (kind == "STRING" and self.peek(1) == "COLON")

    def colset(self) -> str:
        minus = "-" if self.peek() == "MINUS" else ""
        if minus:
            self.pos += 1
        if self.peek() == "LCP":
            self.pos += 1
            names = [self.take("STRING").text]
            while self.peek() == "STRING":
                names.append(self.take("STRING").text)
            self.take("RCP")
            return minus + "{" + " ".join(names) + "}"
        return minus + self.take("STRING").text

    def nearset(self, colset: str) -> Leaf:
        if self.peek() == "CARET":
            self.pos += 1
            return Leaf((self.phrase(caret=True),), colset)
        if self.peek() == "STRING" and self.peek(1) == "LP":
            if self.tokens[self.pos].text != "NEAR":
                raise _SyntaxError("NEAR")
            self.pos += 2
            phrases = [self.phrase()]
            while self.peek() == "STRING":
                phrases.append(self.phrase())
            distance = ""
            if self.peek() == "COMMA":
                self.pos += 1
                distance = self.take("STRING").text
            self.take("RP")
            return Leaf(tuple(phrases), colset, near=True, distance=distance)
        return Leaf((self.phrase(),), colset)

    def phrase(self, *, caret: bool = False) -> Phrase:
        parts = [self.part()]
        while self.peek() == "PLUS":
            self.pos += 1
            parts.append(self.part())
        return Phrase(tuple(parts), caret)

    def part(self) -> tuple[str, bool]:
        text = self.take("STRING").text
        star = self.peek() == "STAR"
        if star:
            self.pos += 1
        return text, star


# -- bounding the tree --------------------------------------------------------------------------
def _flatten(node: Node) -> Node:
    """Nested ``AND``s (and ``OR``s) as one group, repeated children dropped (both are
    idempotent: ``x AND x`` is ``x``), and so are repeats inside ``NEAR(…)`` (one instance
    of a phrase satisfies all its copies); ``NOT`` keeps its two sides."""
    if isinstance(node, Leaf):
        if not node.near:
            return node
        phrases = {p.key(): p for p in node.phrases}  # first of each, in order
        return Leaf(tuple(phrases.values()), node.colset, True, node.distance)
    children = [_flatten(c) for c in node.children]
    if node.op == "NOT":
        return Group("NOT", tuple(children), node.colset)
    merged: list[Node] = []
    for child in children:
        if isinstance(child, Group) and child.op == node.op and not child.colset:
            merged.extend(child.children)
        else:
            merged.append(child)
    seen: set[tuple[object, ...]] = set()
    unique: list[Node] = []
    for child in merged:
        if child.key() not in seen:
            seen.add(child.key())
            unique.append(child)
    if len(unique) == 1 and not node.colset:
        return unique[0]
    return Group(node.op, tuple(unique), node.colset)


def _cut(node: Node, budget: int) -> tuple[Node | None, int]:
    """The first ``budget`` phrases of ``node`` (``None`` if none fit), and how many."""
    if budget <= 0:
        return None, 0
    if isinstance(node, Leaf):
        if node.cost() <= budget:
            return node, node.cost()
        if node.near:
            return Leaf(node.phrases[:budget], node.colset, True, node.distance), budget
        return None, 0
    if node.op == "NOT":
        left, used = _cut(node.children[0], budget)
        if left is None:
            return None, 0
        right, more = _cut(node.children[1], budget - used)
        if right is None:
            return (Group("AND", (left,), node.colset) if node.colset else left), used
        return Group("NOT", (left, right), node.colset), used + more
    kept: list[Node] = []
    used = 0
    for child in node.children:
        part, spent = _cut(child, budget - used)
        if part is not None:
            kept.append(part)
            used += spent
    if not kept:
        return None, 0
    if len(kept) == 1 and not node.colset:
        return kept[0], used
    return Group(node.op, tuple(kept), node.colset), used


def _exclusions(tokens: list[_Token]) -> tuple[list[_Token], list[Phrase], list[tuple[int, int]]]:
    """Take out each top-level ``-word`` / ``-"a phrase"`` (a ``-`` after a space, stuck
    to a phrase that is not a column name): the tokens left, the excluded phrases and
    their spans in the query."""
    kept: list[_Token] = []
    excluded: list[Phrase] = []
    spans: list[tuple[int, int]] = []
    depth = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        depth += {"LP": 1, "RP": -1}.get(tok.kind, 0)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind == "MINUS"
            and depth == 0
            and tok.spaced
            and nxt is not None
            and nxt.kind == "STRING"
            and nxt.start == tok.end
            and (i + 2 >= len(tokens) or tokens[i + 2].kind not in ("COLON", "LP"))
        ):
            parser = _Parser(tokens[i + 1 :])
            try:
                phrase = parser.phrase()
            except _SyntaxError:
                phrase = None
            if phrase is not None and parser.peek() != "COLON":
                excluded.append(phrase)
                end = i + 1 + parser.pos
                spans.append((tok.start, tokens[end - 1].end))
                i = end
                continue
        kept.append(tok)
        i += 1
    return kept, excluded, spans


_TRAILING = {"AND", "OR", "NOT", "MINUS", "PLUS", "CARET", "COLON", "COMMA", "LCP", "LP"}


def _repaired(tokens: list[_Token]) -> list[_Token]:
    """A query cut at its length limit, made whole: an open quote closed, a dangling
    operator dropped, open parentheses closed."""
    tokens = list(tokens)
    if tokens and tokens[-1].kind == "BAD" and tokens[-1].text.startswith('"'):
        last = tokens[-1]
        closed = last.text + ('"' if last.text.count('"') % 2 else "")
        tokens[-1] = _Token("STRING", closed, last.start, last.end, last.spaced)
    while tokens and tokens[-1].kind in _TRAILING:
        tokens.pop()
    depth = sum({"LP": 1, "RP": -1}.get(t.kind, 0) for t in tokens)
    end = tokens[-1].end if tokens else 0
    tokens += [_Token("RP", ")", end, end, False)] * max(depth, 0)
    return tokens


def _cut_text(query: str) -> str:
    cut = query[:MAX_QUERY_CHARS]
    space = max(cut.rfind(c) for c in _SPACE)
    return cut[:space] if space >= MAX_QUERY_CHARS * 4 // 5 else cut


def _join_not(positive: str, excluded: list[str]) -> str:
    if not excluded:
        return positive
    other = excluded[0] if len(excluded) == 1 else "(" + " OR ".join(excluded) + ")"
    return f"{positive} NOT {other}"


def _plain(text: str, excluded: list[Phrase], truncated: bool) -> PreparedQuery:
    """The words of ``text`` quoted, each once, at most :data:`MAX_TERMS` of them (and
    the exclusions, as phrases of their words, if there is room)."""
    words: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(text):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    nots: list[str] = []
    for phrase in excluded:
        inner = " ".join(w for t, _ in phrase.parts for w in _WORD.findall(unquote(t)))
        if inner and f'"{inner}"' not in nots:
            nots.append(f'"{inner}"')
    if not words:  # only exclusions: run their words (FTS5 cannot list "all but")
        words, nots = [w.strip('"') for w in nots], []
    if len(words) > MAX_TERMS:
        words, nots, truncated = words[:MAX_TERMS], [], True
    elif len(words) + len(nots) > MAX_TERMS:
        nots, truncated = nots[: MAX_TERMS - len(words)], True
    positive = " ".join(f'"{w}"' for w in words)
    return PreparedQuery(_join_not(positive, nots), len(words) + len(nots), truncated)


#: Queries whose preparation and tree are kept (the same text is asked again and again:
#: each search's own words, the window's refreshes).
KEPT_QUERIES = 512


@functools.lru_cache(maxsize=KEPT_QUERIES)
def prepare_query(query: str) -> PreparedQuery:
    """``query`` bounded for FTS5 (see the module's docstring); never raises."""
    query = query.strip()
    truncated = len(query) > MAX_QUERY_CHARS
    if truncated:
        query = _cut_text(query)
    tokens = _tokens(query)
    if truncated:
        tokens = _repaired(tokens)
    kept, excluded, spans = _exclusions(tokens)
    rest = query
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    plain = _plain(rest, excluded, truncated)
    if not kept and not excluded:
        return PreparedQuery("", 0, truncated)
    depth = deepest = 0
    for tok in kept:
        depth += {"LP": 1, "RP": -1}.get(tok.kind, 0)
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        return plain
    try:
        parsed = _Parser(kept).parse() if kept else None
    except _SyntaxError:
        return plain
    exclusions: list[Node] = [Leaf((p,)) for p in excluded]
    if parsed is None:  # only exclusions: run them as the words to look for
        parsed = exclusions[0] if len(exclusions) == 1 else Group("AND", tuple(exclusions))
        exclusions = []
    tree = _flatten(parsed)
    cut, used = _cut(tree, MAX_TERMS)
    assert cut is not None  # every tree holds at least one phrase and MAX_TERMS >= 1
    truncated = truncated or used < tree.cost()
    nots: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for node in exclusions:
        if node.key() in seen:
            continue
        seen.add(node.key())
        if used >= MAX_TERMS:
            truncated = True
            break
        nots.append(node.text())
        used += 1
    unchanged = not truncated and not excluded and tree.cost() == parsed.cost()
    match = query if unchanged else _join_not(_wrapped(cut) if nots else cut.text(), nots)
    return PreparedQuery(match, used, truncated, plain)


@functools.lru_cache(maxsize=KEPT_QUERIES)
def parse(match: str) -> Node | None:
    """The tree of ``match``, a query :func:`prepare_query` made (``None`` if FTS5's
    grammar refuses it or it holds nothing to look for)."""
    tokens = _tokens(match)
    if not tokens:
        return None
    try:
        return _Parser(tokens).parse()
    except _SyntaxError:
        return None
