"""The one list of what Fieldreader imports, by suffix, and how to say it (no imports).

This module owns the suffixes each reader takes (:data:`KNOWN_SUFFIXES` is what a folder
walk picks up), the kinds refused with a pointer elsewhere (OPML feed lists, citation
files) or before they are decoded (documents, archives and media Fieldreader does not
read), the File › Import Files filter (:func:`file_dialog_filter`), the words the command
line's ``import --help`` ends with (:func:`formats_help`) and the reason an unsupported
file is refused (:func:`unsupported_format`). It imports nothing, so the command line can
build its help without loading a reader; :mod:`reader.ingest.readers` chooses the reader
by these lists and re-exports them.
"""

from __future__ import annotations

__all__ = [
    "CITATION_SUFFIXES",
    "CONVERT_HINTS",
    "DOCX_SUFFIXES",
    "EPUB_SUFFIXES",
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "KNOWN_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "MHTML_SUFFIXES",
    "ODT_SUFFIXES",
    "OPML_SUFFIXES",
    "PDF_SUFFIXES",
    "REFUSED_SUFFIXES",
    "TEXT_READ_SUFFIXES",
    "TEXT_SUFFIXES",
    "XML_SUFFIXES",
    "file_dialog_filter",
    "formats_help",
    "supported_formats",
    "unsupported_format",
]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
EPUB_SUFFIXES = frozenset({".epub"})
DOCX_SUFFIXES = frozenset({".docx"})
ODT_SUFFIXES = frozenset({".odt"})
#: ``.xml`` files are read as feeds when they are feeds (a folder walk skips the others).
XML_SUFFIXES = frozenset({".xml"})
#: Feed lists: ``feeds import-opml`` subscribes to them; ``import`` says so.
OPML_SUFFIXES = frozenset({".opml"})
#: Reference lists (RIS, BibTeX, PubMed, EndNote): not articles, refused by ``import``.
CITATION_SUFFIXES = frozenset({".ris", ".bib", ".bibtex", ".nbib", ".enw"})
#: What a folder walk picks up; files named explicitly may have any name.
KNOWN_SUFFIXES = (
    MARKDOWN_SUFFIXES
    | HTML_SUFFIXES
    | TEXT_SUFFIXES
    | PDF_SUFFIXES
    | FEED_SUFFIXES
    | MHTML_SUFFIXES
    | EPUB_SUFFIXES
    | DOCX_SUFFIXES
    | ODT_SUFFIXES
)
#: Suffixes read as text: a binary file with one of these names is "not a text file".
TEXT_READ_SUFFIXES = (
    MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | XML_SUFFIXES
)
#: The order the file dialog lists the suffixes in: the readers', most common first.
_DIALOG_ORDER = (
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    HTML_SUFFIXES,
    MHTML_SUFFIXES,
    PDF_SUFFIXES,
    EPUB_SUFFIXES,
    DOCX_SUFFIXES,
    ODT_SUFFIXES,
    FEED_SUFFIXES,
)
#: What each reader is called in the command line's help, with its suffixes, in order.
_FORMAT_NAMES = (
    ("plain text", ".txt", TEXT_SUFFIXES),
    ("Markdown", ".md", MARKDOWN_SUFFIXES),
    ("web pages", ".html", HTML_SUFFIXES),
    ("single-file web pages", ".mhtml", MHTML_SUFFIXES),
    ("PDF", ".pdf", PDF_SUFFIXES),
    ("EPUB", ".epub", EPUB_SUFFIXES),
    ("Word", ".docx", DOCX_SUFFIXES),
    ("OpenDocument text", ".odt", ODT_SUFFIXES),
    ("RSS and Atom feeds", ".rss", FEED_SUFFIXES | XML_SUFFIXES),
)
#: The same list, short, for a one-line message.
_FORMATS_SHORT = (
    "text (.txt), Markdown (.md), web pages (.html, .mhtml), PDF, EPUB, Word (.docx), "
    "OpenDocument (.odt) and RSS or Atom feeds"
)
#: Kinds of file people try to import that Fieldreader does not read, with what to do.
CONVERT_HINTS = {
    ".doc": "save it as .docx or PDF first",
    ".rtf": "save it as .docx or PDF first",
    ".wpd": "save it as .docx or PDF first",
    ".pages": "export it as .docx or PDF first",
    ".mobi": "convert it to EPUB first",
    ".azw": "convert it to EPUB first",
    ".azw3": "convert it to EPUB first",
    ".djvu": "convert it to PDF first",
}
#: Suffixes refused before a byte is decoded: documents, archives, media, programs.
REFUSED_SUFFIXES = frozenset(
    {
        *CONVERT_HINTS,
        *".xls .xlsx .ods .ppt .pptx .odp .odg .key .numbers .zip .7z .rar .gz .tgz .bz2 .xz"
        " .tar .png .jpg .jpeg .gif .webp .bmp .tif .tiff .heic .svgz .mp3 .m4a .wav .ogg"
        " .flac .mp4 .mkv .mov .avi .webm .exe .dll .so .dylib .bin .iso .dmg .apk .msi"
        " .sqlite .db .qdpx .qde".split(),
    }
)


def file_dialog_filter() -> str:
    """The name filter of File › Import Files: every suffix a reader takes, then all files.

    ``"Articles (*.md *.markdown … *.pdf *.atom *.rss);;All files (*)"``.
    """
    patterns = [f"*{s}" for group in _DIALOG_ORDER for s in sorted(group)]
    return f"Articles ({' '.join(patterns)});;All files (*)"


def supported_formats(*, short: bool = False) -> str:
    """What Fieldreader imports, in words: ``"plain text (.txt, .text), Markdown (.md, …),
    …"`` (``short``: one suffix a format, for a one-line message)."""
    if short:
        return _FORMATS_SHORT
    return ", ".join(
        f"{name} ({', '.join([first, *sorted(suffixes - {first})])})"
        for name, first, suffixes in _FORMAT_NAMES
    )


def formats_help() -> str:
    """The paragraph ``fieldreader import --help`` ends with: every format it reads."""
    return (
        f"Reads {supported_formats()}, and http(s) URLs. Folders are walked for those "
        "suffixes. OPML feed lists go to 'fieldreader feeds import-opml'; citation files "
        "(RIS, BibTeX) are not imported."
    )


def unsupported_format(suffix: str) -> str:
    """The reason a file of kind ``suffix`` is refused, with what Fieldreader imports."""
    what = f"not a supported format: {suffix}" if suffix else "not a supported format"
    hint = CONVERT_HINTS.get(suffix.lower())
    return f"{what} (Fieldreader imports {supported_formats(short=True)}" + (
        f"; {hint})" if hint else ")"
    )
