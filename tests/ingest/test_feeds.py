"""RSS and Atom: entries to articles, entity bombs refused, subscriptions and refresh."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from helpers.http import LoopbackServer, Reply, free_port, without_proxies
from reader.ingest.feeds import ENTITY_MESSAGE, SUMMARY_TAG, looks_like_feed, parse_feed
from reader.ingest.readers import iter_inputs
from reader.library import Library, sources
from reader.services.importing import import_paths
from reader.services.sources import refresh_feeds

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
 <title>Kivu Wire</title><link>https://kivu.example/</link><language>fr-CD</language>
 <item>
  <title>Goma &amp; the M23</title>
  <link>https://kivu.example/2024/goma</link>
  <guid isPermaLink="false">kivu-1</guid>
  <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Rebels held Goma for a week.</p>
   <script>document.write('x')</script><img src="http://127.0.0.1:9/pixel.gif">
   <h2>Coltan</h2><ul><li>Rubaya mine</li><li>Border route</li></ul>]]></content:encoded>
 </item>
 <item>
  <title>Only a summary here</title>
  <link>https://kivu.example/2024/summary</link>
  <description>&lt;p&gt;Traders in Bukavu raised prices.&lt;/p&gt;</description>
  <author>desk@kivu.example (John Roe)</author>
  <pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
 </item>
 <item><title>Empty</title><link>https://kivu.example/empty</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
 <title type="html">Minerals &lt;i&gt;Desk&lt;/i&gt;</title>
 <link href="https://atom.example/"/>
 <id>urn:desk</id><updated>2024-04-02T10:00:00Z</updated>
 <entry>
  <title>Ukraine deal signed</title><id>urn:desk:1</id>
  <link rel="alternate" href="/news/1"/>
  <published>2024-03-31T23:10:00+02:00</published><updated>2024-04-01T10:00:00Z</updated>
  <author><name>Ann Analyst</name></author>
  <summary>A summary that should not win.</summary>
  <content type="html">&lt;p&gt;The fund covers 57 minerals.&lt;/p&gt;
   &lt;p&gt;It runs ten years.&lt;/p&gt;</content>
 </entry>
 <entry>
  <title>Plain summary</title><id>urn:desk:2</id>
  <updated>2024-04-02T10:00:00Z</updated>
  <summary>Lithium and graphite were named.</summary>
 </entry>
 <entry>
  <title>XHTML body</title><id>urn:desk:3</id><updated>2024-04-03T10:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
   <p>Graphite in Zhytomyr.</p></div></content>
 </entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
 <channel rdf:about="https://rdf.example/"><title>RDF news</title><link>https://rdf.example/</link></channel>
 <item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link>
  <description>Cobalt prices rose.</description></item>
</rdf:RDF>"""


def _bomb(levels: int = 10) -> bytes:
    ents = ['<!ENTITY lol0 "lol">']
    ents += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(ents) + "\n]>\n"
        '<rss version="2.0"><channel><title>Bomb</title><item><title>x</title>'
        f"<description>&lol{levels - 1};</description></item></channel></rss>"
    ).encode()


def _feed(items: list[tuple[str, str]], title: str = "Loop feed") -> bytes:
    body = "".join(
        f"<item><title>{t}</title><guid>{g}</guid><link>https://loop.example/{g}</link>"
        f"<description>{t} happened in Goma, reporters said.</description></item>"
        for g, t in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://loop.example/</link>{body}</channel></rss>"
    ).encode()


# -- parsing ------------------------------------------------------------------------------------
def test_rss_entries_keep_full_content_links_dates_and_authors() -> None:
    feed = parse_feed(RSS)
    assert feed.title == "Kivu Wire"
    assert feed.site_url == "https://kivu.example/"
    full, summary, empty = feed.items
    d = full.draft
    assert d is not None
    assert full.key == "kivu-1"
    assert d.title == "Goma & the M23"
    assert d.format == "feed"
    assert d.url == "https://kivu.example/2024/goma"
    assert d.published == "2024-03-05"  # the date as written, not moved to UTC
    assert d.byline == "Jane Doe"
    assert d.source == "Kivu Wire"
    assert d.language == "fr"
    assert d.text.split("\n\n") == [
        "Rebels held Goma for a week.",
        "Coltan",
        "Rubaya mine",
        "Border route",
    ]
    assert [b.kind for b in d.blocks] == ["p", "h2", "li", "li"]
    assert "document.write" not in d.text
    assert SUMMARY_TAG not in d.tags
    s = summary.draft
    assert s is not None
    assert s.text == "Traders in Bukavu raised prices."
    assert s.tags == [SUMMARY_TAG]
    assert s.byline == "John Roe"
    assert s.published == "2024-03-06"
    assert empty.draft is None
    assert empty.error == "the entry has no text"
    record = json.loads(full.original.data)
    assert record["link"] == d.url
    assert "Rebels held Goma" in record["content"]


def test_atom_content_summary_and_relative_links() -> None:
    feed = parse_feed(ATOM, url="https://atom.example/feed.xml")
    assert feed.title == "Minerals Desk"
    first, second, third = (i.draft for i in feed.items)
    assert first.text == "The fund covers 57 minerals.\n\nIt runs ten years."
    assert first.url == "https://atom.example/news/1"
    assert first.published == "2024-03-31"
    assert first.byline == "Ann Analyst"
    assert first.tags == []
    assert first.language == "en"
    assert second.text == "Lithium and graphite were named."
    assert second.tags == [SUMMARY_TAG]
    assert second.url is None
    assert second.published == "2024-04-02"
    assert third.text == "Graphite in Zhytomyr."


def test_rss_1_0_and_feed_sniffing() -> None:
    [item] = parse_feed(RDF).items
    assert item.draft.title == "One"
    assert item.draft.url == "https://rdf.example/1"
    assert looks_like_feed(RSS)
    assert looks_like_feed(ATOM)
    assert looks_like_feed(RDF)
    assert looks_like_feed(b"\xef\xbb\xbf<!-- c -->\n<?xml-stylesheet x?><rss version='2.0'/>")
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>rss feed</body></html>")
    assert not looks_like_feed(b"<?xml version='1.0'?><svg/>")
    with pytest.raises(ValueError, match="not an RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>")


def test_billion_laughs_is_refused_fast() -> None:
    start = time.monotonic()
    with pytest.raises(ValueError, match=f"^{re.escape(ENTITY_MESSAGE)}$"):
        parse_feed(_bomb())
    assert time.monotonic() - start < 2


def test_external_entities_are_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>t</title><item><title>&x;</title>'
        b"<description>d</description></item></channel></rss>"
    )
    with pytest.raises(ValueError, match="entities"):
        parse_feed(xxe)


# -- importing feed files -------------------------------------------------------------------
def test_feed_file_imports_one_article_per_entry(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "kivu.rss"
    path.write_bytes(RSS)
    results = import_paths(library, [path], tags=["kivu"])
    assert [r.status for r in results] == ["added", "added", "error"]
    assert all(r.path == str(path) for r in results)
    assert "entry 3 (Empty)" in results[2].error
    summary_id = results[1].id
    assert library.get(summary_id).tags == ("kivu", SUMMARY_TAG)
    assert [a.id for a in library.list_articles(tag=SUMMARY_TAG)] == [summary_id]
    again = import_paths(library, [path])
    assert [r.status for r in again] == ["duplicate", "duplicate", "error"]
    assert library.count() == 2


def test_xml_and_atom_files_are_found_and_read(tmp_path: Path, library: Library) -> None:
    (tmp_path / "desk.xml").write_bytes(ATOM)
    (tmp_path / "news.atom").write_bytes(RDF)
    (tmp_path / "config.xml").write_bytes(b"<?xml version='1.0'?><config><a>1</a></config>")
    assert [p.name for p in iter_inputs([tmp_path])] == ["desk.xml", "news.atom"]
    results = import_paths(library, [tmp_path])
    assert [r.status for r in results] == ["added"] * 4


def test_bomb_file_gives_an_error_result(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "bomb.xml"
    path.write_bytes(_bomb())
    [result] = import_paths(library, [path])
    assert result.status == "error"
    assert result.error == ENTITY_MESSAGE


# -- subscriptions --------------------------------------------------------------------------
def test_add_fetches_nothing_and_refresh_brings_only_new_entries(library: Library) -> None:
    state = {"items": [("a1", "First"), ("a2", "Second")]}

    def feed_reply(handler) -> Reply:
        body = _feed(state["items"])
        etag = f'"v{len(state["items"])}"'
        if handler.headers.get("If-None-Match") == etag:
            return Reply(b"", 304, {"ETag": etag})
        return Reply(body, headers={"Content-Type": "application/rss+xml", "ETag": etag})

    with LoopbackServer({"/feed": feed_reply}) as server:
        feed, added = sources.add_feed(library, server.url("/feed"), ["loop"])
        assert added
        assert feed.title is None
        assert server.requests == []
        assert sources.add_feed(library, server.url("/feed"))[1] is False

        [first] = refresh_feeds(library)
        assert first.status == "ok"
        assert [r.status for r in first.results] == ["added", "added"]
        assert first.feed.title == "Loop feed"
        assert first.feed.etag == '"v2"'
        assert library.get(first.results[0].id).tags == ("loop", SUMMARY_TAG)

        [same] = refresh_feeds(library)
        assert same.status == "not_modified"
        assert same.results == []
        assert server.requests[-1][2]["If-None-Match"] == '"v2"'

        state["items"] = [("a3", "Third"), *state["items"]]
        [more] = refresh_feeds(library)
        assert [r.title for r in more.results] == ["Third"]
        assert more.as_json()["new"] == 1
        assert sources.feeds(library)[0].entries_seen == 3
    assert library.count() == 3


def test_refresh_offline_and_broken_feeds_keep_their_errors(library: Library) -> None:
    offline_url = f"http://127.0.0.1:{free_port()}/feed"
    with LoopbackServer({"/html": Reply(b"<html><body>hi</body></html>")}) as server:
        sources.add_feed(library, offline_url)
        sources.add_feed(library, server.url("/html"))
        offline, broken = refresh_feeds(library)
    assert offline.status == "offline"
    assert "refused" in offline.error
    assert broken.status == "error"
    assert broken.error == "not an RSS or Atom feed"
    feeds = sources.feeds(library)
    assert feeds[0].last_error.startswith("offline:")
    assert feeds[0].last_fetched
    assert feeds[1].last_error == "not an RSS or Atom feed"
    assert sources.remove_feed(library, feeds[0].id)
    assert not sources.remove_feed(library, feeds[0].id)
    assert [f.id for f in sources.feeds(library)] == [feeds[1].id]


@pytest.mark.e2e
def test_cli_feeds_add_list_refresh_remove(library_path: Path, monkeypatch) -> None:
    without_proxies(monkeypatch)
    with LoopbackServer({"/feed": Reply(_feed([("b1", "Bukavu")]))}) as server:
        added = run_json(library_path, "feeds", "add", server.url("/feed"), "--tag", "drc")
        assert added["status"] == "added"
        assert added["tags"] == ["drc"]
        assert added["title"] is None
        assert server.requests == []
        [listed] = run_json(library_path, "feeds", "list")
        assert listed["id"] == added["id"]
        assert listed["last_fetched"] is None
        [refreshed] = run_json(library_path, "feeds", "refresh")
        assert refreshed["status"] == "ok"
        assert refreshed["new"] == 1
        [article] = refreshed["articles"]
        assert set(article) == {"id", "title", "status", "path"}
        assert article["title"] == "Bukavu"
        [again] = run_json(library_path, "feeds", "refresh")
        assert again["new"] == 0
        assert again["articles"] == []
        assert len(server.requests) == 2
    assert run_json(library_path, "feeds", "remove", str(added["id"])) == {
        "id": added["id"],
        "removed": True,
    }
    assert run_json(library_path, "feeds", "list") == []
    proc = run(library_path, "feeds", "add", "not-a-url")
    assert proc.returncode == 2
    assert "not an http(s) URL" in proc.stderr
    assert run(library_path, "feeds", "remove", "99").returncode == 1
