"""A REFI-QDA project (``.qdpx``) of the library, for NVivo, ATLAS.ti, MAXQDA or QualCoder.

:func:`export_qdpx` writes a zip of ``project.qde`` (the project XML, namespace
``urn:QDA-XML:project:1.0``, valid against the REFI-QDA schema of March 2019) and
``Sources/<guid>.txt``: each chosen article's text, UTF-8 without a BOM, exactly as the library
keeps it. In the project:

- each codebook is a category code (``isCodable="false"``) whose dimensions are its codes;
- each accepted coding is a ``PlainTextSelection`` of its article's source, ``startPosition``
  and ``endPosition`` being end-exclusive offsets in code points into that text (what the
  standard, QualCoder and the library use), holding a ``Coding`` by its coder as a ``User``
  (the coder name it carries; "Fieldreader (by hand)" or "Fieldreader rules" for one made
  before the library had a coder name);
- notes, highlights and coding memos are ``Note`` elements: a passage's note hangs on a
  selection of its passage, an article's note on the source, a free-standing note on the
  project; private notes stay out unless asked (``include_private``);
- the articles' details (outlet, byline, published, URL, language, tags, imported) are
  ``Variable`` values of their source.

Every GUID is derived (``uuid5``) from the ids of what it names, so exporting twice gives the
same GUIDs and a peer tool can match what it imported before. The zip is written to a
temporary file beside the destination and moved into place whole.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs

from reader import __version__
from reader.analysis.codebooks import DEFAULT_CODEBOOK, Codebook
from reader.library import Library, coders
from reader.library.codings import Coding
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.library import now_iso
from reader.library.notes import Note
from reader.library.records import Article
from reader.library.statuses import AnchorStatus, CodingMethod
from reader.services import framing
from reader.services.citations import select_article_ids, write_atomically

NAMESPACE = "urn:QDA-XML:project:1.0"
#: The folder of the plain texts inside the zip (``internal://`` paths point into it).
SOURCES_DIR = "Sources"
#: The namespace of every GUID this module derives.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://fieldreader.invalid/refi-qda")
#: The users for codings and notes with no coder name (from before the library had one):
#: made by hand, or suggested by a rule and accepted.
USERS = {"manual": "Fieldreader (by hand)", "rule": "Fieldreader rules"}
#: The article details written as variables: (name, type, attribute of the article).
VARIABLES = (
    ("Outlet", "Text", "source"),
    ("Byline", "Text", "byline"),
    ("Published", "Text", "published"),
    ("URL", "Text", "url"),
    ("Language", "Text", "language"),
    ("Tags", "Text", "tags"),
    ("Imported", "DateTime", "imported"),
)

_Q = f"{{{NAMESPACE}}}"
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")
_BAD_XML = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0xFFFE: " ", 0xFFFF: " "}


def guid(*parts: object) -> str:
    """The stable GUID of the thing named by ``parts`` (upper-case 8-4-4-4-12 hex)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(str(p) for p in parts))).upper()


def when(value: str | None) -> str | None:
    """A stored time as ``xsd:dateTime`` (``2025-03-05T10:00:00+00:00``), or ``None`` when
    it is not one (the attribute is then left out)."""
    if not value:
        return None
    value = value.strip().replace(" ", "T", 1)
    return value if _DATETIME.fullmatch(value) else None


def xml_text(value: object) -> str:
    """``value`` as text XML 1.0 can hold (control characters become spaces; lone
    surrogates are replaced)."""
    text = str(value).translate(_BAD_XML)
    return text.encode("utf-8", "replace").decode("utf-8")


@dataclass(slots=True)
class QdpxExport:
    """What :func:`export_qdpx` wrote."""

    file: Path
    articles: int = 0
    codes: int = 0
    codings: int = 0
    notes: int = 0
    private_left_out: int = 0
    #: Codings whose passage is no longer in the article's text (left out, counted).
    unplaced: int = 0
    codebooks: list[str] = field(default_factory=list)


def _el(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    node = etree.SubElement(parent, _Q + tag)
    for key, value in attrs.items():
        if value is not None:
            node.set(key, xml_text(value))
    return node


def _text_el(parent: etree._Element, tag: str, text: str) -> etree._Element:
    node = etree.SubElement(parent, _Q + tag)
    node.text = xml_text(text)
    return node


def _place(text: str, coding: Coding) -> tuple[int, int] | None:
    """Where the coding's passage is in ``text``: its offsets when they still hold the
    passage, else the nearest occurrence of the passage, else ``None``."""
    if text[coding.start : coding.end] == coding.text:
        return coding.start, coding.end
    found = [i for i in _occurrences(text, coding.text)]
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - coding.start))
    return best, best + len(coding.text)


def _occurrences(text: str, needle: str) -> Iterable[int]:
    if not needle:
        return
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _user(coder: str | None, method: str = CodingMethod.MANUAL) -> tuple[str, str]:
    """The GUID and name of the user a coding or note is by: its coder, else by method."""
    if coder and coder.strip():
        return guid("user", "coder", coder.strip()), coder.strip()
    key = "rule" if CodingMethod.of(method) == CodingMethod.RULE else "manual"
    return guid("user", key), USERS[key]


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


@dataclass(slots=True)
class _Project:
    """What goes into one project, gathered before the XML is written."""

    articles: list[Article]
    codebooks: list[Codebook]
    codings: dict[int, list[Coding]]
    notes: dict[int | None, list[Note]]
    private_left_out: int = 0


def _gather(
    library: Library,
    *,
    codebook_id: str | None,
    tags: Sequence[str],
    include_private: bool,
) -> _Project:
    ids = select_article_ids(library, tags=tags)
    articles = [a for a in (library.get(i) for i in ids) if a is not None]
    if not articles:
        raise InvalidInputError("no articles to export (check --tag)")
    codings = framing.codings(
        library,
        article_ids=[a.id for a in articles],
        codebook=codebook_id,
        statuses=("accepted",),
    )
    if codebook_id is not None:
        books = [framing.codebook_for(library, codebook_id)]  # one asked for must exist
    else:
        used = sorted({c.codebook for c in codings}) or [DEFAULT_CODEBOOK]
        books = [_codebook(library, b) for b in used]
    by_article: dict[int, list[Coding]] = {}
    for coding in codings:
        by_article.setdefault(coding.article_id, []).append(coding)
    notes: dict[int | None, list[Note]] = {}
    left_out = 0
    chosen = [*(a.id for a in articles), *([None] if not tags else [])]
    for article_id in chosen:
        found = (
            library.notes(article_id=article_id)
            if article_id is not None
            else [n for n in library.notes() if n.article_id is None]
        )
        for note in found:
            if note.private and not include_private:
                left_out += 1
                continue
            notes.setdefault(article_id, []).append(note)
    return _Project(articles, books, by_article, notes, left_out)


def _codebook(library: Library, codebook_id: str) -> Codebook:
    """The codebook in force, or (its codings outliving it) an empty one of that id whose
    codes come from the codings."""
    try:
        return framing.codebook_for(library, codebook_id)
    except NotFoundError:
        return Codebook(id=codebook_id, label=codebook_id)


def _add_note(notes_el: etree._Element, note_guid: str, name: str, body: str, created: str) -> None:
    node = _el(notes_el, "Note", guid=note_guid, name=name, creationDateTime=when(created))
    _text_el(node, "PlainTextContent", body)


def build_project(
    project: _Project, name: str, created: str, owner: str | None = None
) -> tuple[etree._Element, dict[str, str], QdpxExport]:
    """The ``project.qde`` tree, the plain texts by zip path, and the counts (``owner``:
    the library's coder name, the project's creating user)."""
    result = QdpxExport(Path(), private_left_out=project.private_left_out)
    result.codebooks = [b.id for b in project.codebooks]
    root = etree.Element(_Q + "Project", nsmap={None: NAMESPACE})
    root.set("name", xml_text(name))
    root.set("origin", f"Fieldreader {__version__}")
    owner_guid, owner_name = _user(owner)
    root.set("creatingUserGUID", owner_guid)
    root.set("creationDateTime", created)

    people = {owner_guid: owner_name}
    for codings in project.codings.values():
        people.update(_user(c.coder, c.method) for c in codings)
    for notes in project.notes.values():
        people.update(_user(n.coder) for n in notes)
    users = _el(root, "Users")
    for user_guid, user_name in people.items():
        _el(users, "User", guid=user_guid, name=user_name)

    code_guids: dict[tuple[str, str], str] = {}
    codes = _el(_el(root, "CodeBook"), "Codes")
    used = {(c.codebook, c.dimension) for cs in project.codings.values() for c in cs}
    for book in project.codebooks:
        top = _el(codes, "Code", guid=guid("codebook", book.id), name=book.label, isCodable="false")
        if book.description:
            _text_el(top, "Description", book.description)
        dims = [(d.id, d.label, d.description) for d in book.dimensions]
        known = {d.id for d in book.dimensions}
        dims += [(dim, dim, "") for b, dim in sorted(used) if b == book.id and dim not in known]
        for dim_id, label, description in dims:
            code_guid = guid("code", book.id, dim_id)
            code = _el(top, "Code", guid=code_guid, name=label, isCodable="true")
            if description:
                _text_el(code, "Description", description)
            code_guids[(book.id, dim_id)] = code_guid
            result.codes += 1

    variables = _el(root, "Variables")
    for var_name, var_type, _attr in VARIABLES:
        _el(
            variables,
            "Variable",
            guid=guid("variable", var_name),
            name=var_name,
            typeOfVariable=var_type,
        )

    texts: dict[str, str] = {}
    sources = _el(root, "Sources")
    notes_el = etree.Element(_Q + "Notes")
    project_note_refs: list[str] = []
    for article in project.articles:
        source_guid = guid("article", article.uid)
        texts[f"{SOURCES_DIR}/{source_guid}.txt"] = article.text
        source = _el(
            sources,
            "TextSource",
            guid=source_guid,
            name=article.title,
            plainTextPath=f"internal://{source_guid}.txt",
            creationDateTime=when(article.imported),
        )
        source_note_refs: list[str] = []
        for coding in project.codings.get(article.id, []):
            place = _place(article.text, coding)
            if place is None:
                result.unplaced += 1
                continue
            coder = _user(coding.coder, coding.method)[0]
            coding_key = coding.uid or f"{article.uid}:{coding.id}"
            selection = _el(
                source,
                "PlainTextSelection",
                guid=guid("selection", "coding", coding_key),
                name=_short(coding.text),
                startPosition=place[0],
                endPosition=place[1],
                creatingUser=coder,
                creationDateTime=when(coding.created),
            )
            coding_el = _el(
                selection,
                "Coding",
                guid=guid("coding", coding_key),
                creatingUser=coder,
                creationDateTime=when(coding.created),
            )
            _el(coding_el, "CodeRef", targetGUID=code_guids[(coding.codebook, coding.dimension)])
            memo = "\n\n".join(
                part
                for part in (coding.memo or "", f"value: {coding.value}" if coding.value else "")
                if part.strip()
            )
            if memo:
                memo_guid = guid("memo", coding_key)
                _add_note(
                    notes_el, memo_guid, f"Memo: {_short(coding.text, 40)}", memo, coding.updated
                )
                _el(coding_el, "NoteRef", targetGUID=memo_guid)
                result.notes += 1
            result.codings += 1
        for note in project.notes.get(article.id, []):
            note_guid = guid("note", note.uid)
            label = _short(note.quote or note.body or article.title, 40)
            _add_note(notes_el, note_guid, label, note.body or note.quote or "", note.updated)
            result.notes += 1
            anchored = (
                note.start is not None
                and note.end is not None
                and note.anchor_status == AnchorStatus.OK
                and 0 <= note.start < note.end <= len(article.text)
            )
            if anchored:
                selection = _el(
                    source,
                    "PlainTextSelection",
                    guid=guid("selection", article.uid, "note", note.uid),
                    name=_short(article.text[note.start : note.end]),
                    startPosition=note.start,
                    endPosition=note.end,
                    creatingUser=_user(note.coder)[0],
                    creationDateTime=when(note.created),
                )
                _el(selection, "NoteRef", targetGUID=note_guid)
            else:
                source_note_refs.append(note_guid)
        # the schema's order: selections, then the source's note refs, then its variables
        for ref in source_note_refs:
            _el(source, "NoteRef", targetGUID=ref)
        for var_name, var_type, attr in VARIABLES:
            value = getattr(article, attr)
            if isinstance(value, tuple):
                value = ", ".join(value)
            if var_type == "DateTime":
                value = when(value)
            if not value:
                continue
            holder = _el(source, "VariableValue")
            _el(holder, "VariableRef", targetGUID=guid("variable", var_name))
            _text_el(holder, "DateTimeValue" if var_type == "DateTime" else "TextValue", value)
        result.articles += 1
    for note in project.notes.get(None, []):
        note_guid = guid("note", note.uid)
        _add_note(notes_el, note_guid, _short(note.body, 40), note.body, note.updated)
        project_note_refs.append(note_guid)
        result.notes += 1
    if len(notes_el):
        root.append(notes_el)
    for ref in project_note_refs:
        _el(root, "NoteRef", targetGUID=ref)
    return root, texts, result


def project_bytes(root: etree._Element, texts: dict[str, str]) -> bytes:
    """The ``.qdpx`` zip of ``project.qde`` and the plain texts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde",
            etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True),
        )
        for path, text in texts.items():
            archive.writestr(path, text.encode("utf-8", "replace"))
    return buffer.getvalue()


def export_qdpx(
    library: Library,
    dest: Path,
    *,
    codebook_id: str | None = None,
    tags: Sequence[str] = (),
    include_private: bool = False,
    name: str | None = None,
    created: str | None = None,
) -> QdpxExport:
    """Write the chosen articles (all outside the trash, or those with one of ``tags``),
    their accepted codings (of ``codebook_id``, or of every codebook they use) and their
    notes to ``dest`` as a REFI-QDA project."""
    project = _gather(library, codebook_id=codebook_id, tags=tags, include_private=include_private)
    title = name or (Path(dest).stem or "Fieldreader")
    owner = coders.coder(library)
    root, texts, result = build_project(project, title, created or now_iso(), owner)
    write_atomically(Path(dest), project_bytes(root, texts))
    result.file = Path(dest)
    return result
