"""Fetching one URL the user asked for: the only place Fieldreader opens a connection.

This module owns :func:`fetch` (an HTTP(S) GET with urllib: a time limit, a size limit, a
capped number of redirects, conditional requests with etag / last-modified, and a clear
User-Agent) and :func:`decode_page` (the charset from the headers, else a ``<meta>``
declaration, else the file rules of :mod:`reader.ingest.decode`). It never decides to
fetch anything by itself: callers are the explicit import of a URL, ``queue fetch`` and
``feeds refresh``. Nothing a fetched page refers to (scripts, images, styles, fonts,
frames) is ever requested.

Two kinds of failure are told apart: :class:`Unreachable` (no connection: DNS failure,
connection refused, network down, time-out), after which a URL goes into the read-later
queue, and :class:`FetchError` (the server answered, but not with something to read).
"""

from __future__ import annotations

import codecs
import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from reader import __version__
from reader.ingest.decode import decode_text

__all__ = [
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "TIMEOUT",
    "USER_AGENT",
    "FetchError",
    "Fetched",
    "Unreachable",
    "decode_page",
    "fetch",
    "is_url",
]

TIMEOUT = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
#: The whole transfer may take this many times the time-out (a server that trickles).
TOTAL_FACTOR = 3
USER_AGENT = f"Fieldreader/{__version__} (offline reader; fetches a page only when its user asks)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


class Unreachable(OSError):
    """No connection to the server (offline, DNS failure, refused, timed out)."""


class FetchError(ValueError):
    """The server answered, but not with something Fieldreader can read."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one GET brought back (``not_modified`` for a 304 to a conditional request)."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    data: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def is_url(value: object) -> bool:
    """Whether ``value`` is an ``http://`` or ``https://`` URL with a host."""
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://")):
        return False
    try:
        return bool(urlsplit(value).hostname)
    except ValueError:
        return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str):
        if not is_url(newurl):
            raise FetchError(f"the server redirected to a URL that is not http(s): {newurl[:100]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects())


def _is_tls_error(exc: object) -> bool:
    try:
        import ssl
    except ImportError:  # a build without TLS support
        return False
    return isinstance(exc, ssl.SSLError | ssl.CertificateError)


def _has_tls() -> bool:
    try:
        import ssl  # noqa: F401
    except ImportError:
        return False
    return True


def _offline_reason(exc: BaseException) -> str | None:
    """A short reason when ``exc`` means there is no connection, else ``None``."""
    inner = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(inner, socket.gaierror):
        return "the server's name could not be resolved (offline?)"
    if isinstance(inner, TimeoutError | socket.timeout):
        return "the connection timed out"
    if isinstance(inner, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(inner, ConnectionError):
        return f"the connection failed ({inner.strerror or type(inner).__name__})"
    if _is_tls_error(inner):
        return None
    if isinstance(inner, OSError) and inner.errno is not None:
        return f"no connection ({(inner.strerror or str(inner)).lower()})"
    return None


def _header(headers: Message, name: str) -> str | None:
    value = headers.get(name)
    return str(value).strip() if value else None


def _read(response: Any, max_bytes: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")
        if time.monotonic() > deadline:
            raise Unreachable("the transfer took too long")
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET ``url``; raise :class:`Unreachable` or :class:`FetchError` with a clear reason."""
    if not is_url(url):
        raise FetchError(f"not an http(s) URL: {url[:100]}")
    if url[:6].lower() == "https:" and not _has_tls():
        raise FetchError("this build of Fieldreader has no TLS support: it cannot fetch https URLs")
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers, method="GET")
    try:
        with _opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            info = response.headers
            length = _header(info, "Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")
            data = _read(response, max_bytes, time.monotonic() + timeout * TOTAL_FACTOR)
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            exc.close()
            return Fetched(url, url, 304, "", None, b"", etag, modified, not_modified=True)
        exc.close()
        if exc.code in (301, 302, 303, 307, 308):
            if "infinite loop" in str(exc.msg):
                raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})") from exc
            raise FetchError("the server redirected to a URL that is not http(s)") from exc
        raise FetchError(f"the server answered {exc.code} {exc.reason}") from exc
    except FetchError:
        raise
    except (urllib.error.URLError, OSError) as exc:
        offline = _offline_reason(exc)
        if offline is not None:
            raise Unreachable(offline) from exc
        detail = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise FetchError(f"the page could not be fetched: {detail}") from exc
    except (ValueError, http.client.HTTPException) as exc:
        raise FetchError(f"the server's answer could not be read: {exc}") from exc
    return Fetched(
        url=url,
        final_url=final,
        status=status,
        content_type=(info.get_content_type() or "").lower(),
        charset=info.get_content_charset(),
        data=data,
        etag=_header(info, "ETag"),
        last_modified=_header(info, "Last-Modified"),
    )


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("'\"")).name
    except LookupError:
        return None


def decode_page(fetched: Fetched) -> str:
    """The text of a fetched page: header charset, else ``<meta charset>``, else sniffed."""
    data = fetched.data
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    charset = _known(fetched.charset)
    if charset is None and (m := _META_CHARSET.search(data[:4096])):
        charset = _known(m[1].decode("ascii", "ignore"))
    if charset is not None:
        if not data.strip():
            raise FetchError("the page is empty")
        text = data.decode(charset, errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_text(data)
