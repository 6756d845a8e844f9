"""A Word file as a real writer makes it (python-docx's default template: themes, settings,
numbering, the built-in styles) imports with its headings, lists, table and quote."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from reader.ingest.docx import parse_docx

docx = pytest.importorskip("docx", reason="python-docx is in the test extra")


def _png() -> bytes:
    """A 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_python_docx_document_reads_as_clean_blocks() -> None:
    doc = docx.Document()
    doc.core_properties.title = "Kivu Security Brief"
    doc.core_properties.author = "Field Team"
    doc.add_heading("Kivu Security Brief", 0)
    doc.add_heading("Roads", 1)
    doc.add_paragraph("The road from Goma to Sake reopened on Monday.")
    doc.add_paragraph("Checkpoints remain at Mubambiro.", style="List Bullet")
    doc.add_paragraph("Buses run by day only.", style="List Number")
    table = doc.add_table(rows=2, cols=2)
    cells = {(0, 0): "Town", (0, 1): "Status", (1, 0): "Sake", (1, 1): "open"}
    for (row, col), text in cells.items():
        table.cell(row, col).text = text
    doc.add_paragraph("We will wait and see.", style="Quote")
    doc.add_picture(io.BytesIO(_png()))
    buffer = io.BytesIO()
    doc.save(buffer)
    draft = parse_docx(buffer.getvalue())
    assert draft.title == "Kivu Security Brief"
    assert draft.byline == "Field Team"
    assert [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks] == [
        ("h1", "Roads"),
        ("p", "The road from Goma to Sake reopened on Monday."),
        ("li", "Checkpoints remain at Mubambiro."),
        ("li", "Buses run by day only."),
        ("p", "Town | Status"),
        ("p", "Sake | open"),
        ("blockquote", "We will wait and see."),
    ]
