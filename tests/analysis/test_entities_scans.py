"""The shortcuts extraction takes to scan less of a text find exactly what a full scan finds.

Figures are tried only where one may start (a digit, a currency sign or code, a number
word before a scale); datelines only where lines start; URLs only in texts that have
"http" or "www.". Each is checked here against the plain ``finditer`` of the same pattern,
on invented texts in every shipped language and on random strings made of the pieces
that matter (signs, digits, scale and number words, separators, line breaks).
"""

from __future__ import annotations

import random

import pytest

from reader.analysis import entities, figures
from reader.analysis.languages import available_languages, load_language

TEXTS = (
    "US$40m and HK$ 3.5 billion, then NZ$1,200; A$5 and C$7, USD 40m, EUR 12 and CHF 3.",
    "Some 450,000 people fled; 12 civilians died and 1,300 km of road and 4.6 million tonnes.",
    "Inflation hit 7.5 per cent, up from 70% in 1987 (the 3-1 win), 2 million voters said.",
    "Deux millions de personnes, 500 milliards de dollars, 7 000 morts et 70 % des votes.",
    "Трикутник: два мільйони людей, 300 тисяч осіб, п’ять мільярдів гривень, ₴40.",
    "Пять миллионов человек и 20 тысяч беженцев, сто миллиардов рублей.",
    "a1 $2 x/3 .4 ,5 -6 £7 €8 ¥9 ₴10 USD11 usd12 U.S.$13 U.S. $14 Seventeen thousand.",
    "NAIROBI, March 3 (Reuters) - Talks began.\nGOMA, 8 février 2025 — La ville.\n",
    "  WASHINGTON (Reuters) - A bill.\nJEDDAH, Saudi Arabia/KHARTOUM, Aug 2 (Reuters) - Done.",
    "КИЇВ, 3 березня — Уряд.\nSee https://example.org/x and www.example.net today.",
)
# The pieces, separated by "|".
_PIECES = (
    "1|12|1,000|2 000|3.5|0,5|$|€|£|¥|₴|US|U.S.|HK|NZ|A|C|USD|EUR|CHF|UAH|CDF|ZAR|GBP| |  |\n|\t"
    "|.|,|-|/|%| per cent| pour cent|a|x|é|_|deux|Deux|un|une|mille|million|millions|milliards"
    "|billion|thousand|bn|people|personnes|morts|dollars|de |d’|km|tonnes|два|п’ять|мільйонів"
    "|тисяч|людей|пять|миллионов|человек|GOMA|NAIROBI|(Reuters)|(AFP)| - |—|March 3|http://a.b"
    "|www.c|КИЇВ"
).split("|")


def _random_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(_PIECES, k=rnd.randint(1, 30))) for _ in range(count)]


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(*m.span(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", available_languages())
def test_figures_are_tried_only_where_they_can_start_and_found_the_same(code: str) -> None:
    compiled = figures._compiled(load_language(code))
    texts = [*TEXTS, *_random_texts(3000, seed=len(code) + ord(code[0]))]
    for text in texts:
        expected = _spans(compiled.pattern.finditer(text))
        assert _spans(figures._matches(text, compiled)) == expected, text


def test_datelines_are_tried_only_where_lines_start_and_found_the_same() -> None:
    for text in (*TEXTS, *_random_texts(5000, seed=19)):
        expected = [(*m.span(), *m.span("place")) for m in entities._DATELINE.finditer(text)]
        found = [(*m.span(), *m.span("place")) for m in entities._datelines(text)]
        assert found == expected, text


def test_a_text_without_http_or_www_has_no_url() -> None:
    for text in (*TEXTS, *_random_texts(5000, seed=23)):
        if "http" not in text and "www." not in text:
            assert entities._URL.search(text) is None, text
