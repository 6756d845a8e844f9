"""What the panes may ask of the reader pane, without importing it, and what they give it.

The entity, notes and compare controllers open articles and passages in the reader; they are
given the reader as an :class:`ArticleView` (the window passes its
:class:`~reader.ui.reader.pane.ReaderPane`), so no pane package imports another. The entity
controller needs a :class:`MentionView` (mentions to highlight, a selection marked as an
entity), the notes controller a :class:`NoteView` (highlights to draw, passages to note). What
travels between them is plain data: text offsets (:data:`Span`) and :class:`NoteMark`.

:class:`Plain` is the base of the records the window's start-up imports (this one, the
theme, the change bus's :class:`~reader.ui.tasks.bus.Change`, ...) in place of
``@dataclass``: a dataclass writes the source of its ``__init__``, ``__repr__``, ``__eq__``
(and more) and compiles it when its module is imported, about a millisecond per class on a
2-core machine, and the first window imported 32 of them (issue #19). A :class:`Plain`
record writes its ``__init__`` itself and gets the rest from its ``__slots__`` (its fields,
in order): equality with a record of the same class and equal fields, a hash of the
fields, ``Name(field=value, ...)`` as its repr and :meth:`Plain.as_dict` (what
``dataclasses.asdict`` gave, one level deep). Such records are treated as read-only;
nothing enforces it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMenu

    from reader.library import Article


class Plain:
    """A record whose fields are its class's ``__slots__``, in order."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def as_dict(self) -> dict[str, Any]:
        """``{field: value}`` in field order."""
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Plain)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({fields})"


#: Characters ``start..end`` of an article's text.
Span = tuple[int, int]


class NoteMark(Plain):
    """A note to draw in the reader: its id, the passage ``start..end`` and colour, a hover
    text."""

    __slots__ = ("note_id", "start", "end", "colour", "hint")

    def __init__(
        self, note_id: int, start: int, end: int, colour: str | None = None, hint: str = ""
    ) -> None:
        self.note_id, self.start, self.end = note_id, start, end
        self.colour, self.hint = colour, hint


class ArticleView(Protocol):
    """The reader pane as the other panes see it.

    ``menu_extenders`` are called with the reader's context menu, each to add its entries
    (the comparison adds "Code Selection to").

    Signals:
        article_shown(int): an article was opened (0 when cleared).
    """

    article: Article | None
    article_shown: SignalInstance
    menu_extenders: list[Callable[[QMenu], None]]

    @property
    def article_id(self) -> int | None: ...

    def show_article(self, article_id: int) -> bool:
        """Open ``article_id``; False if there is no such article."""
        ...

    def reveal_passage(self, start: int, end: int, *, select: bool = True) -> bool:
        """Scroll to characters ``start``–``end`` of the open article (and select them)."""
        ...

    def selected_span(self) -> Span | None:
        """The selected characters of the open article, if any."""
        ...


class MentionView(ArticleView, Protocol):
    """The reader as the entity sidebar's controller sees it.

    Signals:
        entity_marked(str, str): the user marked the selected text as an entity of a type.
        mention_changed(int, int): the current mention moved (index, total).
    """

    entity_marked: SignalInstance
    mention_changed: SignalInstance

    def show_mentions(self, spans: Sequence[Span], type_: str, *, reveal: bool = True) -> None:
        """Highlight one entity's mentions; scroll to the first if ``reveal``."""
        ...

    def set_type_spans(self, spans_by_type: dict[str, list[Span]]) -> None:
        """Every mention of the open article by type (for colouring by type)."""
        ...


class NoteView(ArticleView, Protocol):
    """The reader as the notes controller sees it.

    Signals:
        highlight_requested(int, int, str): highlight this passage ("" = default colour).
        note_requested(int, int): write a note on this passage.
        note_clicked(int): a drawn highlight was clicked.
    """

    highlight_requested: SignalInstance
    note_requested: SignalInstance
    note_clicked: SignalInstance

    def highlight_selection(self, colour: str = "") -> bool:
        """Ask for the selection to be highlighted (False: nothing selected)."""
        ...

    def note_on_selection(self) -> bool:
        """Ask for a note on the selection (False: nothing selected)."""
        ...

    def set_note_marks(self, marks: Sequence[NoteMark]) -> None:
        """Draw these highlights and anchored notes on the open article."""
        ...
