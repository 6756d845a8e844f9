"""Portable mode and the default places of the library and settings (reader.locations)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import locations


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be a frozen app whose executable lives in ``tmp_path/app``."""
    folder = tmp_path / "app"
    folder.mkdir()
    executable = folder / "fieldreader"
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return folder


def test_not_frozen_is_never_portable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert locations.executable_dir() is None
    assert locations.portable_root() is None
    assert locations.settings_dir() is None


def test_not_frozen_even_with_marker_beside_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    python = tmp_path / "python3"
    python.write_bytes(b"")
    (tmp_path / "portable").write_text("")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(python))
    assert locations.portable_root() is None


def test_frozen_without_marker_uses_user_folders(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    assert locations.executable_dir() == frozen_app.resolve()
    assert locations.portable_root() is None
    assert locations.settings_dir() is None
    path = locations.default_library_path()
    assert path.name == "library.sqlite"
    assert frozen_app.resolve() not in path.parents
    if sys.platform.startswith("linux"):
        assert path == tmp_path / "xdg-data" / "Fieldreader" / "library.sqlite"


def test_portable_marker_keeps_data_beside_executable(frozen_app: Path) -> None:
    (frozen_app / "portable").write_text("")
    data = frozen_app.resolve() / "fieldreader-data"
    assert locations.portable_root() == data
    assert locations.default_library_path() == data / "library.sqlite"
    assert locations.settings_dir() == data
    assert not data.exists(), "asking where the data goes must not create it"


def test_marker_must_be_a_file(frozen_app: Path) -> None:
    (frozen_app / "portable").mkdir()
    assert locations.portable_root() is None


def test_marker_found_through_a_symlinked_executable(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_app / "portable").write_text("")
    link = tmp_path / "bin" / "fieldreader"
    link.parent.mkdir()
    link.symlink_to(frozen_app / "fieldreader")
    monkeypatch.setattr(sys, "executable", str(link))
    assert locations.portable_root() == frozen_app.resolve() / "fieldreader-data"


def test_locations_does_not_import_qt() -> None:
    code = (
        "import sys, reader.locations as loc; loc.default_library_path(); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
