"""The check's problems and a repair's steps as the window writes them, in English and in
French, from their kind and parameters; unknown kinds fall back to the detail."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.library.maintenance import Problem, Report, Step
from reader.ui.safety.problems import problem_text, step_text
from reader.ui.safety.tasks import CheckDone

NBSP = "\u00a0"

PROBLEMS = [
    Problem("integrity", "page 4 is never used", params={"message": "page 4 is never used"}),
    Problem(
        "foreign_key",
        "mentions row 7 points to a missing entities row",
        params={"table": "mentions", "row": 7, "parent": "entities"},
    ),
    Problem(
        "search_index",
        "the articles_fts index does not match its table",
        True,
        {"table": "articles_fts", "of": "articles", "stemmed": False},
    ),
    Problem(
        "search_index",
        "the stemmed search index notes_stem_fts is damaged",
        True,
        {"table": "notes_stem_fts", "of": "notes", "stemmed": True},
    ),
    Problem(
        "mentions",
        "1500 entity mentions no longer match the text of articles 3, 5 (run 'x')",
        params={"count": 1500, "articles": [3, 5], "article_count": 2},
    ),
    Problem("anchor", "note 4 no longer matches its passage", True, {"note": 4}),
    Problem("entity_counts", "1 entities carry wrong mention counts", True, {"count": 1}),
    Problem("codings", "2 codings no longer match their passage", params={"count": 2}),
]
STEPS = [
    Step("search_indexes", "rebuilt the search indexes"),
    Step("note_anchors", "re-anchored 2 notes; flagged 1 as unresolved", {"moved": 2, "lost": 1}),
    Step("reextracted", "re-extracted the entities of 1 article", {"count": 1}),
]


def test_problems_in_english() -> None:
    assert [problem_text(p) for p in PROBLEMS] == [
        "SQLite\u2019s integrity check: page 4 is never used",
        "Row 7 of the mentions table points to a missing row of entities",
        "The search index of articles does not match the articles",
        "The stemmed search index of notes is damaged",
        "1,500 entity mentions no longer match the text of articles 3, 5",
        "Note 4 no longer matches its passage",
        "1 entity carries a wrong mention count",
        "2 codings no longer match their passage",
    ]
    assert [step_text(s) for s in STEPS] == [
        "Rebuilt the search indexes",
        "Notes re-anchored: 2; notes flagged as unresolved: 1",
        "Extracted the entities of 1 article again",
    ]


def test_a_long_list_of_articles_is_cut() -> None:
    many = Problem(
        "mentions",
        "detail",
        params={"count": 30, "articles": list(range(1, 11)), "article_count": 14},
    )
    assert problem_text(many).endswith("articles 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\u2026")


def test_unknown_kinds_and_missing_parameters_show_the_detail() -> None:
    assert problem_text(Problem("newer_kind", "something odd")) == "something odd"
    old = Problem("mentions", "2 entity mentions no longer match (run 'fieldreader reextract')")
    assert problem_text(old) == "2 entity mentions no longer match"
    assert step_text(Step("newer_step", "did a thing")) == "did a thing"


def test_problems_and_steps_in_french(french: QApplication) -> None:
    texts = [problem_text(p) for p in PROBLEMS]
    assert texts[0] == f"Contrôle d’intégrité de SQLite{NBSP}: page 4 is never used"
    assert texts[2] == "L’index de recherche des articles ne correspond plus aux articles"
    assert texts[4] == (
        "1\u202f500 mentions d’entités ne correspondent plus au texte des articles 3, 5"
    )
    assert texts[5] == "La note 4 ne correspond plus à son passage"
    assert texts[6] == "1 entité a un nombre de mentions erroné"
    single = Problem("mentions", "d", params={"count": 1, "articles": [9], "article_count": 1})
    assert problem_text(single) == ("1 mention d’entité ne correspond plus au texte de l’article 9")
    steps = [step_text(s) for s in STEPS]
    assert steps[0] == "Index de recherche reconstruits"
    assert steps[1] == f"Notes réancrées{NBSP}: 2\u202f; notes signalées sans passage{NBSP}: 1"


def test_the_report_dialog_text_is_french(french: QApplication) -> None:
    sick = CheckDone(Report(problems=PROBLEMS[2:4]))
    text = sick.text()
    assert "\u2022 L’index de recherche des articles ne correspond plus aux articles" in text
    assert "does not" not in text
    report = Report()
    for step in STEPS:
        report.add_step(step)
    report.repaired.append("a line without a step")
    fixed = CheckDone(report, repaired=True)
    lines = fixed.repaired_lines()
    assert lines[0] == "Index de recherche reconstruits"
    assert lines[-1] == "a line without a step"
    assert len(lines) == 4
    assert "\u2713 Entités extraites à nouveau de 1 article" in fixed.text()
