"""Legacy encodings (issue 14): Windows-1251 and KOI8 Ukrainian and Russian, Windows-1252
and Latin-1 French are detected by charset-normalizer, not guessed; binary stays refused with
the messages it always had."""

from __future__ import annotations

import codecs
import random
import time

import pytest

from reader.ingest.decode import NotTextError, decode_text, detected_encoding

UKRAINIAN = (
    "Верховна Рада ухвалила закон про угоду зі США щодо корисних копалин. Президент "
    "Володимир Зеленський заявив, що відбудова України почнеться вже цього року."
)
RUSSIAN = (
    "Государственная дума приняла закон в первом чтении. Песков заявил, что переговоры "
    "с Украиной продолжатся в Стамбуле на следующей неделе."
)
FRENCH = (
    "Les négociations ont repris à Goma. « Nous voulons la paix », a déclaré l’élu, "
    "après une semaine de combats où 1 500 déplacés ont reçu de l'aide."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (FRENCH, "cp1252"),
        ("Le déplacé à Goma : « crise » depuis un an, dit-on à l'hôpital.", "latin_1"),
        ("Київ", "cp1251"),  # a single word
        ("Привіт, як справи?", "cp1251"),
        ("Nous avons reçu 1 500 dollars à l'hôpital", "cp1252"),
    ],
)
def test_legacy_encodings_read_as_written(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text


def test_the_detected_encoding_is_named() -> None:
    assert detected_encoding(UKRAINIAN.encode("cp1251")) == "cp1251"
    assert detected_encoding(RUSSIAN.encode("koi8_r")) == "koi8_r"
    assert detected_encoding(FRENCH.encode("cp1252")) == "cp1252"
    assert detected_encoding(FRENCH.encode("utf-8")) is None
    assert detected_encoding(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le")) is None


def test_a_latin_word_is_not_read_in_a_cyrillic_code_page() -> None:
    # four bytes fit Windows-1251 as well ("Cafй"): a word that mixes scripts loses
    assert decode_text("Café".encode("cp1252")) == "Café"


def test_utf16_with_a_byte_order_mark() -> None:
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        data = UKRAINIAN.encode(codec)
        if codec != "utf-16":
            bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
            data = bom + data
        assert decode_text(data) == UKRAINIAN


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 4, "not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file"),
        (random.Random(14).randbytes(4096).replace(b"\x00", b"\x01"), "not a text file"),
        (bytes(range(1, 32)) * 100, r"not a text file \(binary content\)"),
    ],
)
def test_binary_is_still_refused(data: bytes, reason: str) -> None:
    with pytest.raises(NotTextError, match=reason):
        decode_text(data)


def test_a_large_legacy_file_is_quick() -> None:
    data = ((UKRAINIAN + "\n\n") * 4000).encode("cp1251")  # about 600 KB
    start = time.perf_counter()
    assert decode_text(data).startswith("Верховна Рада")
    assert time.perf_counter() - start < 5.0
