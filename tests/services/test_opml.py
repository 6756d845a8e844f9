"""OPML feed lists: an OPML file of three feeds subscribes three (fetching nothing), folders
and categories become tags, the subscriptions export as OPML that reads back the same, and
a file that is not a feed list, or a hostile one, changes nothing."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from helpers.cli import run, run_json
from reader.ingest import readers
from reader.ingest.opml import OpmlFeed, looks_like_opml, parse_opml, write_opml
from reader.library import Library, sources
from reader.services.sources import export_opml, import_opml, read_opml

THREE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by another reader -->
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Great Lakes">
      <outline type="rss" text="Radio Okapi" title="Radio Okapi"
               xmlUrl="https://www.radiookapi.net/rss.xml" htmlUrl="https://www.radiookapi.net/"/>
      <outline type="rss" text="Actualite CD" xmlUrl="https://actualite.cd/feed"
               category="/minerals,/news/drc"/>
    </outline>
    <outline type="rss" text="Kyiv Independent" xmlUrl="https://kyivindependent.com/rss/"/>
    <outline type="link" text="Not a feed" url="https://example.org/"/>
  </body>
</opml>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nothing may be fetched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_three_feeds_subscribe_three_with_their_folders_as_tags(
    library: Library, no_network: None
) -> None:
    listed = parse_opml(THREE)
    assert listed.title == "My feeds"
    results = import_opml(library, listed.feeds, ["opml"])
    assert [(r.status, r.url) for r in results] == [
        ("added", "https://www.radiookapi.net/rss.xml"),
        ("added", "https://actualite.cd/feed"),
        ("added", "https://kyivindependent.com/rss/"),
    ]
    feeds = {f.url: f for f in sources.feeds(library)}
    assert len(feeds) == 3
    assert feeds["https://www.radiookapi.net/rss.xml"].tags == ("opml", "Great Lakes")
    assert feeds["https://actualite.cd/feed"].tags == ("opml", "Great Lakes", "minerals", "drc")
    assert feeds["https://kyivindependent.com/rss/"].tags == ("opml",)
    assert all(f.last_fetched is None for f in feeds.values())  # subscribed, not fetched
    again = import_opml(library, listed.feeds)
    assert [r.status for r in again] == ["exists"] * 3
    assert len(sources.feeds(library)) == 3


def test_a_feed_with_credentials_is_refused_alone(library: Library) -> None:
    feeds = [
        OpmlFeed("https://user:secret@private.example/feed"),
        OpmlFeed("ftp://old.example/feed"),
        OpmlFeed("https://open.example/feed"),
    ]
    results = import_opml(library, feeds)
    assert [r.status for r in results] == ["error", "error", "added"]
    assert "secret" not in results[0].url + (results[0].error or "")
    assert [f.url for f in sources.feeds(library)] == ["https://open.example/feed"]


def test_the_subscriptions_export_and_read_back(library: Library, tmp_path: Path) -> None:
    import_opml(library, parse_opml(THREE).feeds)
    out = tmp_path / "out.opml"
    assert export_opml(library, out) == 3
    data = out.read_bytes()
    assert data.startswith(b"<?xml")
    assert looks_like_opml(data)
    back = {f.url: f.tags for f in read_opml(out)}
    assert back == {f.url: list(f.tags) for f in sources.feeds(library)}
    fresh = Library.memory()
    try:
        assert [r.status for r in import_opml(fresh, read_opml(out))] == ["added"] * 3
    finally:
        fresh.close()


def test_writing_keeps_odd_titles_valid_xml() -> None:
    data = write_opml([OpmlFeed("https://e.example/f", "Bad \x07 title & <more>", None, ["a,b"])])
    [feed] = parse_opml(data).feeds
    assert feed.title == "Bad title & <more>"
    assert feed.tags == ["a b"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss><channel/></rss>", "root element is not <opml>"),
        (b"not xml at all", "not XML"),
        (b"<opml><head/></opml>", "no <body>"),
        (b"<opml><body><outline text='empty folder'/></body></opml>", "names no feeds"),
    ],
)
def test_a_file_that_is_not_a_feed_list_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_opml(data)


def test_entities_in_a_feed_list_are_never_expanded() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b'<!ENTITY a "aaaaaaaaaaaaaaaa">]><opml><body>'
        b'<outline text="&x;&a;" xmlUrl="https://e.example/feed"/></body></opml>'
    )
    with pytest.raises(ValueError, match="declares XML entities"):
        parse_opml(data)
    inner = data.decode().replace('"1.0"?>', '"1.0" encoding="utf-16"?>', 1).replace("&x;", "")
    utf16 = inner.encode("utf-16")  # no "<!ENTITY" bytes to spot: refused once parsed
    with pytest.raises(ValueError, match="declares XML entities"):
        parse_opml(utf16)


def test_import_points_an_opml_file_to_feeds_import_opml(tmp_path: Path) -> None:
    for name in ("list.opml", "list.xml"):
        (tmp_path / name).write_bytes(THREE)
        [incoming] = readers.read_inputs(tmp_path / name)
        assert incoming.draft is None
        assert "feeds import-opml" in (incoming.error or "")


@pytest.mark.e2e
def test_the_command_line_imports_and_exports_opml(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite"
    (tmp_path / "feeds.opml").write_bytes(THREE)
    out = run_json(lib, "feeds", "import-opml", str(tmp_path / "feeds.opml"), "--tag", "x")
    assert [r["status"] for r in out] == ["added"] * 3
    assert {"url", "title", "status", "id", "tags"} <= set(out[0])
    assert len(run_json(lib, "feeds", "list")) == 3
    done = run_json(lib, "feeds", "export-opml", str(tmp_path / "back.opml"))
    assert done == {"path": str(tmp_path / "back.opml"), "feeds": 3}
    assert len(parse_opml((tmp_path / "back.opml").read_bytes()).feeds) == 3
    (tmp_path / "bad.opml").write_text("<html>not a list</html>")
    proc = run(lib, "feeds", "import-opml", str(tmp_path / "bad.opml"))
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("not an OPML feed list (its root element is not <opml>)")
    assert "Traceback" not in proc.stderr
    proc = run(lib, "import", str(tmp_path / "feeds.opml"))
    assert proc.returncode == 1
    assert "feeds import-opml" in proc.stderr
