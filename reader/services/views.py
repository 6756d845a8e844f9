"""What the window can open on: the views ``fieldreader gui --view`` names.

The command line offers these as the choices of ``--view`` and the window lays itself out
for each (:func:`reader.app.apply_view`); both read them from here, so they never differ.
"""

from __future__ import annotations

import enum


class View(enum.StrEnum):
    """One layout of the window."""

    LIBRARY = "library"  # the library list, the reader, the entities and notes
    READER = "reader"  # the reader fills the window
    NOTES = "notes"  # the reader with the notes pane beside it
    COMPARE = "compare"  # the comparison of two cases, with the reader beside it


#: Every view, in menu order (the first is the default).
VIEWS: tuple[View, ...] = tuple(View)
