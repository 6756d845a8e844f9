"""The glibc floor check of the Linux bundle (packaging/elf_floor.py): version needs read
straight from ELF files, the highest found, and files above the floor named."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import ROOT

sys.path.insert(0, str(ROOT / "packaging"))

from elf_floor import (
    FLOORS,
    GLIBC_FLOOR,
    Need,
    elf_files,
    highest,
    over_floor,
    report,
    scan,
    version_needs,
)


def fake_elf(needs: dict[str, list[str]], *, wide: bool = True, big: bool = False) -> bytes:
    """A minimal ELF image with a dynamic string table and a .gnu.version_r section."""
    order = ">" if big else "<"
    strings = bytearray(b"\0")
    offsets: dict[str, int] = {}
    for name in [*needs, *(v for vs in needs.values() for v in vs)]:
        if name not in offsets:
            offsets[name] = len(strings)
            strings += name.encode() + b"\0"
    verneed = bytearray()
    libraries = list(needs)
    for index, library in enumerate(libraries):
        versions = needs[library]
        last = index == len(libraries) - 1
        size = 16 + 16 * len(versions)
        verneed += struct.pack(
            order + "HHIII", 1, len(versions), offsets[library], 16, 0 if last else size
        )
        for number, version in enumerate(versions):
            nxt = 0 if number == len(versions) - 1 else 16
            verneed += struct.pack(order + "IHHII", 0, 0, number + 2, offsets[version], nxt)
    header_size = 64 if wide else 52
    strings_at = header_size
    verneed_at = strings_at + len(strings)
    sections_at = verneed_at + len(verneed)
    if wide:
        entry = order + "IIQQQQIIQQ"
        sections = [
            struct.pack(entry, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            struct.pack(entry, 0, 3, 0, 0, strings_at, len(strings), 0, 0, 1, 0),
            struct.pack(
                entry, 0, 0x6FFFFFFE, 0, 0, verneed_at, len(verneed), 1, len(libraries), 4, 0
            ),
        ]
    else:
        entry = order + "IIIIIIIIII"
        sections = [
            struct.pack(entry, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            struct.pack(entry, 0, 3, 0, 0, strings_at, len(strings), 0, 0, 1, 0),
            struct.pack(
                entry, 0, 0x6FFFFFFE, 0, 0, verneed_at, len(verneed), 1, len(libraries), 4, 0
            ),
        ]
    ident = b"\x7fELF" + bytes([2 if wide else 1, 2 if big else 1, 1]) + bytes(9)
    if wide:
        head = ident + struct.pack(
            order + "HHIQQQIHHHHHH", 3, 62, 1, 0, 0, sections_at, 0, 64, 56, 0, 64, 3, 1
        )
    else:
        head = ident + struct.pack(
            order + "HHIIIIIHHHHHH", 3, 3, 1, 0, 0, sections_at, 0, 52, 32, 0, 40, 3, 1
        )
    assert len(head) == header_size
    return bytes(head + strings + verneed + b"".join(sections))


@pytest.mark.parametrize(("wide", "big"), [(True, False), (False, False), (True, True)])
def test_version_needs_are_read_from_the_file(wide: bool, big: bool):
    data = fake_elf(
        {"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.34"], "libstdc++.so.6": ["GLIBCXX_3.4.29"]},
        wide=wide,
        big=big,
    )
    assert version_needs(data) == [
        Need("libc.so.6", "GLIBC_2.2.5"),
        Need("libc.so.6", "GLIBC_2.34"),
        Need("libstdc++.so.6", "GLIBCXX_3.4.29"),
    ]


def test_names_and_numbers():
    assert Need("libc.so.6", "GLIBC_2.35").number == (2, 35)
    assert Need("libc.so.6", "GLIBC_2.35").prefix == "GLIBC"
    assert Need("libc.so.6", "GLIBC_PRIVATE").number is None
    assert Need("libgcc_s.so.1", "GCC_3.0").prefix == "GCC"


def test_not_elf_or_truncated_is_an_error():
    with pytest.raises(ValueError, match="not an ELF"):
        version_needs(b"#!/bin/sh\necho hi\n" * 8)
    good = fake_elf({"libc.so.6": ["GLIBC_2.17"]})
    with pytest.raises(ValueError, match="malformed"):
        version_needs(good[: len(good) - 30])


def _bundle(tmp_path: Path) -> Path:
    app = tmp_path / "app"
    (app / "_internal" / "lib").mkdir(parents=True)
    (app / "fieldreader").write_bytes(fake_elf({"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.17"]}))
    (app / "_internal" / "libpython.so").write_bytes(fake_elf({"libc.so.6": ["GLIBC_2.35"]}))
    (app / "_internal" / "lib" / "libnew.so").write_bytes(
        fake_elf({"libc.so.6": ["GLIBC_2.36"], "libstdc++.so.6": ["GLIBCXX_3.4.31"]})
    )
    (app / "_internal" / "notes.txt").write_text("not a library")
    return app


def test_the_bundle_above_the_floor_is_named(tmp_path: Path):
    app = _bundle(tmp_path)
    needs = scan(app)
    assert sorted(p.name for p in elf_files(app)) == ["fieldreader", "libnew.so", "libpython.so"]
    top, files = highest(needs, "GLIBC")
    assert top == (2, 36)
    assert [p.name for p in files] == ["libnew.so"]
    assert [(p.name, name) for p, name in over_floor(needs)] == [
        ("libnew.so", "GLIBC_2.36"),
        ("libnew.so", "GLIBCXX_3.4.31"),
    ]
    lines = report(app, needs)
    assert lines[0] == "GLIBC_2.36 (floor 2.35): _internal/lib/libnew.so"


def test_at_the_floor_passes(tmp_path: Path):
    app = _bundle(tmp_path)
    (app / "_internal" / "lib" / "libnew.so").unlink()
    assert over_floor(scan(app)) == []
    assert FLOORS["GLIBC"] == GLIBC_FLOOR == (2, 35)


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs binutils")
def test_agrees_with_readelf_on_a_real_library():
    library = Path(sys.executable).resolve()
    out = subprocess.run(
        ["readelf", "--version-info", "--wide", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    expected = sorted(
        line.split("Name:")[1].split()[0] for line in out.splitlines() if "Name:" in line
    )
    expected = [name for name in expected if "_" in name]  # the version names only
    assert sorted(n.name for n in version_needs(library.read_bytes())) == expected
