"""Managing the library: correcting an article, tags in bulk, the trash, undated articles."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.library import InvalidInputError, Library, NotFoundError, Original, maintenance
from reader.library import codings as _codings
from reader.library.anchors import anchor_for_quote
from reader.library.draft import Draft
from reader.library.manage import UNSET
from reader.library.sources import add_feed, feeds
from reader.services.compare import parse_selector


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    type: str
    surface: str


def _add(lib: Library, title: str, text: str, *, tags=(), **kw) -> int:
    return lib.add_article(Draft(title=title, text=text, **kw), tags=tags)


def _mentions(text: str, *names: str) -> list[_Mention]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(_Mention(start, start + len(name), name, "place", name))
    return out


@pytest.fixture
def three(library: Library) -> dict[str, int]:
    ids = {
        "goma": _add(
            library, "Goma", "Fighting near Goma and Bukavu.", tags=["drc"], published="2025-03-10"
        ),
        "kyiv": _add(
            library, "Kyiv", "Talks in Kyiv about Goma.", tags=["ukraine"], published="2025-03-12"
        ),
        "none": _add(library, "Undated", "A dispatch from Bukavu.", tags=["drc"]),
    }
    for key in ids:
        text = library.text_of(ids[key]) or ""
        names = [n for n in ("Goma", "Bukavu", "Kyiv") if n in text]
        library.replace_mentions(ids[key], _mentions(text, *names))
    return ids


# -- editing ---------------------------------------------------------------------------------
def test_update_article_changes_only_what_is_given(library: Library, three) -> None:
    aid = three["goma"]
    got = library.update_article(aid, title="  Goma,  again ", source="Radio Okapi", language="FR")
    assert (got.title, got.source, got.language, got.published) == (
        "Goma, again",
        "Radio Okapi",
        "fr",
        "2025-03-10",
    )
    got = library.update_article(aid, published=None, byline="A. Writer")
    assert got.published is None
    assert got.byline == "A. Writer"
    assert got.title == "Goma, again"
    got = library.update_article(aid, source=None, byline="")
    assert got.source is None
    assert got.byline is None
    assert library.update_article(aid).title == "Goma, again"  # nothing given: as it was
    assert library.search_ids("again") == [aid]  # the title's index follows


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published", "2025-02-30"),
        ("published", "14 March 2025"),
        ("published", "2025-3-14"),
        ("language", "french"),
        ("language", "f"),
        ("language", "e1"),
        ("title", "   "),
    ],
)
def test_update_article_refuses_bad_values_and_changes_nothing(
    library: Library, three, field: str, value: str
) -> None:
    before = library.get(three["kyiv"])
    with pytest.raises(InvalidInputError):
        library.update_article(three["kyiv"], **{"source": "Changed", field: value})
    assert library.get(three["kyiv"]) == before


def test_update_article_unknown_or_trashed(library: Library, three) -> None:
    with pytest.raises(NotFoundError, match="no article with id 999"):
        library.update_article(999, title="X")
    library.trash_articles([three["kyiv"]])
    with pytest.raises(InvalidInputError, match="in the trash"):
        library.update_article(three["kyiv"], title="X")
    assert UNSET is not None


# -- tags ------------------------------------------------------------------------------------
def test_tags_in_bulk_rename_merge_and_delete(library: Library, three) -> None:
    goma, kyiv, undated = three["goma"], three["kyiv"], three["none"]
    assert library.add_tag("conflict", [goma, kyiv, goma]) == 2
    assert library.add_tag("CONFLICT", [goma, undated]) == 1  # same tag, its spelling kept
    assert dict(library.tag_counts())["conflict"] == 3
    assert library.remove_tag("conflict", [kyiv, kyiv]) == 1
    assert library.remove_tag("conflict", [kyiv]) == 0
    assert library.rename_tag("ukraine", "Europe") == 1
    assert library.tags_of([kyiv])[kyiv] == ("Europe",)
    assert library.rename_tag("conflict", "drc") == 2  # merges: goma already had drc
    assert library.tag_counts() == [("drc", 2), ("Europe", 1)]
    assert library.rename_tag("drc", "DRC") == 2  # only the case changes
    assert library.article_ids(tag="DRC") == library.article_ids(tag="drc")
    assert library.delete_tag("Europe") == 1
    assert library.tag_counts() == [("DRC", 2)]
    assert library.tags_of([kyiv])[kyiv] == ()


def test_removing_the_last_article_of_a_tag_drops_it(library: Library, three) -> None:
    assert library.remove_tag("ukraine", [three["kyiv"]]) == 1
    assert "ukraine" not in dict(library.tag_counts())


def test_tag_errors_change_nothing(library: Library, three) -> None:
    before = library.tag_counts()
    with pytest.raises(NotFoundError, match="no article with id 42"):
        library.add_tag("new", [three["goma"], 42])
    with pytest.raises(NotFoundError, match="no tag"):
        library.remove_tag("nosuch", [three["goma"]])
    with pytest.raises(NotFoundError, match="no tag"):
        library.rename_tag("nosuch", "other")
    with pytest.raises(NotFoundError, match="no tag"):
        library.delete_tag("nosuch")
    with pytest.raises(InvalidInputError, match="a tag needs a name"):
        library.add_tag("  ", [three["goma"]])
    with pytest.raises(InvalidInputError, match="a tag needs a name"):
        library.rename_tag("drc", "")
    assert library.tag_counts() == before
    assert library.tags_of([three["goma"]])[three["goma"]] == ("drc",)


def test_rename_and_delete_reach_feed_subscriptions(library: Library) -> None:
    add_feed(library, "https://example.org/feed.xml", ["drc", "news"])
    library.add_article(Draft(title="T", text="Body."), tags=["drc", "news"])
    library.rename_tag("drc", "congo")
    library.delete_tag("news")
    [feed] = feeds(library)
    assert feed.tags == ("congo",)


# -- the trash -------------------------------------------------------------------------------
def test_trash_leaves_lists_counts_entities_and_comes_back_whole(library: Library, three) -> None:
    goma = three["goma"]
    text = library.text_of(goma) or ""
    note = library.add_note(goma, "Check this", quote="Bukavu")
    coding = _codings.add_coding(library, goma, "cb", "conflict", anchor_for_quote(text, "Goma"))
    before = {e.name: (e.count, e.articles) for e in library.entities()}
    assert before["Goma"] == (2, 2)

    assert library.trash_articles([goma, goma]) == [goma]
    assert library.trash_articles([goma]) == []  # already there
    assert goma not in library.article_ids()
    assert goma not in {a.id for a in library.list_articles()}
    assert library.article_ids(tag="drc") == [three["none"]]
    assert library.count() == 2
    assert library.count(tag="drc") == 1
    assert dict(library.tag_counts()) == {"drc": 1, "ukraine": 1}
    after = {e.name: (e.count, e.articles) for e in library.entities()}
    assert after["Goma"] == (1, 1)
    assert after["Bukavu"] == (1, 1)
    assert goma not in [
        a for a, _t, _n in library.articles_mentioning(library.entity_ids_named("Goma")[0])
    ]
    assert [c.id for c in _codings.fetch_codings(library)] == []
    [trashed] = library.trashed_articles()
    assert trashed.id == goma
    assert trashed.trashed is not None
    assert library.get(goma).trashed == trashed.trashed
    assert maintenance.check(library).ok

    assert library.restore_articles([goma, three["kyiv"]]) == [goma]
    assert {e.name: (e.count, e.articles) for e in library.entities()} == before
    assert library.note(note).article_id == goma
    assert [c.id for c in _codings.fetch_codings(library, article_ids=[goma])] == [coding]
    assert library.trashed_articles() == []
    assert library.get(goma).trashed is None
    assert maintenance.check(library).ok


def test_an_entity_only_trashed_articles_mention_stays_for_the_restore(
    library: Library, three
) -> None:
    kyiv = three["kyiv"]
    library.trash_articles([kyiv])
    assert "Kyiv" not in {e.name for e in library.entities()}
    assert "Kyiv" not in library.entity_names()
    library.replace_mentions(three["goma"], [])  # drops entities no longer mentioned...
    library.restore_articles([kyiv])
    assert {e.name: e.count for e in library.entities()}["Kyiv"] == 1  # ...but not this one
    assert maintenance.check(library).ok


def test_reextracting_a_trashed_article_keeps_the_counts(library: Library, three) -> None:
    goma = three["goma"]
    library.trash_articles([goma])
    text = library.text_of(goma) or ""
    library.replace_mentions(goma, _mentions(text, "Goma"))
    assert maintenance.check(library).ok
    library.restore_articles([goma])
    assert {e.name: e.count for e in library.entities()}["Goma"] == 2
    assert maintenance.check(library).ok


def test_trash_and_restore_check_every_id_first(library: Library, three) -> None:
    with pytest.raises(NotFoundError, match="no article with id 77"):
        library.trash_articles([three["goma"], 77])
    assert library.trashed_articles() == []
    library.trash_articles([three["goma"]])
    with pytest.raises(NotFoundError):
        library.restore_articles([three["goma"], 78])
    assert [a.id for a in library.trashed_articles()] == [three["goma"]]


def test_empty_trash_deletes_for_good_with_everything(library: Library) -> None:
    keep = library.add_article(Draft(title="Keep", text="Goma stays."), tags=["drc"])
    gone = library.add_article(
        Draft(title="Gone", text="Goma and Rubaya go."),
        Original("g.txt", b"raw"),
        tags=["drc", "old"],
    )
    library.replace_mentions(keep, _mentions("Goma stays.", "Goma"))
    library.replace_mentions(gone, _mentions("Goma and Rubaya go.", "Goma", "Rubaya"))
    note = library.add_note(gone, "My thought", quote="Rubaya")
    free = library.add_note(None, "A free note")
    _codings.add_coding(library, gone, "cb", "d", anchor_for_quote("Goma and Rubaya go.", "Goma"))
    library.trash_articles([gone])
    assert library.empty_trash() == 1
    assert library.empty_trash() == 0
    assert library.get(gone) is None
    assert library.original(gone) is None
    assert library.note(note) is None
    assert library.note(free) is not None
    assert library.tag_counts() == [("drc", 1)]
    assert {e.name: e.count for e in library.entities()} == {"Goma": 1}
    assert library.db.execute("SELECT count(*) FROM codings").fetchone()[0] == 0
    assert library.search_ids("Rubaya") == []
    report = maintenance.check(library)
    assert report.ok, report.problems


def test_most_recent_and_comparison_skip_the_trash(library: Library, three) -> None:
    assert library.most_recent_id() == three["kyiv"]
    library.trash_articles([three["kyiv"]])
    assert library.most_recent_id() == three["goma"]
    assert parse_selector(library, "tag:drc").articles == (three["goma"], three["none"])
    library.trash_articles([three["goma"]])
    assert parse_selector(library, "tag:drc").articles == (three["none"],)
    with pytest.raises(InvalidInputError, match=f"article {three['goma']} is in the trash"):
        parse_selector(library, f"ids:{three['none']},{three['goma']}")


# -- undated articles ------------------------------------------------------------------------
def test_undated_articles_sort_last_both_ways(library: Library, three) -> None:
    undated = three["none"]
    newest_first = library.article_ids()
    oldest_first = library.article_ids(descending=False)
    assert newest_first == [three["kyiv"], three["goma"], undated]
    assert oldest_first == [three["goma"], three["kyiv"], undated]
    assert [a.published for a in library.list_articles()][-1] is None
    library.update_article(three["kyiv"], published=None)
    assert library.article_ids()[0] == three["goma"]
    assert library.most_recent_id() == three["goma"]


def test_date_order_uses_an_index(library: Library) -> None:
    plan = " ".join(
        str(r[-1])
        for r in library.db.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.trashed IS NULL "
            "ORDER BY a.published DESC NULLS LAST, a.id DESC"
        )
    )
    assert "USING INDEX" in plan
    assert "TEMP B-TREE" not in plan


def test_a_note_trashed_before_its_article_stays_trashed(library: Library, three) -> None:
    goma = three["goma"]
    kept = library.add_note(goma, "Kept")
    binned = library.add_note(goma, "Binned")
    library.trash_note(binned)
    library.trash_articles([goma])
    library.restore_articles([goma])
    assert [n.id for n in library.notes(article_id=goma)] == [kept]
    assert library.note(binned).deleted is not None


def test_the_trash_survives_an_export_and_import(library: Library, three, tmp_path) -> None:
    from reader.library.export_json import export_library, import_library

    library.trash_articles([three["kyiv"]])
    export_library(library, tmp_path / "dump.json")
    other = Library.open(tmp_path / "other.sqlite")
    try:
        import_library(other, tmp_path / "dump.json")
        assert [a.id for a in other.trashed_articles()] == [three["kyiv"]]
        assert {e.name: e.count for e in other.entities()} == {
            e.name: e.count for e in library.entities()
        }
        assert maintenance.check(other).ok
    finally:
        other.close()
