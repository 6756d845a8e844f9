"""The item-data roles and index type every pane's Qt models share.

A row that stands for an article answers :data:`ARTICLE_ID_ROLE` with the article's id, a row
that stands for a note answers :data:`NOTE_ID_ROLE`, in whichever pane it is listed (the
library's table and search results, the entity sidebar's mentioning articles, the notes list,
the comparison's article pickers). A pane's own roles live with its models and start at
:data:`PANE_ROLES` so they never meet these.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

#: The id of the article a row stands for (or is attached to), else None.
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The id of the note a row stands for, else None.
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 5
#: Roles of one pane's own models are numbered from here.
PANE_ROLES = Qt.ItemDataRole.UserRole + 20

#: What a model's methods are given as an index.
Index = QModelIndex | QPersistentModelIndex
