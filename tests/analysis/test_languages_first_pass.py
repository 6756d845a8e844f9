"""Detection's shortcuts: a long text is settled on its first characters when CLD3 is sure
of them, and read further (as before) when it is not; an ASCII text skips the look at the
letters of the languages' scripts, which all lie beyond ASCII."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.analysis import languages
from reader.analysis.languages import (
    DETECT_CHARS,
    FIRST_PASS_CHARS,
    FIRST_PASS_PROBABILITY,
    detect_language,
)

ENGLISH = (
    "The ministry said the agreement would be signed before the end of the month, but "
    "officials in the capital were less certain, and the traders who buy the ore said "
    "nothing had changed for them since the talks began in the spring. "
)


@dataclass
class _Result:
    language: str
    probability: float
    is_reliable: bool


class _Recorder:
    """A stand-in for CLD3 that answers ``answers`` in turn and records what it read."""

    def __init__(self, *answers: _Result) -> None:
        self.answers = list(answers)
        self.read: list[int] = []

    def FindLanguage(self, text: str) -> _Result:  # noqa: N802  # CLD3's own name
        self.read.append(len(text))
        return self.answers.pop(0)


def _use(monkeypatch: pytest.MonkeyPatch, recorder: _Recorder) -> None:
    monkeypatch.setattr(languages, "_detector", lambda: recorder)


def test_a_sure_first_pass_settles_a_long_text(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = _Recorder(_Result("en", FIRST_PASS_PROBABILITY, True))
    _use(monkeypatch, recorder)
    assert detect_language(ENGLISH * 10) == "en"
    assert recorder.read == [FIRST_PASS_CHARS]


@pytest.mark.parametrize(
    "first",
    [
        _Result("en", FIRST_PASS_PROBABILITY - 0.001, True),  # not sure enough
        _Result("en", 0.999, False),  # CLD3 calls it unreliable
    ],
)
def test_an_unsure_first_pass_reads_on(monkeypatch: pytest.MonkeyPatch, first: _Result) -> None:
    recorder = _Recorder(first, _Result("fr", 0.9, True))
    _use(monkeypatch, recorder)
    assert detect_language(ENGLISH * 10) == "fr"  # the longer reading decides
    assert recorder.read == [FIRST_PASS_CHARS, DETECT_CHARS]


def test_a_short_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    short = ENGLISH[:FIRST_PASS_CHARS]
    recorder = _Recorder(_Result("en", 0.8, True))
    _use(monkeypatch, recorder)
    assert detect_language(short) == "en"
    assert recorder.read == [len(short)]


def test_the_real_model_agrees_with_the_longer_reading() -> None:
    text = ENGLISH * 10
    model = languages._detector()
    first = model.FindLanguage(text=text[:FIRST_PASS_CHARS])
    assert first.is_reliable
    assert first.probability >= FIRST_PASS_PROBABILITY
    assert first.language == model.FindLanguage(text=text[:DETECT_CHARS]).language == "en"
    assert detect_language(text) == "en"


def test_an_ascii_text_keeps_its_code_and_cyrillic_letters_still_decide() -> None:
    assert languages._script_letters_beyond_ascii()
    assert languages._by_letters("ru", "Plain ASCII words only") == "ru"
    assert languages._by_letters("", "Plain ASCII words only") == ""
    assert languages._by_letters("ru", "Київ і Харків") == "uk"  # і is Ukrainian only
