"""Reading the parts of a zipped document (EPUB, Word, OpenDocument) safely.

This module owns the rules every zip-based reader follows: :class:`Archive` opens the bytes
of a file as a zip and refuses, with one clear reason (:class:`ArchiveError`, a
``ValueError``), an archive that is not a zip, is encrypted, holds too many parts or a part
named outside it (an absolute path, ``..``, a drive letter); :meth:`Archive.read` gives one
part's bytes, capped (a part that would grow past :data:`MAX_PART_BYTES`, or past
:data:`MAX_TOTAL_BYTES` together with the parts read before it, is refused before it is
inflated: Python's zip reader never gives more than the size a part declares, so a
"zip bomb" stops at the cap). :func:`parse_xml` parses a part as XML with no DTD, no entity
and no network, so a document can never make the reader fetch or expand anything.
Nothing is ever written to disk.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from typing import Any

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs

__all__ = [
    "MAX_PART_BYTES",
    "MAX_PARTS",
    "MAX_TOTAL_BYTES",
    "Archive",
    "DAMAGED_ZIP_ERRORS",
    "ArchiveError",
    "UnsafeXmlError",
    "is_zip",
    "local_name",
    "parse_xml",
]

#: The most parts an archive may hold (a long book has a few hundred).
MAX_PARTS = 10_000
#: The largest one part read may be once inflated.
MAX_PART_BYTES = 64 * 1024 * 1024
#: The most all the parts read from one archive may add up to once inflated.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


#: What Python's zip reader raises on a damaged archive or part.
DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
)


class ArchiveError(ValueError):
    """A zipped document that cannot be read safely, with the reason."""


class UnsafeXmlError(ArchiveError):
    """XML that declares entities of its own: refused, never parsed further."""


def is_zip(data: bytes) -> bool:
    """Whether ``data`` starts like a zip archive."""
    return data[:4] == b"PK\x03\x04"


def _unsafe_name(name: str) -> bool:
    name = name.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name) or "\x00" in name:
        return True
    return ".." in name.split("/")


class Archive:
    """The parts of one zipped document, read with caps; ``what`` names the kind of file
    in messages ("EPUB book", "Word document")."""

    def __init__(self, data: bytes, what: str) -> None:
        self.what = what
        self._read_total = 0
        if not is_zip(data):
            raise ArchiveError(f"not a valid {what} (it is not a zip archive)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except DAMAGED_ZIP_ERRORS as exc:
            raise ArchiveError(f"not a valid {what} (a damaged zip archive: {exc})") from exc
        if len(infos) > MAX_PARTS:
            raise ArchiveError(f"the {what} holds too many parts ({len(infos)})")
        for info in infos:
            if _unsafe_name(info.filename):
                raise ArchiveError(
                    f"the {what} holds a part named outside it ({info.filename[:80]!r}): refused"
                )
            if info.flag_bits & 0x1:
                raise ArchiveError(f"the {what} is encrypted (password-protected)")
        self._infos = {info.filename: info for info in infos if not info.is_dir()}

    def names(self) -> list[str]:
        """The names of the parts, in archive order."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        """The size ``name`` says it has once inflated (0 when there is no such part)."""
        info = self._infos.get(name)
        return info.file_size if info is not None else 0

    def read(self, name: str) -> bytes:
        """The bytes of part ``name``; :class:`ArchiveError` when it is missing, damaged or
        too large."""
        info = self._infos.get(name)
        if info is None:
            raise ArchiveError(f"the {self.what} has no part {name[:80]!r}")
        if info.file_size > MAX_PART_BYTES:
            mb = MAX_PART_BYTES // (1024 * 1024)
            raise ArchiveError(
                f"the {self.what} holds a part that inflates past {mb} MB ({name[:80]!r}): refused"
            )
        if self._read_total + info.file_size > MAX_TOTAL_BYTES:
            mb = MAX_TOTAL_BYTES // (1024 * 1024)
            raise ArchiveError(f"the {self.what} inflates past {mb} MB of text: refused")
        try:
            # ZipExtFile never returns more than file_size bytes, whatever the stream holds.
            with self._zip.open(info) as part:
                data = part.read(info.file_size + 1)
        except DAMAGED_ZIP_ERRORS as exc:
            raise ArchiveError(f"the {self.what} is damaged ({name[:80]!r}: {exc})") from exc
        self._read_total += len(data)
        return data

    def resolve(self, base: str, href: str) -> str | None:
        """The part ``href`` (relative to part ``base``) names, or ``None`` when it points
        outside the archive or off it (a URL)."""
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
        if joined.startswith("../") or joined == ".." or _unsafe_name(joined):
            return None
        return joined


def _xml_parser(*, recover: bool = False) -> Any:
    return lxml.etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def parse_xml(data: bytes, what: str, *, recover: bool = False) -> Any:
    """Part bytes as an lxml element tree root: no DTD loaded, no entity expanded, no
    network; :class:`ArchiveError` when it is not XML (``recover`` reads what it can of a
    slightly broken part instead) or declares entities of its own (no document format
    read here does; a "billion laughs" does)."""
    if b"<!ENTITY" in data:
        raise UnsafeXmlError(f"{what} declares XML entities: refused")
    try:
        root = lxml.etree.fromstring(data, parser=_xml_parser(recover=recover))
    except lxml.etree.XMLSyntaxError as exc:
        raise ArchiveError(f"{what} is not well-formed XML ({exc})") from exc
    if root is None:
        raise ArchiveError(f"{what} is empty")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXmlError(f"{what} declares XML entities: refused")
    return root


def local_name(el: Any) -> str:
    """An element's tag without its namespace ("" for comments and the like)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
