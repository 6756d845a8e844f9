"""Importing, issue 14 and 15: every article gets a language (named for the import, from its
metadata, or detected), a legacy-encoded file reads as the right letters, an article whose
metadata has no date takes its dateline's, and a duplicate re-imported with tags gets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library
from reader.library.draft import Draft
from reader.library.errors import InvalidInputError
from reader.services.importing import import_one, import_paths
from reader.services.pipeline import check_language, complete_draft, prepare_in_parallel

FRENCH = (
    "GOMA, 14 mars 2025 — Les combats ont repris dans le territoire de Masisi, selon des "
    "sources locales. Des milliers de familles ont fui vers la ville, où les camps sont déjà "
    "pleins.\n\nLe gouvernement a appelé au calme et promis une aide aux déplacés."
)
UKRAINIAN = (
    "Верховна Рада ухвалила закон про угоду зі США щодо корисних копалин.\n\n"
    "Президент Володимир Зеленський заявив у Києві, що угода вигідна обом країнам, а "
    "відбудова України почнеться вже цього року."
)
ENGLISH = (
    "KYIV, March 3 (Reuters) - Ukraine's parliament voted on Monday to ratify the minerals "
    "agreement with the United States, officials said.\n\nThe fund will invest in mining "
    "and infrastructure projects across the country."
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _only(library: Library, paths: list[Path], **kwargs: object) -> int:
    results = import_paths(library, paths, parallel=False, **kwargs)  # type: ignore[arg-type]
    assert [r.status for r in results] == ["added"], [r.as_json() for r in results]
    assert results[0].id is not None
    return results[0].id


def test_plain_text_gets_its_detected_language(library: Library, tmp_path: Path) -> None:
    fr = _only(library, [_write(tmp_path / "fr.txt", "Reprise des combats\n" + FRENCH)])
    uk = _only(library, [_write(tmp_path / "uk.txt", "Угода про надра\n" + UKRAINIAN)])
    en = _only(library, [_write(tmp_path / "en.md", "# Rada votes\n\n" + ENGLISH)])
    assert library.language_of(fr) == "fr"
    assert library.language_of(uk) == "uk"
    assert library.language_of(en) == "en"


def test_too_little_text_stays_unknown(library: Library, tmp_path: Path) -> None:
    article = _only(library, [_write(tmp_path / "names.txt", "Goma, Bukavu, Uvira")])
    assert library.language_of(article) is None


def test_the_metadata_language_comes_first(library: Library, tmp_path: Path) -> None:
    md = _write(tmp_path / "said.md", "---\nlanguage: fr-CD\n---\n\n" + ENGLISH)
    assert library.language_of(_only(library, [md])) == "fr"


def test_the_import_names_the_language(library: Library, tmp_path: Path) -> None:
    md = _write(tmp_path / "said.md", "---\nlanguage: en\n---\n\n" + FRENCH)
    article = _only(library, [md], language="FR")
    assert library.language_of(article) == "fr"
    one = import_one(library, _write(tmp_path / "b.txt", UKRAINIAN), language="ru")
    assert library.language_of(one[0].id or 0) == "ru"


@pytest.mark.parametrize("bad", ["french", "f", "12", "", "fr_", "zz-"])
def test_a_bad_language_is_refused_before_anything_is_read(
    library: Library, tmp_path: Path, bad: str
) -> None:
    path = _write(tmp_path / "a.txt", FRENCH)
    if bad in ("fr_", "zz-"):  # a locale's separator alone is forgiven: "fr", "zz"
        assert check_language(bad) == bad[:2]
        return
    with pytest.raises(InvalidInputError, match="not a language code"):
        import_paths(library, [path], language=bad)
    assert library.count() == 0


def test_windows_1251_ukrainian_reads_as_cyrillic(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path / "uk-1251.txt", "Угода про надра\n" + UKRAINIAN, "cp1251")
    article = library.get(_only(library, [path]))
    assert article is not None
    assert "Зеленський" in article.text
    assert article.language == "uk"
    names = {e.name for e in library.article_entities(article.id)}
    assert {"Volodymyr Zelensky", "Verkhovna Rada", "Kyiv", "Ukraine"} <= names


def test_koi8_russian_and_cp1252_french(library: Library, tmp_path: Path) -> None:
    ru = "Переговоры в Стамбуле\nПесков заявил, что переговоры с Украиной продолжатся в Стамбуле."
    fr = _write(tmp_path / "fr.txt", "Reprise des combats\n" + FRENCH, "cp1252")
    ids = [_only(library, [_write(tmp_path / "ru.txt", ru, "koi8_r")]), _only(library, [fr])]
    texts = [library.text_of(i) or "" for i in ids]
    assert "Песков" in texts[0]
    assert "déplacés" in texts[1]


def test_the_dateline_dates_an_article_without_metadata(library: Library, tmp_path: Path) -> None:
    article = library.get(_only(library, [_write(tmp_path / "goma.txt", "Reprise\n" + FRENCH)]))
    assert article is not None
    assert article.published == "2025-03-14"
    # no year in the dateline: no date, never a guessed year
    en = library.get(_only(library, [_write(tmp_path / "kyiv.txt", "Rada\n" + ENGLISH)]))
    assert en is not None
    assert en.published is None


def test_the_metadata_date_wins_over_the_dateline(library: Library, tmp_path: Path) -> None:
    md = _write(tmp_path / "d.md", "---\ndate: 5 mars 2025\n---\n\n" + FRENCH)
    article = library.get(_only(library, [md]))
    assert article is not None
    assert article.published == "2025-03-05"  # once misread by dateutil as 2025-05-01


def test_a_duplicate_gets_the_tags_it_lacked(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path / "goma.txt", "Reprise\n" + FRENCH)
    first = _only(library, [path])
    again = import_paths(library, [path], tags=["drc", "fr"], parallel=False)
    assert [r.status for r in again] == ["duplicate"]
    assert again[0].id == first
    assert again[0].as_json()["tags_added"] == ["drc", "fr"]
    assert set(library.tags_of([first])[first]) == {"drc", "fr"}
    third = import_paths(library, [path], tags=["drc"], parallel=False)
    assert third[0].as_json()["tags_added"] == []  # it has it already
    plain = import_paths(library, [path], parallel=False)[0].as_json()
    assert "tags_added" not in plain  # the shape of a plain duplicate is as it was
    assert set(plain) == {"id", "title", "status", "path"}


def test_complete_draft_in_place() -> None:
    draft = Draft(title="Reprise des combats", text=FRENCH)
    assert complete_draft(draft) is draft
    assert (draft.language, draft.published) == ("fr", "2025-03-14")
    declared = Draft(title="t", text=FRENCH, language="EN-gb", published="2024-01-02")
    complete_draft(declared)
    assert (declared.language, declared.published) == ("en", "2024-01-02")
    junk = Draft(title="t", text=FRENCH, language="français")
    complete_draft(junk)
    assert junk.language == "fr"  # a declared value that is no code is detected instead


def test_worker_processes_detect_and_override_too(tmp_path: Path) -> None:
    files = [
        _write(tmp_path / "fr.txt", "Reprise\n" + FRENCH),
        _write(tmp_path / "uk.txt", "Угода\n" + UKRAINIAN, "cp1251"),
    ]
    detected = list(prepare_in_parallel(files, [], workers=1))
    drafts = [prepared[0][0].draft for _, prepared in detected]
    assert [(d.language, d.published) for d in drafts if d] == [("fr", "2025-03-14"), ("uk", None)]
    named = list(prepare_in_parallel(files, [], workers=1, language="ru"))
    assert [prepared[0][0].draft.language for _, prepared in named if prepared[0][0].draft] == [
        "ru",
        "ru",
    ]


def test_language_codes_as_article_edit_takes_them() -> None:
    assert check_language("fil") == "fil"  # ISO 639-3, for a language without a 639-1 code
    assert check_language(" UK ") == "uk"
    assert check_language("pt-BR") == "pt"
    assert check_language(None) is None
