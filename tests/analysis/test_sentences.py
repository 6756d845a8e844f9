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


def _french(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, "fr")]


def test_french_abbreviations_and_east() -> None:
    text = (
        "Les combats ont repris dans l'Est. Le conseiller de M. Kalume et Mme Diallo a parlé "
        "au Dr Mukwege. Voir l'art. 12 de la loi, cf. le rapport. Les rois sont morts av. "
        "J.-C. Le reste suivit, etc. Les autres ont fui."
    )
    assert _french(text) == [
        "Les combats ont repris dans l'Est.",
        "Le conseiller de M. Kalume et Mme Diallo a parlé au Dr Mukwege.",
        "Voir l'art. 12 de la loi, cf. le rapport.",
        "Les rois sont morts av. J.-C.",
        "Le reste suivit, etc.",
        "Les autres ont fui.",
    ]


def test_french_quotes_with_and_without_no_break_spaces() -> None:
    text = (
        "«\u202fFini\u202f!\u202f» a-t-il dit. « Nous partons. » Les autres restent. "
        "«\u00a0C'est la fin.\u00a0» Puis le silence."
    )
    assert _french(text) == [
        "«\u202fFini\u202f!\u202f» a-t-il dit.",
        "« Nous partons. »",
        "Les autres restent.",
        "«\u00a0C'est la fin.\u00a0»",
        "Puis le silence.",
    ]


def test_unknown_language_is_guessed() -> None:
    text = "Les combats ont repris dans l'Est. Le conseiller de la présidence est arrivé."
    assert split_sentences(text) == split_sentences(text, "fr")
    assert len(split_sentences(text)) == 2
    # English keeps its rules, and "est" is no longer one of its abbreviations either
    assert _sentences("Revenue rose to 5m est. Analysts cheered.") == [
        "Revenue rose to 5m est.",
        "Analysts cheered.",
    ]
