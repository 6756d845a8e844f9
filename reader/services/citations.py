"""References out: the library's articles as CSL-JSON, RIS or BibTeX for a reference manager.

:func:`collect` reads the articles chosen (by tag, by id, or all outside the trash) through
the :class:`~reader.library.Library` API into :class:`Reference` records: title, authors
(the byline split into names, see :func:`split_byline`), container (the outlet), issued date,
URL, accessed date (when the article was imported), language, tags as keywords and the notes
as one note text (private notes only when asked). :func:`render` writes them in one format,
escaped the way that format wants (JSON by :mod:`json`; RIS one tag per line, values on one
line; BibTeX with ``{}``-balanced, LaTeX-escaped values), and :func:`export_citations` writes
the file atomically. The writers are ours: no library is needed to read or write these.

Formats, as Zotero reads them: CSL-JSON ``article-newspaper`` (``note`` goes to Extra); RIS
``TY NEWS`` with ``T2`` for the outlet, ``Y2`` for the accessed date, one ``KW`` per tag and one
``N1`` per note; BibTeX (biblatex fields) ``@article`` with ``journaltitle`` when the outlet is
known, else ``@online``, with ``date``, ``urldate``, ``keywords``, ``language`` and the notes in
``annote`` (an annotation no standard style prints).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.languages import language_for
from reader.library import Library
from reader.library.errors import InvalidInputError, NotFoundError
from reader.library.notes import Note

#: The formats :func:`render` writes, with the file suffix each usually has.
FORMATS = {"csljson": ".json", "ris": ".ris", "bibtex": ".bib"}

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Name:
    """One author: a person (``family``, ``given``) or a name kept whole (``literal``)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def as_csl(self) -> dict[str, str]:
        if self.literal is not None:
            return {"literal": self.literal}
        out = {"family": self.family or ""}
        if self.given:
            out["given"] = self.given
        return out

    def inverted(self) -> str:
        """``Family, Given`` (or the literal name), as RIS and BibTeX write a person."""
        if self.literal is not None:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else str(self.family)


@dataclass(frozen=True, slots=True)
class Reference:
    """What a reference manager needs of one article."""

    key: str  # unique in the export: the CSL id, the BibTeX key, the RIS ID
    article_id: int
    title: str
    authors: tuple[Name, ...]
    container: str | None
    issued: tuple[int, ...]  # (year,), (year, month) or (year, month, day); () unknown
    url: str | None
    accessed: tuple[int, ...]
    language: str | None
    keywords: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class References:
    """What :func:`collect` found: the references, and the private notes left out."""

    items: tuple[Reference, ...]
    private_left_out: int = 0


@dataclass(frozen=True, slots=True)
class CitationExport:
    """What :func:`export_citations` wrote."""

    file: Path
    format: str
    articles: int
    private_left_out: int = 0


# -- choosing the articles ---------------------------------------------------------------------
def select_article_ids(
    library: Library, *, tags: Sequence[str] = (), ids: Sequence[int] | None = None
) -> list[int]:
    """The articles an export covers: ``ids`` (each must exist and be outside the trash),
    else every article outside the trash; with ``tags``, only those carrying one of them.
    In id order, without repeats."""
    if ids is not None:
        chosen = list(dict.fromkeys(int(i) for i in ids))
        if not chosen:
            raise InvalidInputError("no article ids given")
        found = library.summaries(chosen)
        for article_id in chosen:
            summary = found.get(article_id)
            if summary is None:
                raise NotFoundError(f"no article with id {article_id}")
            if summary.trashed is not None:
                raise InvalidInputError(f"article {article_id} is in the trash")
    else:
        chosen = sorted(library.article_ids(sort="imported"))
    if tags:
        tagged: set[int] = set()
        for tag in tags:
            tagged.update(library.article_ids(tag=tag))
        chosen = [i for i in chosen if i in tagged]
    return sorted(chosen)


# -- names -------------------------------------------------------------------------
def split_byline(
    byline: str | None, language: str | None = None, outlet: str | None = None
) -> list[Name]:
    """The authors of a byline: ``"Jane Doe and John Smith"``, ``"Jane Doe, John Smith"``
    or ``"Doe, Jane"`` give people; an organisation (``"Reuters"``, ``"Guardian staff"``,
    ``"Ministry of Mines"``, the outlet itself, a name in capitals) stays one literal name.

    The words that join names ("and", "et", "и") and end organisation names ("Agency",
    "Ministry") are the language data's (the article's language and English)."""
    text = " ".join((byline or "").split()).strip(" ,;")
    if not text:
        return []
    langs = {language_for(None), language_for(language)}
    joiners = {w for lang in langs for w in lang.list_gaps}
    org_words = {w for lang in langs for w in lang.org_heads} | {
        w for lang in langs for w in lang.appositive_heads.get("organization", ())
    }
    particles = {p.strip().lower() for lang in langs for p in lang.particles if p.strip().isalpha()}
    if outlet and text.casefold() == outlet.strip().casefold():
        return [Name(literal=text)]
    joined = re.compile(
        r"\s*(?:;|&|\s(?:" + "|".join(re.escape(w) for w in sorted(joiners)) + r")\s)\s*",
        re.IGNORECASE,
    )
    parts = [p.strip(" ,") for p in joined.split(text)]
    if len(parts) == 1 and text.count(",") == 1:
        family, given = (s.strip() for s in text.split(","))
        if (
            family
            and given
            and " " not in family
            and _is_person(f"{given} {family}", org_words, particles)
        ):
            return [Name(family=family, given=given)]
    names = [s.strip() for p in parts for s in p.split(",") if s.strip()]
    if not all(_is_person(n, org_words, particles) for n in names):
        return [Name(literal=text)]
    return [_person(n, particles) for n in names]


def _is_person(name: str, org_words: set[str], particles: set[str]) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    for word in words:
        bare = word.strip(".-'’")
        if bare.casefold() in org_words:
            return False
        if len(bare) > 1 and bare.isupper() and not bare.endswith("."):
            return False  # "AFP", "BBC"
        if bare and not bare[0].isupper() and bare.lower() not in particles:
            return False  # "Guardian staff"
    return True


def _person(name: str, particles: set[str]) -> Name:
    words = name.split()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in particles:
        cut -= 1  # "Ursula von der Leyen": family "von der Leyen"
    return Name(family=" ".join(words[cut:]), given=" ".join(words[:cut]))


# -- collecting -------------------------------------------------------------------------
def _date_parts(value: str | None) -> tuple[int, ...]:
    match = _DATE.match(value or "")
    if match is None:
        return ()
    return tuple(int(g) for g in match.groups() if g is not None)


def _note_text(note: Note) -> str:
    body = note.body.strip()
    if note.quote:
        quote = " ".join(note.quote.split())
        return f"“{quote}”: {body}" if body else f"“{quote}”"
    return body


def _key(authors: Sequence[Name], container: str | None, issued: tuple[int, ...], aid: int) -> str:
    first = authors[0] if authors else None
    base = (first.family or first.literal) if first else container
    ascii_base = unicodedata.normalize("NFKD", base or "").encode("ascii", "ignore").decode()
    word = re.sub(r"[^a-z0-9]", "", (ascii_base.split() or [""])[0].lower())[:20] or "article"
    year = str(issued[0]) if issued else "nd"
    return f"{word}{year}-{aid}"


def collect(
    library: Library,
    *,
    tags: Sequence[str] = (),
    ids: Sequence[int] | None = None,
    include_private: bool = False,
) -> References:
    """The references of the chosen articles (:func:`select_article_ids`), in id order."""
    items: list[Reference] = []
    left_out = 0
    for article_id in select_article_ids(library, tags=tags, ids=ids):
        article = library.get(article_id)
        if article is None:
            continue
        notes = []
        for note in library.notes(article_id=article_id):
            if note.private and not include_private:
                left_out += 1
                continue
            text = _note_text(note)
            if text:
                notes.append(text)
        authors = split_byline(article.byline, article.language, article.source)
        issued = _date_parts(article.published)
        items.append(
            Reference(
                key=_key(authors, article.source, issued, article.id),
                article_id=article.id,
                title=article.title,
                authors=tuple(authors),
                container=article.source or None,
                issued=issued,
                url=article.url or None,
                accessed=_date_parts(article.imported[:10]),
                language=article.language or None,
                keywords=article.tags,
                notes=tuple(notes),
            )
        )
    return References(tuple(items), left_out)


# -- CSL-JSON -------------------------------------------------------------------------
def to_csl(ref: Reference) -> dict[str, object]:
    """One reference as a CSL-JSON item (only the fields known)."""
    item: dict[str, object] = {
        "id": ref.key,
        "type": "article-newspaper" if ref.container else "webpage" if ref.url else "article",
        "title": ref.title,
    }
    if ref.authors:
        item["author"] = [a.as_csl() for a in ref.authors]
    if ref.container:
        item["container-title"] = ref.container
    if ref.issued:
        item["issued"] = {"date-parts": [list(ref.issued)]}
    if ref.url:
        item["URL"] = ref.url
    if ref.accessed:
        item["accessed"] = {"date-parts": [list(ref.accessed)]}
    if ref.language:
        item["language"] = ref.language
    if ref.keywords:
        item["keyword"] = ", ".join(ref.keywords)
    if ref.notes:
        item["note"] = "\n\n".join(ref.notes)
    return item


def render_csljson(refs: Iterable[Reference]) -> str:
    return json.dumps([to_csl(r) for r in refs], ensure_ascii=False, indent=2) + "\n"


# -- RIS -------------------------------------------------------------------------
def _ris_value(value: str) -> str:
    return " ".join(_CONTROLS.sub(" ", value).split())


def _ris_date(parts: tuple[int, ...]) -> str:
    """``YYYY/MM/DD/`` with the parts unknown left empty (the RIS date form)."""
    cells = [f"{p:02d}" for p in parts[1:3]]
    cells += [""] * (2 - len(cells))
    return f"{parts[0]:04d}/{cells[0]}/{cells[1]}/"


def render_ris(refs: Iterable[Reference]) -> str:
    lines: list[str] = []

    def tag(name: str, value: str | None) -> None:
        cleaned = _ris_value(value or "")
        if cleaned:
            lines.append(f"{name}  - {cleaned}")

    for ref in refs:
        lines.append("TY  - NEWS")
        tag("ID", ref.key)
        tag("TI", ref.title)
        for author in ref.authors:
            tag("AU", author.inverted())
        tag("T2", ref.container)
        if ref.issued:
            tag("PY", f"{ref.issued[0]:04d}")
            tag("DA", _ris_date(ref.issued))
        tag("UR", ref.url)
        if ref.accessed:
            tag("Y2", _ris_date(ref.accessed))
        tag("LA", ref.language)
        for keyword in ref.keywords:
            tag("KW", keyword)
        for note in ref.notes:
            tag("N1", note)
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


# -- BibTeX -------------------------------------------------------------------------
_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_RE = re.compile("|".join(re.escape(c) for c in _TEX_SPECIALS))


def tex_escape(value: str) -> str:
    """``value`` safe inside a braced BibTeX field: LaTeX's special characters escaped,
    so the braces always balance; line breaks kept single (never a paragraph break)."""
    value = _CONTROLS.sub(" ", value).replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"\n\s*\n+", "\n", value)
    return _TEX_RE.sub(lambda m: _TEX_SPECIALS[m.group()], value)


def _bib_url(url: str) -> str:
    """A URL as biblatex reads it (verbatim): only what would unbalance the field escaped
    as the URL itself would (percent-encoded)."""
    return "".join(f"%{ord(c):02X}" if c in "{}\\ \t\n\r" else c for c in url)


def _bib_name(name: Name) -> str:
    if name.literal is not None:
        return "{" + tex_escape(name.literal) + "}"  # kept whole: never split at "and"
    family = tex_escape(name.family or "")
    family = "{" + family + "}" if " " in family else family
    return f"{family}, {tex_escape(name.given)}" if name.given else family


def _bib_date(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def render_bibtex(refs: Iterable[Reference]) -> str:
    entries: list[str] = []
    for ref in refs:
        fields: list[tuple[str, str]] = [("title", tex_escape(ref.title))]
        if ref.authors:
            fields.append(("author", " and ".join(_bib_name(a) for a in ref.authors)))
        if ref.container:
            fields.append(("journaltitle", tex_escape(ref.container)))
        if ref.issued:
            fields.append(("date", _bib_date(ref.issued)))
        if ref.url:
            fields.append(("url", _bib_url(ref.url)))
        if ref.accessed:
            fields.append(("urldate", _bib_date(ref.accessed)))
        if ref.language:
            fields.append(("language", tex_escape(ref.language)))
        if ref.keywords:
            fields.append(("keywords", tex_escape(", ".join(ref.keywords))))
        if ref.notes:
            fields.append(("annote", tex_escape("\n".join(ref.notes))))
        kind = "article" if ref.container else "online"
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{ref.key},\n{body}\n}}\n")
    return "\n".join(entries)


_RENDERERS = {"csljson": render_csljson, "ris": render_ris, "bibtex": render_bibtex}


def render(refs: Iterable[Reference], fmt: str) -> str:
    """The references as the text of one format (:data:`FORMATS`)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise InvalidInputError(
            f"unknown citation format {fmt!r}; use one of {', '.join(FORMATS)}"
        ) from None
    return renderer(refs)


def write_atomically(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` through a temporary file beside it, then replace:
    ``dest`` is either the old file or the whole new one, never half-written."""
    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_citations(
    library: Library,
    dest: Path,
    fmt: str,
    *,
    tags: Sequence[str] = (),
    ids: Sequence[int] | None = None,
    include_private: bool = False,
) -> CitationExport:
    """Write the chosen articles' references to ``dest`` in ``fmt`` (atomically)."""
    if fmt not in FORMATS:
        render((), fmt)  # raises, naming the formats
    refs = collect(library, tags=tags, ids=ids, include_private=include_private)
    if not refs.items:
        raise InvalidInputError("no articles to export (check --tag and --ids)")
    write_atomically(Path(dest), render(refs.items, fmt).encode("utf-8"))
    return CitationExport(Path(dest), fmt, len(refs.items), refs.private_left_out)
