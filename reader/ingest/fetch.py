"""Fetching one URL the user asked for: the only place Fieldreader opens a connection.

This module owns :func:`fetch` (an HTTP(S) GET with urllib: a time limit on each wait and
an overall deadline on the whole transfer, a size limit, a capped number of redirects,
conditional requests with etag / last-modified, gzip and deflate undone while the page
arrives, and a clear User-Agent), :func:`check_url` (which URLs are never fetched nor
stored: not http(s), or holding a user name or password) and :func:`decode_page` (the
charset from the headers, else a ``<meta>`` declaration, else the file rules of
:mod:`reader.ingest.decode`). It never decides to fetch anything by itself: callers are
the explicit import of a URL, ``queue fetch`` and ``feeds refresh``. Nothing a fetched
page refers to (scripts, images, styles, fonts, frames) is ever requested.

The deadline (:data:`TIMEOUT` × :data:`TOTAL_FACTOR`, 60 s) holds however the server
sends: every read from the socket waits at most what is left of it, and the clock is
checked between small reads, so a server that trickles a byte at a time is cut off on
time ("the server sent too slowly: stopped after 60 s").

HTTPS checks the server against the system's certificate store wherever the distribution
keeps it (:func:`ca_bundle`: ``SSL_CERT_FILE`` when set, else the known bundle paths of
Debian/Ubuntu, Fedora/RHEL, openSUSE and Alpine/macOS, else OpenSSL's own default, else
``certifi`` if installed), because the OpenSSL bundled with the packaged app looks only in
the build system's folder. :func:`tls_context` builds that context once per bundle path.

Two kinds of failure are told apart: :class:`Unreachable` (no connection: DNS failure,
connection refused, network down, time-out), after which a URL goes into the read-later
queue, and :class:`FetchError` (the server answered, but not with something to read).
"""

from __future__ import annotations

import codecs
import functools
import http.client
import io
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader import __version__
from reader.ingest.decode import CONTENT_CODINGS, ContentDecoder, NotTextError, decode_text

if TYPE_CHECKING:
    import ssl

    from _typeshed import WriteableBuffer

__all__ = [
    "ACCEPT_ENCODING",
    "CA_BUNDLES",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "TIMEOUT",
    "TOTAL_FACTOR",
    "USER_AGENT",
    "FetchError",
    "Fetched",
    "Unreachable",
    "ca_bundle",
    "check_url",
    "decode_page",
    "fetch",
    "is_url",
    "tls_context",
]

TIMEOUT = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
#: The whole transfer (redirects, headers and body) may take this many times the time-out.
TOTAL_FACTOR = 3
#: Reads from the server are this small, so the deadline is checked often.
CHUNK = 16 * 1024
USER_AGENT = f"Fieldreader/{__version__} (offline reader; fetches a page only when its user asks)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
#: Only what :class:`~reader.ingest.decode.ContentDecoder` undoes (no brotli).
ACCEPT_ENCODING = ", ".join(CONTENT_CODINGS)
CREDENTIALS_REFUSED = (
    "a URL with a user name or password in it (user:password@host) is refused: Fieldreader "
    "does not send or keep credentials; remove them from the URL"
)

#: Where Linux distributions (and macOS) keep the bundle of certificate authorities they
#: trust, in the order tried. The first one present is used.
CA_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Mint, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL, CentOS, Alma, Rocky
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora/RHEL, the file itself
    "/etc/ssl/ca-bundle.pem",  # openSUSE, SLES
    "/etc/ssl/cert.pem",  # Alpine, macOS, the BSDs
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


class Unreachable(OSError):  # noqa: N818 (a public name callers already use)
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


def _has_credentials(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "@" in url.split("/", 3)[2] if url.count("/") >= 2 else False
    return parts.username is not None or parts.password is not None


def check_url(url: str) -> None:
    """Refuse, with one clear reason, a URL Fieldreader never fetches or stores.

    Raises :class:`FetchError` (a ``ValueError``) for a URL holding a user name or password
    (the message does not repeat them) and for one that is not ``http(s)://`` with a host.
    Call it before a URL is queued or subscribed to, as :func:`fetch` does before fetching.
    """
    if _has_credentials(url):
        raise FetchError(CREDENTIALS_REFUSED)
    if not is_url(url):
        raise FetchError(f"not an http(s) URL: {url[:100]}")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise FetchError(f"the server redirected to a URL that is not http(s): {newurl[:100]}")
        if _has_credentials(newurl):
            raise FetchError("the server redirected to a URL with a user name or password: refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# -- the deadline ---------------------------------------------------------------------------------
class _TooSlowError(OSError):
    """The overall deadline passed while waiting for the server."""


class _Clock:
    """The deadline of one fetch: each wait gets at most what is left of it."""

    def __init__(self, timeout: float, total: float) -> None:
        self.timeout = timeout
        self.total = total
        self.deadline = time.monotonic() + total

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def message(self) -> str:
        return f"the server sent too slowly: stopped after {self.total:g} s"

    def wait(self) -> float:
        """How long the next wait on the socket may last (:class:`_TooSlowError`: none left)."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _TooSlowError(self.message())
        return min(self.timeout, left)


class _TimedSocketIO(io.RawIOBase):
    """The socket's file for :mod:`http.client`, each read bounded by the clock."""

    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)
        self._clock = clock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        self._sock.settimeout(self._clock.wait())
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            if self._clock.expired:
                raise _TooSlowError(self._clock.message()) from None
            raise

    def fileno(self) -> int:
        return self._raw.fileno()

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _TimedResponse(http.client.HTTPResponse):
    """A response whose status line, headers and body are all read against the clock
    (set as ``clock`` on a subclass made for each fetch)."""

    clock: _Clock

    def __init__(
        self,
        sock: socket.socket,
        debuglevel: int = 0,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(sock, debuglevel, method, url)
        self.fp.close()  # the plain socket file: replaced by one that keeps the deadline
        self.fp = io.BufferedReader(_TimedSocketIO(sock, self.clock))


class _TimedHTTPConnection(http.client.HTTPConnection):
    clock: _Clock

    def connect(self) -> None:
        self.timeout = self.clock.wait()
        super().connect()


class _TimedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connection: type[http.client.HTTPConnection]) -> None:
        super().__init__()
        self._connection = connection

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


def _opener(clock: _Clock) -> urllib.request.OpenerDirector:
    attrs = {
        "clock": clock,
        "response_class": type("_Response", (_TimedResponse,), {"clock": clock}),
    }
    handlers: list[urllib.request.BaseHandler] = [
        _Redirects(),
        _TimedHTTPHandler(type("_HTTPConnection", (_TimedHTTPConnection,), attrs)),
    ]
    if _has_tls():
        handlers.append(_timed_https_handler(attrs))
    return urllib.request.build_opener(*handlers)


def _certifi_bundle() -> str | None:
    try:
        import certifi  # type: ignore[import-not-found, unused-ignore]  # optional
    except ImportError:
        return None
    where = str(certifi.where())
    return where if os.path.isfile(where) else None


def ca_bundle(root: Path = Path("/"), environ: Mapping[str, str] | None = None) -> str | None:
    """The certificate bundle HTTPS trusts here; None: OpenSSL's compiled-in default.

    ``SSL_CERT_FILE`` wins when it names a file; then the first of :data:`CA_BUNDLES`
    under ``root`` (``/``; a test passes a simulated system); then None when OpenSSL's own
    default file exists (or ``SSL_CERT_DIR`` is set: OpenSSL reads it itself), else
    ``certifi``'s bundle if that package is installed, else None.
    """
    env = os.environ if environ is None else environ
    named = env.get("SSL_CERT_FILE")
    if named and os.path.isfile(named):
        return named
    for known in CA_BUNDLES:
        path = root / known.lstrip("/")
        if path.is_file():
            return str(path)
    if env.get("SSL_CERT_DIR"):
        return None
    import ssl

    default = ssl.get_default_verify_paths().cafile
    if default and os.path.isfile(default):
        return None
    return _certifi_bundle()


@functools.lru_cache(maxsize=4)
def _context_for(cafile: str | None) -> ssl.SSLContext:
    import ssl

    return ssl.create_default_context(cafile=cafile)


def tls_context(root: Path = Path("/"), environ: Mapping[str, str] | None = None) -> ssl.SSLContext:
    """The TLS context for HTTPS: certificates checked against :func:`ca_bundle`'s store
    (and the host name against the certificate), built once per bundle."""
    return _context_for(ca_bundle(root, environ))


def _timed_https_handler(attrs: dict[str, Any]) -> urllib.request.BaseHandler:
    """The HTTPS handler (only defined where Python has TLS support)."""

    class _TimedHTTPSConnection(http.client.HTTPSConnection):
        clock: _Clock

        def connect(self) -> None:
            self.timeout = self.clock.wait()
            super().connect()

    connection: type[http.client.HTTPSConnection] = type(
        "_HTTPSConnection", (_TimedHTTPSConnection,), attrs
    )

    class _TimedHTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(connection, req, context=tls_context())

    return _TimedHTTPSHandler()


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


def _too_large(max_bytes: int) -> FetchError:
    return FetchError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")


def _read(response: Any, max_bytes: int, clock: _Clock, decoder: ContentDecoder) -> bytes:
    """The body, decoded as it arrives; the size cap applies to the received and to the
    decoded bytes, the deadline between reads (and, through the socket, within them)."""
    chunks: list[bytes] = []
    received = 0
    while chunk := response.read1(CHUNK):
        received += len(chunk)
        if received > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(decoder.feed(chunk))
        if clock.expired:
            raise _TooSlowError(clock.message())
    decoder.finish()
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    total: float | None = None,
) -> Fetched:
    """GET ``url``; raise :class:`Unreachable` or :class:`FetchError` with a clear reason.

    ``timeout`` bounds each wait for the server, ``total`` (default ``timeout`` ×
    :data:`TOTAL_FACTOR`) the whole transfer; a server still sending at the deadline is
    cut off (:class:`Unreachable`, so a queued URL is tried again later). ``max_bytes``
    caps the page both as received and once decompressed.
    """
    check_url(url)
    if url[:6].lower() == "https:" and not _has_tls():
        raise FetchError("this build of Fieldreader has no TLS support: it cannot fetch https URLs")
    clock = _Clock(timeout, timeout * TOTAL_FACTOR if total is None else total)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers, method="GET")
    try:
        with _opener(clock).open(request, timeout=timeout) as response:
            final = response.geturl()
            info = response.headers
            length = _header(info, "Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(max_bytes)
            decoder = ContentDecoder(_header(info, "Content-Encoding"), max_bytes)
            data = _read(response, max_bytes, clock, decoder)
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
    except NotTextError as exc:  # compression it does not know, damaged, or a bomb
        raise FetchError(str(exc)) from exc
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        if clock.expired or isinstance(getattr(exc, "reason", exc), _TooSlowError):
            raise Unreachable(clock.message()) from exc
        if isinstance(exc, http.client.HTTPException):
            raise FetchError(f"the server's answer could not be read: {exc}") from exc
        offline = _offline_reason(exc)
        if offline is not None:
            raise Unreachable(offline) from exc
        detail = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise FetchError(f"the page could not be fetched: {detail}") from exc
    except ValueError as exc:
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
