"""Small, valid PDFs built as bytes at test time: text pages in Helvetica, or image-only pages.

Each page is a list of lines; a line is drawn at the left margin, 14 points below the last.
An empty string in the list leaves a blank line (a larger gap, as between paragraphs). A page
given as ``None`` holds only a small grey image and no text (a scanned page).
"""

from __future__ import annotations

import zlib


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_stream(lines: list[str], size: int = 11) -> bytes:
    out = [b"BT", f"/F1 {size} Tf".encode(), b"14 TL", b"72 760 Td"]
    for line in lines:
        if line:
            out.append(b"(" + _escape(line) + b") Tj")
        out.append(b"T*")
    out.append(b"ET")
    return b"\n".join(out)


def _image_stream() -> bytes:
    return b"q 200 0 0 200 72 500 cm /Im1 Do Q"


def make_pdf(
    pages: list[list[str] | None],
    *,
    title: str | None = None,
    author: str | None = None,
    created: str | None = None,
    compress: bool = False,
) -> bytes:
    """The bytes of a PDF with one page per item of ``pages`` (see the module docstring)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> int:
        if compress:
            data = zlib.compress(data)
            extra += b" /Filter /FlateDecode"
        return add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = stream(
        bytes([128]) * (8 * 8),
        b" /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8",
    )
    kids = []
    for lines in pages:
        content = stream(_image_stream() if lines is None else _text_stream(lines))
        resources = (
            b"<< /XObject << /Im1 %d 0 R >> >>" % image
            if lines is None
            else b"<< /Font << /F1 %d 0 R >> >>" % font
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s"
                b" /Contents %d 0 R >>" % (pages_id, resources, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_parts = []
    if title is not None:
        info_parts.append(b"/Title (" + _escape(title) + b")")
    if author is not None:
        info_parts.append(b"/Author (" + _escape(author) + b")")
    if created is not None:
        info_parts.append(b"/CreationDate (" + created.encode() + b")")
    info = add(b"<< " + b" ".join(info_parts) + b" >>") if info_parts else None

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
