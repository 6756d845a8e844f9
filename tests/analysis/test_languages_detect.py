"""The language detector, on labelled texts, written for this project (not taken from news).

Each sample is ``(expected, text)``. For en, fr, uk and ru the detector must give the code;
for the ``OTHER`` samples (languages Fieldreader has no data for) it must give the right
code or None (unknown), never one of ours by mistake; ``UNSURE`` texts carry too little
language to tell and must come out None. They were written before the detector was tuned.
"""

from __future__ import annotations

import pytest

from reader.analysis import languages
from reader.analysis.languages import (
    available_languages,
    detect_language,
    load_language,
    snowball_stemmer,
)

ENGLISH = [
    "Talks on the minerals deal resume in Washington",
    "Fighting near Goma has forced thousands of families to leave their homes.",
    "The ministry said the agreement would be signed before the end of the month, but "
    "officials in Kinshasa were less certain.",
    "Rain delayed the harvest across the eastern provinces this year, and prices at the "
    "market rose for the third week in a row.",
    "Aid convoys reached the town on Tuesday after the road was reopened.",
    "Parliament voted to extend the martial law for another ninety days.",
    "What the fund will invest in, and who decides, remains unclear.",
    "Residents described long queues for water and fuel since the power station was hit.",
    "Donald Trump said the deal was good for both countries.",
    "A spokesman for the mission declined to comment on the report.",
    "Miners in the province earn a few dollars a day digging by hand, often with no "
    "protection, and the traders who buy the ore set the price.",
    "Schools will stay closed until the security situation improves, the governor said.",
    "The company has not published its contracts, which critics say hides the real terms.",
    "Ukraine's parliament ratified the agreement by a large majority.",
    "Heavy shelling overnight",
]

FRENCH = [
    "Reprise des négociations sur l'accord minier à Washington",
    "Les combats près de Goma ont poussé des milliers de familles à quitter leurs maisons.",
    "Le ministère a indiqué que l'accord serait signé avant la fin du mois, mais à Kinshasa "
    "les responsables se montraient plus prudents.",
    "La pluie a retardé la récolte dans les provinces de l'est cette année, et les prix au "
    "marché ont augmenté pour la troisième semaine de suite.",
    "Les convois humanitaires sont arrivés mardi dans la ville après la réouverture de la route.",
    "Le Parlement a voté la prolongation de l'état de siège pour trois mois.",
    "On ne sait toujours pas dans quoi le fonds investira, ni qui en décidera.",
    "Les habitants décrivent de longues files d'attente pour l'eau et le carburant depuis que "
    "la centrale a été touchée.",
    "Donald Trump a dit que l'accord était bon pour les deux pays.",
    "Un porte-parole de la mission n'a pas souhaité commenter le rapport.",
    "Dans la province, les creuseurs gagnent quelques dollars par jour en travaillant à la "
    "main, souvent sans protection, et ce sont les négociants qui fixent le prix du minerai.",
    "Les écoles resteront fermées jusqu'à ce que la sécurité s'améliore, a déclaré le gouverneur.",
    "L'entreprise n'a pas publié ses contrats, ce qui, selon ses détracteurs, cache les vraies "
    "conditions.",
    "Le Parlement ukrainien a ratifié l'accord à une large majorité.",
    "Bombardements intenses dans la nuit",
]

UKRAINIAN = [
    "У Вашингтоні відновилися переговори щодо угоди про корисні копалини",
    "Бої поблизу Покровська змусили тисячі родин залишити свої домівки.",
    "У міністерстві заявили, що угоду підпишуть до кінця місяця, але в Києві до цього "
    "ставляться обережніше.",
    "Цього року дощі затримали збір урожаю в східних областях, а ціни на ринку зростали "
    "третій тиждень поспіль.",
    "Гуманітарні конвої дісталися міста у вівторок, коли дорогу знову відкрили.",
    "Верховна Рада проголосувала за продовження воєнного стану ще на дев'яносто днів.",
    "Досі незрозуміло, у що інвестуватиме фонд і хто ухвалюватиме рішення.",
    "Мешканці розповідають про довгі черги по воду й пальне відтоді, як влучили в електростанцію.",
    "Зеленський сказав, що угода вигідна обом країнам.",
    "Речник місії відмовився коментувати звіт.",
    "Школи залишатимуться зачиненими, доки не покращиться безпекова ситуація, повідомив голова "
    "обласної адміністрації.",
    "Компанія не оприлюднила своїх контрактів, і критики кажуть, що так вона приховує справжні "
    "умови.",
    "Парламент України ратифікував угоду значною більшістю голосів.",
    "Нічний обстріл Харкова",
    "Енергетики працюють над відновленням світла в області.",
]

RUSSIAN = [
    "В Вашингтоне возобновились переговоры по соглашению о полезных ископаемых",
    "Бои под Покровском вынудили тысячи семей покинуть свои дома.",
    "В министерстве заявили, что соглашение подпишут до конца месяца, но в Киеве к этому "
    "относятся осторожнее.",
    "В этом году дожди задержали сбор урожая в восточных областях, а цены на рынке росли "
    "третью неделю подряд.",
    "Гуманитарные конвои добрались до города во вторник, когда дорогу снова открыли.",
    "Депутаты проголосовали за продление военного положения ещё на девяносто дней.",
    "До сих пор непонятно, во что будет вкладывать фонд и кто будет принимать решения.",
    "Жители рассказывают о длинных очередях за водой и топливом с тех пор, как была поражена "
    "электростанция.",
    "Путин сказал, что переговоры возможны только на его условиях.",
    "Представитель миссии отказался комментировать доклад.",
    "Школы останутся закрытыми, пока не улучшится обстановка, сообщил губернатор.",
    "Компания не опубликовала свои контракты, и критики говорят, что так она скрывает "
    "настоящие условия.",
    "Государственная дума приняла закон в первом чтении.",
    "Ночной обстрел Белгорода",
    "Энергетики работают над восстановлением электричества в области.",
]

#: Languages without data here: the right code or None, never en/fr/uk/ru.
OTHER = [
    ("de", "Die Verhandlungen über das Rohstoffabkommen wurden in Washington wieder aufgenommen."),
    ("de", "Viele Familien mussten ihre Häuser verlassen, weil die Kämpfe näher kamen."),
    ("es", "Las negociaciones sobre el acuerdo de minerales se reanudaron en Washington."),
    ("es", "Muchas familias tuvieron que abandonar sus casas porque los combates se acercaban."),
    ("it", "I negoziati sull'accordo per i minerali sono ripresi a Washington."),
    ("pt", "As negociações sobre o acordo de minerais foram retomadas em Washington."),
    ("pl", "Negocjacje w sprawie umowy o surowcach zostały wznowione w Waszyngtonie."),
    ("pl", "Wiele rodzin musiało opuścić swoje domy, ponieważ walki zbliżały się do miasta."),
    ("bg", "Преговорите за споразумението за полезните изкопаеми бяха подновени във Вашингтон."),
    ("bg", "Много семейства трябваше да напуснат домовете си, защото боевете се приближаваха."),
    ("sw", "Mazungumzo kuhusu mkataba wa madini yameanza tena mjini Washington wiki hii."),
    ("nl", "De onderhandelingen over de grondstoffendeal zijn in Washington hervat."),
]

#: Too little language to tell: None.
UNSURE = [
    "2025-03-05",
    "M23 — AFC — FARDC",
    "Goma, Kinshasa, Kyiv",
    "12 000 / 3,5 %",
    "…",
]

LABELLED: list[tuple[str, str]] = [
    *(("en", t) for t in ENGLISH),
    *(("fr", t) for t in FRENCH),
    *(("uk", t) for t in UKRAINIAN),
    *(("ru", t) for t in RUSSIAN),
]


# -- the tests -----------------------------------------------------------------------------


def test_our_languages_are_detected() -> None:
    wrong = [(code, got, text) for code, text in LABELLED if (got := detect_language(text)) != code]
    # unknown is allowed on a few very short headlines; a wrong language never
    assert all(got is None for _, got, _ in wrong), wrong
    assert len(wrong) <= 2, wrong


def test_other_languages_come_out_right_or_unknown() -> None:
    for code, text in OTHER:
        assert detect_language(text) in (code, None), text


@pytest.mark.parametrize("text", UNSURE)
def test_too_little_language_is_unknown(text: str) -> None:
    assert detect_language(text) is None


def test_ukrainian_and_russian_are_told_apart_by_their_letters() -> None:
    # two letters are enough when the words are shared or unknown to the model
    assert detect_language("Київ і Харків: нічний обстріл, є поранені") == "uk"
    assert detect_language("Москва и Белгород: ночной обстрел, есть раненые, режим") == "ru"
    # Bulgarian writes ъ, which Russian shares: never taken for Russian
    assert detect_language("Много семейства трябваше да напуснат домовете си.") != "ru"


def test_a_whole_article_is_detected() -> None:
    article = "\n\n".join(UKRAINIAN[1:6])
    assert detect_language(article) == "uk"
    assert detect_language("\n\n".join(FRENCH[:5])) == "fr"


def test_cyrillic_languages_have_data() -> None:
    assert {"uk", "ru"} <= set(available_languages())
    for code in ("uk", "ru"):
        lang = load_language(code)
        assert lang.markers
        assert lang.function_words
        assert lang.negators
        assert lang.abbreviations
        assert lang.months
        assert lang.titles


def test_snowball_names() -> None:
    assert snowball_stemmer("en") == "english"
    assert snowball_stemmer("fr-CA") == "french"
    assert snowball_stemmer("ru") == "russian"
    assert snowball_stemmer("uk") is None  # Snowball has no Ukrainian stemmer
    assert snowball_stemmer("de") is None  # no data here
    assert snowball_stemmer(None) is None


def test_without_the_model_the_marker_words_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise ImportError("no gcld3")

    monkeypatch.setattr(languages, "_detector", missing)
    assert detect_language("\n\n".join(FRENCH[:5])) == "fr"
    assert detect_language("\n\n".join(ENGLISH[:5])) == "en"
    assert detect_language("\n\n".join(UKRAINIAN[:5])) == "uk"
    assert detect_language("Goma, Bukavu, Uvira et Kinshasa") is None
