"""Help › Guide: the short offline guide shipped as Markdown, shown in a view that loads nothing.

The guide is ``resources/guide/guide.md`` (English), or ``guide.<language>.md`` when the
interface speaks a language it was written in (:func:`guide_path`; French:
``guide.fr.md``), English otherwise. :func:`guide_html` renders it with
python-markdown with raw HTML switched off (so the file can only ever be text, headings,
lists, tables and links); a :class:`GuideDialog` shows it in a
:class:`~reader.ui.common.safe_browser.SafeBrowser`, which refuses every resource and hands
a web link to the system browser only when it is clicked. The dialog does not block the
window, so the guide can stay open beside it.
"""

from __future__ import annotations

import html
from pathlib import Path

import markdown
from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from reader.resources import resource_path
from reader.ui.common.safe_browser import SafeBrowser
from reader.ui.common.theme import Theme, ui_family
from reader.ui.help.sizing import DIALOG_MARGINS, opening_size

GUIDE_PARTS = ("guide", "guide.md")
#: The guide dialog's size when the screen has room for it.
GUIDE_SIZE = QSize(760, 820)
EXTENSIONS = ("tables", "sane_lists")


def guide_path(language: str | None = None) -> Path:
    """Where the shipped guide in ``language`` (default: the interface's) is; the English
    one when there is none in that language."""
    code = language if language is not None else QLocale().name().split("_")[0]
    folder, name = GUIDE_PARTS
    english = resource_path(folder, name)
    if code and code != "en" and code.isalpha():
        translated = english.with_name(f"guide.{code.lower()}.md")
        if translated.is_file():
            return translated
    return english


def render_guide(text: str) -> str:
    """The guide's Markdown as HTML, raw HTML in it kept as visible text."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
    for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
        if name in registry:
            registry.deregister(name)
    return md.convert(text)


def guide_html(path: Path | None = None) -> str:
    """The guide at ``path`` (default: the shipped one) as HTML; a line saying it is
    missing when the file is not there."""
    path = path if path is not None else guide_path()
    try:
        return render_guide(path.read_text(encoding="utf-8"))
    except OSError:
        missing = QCoreApplication.translate(
            "GuideDialog", "The guide is not included in this installation ({0})."
        ).format(path)
        return f"<p>{html.escape(missing)}</p>"


def guide_css(theme: Theme, family: str) -> str:
    """The guide's stylesheet in ``theme``'s colours."""
    return f"""
body {{ font-family: '{family}'; color: {theme.text}; }}
p, li {{ line-height: 140%; }}
h1 {{ font-size: x-large; font-weight: 600; margin-bottom: 10px; }}
h2 {{ font-size: large; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }}
h3 {{ font-size: medium; font-weight: 600; margin-top: 12px; }}
a {{ color: {theme.accent}; }}
code {{ font-family: monospace; background-color: {theme.alternate}; }}
pre {{ font-family: monospace; background-color: {theme.alternate}; }}
th {{ background-color: {theme.alternate}; font-weight: 600; text-align: left; }}
td, th {{ padding: 3px 8px; }}
blockquote {{ color: {theme.muted}; margin-left: 14px; }}
"""


class GuideDialog(QDialog):
    """The guide, beside the window."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Fieldreader Guide"))
        self.setModal(False)
        self.browser = SafeBrowser("guideBrowser", self)
        self.browser.document().setDocumentMargin(18)
        self.set_theme(theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DIALOG_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(opening_size(parent if parent is not None else self, GUIDE_SIZE))

    def set_theme(self, theme: Theme) -> None:
        self.browser.document().setDefaultStyleSheet(guide_css(theme, ui_family()))
        self.browser.setHtml(guide_html())
