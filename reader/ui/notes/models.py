"""Qt models over the library's notes: the notes list and one note's revisions.

:class:`NotesListModel` holds the ids of the notes in one scope (the open article, the
whole library, or the trash), filtered by text and sorted by time or by position, with a
cache of the rows it fetched; the notes pane and its delegate show it. A row can be
re-read alone after an autosave (:meth:`NotesListModel.refresh_note`) so typing never
reshuffles the list. :class:`RevisionsModel` lists a note's saved states, newest first,
for the history dialog. Both show a note by its first line as plain text
(:func:`first_line`, through :func:`plain_text`): the Markdown marks of emphasis, headings,
links and code are left out there, while the editor keeps the Markdown as written.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from reader.library import Library
from reader.library.notes import Note, Revision
from reader.library.statuses import AnchorStatus
from reader.ui.common.roles import ARTICLE_ID_ROLE, NOTE_ID_ROLE, PANE_ROLES, ItemListModel
from reader.ui.common.text import format_moment
from reader.ui.notes.style import quoted

QUOTE_ROLE = PANE_ROLES + 1
BODY_ROLE = PANE_ROLES + 2
ARTICLE_TITLE_ROLE = PANE_ROLES + 3
COLOUR_ROLE = PANE_ROLES + 4
UPDATED_ROLE = PANE_ROLES + 5
ANCHOR_ROLE = PANE_ROLES + 6
REVISION_ID_ROLE = PANE_ROLES + 7
PRIVATE_ROLE = PANE_ROLES + 8

SCOPES = ("article", "all", "trash")
SORTS = ("updated", "position")
FREE_STANDING = QT_TRANSLATE_NOOP("NotesListModel", "Free-standing note")
UNRESOLVED = QT_TRANSLATE_NOOP("NotesListModel", "Passage not found in the current text")


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
_CODE = re.compile(r"(`+)(.+?)\1")
_HELD = re.compile("\x00(\\d+)\x00")
_CLOSING_HASHES = re.compile(r"\s+#+$")
_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"),
)


def plain_text(line: str) -> str:
    """One line of Markdown as plain text: no heading marks, emphasis, link or code syntax.

    ``# Field plan`` is ``Field plan``, ``**Follow up:** call [Ana](https://x.org)`` is
    ``Follow up: call Ana``; escaped characters (``\\*``) and code stay as they read."""
    held: list[str] = []

    def hold(text: str) -> str:
        held.append(text)
        return f"\x00{len(held) - 1}\x00"

    text = _ESCAPED.sub(lambda m: hold(m[1]), line.strip())
    text = _CODE.sub(lambda m: hold(m[2].strip()), text)
    if text.startswith("#"):
        text = _CLOSING_HASHES.sub("", text.lstrip("#"))
    text = _AUTOLINK.sub(r"\1", text)
    previous = None
    while previous != text:  # links may hold emphasis and emphasis links
        previous = text
        text = _LINK.sub(r"\1", text)
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
    while _HELD.search(text):  # a code span may hold an escaped character
        text = _HELD.sub(lambda m: held[int(m[1])], text)
    return text.strip()


def first_line(body: str, limit: int = 120) -> str:
    """The first line of ``body`` with text, as plain text (:func:`plain_text`), at most
    ``limit`` long."""
    for line in body.splitlines():
        line = plain_text(line)
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "\u2026"
    return ""


class NotesListModel(ItemListModel):
    """Notes and highlights of one scope, filtered and sorted; rows are note ids."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.scope = "all"
        self.article_id: int | None = None
        self.filter_text = ""
        self.sort_key = "updated"
        self._ids: list[int] = []
        self._notes: dict[int, Note] = {}
        self._titles: dict[int, str] = {}
        self._load()

    # -- queries -----------------------------------------------------------------------
    def _fetch(self) -> list[Note]:
        if self.scope == "trash":
            return self.library.notes(trashed=True)
        if self.scope == "article":
            if self.article_id is None:
                return []
            return self.library.notes(article_id=self.article_id)
        return self.library.notes()

    def _load(self) -> None:
        notes = self._fetch()
        article_ids = sorted({n.article_id for n in notes if n.article_id is not None})
        self._titles = {i: s.title for i, s in self.library.summaries(article_ids).items()}
        needle = self.filter_text.casefold()
        if needle:
            notes = [n for n in notes if needle in self._haystack(n)]
        if self.sort_key == "position":
            notes.sort(key=self._position_key)
        else:
            notes.sort(key=lambda n: (n.updated, n.id), reverse=True)
        self._ids = [n.id for n in notes]
        self._notes = {n.id: n for n in notes}

    def _haystack(self, note: Note) -> str:
        title = self._titles.get(note.article_id or 0, "")
        return f"{note.body}\n{note.quote or ''}\n{title}".casefold()

    def _position_key(self, note: Note) -> tuple[Any, ...]:
        title = self._titles.get(note.article_id or 0, "")
        free = note.article_id is None
        return (free, title.casefold(), note.article_id or 0, note.start or -1, note.created)

    def refresh(self) -> None:
        """Query again (after notes were added, trashed or restored)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def set_scope(self, scope: str, article_id: int | None = None) -> None:
        """Show ``article`` (the notes of ``article_id``), ``all`` or ``trash``."""
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        if (scope, article_id) != (self.scope, self.article_id):
            self.scope, self.article_id = scope, article_id
            self.refresh()

    def set_article(self, article_id: int | None) -> None:
        """The open article changed (matters in the ``article`` scope only)."""
        if article_id != self.article_id:
            self.article_id = article_id
            if self.scope == "article":
                self.refresh()

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text != self.filter_text:
            self.filter_text = text
            self.refresh()

    def set_sort(self, key: str) -> None:
        if key not in SORTS:
            raise ValueError(f"unknown sort {key!r}")
        if key != self.sort_key:
            self.sort_key = key
            self.refresh()

    def refresh_note(self, note_id: int) -> None:
        """Read one note again (it was saved) and repaint its row; the order stays."""
        row = self.row_of(note_id)
        note = self.library.note(note_id)
        if row is None or note is None:
            return
        self._notes[note_id] = note
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # -- lookups -----------------------------------------------------------------------
    def note_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def note(self, row: int) -> Note | None:
        note_id = self.note_id(row)
        return None if note_id is None else self._notes.get(note_id)

    def row_of(self, note_id: int) -> int | None:
        try:
            return self._ids.index(note_id)
        except ValueError:
            return None

    def title_of(self, note: Note) -> str:
        if note.article_id is None:
            return self.tr(str(FREE_STANDING))
        return self._titles.get(note.article_id, "")

    # -- the model interface -----------------------------------------------------------
    def rows(self) -> list[int]:
        return self._ids

    def item(self, row: int) -> Note | None:
        return self.note(row)

    def item_data(self, note: Note, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return note.quote or first_line(note.body) or self.tr("Empty note")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [quoted(note.quote) if note.quote else "", note.body.strip()]
            if note.anchor_status == AnchorStatus.UNRESOLVED:
                parts.append(self.tr(str(UNRESOLVED)))
            if note.private:
                parts.append(self.tr("Private: exports leave it out unless asked"))
            return "\n\n".join(p for p in parts if p)[:600]
        return self._role(note, role)

    def _role(self, note: Note, role: int) -> Any:
        if role == NOTE_ID_ROLE:
            return note.id
        if role == ARTICLE_ID_ROLE:
            return note.article_id
        if role == QUOTE_ROLE:
            return note.quote or ""
        if role == BODY_ROLE:
            return note.body
        if role == ARTICLE_TITLE_ROLE:
            return self.title_of(note)
        if role == COLOUR_ROLE:
            return note.colour or ""
        if role == UPDATED_ROLE:
            return format_moment(note.updated, relative=True)
        if role == ANCHOR_ROLE:
            return note.anchor_status
        if role == PRIVATE_ROLE:
            return note.private
        return None


class RevisionsModel(ItemListModel):
    """The saved states of one note, newest first (rows are revision ids)."""

    def __init__(self, library: Library, note_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.note_id = note_id
        self._revisions: list[Revision] = library.note_revisions(note_id)

    def refresh(self) -> None:
        self.beginResetModel()
        self._revisions = self.library.note_revisions(self.note_id)
        self.endResetModel()

    def revision(self, row: int) -> Revision | None:
        return self.item(row)

    def rows(self) -> list[Revision]:
        return self._revisions

    def item_data(self, revision: Revision, row: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            label = format_moment(revision.saved, relative=True)
            if row == 0:
                label = self.tr("{moment} (current)").format(moment=label)
            text = first_line(revision.body, 60) or self.tr("(empty)")
            return f"{label}\n{text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return revision.saved
        if role == BODY_ROLE:
            return revision.body
        if role == REVISION_ID_ROLE:
            return revision.id
        return None
