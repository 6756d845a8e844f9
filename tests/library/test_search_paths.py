"""The search's quicker paths give what the plain ones gave (issue 19), and a snippet that
runs from a heading into the next paragraph says where one ends (issue 15).

A query whose words take different forms in the library's languages runs each language's
version alone; its scores must be those FTS5 gives each row asked on its own. What a
connection remembers between searches (the index found in step, window floors, rewritten
queries) must follow every write, its own and another program's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.draft import Draft
from reader.library.records import MATCH_END, MATCH_START
from reader.library.search_snippets import (
    PARAGRAPH_BREAK,
    Terms,
    fitting,
    separated,
    snippet_fits,
)

S, E = MATCH_START, MATCH_END
WEIGHTS = "bm25(5.0, 1.0, 1.0, 0.0)"


# -- the heading and the paragraph after it ------------------------------------------------------
@pytest.mark.parametrize(
    ("snippet", "shown"),
    [
        (
            "Une réponse mesurée\n\nVers le 9 mars",
            f"Une réponse mesurée{PARAGRAPH_BREAK}Vers le 9 mars",
        ),
        (f"{S}Goma{E} falls\n\nThe rebels", f"{S}Goma{E} falls{PARAGRAPH_BREAK}The rebels"),
        (f"the {S}heading{E}\n\nbody", f"the {S}heading{E}{PARAGRAPH_BREAK}body"),
        ("It ended.\n\nThe next one", "It ended. The next one"),
        ('He said "no."  \n \n Then', 'He said "no." Then'),
        (f"Is it {S}over?{E}\n\nNo", f"Is it {S}over?{E} No"),
        ("one line only", "one line only"),
        ("a\n\n\n\nb", f"a{PARAGRAPH_BREAK}b"),
    ],
)
def test_a_line_break_in_a_snippet_is_a_space_after_a_sentence_else_a_dash(
    snippet: str, shown: str
) -> None:
    assert separated(snippet) == shown


def test_a_snippet_across_a_heading_and_its_paragraph_does_not_read_as_one_sentence(
    library: Library,
) -> None:
    text = (
        "Kinshasa a proposé un partenariat minier.\n\n"
        "Une réponse mesurée\n\n"
        "Vers le 9 mars, le département d'État s'est dit ouvert à des partenariats."
    )
    article = library.add_article(Draft(title="Offre", text=text, language="fr"))
    library.add_note(article, "# Réponse mesurée\n\nUne note sur la réponse du département.")
    hits = library.search("mesurée")
    assert {h.kind for h in hits} == {"article", "note"}
    for hit in hits:
        assert "\n" not in hit.snippet
    [found] = [h for h in hits if h.kind == "article"]
    assert f"minier. Une réponse {S}mesurée{E}{PARAGRAPH_BREAK}Vers le 9 mars" in found.snippet
    [note] = [h for h in hits if h.kind == "note"]
    assert f"{S}mesurée{E}{PARAGRAPH_BREAK}Une note" in note.snippet


# -- one search's snippets checked at once --------------------------------------------------------
def test_fitting_says_what_snippet_fits_says_of_each() -> None:
    terms = Terms(frozenset({"cobalt", "mine"}), ("lith",))
    cases = [
        (
            [f"the {S}cobalt{E} and {S}mines{E}", f"{S}lithium{E} rose", "nothing marked"],
            ["en"] * 3,
        ),
        ([f"the {S}copper{E} price", f"{S}cobalt{E}"], ["en", "en"]),  # a word not looked for
        ([f"an {S}unclosed cobalt", f"{S}cobalt{E}"], ["en", None]),
        ([f"{S}cobalt{E} {E}", f"{S}{S}cobalt{E}"], ["en", "en"]),
        ([f"les {S}mines{E}", f"the {S}mines{E}"], ["fr", "en"]),  # two stemmers
        ([], []),
    ]
    for snippets, languages in cases:
        expected = [
            snippet_fits(s, lang, terms) for s, lang in zip(snippets, languages, strict=True)
        ]
        assert fitting(snippets, languages, terms, {}) == expected


# -- a query in several languages' versions --------------------------------------------------------
@pytest.fixture
def versions(library: Library) -> dict[str, int]:
    """English, French and Ukrainian (folded) articles: ``gasoline`` is ``gasolin`` in
    English and French and ``gasoline`` folded; English rows also hold French forms."""
    ids = {}
    for i, text in enumerate(
        [
            "Refinery crude oil stocks rose while gasoline stocks fell and gasoline demand held.",
            "Crude oil prices rose. Gasoline futures were quiet.",
            "The terminal handles gasoline, gasolines and crude oil for the region.",
            "Crude oil shipments resumed after the strike ended at the port.",
        ]
    ):
        ids[f"en{i}"] = library.add_article(Draft(title=f"Oil {i}", text=text, language="en"))
    ids["fr"] = library.add_article(
        Draft(title="Pétrole", text="Le crude oil et la gasoline coûtent plus cher.", language="fr")
    )
    ids["uk"] = library.add_article(
        Draft(title="Нафта", text="Crude oil та gasoline подорожчали.", language="uk")
    )
    return ids


@pytest.mark.parametrize(
    "query", ['"crude oil" OR gasoline', "crude gasoline", "gasolines", "oil -strike", "crude*"]
)
def test_each_hit_has_the_score_fts5_gives_its_row_alone(
    library: Library, library_path: Path, versions: dict[str, int], query: str
) -> None:
    from reader.library import search, search_plan

    hits = library.search(query, kinds=("article",))
    assert hits
    seen = search._in_step(library.handle)
    plan = search_plan.plan_for(hits.query, seen.algorithms, False)
    assert plan is not None
    assert plan.articles is not None
    conn = sqlite3.connect(library_path)
    try:
        for hit in hits:
            [(alone,)] = conn.execute(
                "SELECT rank FROM articles_stem_fts WHERE articles_stem_fts MATCH ? "
                f"AND rank MATCH '{WEIGHTS}' AND rowid = ?",
                [plan.articles.match, hit.id],
            ).fetchall()
            assert hit.rank == alone
            assert hit.rank < 0  # every hit scores
        every = {
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM articles_stem_fts WHERE articles_stem_fts MATCH ?",
                [plan.articles.match],
            )
        }
    finally:
        conn.close()
    assert {h.id for h in hits} == every  # the versions find what the whole query finds
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert sorted(library.search_ids(query)) == sorted(every)


def test_a_query_in_several_versions_keeps_each_to_its_languages(
    library: Library, versions: dict[str, int]
) -> None:
    # "rates" is "rate" in English and "rat" in French: an English row with "rat" in it is
    # not found by the French version
    rat = library.add_article(Draft(title="Pests", text="A rat ate the grain.", language="en"))
    library.add_article(Draft(title="Taux", text="Les rates du marché.", language="fr"))
    found = {h.id for h in library.search("rates", kinds=("article",))}
    assert rat not in found


# -- what a connection remembers follows every write ----------------------------------------------
def test_the_remembered_state_follows_this_connections_writes_and_anothers(
    library: Library, library_path: Path
) -> None:
    first = library.add_article(Draft(title="Cobalt one", text="Cobalt was mined."))
    assert [h.id for h in library.search("cobalt")] == [first]
    second = library.add_article(Draft(title="Cobalt two", text="More cobalt was mined."))
    assert {h.id for h in library.search("cobalt")} == {first, second}
    with Library.open(library_path) as other:
        third = other.add_article(
            Draft(title="Cobalt trois", text="Le cobalt de Kolwezi.", language="fr")
        )
    found = library.search("cobalt")
    assert {h.id for h in found} == {first, second, third}
    library.trash_articles([first])
    assert {h.id for h in library.search("cobalt")} == {second, third}
    assert library.search("kolwezi")[0].id == third  # French now among the languages


def test_a_floor_found_once_is_not_kept_past_a_write(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import search

    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    ids = [library.add_article(Draft(title=f"Day {i}", text="Copper moved.")) for i in range(5)]
    assert {h.id for h in library.search("copper")} <= set(ids[-3:])
    newer = [library.add_article(Draft(title=f"Week {i}", text="Copper fell.")) for i in range(3)]
    hits = library.search("copper")
    assert hits.bounded
    assert {h.id for h in hits} == set(newer)
