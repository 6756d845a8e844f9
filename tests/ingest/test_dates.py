"""Dates written out in English, French, Ukrainian and Russian, and the dateline of a text
whose metadata has none (issues 14 and 15): never a misread month, a made-up year, a date in
the future or one before 1900."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.dates import dateline_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5 mars 2025", "2025-03-05"),  # once read by dateutil as 2025-05-01
        ("le 27 juin 2025", "2025-06-27"),
        ("1er juillet 2025", "2025-07-01"),
        ("mardi 5 mars 2025 à 10h30", "2025-03-05"),
        ("5 févr. 2025", "2025-02-05"),
        ("27/06/2025", "2025-06-27"),
        ("March 5, 2025", "2025-03-05"),
        ("5 March 2025", "2025-03-05"),
        ("5th of March 2025", "2025-03-05"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("Wed, 5 Mar 2025 10:00:00 GMT", "2025-03-05"),
        ("3 березня 2025 р.", "2025-03-03"),
        ("14 марта 2025 года", "2025-03-14"),
        ("05.03.2025", "2025-03-05"),  # dotted: day first everywhere
        ("March 2021", "2021-03-01"),
        ("5 März 2025", None),  # a month we have no data for is not guessed
        ("31 février 2025", None),
        ("5 mars", None),  # no year: no date
        ("Jan 1, 1850", None),  # before 1900
        ("1899-12-31", None),
        ("3 December 2999", None),  # in the future
        ("2999-01-01", None),
    ],
)
def test_written_dates(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_numbers_alone_are_day_first_except_in_english() -> None:
    assert parse_date("05/03/2025", "fr") == "2025-03-05"
    assert parse_date("05/03/2025", "uk") == "2025-03-05"
    assert parse_date("05/03/2025") == "2025-03-05"  # unknown: as most of the world writes
    assert parse_date("05/03/2025", "en") == "2025-05-03"
    assert parse_date("27/06/2025", "en") == "2025-06-27"  # 27 is no month


def test_tomorrow_is_allowed_for_a_time_zone_ahead() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert parse_date(tomorrow.isoformat()) == tomorrow.isoformat()
    later = tomorrow + dt.timedelta(days=2)
    assert parse_date(later.isoformat()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GOMA, 14 mars 2025 — Les combats ont repris à l'ouest de la ville.", "2025-03-14"),
        ("Kinshasa, le 27 juin 2025 (ACP) – Le gouvernement a signé.", "2025-06-27"),
        ("KYIV, March 3, 2025 (Reuters) - Ukraine's parliament voted.", "2025-03-03"),
        ("WASHINGTON, 5 March 2025 - The Treasury said.", "2025-03-05"),
        ("Київ, 3 березня 2025 р. — Верховна Рада ухвалила закон.", "2025-03-03"),
        ("Москва, 14 марта 2025 г. — Песков заявил.", "2025-03-14"),
        ("Publié le 5 mars 2025\n\nLe texte commence ici.", "2025-03-05"),
        ("Mis à jour le 5 mars 2025 à 14h05\n\nLe texte.", "2025-03-05"),
        ("By Jane Doe | 5 March 2025\n\nThe text.", "2025-03-05"),
        ("A standfirst\n\nBUKAVU, 2 avril 2025 - Le texte.", "2025-04-02"),
        # no year: none is guessed
        ("KYIV, March 3 (Reuters) - Ukraine's parliament voted.", None),
        # dates a sentence mentions are not the article's
        ("Le 23 mars 2009, le CNDP a signé un accord avec Kinshasa.", None),
        ("On 5 March 2025, rebels seized the town.", None),
        ("Les combats ont repris le 14 mars 2025 — selon des témoins.", None),
        ("The accord of 23 March 2009 — signed in Goma — ended a war.", None),
        ("GOMA, 14 mars 2099 — Une date à venir.", None),
        ("", None),
    ],
)
def test_datelines(text: str, expected: str | None) -> None:
    assert dateline_date(text) == expected


def test_a_dateline_deep_in_the_text_is_not_looked_for() -> None:
    text = "Un premier paragraphe.\n\nUn deuxième.\n\nGOMA, 14 mars 2025 — Trop loin."
    assert dateline_date(text) is None


def test_junk_never_raises() -> None:
    for junk in ("\x00\ufffe", "99/99/9999", "1er 1er 1er", "mars " * 30, "0/0/2020"):
        assert parse_date(junk) is None
        assert dateline_date(junk) is None
