"""Turning a file's bytes into text, or refusing them with one clear reason.

Encodings are tried in a fixed order: a byte-order mark (UTF-8, UTF-16), UTF-16 without a
mark when the bytes look like it, strict UTF-8, then cp1252. Empty files, files over the
size limit and binary files raise :class:`NotTextError`.
"""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 50 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotTextError(ValueError):
    """The input is not something Fieldreader can read as text."""


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Decode ``data`` as text; raise :class:`NotTextError` with a reason otherwise."""
    if len(data) > MAX_BYTES:
        raise NotTextError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise NotTextError("file is empty")
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif (enc := _utf16_without_bom(data)) is not None:
        text = data.decode(enc, errors="replace")
    elif b"\x00" in data:
        raise NotTextError("not a text file (binary content)")
    else:
        for encoding in ("utf-8", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        raise NotTextError("not a text file (unknown encoding or binary content)")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(2, len(text[:100_000]) // 100) or "\x00" in text:
        raise NotTextError("not a text file (binary content)")
    if not text.strip():
        raise NotTextError("file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")
