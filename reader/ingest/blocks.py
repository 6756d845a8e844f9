"""Turn HTML into canonical text plus block structure.

The one block walker of the importers: paragraphs, headings, list items, block quotes and
preformatted text of an lxml element become ``(kind, text)`` pieces (:func:`element_blocks`),
and :func:`fragment_blocks` joins those for an HTML fragment into canonical text and
:class:`~reader.library.draft.Block` ranges. Used for rendered Markdown (and any
already-clean article HTML) and for the article that the web-page importer extracts.
Nothing is fetched; the HTML is only parsed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import lxml.html  # type: ignore[import-untyped]  # lxml ships no stubs
from lxml import etree

from reader.library.draft import Block, join_blocks

__all__ = ["HEADINGS", "element_blocks", "fragment_blocks", "norm_space"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = HEADINGS | {"p", "li", "blockquote", "pre"}
# Elements whose content never contributes text.
_SKIP = frozenset(
    """script style noscript template iframe frame frameset object embed applet img picture
    source svg math canvas video audio track map form input button select option textarea
    label head title meta link base nav dialog""".split()
)
# Elements that end the current run of inline text.
_BREAKS = frozenset(
    """div section article main header footer aside address center ul ol dl dt dd table thead
    tbody tfoot tr td th caption hr details summary fieldset figure figcaption body
    html""".split()
)
_SPACE = re.compile(r"\s+")


def norm_space(text: str | None) -> str:
    """Collapse all whitespace (including no-break spaces) to single spaces and strip.

    Soft hyphens and zero-width spaces are dropped.
    """
    if not text:
        return ""
    return _SPACE.sub(" ", text.replace("\u00ad", "").replace("\u200b", "")).strip()


class _BlockWalker:
    """Turn HTML into ``(kind, text)`` pieces for :func:`join_blocks`.

    Iterative (an explicit stack), so nesting depth is no concern. Each p, h1..h6, li,
    blockquote and pre is one piece; a <p> inside a <li> or <blockquote> takes that kind;
    inline whitespace is collapsed; two or more <br> in a row split a piece; text that sits
    directly in a <div> or similar container becomes a "p" piece.
    """

    def __init__(self, skip: frozenset[str]) -> None:
        self.skip = skip
        self.parts: list[tuple[str, str]] = []
        self.buffer: list[str | None] = []  # inline text; None for a <br>
        self.kind = "p"

    def flush(self) -> None:
        """End the current run of inline text; two or more <br> in a row split it."""
        pieces: list[list[str]] = [[]]
        brs = 0  # <br>s since the last text that is not blank
        for item in self.buffer:
            if item is None:
                brs += 1
            elif not item.strip():
                pieces[-1].append(item)
            else:
                if brs >= 2:
                    pieces.append([])
                elif brs:
                    pieces[-1].append(" ")
                brs = 0
                pieces[-1].append(item)
        self.buffer = []
        for piece in pieces:
            text = norm_space("".join(piece))
            if text:
                self.parts.append((self.kind, text))

    def run(self, root: etree._Element) -> list[tuple[str, str]]:
        # Stack items: ("el", element, context), ("text", str), ("end", kind to restore).
        stack: list[tuple[Any, ...]] = [("el", root, None)]
        while stack:
            item = stack.pop()
            if item[0] == "text":
                self.buffer.append(item[1])
            elif item[0] == "end":
                self.flush()
                self.kind = item[1]
            else:
                self._enter(item[1], item[2], stack)
        self.flush()
        return self.parts

    def _enter(self, el: Any, context: str | None, stack: list[tuple[Any, ...]]) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in self.skip:
            return
        if tag == "br":
            self.buffer.append(None)
            return
        if tag == "pre":
            self.flush()
            self._pre(el)
            return
        if tag in _BLOCKS:
            self.flush()
            stack.append(("end", self.kind))
            if tag == "p" and context in ("li", "blockquote"):
                self.kind = context
            else:
                self.kind = tag
            context = self.kind
        elif tag in _BREAKS:
            self.flush()
            stack.append(("end", self.kind))
        for child in reversed(el):
            if child.tail:
                stack.append(("text", child.tail))
            stack.append(("el", child, context))
        if el.text:
            stack.append(("text", el.text))

    def _pre(self, el: Any) -> None:
        """Preformatted text keeps its lines and indentation, not its blank lines."""
        text = "".join(el.itertext()).replace("\r\n", "\n").replace("\t", "    ")
        lines = [line.rstrip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text.strip():
            self.parts.append(("pre", text))


def element_blocks(el: etree._Element, *, skip: Collection[str] = ()) -> list[tuple[str, str]]:
    """The ``(kind, text)`` pieces of ``el`` and everything inside it, in document order.

    Kinds are ``p``, ``h1``..``h6``, ``li``, ``blockquote`` and ``pre``. Scripts, styles,
    media, forms and navigation never contribute text; ``skip`` names further elements
    to leave out with everything inside them (for instance ``figure``).
    """
    return _BlockWalker(_SKIP | frozenset(skip)).run(el)


def fragment_blocks(html: str) -> tuple[str, list[Block]]:
    """Canonical text and blocks for an HTML fragment (empty when it has no text)."""
    if not html.strip():
        return "", []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return join_blocks(element_blocks(root))
