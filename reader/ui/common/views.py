"""What the panes may ask of the reader pane, without importing it: the :class:`ArticleView`.

The entity, notes and compare controllers open articles and passages in the reader; they are
given the reader as an :class:`ArticleView` (the window passes its
:class:`~reader.ui.reader.pane.ReaderPane`), so no pane package imports another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from reader.library import Article


class ArticleView(Protocol):
    """The reader pane as the other panes see it.

    Signals:
        article_shown(int): an article was opened (0 when cleared).
    """

    article: Article | None
    article_shown: SignalInstance

    @property
    def article_id(self) -> int | None: ...

    def show_article(self, article_id: int) -> bool:
        """Open ``article_id``; False if there is no such article."""
        ...

    def reveal_passage(self, start: int, end: int, *, select: bool = True) -> bool:
        """Scroll to characters ``start``–``end`` of the open article (and select them)."""
        ...

    def selected_span(self) -> tuple[int, int] | None:
        """The selected characters of the open article, if any."""
        ...
