"""The key of an encrypted library is derived once per file and process: the raw key
``hashlib`` derives is the one SQLCipher derives, it opens every further connection, a
wrong passphrase still opens nothing, and forgetting drops it."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.library import Draft, Library, cipher, crypto, maintenance

pytest.importorskip("sqlcipher3")

PASS = "the boat to Kalemie leaves at dawn"


@pytest.fixture(autouse=True)
def _forget_passphrases():
    cipher.forget()
    yield
    cipher.forget()


class Counter:
    """Counts the key derivations of both kinds: ours (``_derive``) and SQLCipher's own
    (a ``PRAGMA key`` with the passphrase itself)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ours: list[str] = []
        self.theirs: list[str] = []
        derive, statement = cipher._derive, cipher.key_statement

        def counting_derive(passphrase: str, salt: bytes, kdf: tuple[str, int]) -> bytes:
            self.ours.append(passphrase)
            return derive(passphrase, salt, kdf)

        def counting_statement(passphrase: str, schema: str = "main") -> str:
            self.theirs.append(passphrase)
            return statement(passphrase, schema)

        monkeypatch.setattr(cipher, "_derive", counting_derive)
        monkeypatch.setattr(cipher, "key_statement", counting_statement)


@pytest.fixture
def encrypted(library_path: Path) -> Path:
    with Library.open(library_path) as lib:
        for i in range(5):
            lib.add_article(Draft(title=f"Crossing {i}", text=f"The lake ferry number {i}."))
    crypto.encrypt(library_path, PASS)
    cipher.forget()
    return library_path


def test_the_key_hashlib_derives_is_the_one_sqlcipher_derives(tmp_path: Path) -> None:
    path = tmp_path / "made-by-sqlcipher.sqlite"
    made = cipher.open_keyed(path, PASS)  # a new file: SQLCipher derives with its salt
    made.execute("CREATE TABLE t (x TEXT)")
    made.execute("INSERT INTO t VALUES ('cobalt')")
    made.commit()
    made.close()
    salt = path.read_bytes()[:16]
    kdf = cipher._kdf()
    assert kdf == ("sha512", 256_000)  # SQLCipher 4's: never weaker
    key = hashlib.pbkdf2_hmac("sha512", PASS.encode(), salt, 256_000, 32)
    assert cipher._derive(PASS, salt, kdf) == key
    raw = cipher._driver().connect(str(path))
    try:
        raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert raw.execute("SELECT x FROM t").fetchall() == [("cobalt",)]
        assert raw.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
        assert int(raw.execute("PRAGMA cipher_page_size").fetchone()[0]) == 4096
    finally:
        raw.close()


def test_one_derivation_opens_every_further_connection(encrypted: Path, monkeypatch) -> None:
    count = Counter(monkeypatch)
    with Library.open(encrypted, passphrase=PASS) as lib:
        assert lib.count() == 5
    assert count.ours == [PASS]
    for _ in range(3):
        with Library.open(encrypted, passphrase=PASS) as lib:
            assert lib.count() == 5
    with Library.open(encrypted, passphrase=PASS, read_only=True) as lib:  # a file: URI
        assert lib.count() == 5
    assert count.ours == [PASS]
    assert count.theirs == []


def test_a_wrong_passphrase_opens_nothing_and_keeps_no_key(encrypted: Path, monkeypatch) -> None:
    before = encrypted.read_bytes()
    count = Counter(monkeypatch)
    with pytest.raises(cipher.WrongPassphraseError):
        Library.open(encrypted, passphrase="the boat to Kalemie leaves at dusk")
    assert count.ours == ["the boat to Kalemie leaves at dusk"]  # our key was refused,
    assert count.theirs == ["the boat to Kalemie leaves at dusk"]  # then SQLCipher's way
    assert cipher._DERIVED == {}
    assert encrypted.read_bytes() == before
    with pytest.raises(cipher.WrongPassphraseError):  # and again: nothing was kept
        Library.open(encrypted, passphrase="the boat to Kalemie leaves at dusk")
    assert len(count.ours) == 2
    assert len(count.theirs) == 2


def test_a_key_that_does_not_open_the_file_falls_back_to_the_passphrase(
    encrypted: Path, monkeypatch
) -> None:
    monkeypatch.setattr(cipher, "_derive", lambda passphrase, salt, kdf: bytes(32))
    with Library.open(encrypted, passphrase=PASS) as lib:  # never unopenable by the shortcut
        assert lib.count() == 5
    assert cipher._DERIVED == {}


def test_forgetting_drops_the_key(encrypted: Path, monkeypatch) -> None:
    count = Counter(monkeypatch)
    cipher.remember(encrypted, PASS)
    Library.open(encrypted).close()
    assert cipher._DERIVED
    cipher.forget(encrypted)
    assert cipher._DERIVED == {}
    with pytest.raises(cipher.PassphraseRequiredError):
        Library.open(encrypted)
    cipher.remember(encrypted, PASS)
    Library.open(encrypted).close()
    assert count.ours == [PASS, PASS]


def test_forgetting_a_library_drops_the_keys_of_its_backups(encrypted: Path) -> None:
    cipher.remember(encrypted, PASS)
    with Library.open(encrypted) as lib:
        assert lib.count() == 5
    copy = encrypted.with_name("copy.sqlite")
    copy.write_bytes(encrypted.read_bytes())
    cipher.open_keyed(copy, PASS).close()
    assert len(cipher._DERIVED) == 2
    cipher.forget(encrypted)
    assert cipher._DERIVED == {}


def test_a_new_passphrase_gets_a_new_key(encrypted: Path, monkeypatch) -> None:
    cipher.remember(encrypted, PASS)
    with Library.open(encrypted) as lib:
        assert maintenance.auto_backup(lib) is not None  # rewritten with the library
    crypto.change_passphrase(encrypted, "a new harbour", PASS)  # a new file, a new salt
    assert all(p == "a new harbour" for p, _key in cipher._DERIVED.values())
    count = Counter(monkeypatch)
    with pytest.raises(cipher.WrongPassphraseError):
        Library.open(encrypted, passphrase=PASS)
    with Library.open(encrypted) as lib:  # the new one, remembered by the change
        assert lib.count() == 5
    assert count.ours[-1] == "a new harbour"


def test_the_file_a_database_name_means() -> None:
    assert cipher._file_of(":memory:", False) is None
    assert cipher._file_of("file::memory:?cache=shared", True) is None
    assert cipher._file_of("file:x?mode=memory", True) is None
    assert cipher._file_of(Path("lib.sqlite"), False) == Path("lib.sqlite")
    if sys.platform != "win32":
        named = cipher._file_of("file:///tmp/a%20b/lib.sqlite?mode=ro", True)
        assert named == Path("/tmp/a b/lib.sqlite")


def test_a_plain_file_is_never_opened_with_a_derived_key(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        lib.add_article(Draft(title="Plain", text="A plain library."))
    assert cipher._salt_of(library_path, False) is None
    with pytest.raises((cipher.WrongPassphraseError, sqlite3.DatabaseError)):
        cipher.open_keyed(library_path, PASS)
    assert cipher._DERIVED == {}


def test_a_keyed_connection_reads_fast_and_keeps_its_pages_decrypted(encrypted: Path) -> None:
    conn = cipher.open_keyed(encrypted, PASS)
    try:
        assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"
        assert int(conn.execute("PRAGMA cache_size").fetchone()[0]) == -cipher.CACHE_KIB
        assert int(conn.execute("PRAGMA temp_store").fetchone()[0]) == 2  # memory
        assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    finally:
        conn.close()
