"""Give the wine prefix the ``icuuc.dll`` that Windows 10 1903 and later carry in System32.

    python packaging/windows/icu_forwarder.py      # (smoke_wine.py --window runs it)

Qt6Core.dll of the PySide6 wheel imports ICU's converter functions from ``icuuc.dll`` by
their plain names (``ucnv_open``, ...), as Windows' own ICU exports them. Wine has no such
DLL, and the ICU builds on PyPI (``icu4py``'s) export versioned names (``ucnv_open_78``)
from hashed file names. So this writes a DLL of forwarders only (no code): each name Qt
imports points at the versioned one in icu4py's ``icuuc78-<hash>.dll``; that library and
what it needs are copied into the prefix's ``system32`` beside it. It is for testing under
wine only: nothing of it goes into the bundle, which uses Windows' own ICU.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from winenv import PIP_WINDOWS, cache_dir

ICU_WHEEL = "icu4py==1.2.0"
SECTION_RVA = 0x1000
FILE_ALIGN = 0x200


def _align(value: int, alignment: int) -> int:
    return (value + alignment - 1) // alignment * alignment


def forwarder_dll(name: str, forwards: dict[str, str]) -> bytes:
    """A PE32+ DLL called ``name`` that exports each key of ``forwards`` as a forwarder to
    its value (``"module.function"``): one read-only section holding the export table."""
    names = sorted(forwards, key=lambda n: n.encode())
    count = len(names)
    functions = SECTION_RVA + 40
    name_pointers = functions + 4 * count
    ordinals = name_pointers + 4 * count
    strings = bytearray()
    string_base = ordinals + 2 * count

    def add(text: str) -> int:
        rva = string_base + len(strings)
        strings.extend(text.encode("ascii") + b"\0")
        return rva

    dll_name = add(name)
    targets = [add(forwards[n]) for n in names]
    exported = [add(n) for n in names]
    directory = struct.pack(
        "<IIHHIIIIIII", 0, 0, 0, 0, dll_name, 1, count, count, functions, name_pointers, ordinals
    )
    body = (
        directory
        + struct.pack(f"<{count}I", *targets)
        + struct.pack(f"<{count}I", *exported)
        + struct.pack(f"<{count}H", *range(count))
        + bytes(strings)
    )
    raw_size = _align(len(body), FILE_ALIGN)
    image_size = SECTION_RVA + _align(len(body), 0x1000)
    dos = b"MZ" + bytes(0x3A) + struct.pack("<I", 0x40)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x8664, 1, 0, 0, 0, 240, 0x2022)
    optional = struct.pack("<HBBIIIII", 0x20B, 14, 0, 0, raw_size, 0, 0, SECTION_RVA) + struct.pack(
        "<QIIHHHHHHIIIIHHQQQQII",
        0x180000000,
        0x1000,
        FILE_ALIGN,
        6,
        0,
        0,
        0,
        6,
        0,
        0,
        image_size,
        FILE_ALIGN,
        0,
        2,
        0x0100,
        0x100000,
        0x1000,
        0x100000,
        0x1000,
        0,
        16,
    )
    optional += struct.pack("<II", SECTION_RVA, len(body)) + bytes(8 * 15)
    section = struct.pack(
        "<8sIIIIIIHHI",
        b".edata",
        len(body),
        SECTION_RVA,
        raw_size,
        FILE_ALIGN,
        0,
        0,
        0,
        0,
        0x40000040,
    )
    headers = dos + coff + optional + section
    return headers + bytes(FILE_ALIGN - len(headers)) + body + bytes(raw_size - len(body))


def qt_icu_imports(qt_core: Path) -> list[str]:
    """The names Qt6Core.dll imports from ``icuuc.dll``."""
    sys.path.insert(0, str(cache_dir() / "python" / "Lib" / "site-packages"))
    import pefile  # the Windows environment's copy (PyInstaller's dependency)

    image = pefile.PE(str(qt_core), fast_load=True)
    image.parse_data_directories(
        directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]]
    )
    for entry in image.DIRECTORY_ENTRY_IMPORT:
        if entry.dll.decode().lower() == "icuuc.dll":
            return [item.name.decode() for item in entry.imports if item.name]
    return []


def install(qt_core: Path) -> Path:
    """icu4py's ICU and the forwarding ``icuuc.dll`` in the prefix's system32."""
    cache = cache_dir()
    system32 = cache / "prefix" / "drive_c" / "windows" / "system32"
    target = system32 / "icuuc.dll"
    with tempfile.TemporaryDirectory(prefix="fieldreader-icu-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", *PIP_WINDOWS, ICU_WHEEL]
            + ["-d", tmp],
            check=True,
            capture_output=True,
        )
        wheel = next(Path(tmp).glob("icu4py-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            libraries = [n for n in archive.namelist() if n.startswith("icu4py.libs/")]
            for member in libraries:
                (system32 / Path(member).name).write_bytes(archive.read(member))
    uc = next(Path(n).stem for n in libraries if re.match(r"icu4py.libs/icuuc\d+-", n))
    version = re.match(r"icuuc(\d+)-", uc)
    assert version is not None
    forwards = {n: f"{uc}.{n}_{version.group(1)}" for n in qt_icu_imports(qt_core)}
    target.write_bytes(forwarder_dll("icuuc.dll", forwards))
    return target


def main() -> int:
    qt_core = cache_dir() / "python" / "Lib" / "site-packages" / "PySide6" / "Qt6Core.dll"
    print(install(qt_core))
    return 0


if __name__ == "__main__":
    if shutil.which("wine") is None:
        raise SystemExit("icu_forwarder: no wine")
    raise SystemExit(main())
