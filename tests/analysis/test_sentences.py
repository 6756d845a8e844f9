"""Sentence splitting with offsets, robust to abbreviations, initials and decimals."""

from __future__ import annotations

from reader.analysis.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_initials_and_decimals() -> None:
    text = (
        "The U.S. offered Dr. Amani a deal worth 4.6 billion. J. D. Vance met Gen. Ellis on "
        'Jan. 5 in Kyiv. "Is it fair?" she asked. The talks ended.'
    )
    assert _sentences(text) == [
        "The U.S. offered Dr. Amani a deal worth 4.6 billion.",
        "J. D. Vance met Gen. Ellis on Jan. 5 in Kyiv.",
        '"Is it fair?" she asked.',
        "The talks ended.",
    ]


def test_abbreviation_at_end_of_sentence_before_an_opener() -> None:
    assert _sentences("Aid came from the U.S. The fighting went on.") == [
        "Aid came from the U.S.",
        "The fighting went on.",
    ]


def test_paragraphs_always_break_and_offsets_are_exact() -> None:
    text = "First para without stop\n\nSecond para. Two sentences"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "First para without stop",
        "Second para.",
        "Two sentences",
    ]


def test_lowercase_continuation_is_not_a_break() -> None:
    assert _sentences("He said approx. ten people. Then left.") == [
        "He said approx. ten people.",
        "Then left.",
    ]
