"""Tests for reader.ingest.html: article text, blocks and metadata from saved web pages."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import lxml.html
import pytest

from helpers.corpus_metrics import WEB_PAGES_DIR, load_cases, title_matches, token_f1
from helpers.paths import FIXTURES
from reader.ingest.dates import parse_date
from reader.ingest.html import NO_TEXT_MESSAGE, extract_html
from reader.ingest.html_meta import PageMetadata, page_metadata
from reader.ingest.urls import domain_of, outlet_from_url
from reader.library.draft import BLOCK_KINDS, Draft

PARAGRAPH = (
    "<p>The quick brown fox jumps over the lazy dog, and then it does so again, "
    "because the sentence needs to be long enough to look like an article paragraph.</p>"
)


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _assert_sane(draft: Draft) -> None:
    assert isinstance(draft, Draft)
    assert draft.format == "html"
    assert draft.text
    assert draft.text == draft.text.strip()
    assert "\n\n\n" not in draft.text
    for block in draft.blocks:
        assert block.kind in BLOCK_KINDS
        piece = draft.text[block.start : block.end]
        assert piece
        assert piece == piece.strip()
    # The blocks cover the text exactly, separated by single blank lines.
    assert "\n\n".join(draft.text[b.start : b.end] for b in draft.blocks) == draft.text


# --------------------------------------------------------------------------- the fixture


@pytest.fixture(scope="module")
def news() -> Draft:
    html = (FIXTURES / "saved_news_page.html").read_text(encoding="utf-8")
    return extract_html(html)


def _block_texts(draft: Draft, kind: str) -> list[str]:
    return [draft.text[b.start : b.end] for b in draft.blocks if b.kind == kind]


def test_fixture_metadata(news: Draft) -> None:
    assert news.title == "Congo and US weigh minerals-for-security pact as talks resume"
    assert news.published == "2025-04-03"
    assert news.byline == "Amara Kettering"
    assert news.language == "en"
    assert news.source == "The Meridian Post"
    assert news.url == "https://www.meridianpost.example/world/africa/congo-us-minerals-talks"
    assert news.format == "html"


def test_fixture_body_paragraphs(news: Draft) -> None:
    paragraphs = _block_texts(news, "p")
    assert paragraphs[0].startswith("Negotiators from the Democratic Republic of the Congo")
    assert any("coltan, the ore from which tantalum" in p for p in paragraphs)
    assert any(p.startswith('"We are not selling the country,"') for p in paragraphs)
    assert any(p.startswith("Analysts cautioned") for p in paragraphs)
    assert any(p.startswith("Rights groups welcomed") for p in paragraphs)
    assert paragraphs[-1].startswith("A further round of talks is expected next month")
    assert len(paragraphs) == 7  # six paragraphs plus the one introducing the list
    assert "coltan" in news.text


@pytest.mark.parametrize(
    "junk",
    [
        # navigation, search, breadcrumbs
        "Podcasts",
        "Subscribe from",
        "Search the Meridian Post",
        # share bar
        "Share on Facebook",
        "Email this story",
        "Copy link",
        # cookie notice
        "We use cookies",
        "cookie preferences",
        # related stories
        "Related stories",
        "Cobalt prices slide",
        "racing to reach the Atlantic",
        # newsletter signup
        "Africa Briefing",
        "free weekly newsletter",
        "Sign me up",
        # comments and footer
        "Reader comment",
        "All rights reserved",
        "Contact the newsroom",
        # script, tracking image, figure caption, byline / dateline furniture
        "SCRIPT TEXT",
        "dataLayer",
        "trackPageView",
        "TRACKING PIXEL",
        "Photograph: Meridian staff",
        "Africa correspondent",
    ],
)
def test_fixture_furniture_removed(news: Draft, junk: str) -> None:
    assert junk.lower() not in news.text.lower()


def test_fixture_no_markup_and_collapsed_whitespace(news: Draft) -> None:
    assert "<" not in news.text
    assert ">" not in news.text
    for block in news.blocks:
        piece = news.text[block.start : block.end]
        assert "\n" not in piece
        assert "  " not in piece


def test_fixture_heading_and_list_blocks(news: Draft) -> None:
    assert _block_texts(news, "h2") == ["What is on the table"]
    assert _block_texts(news, "li") == [
        "Priority offtake agreements for American buyers of cobalt and copper",
        "Joint audits of artisanal coltan mines to trace ore from pit to port",
        "Security cooperation along the road and rail corridors to the Atlantic coast",
    ]
    # The headline repeats the title and is not part of the text.
    assert not _block_texts(news, "h1")
    assert not news.text.startswith("Congo and US weigh")


def test_fixture_block_offsets_slice_text(news: Draft) -> None:
    _assert_sane(news)
    kinds = [b.kind for b in news.blocks]
    assert kinds == ["p", "p", "p", "h2", "p", "li", "li", "li", "p", "p", "p"]
    for before, after in zip(news.blocks, news.blocks[1:], strict=False):
        assert news.text[before.end : after.start] == "\n\n"


def test_url_argument_wins_over_canonical() -> None:
    html = (FIXTURES / "saved_news_page.html").read_text(encoding="utf-8")
    draft = extract_html(html, url="https://example.org/saved/copy.html")
    assert draft.url == "https://example.org/saved/copy.html"
    assert draft.source == "The Meridian Post"  # og:site_name still wins for the source


# --------------------------------------------------------------------------- block building


def test_blocks_from_structured_body() -> None:
    body = (
        "<article><h1>Same As Title</h1>"
        + PARAGRAPH
        + "<blockquote><p>First quoted paragraph of a speech.</p>"
        "<p>Second quoted paragraph of it.</p></blockquote>"
        "<ul><li><p>Item in a paragraph</p></li><li>Plain   item\n text</li></ul>"
        "<pre>def f():\n    return 1\n</pre>"
        "<p>Line one<br>still one<br><br>now two</p>"
        "<h3>A <em>small</em> heading</h3>" + PARAGRAPH + "</article>"
    )
    draft = extract_html(_page(body, "<title>Same As Title</title>"))
    _assert_sane(draft)
    pieces = [(b.kind, draft.text[b.start : b.end]) for b in draft.blocks]
    assert ("blockquote", "First quoted paragraph of a speech.") in pieces
    assert ("blockquote", "Second quoted paragraph of it.") in pieces
    assert ("li", "Item in a paragraph") in pieces
    assert ("li", "Plain item text") in pieces
    assert ("pre", "def f():\n    return 1") in pieces
    assert ("p", "Line one still one") in pieces
    assert ("p", "now two") in pieces
    assert ("h3", "A small heading") in pieces
    assert pieces[0][0] == "p"  # the h1 repeating the title was dropped
    assert draft.title == "Same As Title"


# --------------------------------------------------------------------------- metadata


def test_title_from_title_element_strips_site_name() -> None:
    draft = extract_html(_page(PARAGRAPH * 3, "<title>Floods close schools - BBC News</title>"))
    assert draft.title == "Floods close schools"
    draft = extract_html(
        _page(PARAGRAPH * 3, "<title>Markets rally as inflation eases | The Guardian</title>")
    )
    assert draft.title == "Markets rally as inflation eases"


def test_title_site_name_stripped_from_og_title() -> None:
    head = (
        '<meta property="og:site_name" content="Example Times">'
        '<meta property="og:title" content="Harbour reopens after storm | Example Times">'
    )
    assert extract_html(_page(PARAGRAPH * 3, head)).title == "Harbour reopens after storm"


def test_title_falls_back_to_h1() -> None:
    draft = extract_html(_page("<h1>Only A Heading</h1>" + PARAGRAPH * 3))
    assert draft.title == "Only A Heading"


def test_json_ld_metadata() -> None:
    head = """<script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Site"},
      {"@type": "NewsArticle", "headline": "Ledger headline",
       "datePublished": "2024-02-29T23:30:00-05:00",
       "author": [{"@type": "Person", "name": "Ada Ng"}, {"@type": "Person", "name": "Bo Li"}],
       "inLanguage": "pt-BR"}
    ]}</script>"""
    draft = extract_html(_page(PARAGRAPH * 3, head), url="https://www.example.com/a/b")
    assert draft.title == "Ledger headline"
    assert draft.published == "2024-02-29"
    assert draft.byline == "Ada Ng, Bo Li"
    assert draft.language == "pt"
    assert draft.source == "example.com"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            '<meta property="article:published_time" content="2019-01-03T07:00:02.000Z">',
            "2019-01-03",
        ),
        ('<meta name="date" content="March 5, 2021">', "2021-03-05"),
        ('<meta name="dc.date" content="2015-04-30">', "2015-04-30"),
        ('<meta name="pubdate" content="not a date at all">', None),
        ('<meta name="date" content="99999999999999999999">', None),
        ('<meta name="date" content="0000-00-00T00:00:00">', None),
        ('<meta name="date" content="Tuesday">', None),
    ],
)
def test_published_date_parsing(head: str, published: str | None) -> None:
    assert extract_html(_page(PARAGRAPH * 3, head)).published == published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-29T23:30:00-05:00", "2024-02-29"),  # the date as written, not in UTC
        ("1999-12-31T23:59:59+14:00", "1999-12-31"),
        ("20150430T120000Z", "2015-04-30"),
        ("1546498800", "2019-01-03"),  # Unix time in seconds
        ("1546498800000", "2019-01-03"),  # and in milliseconds
        ("Mon, 05 Mar 2021 10:00:00 EST", "2021-03-05"),  # unknown zone: no warning
        ("Published 16 November 2017 at 2:15pm", "2017-11-16"),
        ("March 2021", "2021-03-01"),  # missing parts are the first, never today's
        ("Jan 1, 1850", None),  # before 1900: never a date
        (None, None),
        ("", None),
        ("Tuesday", None),
        ("12:30", None),
        ("2021-02-30", None),
        ("1700-01-01", None),  # years out of range
        ("2300-01-01", None),
        ("9999999999999", None),
        ("\x00\ufffe", None),
        ("2021 " * 50, None),
    ],
)
def test_parse_date(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_published_from_time_element() -> None:
    body = '<article><time datetime="2020-06-01T10:00">1 June</time>' + PARAGRAPH * 3
    assert extract_html(_page(body + "</article>")).published == "2020-06-01"


@pytest.mark.parametrize(
    ("html_attrs", "head", "language"),
    [
        ('lang="en-US"', "", "en"),
        ('lang="FR"', "", "fr"),
        ("", '<meta property="og:locale" content="de_DE">', "de"),
        ('lang="x-klingon"', "", None),
        ("", "", None),
    ],
)
def test_language(html_attrs: str, head: str, language: str | None) -> None:
    html = f"<html {html_attrs}><head>{head}</head><body>{PARAGRAPH * 3}</body></html>"
    assert extract_html(html).language == language


def test_byline_sources() -> None:
    head = '<meta property="article:author" content="https://example.com/staff/jo">'
    body = '<article><p class="byline">By <a rel="author" href="/jo">Jo Bloggs</a></p>'
    draft = extract_html(_page(body + PARAGRAPH * 3 + "</article>", head))
    assert draft.byline == "Jo Bloggs"
    head = '<meta name="author" content="By Sam Reporter">'
    assert extract_html(_page(PARAGRAPH * 3, head)).byline == "Sam Reporter"


def test_source_falls_back_to_the_outlet_of_the_url() -> None:
    head = '<link rel="canonical" href="https://www.theguardian.com/world/2024/x">'
    assert extract_html(_page(PARAGRAPH * 3, head)).source == "The Guardian"
    head = '<meta property="og:site_name" content="www.bbc.co.uk">'
    assert extract_html(_page(PARAGRAPH * 3, head)).source == "BBC News"
    assert extract_html(_page(PARAGRAPH * 3), url="https://news.example.org/a").source == (
        "news.example.org"
    )


def test_page_metadata_reads_without_changing_the_tree() -> None:
    html = (FIXTURES / "saved_news_page.html").read_text(encoding="utf-8")
    root = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(root)
    meta = page_metadata(root)
    assert lxml.html.tostring(root) == before
    assert meta == PageMetadata(
        title="Congo and US weigh minerals-for-security pact as talks resume",
        byline="Amara Kettering",
        published="2025-04-03",
        language="en",
        url="https://www.meridianpost.example/world/africa/congo-us-minerals-talks",
        source="The Meridian Post",
    )


@pytest.mark.parametrize(
    ("url", "domain", "outlet"),
    [
        ("https://WWW.NYTimes.com/2024/x", "nytimes.com", "The New York Times"),
        ("https://news.un.org/en/story", "news.un.org", "UN News"),
        ("//www.bbc.co.uk/news", "bbc.co.uk", "BBC News"),
        ("https://blog.example.org:8080/p", "blog.example.org", "blog.example.org"),
        ("http://[::1", None, None),  # unparseable: no exception
        ("not a url", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_domain_and_outlet(url: str | None, domain: str | None, outlet: str | None) -> None:
    assert domain_of(url) == domain
    assert outlet_from_url(url) == outlet


# --------------------------------------------------------------------------- junk and safety


@pytest.mark.parametrize("html", ["", "   \n\t ", "<html></html>", "<!-- only a comment -->"])
def test_empty_pages_raise(html: str) -> None:
    with pytest.raises(ValueError, match=NO_TEXT_MESSAGE):
        extract_html(html)


def test_only_navigation_raises() -> None:
    nav = "<nav><ul>" + "".join(f'<li><a href="/{i}">Section {i}</a></li>' for i in range(20))
    with pytest.raises(ValueError, match=NO_TEXT_MESSAGE):
        extract_html(_page(nav + "</ul></nav>"))


def _valueerror_or_sane(html: str) -> Draft | None:
    try:
        draft = extract_html(html)
    except ValueError:
        return None
    _assert_sane(draft)
    return draft


def test_binary_garbage() -> None:
    rng = random.Random(1234)
    garbage = bytes(rng.randrange(256) for _ in range(50_000)).decode("latin-1")
    _valueerror_or_sane(garbage)
    _valueerror_or_sane("\x00\x01\x02<p>\x00" + "\ufffe\udcff" * 100)


def test_deeply_nested_divs() -> None:
    deep = _page("<div>" * 5000 + PARAGRAPH * 3 + "</div>" * 5000)
    _valueerror_or_sane(deep)


def test_moderately_deep_junk_does_not_hide_the_article() -> None:
    # libxml2 stops at 256 levels by default, dropping everything after; the page is re-read.
    html = _page("<div>" * 400 + "x" + "</div>" * 400 + "<article>" + PARAGRAPH * 3 + "</article>")
    draft = _valueerror_or_sane(html)
    assert draft is not None
    assert "quick brown fox" in draft.text


def test_malformed_markup() -> None:
    draft = _valueerror_or_sane("<html><body><div><p>" + "Unclosed text, " * 20 + "<div><b><i>")
    assert draft is not None
    assert "Unclosed text" in draft.text


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    html = (
        '<?xml version="1.0"?>'
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<html><body><p>before &xxe; after</p>{PARAGRAPH * 3}</body></html>"
    )
    draft = _valueerror_or_sane(html)
    assert draft is not None
    assert "TOP-SECRET" not in draft.text


def test_non_string_input_is_rejected() -> None:
    with pytest.raises(TypeError):
        extract_html(b"<p>bytes</p>")  # type: ignore[arg-type]


def test_one_megabyte_page_is_fast() -> None:
    html = (FIXTURES / "saved_news_page.html").read_text(encoding="utf-8")
    teasers = "".join(
        f'<li class="teaser"><a href="/story/{i}">Teaser headline {i} about other news</a>'
        f"<span>{i} minutes ago</span></li>"
        for i in range(4000)
    )
    padding = (
        f'<div class="more-news"><ul>{teasers}</ul></div>'
        f"<script>var state = {{'blob': '{'x' * 400_000}'}};</script>"
        f"<style>{'.c{color:red}' * 20_000}</style>"
    )
    big = html.replace('<main id="content">', padding + '<main id="content">')
    assert len(big.encode("utf-8")) > 1_000_000
    start = time.perf_counter()
    draft = extract_html(big)
    elapsed = time.perf_counter() - start
    assert "coltan" in draft.text
    assert "Teaser headline" not in draft.text
    assert elapsed < 1.0, f"took {elapsed:.2f} s"


# --------------------------------------------------------------------------- corpus


# Thresholds sit just below the measured figures (mean 0.973; min 0.829 on yahoo-2, where
# the only text missed is a photo-slideshow caption) so that regressions fail.
MIN_MEAN_F1 = 0.97
MIN_PAGE_F1 = 0.82
MIN_TITLES_RIGHT = 29


@pytest.mark.corpus
def test_web_page_corpus() -> None:
    if not WEB_PAGES_DIR.is_dir():
        pytest.skip(f"corpus not found at {WEB_PAGES_DIR}")
    cases = load_cases()
    if not cases:
        pytest.skip(f"no cases under {WEB_PAGES_DIR}")
    scores: dict[str, float] = {}
    titles_right = 0
    for case in cases:
        draft = extract_html(case.source)
        _assert_sane(draft)
        scores[case.name] = token_f1(draft.text, case.expected_text)
        titles_right += title_matches(draft.title, case.metadata.get("title"))
    worst = min(scores, key=scores.__getitem__)
    mean = statistics.fmean(scores.values())
    assert mean >= MIN_MEAN_F1, f"mean token F1 {mean:.4f}"
    assert scores[worst] >= MIN_PAGE_F1, f"{worst}: token F1 {scores[worst]:.4f}"
    assert titles_right >= min(MIN_TITLES_RIGHT, len(cases) - 1), f"titles {titles_right}"
