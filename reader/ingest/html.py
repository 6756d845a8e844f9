"""Import of saved web pages: the main article text of a page, with its metadata.

This module owns turning the already-decoded text of a saved web page into a
:class:`~reader.library.draft.Draft` with ``format="html"`` (:func:`extract_html`):

* parsing the page safely with lxml;
* stripping page furniture (navigation, share bars, related links, cookie notices,
  footers and comments) before and after readability-lxml picks the main content;
* the readability subclass that also recovers opening paragraphs it leaves behind;
* walking the chosen content into canonical blocks (:mod:`reader.ingest.blocks`).

What the page says about itself (title, byline, date, language, URL, source) is read by
:mod:`reader.ingest.html_meta`.

Nothing is fetched or executed: the page is parsed with lxml's HTML parser with
network access off, scripts are only ever read as JSON-LD data, and no external
entity is resolved.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs
import lxml.html  # type: ignore[import-untyped]  # lxml ships no stubs
from readability import Document

from reader.ingest.blocks import HEADINGS, element_blocks, norm_space
from reader.ingest.html_meta import page_metadata, text_key
from reader.ingest.plaintext import title_from_text
from reader.library.draft import Draft, join_blocks

__all__ = ["NO_TEXT_MESSAGE", "extract_html"]

NO_TEXT_MESSAGE = "no readable article text found in the page"

# readability logs a traceback before raising; the ValueError we raise says enough, so
# keep that off stderr unless the application has configured logging itself.
logging.getLogger("readability").addHandler(logging.NullHandler())

# --------------------------------------------------------------------------- parsing

# Characters that libxml2 rejects or that make no sense in text: C0 controls except
# tab/newline/carriage return, and U+FFFE/U+FFFF.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# A leading XML declaration is meaningless once the text is decoded.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TOO_DEEP = "Excessive depth"


def _parser(*, deep: bool = False) -> lxml.html.HTMLParser:
    """A fresh HTML parser (parsers are not shared between threads).

    libxml2's HTML parser never loads a DTD or resolves an external entity, and
    ``no_network`` keeps it off the network. ``deep`` lifts the nesting limit of 256 to
    2048 levels; it is only used to re-read a page that hit the normal limit.
    """
    return lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        huge_tree=deep,
    )


def _clean_source(html: str) -> str:
    html = html.lstrip("\ufeff")
    html = _XML_DECL.sub("", html, count=1)
    return _BAD_CHARS.sub(" ", html)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse ``html`` into a document tree, or None when there is nothing to parse."""
    data = html.encode("utf-8", "replace")
    if not data.strip():
        return None
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
        if any(_TOO_DEEP in entry.message for entry in parser.error_log):
            # The normal limit cuts the document off at the first over-deep element,
            # losing everything after it; re-read with the higher limit.
            root = lxml.html.document_fromstring(data, parser=_parser(deep=True))
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None
    return root


# --------------------------------------------------------------------------- main text

# Left out of the article text besides what reader.ingest.blocks always leaves out: photos
# and their captions, credits and slideshow text.
_NOT_TEXT = ("figure", "figcaption")

_LINK_LEAD = re.compile(
    r"^\W*(?:related|read more|read also|also read|see also|more|more on this|recommended)\b",
    re.I,
)


def _link_share(el: lxml.html.HtmlElement) -> tuple[float, str]:
    text = norm_space(el.text_content())
    if not text:
        return 0.0, text
    linked = sum(len(norm_space(a.text_content())) for a in el.iter("a"))
    return min(linked / len(text), 1.0), text


def _drop_link_blocks(article: lxml.html.HtmlElement) -> None:
    """Remove link-only paragraphs and lists (related stories, "Read more: ...")."""
    doomed: list[lxml.html.HtmlElement] = []
    for el in article.iter("p", "ul", "ol"):
        share, text = _link_share(el)
        if not text:
            continue
        if el.tag in ("ul", "ol"):
            items = [li for li in el.iter("li") if norm_space(li.text_content())]
            if len(items) >= 2 and all(_link_share(li)[0] >= 0.9 for li in items):
                doomed.append(el)
        elif share >= 0.9 and len(text.split()) <= 20 or share > 0.5 and _LINK_LEAD.match(text):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


_LEAD_STOP_TAGS = frozenset(
    {"nav", "aside", "header", "footer", "form", "h1", "figure", "table", "ul", "ol", "dl"}
)
_LEAD_STOP_FEATURES = re.compile(r"byline|author|signature|date|credit|caption", re.I)
_SENTENCE_END = '.!?…"”»’'


class _Readability(Document):
    """readability-lxml, plus recovery of opening paragraphs it leaves behind.

    Some pages split the article: an intro and the first paragraphs sit in an outer
    container, the rest in a "read more" box that readability picks as the content. Before
    the article is assembled, the good paragraphs that directly precede the chosen element
    (walking back through up to three ancestors, stopping at the first non-paragraph
    content such as a headline, byline, figure or list) are moved into it.
    """

    LEAD_LEVELS = 3
    LEAD_MIN_CHARS = 80

    def _good_paragraph(self, el: lxml.html.HtmlElement) -> bool:
        text = norm_space(el.text_content())
        return (
            len(text) >= self.LEAD_MIN_CHARS
            and len(text.split()) >= 10
            and text[-1] in _SENTENCE_END
            and self.get_link_density(el) < 0.25
        )

    def _lead_verdict(self, el: lxml.html.HtmlElement) -> str:
        """Classify a preceding sibling: "skip" (no real text), "take" or "stop"."""
        if not isinstance(el.tag, str):
            return "skip"
        length = len(norm_space(el.text_content()))
        if el.tag == "h1" and length:
            return "stop"
        if length < self.min_text_length:
            return "skip"
        if el.tag in _LEAD_STOP_TAGS or self.class_weight(el) < 0:
            return "stop"
        if el.find(".//time") is not None or _LEAD_STOP_FEATURES.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            return "stop"
        if el.tag == "p":
            return "take" if self._good_paragraph(el) else "stop"
        if el.tag in ("div", "section") and not (el.text or "").strip():
            kids = [k for k in el if isinstance(k.tag, str) and norm_space(k.text_content())]
            if kids and all(k.tag == "p" and self._good_paragraph(k) for k in kids):
                return "take"
        return "stop"

    def _preceding_paragraphs(self, best: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
        found: list[lxml.html.HtmlElement] = []
        node: lxml.html.HtmlElement | None = best
        for _ in range(self.LEAD_LEVELS):
            if node is None or node.tag in ("body", "html"):
                break
            for sibling in node.itersiblings(preceding=True):
                verdict = self._lead_verdict(sibling)
                if verdict == "stop":
                    return found
                if verdict == "take":
                    found.append(sibling)
            node = node.getparent()
        return found

    def get_article(
        self,
        candidates: dict[lxml.html.HtmlElement, dict[str, Any]],
        best_candidate: dict[str, Any],
        html_partial: bool = False,
    ) -> lxml.html.HtmlElement:
        best = best_candidate["elem"]
        for lead in self._preceding_paragraphs(best):  # nearest first
            best.insert(0, lead)
        return super().get_article(candidates, best_candidate, html_partial=html_partial)


# Page furniture recognised by class or id: cookie and consent banners, newsletter and
# subscription boxes, share bars, related and recommended links, comments, ads.
_JUNK_FEATURES = re.compile(
    r"cookie|consent|gdpr|newsletter|sign-?up|subscribe|\bshare|sharing|social|"
    r"related|recirc|recommend|outbrain|taboola|promo|advert|sponsor|breadcrumb|comment|"
    r"disqus|popular|trending|\bmenu|masthead|site-?footer|site-?header",
    re.I,
)
_JUNK_ROLES = frozenset(
    """navigation menu menubar complementary alert alertdialog dialog banner contentinfo
    search""".split()
)
_JUNK_TAGS = frozenset({"nav", "aside", "form", "button", "select", "textarea", "dialog"})


def _paragraph_chars(el: lxml.html.HtmlElement) -> int:
    return sum(len(norm_space(p.text_content())) for p in el.iter("p"))


def _strip_page_furniture(root: lxml.html.HtmlElement) -> None:
    """Remove navigation, share bars, cookie notices and similar before content scoring.

    An element is only removed when it holds a small part of the page's paragraph text and
    does not contain the article itself, so a badly named wrapper cannot take the article
    with it.
    """
    body = root.find("body")
    if body is None:
        return
    total = max(_paragraph_chars(body), 1)
    doomed: list[lxml.html.HtmlElement] = []
    # Depth-first with an explicit stack; a removed element's subtree is not visited.
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(child, False) for child in body]
    while stack:
        el, in_article = stack.pop()
        if not isinstance(el.tag, str):
            continue
        tag = el.tag
        if tag in ("article", "main") or "articlebody" in (el.get("itemprop") or "").lower():
            stack.extend((child, True) for child in el)
            continue
        features = f"{el.get('class', '')} {el.get('id', '')}"
        junk = (
            tag in _JUNK_TAGS
            or (el.get("role") or "").lower() in _JUNK_ROLES
            or (tag == "footer" and not in_article)
            or bool(_JUNK_FEATURES.search(features))
        )
        if (
            junk
            and el.find(".//article") is None
            and el.find(".//main") is None
            and _paragraph_chars(el) <= 0.3 * total
        ):
            doomed.append(el)
        else:
            stack.extend((child, in_article) for child in el)
    for el in doomed:
        el.drop_tree()


def _unlink_headings(root: lxml.html.HtmlElement) -> None:
    """Keep the text of links inside h2..h6 but not the links.

    readability drops headings that are mostly link text, which loses the section titles
    of list articles ("Thumper ($20)" linking to the shop page).
    """
    for link in root.xpath("//h2//a | //h3//a | //h4//a | //h5//a | //h6//a"):
        link.drop_tag()


def _summary_tree(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """readability-lxml's choice of main content, parsed back into a tree."""
    summary = _Readability(doc).summary(html_partial=True)
    data = (summary or "").encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(data, parser=_parser(deep=True))
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None
    body = tree.find("body")
    return body if body is not None else tree


# Whole blocks that are page furniture rather than article text.
_BOILERPLATE = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "continue reading",
        "continue reading the main story",
        "story continues below advertisement",
        "article continues below advertisement",
        "read more",
        "read more below",
        "show more",
        "share",
        "share this",
        "share this article",
        "share this story",
        "supported by",
        "skip advertisement",
        "image",
        "photo",
    }
)


def _tidy_parts(parts: list[tuple[str, str]], title: str) -> list[tuple[str, str]]:
    """Drop boilerplate, blocks without a word ("___", "* * *") and a repeated title."""
    parts = [
        (kind, text)
        for kind, text in parts
        if (kind == "pre" or text_key(text)) and text_key(text) not in _BOILERPLATE
    ]
    if parts and parts[0][0] in HEADINGS and title and text_key(parts[0][1]) == text_key(title):
        parts = parts[1:]
    return parts


# --------------------------------------------------------------------------- public API


def extract_html(html: str, *, url: str | None = None) -> Draft:
    """Extract the main article and its metadata from the decoded text of a saved page.

    Returns a :class:`Draft` with ``format="html"``. Raises :class:`ValueError` when
    the page has no readable article text, or when it cannot be parsed at all.
    """
    if not isinstance(html, str):
        raise TypeError("extract_html() expects the decoded text of the page (str)")
    source = _clean_source(html)
    try:
        root = _parse(source)
        if root is None:
            raise ValueError(NO_TEXT_MESSAGE)
        meta = page_metadata(root, url)
        body = root.find("body")
        if body is None or not norm_space(body.text_content()):
            raise ValueError(NO_TEXT_MESSAGE)
        _strip_page_furniture(root)
        _unlink_headings(root)
        article = _summary_tree(root)
        parts: list[tuple[str, str]] = []
        if article is not None:
            _drop_link_blocks(article)
            parts = element_blocks(article, skip=_NOT_TEXT)
    except ValueError as exc:
        if str(exc) == NO_TEXT_MESSAGE:
            raise
        raise ValueError(f"could not read the page as HTML: {_short(exc)}") from exc
    except RecursionError as exc:
        raise ValueError("could not read the page as HTML: it is nested too deeply") from exc
    except MemoryError:
        raise
    except Exception as exc:  # any other failure inside lxml / readability / dateutil
        raise ValueError(f"could not read the page as HTML: {_short(exc)}") from exc

    parts = _tidy_parts(parts, meta.title)
    text, blocks = join_blocks(parts)
    if not text:
        raise ValueError(NO_TEXT_MESSAGE)
    title = meta.title or title_from_text(text)
    return Draft(
        title=title,
        text=text,
        byline=meta.byline,
        source=meta.source,
        url=meta.url,
        published=meta.published,
        language=meta.language,
        blocks=blocks,
        format="html",
    )


def _short(exc: BaseException) -> str:
    message = norm_space(str(exc)) or type(exc).__name__
    return message[:120]
