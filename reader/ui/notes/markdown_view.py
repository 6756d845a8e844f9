"""Markdown notes rendered as safe rich text, and the read-only view that shows them.

:func:`render_markdown` turns a note's Markdown into HTML with python-markdown (tables,
fenced code, footnotes) and makes it safe twice over: raw HTML in the source is never
passed through (python-markdown's HTML handling is switched off, so ``<script>`` stays
visible text), and the output goes through an allow-list (:class:`_Sanitiser`) that keeps
only plain structural tags, drops scripts, styles and event handlers, turns every image
into its alt text and keeps only http, https, mailto and in-page links. A
:class:`MarkdownView` (a :class:`~reader.ui.common.safe_browser.SafeBrowser`) never loads a
resource and opens a link in the system browser only when it is clicked.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from reader.ui.common.safe_browser import SafeBrowser
from reader.ui.common.theme import Theme

if TYPE_CHECKING:
    import markdown

EXTENSIONS = ("tables", "fenced_code", "footnotes")
LINK_SCHEMES = ("http", "https", "mailto")

#: Tags kept as they are (with the attributes in :data:`ATTRIBUTES` only).
ALLOWED_TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 em strong b i u s del code pre blockquote ul ol li dl dt dd "
    "table thead tbody tr th td sup sub div span a".split()
)
#: Tags dropped together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    "script style iframe object embed noscript template svg math textarea select title head "
    "frame frameset applet audio video canvas form".split()
)
VOID_TAGS = frozenset({"br", "hr", "img"})
ATTRIBUTES = {
    "a": {"href", "title", "id", "name"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"id", "class"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}


def _safe_href(href: str) -> str | None:
    """``href`` when it is an in-page anchor or an http(s)/mailto link, else ``None``."""
    value = href.strip()
    if value.startswith("#"):
        return value
    scheme = QUrl(value).scheme().lower()
    return value if scheme in LINK_SCHEMES else None


def _align(style: str | None) -> str | None:
    """The ``text-align`` of a table cell's style attribute, as an ``align`` value."""
    if not style or "text-align" not in style:
        return None
    value = style.split("text-align", 1)[1].lstrip(" :").split(";", 1)[0].strip().lower()
    return value if value in ("left", "right", "center") else None


class _Sanitiser(HTMLParser):
    """Rebuilds HTML from an allow-list of tags and attributes (everything else escaped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []  # open tags whose content is being dropped
        self.open_links: list[bool] = []  # per <a>: was it kept?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1] or tag in DROPPED_WITH_CONTENT:
                self.skipping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            self.skipping.append(tag)
            return
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "img":
            alt = values.get("alt", "").strip() or "image"
            self.out.append(f'<span class="alt">[{html.escape(alt)}]</span>')
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = {k: v for k, v in values.items() if k in ATTRIBUTES.get(tag, set())}
        if tag == "a":
            href = _safe_href(values.get("href", "")) if "href" in values else None
            if href is None:
                kept.pop("href", None)
                if not kept:  # a link to somewhere unsafe: keep only its text
                    self.open_links.append(False)
                    return
            else:
                kept["href"] = href
            self.open_links.append(True)
        if tag in ("th", "td") and "align" not in kept:
            align = _align(values.get("style"))
            if align:
                kept["align"] = align
        if tag == "table":  # Qt draws borders from attributes, not from CSS
            kept = {"border": "1", "cellspacing": "0", "cellpadding": "5", "width": "100%"}
        attributes = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in kept.items())
        self.out.append(f"<{tag}{attributes}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "a":
            if self.open_links and self.open_links.pop():
                self.out.append("</a>")
            return
        if tag in ALLOWED_TAGS and tag not in VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def sanitise_html(markup: str) -> str:
    """``markup`` rebuilt from safe tags only: no scripts, styles, images or unsafe links."""
    parser = _Sanitiser()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def _markdown() -> markdown.Markdown:
    import markdown  # Python-Markdown, when the first note is rendered

    md = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
    # No raw HTML: blocks and inline tags in the source stay text (and are escaped).
    for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
        if name in registry:
            registry.deregister(name)
    return md


def render_markdown(text: str) -> str:
    """The sanitised HTML for a note's Markdown ``text``."""
    return sanitise_html(_markdown().convert(text))


def preview_css(theme: Theme, family: str) -> str:
    """The preview's stylesheet in ``theme``'s colours."""
    return f"""
body {{ font-family: '{family}'; color: {theme.text}; }}
p, li {{ line-height: 145%; }}
p {{ margin-top: 0px; margin-bottom: 8px; }}
h1, h2, h3, h4, h5, h6 {{ font-weight: 600; margin-top: 10px; margin-bottom: 6px; }}
h1 {{ font-size: large; }} h2 {{ font-size: medium; }} h3 {{ font-size: medium; }}
a {{ color: {theme.accent}; text-decoration: underline; }}
blockquote {{ color: {theme.muted}; margin-left: 14px; font-style: italic; }}
code {{ font-family: monospace; background-color: {theme.alternate}; }}
pre {{ font-family: monospace; background-color: {theme.alternate}; }}
th {{ background-color: {theme.alternate}; font-weight: 600; }}
table {{ border-color: {theme.rule}; margin-bottom: 8px; }}
span.alt {{ color: {theme.muted}; font-style: italic; }}
div.footnote {{ color: {theme.muted}; font-size: small; }}
p.empty {{ color: {theme.muted}; font-style: italic; }}
"""


class MarkdownView(SafeBrowser):
    """Read-only, sanitised Markdown that loads nothing and follows links only on a click
    (http, https and mailto ones go to the system; in-page ones scroll)."""

    open_schemes = LINK_SCHEMES

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        url_opener: Callable[[QUrl], Any] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__("notePreview", parent, url_opener=url_opener)
        self.markdown = ""
        self.placeholder = ""

    def set_theme(self, theme: Theme, family: str) -> None:
        self.document().setDefaultStyleSheet(preview_css(theme, family))
        self.set_markdown(self.markdown)

    def set_markdown(self, text: str) -> None:
        """Show ``text`` rendered (the placeholder when it is blank)."""
        self.markdown = text
        if text.strip():
            self.setHtml(render_markdown(text))
        else:
            self.setHtml(f'<p class="empty">{html.escape(self.placeholder)}</p>')
