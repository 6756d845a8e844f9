"""The Edit Article dialog: an article's title, byline, source, date, language and tags.

:class:`ArticleEditDialog` shows an article's details in a form (the date with a "No date"
box, the language among those the app has data for or any other code, the tags as a list
separated by commas, completed from the library's tags) and, on Save, hands what the user
asked for as an :class:`ArticleEdit` to the ``apply`` it was given (the controller writes
it). If the library refuses (a bad language code, the article gone), the dialog stays open
and says why in one line, and nothing was changed; Cancel changes nothing either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.library import Article
from reader.library.errors import LibraryError
from reader.ui.common.errors import error_message
from reader.ui.common.text import fill, format_moment

FIELD_WIDTH = 480  # the form's fields are at least this wide (a long title fits)


def split_tags(text: str) -> tuple[str, ...]:
    """The tags written in ``text``, separated by commas: trimmed, the empty ones and the
    repeats (ignoring case) left out, in order."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


#: The interface's words for the languages the app reads (Qt names languages in English
#: only); another language is named in its own words.
LANGUAGE_NAMES = (
    QT_TRANSLATE_NOOP("LanguageNames", "English"),
    QT_TRANSLATE_NOOP("LanguageNames", "French"),
    QT_TRANSLATE_NOOP("LanguageNames", "Russian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Ukrainian"),
)


def language_name(code: str) -> str:
    """The language ``code`` named in the interface language ("French", in French
    "français"), else in its own words; "" when Qt does not know the code."""
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return ""
    english = QLocale.languageToString(locale.language())
    if english in LANGUAGE_NAMES:
        return QCoreApplication.translate("LanguageNames", english)
    if QLocale().language() == QLocale.Language.English:
        return english
    return locale.nativeLanguageName() or english


@dataclass(frozen=True, slots=True)
class ArticleEdit:
    """What the user asked an article's details to be (``None``: none)."""

    title: str
    byline: str | None
    source: str | None
    published: str | None
    language: str | None
    tags: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> ArticleEdit:
        """The article's details as they are."""
        return cls(
            article.title,
            article.byline,
            article.source,
            article.published,
            article.language,
            tuple(article.tags),
        )

    def changes(self, article: Article) -> dict[str, str | None]:
        """The fields (by :meth:`~reader.library.Library.update_article`'s names) that
        differ from ``article``'s."""
        was = ArticleEdit.of(article)
        names = ("title", "byline", "source", "published", "language")
        return {n: getattr(self, n) for n in names if getattr(self, n) != getattr(was, n)}

    def tags_added(self, article: Article) -> list[str]:
        had = {t.casefold() for t in article.tags}
        return [t for t in self.tags if t.casefold() not in had]

    def tags_removed(self, article: Article) -> list[str]:
        keeps = {t.casefold() for t in self.tags}
        return [t for t in article.tags if t.casefold() not in keeps]


class TagListCompleter(QCompleter):
    """Completes the last of the comma-separated tags being typed in a line edit."""

    def __init__(self, tags: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(list(tags), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(  # noqa: N802 (Qt override)
        self, index: QModelIndex | QPersistentModelIndex
    ) -> str:
        chosen = str(index.data() or "")
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + chosen


class ArticleEditDialog(QDialog):
    """Edit one article's details; Save hands them to ``apply`` (which raises a
    :class:`~reader.library.errors.LibraryError` to refuse), Cancel changes nothing."""

    def __init__(
        self,
        article: Article,
        tag_names: Sequence[str],
        apply: Callable[[ArticleEdit], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditDialog")
        self.setWindowTitle(self.tr("Edit Article"))
        self.article = article
        self.apply = apply
        self.edit: ArticleEdit | None = None  # what was saved

        self.title_edit = self._line("titleEdit", article.title)
        self.byline_edit = self._line("bylineEdit", article.byline, self.tr("Who wrote it"))
        self.source_edit = self._line("sourceEdit", article.source, self.tr("Outlet or site"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.no_date_box = QCheckBox(self.tr("No date"), self)
        self.no_date_box.setObjectName("noDateBox")
        self.no_date_box.setToolTip(self.tr("The article says nothing about when it appeared"))
        self.no_date_box.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        day = QDate.fromString(article.published or "", "yyyy-MM-dd")
        self.date_edit.setDate(day if day.isValid() else QDate.currentDate())
        self.no_date_box.setChecked(not day.isValid())
        self.date_edit.setEnabled(day.isValid())
        self.language_combo = self._languages(article.language)
        self.tags_edit = self._line("tagsEdit", ", ".join(article.tags))
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas, e.g. drc, minerals"))
        self.tags_edit.setCompleter(TagListCompleter(tag_names, self))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("editError")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.error_label.hide()

        date_row = QWidget(self)  # a widget, so that the label's mnemonic has a buddy
        row = QHBoxLayout(date_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.no_date_box)
        date_row.setFocusProxy(self.date_edit)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Byline:"), self.byline_edit)
        form.addRow(self.tr("&Source:"), self.source_edit)
        form.addRow(self.tr("&Date:"), date_row)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)
        imported = QLabel(fill(self.tr("Imported %1"), format_moment(article.imported)), self)
        imported.setObjectName("importedLabel")
        imported.setEnabled(False)  # shown muted: it is not the article's date
        form.addRow("", imported)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.title_edit.setMinimumWidth(FIELD_WIDTH)
        self.title_edit.setFocus()
        self.title_edit.setCursorPosition(0)

    def _line(self, name: str, value: str | None, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value or "", self)
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _languages(self, current: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("languageCombo")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setToolTip(self.tr("A language the app knows, or any two- or three-letter code"))
        combo.addItem(self.tr("Not set"), None)
        from reader.analysis.languages import available_languages, load_language

        for code in available_languages():
            name = language_name(code) or load_language(code).name
            combo.addItem(f"{name} ({code})", code)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    # -- what the form says ------------------------------------------------------------
    def language(self) -> str | None:
        """The language chosen: a listed one's code, else the code typed (``None``: not
        set)."""
        combo = self.language_combo
        text = combo.currentText().strip()
        listed = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if listed >= 0:
            return combo.itemData(listed)
        return text or None

    def published(self) -> str | None:
        if self.no_date_box.isChecked():
            return None
        chosen = self.date_edit.date().toString("yyyy-MM-dd")
        return chosen

    def current_edit(self) -> ArticleEdit:
        """What the form says now."""

        def text(edit: QLineEdit) -> str | None:
            return " ".join(edit.text().split()) or None

        return ArticleEdit(
            title=" ".join(self.title_edit.text().split()),
            byline=text(self.byline_edit),
            source=text(self.source_edit),
            published=self.published(),
            language=self.language(),
            tags=split_tags(self.tags_edit.text()),
        )

    # -- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """Hand the form to ``apply`` and close, or say why not and stay open."""
        edit = self.current_edit()
        if not edit.title:
            self.show_error(self.tr("An article needs a title."))
            self.title_edit.setFocus()
            return False
        try:
            self.apply(edit)
        except LibraryError as error:
            self.show_error(error_message(error))
            return False
        self.edit = edit
        self.accept()
        return True

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
