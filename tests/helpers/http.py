"""A loopback HTTP server for tests: 127.0.0.1 on a random port, in a thread, recording
every request it sees. Use it as a context manager; it also stops by itself after
``lifetime`` seconds, so a test that forgets it leaves nothing running.

Routes map a path to a :class:`Reply` (or a callable taking the request handler and giving
one). Unknown paths get 404. Nothing here ever contacts another address.

Hostile replies: ``Reply(trickle=s)`` sends the body one byte every ``s`` seconds (with
``trickle_head=True`` the status line and headers too); :func:`gzip_reply` and
:func:`deflate_reply` send a body compressed with that ``Content-Encoding``.
"""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: The environment variables that send requests through a proxy.
PROXY_VARIABLES = (
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "all_proxy",
    "ALL_PROXY",
)


def without_proxies(monkeypatch: Any) -> None:
    """Loopback requests go straight to the loopback server, whatever the environment says
    (``monkeypatch`` is pytest's: the variables come back after the test)."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@dataclass
class Reply:
    """What the server answers: status, headers, body (and an optional delay)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0  # seconds between single bytes of the body (0: all at once)
    trickle_head: bool = False  # trickle the status line and headers as well


Route = Reply | Callable[[http.server.BaseHTTPRequestHandler], Reply]


class LoopbackServer:
    """Serves ``routes`` on 127.0.0.1; ``requests`` lists ``(method, path, headers)``."""

    def __init__(
        self, routes: dict[str, Route] | None = None, lifetime: float = 60.0, port: int = 0
    ) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.lifetime = lifetime
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    reply = Reply(b"not found", 404, {"Content-Type": "text/plain"})
                else:
                    reply = route(self) if callable(route) else route
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.trickle:
                    self._trickle(reply)
                    return
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _trickle(self, reply: Reply) -> None:
                headers = dict(reply.headers)
                headers.setdefault("Content-Length", str(len(reply.body)))
                head = f"HTTP/1.0 {reply.status} {self.responses.get(reply.status, ('',))[0]}\r\n"
                head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
                if reply.trickle_head:
                    data = head.encode("latin-1") + reply.body
                else:
                    self.wfile.write(head.encode("latin-1"))
                    data = reply.body
                try:
                    for i in range(len(data)):
                        if server._stopped:
                            return
                        self.wfile.write(data[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self) -> None:
        self.httpd.serve_forever(poll_interval=0.05)

    def start(self) -> LoopbackServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._timer.cancel()
        if self._thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def free_port() -> int:
    """A loopback port with nothing listening on it (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def gzip_reply(body: bytes, content_type: str = "text/html; charset=utf-8") -> Reply:
    """``body`` gzip-compressed, sent with ``Content-Encoding: gzip``."""
    headers = {"Content-Type": content_type, "Content-Encoding": "gzip"}
    return Reply(gzip.compress(body), headers=headers)


def deflate_reply(
    body: bytes, *, raw: bool = False, content_type: str = "text/html; charset=utf-8"
) -> Reply:
    """``body`` deflate-compressed (zlib-wrapped, or ``raw`` as some servers send it), sent
    with ``Content-Encoding: deflate``."""
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    data = packer.compress(body) + packer.flush()
    return Reply(data, headers={"Content-Type": content_type, "Content-Encoding": "deflate"})
