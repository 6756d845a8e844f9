"""Cheap necessary conditions for the context patterns that end where a name begins.

Owns :func:`last_words`: for a compiled pattern that can only match at the end of its text
(``...\\s+$``, such as "town of ", "analysts at " or "rebel group the "), the endings in
lower case that the last word before the name must have for the pattern to match there.
The name rules (:mod:`reader.analysis.name_rules`) already know that word (its
:func:`~reader.analysis.name_forms.previous_word`), so ``word.endswith(endings)`` rules a
search out without running it. The endings are read off the pattern's own structure (its
parse by :mod:`re`), never written by hand, so a language file's patterns keep working as
written; a pattern whose ending cannot be read exactly (a class of letters, a repeat, a
look-around, a scoped flag, letters outside ASCII) gets no condition and is always searched.

Why a suffix of the previous word is a necessary condition: a match ends with one of the
literal strings found here, then white space to the end of the text.
:func:`~reader.analysis.name_forms.previous_word` skips that white space (and commas and
one full stop, which only lets more through) and returns the run of word characters and
hyphens that ends there, from its first letter, so it ends with the literal's own run from
its first letter. Case-insensitive patterns are checked on the lower-cased word, and only
when that word is ASCII (where lower case is exactly what case-insensitive matching
compares).

Owns also :func:`first_chars`: the characters a match of a pattern can begin with, read off
its parse the same way (None when they cannot be told for sure), so that a scan for the
pattern can start from a class of characters the regular expression engine skips to
quickly (:meth:`reader.analysis.name_patterns.Compiled.tokens`).
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

#: Give up on a pattern whose ending expands to more strings than this.
_MAX_STRINGS = 512
#: Give up on a class of characters with a range wider than this.
_MAX_RANGE = 4096
#: Flags under which a pattern's letters stand for more than themselves.
_CASELESS = re.IGNORECASE | re.LOCALE
_WORD_RUN = re.compile(r"[\w-]+\Z")
_FIRST_LETTER = re.compile(r"[^\W\d_]")

Items = list[tuple[Any, Any]]


def last_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The lower-case endings one of which the word before the end of a match of
    ``pattern`` has (see the module's notes), or None when none can be told for sure."""
    if pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except re.error:  # the pattern compiled, so this does not happen; stay safe anyway
        return None
    items = list(parsed)
    if not items or items[-1] not in ((_c.AT, _c.AT_END), (_c.AT, _c.AT_END_STRING)):
        return None  # a match that need not end the text: its ending tells nothing
    strings = _tail(items, at_end=True)
    if not strings:
        return None
    endings = set()
    for s in strings:
        ending = _word_ending(s)
        if ending is None:
            return None
        endings.add(ending)
    return tuple(sorted(endings))


def _word_ending(s: str) -> str | None:
    """The part of ``s`` the previous word ends with: its last run of word characters and
    hyphens from its first letter (past one final full stop), in lower case; None when
    there is none or it is not ASCII."""
    if s.endswith("."):
        s = s[:-1]
    run = _WORD_RUN.search(s)
    if run is None:
        return None
    letter = _FIRST_LETTER.search(run.group())
    if letter is None:
        return None
    ending = run.group()[letter.start() :]
    if not ending.isascii():
        return None
    return ending.lower()


def _is_space_repeat(item: tuple[Any, Any]) -> bool:
    op, av = item
    if op not in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return False
    body = list(av[2])
    return body == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])] or body == [(_c.LITERAL, ord(" "))]


def _tail(items: Items, at_end: bool) -> set[str] | None:
    """Strings one of which every match of ``items`` ends with (before the white space
    that ends the text, when ``at_end``); None when that cannot be told."""
    i = len(items)
    while i:
        op, av = items[i - 1]
        if at_end and op is _c.AT and av in (_c.AT_END, _c.AT_END_STRING):
            i -= 1
            continue
        if at_end and _is_space_repeat(items[i - 1]):
            i -= 1
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and _expand(list(av[2])) is None:
            # an optional part that is not plain letters ("(?:the\s+)?"): it is there or not
            inner = _tail(list(av[2]), at_end)
            rest = _tail(items[: i - 1], at_end)
            if inner is None or rest is None:
                return None
            return inner | rest
        break
    if not i:
        return None
    strings: set[str] = {""}
    j = i
    while j:
        expanded = _expand([items[j - 1]])
        if expanded is None:
            break
        longer = _product(expanded, strings)
        if longer is None:
            return None
        strings = longer
        j -= 1
    if any(strings):
        if "" in strings:  # the ending may be empty: nothing is known
            return None
        return strings
    op, av = items[i - 1]
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:  # a scoped flag: give up
            return None
        return _tail(list(av[3]), at_end)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            part = _tail(list(alternative), at_end)
            if part is None:
                return None
            out |= part
        return out
    return None


def _product(left: set[str], right: set[str]) -> set[str] | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return {a + b for a in left for b in right}


def _expand(items: Items) -> set[str] | None:
    """Every string ``items`` can match when they are plain letters, alternatives of them,
    and optional parts of them; None otherwise."""
    strings: set[str] | None = {""}
    for op, av in items:
        assert strings is not None
        part: set[str] | None
        if op is _c.LITERAL:
            part = {chr(av)}
        elif op is _c.SUBPATTERN:
            part = None if av[1] or av[2] else _expand(list(av[3]))
        elif op is _c.BRANCH:
            part = set()
            for alternative in av[1]:
                got = _expand(list(alternative))
                if got is None:
                    part = None
                    break
                part |= got
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and (av[0], av[1]) in ((0, 1), (1, 1)):
            got = _expand(list(av[2]))
            part = None if got is None else (got | {""} if av[0] == 0 else got)
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            part = {chr(v) for _, v in av}
        else:
            part = None
        if part is None:
            return None
        strings = _product(strings, part)
        if strings is None:
            return None
    return strings


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every match of ``pattern`` begins with, or None when they cannot be
    told for sure (a class by category or by negation, a flag, a start that may match
    nothing, a back-reference...). Zero-width assertions before the first character are
    passed over: they only restrict where a match starts."""
    try:
        parsed = _p.parse(pattern, 0)
    except re.error:
        return None
    if parsed.state.flags & _CASELESS:
        return None
    return _first(list(parsed))


def _first(items: Items) -> frozenset[str] | None:
    """The first characters of a match of ``items`` (None: unknown, or it may be empty)."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the match's first character is what comes after
        if op is _c.LITERAL:
            return frozenset(chr(av))
        if op is _c.IN:
            return _class_chars(av)
        if op is _c.SUBPATTERN:
            return None if av[1] or av[2] else _first(list(av[3]))
        if op is _c.BRANCH:
            chars: set[str] = set()
            for alternative in av[1]:
                got = _first(list(alternative))
                if got is None:
                    return None
                chars |= got
            return frozenset(chars)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _first(list(av[2]))
        return None  # anything else (an optional part, a group reference, ...): unknown
    return None  # nothing but assertions: the match may be empty


def _class_chars(items: Items) -> frozenset[str] | None:
    """The characters of a class of literals and ranges (None for anything else)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(chars)
