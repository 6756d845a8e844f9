"""A codebook from a peer tool: REFI-QDA ``.qdc`` (a codebook) or ``.qdpx`` (a project).

:func:`read_codebook` turns the codes another tool wrote (NVivo, ATLAS.ti, MAXQDA,
QualCoder) into a Fieldreader :class:`~reader.analysis.codebooks.Codebook`: every codable
code, at any depth, becomes a dimension with no rules (the user codes by hand), labelled with
the path of its parents (``"Commits / 2022-05-10 19e4dce"``), its id made of its own name
(of the path when two codes share a name; ``code_N`` for a name without Latin letters or
digits), and described by its ``Description``; a category that cannot be coded only
prefixes its children's labels. A project whose codes all sit under one category (what
:mod:`reader.services.qdpx` writes) takes that category as the codebook's label.
:func:`import_codebook` stores the result in the library as the user's own codebook.

What a peer's file may not do is refused whole, with one line naming the file: not a zip or
not XML, a member path that is absolute or climbs out with ``..``, more members or bytes than
:data:`MAX_MEMBERS` / :data:`MAX_XML_BYTES` allow (read with a cap, so a lying size header
changes nothing), codes nested deeper than :data:`MAX_DEPTH` or more than :data:`MAX_CODES`.
The XML is parsed by lxml with entities left unresolved, no DTD loaded and no network.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs

from reader.analysis.codebooks import Codebook, Dimension
from reader.library import Library
from reader.library.errors import InvalidInputError
from reader.services import framing

#: The largest XML (``.qdc``, or a project's ``project.qde``) read, in bytes.
MAX_XML_BYTES = 32 * 1024 * 1024
#: The most members a ``.qdpx`` zip may list.
MAX_MEMBERS = 100_000
#: The most codes, and the deepest nesting, a codebook may have.
MAX_CODES = 5_000
MAX_DEPTH = 32
#: How a nested code's label joins its parents' names.
PATH_SEPARATOR = " / "
SUFFIXES = (".qdc", ".qdpx")

_ID_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class CodebookImport:
    """What :func:`import_codebook` stored."""

    codebook: Codebook
    file: Path


class _RefusedError(InvalidInputError):
    """A file that is not a codebook we can read, with the reason."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _read_capped(handle: IO[bytes], what: str) -> bytes:
    data = handle.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise _RefusedError(f"{what} is larger than {MAX_XML_BYTES // (1024 * 1024)} MB")
    return bytes(data)


def _unsafe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return True
    return ".." in PurePosixPath(name.replace("\\", "/")).parts


def _project_xml(path: Path) -> bytes:
    if not zipfile.is_zipfile(path):
        raise _RefusedError("not a REFI-QDA project (not a zip file)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _RefusedError(f"the zip lists more than {MAX_MEMBERS} files")
            for member in members:
                if _unsafe_member(member.filename):
                    raise _RefusedError(f"the zip holds an unsafe path {member.filename!r}")
            qde = [m for m in members if m.filename.casefold() == "project.qde"]
            if not qde:
                raise _RefusedError("not a REFI-QDA project (no project.qde in the zip)")
            if qde[0].file_size > MAX_XML_BYTES:
                raise _RefusedError(
                    f"project.qde is larger than {MAX_XML_BYTES // (1024 * 1024)} MB"
                )
            with archive.open(qde[0]) as handle:
                return _read_capped(handle, "project.qde")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise _RefusedError(f"a damaged zip file ({exc})") from None
    except RuntimeError as exc:  # an encrypted member
        raise _RefusedError(f"the zip cannot be read ({exc})") from None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if _local(c) == name]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _ID_CHARS.sub("_", ascii_text.lower()).strip("_")[:48].strip("_")


def _unique(base: str, taken: set[str], fallback: str) -> str:
    base = base or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def _codes_root(xml: bytes) -> tuple[etree._Element | None, str | None]:
    """The ``Codes`` element and the project's name (``None`` for a ``.qdc``)."""
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise _RefusedError(f"not valid XML ({exc})") from None
    kind = _local(root)
    if kind == "Project":
        books = _children(root, "CodeBook")
        codes = _children(books[0], "Codes") if books else []
        return (codes[0] if codes else None), root.get("name")
    if kind == "CodeBook":
        codes = _children(root, "Codes")
        return (codes[0] if codes else None), None
    raise _RefusedError(f"not a REFI-QDA codebook or project (the XML is a <{kind}>)")


def _description(code: etree._Element) -> str:
    found = _children(code, "Description")
    return " ".join((found[0].text or "").split()) if found else ""


def read_codebook(path: Path, *, codebook_id: str | None = None) -> Codebook:
    """The codebook of the ``.qdc`` or ``.qdpx`` file at ``path`` (not stored)."""
    path = Path(path)
    try:
        return _read(path, codebook_id)
    except _RefusedError as exc:
        raise InvalidInputError(f"{path.name}: {exc}") from None


def _read(path: Path, codebook_id: str | None) -> Codebook:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _RefusedError("use a REFI-QDA codebook (.qdc) or project (.qdpx)")
    if suffix == ".qdpx":
        xml = _project_xml(path)
    else:
        with path.open("rb") as handle:
            xml = _read_capped(handle, "the codebook")
    codes, project_name = _codes_root(xml)
    tops = _children(codes, "Code") if codes is not None else []
    label = project_name or path.stem
    if len(tops) == 1 and tops[0].get("isCodable", "true").strip().lower() in ("false", "0"):
        label = tops[0].get("name") or label  # one category holding everything: the book
        tops = _children(tops[0], "Code")
    dimensions: list[Dimension] = []
    taken: set[str] = set()
    count = 0
    stack: list[tuple[etree._Element, tuple[str, ...], int]] = [
        (code, (), 1) for code in reversed(tops)
    ]
    while stack:
        code, parents, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _RefusedError(f"codes nested deeper than {MAX_DEPTH} levels")
        count += 1
        if count > MAX_CODES:
            raise _RefusedError(f"more than {MAX_CODES} codes")
        name = " ".join((code.get("name") or "").split()) or "(unnamed code)"
        trail = (*parents, name)
        codable = code.get("isCodable", "true").strip().lower() not in ("false", "0")
        if codable:
            dim_label = PATH_SEPARATOR.join(trail)
            own = _slug(name)  # the code's own name; its path only when that is taken
            base = _slug(dim_label) if own in taken else own
            dim_id = _unique(base, taken, f"code_{len(dimensions) + 1}")
            dimensions.append(Dimension(id=dim_id, label=dim_label, description=_description(code)))
        stack.extend((child, trail, depth + 1) for child in reversed(_children(code, "Code")))
    if not dimensions:
        raise _RefusedError("it holds no codes to code with")
    book_id = codebook_id or _slug(path.stem).replace("_", "-") or "imported"
    return Codebook.from_dict(
        {
            "id": book_id,
            "label": " ".join(label.split()) or book_id,
            "description": f"Imported from {path.name}.",
            "dimensions": [d.to_dict() for d in dimensions],
        }
    )


def import_codebook(
    library: Library, path: Path, *, codebook_id: str | None = None, replace: bool = False
) -> CodebookImport:
    """Read the codebook at ``path`` and store it in the library as the user's own.

    Refused when a codebook of that id exists (shipped or the user's) unless ``replace``;
    ``codebook_id`` names it (default: from the file name)."""
    book = read_codebook(path, codebook_id=codebook_id)
    if not replace and book.id in framing.codebook_ids(library):
        raise InvalidInputError(
            f"a codebook {book.id!r} exists already; name this one with --id ID (or --replace it)"
        )
    framing.save_codebook(library, book)
    return CodebookImport(book, Path(path))
