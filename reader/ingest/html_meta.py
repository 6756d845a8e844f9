"""Page metadata of a saved web page: title, byline, date, language, URL and source.

This module owns reading what a parsed HTML page says about itself, from ``<meta>``
tags (Open Graph, Twitter, Dublin Core, Parsely, ...), schema.org JSON-LD (read as data,
never run), microdata, ``<link rel=canonical>``, ``<time datetime>``, bylines in the
page body, and the ``<title>`` and ``<h1>`` (with site and section names stripped).
The one entry point is :func:`page_metadata`; the article text is
:mod:`reader.ingest.html`'s business.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs
import lxml.html  # type: ignore[import-untyped]  # lxml ships no stubs

from reader.ingest.blocks import norm_space
from reader.ingest.dates import parse_date
from reader.ingest.urls import domain_of, outlet_from_url

__all__ = ["PageMetadata", "page_metadata", "text_key"]


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself; ``None`` (or ``""`` for the title) when it says nothing."""

    title: str
    byline: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    language: str | None  # two-letter code
    url: str | None
    source: str | None  # the site's name, else its outlet name or domain


def text_key(text: str) -> str:
    """A comparison key: lowercase words only."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# --------------------------------------------------------------------------- meta and JSON-LD

_Meta = dict[str, list[str]]  # <meta> values by lowercased name


def _meta_map(root: lxml.html.HtmlElement) -> _Meta:
    """``<meta>`` values keyed by lowercased property / name / itemprop / http-equiv."""
    found: _Meta = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("value")
        content = norm_space(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            names = meta.get(attr)
            if not names:
                continue
            for name in names.lower().split():
                found.setdefault(name, []).append(content)
    return found


def _first(meta: _Meta, *names: str) -> str | None:
    for name in names:
        for value in meta.get(name, ()):
            if value:
                return value
    return None


_ARTICLE_TYPES = frozenset(
    """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle blogposting socialmediaposting liveblogposting
    techarticle scholarlyarticle report review webpage creativework""".split()
)


# Comment or CDATA wrappers some pages put around JSON-LD.
_LD_WRAPPER_START = re.compile(r"^\s*(?:(?://|/\*)?\s*<!\[CDATA\[|<!--)(?:\s*\*/)?")
_LD_WRAPPER_END = re.compile(r"(?:(?://|/\*)\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$")


def _json_ld_objects(root: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object found in ``application/ld+json`` scripts (data only, never run)."""
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > 2_000_000:
            continue
        raw = _LD_WRAPPER_START.sub("", raw, count=1)
        raw = _LD_WRAPPER_END.sub("", raw, count=1)
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        seen = 0
        while stack and seen < 500:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return objects


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower().rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _json_ld_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object that most looks like the article (articles before web pages)."""
    best: dict[str, Any] = {}
    best_rank = 99
    for obj in objects:
        types = _types(obj) & _ARTICLE_TYPES
        if not types:
            continue
        rank = 1 if types <= {"webpage", "creativework"} else 0
        if rank < best_rank:
            best, best_rank = obj, rank
    return best


def _ld_str(value: Any) -> str | None:
    if isinstance(value, str):
        return norm_space(value) or None
    if isinstance(value, list) and value:
        return _ld_str(value[0])
    if isinstance(value, dict):
        return _ld_str(value.get("@value") or value.get("name"))
    return None


def _ld_names(value: Any) -> list[str]:
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            names.append(norm_space(item))
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, str):
                names.append(norm_space(name))
            elif isinstance(name, list):
                names.extend(norm_space(n) for n in name if isinstance(n, str))
    return [n for n in names if n]


# --------------------------------------------------------------------------- titles

_URLISH = re.compile(r"^(?:https?:)?//|^www\.", re.I)
# Separators that typically join a headline with a site or section name.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", " \\ ", " > ")


def _is_site_name(part: str, keys: set[str]) -> bool:
    key = text_key(part)
    if not key:
        return False
    if key in keys:
        return True
    # "Daily Mail Online" vs site name "Mail Online", "BBC News" vs domain "bbc.com"
    return len(key.split()) <= 5 and any(k in key or key in k for k in keys if len(k) >= 3)


def _strip_site_name(title: str, site_names: Iterable[str]) -> str:
    """Drop a known site-name prefix or suffix like " - BBC News" or " | The Guardian"."""
    title = norm_space(title)
    keys = {text_key(name) for name in site_names if text_key(name)}
    if not keys:
        return title
    changed = True
    while changed:
        changed = False
        for sep in _TITLE_SEPARATORS:
            if sep not in title:
                continue
            head, _, tail = title.rpartition(sep)
            first, _, rest = title.partition(sep)
            if head.strip() and _is_site_name(tail, keys):
                title, changed = head.strip(), True
            elif rest.strip() and _is_site_name(first, keys):
                title, changed = rest.strip(), True
            if changed:
                break
    return title


def _heuristic_title(title: str) -> str:
    """Strip a short trailing (or leading) site or section name from a <title>."""
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = title.split(sep)
        head, tail = parts[0].strip(), parts[-1].strip()
        without_tail = sep.join(parts[:-1]).strip()
        without_head = sep.join(parts[1:]).strip()
        if len(tail.split()) <= 4 and len(without_tail.split()) >= 3:
            return without_tail
        if len(head.split()) <= 3 and len(without_head.split()) >= 4:
            return without_head
    return title


def _absolute_url(value: str | None) -> str | None:
    value = norm_space(value)
    if not value:
        return None
    if value.startswith("//"):
        value = "https:" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme in ("http", "https") and parts.hostname:
        return value
    return None


_LANG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$", re.I)


def _language(*values: str | None) -> str | None:
    for value in values:
        value = norm_space(value)
        match = _LANG.match(value)
        if match:
            return match.group(1).lower()
    return None


_BYLINE_PREFIX = re.compile(r"^(?:by|par|von|por|door|di|av|af)\s*[:\-]?\s+", re.I)
_BYLINE_FEATURE = re.compile(r"byline|author|writer|creator|dateline", re.I)
# Parts of a page whose "author" elements belong to other stories or to comments.
_NOT_ARTICLE = re.compile(
    r"comment|follow|related|recirc|sidebar|promo|footer|\bnav|aside|\brail|popular|"
    r"trending|recommend|newsletter|share|social|teaser|more-?stories",
    re.I,
)
_NOT_ARTICLE_TAGS = frozenset({"aside", "nav", "footer", "form"})
# Trailing "1 day ago", "16 November 2017 • 2:15pm", "Updated ..." and similar.
_BYLINE_TAIL = re.compile(
    r"\s+(?:\d+\s+\w+\s+ago|updated\b|published\b|\d{1,2}[\s/.-]\w+[\s/.-]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}\b).*$",
    re.I,
)


def _clean_byline(value: str | None) -> str | None:
    value = norm_space(value)
    if not value or _URLISH.match(value) or ("@" in value and " " not in value):
        return None
    value = _BYLINE_PREFIX.sub("", value).strip(" ,;|-•")
    if not value or len(value) > 120 or not re.search(r"[^\W\d_]", value):
        return None
    return value


def _join_names(names: Iterable[str]) -> str | None:
    unique: list[str] = []
    for name in names:
        cleaned = _clean_byline(name)
        if cleaned and cleaned.casefold() not in (u.casefold() for u in unique):
            unique.append(cleaned)
    return ", ".join(unique) if unique else None


def _in_article_area(el: lxml.html.HtmlElement) -> bool:
    """False for elements in navigation, asides, comments, related stories and the like."""
    chain = [el, *el.iterancestors()]
    # A <footer> inside an <article> or <main> is the article's own (author box, notes).
    in_article = any(node.tag in ("article", "main") for node in chain)
    for node in chain:
        features = f"{node.get('class', '')} {node.get('id', '')}"
        if in_article and (node.tag == "footer" or "footer" in features.lower()):
            continue
        if node.tag in _NOT_ARTICLE_TAGS or _NOT_ARTICLE.search(features):
            return False
    return True


def _features(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')} {el.get('rel', '')}"


def _element_byline(root: lxml.html.HtmlElement) -> str | None:
    """A byline from the page body: itemprop=author, rel=author, then byline/author classes."""
    # 1. schema.org microdata
    for el in root.iterfind(".//*[@itemprop]"):
        if "author" not in el.get("itemprop", "").lower().split():
            continue
        if not _in_article_area(el):
            continue
        name_el = next(
            (n for n in el.iterfind(".//*[@itemprop]") if n.get("itemprop") == "name"), None
        )
        value = el.get("content") or (
            (name_el.get("content") or name_el.text_content()) if name_el is not None else None
        )
        name = _clean_byline(value or el.text_content())
        if name and len(name.split()) <= 6:
            return name
    # 2. rel=author links
    for link in root.iterfind(".//a[@rel]"):
        if "author" in link.get("rel", "").lower().split() and _in_article_area(link):
            name = _clean_byline(link.text_content())
            if name and len(name.split()) <= 6:
                return name
    # 3. the innermost elements whose class or id says byline / author
    matches = [
        el
        for el in root.iter(lxml.etree.Element)
        if el.tag not in ("meta", "link", "script", "style", "input", "img")
        and _BYLINE_FEATURE.search(_features(el))
    ]
    outer: set[lxml.html.HtmlElement] = set()  # matches that contain another match
    for el in matches:
        for ancestor in el.iterancestors():
            if ancestor in outer:
                break
            outer.add(ancestor)
    for el in matches:
        if el in outer or not _in_article_area(el):
            continue
        name = _clean_byline(_BYLINE_TAIL.sub("", norm_space(el.text_content())))
        if name and len(name.split()) <= 6 and any(len(w) > 1 for w in name.split()):
            return name
    return None


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href")
    return None


def _time_datetime(root: lxml.html.HtmlElement) -> str | None:
    """The publication <time datetime>: one marked as such, else the first in the article."""
    first: str | None = None
    for el in root.iter("time"):
        value = el.get("datetime")
        if not value:
            continue
        if el.get("pubdate") is not None or "datepublished" in (el.get("itemprop") or "").lower():
            return value
        if first is None and _in_article_area(el):
            first = value
    return first


# --------------------------------------------------------------------------- the fields

# Further <meta> names for the publication date, most specific first.
_DATE_META = """datepublished date pubdate publishdate publish-date publish_date dc.date
    dc.date.issued dcterms.date dcterms.created dcterms.issued sailthru.date parsely-pub-date
    article.published article_date_original cxenseparse:recs:publishtime""".split()


def _published(root: lxml.html.HtmlElement, meta: _Meta, ld: dict[str, Any]) -> str | None:
    for value in (
        _first(meta, "article:published_time", "og:published_time"),
        _ld_str(ld.get("datePublished")),
        _first(meta, *_DATE_META),
        _time_datetime(root),
        _ld_str(ld.get("dateCreated")),
    ):
        published = parse_date(value)
        if published:
            return published
    return None


def _byline(root: lxml.html.HtmlElement, meta: _Meta, ld: dict[str, Any]) -> str | None:
    return (
        _join_names(meta.get("author", []))
        or _join_names(_ld_names(ld.get("author")))
        or _join_names(meta.get("article:author", []) + meta.get("og:article:author", []))
        or _join_names(
            meta.get("parsely-author", [])
            + meta.get("sailthru.author", [])
            + meta.get("dc.creator", [])
            + meta.get("byl", [])
        )
        or _element_byline(root)
    )


def _source(meta: _Meta, url: str | None) -> str | None:
    """og:site_name without its tagline, else the outlet named by the URL's domain."""
    site_name = _first(meta, "og:site_name")
    if site_name and _URLISH.match(site_name):
        site_name = outlet_from_url(site_name if "//" in site_name else "//" + site_name)
    if site_name:
        # "Aktuálně.cz - Víte, co se právě děje": keep the name, not the tagline.
        for sep in (" | ", " - ", " – ", " — ", " : "):
            site_name = site_name.split(sep, 1)[0].strip() or site_name
    return site_name or outlet_from_url(url)


def _title(
    root: lxml.html.HtmlElement, meta: _Meta, ld: dict[str, Any], site_names: list[str]
) -> str:
    """Headline from JSON-LD / og / twitter / meta, else a cleaned <title>, else <h1>."""
    keys = {text_key(n) for n in site_names if n}
    title_el = root.find(".//title")
    doc_title = norm_space(title_el.text_content()) if title_el is not None else ""
    h1s = [text for text in (norm_space(h.text_content()) for h in root.iter("h1")) if text]

    for candidate in (
        _ld_str(ld.get("headline")),
        _first(meta, "og:title"),
        _first(meta, "twitter:title"),
        _first(meta, "dc.title", "title", "headline", "sailthru.title", "parsely-title"),
    ):
        if not candidate:
            continue
        title = _strip_site_name(candidate, site_names)
        if len(title) >= 3 and not _is_site_name(title, keys):
            return title
    if doc_title:
        title = _strip_site_name(doc_title, site_names)
        if title == doc_title:
            title = _heuristic_title(title)
        # A <title> cut short: the page's main heading says it in full.
        for h1 in h1s:
            if len(h1) > len(title) and text_key(h1).startswith(text_key(title)):
                return h1
        return title
    return h1s[0] if h1s else ""


# --------------------------------------------------------------------------- public API


def page_metadata(root: lxml.html.HtmlElement, url: str | None = None) -> PageMetadata:
    """Everything the parsed page ``root`` says about itself.

    ``url`` is where the page came from, when known; it wins over the page's canonical
    URL. Only reads the tree, never changes it.
    """
    meta = _meta_map(root)
    ld = _json_ld_article(_json_ld_objects(root))
    page_url = (
        norm_space(url)
        or _absolute_url(_canonical(root))
        or _absolute_url(_first(meta, "og:url", "twitter:url"))
    )
    publisher = ld.get("publisher")
    site_name = _first(meta, "og:site_name", "application-name") or _ld_str(
        publisher.get("name") if isinstance(publisher, dict) else None
    )
    source = _source(meta, page_url)
    html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return PageMetadata(
        title=_title(root, meta, ld, [site_name or "", source or "", domain_of(page_url) or ""]),
        byline=_byline(root, meta, ld),
        published=_published(root, meta, ld),
        language=_language(
            html_lang,
            _first(meta, "content-language", "language", "dc.language"),
            _first(meta, "og:locale"),
            _ld_str(ld.get("inLanguage")),
        ),
        url=page_url,
        source=source,
    )
