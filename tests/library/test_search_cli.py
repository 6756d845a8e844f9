"""The search commands (issues 14, 15): column filters, "did you mean" on stderr and with
``--suggest``, French words found from the command line, ``import --language`` shown by
``show --json``, and an empty library's ``list`` saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import run, run_json

pytestmark = pytest.mark.e2e

FRENCH = (
    "Les négociations sur les minerais stratégiques reprennent. La sécurité et la "
    "souveraineté du pays sont au cœur de l'accord, a dit le président Félix Tshisekedi."
)
ENGLISH = "The government of Tshisekedi discussed cobalt with investors in Kinshasa."


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    library = tmp_path / "library.sqlite"
    (tmp_path / "fr.txt").write_text("Accord minier\n\n" + FRENCH + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Cobalt talks\n\n" + ENGLISH + "\n", encoding="utf-8")
    run_json(library, "import", str(tmp_path / "fr.txt"), "--language", "fr")
    run_json(library, "import", str(tmp_path / "en.txt"), "--language", "en")
    return library


def test_import_language_is_stored_and_shown(filled: Path) -> None:
    languages = {
        a["title"]: run_json(filled, "show", str(a["id"]))["language"]
        for a in run_json(filled, "list")
    }
    assert languages == {"Accord minier": "fr", "Cobalt talks": "en"}
    bad = run(filled, "import", "x.txt", "--language", "french!")
    assert bad.returncode == 2
    assert "not a language code" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("query", ["minerai", "negociation", "securite", "souverainete"])
def test_french_words_are_found_from_the_command_line(filled: Path, query: str) -> None:
    [hit] = run_json(filled, "search", query)
    assert hit["title"] == "Accord minier"
    assert hit["kind"] == "article"


def test_title_and_source_filters(filled: Path) -> None:
    assert [h["title"] for h in run_json(filled, "search", "title:cobalt")] == ["Cobalt talks"]
    assert run_json(filled, "search", "title:government") == []  # in the text only
    assert [h["title"] for h in run_json(filled, "search", "government")] == ["Cobalt talks"]


def test_no_match_gives_an_empty_list_and_a_suggestion_on_stderr(filled: Path) -> None:
    assert run_json(filled, "search", "Tshisekdi") == []
    human = run(filled, "search", "Tshisekdi")
    assert human.returncode == 0
    assert human.stdout.strip() == "no matches"
    assert "did you mean: tshisekedi?" in human.stderr
    assert run_json(filled, "search", "--suggest", "Tshisekdi") == ["tshisekedi"]
    assert run_json(filled, "search", "--suggest", "goverment") == ["government"]
    assert run_json(filled, "search", "--suggest", "securte") == ["sécurité"]
    assert run_json(filled, "search", "--suggest", "cobalt") == []  # nothing to correct
    assert run_json(filled, "search", "--suggest", "goverment cobalt") == ["government cobalt"]


def test_list_on_an_empty_library_says_so(tmp_path: Path) -> None:
    out = run(tmp_path / "empty.sqlite", "list")
    assert out.returncode == 0
    assert "the library is empty" in out.stdout
    assert run_json(tmp_path / "empty.sqlite", "list") == []


def test_list_and_search_options_have_help(tmp_path: Path) -> None:
    listing = run(tmp_path / "l.sqlite", "list", "--help").stdout
    assert "--sort {published,imported,title,source}\n" in listing
    assert "the order:" in listing
    searching = run(tmp_path / "l.sqlite", "search", "--help").stdout
    assert "at most N results" in searching
    assert "--suggest" in searching
