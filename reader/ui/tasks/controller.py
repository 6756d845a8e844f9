"""What every controller of the window shares: the context, and how it starts its tasks.

A controller joins a pane (or a menu) to the library: it is given the window's
:class:`~reader.ui.tasks.context.UiContext` and keeps it as :attr:`Controller.ctx` (its parts
are its attributes too: ``self.library``, ``self.messages``, ...), starts its background work
with :meth:`Controller.start` (shown in the status bar, with its error put into words once),
says what it did through ``ctx.messages`` and what it changed through ``ctx.bus``, and hears
the bus in :meth:`Controller.on_changed`. Subclasses add their actions, dialogs and slots.

A :class:`MenuController` runs menu entries over the window: its questions and messages go
through a ``dialogs`` object (tests give a stand-in), and it saves what is being edited
(``flush``) before it works on the whole library. A :class:`PaneController` joins one pane
to the reader (seen only through the protocols of :mod:`reader.ui.common.views`): it keeps
both, is set up over them in :meth:`PaneController.setup` and follows the article the reader
shows in :meth:`PaneController.on_article_shown`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from reader.ui.common.views import ArticleView
from reader.ui.tasks.bus import Change
from reader.ui.tasks.context import HasContext, UiContext
from reader.ui.tasks.launch import Tracker, launch
from reader.ui.tasks.runner import Task


class Controller(QObject, HasContext):
    """A controller of the window, over the context it was given; ``widget`` is what its
    dialogs open over (``None``: it has none)."""

    def __init__(
        self, ctx: UiContext, parent: QObject | None = None, *, widget: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = widget
        ctx.bus.changed.connect(self.on_changed)

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        """The change bus carried ``change``; a subclass refreshes what it touched."""

    def start(self, task: Task, *trackers: Tracker, **outcome: Any) -> Task:
        """Run ``task`` owned by this controller, shown in the status bar (and by
        ``trackers``), with the ``on_success``, ``on_failure``, ``on_finished`` and
        ``alone`` of :func:`~reader.ui.tasks.launch.launch`; a failure the caller does not
        handle is shown in the status bar as an error."""
        if outcome.get("on_failure") is None:
            outcome["on_failure"] = self.ctx.messages.error
        return launch(task, self, self.ctx.tasks, self.ctx.progress, *trackers, **outcome)


class MenuController(Controller):
    """A controller of menu entries, over ``widget``; ``dialogs`` asks and tells (default:
    a new :attr:`DIALOGS`); ``flush`` saves what is being edited."""

    #: What asks the user and tells them, unless a stand-in is given.
    DIALOGS: Callable[[], Any] = object

    def __init__(
        self,
        ctx: UiContext,
        widget: QWidget,
        *,
        flush: Callable[[], object] = lambda: None,
        dialogs: Any = None,
    ) -> None:
        super().__init__(ctx, widget, widget=widget)
        self.flush = flush
        self._dialogs = dialogs
        self.setup()

    @property
    def dialogs(self) -> Any:
        """What asks the user and tells them: the stand-in given, else a :attr:`DIALOGS`
        made when first needed (a window starts without reading its dialogs' modules)."""
        if self._dialogs is None:
            self._dialogs = self.DIALOGS()
        return self._dialogs

    @dialogs.setter
    def dialogs(self, dialogs: Any) -> None:
        self._dialogs = dialogs

    def setup(self) -> None:
        """Make the controller's actions and state; called once, at the end of ``__init__``."""


class PaneController(Controller):
    """A controller joining ``pane`` (a widget, or what stands in for one until it is built)
    to the ``reader``."""

    def __init__(
        self, ctx: UiContext, pane: QObject, reader: ArticleView, parent: QObject | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.pane = pane
        self.reader = reader
        self.setup(pane, reader)
        reader.article_shown.connect(self.on_article_shown)
        if reader.article_id is not None:
            self.on_article_shown(reader.article_id)

    def setup(self, pane: Any, reader: Any) -> None:
        """Set the controller up over its pane and the reader: connect their signals, make
        its actions and state; called once, before it follows the reader."""

    @Slot(int)
    def on_article_shown(self, article_id: int) -> None:
        """The reader opened ``article_id`` (0: it was cleared); a subclass follows it."""
