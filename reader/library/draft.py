"""The article record that every importer produces and the library stores.

A :class:`Draft` is what an importer knows about one article before it lands in the
library: its canonical plain text (paragraphs separated by blank lines; every later
offset points into it), metadata, and optional block structure (headings, list items,
quotes) given as character ranges into that text. An :class:`Original` is the bytes it was
read from, kept unchanged beside it. :class:`Ahead` is what the writer would otherwise
compute for a draft, computed ahead where the text already is (an import's worker
process): the normalised text's hash and the stemmed search index's forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


@dataclass(frozen=True, slots=True)
class Block:
    """One structural block of the text: ``text[start:end]`` is of kind ``kind``."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Draft:
    """An article as an importer extracted it, not yet stored."""

    title: str
    text: str
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    format: str = "txt"  # txt, md, html
    #: the hash and index forms computed ahead (:class:`Ahead`); the writer uses them only
    #: while they still fit the title, text, source and language (:meth:`Ahead.fits`)
    ahead: Ahead | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Ahead:
    """A draft's normalised-text hash and its stemmed index forms (title, text, source,
    ``lang`` word, as :mod:`reader.library.search_schema` indexes them, by the recipe
    ``recipe``), with the values they were computed from."""

    title: str
    text: str
    source: str | None
    language: str | None
    recipe: str
    text_hash: str
    forms: tuple[str, str, str, str]

    def fits(self, draft: Draft) -> bool:
        """Whether these were computed from ``draft``'s current title, text, source and
        language (an object sent whole between processes keeps its shared strings shared,
        so this is mostly identity)."""
        return (
            (self.text is draft.text or self.text == draft.text)
            and self.title == draft.title
            and self.source == draft.source
            and self.language == draft.language
        )


@dataclass(frozen=True, slots=True)
class Original:
    """The bytes an article was imported from, kept unchanged beside it."""

    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        import hashlib  # only an import that keeps an original needs it

        return hashlib.sha256(self.data).hexdigest()


def join_blocks(parts: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    """Join ``(kind, text)`` pieces into canonical text and the blocks that locate them.

    Pieces are stripped and separated by one blank line; empty pieces are dropped.
    """
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, piece in parts:
        piece = piece.strip()
        if not piece:
            continue
        if chunks:
            pos += 2  # the blank line between blocks
        blocks.append(Block(kind, pos, pos + len(piece)))
        chunks.append(piece)
        pos += len(piece)
    return "\n\n".join(chunks), blocks
