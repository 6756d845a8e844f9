"""The small window that asks for a URL and optional tags: Import from URL and Add Feed.

:class:`UrlDialog` enables its accept button only once the text is a usable http(s) URL
(``example.org/a`` is taken as ``https://example.org/a``) that Fieldreader may fetch: one
that :func:`reader.ingest.fetch.check_url` refuses (a user name or password in it) keeps the
button off and shows why. :data:`URL_IMPORT` and :data:`ADD_FEED` are the words of each use
(:func:`url_import_dialog`, :func:`add_feed_dialog`). It fetches nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.colours import WARNING

UrlAnswer = tuple[str, list[str]]


@dataclass(frozen=True, slots=True)
class UrlDialogWords:
    """What one use of the dialog says: its title, heading, note and accept button."""

    title: object  # each marked with QT_TRANSLATE_NOOP("UrlDialog", ...)
    heading: object
    note: object
    accept: object


URL_IMPORT = UrlDialogWords(
    QT_TRANSLATE_NOOP("UrlDialog", "Import from URL"),
    QT_TRANSLATE_NOOP("UrlDialog", "Import a web page, PDF or feed"),
    QT_TRANSLATE_NOOP(
        "UrlDialog",
        "Fieldreader fetches this address once, now, and keeps the article for offline "
        "reading. Without a connection it is saved to Read Later instead.",
    ),
    QT_TRANSLATE_NOOP("UrlDialog", "Import"),
)
ADD_FEED = UrlDialogWords(
    QT_TRANSLATE_NOOP("UrlDialog", "Add Feed"),
    QT_TRANSLATE_NOOP("UrlDialog", "Subscribe to an RSS or Atom feed"),
    QT_TRANSLATE_NOOP(
        "UrlDialog",
        "Nothing is fetched now. Refresh fetches the feed and imports the entries that are "
        "new; the tags are given to its articles.",
    ),
    QT_TRANSLATE_NOOP("UrlDialog", "Subscribe"),
)


def normalise_url(text: str) -> str | None:
    """``text`` as an http(s) URL (``example.org/a`` becomes ``https://example.org/a``)."""
    from reader.ingest.fetch import is_url  # the fetcher, when a URL is first typed

    text = text.strip()
    if is_url(text):
        return text
    if "://" not in text and "." in text.split("/")[0] and not any(c.isspace() for c in text):
        candidate = "https://" + text
        return candidate if is_url(candidate) else None
    return None


def url_problem(url: str) -> str:
    """Why Fieldreader will not fetch ``url`` (a sentence), or "" when it may."""
    from reader.ingest.fetch import FetchError, check_url

    try:
        check_url(url)
    except FetchError as exc:
        reason = str(exc)
        return reason[:1].upper() + reason[1:] + "."
    return ""


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class UrlDialog(QDialog):
    """A URL and optional tags; the accept button is enabled once the URL is usable."""

    def __init__(self, words: UrlDialogWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urlDialog")
        self.setWindowTitle(self.tr(str(words.title)))
        self.setMinimumWidth(520)
        heading_label = QLabel(self.tr(str(words.heading)), self)
        heading_label.setObjectName("dialogHeading")
        font = heading_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading_label.setFont(font)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setClearButtonEnabled(True)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(
            QCoreApplication.translate("UrlDialog", "optional, separated by commas")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(QCoreApplication.translate("UrlDialog", "&URL:"), self.url_edit)
        form.addRow(QCoreApplication.translate("UrlDialog", "&Tags:"), self.tags_edit)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("urlProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {WARNING}")
        self.problem_label.hide()
        self.note_label = QLabel(self.tr(str(words.note)), self)
        self.note_label.setObjectName("dialogNote")
        self.note_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = self.buttons.addButton(
            self.tr(str(words.accept)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self.on_url_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading_label)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.note_label)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self.on_url_changed(self.url_edit.text())

    @Slot(str)
    def on_url_changed(self, text: str) -> None:
        url = normalise_url(text)
        problem = url_problem(url) if url is not None else ""
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.accept_button.setEnabled(url is not None and not problem)

    def answer(self) -> UrlAnswer | None:
        """``(url, tags)`` as entered, or ``None`` if the URL is not usable."""
        url = normalise_url(self.url_edit.text())
        if url is None or url_problem(url):
            return None
        return url, parse_tags(self.tags_edit.text())


def url_import_dialog(parent: QWidget | None = None) -> UrlDialog:
    return UrlDialog(URL_IMPORT, parent)


def add_feed_dialog(parent: QWidget | None = None) -> UrlDialog:
    return UrlDialog(ADD_FEED, parent)
