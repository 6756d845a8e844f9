"""Markdown articles (``.md``): YAML front matter, else the first ``#`` heading as title.

Front matter keys read: ``title``, ``date`` (or ``published``), ``source``, ``url``,
``tags`` (list or comma-separated), ``byline`` (or ``author``), ``language``. A date is
read in any language with data (``date: 5 mars 2025``), day first unless the front matter
says ``language: en``. The body is rendered with python-markdown and reduced to canonical
text and blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import markdown
import yaml

from reader.ingest.blocks import fragment_blocks
from reader.ingest.dates import parse_date
from reader.ingest.plaintext import title_from_text
from reader.ingest.urls import date_from_url, outlet_from_url
from reader.library.draft import Draft

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (``{}`` when none) and the body after it."""
    m = _FRONT.match(text)
    if m is None:
        return {}, text
    try:
        meta = yaml.safe_load(m[1])
    except yaml.YAMLError as exc:
        raise ValueError(f"the front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ValueError("the front matter is not a set of key: value lines")
    return meta, text[m.end() :]


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    value = str(value).strip()
    return value or None


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(t).strip() for t in items if str(t).strip()]


def _date(value: Any, language: str | None) -> str | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return parse_date(value.isoformat())  # the same range as every other date
    return parse_date(str(value), language) if value is not None else None


def parse_markdown(text: str, *, filename: str = "") -> Draft:
    """Build a :class:`Draft` from the decoded contents of a Markdown file."""
    meta, body = split_front_matter(text)
    meta = {str(k).lower(): v for k, v in meta.items()}
    title = _str(meta.get("title"))
    if title is None:
        m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", body, re.MULTILINE)
        if m:
            title = m[1].strip()
            body = body[: m.start()] + body[m.end() :]
    html = markdown.markdown(body, extensions=["tables", "fenced_code", "footnotes"])
    canonical, blocks = fragment_blocks(html)
    if not canonical:
        raise ValueError("the file holds no text")
    url = _str(meta.get("url") or meta.get("link"))
    language = _str(meta.get("language") or meta.get("lang"))
    published = _date(meta.get("date") or meta.get("published"), language)
    if published is None and url:
        published = date_from_url(url)
    return Draft(
        title=title or title_from_text(canonical),
        text=canonical,
        byline=_str(meta.get("byline") or meta.get("author")),
        source=_str(meta.get("source")) or (outlet_from_url(url) if url else None),
        url=url,
        published=published,
        language=language,
        tags=_tags(meta.get("tags")),
        blocks=blocks,
        format="md",
    )
