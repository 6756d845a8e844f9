"""Search cost is bounded (issue 13): repeated terms, long OR chains and NEAR groups are cut
to a fixed number of phrases before FTS5 sees them, the result says what ran, and a
leading ``-word`` excludes. The count of phrases SQLite actually received is read from the
connection's trace (the stemmed indexes' MATCH expressions), so these checks are
deterministic; the one clock check is generous."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.draft import Draft
from reader.library.search import MAX_QUERY_CHARS, MAX_TERMS, prepare_query

WORDS = (
    "cobalt copper coltan lithium mine mining deal minerals security kivu goma bukavu kyiv "
    "ukraine congo rebels army market prices export tax road border talks treaty state "
    "investors refinery province village families trucks river rain harvest school"
).split()

_MATCH = re.compile(r"(?:articles_stem_fts|notes_stem_fts) MATCH '((?:[^']|'')*)'")
_PHRASE = re.compile(r'\^?"(?:[^"]|"")*"\*?(?:\s*\+\s*"(?:[^"]|"")*"\*?)*')
_OPERATORS = {"AND", "OR", "NOT"}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library of 300 articles of 120 words each (every word of WORDS is common)."""
    rnd = random.Random(13)
    lib = Library.open(Path(tmp_path_factory.mktemp("cost")) / "library.sqlite")
    for i in range(300):
        words = [rnd.choice(WORDS) for _ in range(120)]
        lib.add_article(Draft(title=f"Report {i} on {words[0]}", text=" ".join(words) + "."))
    lib.add_article(Draft(title="Goma market", text="Traders in Goma reopened the market."))
    lib.add_article(Draft(title="Cobalt talks", text="Cobalt talks in Goma went on."))
    yield lib
    lib.close()


def _sent(lib: Library, query: str) -> tuple[list[str], list[object]]:
    """What SQLite received as MATCH expressions while searching ``query``, and the hits."""
    statements: list[str] = []
    lib.db.conn.set_trace_callback(statements.append)
    try:
        hits = lib.search(query, limit=20)
    finally:
        lib.db.conn.set_trace_callback(None)
    matches = [m.replace("''", "'") for s in statements for m in _MATCH.findall(s)]
    # each expression once: the articles' is asked twice (how many match, then the ranking)
    return list(dict.fromkeys(matches)), hits


def _phrases(match: str) -> int:
    """Phrases in a MATCH: quoted strings (joined by ``+`` into one) and bare words, not
    operators, column filters or NEAR distances."""
    quoted = len(_PHRASE.findall(match))
    rest = _PHRASE.sub(" ", match)
    rest = re.sub(r"\{[^}]*\}\s*:|\w+\s*:|NEAR\(|[()]|,\s*\d+", " ", rest)
    return quoted + sum(t not in _OPERATORS for t in rest.split())


def test_a_word_repeated_400_times_sends_it_once(big: Library) -> None:
    query = " ".join(["cobalt"] * 400)
    start = time.monotonic()
    matches, hits = _sent(big, query)
    assert time.monotonic() - start < 10
    assert matches  # FTS5 was asked
    assert max(_phrases(m) for m in matches) == 1
    assert [h.id for h in hits] == [h.id for h in big.search("cobalt", limit=20)]
    assert hits.query == "cobalt"
    assert hits.terms == 1
    assert hits.truncated  # 2,799 characters: cut to the length limit


def test_many_distinct_terms_are_cut_to_the_cap_and_the_caller_is_told(big: Library) -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [a + b for a in letters for b in letters][:150]  # 449 characters: under the limit
    matches, hits = _sent(big, " ".join(words))
    assert len(" ".join(words)) <= MAX_QUERY_CHARS
    assert max(_phrases(m) for m in matches) == MAX_TERMS
    assert hits.terms == MAX_TERMS
    assert hits.truncated
    assert hits.query.split() == words[:MAX_TERMS]


def test_a_short_query_runs_as_written(big: Library) -> None:
    matches, hits = _sent(big, '"cobalt talks" OR kiv*')
    # the same query over the stemmed index, stemmed; no column filter is needed to keep
    # to the title and text (the outlet's words are marked), so the notes' is the same
    assert matches == ['("cobalt" + "talk") OR ("kiv"*)']
    assert hits.query == '"cobalt talks" OR kiv*'
    assert not hits.truncated
    assert hits.terms == 2
    assert len(hits) == 20


@pytest.mark.parametrize(
    ("query", "run"),
    [
        (" OR ".join(["cob*"] * 100), "cob*"),
        ("NEAR(" + " ".join(["c*"] * 200) + ")", "NEAR(c*)"),
        ("NEAR(" + " ".join(["c*"] * 100) + ", 5)", "NEAR(c*, 5)"),
        ("(goma OR goma OR goma) AND (kivu kivu)", "goma kivu"),
    ],
)
def test_repeats_in_or_chains_and_near_groups_are_sent_once(
    big: Library, query: str, run: str
) -> None:
    matches, hits = _sent(big, query)
    assert _phrases(matches[0]) == _phrases(run)
    assert hits.query == run
    assert [h.id for h in hits] == [h.id for h in big.search(run, limit=20)]


def test_a_long_structured_query_is_cut_into_valid_fts5(big: Library) -> None:
    many = "(" + " OR ".join(f'"{w} {v}"' for w in WORDS for v in WORDS[:4]) + ") AND goma"
    prepared = prepare_query(many)
    assert prepared.truncated
    assert prepared.terms <= MAX_TERMS
    assert prepared.match.count("(") == prepared.match.count(")")
    matches, hits = _sent(big, many)
    assert len(matches) == 1  # articles and notes alike: no fallback
    assert hits.query == prepared.match
    assert all(_phrases(m) == prepared.terms for m in matches)
    assert hits.truncated


@pytest.mark.parametrize(
    "query",
    [
        "(" * 700,
        '"' * 701,
        "NEAR(" * 150,
        " OR " * 200 + "cobalt",
        "cobalt " * 100 + '"unclosed phrase ' + "x " * 300,
        "-cobalt " * 200,
        "title:" * 120,
        "(" * 240 + "cobalt" + ")" * 240,
    ],
)
def test_odd_long_queries_never_fail_and_stay_bounded(big: Library, query: str) -> None:
    matches, hits = _sent(big, query)
    assert isinstance(hits, list)
    assert all(_phrases(m) <= MAX_TERMS for m in matches)


def test_a_leading_minus_excludes_when_there_is_something_to_find(library: Library) -> None:
    both = library.add_article(Draft(title="Goma", text="Cobalt trucks reached Goma."))
    goma = library.add_article(Draft(title="Goma", text="Markets in Goma reopened."))
    cobalt = library.add_article(Draft(title="Kolwezi", text="Cobalt output rose."))
    phrase = library.add_article(Draft(title="Goma", text="Goma and the cobalt deal."))
    assert {h.id for h in library.search("goma -cobalt")} == {goma}
    assert {h.id for h in library.search("-cobalt goma")} == {goma}
    assert {h.id for h in library.search('goma -"cobalt deal"')} == {both, goma}
    assert {h.id for h in library.search("goma OR kolwezi -trucks")} == {goma, cobalt, phrase}
    assert library.search("goma -cobalt").query == "goma NOT cobalt"
    # nothing but exclusions: FTS5 cannot list "all but", so the words are searched for
    assert {h.id for h in library.search("-cobalt")} == {both, cobalt, phrase}
    # a hyphen inside a word is not an exclusion; a column filter keeps FTS5's meaning
    assert {h.id for h in library.search("Cobalt-trucks")} == {both}
    assert {h.id for h in library.search("goma -title:cobalt")} == {both, phrase}
    # a column filter of the articles does not send the search to plain words
    assert {h.id for h in library.search("title:kolwezi")} == {cobalt}
