"""Notes and highlights as a folder of plain Markdown files (an Obsidian vault, or any editor).

:func:`export_vault` writes one file per article that has notes or highlights outside the
trash, and one file per free-standing note. Each file is UTF-8 Markdown with YAML front
matter (written by PyYAML, so quoting is always right) and no HTML. An article's front matter
carries the fields a reference manager reads (title, author, container, date, url, accessed,
language, tags), so Obsidian's citation plugins pick them up. Highlights and anchored notes
follow the text's order, each as a ``> quote`` blockquote followed by the note and a small
italic line with its colour and dates. Private notes stay out unless asked
(``include_private``), and the result says how many were left out.

File names (:func:`slugify`) keep the letters, marks and digits of any script (a Cyrillic
title gives a Cyrillic name), lower-cased and joined by hyphens, and are safe on Windows,
macOS and Linux: no ``<>:"/\\|?*``, control or format characters, no leading or trailing dot
or space, never a name Windows reserves (``CON``, ``COM1``...), at most
:data:`MAX_NAME_BYTES` bytes of UTF-8, and unique within the export even on a file system
that ignores case. Every file is written atomically.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from reader.library.library import Library
from reader.library.notes import Note
from reader.library.statuses import AnchorStatus

UNRESOLVED_LINE = "*This passage could not be found in the current text.*"
#: At most this many characters in a file's stem (a readable name, cut at a word).
MAX_SLUG = 80
#: At most this many bytes (UTF-8) in a whole file name, ``-N`` and ``.md`` included.
MAX_NAME_BYTES = 200
SUFFIX = ".md"
#: Room kept in :data:`MAX_NAME_BYTES` for the ``-N`` that makes a name unique.
_UNIQUE_ROOM = 8
#: Names Windows refuses for a file, whatever the extension (also with superscript digits).
_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in (*"0123456789", "\u00b9", "\u00b2", "\u00b3")
}


@dataclass(frozen=True, slots=True)
class VaultExport:
    """What :func:`export_vault` did: the files written and the private notes left out."""

    files: list[Path] = field(default_factory=list)
    private_left_out: int = 0


# -- names ----------------------------------------------------------------------------------
def _kept(char: str) -> bool:
    """Letters, combining marks and digits of any script stay in a name."""
    return unicodedata.category(char)[0] in "LMN"


def _cut(slug: str, limit_chars: int, limit_bytes: int) -> str:
    """``slug`` within both limits, cut after a whole word when one ends in its second
    half, and never between a letter and its combining marks."""
    if len(slug) <= limit_chars and len(slug.encode("utf-8")) <= limit_bytes:
        return slug
    cut = slug[:limit_chars]
    while len(cut.encode("utf-8")) > limit_bytes:
        cut = cut[:-1]
    while cut and unicodedata.category(slug[len(cut)]).startswith("M"):
        cut = cut[:-1]
    if slug[len(cut)] != "-" and "-" in cut[len(cut) // 2 :]:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")


def slugify(text: str, fallback: str = "note") -> str:
    """A lower-case, hyphenated file stem for ``text`` that keeps the letters of any
    script and is safe on every desktop file system (``fallback`` when nothing is left)."""
    text = unicodedata.normalize("NFC", text).lower()
    words: list[str] = []
    word: list[str] = []
    for char in text:
        if _kept(char):
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    slug = _cut("-".join(words), MAX_SLUG, MAX_NAME_BYTES - len(SUFFIX) - _UNIQUE_ROOM)
    if not slug:
        slug = fallback
    if slug in _RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def _unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``...: the first not taken (ignoring case, as
    Windows and macOS do)."""
    name, n = slug, 1
    while name.casefold() in taken:
        n += 1
        name = f"{slug}-{n}"
    taken.add(name.casefold())
    return name


def first_line(body: str) -> str:
    """The first non-empty line of a note, without Markdown heading marks."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return ""


# -- rendering ------------------------------------------------------------------------------
def front_matter(fields: dict[str, Any]) -> str:
    """A YAML front matter block (``---`` fenced) for ``fields``, in their order."""
    dumped = yaml.safe_dump(
        fields, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10**9
    )
    return f"---\n{dumped}---\n"


def blockquote(text: str) -> str:
    """``text`` as a Markdown blockquote: every line prefixed with ``>``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    stamp = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() == 0:
        stamp += " UTC"
    return stamp


def meta_line(note: Note) -> str:
    """The small italic line under a note: kind, colour, created and updated dates."""
    kind = "highlight" if note.is_highlight else "note"
    parts = [f"{note.colour} {kind}" if note.colour else kind, f"created {_when(note.created)}"]
    if note.updated and note.updated != note.created:
        parts.append(f"updated {_when(note.updated)}")
    return "*" + " · ".join(parts) + "*"


def _heading(text: str) -> str:
    return " ".join(text.split()) or "Untitled"


def _anchored_entry(note: Note) -> str:
    parts = [blockquote(note.quote or "")]
    if note.anchor_status == AnchorStatus.UNRESOLVED:
        parts.append(UNRESOLVED_LINE)
    if note.body.strip():
        parts.append(note.body.strip("\n"))
    parts.append(meta_line(note))
    return "\n\n".join(parts)


def _plain_entry(note: Note) -> str:
    parts = [note.body.strip("\n")] if note.body.strip() else []
    parts.append(meta_line(note))
    return "\n\n".join(parts)


def _day(iso: str | None) -> str | None:
    """The date part (``YYYY-MM-DD``) of an ISO time, or ``None``."""
    return iso[:10] if iso else None


def article_fields(article: Any) -> dict[str, Any]:
    """An article's front matter: the reference fields citation tools read (``author`` is
    the byline, ``container`` the outlet, ``date`` the publication date, ``accessed`` the
    day it was imported), then ``source`` and ``published`` as earlier exports wrote them,
    and the article's ``uid``."""
    return {
        "title": article.title,
        "author": article.byline,
        "container": article.source,
        "date": article.published,
        "url": article.url,
        "accessed": _day(article.imported),
        "language": article.language,
        "tags": list(article.tags),
        "source": article.source,
        "published": article.published,
        "uid": article.uid,
    }


def render_article(article: Any, notes: Iterable[Note]) -> str:
    """The Markdown file for one article (``article`` as returned by ``Library.get``)."""
    notes = list(notes)
    anchored = sorted(
        (n for n in notes if n.quote is not None),
        key=lambda n: (n.start if n.start is not None else -1, n.created, n.id),
    )
    loose = sorted((n for n in notes if n.quote is None), key=lambda n: (n.created, n.id))
    fields = article_fields(article)
    sections = [front_matter(fields), f"# {_heading(article.title)}"]
    sections += [_anchored_entry(n) for n in anchored]
    if loose:
        sections.append("## Notes")
        sections += [_plain_entry(n) for n in loose]
    return "\n\n".join(s.rstrip("\n") for s in sections) + "\n"


def render_note(note: Note) -> str:
    """The Markdown file for one free-standing note."""
    fields = {"uid": note.uid, "created": note.created, "updated": note.updated}
    sections = [front_matter(fields)]
    if note.quote is not None:  # its article is gone, but the passage it marked is kept
        sections.append(_anchored_entry(note))
    else:
        sections.append(_plain_entry(note))
    return "\n\n".join(s.rstrip("\n") for s in sections) + "\n"


# -- writing --------------------------------------------------------------------------------
def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file beside it and a rename."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def export_notes(library: Library, dest_dir: Path, *, include_private: bool = False) -> list[Path]:
    """Write the notes of the library as Markdown files in ``dest_dir``; return their paths
    (:func:`export_vault`, which also says how many private notes it left out)."""
    return export_vault(library, dest_dir, include_private=include_private).files


def export_vault(library: Library, dest_dir: Path, *, include_private: bool = False) -> VaultExport:
    """Write the notes of the library as Markdown files in ``dest_dir``.

    Articles come first (by id), then free-standing notes (by id), so names stay the same
    from one export to the next; a file of the same name from an earlier export is replaced.
    Notes in the trash, and those of articles in the trash, are left out; so are private
    notes unless ``include_private``.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    with library.snapshot():
        every = library.notes()  # outside the trash, articles in the trash left out
        notes = every if include_private else [n for n in every if not n.private]
        articles = {
            i: library.get(i) for i in sorted({n.article_id for n in notes if n.article_id})
        }
    by_article: dict[int, list[Note]] = {}
    free: list[Note] = []
    for note in notes:
        if note.article_id is None:
            free.append(note)
        else:
            by_article.setdefault(note.article_id, []).append(note)
    taken: set[str] = set()
    written: list[Path] = []
    for article_id in sorted(by_article):
        article = articles.get(article_id)
        if article is None:
            continue
        path = dest_dir / f"{_unique(slugify(article.title, 'article'), taken)}.md"
        write_atomic(path, render_article(article, by_article[article_id]))
        written.append(path)
    for note in sorted(free, key=lambda n: n.id):
        path = dest_dir / f"{_unique(slugify(first_line(note.body), 'note'), taken)}.md"
        write_atomic(path, render_note(note))
        written.append(path)
    return VaultExport(written, len(every) - len(notes))
