"""A draft's hash and search forms computed ahead (reader.library.writer.ahead_of): the writer
puts the forms straight into the stemmed index, and the index is the one a sync builds;
forms that no longer fit the draft, an index of another recipe and an id whose old values
still wait to be taken out all leave the article queued, as before."""

from __future__ import annotations

import pickle
from dataclasses import replace
from typing import Any

from reader.analysis.entities import Mention
from reader.library import Library, search_schema, text_hash
from reader.library.draft import Block, Draft, Original
from reader.library.writer import ahead_of
from reader.services.pipeline import complete_draft


def _draft(title: str, text: str, language: str | None = "en", **extra: Any) -> Draft:
    draft = Draft(title=title, text=text, language=language, **extra)
    draft.ahead = ahead_of(draft)
    return draft


def _queued(lib: Library) -> list[int]:
    rows = lib.db.execute("SELECT id FROM search_fts_queue WHERE kind = 'article' ORDER BY id")
    return [int(r[0]) for r in rows]


def _indexed(lib: Library) -> list[int]:
    rows = lib.db.execute("SELECT id FROM articles_stem_fts_docsize ORDER BY id")
    return [int(r[0]) for r in rows]


def _vocab(lib: Library) -> list[tuple[Any, ...]]:
    rows = lib.db.execute("SELECT term, doc, cnt FROM articles_stem_fts_vocab ORDER BY term")
    return [tuple(r) for r in rows]


def _hits(lib: Library, query: str) -> list[int]:
    return [h.id for h in lib.search(query, limit=50, kinds=("article",))]


DRAFTS = [
    (
        "Négociations à Goma",
        "Les négociations sur les minerais reprennent à Goma.",
        "fr",
        "Radio Okapi",
    ),
    ("Talks resume", "Negotiators resumed the minerals talks in Kinshasa.", "en", "Wire"),
    ("Обстріл", "Нічний обстріл Харкова: є поранені.", "uk", None),
    ("Untitled", "Figures only 2025 40% and a few words.", None, None),
]


def test_forms_go_straight_in_and_equal_a_rebuilt_index() -> None:
    with Library.memory() as lib:
        ids = [lib.add_article(_draft(t, x, lang, source=src)) for t, x, lang, src in DRAFTS]
        assert _queued(lib) == []  # nothing left for the sync to stem
        assert _indexed(lib) == sorted(ids)
        before = _vocab(lib)
        hits = {q: _hits(lib, q) for q in ("negociation", "minerals", "обстріл", "Okapi", "few")}
        assert hits["negociation"] == [ids[0]]
        assert hits["minerals"] == [ids[1]]
        assert hits["обстріл"] == [ids[2]]
        assert hits["few"] == [ids[3]]
        search_schema.reindex(lib.db)  # every row stemmed again the queued way
        assert _vocab(lib) == before
        assert {q: _hits(lib, q) for q in hits} == hits
        meta = dict(lib.db.execute("SELECT key, value FROM search_fts_meta").fetchall())
        assert {"lang:fr", "lang:en", "lang:uk", "lang:"} <= set(meta)


def test_the_hash_computed_ahead_is_the_one_stored_and_finds_duplicates() -> None:
    with Library.memory() as lib:
        draft = _draft("Talks", "The minerals deal.  Signed in Kyiv.")
        first, added = lib.add_unless_duplicate(draft)
        assert added
        row = lib.db.execute("SELECT text_hash FROM articles WHERE id = ?", [first]).fetchone()
        assert row[0] == text_hash(draft.text)
        again, added = lib.add_unless_duplicate(
            _draft("Other", "the MINERALS deal. signed in kyiv.")
        )
        assert (again, added) == (first, False)


def test_forms_that_no_longer_fit_are_not_used() -> None:
    with Library.memory() as lib:
        draft = _draft("Talks", "Negotiators met in Goma.")
        draft.text = "Rebels advanced on Bukavu."  # changed after the forms were made
        article_id = lib.add_article(draft)
        assert _queued(lib) == [article_id]
        assert _hits(lib, "Bukavu") == [article_id]  # the sync stems the text it has
        assert _hits(lib, "Goma") == []
        for change in ({"title": "Other"}, {"language": "fr"}, {"source": "Wire"}):
            moved = _draft("Talks", f"Talks number {len(change)} {next(iter(change))}.")
            moved = replace(moved, **change)
            moved.ahead = _draft("Talks", moved.text).ahead
            assert moved.ahead is not None
            assert not moved.ahead.fits(moved)


def test_an_index_of_another_recipe_leaves_the_article_queued() -> None:
    with Library.memory() as lib:
        draft = _draft("Talks", "Negotiators met in Goma.")
        stale = replace(draft)
        assert draft.ahead is not None
        stale.ahead = replace(draft.ahead, recipe="an older recipe")
        article_id = lib.add_article(stale)
        assert _queued(lib) == [article_id]
        with lib.transaction():
            lib.db.execute("INSERT OR REPLACE INTO search_fts_meta VALUES ('lang:en', 'old')")
        other = lib.add_article(_draft("More talks", "Negotiators met again in Goma."))
        assert other in _queued(lib)  # English was indexed with another stemmer
        assert sorted(_hits(lib, "negotiator")) == sorted([article_id, other])


def test_an_id_whose_old_values_wait_to_be_taken_out_stays_queued() -> None:
    with Library.memory() as lib:
        old = lib.add_article(_draft("Old", "Cobalt exports from Katanga."))
        lib.delete_article(old)  # its forms wait in search_fts_gone
        new = lib.add_article(_draft("New", "Lithium talks in Kyiv."))
        assert new == old  # SQLite gave the id again
        assert _queued(lib) == [new]
        assert _hits(lib, "cobalt") == []
        assert _hits(lib, "lithium") == [new]


def test_complete_draft_computes_the_forms_for_its_language() -> None:
    draft = complete_draft(Draft(title="Minerais", text="Les négociations sur les minerais."))
    assert draft.language == "fr"
    assert draft.ahead is not None
    assert draft.ahead.fits(draft)
    assert draft.ahead.forms == search_schema.article_forms(draft.title, draft.text, None, "fr")
    assert draft.ahead.text_hash == text_hash(draft.text)
    assert "ahead" not in repr(draft)
    assert draft == Draft(title="Minerais", text=draft.text, language="fr")


def test_mentions_and_blocks_travel_between_processes_unchanged() -> None:
    mentions = [
        Mention(0, 4, "Goma", "place", "Goma"),
        Mention(9, 11, "United Nations", "organization", "UN"),
    ]
    draft = _draft("Goma", "Goma and UN.", blocks=[Block("h1", 0, 4), Block("p", 6, 12)])
    back_mentions, back_draft, original = pickle.loads(
        pickle.dumps((mentions, draft, Original("a.txt", b"x")), protocol=pickle.HIGHEST_PROTOCOL)
    )
    assert back_mentions == mentions
    assert all(type(m) is Mention for m in back_mentions)
    assert back_draft == draft
    assert back_draft.blocks == draft.blocks
    assert back_draft.ahead == draft.ahead
    assert back_draft.ahead.fits(back_draft)
    assert back_draft.ahead.text is back_draft.text  # shared, so fitting is identity
    assert original == Original("a.txt", b"x")
