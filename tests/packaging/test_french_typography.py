"""French typography in the shipped translation: a no-break space (or a narrow one) before
: ; ? ! and inside « », typographic apostrophes, no English quotes around words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from helpers.paths import ROOT

TS = ROOT / "resources" / "translations" / "fieldreader_fr.ts"
NO_BREAK = "\u00a0\u202f"
#: What needs no space before it: a time (14:03), a URL's ``://``, a file filter's ``;;``.
EXEMPT = re.compile(r"\d:\d|://|;;|\(\*[^)]*\)|\*\.\w+")


def _translations() -> list[tuple[str, str, str]]:
    """``(context, source, translation)`` of every live message."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") in ("vanished", "obsolete", "unfinished"):
                continue
            out.append((name, message.findtext("source", ""), "".join(tr.itertext())))
    return out


def typography_problems(text: str) -> list[str]:
    """What is wrong with the French typography of ``text`` (markup and filters ignored)."""
    plain = EXEMPT.sub("", re.sub(r"<[^>]+>", "", text))
    found = []
    for i, char in enumerate(plain):
        if char in ":;?!" and (i == 0 or plain[i - 1] not in NO_BREAK):
            found.append(f"no no-break space before {char!r}")
    if re.search("«[^" + NO_BREAK + "]", plain) or re.search("[^" + NO_BREAK + "]»", plain):
        found.append("« » without no-break spaces")
    if "'" in plain:
        found.append("a straight apostrophe")
    if "\u201c" in plain or "\u201d" in plain:
        found.append("English quotes")
    return found


def test_the_check_notices_bad_typography() -> None:
    assert typography_problems("Exporter :") == ["no no-break space before ':'"]
    assert typography_problems("« test »") == ["« » without no-break spaces"]
    assert typography_problems("l'article") == ["a straight apostrophe"]
    assert typography_problems("Codé dans \u201c{0}\u201d") == ["English quotes"]
    assert typography_problems("Exporter\u00a0: «\u00a0x\u00a0»\u202f; l’article") == []
    assert typography_problems("Tous les fichiers (*.json);;Paquet (*.fieldpack)") == []
    assert typography_problems("à 14:03") == []


def test_every_french_string_follows_french_typography() -> None:
    bad = []
    for context, source, text in _translations():
        if '"' in source and '"' in text:
            text = text.replace('"', "")  # the search syntax's straight quotes stay
        problems = typography_problems(text)
        if problems:
            bad.append(f"[{context}] {source!r}: {', '.join(problems)}")
    assert bad == []
