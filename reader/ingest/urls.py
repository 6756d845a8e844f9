"""What a URL says about an article: the outlet's name and a date in its path."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from urllib.parse import SplitResult, urlsplit

from reader.resources import resource_path

_DATE_PATH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)")


@cache
def _outlets() -> dict[str, str]:
    path = resource_path("outlets.json")
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # an unclosed IPv6 bracket: "http://[::1"
        return None


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or ``None`` when it has none."""
    parts = _split(url) if url else None
    host = (parts.hostname or "") if parts else ""
    return host.lower().removeprefix("www.") or None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name for well-known domains, else the bare domain."""
    host = domain_of(url)
    if host is None:
        return None
    names = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = names.get(".".join(parts[i:]))
        if name:
            return name
    return host


def date_from_url(url: str) -> str | None:
    """An ISO date from a ``/YYYY/M/D/`` path segment, when it is a real date."""
    parts = _split(url)
    m = _DATE_PATH.search(parts.path) if parts else None
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
