"""The licences of what the app is made of (Qt-free: reader.services.licences)."""

from __future__ import annotations

import sys
from importlib import metadata

import pytest

from reader.services.licences import (
    DIRECT_REQUIREMENTS,
    NO_TEXT,
    Component,
    bundled_text,
    canonical,
    components,
    licence_of,
    licence_text,
    requirement_names,
)


def test_requirement_names_leave_extras_out():
    lines = [
        "PySide6-Essentials<6.12,>=6.11.3",
        "lxml[html_clean]>=5",
        'pytest>=8; extra == "test"',
        'tzdata; sys_platform == "win32"',
    ]
    assert requirement_names(lines) == ["PySide6-Essentials", "lxml", "tzdata"]
    assert requirement_names(None) == []


def test_the_fallback_list_matches_the_installed_app():
    installed = requirement_names(metadata.requires("fieldreader"))
    assert sorted(map(canonical, DIRECT_REQUIREMENTS)) == sorted(map(canonical, installed))


def test_components_cover_qt_python_sqlite_and_every_dependency():
    found = components(sqlite_version="3.45.0")
    by_name = {canonical(c.name): c for c in found}
    assert found[0].licence.startswith("LGPL-3.0")
    assert by_name["python"].licence.startswith("PSF")
    assert by_name["sqlite"].version == "3.45.0"
    assert by_name["sqlite"].licence == "Public domain"
    for name in ("sqlite-utils", "markdown", "pypdf", "feedparser", "pyyaml", "lxml"):
        assert name in by_name, name  # direct and indirect ones
        assert by_name[name].version
        assert by_name[name].licence != "unknown"
    assert by_name["markdown"].licence == "BSD-3-Clause"
    assert "Copyright" in (by_name["markdown"].text or "")
    assert "pyside6-essentials" not in by_name  # it is the Qt entry
    assert "pytest" not in by_name  # a test extra, not part of the app


def test_a_missing_app_falls_back_to_the_direct_requirements():
    found = components("no-such-app-anywhere")
    names = {canonical(c.name) for c in found}
    assert {"sqlite-utils", "markdown", "pypdf"} <= names


class FakeMeta(dict):
    def get_all(self, key):
        value = self.get(key)
        return value if isinstance(value, list) else ([value] if value else None)


class FakeDist:
    def __init__(self, files: dict[str, str]):
        self.files_text = files

    def read_text(self, name):
        return self.files_text.get(name)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (FakeMeta({"License-Expression": "MIT"}), "MIT"),
        (FakeMeta({"License": "BSD"}), "BSD"),
        (FakeMeta({"License": "x" * 500, "Classifier": ["License :: OSI Approved :: ISC"]}), "ISC"),
        (FakeMeta({"Classifier": ["Topic :: Text"]}), "unknown"),
    ],
)
def test_licence_of(meta, expected):
    assert licence_of(meta) == expected


def test_licence_text_from_files_or_field():
    named = FakeMeta({"License-File": ["LICENSE.md"]})
    assert licence_text(FakeDist({"licenses/LICENSE.md": "The text"}), named) == "The text\n"
    assert licence_text(FakeDist({"COPYING": "GPL text"}), FakeMeta()) == "GPL text\n"
    whole = "Permission is granted " * 20
    assert licence_text(FakeDist({}), FakeMeta({"License": whole})) == whole.strip() + "\n"
    assert licence_text(FakeDist({}), FakeMeta({"License": "MIT"})) is None


def test_a_component_without_text_says_so():
    bare = Component("Thing", "1.0", "MIT")
    assert bare.text_or_note == f"Thing: MIT ({NO_TEXT})."
    assert Component("Thing", "1.0", "MIT", "full").text_or_note == "full"


def test_a_frozen_app_reads_its_bundled_licences(tmp_path, monkeypatch):
    folder = tmp_path / "licences"
    folder.mkdir()
    (folder / "Qt.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fieldreader"))
    assert bundled_text("Qt") == "GNU LESSER GENERAL PUBLIC LICENSE\n"
    assert bundled_text("SQLite") is None  # not there: the built-in words are used
    monkeypatch.setattr(sys, "frozen", False)
    assert bundled_text("Qt") is None
