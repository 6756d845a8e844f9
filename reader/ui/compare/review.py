"""The comparison's review history: accept, reject, move and manual coding, undoable.

A review runs in the background like every comparison (see
:mod:`reader.ui.compare.controller`); what it did comes back as an :class:`Edited`. From
that, :func:`step_for` makes a :class:`Step`: the changes that take it back and the
changes that do it again, and which coding to select after each. A :class:`ReviewCommand`
carries one step on the controller's ``QUndoStack`` (it is pushed once the review is done,
so its first ``redo`` does nothing); its ``undo`` and ``redo`` hand their edit to the
controller to run and compare again.

A step names its codings by their stable uid (an id may be given again to another coding
once one is deleted), and is made of changes: a change of status, or removing the coding a
move or a manual coding added and putting that same coding back. So an undone review gives
back exactly what was there: the same coding with its status, on its dimension, in its
place in the cell (the cell's order comes from the text and the counterparts, not from
when a coding was touched); an undone move or manual coding leaves no trace in the grid or
the library, and its redo brings back the very coding (same uid, same id when free).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.library import Library
from reader.library.errors import NotFoundError
from reader.library.statuses import CodingStatus
from reader.services import framing
from reader.services.framing import StoredCoding

CONTEXT = "ReviewCommand"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class Edited:
    """What a change made before comparing again did (it runs in a worker).

    ``coding_id`` (``uid``) is the coding reviewed or moved and ``before`` its status until
    then; ``created`` (``created_uid``) is the coding the change added (a move's new place,
    a manual coding). An undo or a redo says ``history`` and the coding to select after it
    (``focus``, None: stay where the selection is).
    """

    message: str
    kind: str = ""  # "status", "move", "code"; "" for an undo or a redo
    coding_id: int | None = None
    before: str | None = None
    after: str | None = None
    created: int | None = None
    label: str = ""  # the dimension moved or coded to
    uid: str | None = None
    created_uid: str | None = None
    history: bool = False
    focus: int | None = None


#: A change made before comparing again (in the worker, with its own library).
Edit = Callable[[Library], Edited]
#: A change of status (``(STATUS, uid, status)``), or removing (``(REMOVE, uid, "")``) or
#: putting back (``(RESTORE, uid, "")``) a coding added by hand or by a move.
Change = tuple[str, str, str]
STATUS, REMOVE, RESTORE = "status", "remove", "restore"
#: What a step does, in order.
Changes = tuple[Change, ...]
#: The codings an undo removed, by uid, kept for the redo that puts them back.
Removed = dict[str, StoredCoding]

STATUS_NAMES = {
    CodingStatus.ACCEPTED: QT_TRANSLATE_NOOP(CONTEXT, "Accept"),
    CodingStatus.REJECTED: QT_TRANSLATE_NOOP(CONTEXT, "Reject"),
    CodingStatus.SUGGESTED: QT_TRANSLATE_NOOP(CONTEXT, "Back to Suggested"),
}


@dataclass(frozen=True, slots=True)
class Step:
    """One review as the undo stack keeps it."""

    text: str  # "Reject", "Move to “Adversary”", ... (the menu says "Undo Reject")
    undo: Changes
    redo: Changes
    focus_undo: str | None  # the coding (uid) to select once undone (None: stay)
    focus_redo: str | None


def _coding_id(library: Library, uid: str) -> int:
    found = framing.coding_id_for_uid(library, uid)
    if found is None:
        raise NotFoundError(_tr("that coding is no longer in the library"))
    return found


def changes_edit(
    changes: Sequence[Change], removed: Removed, message: str, focus: str | None = None
) -> Edit:
    """An edit that makes ``changes`` in one transaction (keeping what it removes in
    ``removed``, taking what it puts back from there) and says ``message``."""

    def edit(library: Library) -> Edited:
        with library.transaction():
            for action, uid, status in changes:
                if action == RESTORE:
                    kept = removed.get(uid)
                    if kept is None:
                        raise NotFoundError(_tr("the coding to put back was not kept"))
                    framing.restore_coding(library, kept)
                elif action == REMOVE:
                    removed[uid] = framing.delete_coding(library, _coding_id(library, uid))
                else:
                    framing.set_status(library, _coding_id(library, uid), status)
        shown = framing.coding_id_for_uid(library, focus) if focus is not None else None
        return Edited(message, history=True, focus=shown)

    return edit


def step_for(edited: Edited) -> Step | None:
    """The undoable step of a review that was done (None when there is nothing to undo)."""
    rejected = str(CodingStatus.REJECTED)
    uid, created = edited.uid, edited.created_uid
    if edited.kind == "status" and uid and edited.before and edited.after:
        if edited.before == edited.after:
            return None
        text = _tr(STATUS_NAMES.get(CodingStatus(edited.after), "Review"))
        return Step(text, ((STATUS, uid, edited.before),), ((STATUS, uid, edited.after),), uid, uid)
    if edited.kind == "move" and uid and created and edited.before:
        return Step(
            _tr("Move to \u201c{0}\u201d").format(edited.label),
            ((REMOVE, created, ""), (STATUS, uid, edited.before)),
            ((STATUS, uid, rejected), (RESTORE, created, "")),
            uid,
            created,
        )
    if edited.kind == "code" and created:
        return Step(
            _tr("Code to \u201c{0}\u201d").format(edited.label),
            ((REMOVE, created, ""),),
            ((RESTORE, created, ""),),
            None,
            created,
        )
    return None


#: How a command asks for its edit to be run: ``(edit, task label)``.
RunEdit = Callable[[Edit, str], object]


class ReviewCommand(QUndoCommand):
    """One review on the undo stack; pushed after it was done, so the first redo is a no-op.
    It keeps the codings its undo removed, for its redo to put back."""

    def __init__(self, step: Step, run: RunEdit) -> None:
        super().__init__(step.text)
        self.step = step
        self.run = run
        self.removed: Removed = {}
        self._pushed = True

    def redo(self) -> None:
        if self._pushed:  # the review itself did it already
            self._pushed = False
            return
        message = _tr("Redone: {0}").format(self.step.text)
        edit = changes_edit(self.step.redo, self.removed, message, self.step.focus_redo)
        self.run(edit, _tr("Redoing the review"))

    def undo(self) -> None:
        message = _tr("Undone: {0}").format(self.step.text)
        edit = changes_edit(self.step.undo, self.removed, message, self.step.focus_undo)
        self.run(edit, _tr("Undoing the review"))
