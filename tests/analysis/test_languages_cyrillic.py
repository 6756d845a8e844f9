"""Ukrainian and Russian (issue 14): their data loads, their sentences split at their
abbreviations, and the main names are found in either, in the case forms a sentence gives
them, joined to the one English entity."""

from __future__ import annotations

from reader.analysis.entities import Extractor
from reader.analysis.gazetteer import language_gazetteer_paths, shipped_gazetteer
from reader.analysis.languages import date_words, guess_language, language_for
from reader.analysis.sentences import split_sentences

UKRAINIAN = (
    "Президент України Володимир Зеленський заявив у Києві, що Верховна Рада ухвалить "
    "закон. Зеленського підтримали депутати. У м. Харків у 2025 р. відновили світло. Росія "
    "атакувала Одесу, а Путін і Трамп говорили про літій."
)
RUSSIAN = (
    "Президент России Владимир Путин заявил в Москве, что Госдума примет закон. Зеленский "
    "ответил из Киева. В г. Харьков восстановили свет. Песков говорил о литии."
)


def _names(text: str, language: str) -> dict[str, str]:
    return {m.surface: m.name for m in Extractor().extract(text, language)}


def test_sentences_split_at_their_abbreviations() -> None:
    spans = split_sentences(UKRAINIAN, "uk")
    firsts = [UKRAINIAN[a:b].split()[0] for a, b in spans]
    assert firsts == ["Президент", "Зеленського", "У", "Росія"]
    spans = split_sentences(RUSSIAN, "ru")
    assert len(spans) == 4


def test_ukrainian_names_join_the_english_entities() -> None:
    names = _names(UKRAINIAN, "uk")
    assert names["Володимир Зеленський"] == "Volodymyr Zelensky"
    assert names["Зеленського"] == "Volodymyr Zelensky"
    assert names["Києві"] == "Kyiv"
    assert names["України"] == "Ukraine"
    assert names["Верховна Рада"] == "Verkhovna Rada"
    assert names["Росія"] == "Russia"
    assert names["Одесу"] == "Odesa"
    assert names["Путін"] == "Vladimir Putin"
    assert names["Трамп"] == "Donald Trump"
    assert names["літій"] == "lithium"  # a Ukrainian word: matched in Ukrainian only
    assert "літій" not in _names(UKRAINIAN, "en")


def test_russian_names_join_the_english_entities() -> None:
    names = _names(RUSSIAN, "ru")
    assert names["России"] == "Russia"
    assert names["Владимир Путин"] == "Vladimir Putin"
    assert names["Москве"] == "Moscow"
    assert names["Госдума"] == "State Duma"
    assert names["Зеленский"] == "Volodymyr Zelensky"
    assert names["Киева"] == "Kyiv"
    assert names["Песков"] == "Dmitry Peskov"
    assert names["литии"] == "lithium"


def test_no_junk_from_cyrillic_text() -> None:
    # sentence-initial words and unknown words are never entities
    for text, language in ((UKRAINIAN, "uk"), (RUSSIAN, "ru")):
        for mention in Extractor().extract(text, language):
            assert mention.name.isascii(), mention  # every mention is a known entity


def test_cyrillic_aliases_keep_their_letters() -> None:
    assert {"uk", "ru"} <= set(language_gazetteer_paths())
    aliases = set(shipped_gazetteer().aliases("Kyiv"))
    assert {"Київ", "Києва", "Киев"} <= aliases
    assert "Киів" not in aliases  # no "accent-free" form: ї is a letter, not і with marks


def test_data_of_their_own() -> None:
    assert language_for("uk").code == "uk"
    assert language_for("ru-RU").code == "ru"
    assert guess_language(UKRAINIAN) == "uk"
    assert guess_language(RUSSIAN) == "ru"
    uk, ru = date_words("uk"), date_words("ru")
    assert uk is not None
    assert ru is not None
    assert uk.months["березня"] == 3
    assert ru.months["марта"] == 3


def test_a_known_first_name_and_a_surname_make_a_person() -> None:
    text = (
        "Голова Нацбанку Андрій Пишний заявив, що інфляція сповільнюється. Пишний також "
        "сказав, що мер Ігор Терехов просив допомоги. Слава Україні!"
    )
    mentions = {(m.surface, m.name, m.type) for m in Extractor().extract(text, "uk")}
    assert ("Андрій Пишний", "Андрій Пишний", "person") in mentions
    assert ("Пишний", "Андрій Пишний", "person") in mentions  # the short form joins
    assert ("Ігор Терехов", "Ігор Терехов", "person") in mentions
    assert all(name != "Слава Україні" for _, name, _ in mentions)  # not a first name here


def test_an_upper_case_cyrillic_dateline_names_its_place() -> None:
    text = "КИЇВ, 3 березня 2025 р. — Верховна Рада ухвалила закон."
    names = {m.surface: (m.name, m.type) for m in Extractor().extract(text, "uk")}
    assert names["КИЇВ"] == ("Kyiv", "place")
    text = "ПОКРОВСЬК, 4 березня (Укрінформ) — Тривають бої."
    names = {m.surface: (m.name, m.type) for m in Extractor().extract(text, "uk")}
    assert names["ПОКРОВСЬК"] == ("Pokrovsk", "place")
