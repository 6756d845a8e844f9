"""Fetching URLs the user asked for, from loopback servers only: limits, charsets, redirects,
what a response becomes, and the read-later queue when there is no connection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from helpers.http import LoopbackServer, Reply, free_port, without_proxies
from helpers.pdf_maker import make_pdf
from reader.ingest.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    FetchError,
    Unreachable,
    decode_page,
    fetch,
    is_url,
)
from reader.library import Library, sources
from reader.services.importing import import_paths
from reader.services.sources import fetch_queue, import_url

PAGE = (
    "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
    "<title>Goma : la ville reprend son souffle | Kivu Matin</title></head><body>"
    "<nav><a href='/'>Accueil</a></nav><article><h1>Goma : la ville reprend son souffle</h1>"
    "<p>Les marchés de Goma ont rouvert lundi après trois semaines de fermeture, selon des "
    "commerçants interrogés sur place par notre rédaction.</p>"
    "<p>Les prix du maïs et du manioc restent élevés, mais les camions venus de Rutshuru "
    "recommencent à circuler sur la route nationale.</p>"
    "<p>Les autorités provinciales promettent une reprise des cours dans les écoles dès "
    "la semaine prochaine, si la situation sécuritaire le permet.</p></article></body></html>"
)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    without_proxies(monkeypatch)


def _html(body: str | bytes, charset: str | None = "utf-8") -> Reply:
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    data = body.encode(charset or "utf-8") if isinstance(body, str) else body
    return Reply(data, headers={"Content-Type": ctype})


# -- fetch ----------------------------------------------------------------------------------------
def test_fetch_sends_a_clear_user_agent_and_follows_redirects() -> None:
    routes = {"/old": Reply(b"", 301, {"Location": "/new"}), "/new": _html(PAGE)}
    with LoopbackServer(routes) as server:
        got = fetch(server.url("/old"))
    assert got.final_url.endswith("/new")
    assert got.status == 200
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert [p for p in server.paths()] == ["/old", "/new"]
    assert all(h["User-Agent"] == USER_AGENT for _, _, h in server.requests)
    assert "Fieldreader" in USER_AGENT


def test_redirects_are_capped_and_must_stay_http() -> None:
    routes = {f"/r{i}": Reply(b"", 302, {"Location": f"/r{i + 1}"}) for i in range(20)}
    routes["/file"] = Reply(b"", 302, {"Location": "file:///etc/passwd"})
    with LoopbackServer(routes) as server:
        with pytest.raises(FetchError, match="redirect"):
            fetch(server.url("/r0"))
        assert len(server.requests) == MAX_REDIRECTS + 1
        with pytest.raises(FetchError, match="not http"):
            fetch(server.url("/file"))


def test_size_limit_and_http_errors() -> None:
    big = b"<html><body>" + b"x" * 5000 + b"</body></html>"
    lying = Reply(big, headers={"Content-Type": "text/html", "Content-Length": str(10**9)})
    routes = {"/big": Reply(big, headers={"Content-Type": "text/html"}), "/lying": lying}
    with LoopbackServer(routes) as server:
        with pytest.raises(FetchError, match="larger than"):
            fetch(server.url("/big"), max_bytes=1000)
        with pytest.raises(FetchError, match="larger than"):
            fetch(server.url("/lying"))
        with pytest.raises(FetchError, match="404"):
            fetch(server.url("/missing"))
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://127.0.0.1/x")
    assert is_url("https://example.org/a")
    assert not is_url("file:///etc")
    assert not is_url("http://")


def test_timeouts_and_refused_connections_are_unreachable() -> None:
    with LoopbackServer({"/slow": Reply(b"late", delay=2.0)}) as server:
        with pytest.raises(Unreachable, match="timed out"):
            fetch(server.url("/slow"), timeout=0.3)
    with pytest.raises(Unreachable, match="refused"):
        fetch(f"http://127.0.0.1:{free_port()}/")


def test_charset_from_header_then_meta_then_sniffed() -> None:
    text = "<html><body><p>Le marché de Bukavu était fermé.</p></body></html>"
    meta = "<html><head><meta charset='iso-8859-1'></head><body><p>Marché fermé.</p></body></html>"
    routes = {
        "/header": _html(text, "windows-1252"),
        "/meta": _html(meta.encode("latin-1"), None),
        "/sniffed": _html(text.encode("utf-8"), None),
        "/bogus": _html(text.encode("utf-8"), "no-such-charset"),
    }
    with LoopbackServer(routes) as server:
        for path in routes:
            assert "arché" in decode_page(fetch(server.url(path))), path


def test_conditional_requests_give_not_modified() -> None:
    def reply(handler) -> Reply:
        if handler.headers.get("If-None-Match") == '"x1"':
            return Reply(b"", 304)
        return Reply(b"<rss/>", headers={"ETag": '"x1"', "Last-Modified": "Mon, 01 Jan 2024"})

    with LoopbackServer({"/f": reply}) as server:
        first = fetch(server.url("/f"))
        assert first.etag == '"x1"'
        assert first.last_modified == "Mon, 01 Jan 2024"
        again = fetch(server.url("/f"), etag=first.etag)
        assert again.not_modified
        assert again.data == b""


# -- import_url ---------------------------------------------------------------------------------
def test_url_import_stores_the_original_bytes_and_the_article(library: Library) -> None:
    served = PAGE.encode("utf-8")
    with LoopbackServer({"/goma": _html(served)}) as server:
        [result] = import_url(library, server.url("/goma"), tags=["web"])
        assert result.status == "added"
        assert result.path == server.url("/goma")
        article = library.get(result.id)
        assert article.title == "Goma : la ville reprend son souffle"
        assert article.url == server.url("/goma")
        assert article.tags == ("web",)
        assert "Rutshuru" in article.text
        assert "Accueil" not in article.text
        assert library.original(result.id).data == served
        [again] = import_url(library, server.url("/goma"))
        assert again.status == "duplicate"
        assert again.id == result.id
        assert server.paths() == ["/goma"]  # a known url is not fetched again


def test_pdf_feed_and_text_urls(library: Library) -> None:
    pdf = make_pdf([["Briefing on Rubaya", "", "Coltan output rose sharply in the quarter."]])
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title>'
        b"<item><title>One</title><guid>1</guid><description>First entry text.</description>"
        b"</item><item><title>Two</title><guid>2</guid><description>Second entry text."
        b"</description></item></channel></rss>"
    )
    routes = {
        "/brief.pdf": Reply(pdf, headers={"Content-Type": "application/pdf"}),
        "/feed": Reply(feed, headers={"Content-Type": "application/xml"}),
        "/notes.txt": Reply(b"Field notes\n\nThe road to Sake was open.", headers={}),
        "/image": Reply(b"\x89PNG\r\n\x1a\n\x00\x00", headers={"Content-Type": "image/png"}),
        "/data.xml": Reply(b"<?xml version='1.0'?><data/>", headers={"Content-Type": "text/xml"}),
    }
    with LoopbackServer(routes) as server:
        [brief] = import_url(library, server.url("/brief.pdf"))
        entries = import_url(library, server.url("/feed"))
        [notes] = import_url(library, server.url("/notes.txt"))
        [image] = import_url(library, server.url("/image"))
        [data] = import_url(library, server.url("/data.xml"))
    assert brief.status == "added"
    assert brief.title == "Briefing on Rubaya"
    assert library.get(brief.id).format == "pdf"
    assert library.original(brief.id).data == pdf
    assert library.get(brief.id).url == server.url("/brief.pdf")
    assert [e.title for e in entries] == ["One", "Two"]
    assert notes.status == "added"
    assert library.get(notes.id).title == "Field notes"
    assert image.status == "error"
    assert "image/png" in image.error
    assert data.status == "error"
    assert "not an RSS or Atom feed" in data.error


# -- the read-later queue -----------------------------------------------------------------------
def test_offline_url_is_queued_then_fetched_when_back(library: Library) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/goma"
    [queued] = import_paths(library, [url], tags=["later"])
    assert queued.status == "queued"
    assert queued.id is None
    assert "refused" in queued.error
    assert queued.as_json() == {
        "id": None,
        "title": None,
        "status": "queued",
        "reason": queued.error,
        "path": url,
    }
    [waiting] = sources.queue(library)
    assert waiting.url == url
    assert waiting.attempts == 1
    assert waiting.tags == ("later",)
    [still] = fetch_queue(library)  # still offline
    assert still.results[0].status == "queued"
    assert still.after.attempts == 2
    with LoopbackServer({"/goma": _html(PAGE)}, port=port):
        [done] = fetch_queue(library)
    assert done.results[0].status == "added"
    assert done.after is None
    assert sources.queue(library) == []
    assert library.get(done.results[0].id).tags == ("later",)


def test_queue_keeps_failures_with_reason_and_attempts(library: Library) -> None:
    with LoopbackServer({}) as server:
        sources.queue_url(library, server.url("/gone"))
        sources.queue_url(library, server.url("/gone"), ["x"])  # once only; tags merged
        [first] = fetch_queue(library)
        [second] = fetch_queue(library)
    assert first.results[0].status == "error"
    assert "404" in first.results[0].error
    assert second.after.attempts == 2
    assert "404" in second.after.last_error
    assert second.as_json()[0]["attempts"] == 2
    [item] = sources.queue(library)
    assert item.tags == ("x",)
    assert sources.dequeue(library, item.id)
    assert sources.queue(library) == []


@pytest.mark.e2e
def test_cli_import_url_queue_list_and_fetch(library_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/goma"
    proc = run(library_path, "import", url, "--json")
    assert proc.returncode == 0, proc.stderr
    [queued] = json.loads(proc.stdout)
    assert set(queued) == {"id", "title", "status", "reason", "path"}
    assert queued["status"] == "queued"
    assert queued["path"] == url
    [waiting] = run_json(library_path, "queue", "list")
    assert waiting["url"] == url
    assert waiting["attempts"] == 1
    assert waiting["last_error"]
    assert set(waiting) == {"id", "url", "tags", "added", "attempts", "last_attempt", "last_error"}
    with LoopbackServer({"/goma": _html(PAGE)}, port=port) as server:
        [fetched] = run_json(library_path, "queue", "fetch")
        assert server.paths() == ["/goma"]
    assert fetched["status"] == "added"
    assert fetched["queue_id"] == waiting["id"]
    assert fetched["title"] == "Goma : la ville reprend son souffle"
    assert run_json(library_path, "queue", "list") == []
    assert run_json(library_path, "queue", "fetch") == []
    human = run(library_path, "import", url)  # known url: no fetch, no connection needed
    assert human.returncode == 0
    assert "duplicate" in human.stdout
