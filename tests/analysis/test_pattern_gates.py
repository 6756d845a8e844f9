"""The previous-word conditions of the context patterns rule out only searches that fail.

:func:`reader.analysis.pattern_gates.last_words` reads, from a pattern that ends its text,
the endings the word before a name must have for the pattern to match. Checked here: what
it reads from patterns of known shapes, that it gives up on shapes it cannot read exactly,
and, for every gated pattern of every shipped language, that no text the pattern matches
is ruled out (invented contexts and random strings made of the pieces that matter).
"""

from __future__ import annotations

import random
import re

import pytest

from reader.analysis.corrections import Corrections
from reader.analysis.entities import Extractor
from reader.analysis.languages import available_languages, load_language
from reader.analysis.name_forms import previous_word
from reader.analysis.name_patterns import compiled
from reader.analysis.pattern_gates import last_words

GATED = ("armed_before", "place_of", "org_at", "team_before")


def _passes(endings: tuple[str, ...] | None, before: str) -> bool:
    """The check :class:`reader.analysis.name_rules.NameRules` makes before searching."""
    word = previous_word(before).lower()
    return endings is None or not word.isascii() or word.endswith(endings)


@pytest.mark.parametrize(
    ("pattern", "flags", "endings"),
    [
        (r"\b(?:town|city)\s+of\s+$", 0, ("of",)),
        (r"\b(?:analysts?|chief)\s+AT\s+$", re.IGNORECASE, ("at",)),
        (
            r"\b(?:rebel|armed)\s+(?:group|movement)s?\s+(?:the\s+)?$",
            0,
            ("group", "groups", "movement", "movements", "the"),
        ),
        (
            r"\b(?:(?:rebel|armed)\s+(?:group|movement)s?|militia)\s+(?:the\s+)?$",
            0,
            ("group", "groups", "militia", "movement", "movements", "the"),
        ),
        (r"\b(?:beat|lost(?:\s+\d-\d)?\s+to)\s+$", 0, ("beat", "to")),
        (r"(?<![\w-])(?:north|north-eastern)\s+$", 0, ("north", "north-eastern")),
        (r"\bM\.\s+$", 0, ("m",)),
        (r"\bcount(?:y|ies)\s+$", 0, ("counties", "county")),
    ],
)
def test_endings_are_read_off_the_pattern(
    pattern: str, flags: int, endings: tuple[str, ...]
) -> None:
    assert last_words(re.compile(pattern, flags)) == endings


@pytest.mark.parametrize(
    "pattern",
    [
        r"\s+(?:rebels?|militias?)\b",  # does not end the text
        r"(?:[A-Z][\w'-]*\s+){1,3}$",  # ends with a class of letters
        r"\b(?:de|du)\s+l['’]\s*$",  # ends with an apostrophe
        r"\b(?:à|au)\s+$",  # letters outside ASCII
        r"\b(?i:town)\s+$",  # a scoped flag
        r"\b\w+\s+$",  # any word
        r"(?:of\s+)?$",  # may end with nothing
    ],
)
def test_gives_up_on_what_it_cannot_read(pattern: str) -> None:
    assert last_words(re.compile(pattern)) is None


def _contexts(endings: tuple[str, ...], pattern: re.Pattern[str]) -> list[str]:
    """Contexts made of the pattern's own words before each ending, in several spellings."""
    lead = sorted(set(re.findall(r"[^\W\d_]+", pattern.pattern)))[:60]
    words = sorted({*endings, "of", "the", "at", "group", "rebel", "town", "to"})
    tails = (" ", "  ", "\n", " \u00a0", ", ", ". ", "")
    heads = ("", "the ", "pro-", "x", "1", "_", "'", "é", "ſ", "İ", "K")
    out = []
    for word in words:
        for variant in (word, word.upper(), word.capitalize(), word + "s"):
            for head in heads:
                for tail in tails:
                    out.append(f"{head}{variant}{tail}")
            for first in lead:
                out.append(f"{first} {variant} ")
                out.append(f"{first.upper()} {variant.upper()} ")
                out.append(f"{first}s {variant} the ")
    return out


@pytest.mark.parametrize("code", available_languages())
def test_no_match_is_ruled_out(code: str) -> None:
    c = compiled(load_language(code))
    rng = random.Random(19)
    for key in GATED:
        pattern = getattr(c, key)
        if pattern is None:
            continue
        endings = getattr(c, f"{key}_end")
        assert endings == last_words(pattern)
        if endings is None:
            continue
        pieces = [*endings, " ", "  ", "\n", ",", ".", "-", "the", "of", "x", "é", "ſ", "İ"]
        pieces += re.findall(r"[^\W\d_]+", pattern.pattern)[:40]
        samples = _contexts(endings, pattern)
        samples += [
            "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(4000)
        ]
        matched = 0
        for before in samples:
            before = before[-48:]
            if pattern.search(before):
                matched += 1
                assert _passes(endings, before), (code, key, before)
        assert matched > 20, (code, key)  # the samples do reach the pattern


def test_english_gates_rule_out_ordinary_contexts() -> None:
    c = compiled(load_language("en"))
    assert c.org_at_end == ("at",)
    assert c.place_of_end == ("of",)
    assert not _passes(c.org_at_end, "said the company's ")
    assert _passes(c.org_at_end, "economists at ")
    assert _passes(c.armed_before_end, "the pro-militia ")


def test_remembered_words_give_the_same_mentions() -> None:
    """The rules remember what they worked out about words between texts: a text
    extracted after others (which filled the memory) gives what it gives alone."""
    texts = [
        "Foreign Minister Jane Okoro met analysts at Berenberg in Nairobi on Monday.",
        "Jane Okoro said the Senate would vote. Okoro later left for Paris.",
        "Analysts at Berenberg said shares of Acme Mining rose. The Senate met.",
        "Monday was quiet. Vice President Amara Diallo spoke to the rebel group M23.",
    ]
    alone = [Extractor(corrections=Corrections()).extract(t, "en") for t in texts]
    shared = Extractor(corrections=Corrections())
    for _ in range(2):
        assert [shared.extract(t, "en") for t in texts] == alone
        assert [shared.extract(t, "en") for t in reversed(texts)] == alone[::-1]
