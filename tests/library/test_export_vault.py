"""The Markdown vault: file names in any script that every desktop accepts, and front matter
that citation tools read."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.library import Library
from reader.library.draft import Draft
from reader.library.export_markdown import MAX_NAME_BYTES, export_vault, slugify

#: What Windows forbids in a name, and the names it reserves whatever the extension.
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)


def _safe_everywhere(name: str) -> bool:
    stem = name.removesuffix(".md")
    return (
        name.endswith(".md")
        and not FORBIDDEN.search(name)
        and not RESERVED.fullmatch(stem)
        and stem == stem.strip(" .")
        and not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name)
        and len(name.encode("utf-8")) <= MAX_NAME_BYTES
        and unicodedata.is_normalized("NFC", name)
    )


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, sep, _ = text[4:].partition("\n---\n")
    assert sep
    return yaml.safe_load(head)


def test_a_cyrillic_title_gives_a_cyrillic_file_name(library: Library, tmp_path: Path) -> None:
    article = library.add_article(
        Draft(title="Обстрел Харькова: что известно", text="Текст статьи о Харькове.")
    )
    library.add_note(article, "Заметка", quote="Харькове")
    (path,) = export_vault(library, tmp_path).files
    assert path.name == "обстрел-харькова-что-известно.md"
    assert _front_matter(path)["title"] == "Обстрел Харькова: что известно"


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Обстрел Харькова", "обстрел-харькова"),
        ("Κρίση στην Αθήνα", "κρίση-στην-αθήνα"),
        ("الكونغو الديمقراطية", "الكونغو-الديمقراطية"),
        ("刚果 矿产 协议", "刚果-矿产-协议"),
        ("हिन्दी समाचार", "हिन्दी-समाचार"),
        ("Ça coûte 5 € à Zürich", "ça-coûte-5-à-zürich"),
        ("Cafe\u0301 au lait", "café-au-lait"),  # NFD in, NFC out
        ('What? <Who>: "them" | a/b\\c *', "what-who-them-a-b-c"),
        ("  ...trailing dots and spaces...  ", "trailing-dots-and-spaces"),
        ("tab\there\x00null\x1bescape", "tab-here-null-escape"),
        ("right\u202eto-left\u200boverride", "right-to-left-override"),
        ("CON", "con-note"),
        ("aux", "aux-note"),
        ("Com1", "com1-note"),
        ("LPT9", "lpt9-note"),
        ("COM¹", "com¹-note"),
        ("CON.txt", "con-txt"),
        ("?!…", "note"),
    ],
)
def test_names_keep_letters_of_any_script_and_are_safe(title: str, stem: str) -> None:
    assert slugify(title) == stem
    assert _safe_everywhere(f"{stem}.md")


@pytest.mark.parametrize(
    "title",
    [
        "Харьков " * 60,
        "刚果矿产协议" * 40,
        "नमस्ते दुनिया " * 30,
        "a" * 500,
        "e\u0301" * 150,
        "q\u0307\u0323" * 100,  # marks with no precomposed letter: kept with their base
    ],
)
def test_long_titles_fit_in_200_bytes_without_splitting_a_letter(title: str) -> None:
    stem = slugify(title)
    assert stem
    assert len(f"{stem}-99.md".encode()) <= MAX_NAME_BYTES
    assert not unicodedata.category(stem[0]).startswith("M")
    assert not stem.endswith("-")
    nfc = unicodedata.normalize("NFC", title).lower()
    assert nfc.replace(" ", "-").startswith(stem)
    if title.startswith("q"):
        assert stem.endswith(unicodedata.normalize("NFC", "q\u0307\u0323"))


def test_names_are_unique_even_where_case_is_ignored(library: Library, tmp_path: Path) -> None:
    for title in ("Kyiv Talks", "KYIV TALKS", "kyiv: talks", "CON", "Харьков", "ХАРЬКОВ"):
        article = library.add_article(Draft(title=title, text=f"Text of {title} itself."))
        library.add_note(article, f"On {title}")
    files = export_vault(library, tmp_path).files
    names = [p.name for p in files]
    assert names == [
        "kyiv-talks.md",
        "kyiv-talks-2.md",
        "kyiv-talks-3.md",
        "con-article.md",
        "харьков.md",
        "харьков-2.md",
    ]
    assert len({n.casefold() for n in names}) == len(names)
    assert all(_safe_everywhere(n) for n in names)


def test_front_matter_carries_the_citation_fields_as_valid_yaml(
    library: Library, tmp_path: Path
) -> None:
    title = 'Kyiv: "Peace" — talks?\n--- not a fence: #hash & *star* [list] {map}'
    article = library.add_article(
        Draft(
            title=title,
            text="Talks went on in Kyiv for hours.",
            byline="Olena Kovalenko: staff",
            source="Kyiv Independent",
            url="https://example.org/kyiv?a=1&b=2#top",
            published="2025-04-30",
            language="uk",
        ),
        tags=["talks", "yes", "2025", "null"],
    )
    library.add_note(article, "Worth a look.", quote="for hours")
    (path,) = export_vault(library, tmp_path).files
    meta = _front_matter(path)
    stored = library.get(article)
    assert meta == {
        "title": title,
        "author": "Olena Kovalenko: staff",
        "container": "Kyiv Independent",
        "date": "2025-04-30",
        "url": "https://example.org/kyiv?a=1&b=2#top",
        "accessed": stored.imported[:10],
        "language": "uk",
        "tags": sorted(stored.tags, key=list(stored.tags).index),
        "source": "Kyiv Independent",
        "published": "2025-04-30",
        "uid": stored.uid,
    }
    assert all(isinstance(t, str) for t in meta["tags"])  # "yes", "2025", "null" stay text
    assert isinstance(meta["date"], str)
    assert isinstance(meta["accessed"], str)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["accessed"])
