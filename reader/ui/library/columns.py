"""How wide the library table's columns and its tag filter are.

The Title column takes what the others leave; Source, Date and Tags are as wide as what
they show (over the first :data:`FIT_ROWS` rows; Source and Tags at most
:data:`COLUMN_CAPS` wide, longer ones wrap). In a narrow pane Source, then Tags (which
wrap) give way, down to :data:`WRAP_MIN`, so that Title keeps :data:`TITLE_SHARE` of the
width: :class:`ColumnFitter` does that when the list is queried again and follows the room
as the pane is resized, leaving widths the user chose by hand alone while Title still has
its share. :func:`fit_combo_width` keeps a combo box from being narrower than the entry it
shows (a layout short of room would cut "All articles  (10)" to "All articles  (10").
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QTableView

from reader.ui.common.pane_chrome import viewport_of

COMPACT_COLUMNS = (1, 2, 3)  # Source, Date, Tags: as wide as what they show
COLUMN_CAPS = {1: 100, 3: 90}  # at most this wide (a longer source or tag list wraps)
WRAPPING_COLUMNS = (1, 3)  # Source and Tags wrap: they give up room before Title does
WRAP_MIN = 60  # but not below this
TITLE_SHARE = 0.4  # of the table's width, for Title, while the others can give way
FIT_ROWS = 200  # the rows whose text sizes the compact columns (one page of the model)


def natural_widths(table: QTableView) -> dict[int, int]:
    """What Source, Date and Tags show, in pixels (Source and Tags at most their
    :data:`COLUMN_CAPS`)."""
    header = table.horizontalHeader()
    widths: dict[int, int] = {}
    wraps = table.wordWrap()
    table.setWordWrap(False)  # a wrapped cell's hint is as wide as its column already
    try:
        for column in COMPACT_COLUMNS:
            width = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
            widths[column] = min(width, COLUMN_CAPS.get(column, width))
    finally:
        table.setWordWrap(wraps)
    return widths


class ColumnFitter:
    """Sizes the compact columns of ``table`` (see the module's docstring)."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.natural = natural_widths(table)
        header = table.horizontalHeader()
        for column, width in self.natural.items():
            header.resizeSection(column, width)
        self.applied = dict(self.natural)  # the widths given here (not by the user)

    def fit(self) -> None:
        """Measure what the columns show again and share the room out."""
        self.natural = natural_widths(self.table)
        self.share(always=True)

    def follow_room(self) -> None:
        """The table was resized: share the room out again, unless the user sized the
        columns and Title still has its share."""
        self.share(always=False)

    def share(self, *, always: bool) -> None:
        """Give the compact columns their natural widths, taking from Source and Tags
        what Title needs to keep :data:`TITLE_SHARE` of the room."""
        header = self.table.horizontalHeader()
        room = viewport_of(self.table).width()
        if room <= 0:
            return
        title_room = int(room * TITLE_SHARE)
        ours = all(header.sectionSize(c) == w for c, w in self.applied.items())
        if not (always or ours) and header.sectionSize(0) >= title_room:
            return
        widths = dict(self.natural)
        over = sum(widths.values()) - (room - title_room)
        for column in (c for c in WRAPPING_COLUMNS if c in widths):  # Source first
            if over <= 0:
                break
            cut = min(over, max(widths[column] - WRAP_MIN, 0))
            widths[column] -= cut
            over -= cut
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        self.applied = widths


def fit_combo_width(combo: QComboBox, maximum: int) -> None:
    """Make ``combo`` never narrower than the entry it shows (at most ``maximum``)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    contents = QSize(metrics.horizontalAdvance(combo.currentText()), metrics.height())
    needed = combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, contents, combo
    )
    combo.setMinimumWidth(min(needed.width() + 4, maximum))
