"""Entities in the library: extraction at import, offsets, corrections that stick."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.expected import SEED_EXPECTED
from reader.library import Library
from reader.services.extraction import correct, reextract
from reader.services.importing import import_paths


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _names(library: Library, article_id: int) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in library.article_entities(article_id)}


def test_seed_entities_at_import_with_exact_offsets(library: Library, seed_file: Path) -> None:
    [result] = import_paths(library, [seed_file])
    found = _names(library, result.id)
    assert SEED_EXPECTED <= found
    assert not {n for n, _ in found} & {"However", "Although", "Source", "Despite", "The"}
    text = library.get(result.id).text
    surfaces = {text[s:e] for info in library.article_entities(result.id) for s, e in info.mentions}
    assert {"DRC", "Trump", "coltan", "M23"} <= surfaces


def test_short_forms_and_aliases_join_the_long_form(library: Library, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.txt",
        "Talks on minerals\n\nDonald Trump met officials from the DRC on Monday. "
        "Trump said the U.S. wanted cobalt.",
    )
    [result] = import_paths(library, [path])
    by_name = {e.name: e for e in library.article_entities(result.id)}
    assert by_name["Donald Trump"].count == 2
    assert "Trump" in by_name["Donald Trump"].aliases
    assert by_name["Democratic Republic of the Congo"].count == 1
    assert by_name["United States"].type == "place"


def test_corrections_survive_reextraction_and_apply_to_new_imports(
    library: Library, tmp_path: Path
) -> None:
    first = _write(
        tmp_path,
        "first.txt",
        "Cobalt talks\n\nThe minister met Signal Risk analysts in Goma. "
        "Officials of Gecamines said cobalt output rose.",
    )
    [one] = import_paths(library, [first])
    assert ("Goma", "place") in _names(library, one.id)
    assert correct(library, "hide", "Goma") == 1
    assert correct(library, "merge", "Signal Risk", "Gecamines") >= 1
    assert correct(library, "add", "output", "other") == 1
    names = _names(library, one.id)
    assert ("Goma", "place") not in names
    assert not any(n == "Signal Risk" for n, _ in names)
    assert ("output", "other") in names

    reextract(library)
    assert _names(library, one.id) == names

    second = _write(
        tmp_path,
        "second.txt",
        "Later\n\nSignal Risk said Goma was calm and output was steady.",
    )
    [two] = import_paths(library, [second])
    later = _names(library, two.id)
    assert not any(n in {"Goma", "Signal Risk"} for n, _ in later)
    assert ("output", "other") in later
    merged = [e for e in library.article_entities(two.id) if "Signal Risk" in e.aliases]
    assert merged, "the merged name is found as an alias of its target"


def test_rename_and_retype(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Note\n\nM23 fighters advanced near Bukavu on Sunday.")
    [one] = import_paths(library, [path])
    correct(library, "rename", "M23", "March 23 Movement")
    correct(library, "retype", "Bukavu", "other")
    names = _names(library, one.id)
    assert ("March 23 Movement", "armed_group") in names
    assert ("Bukavu", "other") in names
    assert library.entity_ids_named("M23") == []  # nothing left under the old name


@pytest.mark.parametrize(
    ("kind", "name", "value", "message"),
    [
        ("retype", "Goma", "cheese", "unknown entity type"),
        ("rename", "Nobody Here", "X", "no entity called"),
        ("merge", "Goma", "Goma", "into itself"),
        ("explode", "Goma", "", "unknown correction"),
        ("rename", "Goma", "", "needs a second name"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(
    library: Library, tmp_path: Path, kind: str, name: str, value: str, message: str
) -> None:
    import_paths(library, [_write(tmp_path, "a.txt", "Goma\n\nFighting in Goma went on.")])
    with pytest.raises(ValueError, match=message):
        correct(library, kind, name, value)
    assert library.correction_rows() == []


def test_deleting_an_article_drops_entities_nobody_mentions(
    library: Library, tmp_path: Path
) -> None:
    [one] = import_paths(library, [_write(tmp_path, "a.txt", "Goma\n\nRebels held Goma.")])
    assert library.entity_ids_named("Goma")
    library.delete_article(one.id)
    assert library.entity_ids_named("Goma") == []


def test_entity_counts_follow_every_change(library: Library, tmp_path: Path) -> None:
    from reader.library.entities import miscounted

    one = _write(tmp_path, "a.txt", "Goma\n\nRebels held Goma. Goma was quiet on Monday.")
    two = _write(tmp_path, "b.txt", "Bukavu\n\nFamilies fled from Goma to Bukavu.")
    [a], [b] = import_paths(library, [one]), import_paths(library, [two])
    goma = {e.name: e for e in library.entities()}["Goma"]
    assert (goma.count, goma.articles) == (3, 2)
    reextract(library)
    assert {e.name: (e.count, e.articles) for e in library.entities()}["Goma"] == (3, 2)
    library.delete_article(a.id)
    assert {e.name: (e.count, e.articles) for e in library.entities()}["Goma"] == (1, 1)
    correct(library, "hide", "Goma")
    assert "Goma" not in {e.name for e in library.entities()}
    assert miscounted(library.db) == 0
    assert {e.name for e in library.entities(article_id=b.id)} == {"Bukavu"}
