"""The change bus: one signal that says what in the library changed, for every pane.

Every operation that writes (an import, a correction, a coding, a restore, a merge …) tells
the bus once, after its transaction landed, with :meth:`ChangeBus.publish`; every pane that
shows library data subscribes to :attr:`ChangeBus.changed` and refreshes what the
:class:`Change` touches. Nothing else carries "the library changed".

Signals:
    changed(Change): something in the library changed; the argument says what.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from reader.ui.common.views import Plain


class Area(enum.Flag):
    """Which kinds of thing a change touched."""

    ARTICLES = enum.auto()  # added, removed or edited articles, tags
    ENTITIES = enum.auto()  # entities, mentions, corrections
    NOTES = enum.auto()  # notes and highlights
    CODINGS = enum.auto()  # codings and codebooks
    SOURCES = enum.auto()  # feeds and the read-later queue
    LIBRARY = enum.auto()  # the whole file was replaced (a restore, an import of a library)

    @classmethod
    def everything(cls) -> Area:
        return cls.ARTICLES | cls.ENTITIES | cls.NOTES | cls.CODINGS | cls.SOURCES | cls.LIBRARY


class Change(Plain):
    """What changed: the areas, and the articles concerned (empty means any or all).

    ``note_ids`` names notes that were edited in place (a body saved, a colour changed):
    a list showing them may re-read those rows alone. It is empty when notes were added or
    removed, or for any other change.
    """

    __slots__ = ("areas", "article_ids", "note_ids")

    def __init__(
        self,
        areas: Area,
        article_ids: frozenset[int] = frozenset(),
        note_ids: frozenset[int] = frozenset(),
    ) -> None:
        self.areas, self.article_ids, self.note_ids = areas, article_ids, note_ids

    def touches(self, areas: Area) -> bool:
        """Whether this change concerns any of ``areas`` (a replaced library touches all)."""
        return bool(self.areas & (areas | Area.LIBRARY))

    def concerns(self, article_id: int | None) -> bool:
        """Whether this change may concern the article ``article_id`` (no ids: any)."""
        return not self.article_ids or (article_id is not None and article_id in self.article_ids)

    @property
    def replaced(self) -> bool:
        """The whole library file was replaced: every pane starts over."""
        return bool(self.areas & Area.LIBRARY)


class ChangeBus(QObject):
    """The one place that says what changed. Build one in :mod:`reader.app`, give it to
    every controller and pane."""

    changed = Signal(object)  # Change

    def publish(
        self,
        areas: Area,
        article_ids: Iterable[int | None] = (),
        *,
        note_ids: Iterable[int] = (),
    ) -> Change:
        """Tell every subscriber that ``areas`` changed (for ``article_ids``, if given; a
        ``None`` among them, a free-standing note's article, is left out)."""
        change = Change(
            areas,
            frozenset(int(i) for i in article_ids if i is not None),
            frozenset(int(i) for i in note_ids),
        )
        self.changed.emit(change)
        return change
