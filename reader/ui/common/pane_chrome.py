"""The chrome the panes share: filter box, a row of controls over the body, splitter, actions.

The library, entities and notes panes put a filter (or search) box and their combo boxes
(:func:`choice_combo`) in a row above what they list, split the list from what goes with it
(the mentioning articles, the note editor) with a thin vertical :class:`QSplitter`, stack a
label over a list without margins, show a placeholder instead of an empty list
(:func:`with_placeholder`; a filter box as wide as its placeholder: :func:`placeholder_width`)
and set their views up alike (:func:`item_view`; lists of
wrapped rich rows: :func:`rich_list`; their columns: :func:`size_columns`). These
helpers build those pieces alike, so the panes (and the theme's styles, which go by object
name) keep one look. :func:`tool_button` makes the flat buttons of the notes bar, the note
editor and the find bar; :func:`make_action` makes the menu entries the window and the
controllers offer, all in one way.

:func:`viewport_of` is a scroll area's ``viewport()`` without its first call's cost: the
viewport is a plain ``QWidget`` made by Qt, and PySide, given a plain ``QWidget``, looks for
a subclass it might be by trying every widget class it knows, creating each one's Python type
(and some 40 enum types) on the way, ~11 ms of CPU of the first window (issue 19).
``findChild`` makes the wrapper from the type name alone, and from then on ``viewport()``
finds that wrapper and returns it: the same object, without the search.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

VIEWPORT_NAME = "qt_scrollarea_viewport"  # the object name Qt gives every viewport it makes


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without PySide trying every widget class on the first call."""
    area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return area.viewport()  # the wrapper just made, or (a viewport set by hand) its own


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


def tool_button(
    parent: QWidget,
    text: str,
    tip: str,
    slot: Callable[..., object] | None = None,
    *,
    name: str = "",
    checked: bool | None = None,
) -> QToolButton:
    """A flat button ``text`` with the tooltip ``tip`` that calls ``slot`` when clicked
    (toggled, given the state, when ``checked`` makes it checkable and says how it starts),
    named ``name`` if given."""
    button = QToolButton(parent)
    if name:
        button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    if checked is not None:
        button.setCheckable(True)
        button.setChecked(checked)
    if slot is not None:
        (button.toggled if checked is not None else button.clicked).connect(slot)
    return button


def choice_combo(
    parent: QWidget, name: str, choices: Mapping[str, str], tip: str, accessible: str = ""
) -> QComboBox:
    """A combo box named ``name`` offering ``choices`` (data -> label, in order), with the
    tooltip ``tip`` and announced as ``accessible`` (default: the tooltip)."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setAccessibleName(accessible or tip)
    for key, label in choices.items():
        combo.addItem(label, key)
    return combo


def with_placeholder(
    parent: QWidget, view: QWidget, name: str, text: str = ""
) -> tuple[QStackedWidget, QLabel]:
    """A stack showing ``view``, or instead a wrapped label named ``name`` (saying ``text``)
    when there is nothing to list: the stack and the label."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    stack = QStackedWidget(parent)
    stack.addWidget(view)
    stack.addWidget(label)
    return stack, label


View = TypeVar("View", bound=QAbstractItemView)


def item_view(view: View, name: str, accessible: str, model: QAbstractItemModel) -> View:
    """``view`` named ``name``, announced as ``accessible``, over ``model``, one row
    chosen at a time."""
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def rich_list(
    parent: QWidget,
    name: str,
    accessible: str,
    model: QAbstractItemModel,
    delegate: QAbstractItemDelegate,
) -> QListView:
    """A list named ``name`` of ``model``'s rows drawn by ``delegate`` (rows of wrapped rich
    text that vary in height), one row chosen at a time, scrolled by the pixel."""
    view = item_view(QListView(parent), name, accessible, model)
    view.setItemDelegate(delegate)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    return view


def filter_edit(parent: QWidget, name: str, text: str) -> QLineEdit:
    """A clearable line edit named ``name``, showing and announcing ``text``."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(text)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(text)
    return edit


def placeholder_width(edit: QLineEdit) -> int:
    """How wide ``edit`` must be to show its whole placeholder (with the clear button), in
    the panes' style (8 pixels of padding and 2 of border on each side)."""
    text = edit.placeholderText()
    margins = edit.textMargins()
    frame = 2 * 8 + 2 * 2  # the stylesheet's padding and border, both sides
    clear = edit.sizeHint().height() if edit.isClearButtonEnabled() else 0
    advance = edit.fontMetrics().horizontalAdvance(text)
    return advance + margins.left() + margins.right() + frame + clear + 6


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


Mode = QHeaderView.ResizeMode


def size_columns(
    header: QHeaderView,
    modes: Mapping[int, QHeaderView.ResizeMode],
    widths: Mapping[int, int] | None = None,
) -> QHeaderView:
    """Give ``header``'s columns their resize ``modes`` (column -> mode) and starting
    ``widths`` (column -> pixels); the last column stretches only if its mode says so."""
    header.setStretchLastSection(False)
    for column, mode in modes.items():
        header.setSectionResizeMode(column, mode)
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    return header
