"""Turning bytes into text, or refusing them with one clear reason.

:func:`decode_text` owns the text encodings of a file: a byte-order mark (UTF-8, UTF-16),
UTF-16 without a mark when the bytes look like it, strict UTF-8; anything else is a legacy
single-byte encoding, which charset-normalizer (a well-kept, MIT-licensed detector) tells
among the few that the news Fieldreader reads is written in (:data:`LEGACY_ENCODINGS`:
Windows-1252 and Latin-1 for English and French, Windows-1251 and KOI8 for Ukrainian and
Russian), by how plausible each decoding reads; a decoding that mixes Latin and Cyrillic
letters inside one word is a wrong guess and loses to one that does not. When the detector
finds none, Windows-1252 is tried as before. Empty files, files over the size limit and
binary files raise :class:`NotTextError`.

:class:`ContentDecoder` owns the compression a server may put on a page (HTTP
``Content-Encoding``): gzip and deflate (zlib-wrapped or raw) are undone while the bytes
arrive, with a cap on what comes out, so a small "decompression bomb" stops at the cap
instead of filling the memory. Brotli is not offered: no small, well-kept pure-Python
decoder is installed. Any other coding is refused (:class:`ContentEncodingError`), never
passed on as junk.
"""

from __future__ import annotations

import codecs
import re
import zlib

__all__ = [
    "CONTENT_CODINGS",
    "MAX_BYTES",
    "LEGACY_ENCODINGS",
    "ContentDecoder",
    "ContentEncodingError",
    "DecodedTooLargeError",
    "NotTextError",
    "decode_text",
    "detected_encoding",
]

MAX_BYTES = 50 * 1024 * 1024
#: The content codings :class:`ContentDecoder` undoes (what a request may accept).
CONTENT_CODINGS = ("gzip", "deflate")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: The single-byte encodings a file that is not UTF-8 may be in (Python codec names).
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "koi8_u", "latin_1")
_MIXED_WORD = re.compile(
    r"\b(?=\w*[A-Za-zÀ-ÿ])(?=\w*[\u0400-\u04ff])\w+\b"
)  # "Cafй": a Latin word read in a Cyrillic code page, or the other way round


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
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            found = _legacy(data)
            text = found[1] if found else None
    if text is None:
        raise NotTextError("not a text file (unknown encoding or binary content)")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(2, len(text[:100_000]) // 100) or "\x00" in text:
        raise NotTextError("not a text file (binary content)")
    if not text.strip():
        raise NotTextError("file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _legacy(data: bytes) -> tuple[str, str] | None:
    """``(encoding, text)``: ``data`` decoded from the legacy encoding it reads best in."""
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    matches = [
        (str(m.encoding), str(m)) for m in from_bytes(data, cp_isolation=[*LEGACY_ENCODINGS])
    ]
    if matches:  # best first; the first that mixes no scripts inside a word wins
        return min(matches, key=lambda match: len(_MIXED_WORD.findall(match[1][:100_000])))
    try:
        return "cp1252", data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def detected_encoding(data: bytes) -> str | None:
    """The legacy encoding :func:`decode_text` reads ``data`` in; None for a byte-order
    mark, UTF-8 or bytes no legacy encoding reads (for reports and tests)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        found = _legacy(data)
        return found[0] if found else None
    return None


# -- HTTP content codings ------------------------------------------------------------------------
class ContentEncodingError(NotTextError):
    """A page compressed in a way Fieldreader does not undo, or whose compression is damaged."""


class DecodedTooLargeError(NotTextError):
    """A compressed page that grows past the size limit once decompressed."""


_ALIASES = {"x-gzip": "gzip", "gzip": "gzip", "deflate": "deflate"}


def _zlib_header(data: bytes) -> bool:
    """Whether ``data`` starts like a zlib stream (RFC 1950), not raw deflate (RFC 1951)."""
    return (
        len(data) >= 2
        and data[0] & 0x0F == 8
        and data[0] >> 4 <= 7
        and (data[0] << 8 | data[1]) % 31 == 0
    )


class _Inflater:
    """One coding (``gzip`` or ``deflate``), undone incrementally."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._stream: zlib._Decompress | None = None
        self._head = b""  # the first bytes of a deflate stream, until its kind is known
        self._done = False  # the stream ended; what follows is another gzip member or junk
        self.started = False

    def _start(self, data: bytes) -> bytes | None:
        if self.coding == "gzip":
            self._stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return data
        self._head += data
        if len(self._head) < 2:
            return None
        data, self._head = self._head, b""
        bits = zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
        self._stream = zlib.decompressobj(bits)
        return data

    def feed(self, data: bytes, room: int) -> bytes:
        """Undo ``data``; at most ``room`` bytes come out (reaching it means: too large)."""
        out = bytearray()
        if data:
            self.started = True
        while data and len(out) < room:
            if self._done:
                if self.coding == "gzip" and data[:2] == b"\x1f\x8b":
                    self._stream, self._done = None, False  # one more gzip member
                else:
                    return bytes(out)  # bytes after the end of the stream are ignored
            if self._stream is None:
                started = self._start(data)
                if started is None:
                    return bytes(out)
                data = started
            assert self._stream is not None
            try:
                out += self._stream.decompress(data, room - len(out))
            except zlib.error as exc:
                raise ContentEncodingError(f"the page's {self.coding} data is damaged") from exc
            if self._stream.eof:
                data, self._done = self._stream.unused_data, True
            else:
                data = self._stream.unconsumed_tail
        return bytes(out)

    def finish(self) -> None:
        """Check that the stream ended where the page did."""
        if self.started and not self._done:
            raise ContentEncodingError(f"the page's {self.coding} data is cut short")


class ContentDecoder:
    """Undo the ``Content-Encoding`` header ``codings`` on a page as it arrives.

    ``feed`` each piece and ``finish`` at the end; together they give the page's bytes.
    Raises :class:`ContentEncodingError` for a coding it does not know (at construction)
    or damaged data, and :class:`DecodedTooLargeError` as soon as more than ``max_bytes``
    would come out of any stage.
    """

    def __init__(self, codings: str | None, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        names = [c.strip().lower() for c in (codings or "").split(",")]
        stages: list[_Inflater] = []
        for name in names:
            if name in ("", "identity"):
                continue
            if name not in _ALIASES:
                accepted = " and ".join(CONTENT_CODINGS)
                raise ContentEncodingError(
                    f"the server sent the page encoded as '{name[:40]}', which Fieldreader "
                    f"cannot decode (it accepts {accepted})"
                )
            stages.append(_Inflater(_ALIASES[name]))
        self._stages = stages[::-1]  # codings are listed in the order they were applied
        self._sizes = [0] * len(self._stages)
        self.size = 0  #: bytes given out so far

    @property
    def identity(self) -> bool:
        """Whether the page is sent as it is (nothing to undo)."""
        return not self._stages

    def feed(self, data: bytes) -> bytes:
        """The page bytes that ``data`` (the next bytes received) decodes to."""
        for i, stage in enumerate(self._stages):
            data = stage.feed(data, self.max_bytes - self._sizes[i] + 1)
            self._sizes[i] += len(data)
            if self._sizes[i] > self.max_bytes:
                raise DecodedTooLargeError(
                    f"the page is larger than {self.max_bytes // (1024 * 1024)} MB "
                    "once decompressed"
                )
        self.size += len(data)
        return data

    def finish(self) -> None:
        """Check that every compressed stream was complete."""
        for stage in self._stages:
            stage.finish()
