"""Hostile servers and URLs (issue 13), against loopback servers only: a server that
trickles is cut off by the deadline, gzip and deflate pages are read as their text, a
decompression bomb stops at the cap, an unknown encoding is refused, and a URL with a
user name or password is refused before anything is fetched or stored."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

import pytest

from helpers.http import (
    LoopbackServer,
    Reply,
    deflate_reply,
    free_port,
    gzip_reply,
    without_proxies,
)
from reader.ingest.decode import ContentDecoder, ContentEncodingError, DecodedTooLargeError
from reader.ingest.fetch import (
    ACCEPT_ENCODING,
    FetchError,
    Unreachable,
    check_url,
    decode_page,
    fetch,
)
from reader.library import Library, sources
from reader.services.importing import import_paths
from reader.services.sources import import_url

PAGE = (
    b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    b"<title>Rubaya mine reopens | Kivu Morning</title></head><body><article>"
    b"<h1>Rubaya mine reopens</h1>"
    b"<p>Diggers returned to the coltan pits of Rubaya on Monday after three weeks in which "
    b"the road from Goma was closed to traffic.</p>"
    b"<p>Traders in Sake said the price of a kilo of ore had doubled while the pits were "
    b"shut, and that the first trucks had already left for the border.</p>"
    b"<p>The provincial mining office said it would publish new figures next month.</p>"
    b"</article></body></html>"
)

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    without_proxies(monkeypatch)


# -- the deadline ---------------------------------------------------------------------------------
def test_a_trickling_body_is_cut_off_at_the_deadline() -> None:
    reply = Reply(PAGE, headers={"Content-Type": "text/html"}, trickle=0.05)
    with LoopbackServer({"/slow": reply}, lifetime=30) as server:
        start = time.monotonic()
        with pytest.raises(Unreachable, match=r"sent too slowly: stopped after 1\.5 s"):
            fetch(server.url("/slow"), timeout=1.0, total=1.5)
        elapsed = time.monotonic() - start
    assert 1.4 < elapsed < 3.5  # each byte came well within the 1 s time-out


def test_the_default_deadline_is_the_documented_multiple_of_the_timeout() -> None:
    reply = Reply(PAGE, headers={"Content-Type": "text/html"}, trickle=0.05)
    with LoopbackServer({"/slow": reply}, lifetime=30) as server:
        start = time.monotonic()
        with pytest.raises(Unreachable, match=r"stopped after 1\.5 s"):
            fetch(server.url("/slow"), timeout=0.5)  # 3 x 0.5 s
        assert time.monotonic() - start < 3.5


def test_trickled_headers_are_cut_off_too() -> None:
    reply = Reply(PAGE, headers={"Content-Type": "text/html"}, trickle=0.05, trickle_head=True)
    with LoopbackServer({"/slow": reply}, lifetime=30) as server:
        start = time.monotonic()
        with pytest.raises(Unreachable, match="sent too slowly"):
            fetch(server.url("/slow"), timeout=1.0, total=1.0)
        assert time.monotonic() - start < 3.0


def test_a_slow_but_steady_page_within_the_deadline_arrives_whole() -> None:
    body = b"<html><body><p>" + b"x" * 40 + b"</p></body></html>"
    reply = Reply(body, headers={"Content-Type": "text/html"}, trickle=0.01)
    with LoopbackServer({"/page": reply}, lifetime=30) as server:
        got = fetch(server.url("/page"), timeout=1.0, total=20.0)
    assert got.data == body


def test_a_trickled_url_import_is_queued_with_the_reason(library: Library) -> None:
    reply = Reply(PAGE, headers={"Content-Type": "text/html"}, trickle=0.05)
    with LoopbackServer({"/slow": reply}, lifetime=30) as server:
        [result] = import_url(
            library, server.url("/slow"), fetcher=lambda u: fetch(u, timeout=0.5, total=1.0)
        )
    assert result.status == "queued"
    assert "too slowly" in result.error
    assert library.count() == 0


# -- content encodings ----------------------------------------------------------------------------
def test_accept_encoding_is_honest() -> None:
    assert ACCEPT_ENCODING == "gzip, deflate"  # no brotli decoder is installed
    with LoopbackServer({"/p": Reply(PAGE, headers={"Content-Type": "text/html"})}) as server:
        fetch(server.url("/p"))
    [(_, _, headers)] = server.requests
    assert headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    "reply",
    [gzip_reply(PAGE), deflate_reply(PAGE), deflate_reply(PAGE, raw=True)],
    ids=["gzip", "deflate-zlib", "deflate-raw"],
)
def test_compressed_pages_arrive_as_their_bytes(reply: Reply) -> None:
    assert reply.body != PAGE
    with LoopbackServer({"/p": reply}) as server:
        got = fetch(server.url("/p"))
    assert got.data == PAGE
    assert "Rubaya" in decode_page(got)


def test_a_gzip_page_imports_as_its_text(library: Library) -> None:
    with LoopbackServer({"/rubaya": gzip_reply(PAGE)}) as server:
        [result] = import_url(library, server.url("/rubaya"))
    assert result.status == "added"
    article = library.get(result.id)
    assert article.title == "Rubaya mine reopens"
    assert "coltan pits of Rubaya" in article.text
    assert "\ufffd" not in article.text
    assert library.original(result.id).data == PAGE


def test_a_decompression_bomb_stops_at_the_cap_without_filling_memory() -> None:
    bomb = gzip.compress(bytes(50 * MB), compresslevel=9)  # 50 MB of zeros in ~50 KB
    assert len(bomb) < 100 * 1024
    reply = Reply(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with LoopbackServer({"/bomb": reply}) as server:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="larger than 2 MB once decompressed"):
                fetch(server.url("/bomb"), max_bytes=2 * MB)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 12 * MB  # stopped near the cap, far from the 50 MB inside


def test_a_bomb_is_refused_at_the_default_cap_and_nothing_is_stored(library: Library) -> None:
    bomb = gzip.compress(bytes(50 * MB), compresslevel=9)
    reply = Reply(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with LoopbackServer({"/bomb": reply}) as server:
        [result] = import_url(library, server.url("/bomb"))
    assert result.status == "error"
    assert "larger than 20 MB once decompressed" in result.error
    assert library.count() == 0


@pytest.mark.parametrize("coding", ["br", "compress", "zstd", "gzip, br"])
def test_an_unknown_encoding_is_refused_not_stored(library: Library, coding: str) -> None:
    reply = Reply(b"\x1b\x8f\x00junk" * 50, headers={"Content-Type": "text/html"})
    reply.headers["Content-Encoding"] = coding
    with LoopbackServer({"/br": reply}) as server:
        with pytest.raises(FetchError, match="encoded as 'br'|encoded as 'compress'|'zstd'"):
            fetch(server.url("/br"))
        [result] = import_url(library, server.url("/br"))
    assert result.status == "error"
    assert "cannot decode" in result.error
    assert library.count() == 0


def test_damaged_or_cut_compressed_data_is_refused() -> None:
    good = gzip.compress(PAGE)
    routes = {
        "/damaged": Reply(
            good[:10] + b"\xff" * 40 + good[50:],
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
        ),
        "/cut": Reply(
            good[: len(good) // 2],
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
        ),
    }
    with LoopbackServer(routes) as server:
        with pytest.raises(FetchError, match="gzip data is damaged"):
            fetch(server.url("/damaged"))
        with pytest.raises(FetchError, match="gzip data is cut short"):
            fetch(server.url("/cut"))


def test_the_decoder_streams_in_small_pieces_and_keeps_its_cap() -> None:
    data = zlib.compress(PAGE * 10)
    decoder = ContentDecoder("deflate", max_bytes=len(PAGE) * 10)
    out = b"".join(decoder.feed(data[i : i + 1]) for i in range(len(data)))
    decoder.finish()
    assert out == PAGE * 10
    two = gzip.compress(PAGE) + gzip.compress(b"<p>more</p>")  # two gzip members
    assert ContentDecoder("x-gzip", 10 * MB).feed(two) == PAGE + b"<p>more</p>"
    assert ContentDecoder("identity", 10).feed(b"as it is") == b"as it is"
    small = ContentDecoder("gzip", max_bytes=len(PAGE) - 1)
    with pytest.raises(DecodedTooLargeError):
        small.feed(gzip.compress(PAGE))
    with pytest.raises(ContentEncodingError, match="'br'"):
        ContentDecoder("br", 10)


# -- credentials in URLs --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "https://reader:s3cret@example.org/feed",
        "http://reader@example.org/",
        "http://:s3cret@example.org/",
        "HTTP://Reader:s3cret@127.0.0.1:8080/x",
    ],
)
def test_check_url_refuses_credentials_without_repeating_them(url: str) -> None:
    with pytest.raises(ValueError, match="user name or password") as caught:
        check_url(url)
    assert "s3cret" not in str(caught.value)
    assert "reader" not in str(caught.value).lower().replace("fieldreader", "")


def test_check_url_accepts_plain_urls_and_refuses_other_schemes() -> None:
    check_url("https://example.org/path?q=a@b")  # an @ after the host is no credential
    with pytest.raises(FetchError, match="not an http"):
        check_url("ftp://example.org/x")


def test_a_url_with_credentials_is_neither_fetched_nor_queued(library: Library) -> None:
    with LoopbackServer({"/x": Reply(PAGE, headers={"Content-Type": "text/html"})}) as server:
        url = f"http://reader:s3cret@127.0.0.1:{server.port}/x"
        with pytest.raises(FetchError, match="user name or password"):
            fetch(url)
        [result] = import_url(library, url)
        assert server.requests == []
    assert result.status == "error"
    offline = f"http://reader:s3cret@127.0.0.1:{free_port()}/x"  # would be queued if tried
    [later] = import_paths(library, [offline])
    assert later.status == "error"
    assert "s3cret" not in later.error
    assert sources.queue(library) == []
    assert library.count() == 0


def test_a_redirect_to_a_url_with_credentials_is_refused() -> None:
    routes = {"/go": Reply(b"", 302, {"Location": "http://u:s3cret@127.0.0.1:1/x"})}
    with LoopbackServer(routes) as server:
        with pytest.raises(FetchError, match="user name or password"):
            fetch(server.url("/go"))
        assert server.paths() == ["/go"]
