"""Privacy, end to end: Fieldreader opens no connection unless the user asked it to fetch.

A page full of things a browser would request (scripts, a tracking pixel, stylesheets, a
web font, frames, media) is served from a loopback server and imported by URL with the
real ``fieldreader`` command; opening it in the GUI must not make the server see anything
but that one request for the page. Reading commands run with a ``sitecustomize`` shim that
records (and refuses) every attempt to resolve a name or open a network socket.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from helpers.http import LoopbackServer, Reply, without_proxies

pytestmark = pytest.mark.e2e

SHIM = """
import errno, os, socket, sys, atexit

_LOG = os.environ.get("FIELDREADER_NET_LOG")


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(what + "\\n")


def _guard(name):
    real = getattr(socket.socket, name)

    def guarded(self, *args, **kwargs):
        if self.family != getattr(socket, "AF_UNIX", None):
            _record(f"{name} {args[0]!r}")
            raise OSError(errno.ENETUNREACH, "network blocked by the privacy test")
        return real(self, *args, **kwargs)

    setattr(socket.socket, name, guarded)


def _guard_lookup(name):
    def guarded(*args, **kwargs):
        _record(f"{name} {args[0]!r}")
        raise socket.gaierror(socket.EAI_NONAME, "name lookup blocked by the privacy test")

    setattr(socket, name, guarded)


def _modules():
    loaded = [m for m in ("PySide6.QtNetwork", "PySide6.QtWebEngineCore") if m in sys.modules]
    if loaded:
        _record("modules " + ",".join(loaded))


if _LOG:
    for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
        _guard(_name)
    for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        _guard_lookup(_name)
    atexit.register(_modules)
"""


@pytest.fixture
def net_log(tmp_path: Path, monkeypatch) -> Path:
    """Every ``fieldreader`` started by this test runs with the network shim; the log
    it writes lists each attempt."""
    shim_dir = tmp_path / "shim"
    shim_dir.mkdir()
    (shim_dir / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
    log = tmp_path / "net.log"
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(shim_dir))
    monkeypatch.setenv("FIELDREADER_NET_LOG", str(log))
    return log


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    without_proxies(monkeypatch)


def _page(base: str) -> bytes:
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Traders return to Goma's markets | Loopback Times</title>
<meta property="og:image" content="{base}/og-image.png">
<link rel="stylesheet" href="/style.css">
<link rel="stylesheet" href="{base}/absolute.css">
<link rel="icon" href="/favicon.ico">
<link rel="preload" href="/preload.js" as="script">
<style>
  @font-face {{ font-family: Tracker; src: url(/font.woff2) format("woff2"); }}
  body {{ background: url({base}/background.png); font-family: Tracker; }}
</style>
<script src="/tracker.js"></script>
<script>fetch("/beacon?inline=1"); new Image().src = "{base}/inline-pixel.gif";</script>
</head><body>
<nav><a href="/home">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Traders return to Goma's markets</h1>
<p class="byline">By Amani Kisuba</p>
<img src="/pixel.gif" width="1" height="1" alt="">
<img srcset="/photo-2x.jpg 2x, /photo-3x.jpg 3x" src="{base}/photo.jpg" alt="Market">
<p>Traders returned to the central market of Goma on Monday after three weeks in which
the stalls stood empty, according to sellers interviewed at the market entrance.</p>
<iframe src="/embedded-video.html" width="560" height="315"></iframe>
<p>Prices for maize flour and cassava remain far above their level before the fighting,
but lorries from Rutshuru have begun to use the main road again, the traders said.</p>
<div style="background-image: url('/inline-style.png')">
<p>Provincial officials promised that schools would reopen next week if the security
situation allowed, and that the airport would follow once the runway was repaired.</p>
</div>
<video poster="/poster.jpg" controls><source src="/clip.mp4" type="video/mp4"></video>
<audio src="/sound.mp3"></audio>
<object data="/object.swf"></object><embed src="/embed.swf">
<picture><source srcset="/picture.webp"><img src="/picture.jpg" alt=""></picture>
<p>Humanitarian groups said they would keep food distributions going in the camps around
the city for at least another month while supply routes are restored.</p>
</article>
<script async src="{base}/analytics.js"></script>
<noscript><img src="/noscript-pixel.gif"></noscript>
</body></html>""".encode()


RESOURCES = [
    "/style.css",
    "/absolute.css",
    "/favicon.ico",
    "/preload.js",
    "/font.woff2",
    "/background.png",
    "/tracker.js",
    "/beacon?inline=1",
    "/inline-pixel.gif",
    "/pixel.gif",
    "/photo.jpg",
    "/photo-2x.jpg",
    "/embedded-video.html",
    "/inline-style.png",
    "/poster.jpg",
    "/clip.mp4",
    "/sound.mp3",
    "/object.swf",
    "/embed.swf",
    "/picture.webp",
    "/picture.jpg",
    "/analytics.js",
    "/noscript-pixel.gif",
    "/og-image.png",
]


def _attempts(log: Path) -> list[str]:
    return [line for line in log.read_text(encoding="utf-8").splitlines() if line]


def test_the_shim_sees_a_connection_attempt(net_log: Path, tmp_path: Path) -> None:
    """The detector itself works inside ``fieldreader``: a fetch is recorded and refused
    (and, refused, the URL waits in the queue)."""
    url = "http://127.0.0.1:9/never"
    [queued] = run_json(tmp_path / "library.sqlite", "import", url)
    assert queued["status"] == "queued"
    assert any("127.0.0.1" in line for line in _attempts(net_log)), _attempts(net_log)


def test_imported_page_requests_nothing_beyond_itself(
    tmp_path: Path, net_log: Path, monkeypatch
) -> None:
    library = tmp_path / "library.sqlite"
    routes: dict[str, Reply] = {
        r: Reply(b"x", headers={"Content-Type": "image/gif"}) for r in RESOURCES
    }
    with LoopbackServer(routes) as server:
        server.routes["/article.html"] = Reply(
            _page(server.base), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        # the import is the one command that may fetch: no shim for it
        monkeypatch.delenv("FIELDREADER_NET_LOG")
        [result] = run_json(library, "import", server.url("/article.html"))
        assert result["status"] == "added", result
        assert result["title"] == "Traders return to Goma's markets"
        monkeypatch.setenv("FIELDREADER_NET_LOG", str(net_log))

        article = run_json(library, "show", str(result["id"]))
        assert "Rutshuru" in article["text"]
        assert "fetch(" not in article["text"]
        assert "Home" not in article["text"].split("\n\n")[0]
        shot = tmp_path / "article.png"
        proc = run(library, "gui", "--article", str(result["id"]), "--screenshot", str(shot))
        assert proc.returncode == 0, proc.stderr
        assert shot.stat().st_size > 10_000
        seen = list(server.requests)
    assert [(method, path) for method, path, _ in seen] == [("GET", "/article.html")]
    assert _attempts(net_log) == []


def test_reading_commands_open_no_connection(tmp_path: Path, net_log: Path) -> None:
    library = tmp_path / "library.sqlite"
    samples = run_json(library, "samples")
    article_id = str(samples[0]["id"])
    assert run_json(library, "list")
    assert run_json(library, "show", article_id)["text"]
    run_json(library, "search", "Goma")
    assert run_json(library, "queue", "list") == []
    assert run_json(library, "feeds", "list") == []
    for args in (
        ("gui", "--screenshot", str(tmp_path / "start.png")),
        ("gui", "--article", article_id, "--screenshot", str(tmp_path / "reader.png")),
        ("gui", "--view", "reader", "--screenshot", str(tmp_path / "view.png")),
    ):
        proc = run(library, *args)
        assert proc.returncode == 0, proc.stderr
    assert _attempts(net_log) == [], json.dumps(_attempts(net_log))
