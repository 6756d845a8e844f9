"""Notes and highlights as a folder of plain Markdown files (an Obsidian vault, or any editor).

:func:`export_notes` writes one file per article that has notes or highlights outside the
trash, and one file per free-standing note. Each file is UTF-8 Markdown with YAML front
matter (written by PyYAML, so quoting is always right) and no HTML. Highlights and anchored
notes follow the text's order, each as a ``> quote`` blockquote followed by the note and a
small italic line with its colour and dates. File names are ASCII slugs of the title (or of
a note's first line), unique within the export; every file is written atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from reader.library.library import Library
from reader.library.notes import Note
from reader.library.statuses import AnchorStatus

UNRESOLVED_LINE = "*This passage could not be found in the current text.*"
MAX_SLUG = 80
#: Names Windows refuses for a file, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


# -- names ----------------------------------------------------------------------------------
def slugify(text: str, fallback: str = "note") -> str:
    """An ASCII, lower-case, hyphenated file stem for ``text`` (``fallback`` when empty)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2 :] else cut
        slug = slug.strip("-")
    if not slug:
        slug = fallback
    if slug in _RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def _unique(slug: str, taken: set[str]) -> str:
    name, n = slug, 1
    while name in taken:
        n += 1
        name = f"{slug}-{n}"
    taken.add(name)
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


def render_article(article: Any, notes: Iterable[Note]) -> str:
    """The Markdown file for one article (``article`` as returned by ``Library.get``)."""
    notes = list(notes)
    anchored = sorted(
        (n for n in notes if n.quote is not None),
        key=lambda n: (n.start if n.start is not None else -1, n.created, n.id),
    )
    loose = sorted((n for n in notes if n.quote is None), key=lambda n: (n.created, n.id))
    fields = {
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "tags": list(article.tags),
        "uid": article.uid,
    }
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


def export_notes(library: Library, dest_dir: Path) -> list[Path]:
    """Write the notes of the library as Markdown files in ``dest_dir``; return their paths.

    Articles come first (by id), then free-standing notes (by id), so names stay the same
    from one export to the next; a file of the same name from an earlier export is replaced.
    Notes in the trash are left out.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    notes = library.notes()  # every note outside the trash
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
        article = library.get(article_id)
        if article is None:
            continue
        path = dest_dir / f"{_unique(slugify(article.title, 'article'), taken)}.md"
        write_atomic(path, render_article(article, by_article[article_id]))
        written.append(path)
    for note in sorted(free, key=lambda n: n.id):
        path = dest_dir / f"{_unique(slugify(first_line(note.body), 'note'), taken)}.md"
        write_atomic(path, render_note(note))
        written.append(path)
    return written
