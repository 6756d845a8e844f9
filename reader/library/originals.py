"""How an article's original bytes are kept in ``originals.data``: once, not twice.

An original is often the article's own text with a little around it (a ``.txt`` file is
its title line, a blank line, the text and a newline). Storing those bytes whole would
keep a second copy of the text beside ``articles.text``. :func:`pack` chooses the smallest
of three forms, named in ``originals.packing`` (added by
:mod:`reader.library.originals_schema`):

- ``NULL``: the bytes as they are (every row written before the column existed, and any
  original where neither form below saves anything);
- ``"text"``: the bytes before and after the article's text (its UTF-8 bytes occur in the
  original as they are): a 4-byte big-endian length of the part before, that part, then
  the part after; the text itself comes back from ``articles.text``, which never changes
  once an article is stored;
- ``"zlib"``: the bytes compressed with zlib, where that saves at least a tenth.

:func:`unpack` gives back exactly the bytes that were packed.
"""

from __future__ import annotations

import struct
import zlib

from reader.library.errors import LibraryError

__all__ = ["PACKED_TEXT", "PACKED_ZLIB", "pack", "unpack"]

PACKED_TEXT = "text"
PACKED_ZLIB = "zlib"
_LENGTH = struct.Struct(">I")
#: A text shorter than this is not worth cutting out.
_MIN_TEXT_BYTES = 64


def pack(data: bytes, text: str) -> tuple[bytes, str | None]:
    """``(stored bytes, packing)`` for the original ``data`` of an article with ``text``."""
    body = text.encode("utf-8")
    if len(body) >= _MIN_TEXT_BYTES:
        at = data.find(body)
        if at != -1:
            return _LENGTH.pack(at) + data[:at] + data[at + len(body) :], PACKED_TEXT
    if len(data) >= _MIN_TEXT_BYTES:
        squeezed = zlib.compress(data, 6)
        if len(squeezed) * 10 <= len(data) * 9:
            return squeezed, PACKED_ZLIB
    return data, None


def unpack(stored: bytes, packing: str | None, text: str) -> bytes:
    """The original bytes from what :func:`pack` stored (``text``: the article's text)."""
    if packing is None:
        return bytes(stored)
    if packing == PACKED_TEXT:
        (at,) = _LENGTH.unpack_from(stored)
        rest = memoryview(stored)[_LENGTH.size :]
        return bytes(rest[:at]) + text.encode("utf-8") + bytes(rest[at:])
    if packing == PACKED_ZLIB:
        return zlib.decompress(stored)
    raise LibraryError(f"an original is stored in a way this version does not know ({packing!r})")
