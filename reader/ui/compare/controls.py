"""The comparison pane's pickers: the two cases, the codebook, which statuses count and
whose codings.

A case is a tag (with its article count) or "Chosen articles…", which asks through
:attr:`CaseControls.choose_articles` (a checkable list by default; tests replace it) and
adds an ``ids:1,2,3`` entry (the dialog is told the other case's articles, to mark them).
The defaults are the tags ``ukraine`` and ``drc`` when the
library has them, else its first two tags. The coder picker shows only when the library
holds more than one coder's codings or notes: "All coders" (the default) or one of them; a
coder who is no longer there falls back to all. Every change the user makes is reported as
a :class:`~reader.ui.compare.models.CompareRequest`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from reader.library import ArticleSummary, Library
from reader.library.errors import InvalidInputError, NotFoundError
from reader.services.compare import compare_coders, parse_selector
from reader.services.framing import codebook_for, codebook_ids
from reader.ui.compare import dialogs as compare_dialogs
from reader.ui.compare.models import STATUS_FILTERS, CompareRequest, interface_language

CHOOSE = "choose"
DEFAULT_TAGS = ("ukraine", "drc")

ChooseArticles = Callable[[QWidget, Sequence[ArticleSummary], Sequence[int]], list[int] | None]


def default_cases(tags: Sequence[str]) -> tuple[str, str]:
    """The default selectors: the tags ``ukraine`` and ``drc`` if present, else the first two."""
    wanted = [t for t in DEFAULT_TAGS if t in tags]
    chosen = (wanted + [t for t in tags if t not in wanted] + ["", ""])[:2]
    return (f"tag:{chosen[0]}" if chosen[0] else "", f"tag:{chosen[1]}" if chosen[1] else "")


def chosen_label(count: int) -> str:
    text = "{0} chosen article" if count == 1 else "{0} chosen articles"
    return QCoreApplication.translate("CaseControls", text).format(count)


class CaseControls(QWidget):
    """The row of pickers above the comparison grid.

    Signals:
        request_changed(request): the user changed a case, the codebook or the filter.
    """

    request_changed = Signal(object)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseControls")
        self.library = library
        self.choose_articles: ChooseArticles = self.ask_articles
        self._others: tuple[int, ...] = ()  # the other case's articles, while choosing
        self._filling = False
        self.case_a = self._combo("caseA", self.tr("The first case: a tag, or articles you choose"))
        self.case_b = self._combo(
            "caseB", self.tr("The second case: a tag, or articles you choose")
        )
        self.codebook_combo = self._combo(
            "codebookCombo", self.tr("The codebook the cases are coded with")
        )
        self.status_combo = self._combo("statusCombo", self.tr("Which codings count as evidence"))
        for key, (label, _statuses) in STATUS_FILTERS.items():
            self.status_combo.addItem(QCoreApplication.translate("CompareModel", label), key)
        self.coder_combo = self._combo("coderCombo", self.tr("Whose codings are the evidence"))
        self.coder_combo.hide()
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("compareBusy")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(8)
        row.addWidget(self.case_a)
        row.addWidget(QLabel(self.tr("with"), self))
        row.addWidget(self.case_b)
        row.addSpacing(10)
        row.addWidget(self.codebook_combo)
        row.addWidget(self.status_combo)
        row.addWidget(self.coder_combo)
        row.addStretch(1)
        row.addWidget(self.busy_label)
        self._compared = {self.case_a: "", self.case_b: ""}  # what each case was before
        self.refresh_choices()
        pickers = (self.case_a, self.case_b, self.codebook_combo, self.status_combo)
        for combo in (*pickers, self.coder_combo):
            combo.activated.connect(lambda _i, c=combo: self.on_choice_activated(c))

    def ask_articles(
        self, parent: QWidget, articles: Sequence[ArticleSummary], checked: Sequence[int]
    ) -> list[int] | None:
        """The default way to choose a case's articles: the dialog, with the other case's
        articles marked."""
        return compare_dialogs.choose_articles(parent, articles, checked, self._others)

    def case_articles(self, combo: QComboBox) -> tuple[int, ...]:
        """The articles of the case a picker shows (none when it names no case)."""
        selector = str(combo.currentData() or "")
        if not selector or selector == CHOOSE:
            return ()
        try:
            return parse_selector(self.library, selector).articles
        except (InvalidInputError, NotFoundError):
            return ()

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def refresh_choices(self) -> None:
        """Fill the case and codebook pickers from the library, keeping what was chosen."""
        self._filling = True
        try:
            tags = self.library.tag_counts()
            defaults = default_cases([t for t, _n in tags])
            for combo, default in ((self.case_a, defaults[0]), (self.case_b, defaults[1])):
                current = combo.currentData()
                if not current or current == CHOOSE:
                    current = default
                kept = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
                combo.clear()
                for tag, count in tags:
                    combo.addItem(f"{tag} ({count})", f"tag:{tag}")
                for text, data in kept:
                    if isinstance(data, str) and data.startswith("ids:"):
                        combo.addItem(text, data)
                combo.insertSeparator(combo.count())
                combo.addItem(self.tr("Chosen articles\u2026"), CHOOSE)
                found = combo.findData(current) if current else -1
                combo.setCurrentIndex(found if found >= 0 else 0)
                self._compared[combo] = str(combo.currentData() or "")
            current_book = self.codebook_combo.currentData()
            self.codebook_combo.clear()
            language = interface_language()
            for book_id in codebook_ids(self.library):
                book = codebook_for(self.library, book_id).localized(language)
                self.codebook_combo.addItem(book.label, book_id)
            found = self.codebook_combo.findData(current_book) if current_book else 0
            self.codebook_combo.setCurrentIndex(max(found, 0))
            self._fill_coders()
        finally:
            self._filling = False

    def _fill_coders(self) -> None:
        """The coder picker: All coders, then each coder; shown when there are two or more."""
        current = self.coder_combo.currentData()
        names = compare_coders(self.library)
        self.coder_combo.clear()
        self.coder_combo.addItem(self.tr("All coders"), "")
        for name in names:
            self.coder_combo.addItem(self.tr("Coder: {0}").format(name), name)
        found = self.coder_combo.findData(current) if current else 0
        self.coder_combo.setCurrentIndex(max(found, 0))
        self.coder_combo.setVisible(len(names) > 1 or self.coder_combo.currentIndex() > 0)

    def set_coder(self, name: str | None) -> None:
        """Show ``name``'s codings (None or an unknown name: every coder's) and ask again."""
        found = self.coder_combo.findData(name) if name else 0
        self.coder_combo.setCurrentIndex(max(found, 0))
        self._emit()

    def request(self) -> CompareRequest:
        """What the pickers say to compare."""
        key = self.status_combo.currentData() or "shown"
        case_a, case_b = self.case_a.currentData(), self.case_b.currentData()
        return CompareRequest(
            a=str(case_a) if case_a and case_a != CHOOSE else "",
            b=str(case_b) if case_b and case_b != CHOOSE else "",
            codebook_id=str(self.codebook_combo.currentData() or ""),
            statuses=STATUS_FILTERS[key][1],
            coder=str(self.coder_combo.currentData() or "") or None,
        )

    def set_case(self, side: str, selector: str) -> None:
        """Choose ``selector`` (``tag:NAME`` or ``ids:1,2``) for case ``side`` and ask again."""
        combo = self.case_a if side == "a" else self.case_b
        found = combo.findData(selector)
        if found < 0:
            found = combo.count() - 2  # before the separator
            ids = selector.removeprefix("ids:").split(",")
            combo.insertItem(found, chosen_label(len(ids)), selector)
        combo.setCurrentIndex(found)
        self._emit()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.busy_label.setText(message or (self.tr("Comparing\u2026") if busy else ""))

    def on_choice_activated(self, combo: QComboBox) -> None:
        if self._filling:
            return
        if combo.currentData() == CHOOSE:
            self._choose_for(combo)
            return
        self._emit()

    def _emit(self) -> None:
        for combo in (self.case_a, self.case_b):
            self._compared[combo] = str(combo.currentData() or "")
        self.request_changed.emit(self.request())

    def _choose_for(self, combo: QComboBox) -> None:
        previous = self._compared[combo]
        checked = (
            [int(i) for i in previous.removeprefix("ids:").split(",")]
            if previous.startswith("ids:")
            else []
        )
        other = self.case_b if combo is self.case_a else self.case_a
        self._others = self.case_articles(other)
        try:
            chosen = self.choose_articles(self, self.library.list_articles(), checked)
        finally:
            self._others = ()
        if not chosen:  # cancelled: back to what was compared
            combo.setCurrentIndex(max(combo.findData(previous), 0))
            return
        selector = "ids:" + ",".join(str(i) for i in chosen)
        self.set_case("a" if combo is self.case_a else "b", selector)
