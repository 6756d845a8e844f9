"""EPUB, Word, OpenDocument and MHTML files import as clean text with their titles.

Each document is built here from hand-written XML (zipfile and the email package), with
known text, then read by its reader, imported through
:func:`reader.services.importing.import_paths` into a library and through the real
``fieldreader import`` command. Hostile files (a zip bomb, a part named ``../``, a DTD, an
MHTML page full of scripts and remote images) fail alone with a reason, or are stripped.
"""

from __future__ import annotations

import io
import socket
import urllib.request
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import cli
from reader.ingest import archive, readers
from reader.ingest.docx import parse_docx
from reader.ingest.epub import parse_epub
from reader.ingest.mhtml import parse_mhtml
from reader.ingest.odt import parse_odt
from reader.library import Library
from reader.services.importing import import_paths

# -- builders ---------------------------------------------------------------------------------

_XHTML = "http://www.w3.org/1999/xhtml"


def _zip(parts: dict[str, str | bytes], *, stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if stored_first is not None:
            zf.writestr(stored_first, parts[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != stored_first:
                zf.writestr(name, data)
    return buffer.getvalue()


def _chapter(title: str | None, paragraphs: list[str], extra: str = "") -> str:
    head = f"<h1>{title}</h1>" if title else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{_XHTML}" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{title or 'x'}</title>"
        '<link rel="stylesheet" href="https://cdn.example.org/style.css"/></head>'
        f"<body>{head}{body}{extra}</body></html>"
    )


def make_epub(
    *,
    title: str = "Minerals and Mandates",
    author: str = "Amani Lukusa",
    chapters: list[tuple[str | None, list[str]]] | None = None,
    extra_parts: dict[str, str | bytes] | None = None,
) -> bytes:
    chapters = chapters or [
        ("The Road to Goma", ["Cobalt leaves Kolwezi by lorry every morning.", "Nobody counts."]),
        (None, ["A chapter without its own heading, named only by the table of contents."]),
    ]
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="cover" href="cover.jpg" media-type="image/jpeg"/>',
    ]
    spine = ['<itemref idref="nav"/>']
    nav_links = []
    parts: dict[str, str | bytes] = {"mimetype": "application/epub+zip"}
    for n, (heading, paras) in enumerate(chapters, 1):
        name = f"text/ch{n}.xhtml"
        parts[f"OEBPS/{name}"] = _chapter(heading, paras)
        manifest.append(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="c{n}"/>')
        nav_links.append(f'<li><a href="{name}">Chapter {n}</a></li>')
    parts["META-INF/container.xml"] = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    parts["OEBPS/content.opf"] = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>{title}</dc:title>'
        f"<dc:creator>{author}</dc:creator><dc:language>fr-CD</dc:language>"
        "<dc:publisher>Editions du Lac</dc:publisher><dc:date>2024-03-14</dc:date>"
        f"</metadata><manifest>{''.join(manifest)}</manifest>"
        f"<spine>{''.join(spine)}</spine></package>"
    )
    parts["OEBPS/nav.xhtml"] = (
        f'<html xmlns="{_XHTML}" xmlns:epub="http://www.idpf.org/2007/ops"><body>'
        f'<nav epub:type="toc"><h1>Contents</h1><ol>{"".join(nav_links)}</ol></nav>'
        "</body></html>"
    )
    parts["OEBPS/cover.jpg"] = b"\xff\xd8\xff\xe0not really a picture"
    parts.update(extra_parts or {})
    return _zip(parts, stored_first="mimetype")


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w_para(text: str, style: str | None = None, *, numbered: bool = False) -> str:
    props = ""
    if style or numbered:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if numbered:
            inner += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        props = f"<w:pPr>{inner}</w:pPr>"
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(
    *,
    title: str | None = "Field Report: Rubaya",
    body: str | None = None,
    content_types_extra: str = "",
    document_prefix: str = "",
) -> bytes:
    cell = lambda text: f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"  # noqa: E731
    table = (
        "<w:tbl>"
        f"<w:tr>{cell('Mine')}{cell('Output')}</w:tr>"
        f"<w:tr>{cell('Rubaya')}{cell('15 percent of coltan')}</w:tr>"
        "</w:tbl>"
    )
    body = (
        body
        if body is not None
        else (
            _w_para("Rubaya Coltan Report", "Title")
            + _w_para("The mine above Goma", "Heading1")
            + _w_para("Diggers work in shifts through the rainy season.")
            + _w_para("Fewer buyers come since the road closed.", numbered=True)
            + _w_para("Prices fell by a third.", numbered=True)
            + table
        )
    )
    document = (
        f'{document_prefix}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}</w:body></w:document>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_W}">'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        "</w:style></w:styles>"
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    core_title = f"<dc:title>{title}</dc:title>" if title else ""
    return _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f"{content_types_extra}</Types>"
            ),
            "_rels/.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
                f'<Relationship Id="rId1" Type="{rels}/officeDocument" Target="word/document.xml"/>'
                "</Relationships>"
            ),
            "word/_rels/document.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
                f'<Relationship Id="rId1" Type="{rels}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId2" Type="{rels}/numbering" Target="numbering.xml"/>'
                "</Relationships>"
            ),
            "word/document.xml": document,
            "word/styles.xml": styles,
            "word/numbering.xml": numbering,
            "docProps/core.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://'
                'schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"{core_title}<dc:creator>Neema Bahati</dc:creator></cp:coreProperties>"
            ),
        }
    )


_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def make_odt() -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{_OFFICE_NS}" xmlns:text="{_TEXT_NS}" '
        f'xmlns:table="{_TABLE_NS}" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
        "<office:body><office:text>"
        "<text:sequence-decls><text:sequence-decl text:name='Figure'/></text:sequence-decls>"
        '<text:h text:outline-level="1">Bukavu Market Prices</text:h>'
        "<text:p>Cassava<text:s text:c='2'/>costs more<text:tab/>this week."
        "<office:annotation><text:p>reviewer comment, not text</text:p></office:annotation>"
        "</text:p>"
        '<text:h text:outline-level="2">Traders</text:h>'
        "<text:list><text:list-item><text:p>Women sell at dawn.</text:p></text:list-item>"
        "<text:list-item><text:p>Men carry sacks.<text:note><text:note-citation>1"
        "</text:note-citation><text:note-body><text:p>a footnote</text:p></text:note-body>"
        "</text:note></text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Item</text:p>"
        "</table:table-cell><table:table-cell><text:p>Franc</text:p></table:table-cell>"
        "</table:table-row><table:table-row><table:table-cell><text:p>Beans</text:p>"
        "</table:table-cell><table:table-cell><text:p>2500</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        "<draw:frame><draw:image/></draw:frame>"
        "</office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{_OFFICE_NS}"'
        ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
        "<meta:initial-creator>Furaha Kahindo</meta:initial-creator>"
        "<dc:language>fr-FR</dc:language></office:meta></office:document-meta>"
    )
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "meta.xml": meta,
        },
        stored_first="mimetype",
    )


_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ceasefire Talks Stall in Doha</title>
<script>fetch("https://tracker.example.com/p?x=1")</script>
<link rel="stylesheet" href="https://cdn.example.com/site.css">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ceasefire Talks Stall in Doha</h1>
<p>Negotiators from Kinshasa and the rebel alliance left the hotel without a statement on
Tuesday, after three days of talks that diplomats had hoped would close.</p>
<img src="https://images.example.com/photo.jpg" alt="delegates">
<p>A mediator said the sides disagreed over the withdrawal of fighters from Masisi and over
who would collect taxes at the mines in the meantime.</p>
<iframe src="https://ads.example.com/frame"></iframe>
<p>The next round is due in two weeks, if the fighting around Walikale does not spread.</p>
</article><script src="https://cdn.example.com/app.js"></script></body></html>"""


def make_mhtml(page: str = _PAGE, *, subject: str = "Ceasefire Talks Stall in Doha") -> bytes:
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://news.example.org/2025/03/04/doha-talks"
    msg["Subject"] = subject
    msg["MIME-Version"] = "1.0"
    msg.make_related()
    msg.add_related(
        page.encode("utf-8"),
        "text",
        "html",
        cte="quoted-printable",
        headers=["Content-Location: https://news.example.org/2025/03/04/doha-talks"],
    )
    msg.add_related(
        b"\x89PNG\r\n\x1a\nfake",
        "image",
        "png",
        headers=["Content-Location: https://images.example.com/photo.jpg"],
    )
    msg.add_related(
        b"body { color: red }",
        "text",
        "css",
        headers=["Content-Location: https://cdn.example.com/site.css"],
    )
    return msg.as_bytes()


# -- the readers --------------------------------------------------------------------------------


def test_an_epub_is_one_article_with_its_chapters_as_headings() -> None:
    draft = parse_epub(make_epub())
    assert draft.title == "Minerals and Mandates"
    assert draft.byline == "Amani Lukusa"
    assert draft.language == "fr"
    assert draft.source == "Editions du Lac"
    assert draft.published == "2024-03-14"
    assert draft.format == "epub"
    assert draft.text == (
        "The Road to Goma\n\nCobalt leaves Kolwezi by lorry every morning.\n\nNobody counts."
        "\n\nChapter 2\n\nA chapter without its own heading, named only by the table of "
        "contents."
    )
    kinds = [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks]
    assert kinds[0] == ("h1", "The Road to Goma")
    assert kinds[3] == ("h2", "Chapter 2")
    assert "Contents" not in draft.text  # the table of contents page is not a chapter


def test_an_epub2_book_with_an_ncx_and_entities() -> None:
    ncx = (
        '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>'
        '<navPoint id="p1"><navLabel><text>Prologue</text></navLabel>'
        '<content src="p.html#top"/></navPoint></navMap></ncx>'
    )
    opf = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kivu &amp; Beyond'
        "</dc:title><dc:creator>A. One</dc:creator><dc:creator>B. Two</dc:creator>"
        '</metadata><manifest><item id="ncx" href="toc.ncx" '
        'media-type="application/x-dtbncx+xml"/><item id="p" href="p.html" '
        'media-type="application/xhtml+xml"/><item id="n" href="notes.html" '
        'media-type="application/xhtml+xml"/></manifest>'
        '<spine toc="ncx"><itemref idref="p"/><itemref idref="n" linear="no"/></spine>'
        "</package>"
    )
    page = "<html><body><p>Caf\u00e9&nbsp;Kivu opens at dawn.<br/>It closes late.</p></body></html>"
    data = _zip(
        {
            "mimetype": "application/epub+zip",
            "content.opf": opf,
            "toc.ncx": ncx,
            "p.html": page.encode("utf-8"),
            "notes.html": "<p>endnote</p>",
        }
    )
    draft = parse_epub(data)
    assert draft.title == "Kivu & Beyond"
    assert draft.byline == "A. One, B. Two"
    assert draft.text == "Prologue\n\nCaf\u00e9 Kivu opens at dawn. It closes late."


def test_a_docx_keeps_headings_lists_and_tables_as_text() -> None:
    draft = parse_docx(make_docx())
    assert draft.title == "Field Report: Rubaya"  # the document's properties
    assert draft.byline == "Neema Bahati"
    assert draft.format == "docx"
    kinds = [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks]
    assert kinds == [
        ("h1", "Rubaya Coltan Report"),
        ("h1", "The mine above Goma"),
        ("p", "Diggers work in shifts through the rainy season."),
        ("li", "Fewer buyers come since the road closed."),
        ("li", "Prices fell by a third."),
        ("p", "Mine | Output"),
        ("p", "Rubaya | 15 percent of coltan"),
    ]


def test_a_docx_without_a_title_property_takes_its_first_heading() -> None:
    draft = parse_docx(make_docx(title=None))
    assert draft.title == "Rubaya Coltan Report"
    assert draft.text.startswith("The mine above Goma\n\n")


def test_an_odt_reads_headings_lists_and_tables_without_comments_or_notes() -> None:
    draft = parse_odt(make_odt())
    assert draft.title == "Bukavu Market Prices"
    assert draft.byline == "Furaha Kahindo"
    assert draft.language == "fr"
    assert draft.text == (
        "Cassava costs more this week.\n\nTraders\n\nWomen sell at dawn.\n\n"
        "Men carry sacks.\n\nItem | Franc\n\nBeans | 2500"
    )
    assert [b.kind for b in draft.blocks] == ["p", "h2", "li", "li", "p", "p"]


def test_an_mhtml_page_is_its_article_text_without_scripts_or_resources() -> None:
    draft = parse_mhtml(make_mhtml())
    assert draft.title == "Ceasefire Talks Stall in Doha"
    assert draft.url == "https://news.example.org/2025/03/04/doha-talks"
    assert draft.format == "mhtml"
    assert draft.text.startswith("Negotiators from Kinshasa and the rebel alliance")
    assert "Walikale does not spread." in draft.text
    for junk in ("fetch(", "tracker", "color: red", "PNG", "Home", "Saved by Blink"):
        assert junk not in draft.text


def test_an_mhtml_page_without_a_title_takes_the_saved_subject() -> None:
    page = _PAGE.replace("<title>Ceasefire Talks Stall in Doha</title>", "").replace(
        "<h1>Ceasefire Talks Stall in Doha</h1>", ""
    )
    draft = parse_mhtml(make_mhtml(page, subject="=?utf-8?q?Pourparlers_=C3=A0_Doha?="))
    assert draft.title == "Pourparlers \u00e0 Doha"


# -- hostile and broken files -----------------------------------------------------------------


def _bomb_part() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", "<container/>")
        # 80 MB of zeros compress to some 80 KB: refused before it is inflated.
        zf.writestr("content.opf", b"\0" * (archive.MAX_PART_BYTES + 16 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_bomb_part, "inflates past 64 MB"),
        (lambda: make_epub(extra_parts={"../../evil.sh": "rm -rf ~"}), "named outside it"),
        (lambda: make_epub(extra_parts={"/etc/passwd": "x"}), "named outside it"),
        (lambda: b"PK\x03\x04 not really a zip", "damaged zip archive"),
        (lambda: b"plain text pretending", "not a zip archive"),
        (lambda: _zip({"mimetype": "application/epub+zip"}), "no package document"),
        (
            lambda: make_epub(chapters=[(None, [])]),
            "holds no text",
        ),
    ],
)
def test_a_hostile_or_broken_epub_fails_with_its_reason(make, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_epub(make())


def test_a_chapter_off_the_book_is_never_read_or_fetched(no_network: None) -> None:
    data = make_epub()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    opf = parts["OEBPS/content.opf"].decode()
    opf = opf.replace(
        "</manifest>",
        '<item id="far" href="https://books.example.com/ch9.xhtml" '
        'media-type="application/xhtml+xml"/><item id="up" href="../../etc/passwd" '
        'media-type="application/xhtml+xml"/></manifest>',
    ).replace("</spine>", '<itemref idref="far"/><itemref idref="up"/></spine>')
    parts["OEBPS/content.opf"] = opf.encode()
    draft = parse_epub(_zip(parts, stored_first="mimetype"))
    assert draft.text.endswith("named only by the table of contents.")


def test_a_drm_book_says_so() -> None:
    enc = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    with pytest.raises(ValueError, match="DRM"):
        parse_epub(make_epub(extra_parts={"META-INF/encryption.xml": enc}))


def test_entities_in_a_chapter_are_never_expanded() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        f'<html xmlns="{_XHTML}"><body><p>Before &c; &ext; after.</p></body></html>'
    )
    data = make_epub(chapters=[("One", ["Plain words."])])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["OEBPS/text/ch1.xhtml"] = laughs.encode()
    draft = parse_epub(_zip(parts, stored_first="mimetype"))
    assert "aaaaaaaaaa" not in draft.text
    assert "root:" not in draft.text
    assert "Before" in draft.text


def test_a_docx_with_a_dtd_or_broken_parts_fails_alone() -> None:
    with pytest.raises(ValueError, match="DTD"):
        parse_docx(make_docx(document_prefix='<!DOCTYPE w:document [<!ENTITY x "y">]>'))
    with pytest.raises(ValueError, match="no word/document.xml"):
        parse_docx(_zip({"[Content_Types].xml": "<Types/>"}))
    with pytest.raises(ValueError, match="holds no text"):
        parse_docx(make_docx(body=""))


def test_an_mhtml_that_is_not_one_fails_with_a_reason() -> None:
    with pytest.raises(ValueError, match="no HTML part"):
        parse_mhtml(b"MIME-Version: 1.0\nContent-Type: text/plain\n\njust words\n")


# -- through the importer and the command line ------------------------------------------------


def _write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "epub": folder / "book.epub",
        "docx": folder / "report.docx",
        "odt": folder / "prices.odt",
        "mhtml": folder / "talks.mhtml",
    }
    files["epub"].write_bytes(make_epub())
    files["docx"].write_bytes(make_docx())
    files["odt"].write_bytes(make_odt())
    files["mhtml"].write_bytes(make_mhtml())
    return files


_TITLES = {
    "book.epub": "Minerals and Mandates",
    "report.docx": "Field Report: Rubaya",
    "prices.odt": "Bukavu Market Prices",
    "talks.mhtml": "Ceasefire Talks Stall in Doha",
}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nothing may be fetched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def test_each_document_imports_into_the_library_with_its_title(
    library: Library, tmp_path: Path, no_network: None
) -> None:
    _write_all(tmp_path / "docs")
    results = import_paths(library, [tmp_path / "docs"], parallel=False)
    assert {Path(r.path).name: (r.status, r.title) for r in results} == {
        name: ("added", title) for name, title in _TITLES.items()
    }
    for r in results:
        assert r.id is not None
        article = library.get(r.id)
        assert article is not None
        assert "<" not in article.text
        assert "PK" not in article.text
    again = import_paths(library, [tmp_path / "docs"], parallel=False)
    assert {r.status for r in again} == {"duplicate"}


def test_a_broken_document_fails_alone(library: Library, tmp_path: Path) -> None:
    files = _write_all(tmp_path / "docs")
    (tmp_path / "docs" / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "docs" / "evil.epub").write_bytes(make_epub(extra_parts={"../escape.txt": "x"}))
    results = import_paths(library, [tmp_path / "docs"], parallel=False)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["broken.docx"].status == "error"
    assert "damaged zip archive" in (by_name["broken.docx"].error or "")
    assert by_name["evil.epub"].status == "error"
    assert library.count() == len(files)


def test_a_document_with_a_wrong_name_is_read_by_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(make_docx())
    [incoming] = readers.read_inputs(path)
    assert incoming.error is None
    assert incoming.draft is not None
    assert incoming.draft.format == "docx"


@pytest.mark.e2e
def test_the_command_line_imports_every_document(tmp_path: Path) -> None:
    _write_all(tmp_path / "docs")
    out = cli.run_json(tmp_path / "lib.sqlite", "import", str(tmp_path / "docs"))
    assert {Path(r["path"]).name: (r["status"], r["title"]) for r in out} == {
        name: ("added", title) for name, title in _TITLES.items()
    }


# -- random damage ------------------------------------------------------------------------------

_SEEDS = {
    "epub": (make_epub(), parse_epub),
    "docx": (make_docx(), parse_docx),
    "odt": (make_odt(), parse_odt),
    "mhtml": (make_mhtml(), parse_mhtml),
}
_JUNK = [b"<", b">", b"&", b"&amp;", b"</p>", b"\x00", b"\xff", b"]]>", b"<!--", b'"', b"PK"]


def _reads_or_refuses(parse, data: bytes) -> None:
    """A reader gives a draft with text, or raises ValueError with a reason; nothing else."""
    try:
        draft = parse(data)
    except ValueError as exc:
        reason = str(exc).strip()
    else:
        assert draft.text.strip()
        assert draft.title.strip()
        return
    assert reason, "a refusal must say why"


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(sorted(_SEEDS)),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    cut=st.floats(0.05, 1),
)
def test_damaged_bytes_read_or_refuse(kind: str, flips, cut: float) -> None:
    data, parse = _SEEDS[kind]
    damaged = bytearray(data[: max(1, int(len(data) * cut))])
    for where, value in flips:
        damaged[int(where * len(damaged))] = value
    _reads_or_refuses(parse, bytes(damaged))


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(["epub", "docx", "odt"]),
    part=st.integers(0, 20),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(_JUNK), st.integers(0, 40)), max_size=6
    ),
)
def test_damaged_xml_inside_a_document_reads_or_refuses(kind: str, part: int, edits) -> None:
    data, parse = _SEEDS[kind]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    name = sorted(parts)[part % len(parts)]
    text = bytearray(parts[name])
    for where, junk, cut in edits:
        at = int(where * len(text))
        text[at : at + cut] = junk
    parts[name] = bytes(text)
    _reads_or_refuses(parse, _zip(parts, stored_first="mimetype" if "mimetype" in parts else None))
