"""The chrome the panes share: filter box, a row of controls over the body, splitter, actions.

The library, entities and notes panes put a filter (or search) box and their combo boxes
in a row above what they list, split the list from what goes with it (the mentioning
articles, the note editor) with a thin vertical :class:`QSplitter`, and stack a label over
a list without margins. These helpers build those pieces alike, so the panes (and the
theme's styles, which go by object name) keep one look. :func:`tool_button` makes the flat
buttons of the notes bar and the find bar; :func:`make_action` makes the menu entries the
window and the controllers offer, all in one way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[..., object] | None = None,
    *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
    checkable: bool = False,
) -> QAction:
    """A menu entry ``text`` owned by ``parent`` that calls ``slot`` (given ``checked``
    when ``checkable``), with its ``shortcuts``, the first the one shown."""
    action = QAction(text, parent)
    action.setCheckable(checkable)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if slot is not None:
        (action.toggled if checkable else action.triggered).connect(slot)
    return action


def tool_button(parent: QWidget, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
    """A flat button ``text`` with the tooltip ``tip`` that calls ``slot`` when clicked."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button


def filter_edit(parent: QWidget, name: str, text: str) -> QLineEdit:
    """A clearable line edit named ``name``, showing and announcing ``text``."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(text)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(text)
    return edit


def stacked(parent: QWidget, *rows: tuple[QWidget, int]) -> QWidget:
    """A widget holding ``rows`` (widget, stretch) one above the other, with no margins."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget, stretch in rows:
        layout.addWidget(widget, stretch)
    return holder


def pane_splitter(
    parent: QWidget,
    name: str,
    upper: QWidget,
    lower: QWidget,
    stretch: tuple[int, int],
    sizes: Sequence[int],
) -> QSplitter:
    """A vertical splitter named ``name`` with a thin handle, ``upper`` over ``lower``."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.setObjectName(name)
    splitter.setHandleWidth(1)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(upper)
    splitter.addWidget(lower)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    return splitter


def lay_out_pane(
    pane: QWidget, controls: Sequence[tuple[QWidget, int]], spacing: int, body: QWidget
) -> None:
    """Give ``pane`` its layout: a padded row of ``controls`` (widget, stretch) over ``body``."""
    row = QHBoxLayout()
    row.setContentsMargins(10, 10, 10, 8)
    row.setSpacing(spacing)
    for widget, stretch in controls:
        row.addWidget(widget, stretch)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(row)
    layout.addWidget(body, 1)
