"""Clean HTML fragments to canonical text plus block structure.

Used for rendered Markdown (and any already-clean article HTML): paragraphs, headings,
list items, block quotes and preformatted text become :class:`~reader.ingest.draft.Block`
ranges of the joined plain text. Nothing is fetched; the fragment is only parsed.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from reader.ingest.draft import Block, join_blocks

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "body", "html", "figure"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "img", "svg"}
_SPACE = re.compile(r"\s+")


def _inline_text(el: etree._Element, skip_lists: bool = False) -> str:
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        if skip_lists and node is not el and node.tag in {"ul", "ol"}:
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag == "br":
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            visit(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    visit(el)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _walk(el: etree._Element, quote: bool, out: list[tuple[str, str]]) -> None:
    loose: list[str] = []

    def flush() -> None:
        if loose:
            out.append(("blockquote" if quote else "p", _SPACE.sub(" ", "".join(loose)).strip()))
            loose.clear()

    if el.text:
        loose.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP or not tag:
            pass
        elif tag in HEADINGS or tag == "p":
            flush()
            out.append(("blockquote" if quote and tag == "p" else tag, _inline_text(child)))
        elif tag == "pre":
            flush()
            out.append(("pre", child.text_content().strip("\n")))
        elif tag == "li":
            flush()
            out.append(("li", _inline_text(child, skip_lists=True)))
            for sub in child.iter("ul", "ol"):
                if sub.getparent() is child:
                    _walk(sub, quote, out)
        elif tag == "blockquote":
            flush()
            _walk(child, True, out)
        elif tag in _CONTAINERS or tag in {"table", "tbody", "thead", "tr", "td", "th"}:
            flush()
            _walk(child, quote, out)
        elif tag == "hr":
            flush()
        else:
            loose.append(_inline_text(child) + " ")
        if child.tail:
            loose.append(child.tail)
    flush()


def fragment_blocks(html: str) -> tuple[str, list[Block]]:
    """Canonical text and blocks for an HTML fragment (empty when it has no text)."""
    if not html.strip():
        return "", []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    parts: list[tuple[str, str]] = []
    _walk(root, False, parts)
    return join_blocks(parts)
