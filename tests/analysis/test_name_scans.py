"""The quick scans of the name rules and of figures find what the plain patterns find.

:meth:`reader.analysis.name_patterns.Compiled.tokens` skips to the characters a token can
begin with (read off the pattern by :func:`reader.analysis.pattern_gates.first_chars`);
the figures' candidate starts skip letters that begin no money. Checked here: what
``first_chars`` reads from known shapes and where it gives up, and, for every shipped
language, that the scans give exactly what the patterns give on invented and random texts.
"""

from __future__ import annotations

import random

import pytest

from reader.analysis.figures import _FIRST, _matches
from reader.analysis.figures import _compiled as figure_patterns
from reader.analysis.languages import available_languages, load_language
from reader.analysis.name_patterns import compiled
from reader.analysis.pattern_gates import first_chars

TEXTS = (
    "Le ministre a rencontré l’Ouganda et d'Abidjan, puis Jean-L’Ouganda et qu’Untel.",
    "Omar al-Bashir met Ali bin-Salman, A. B. Smith and the U.S. envoy in gas-Fired plants.",
    "Park Ji-hoon of Saint-Jean-de-Maurienne, N’Djamena and O'Brien said on Monday.",
    "Андрій Пишний і Дем'яненко, аль-Асад та ібн-Сауд; Jan Jambon in Brussels.",
    "It cost US$5 million, USD 40m, A$3bn, HK$10, CHF 3, EUR5 and 7,000 people; 5% of ZAR.",
)
_PIECES = ("al-", "l’", "d'", "A", "B.", "é", "Ji-hoon", " ", "-", "’", "x", "Z", "$", "9", "\n")


def _random_texts(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 30))) for _ in range(count)]


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"(?:al\-|el\-|ibn\-)[A-Z]\w*", "aei"),
        (r"(?!L['’][A-Z])[A-C]\.(?=\s)", "ABC"),
        (r"\bZ|x+y", "Zx"),
        (r"(b)c", "b"),
    ],
)
def test_first_chars_are_read_off_the_pattern(pattern: str, chars: str) -> None:
    assert first_chars(pattern) == frozenset(chars)


@pytest.mark.parametrize("pattern", [r"a?b", r"(?i)ab", r"\w+", r"(?:a|)", r"(?=a)", r"[^a]"])
def test_first_chars_gives_up_on_what_it_cannot_tell(pattern: str) -> None:
    assert first_chars(pattern) is None


@pytest.mark.parametrize("code", available_languages())
def test_token_scan_finds_what_the_token_pattern_finds(code: str) -> None:
    c = compiled(load_language(code))
    assert all(scan is not None for scan in c._scans)  # the quick scans are in use
    for text in (*TEXTS, *_random_texts(19, 3000)):
        assert c.tokens(text) == [m.span() for m in c.token.finditer(text)], text


@pytest.mark.parametrize("code", available_languages())
def test_figure_starts_keep_every_figure(code: str) -> None:
    patterns = figure_patterns(load_language(code))
    for text in (*TEXTS, *_random_texts(23, 3000)):
        expected = [m.span() for m in patterns.pattern.finditer(text)]
        assert [m.span() for m in _matches(text, patterns)] == expected, text


def test_letters_start_figures_only_before_money() -> None:
    text = "Congo, HK$10, USDA and EUR 5"
    starts = [text[m.start() : m.start() + 3] for m in _FIRST.finditer(text)]
    assert starts == ["HK$", "USD", "EUR", "5"]
