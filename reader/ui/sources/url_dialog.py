"""The small window that asks for a URL and optional tags: Import from URL and Add Feed.

:class:`UrlDialog` enables its accept button only once the text is a usable http(s) URL
(``example.org/a`` is taken as ``https://example.org/a``); :func:`url_import_dialog` and
:func:`add_feed_dialog` give it the words of each use. It fetches nothing itself.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ingest.fetch import is_url

UrlAnswer = tuple[str, list[str]]


def normalise_url(text: str) -> str | None:
    """``text`` as an http(s) URL (``example.org/a`` becomes ``https://example.org/a``)."""
    text = text.strip()
    if is_url(text):
        return text
    if "://" not in text and "." in text.split("/")[0] and not any(c.isspace() for c in text):
        candidate = "https://" + text
        return candidate if is_url(candidate) else None
    return None


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class UrlDialog(QDialog):
    """A URL and optional tags; the accept button is enabled once the URL is usable."""

    def __init__(
        self, title: str, heading: str, note: str, accept: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("urlDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        heading_label = QLabel(heading, self)
        heading_label.setObjectName("dialogHeading")
        font = heading_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading_label.setFont(font)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setClearButtonEnabled(True)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("optional, separated by commas")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&URL:", self.url_edit)
        form.addRow("&Tags:", self.tags_edit)
        self.note_label = QLabel(note, self)
        self.note_label.setObjectName("dialogNote")
        self.note_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = self.buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self.on_url_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading_label)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self.on_url_changed(self.url_edit.text())

    @Slot(str)
    def on_url_changed(self, text: str) -> None:
        self.accept_button.setEnabled(normalise_url(text) is not None)

    def answer(self) -> UrlAnswer | None:
        """``(url, tags)`` as entered, or ``None`` if the URL is not usable."""
        url = normalise_url(self.url_edit.text())
        return None if url is None else (url, parse_tags(self.tags_edit.text()))


def url_import_dialog(parent: QWidget | None = None) -> UrlDialog:
    return UrlDialog(
        "Import from URL",
        "Import a web page, PDF or feed",
        "Fieldreader fetches this address once, now, and keeps the article for offline "
        "reading. Without a connection it is saved to Read Later instead.",
        "Import",
        parent,
    )


def add_feed_dialog(parent: QWidget | None = None) -> UrlDialog:
    return UrlDialog(
        "Add Feed",
        "Subscribe to an RSS or Atom feed",
        "Nothing is fetched now. Refresh fetches the feed and imports the entries that are "
        "new; the tags are given to its articles.",
        "Subscribe",
        parent,
    )
