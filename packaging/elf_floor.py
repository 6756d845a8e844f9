"""Which system library versions the files of a Linux bundle need: the GLIBC floor check.

An ELF file that uses a versioned symbol of a system library names that version in its
``.gnu.version_r`` section (``GLIBC_2.35``, ``GLIBCXX_3.4.30``, ``GCC_12.0.0``, ...). The
highest version any file of the bundle needs is the oldest system the bundle runs on.
:func:`version_needs` reads those entries straight from the file (64- and 32-bit, either
byte order; no ``readelf`` needed), :func:`scan` walks a folder and :func:`over_floor`
names every file that needs more than :data:`FLOORS` allows.

The floors are those of Ubuntu 22.04 / Linux Mint 21 (glibc 2.35, GCC 12's libstdc++ and
libgcc_s), which the Linux build must start on; the bundle leaves ``libstdc++`` and
``libgcc_s`` to the system (``trim.SYSTEM_LIBRARIES``), so their versions are checked
against what that system has.

    python packaging/elf_floor.py dist/fieldreader     # the highest needs, and who sets them
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The highest glibc version a bundled file may need (Ubuntu 22.04, Mint 21).
GLIBC_FLOOR = (2, 35)
#: Version-name prefix -> the highest version allowed: Ubuntu 22.04's glibc 2.35,
#: libstdc++ 12 (GLIBCXX_3.4.30, CXXABI_1.3.13) and libgcc_s 12 (GCC_12.0.0).
FLOORS: dict[str, tuple[int, ...]] = {
    "GLIBC": GLIBC_FLOOR,
    "GLIBCXX": (3, 4, 30),
    "CXXABI": (1, 3, 13),
    "GCC": (12, 0, 0),
}
ELF_MAGIC = b"\x7fELF"
SHT_GNU_VERNEED = 0x6FFFFFFE


@dataclass(frozen=True, slots=True)
class Need:
    """One version a file needs: ``GLIBC_2.35`` from ``libc.so.6``."""

    library: str
    name: str

    @property
    def prefix(self) -> str:
        return self.name.rsplit("_", 1)[0] if "_" in self.name else self.name

    @property
    def number(self) -> tuple[int, ...] | None:
        """``GLIBC_2.35`` -> (2, 35); None for names with no number (``GLIBC_PRIVATE``)."""
        _, _, tail = self.name.rpartition("_")
        try:
            return tuple(int(part) for part in tail.split("."))
        except ValueError:
            return None


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def _cstring(data: bytes, offset: int) -> str:
    end = data.find(b"\0", offset)
    return data[offset : end if end >= 0 else len(data)].decode("ascii", "replace")


def version_needs(data: bytes) -> list[Need]:
    """The versions an ELF image needs (its ``SHT_GNU_verneed`` entries); [] when it has none.

    Raises ``ValueError`` for bytes that are not a well-formed ELF file.
    """
    if data[:4] != ELF_MAGIC or len(data) < 64:
        raise ValueError("not an ELF file")
    wide = data[4] == 2  # ELFCLASS64
    order = "<" if data[5] == 1 else ">"
    try:
        if wide:
            (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
            section = order + "IIQQQQIIQQ"
        else:
            (shoff,) = struct.unpack_from(order + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
            section = order + "IIIIIIIIII"
        headers = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
        needs: list[Need] = []
        for _name, kind, _flags, _addr, offset, _size, link, info, *_ in headers:
            if kind != SHT_GNU_VERNEED:
                continue
            strings = headers[link][4]  # the linked string table's file offset
            entry = offset
            for _ in range(info):  # info = the number of Verneed entries
                _ver, count, file_name, aux, next_entry = struct.unpack_from(
                    order + "HHIII", data, entry
                )
                library = _cstring(data, strings + file_name)
                at = entry + aux
                for _ in range(count):
                    _hash, _flags2, _other, name, next_aux = struct.unpack_from(
                        order + "IHHII", data, at
                    )
                    needs.append(Need(library, _cstring(data, strings + name)))
                    at += next_aux
                if not next_entry:
                    break
                entry += next_entry
        return needs
    except (struct.error, IndexError) as exc:
        raise ValueError(f"malformed ELF file: {exc}") from exc


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file under ``folder`` (symbolic links skipped), in path order."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink() and is_elf(path)
    )


def scan(folder: Path) -> dict[Path, list[Need]]:
    """Each ELF file under ``folder`` with the versions it needs."""
    return {path: version_needs(path.read_bytes()) for path in elf_files(folder)}


def highest(needs: dict[Path, list[Need]], prefix: str) -> tuple[tuple[int, ...], list[Path]]:
    """The highest ``prefix`` version any file needs, and the files that need it."""
    top: tuple[int, ...] = ()
    files: list[Path] = []
    for path, wanted in needs.items():
        numbers = [n.number for n in wanted if n.prefix == prefix and n.number]
        best = max(numbers, default=())
        if not best:
            continue
        if best > top:
            top, files = best, [path]
        elif best == top:
            files.append(path)
    return top, files


def over_floor(
    needs: dict[Path, list[Need]], floors: dict[str, tuple[int, ...]] = FLOORS
) -> list[tuple[Path, str]]:
    """Every (file, version name) above its floor, in file order."""
    found: list[tuple[Path, str]] = []
    for path, wanted in needs.items():
        for need in wanted:
            limit = floors.get(need.prefix)
            number = need.number
            if limit is not None and number is not None and number > limit:
                found.append((path, need.name))
    return found


def dotted(version: Iterable[int]) -> str:
    return ".".join(map(str, version))


def report(folder: Path, needs: dict[Path, list[Need]]) -> list[str]:
    """Lines naming the highest version of each checked library and the files setting it."""
    lines = []
    for prefix in FLOORS:
        top, files = highest(needs, prefix)
        if not top:
            continue
        names = ", ".join(p.relative_to(folder).as_posix() for p in files[:4])
        more = f" (+{len(files) - 4} more)" if len(files) > 4 else ""
        limit = dotted(FLOORS[prefix])
        lines.append(f"{prefix}_{dotted(top)} (floor {limit}): {names}{more}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    needs = scan(args.folder)
    for line in report(args.folder, needs):
        print(line)
    bad = over_floor(needs)
    for path, name in bad:
        print(f"over the floor: {path.relative_to(args.folder)} needs {name}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
