"""The encrypted library: SQLCipher files that hold no plaintext, open only with their
passphrase, and work like plain ones (WAL, FTS5, backups, checks, restores)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reader.library import Draft, Library, Original, cipher, crypto, maintenance
from reader.library.errors import InvalidInputError, LibraryInUseError

pytest.importorskip("sqlcipher3")

PASS = "a long walk to Tororo"
#: Words found only in what the test library holds (titles, texts, originals, notes, tags).
WORDS = ("Kwabenyamite", "quorvelling", "Ostrandique", "zebulonthic", "marzipanoid")


@pytest.fixture(autouse=True)
def _forget_passphrases():
    cipher.forget()
    yield
    cipher.forget()


def _fill(lib: Library, n: int = 12) -> None:
    for i in range(n):
        text = f"The {WORDS[1]} of the river crossing number {i}. " * 30
        lib.add_article(
            Draft(
                title=f"{WORDS[0]} dispatch {i}", text=text, source="Field desk", tags=[WORDS[4]]
            ),
            Original(f"dispatch-{i}.txt", f"{WORDS[2]} original bytes {i}".encode()),
        )
    lib.add_note(1, f"{WORDS[3]}: the informant asked not to be named", quote=WORDS[1])


def _no_words(path: Path) -> None:
    data = path.read_bytes()
    assert data, path
    for word in WORDS:
        assert word.encode() not in data, f"{word} in {path.name}"
        assert word.lower().encode() not in data, f"{word.lower()} in {path.name}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plain(library_path: Path) -> Path:
    lib = Library.open(library_path)
    _fill(lib)
    lib.close()
    return library_path


@pytest.fixture
def encrypted(plain: Path) -> Path:
    crypto.encrypt(plain, PASS)
    cipher.forget()
    return plain


def test_driver_is_sqlcipher_4_with_its_default_key_derivation() -> None:
    conn = cipher.open_keyed(":memory:", "x")
    settings = {r[0] for r in conn.execute("PRAGMA cipher_settings").fetchall()}
    version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    assert version.startswith("4.")
    assert "PRAGMA kdf_iter = 256000;" in settings
    assert "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;" in settings


def test_plain_library_stays_plain_sqlite(plain: Path) -> None:
    assert cipher.is_plain(plain)
    assert not cipher.is_encrypted(plain)
    lib = Library.open(plain)
    assert isinstance(lib.db.conn, sqlite3.Connection)
    lib.close()


def test_encrypted_files_wal_and_backups_hold_no_plaintext(encrypted: Path) -> None:
    assert cipher.is_encrypted(encrypted)
    _no_words(encrypted)
    lib = Library.open(encrypted, passphrase=PASS)
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    lib.add_note(2, f"{WORDS[3]} met {WORDS[0]} again")  # lands in the -wal first
    wal = Path(str(encrypted) + "-wal")
    assert wal.stat().st_size > 0
    _no_words(wal)
    named = maintenance.backup(lib, encrypted.parent / "named.sqlite")
    auto = maintenance.auto_backup(lib)
    lib.close()
    assert auto is not None
    for copy in (named, auto):
        assert cipher.is_encrypted(copy)
        _no_words(copy)
        assert maintenance.validate_backup(copy, PASS) > 0
    _no_words(encrypted)


def test_everything_works_encrypted(encrypted: Path) -> None:
    lib = Library.open(encrypted, passphrase=PASS)
    try:
        assert lib.count() == 12
        hits = lib.search(WORDS[1])
        assert len(hits) >= 12
        assert len(lib.search('"unbalanced')) == 0  # FTS5 syntax it rejects: words alone
        assert lib.original(1).data.startswith(WORDS[2].encode())
        assert [n.body for n in lib.notes(article_id=1)][0].startswith(WORDS[3])
        report = maintenance.check(lib)
        assert report.ok, report.as_json()
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            lib.db.execute("SELECT * FROM no_such_table")
        with pytest.raises(sqlite3.IntegrityError):
            lib.db.execute("INSERT INTO notes(id, body) VALUES (NULL, NULL)")
    finally:
        lib.close()
    ro = Library.open(encrypted, passphrase=PASS, read_only=True)
    assert ro.read_only
    assert ro.count() == 12
    ro.close()


def test_without_the_passphrase_one_line_and_nothing_changed(encrypted: Path) -> None:
    before = _digest(encrypted)
    with pytest.raises(cipher.PassphraseRequiredError) as missing:
        Library.open(encrypted)
    assert str(missing.value) == cipher.ENCRYPTED_MESSAGE
    with pytest.raises(cipher.WrongPassphraseError):
        Library.open(encrypted, passphrase="not it")
    with pytest.raises(cipher.WrongPassphraseError):
        crypto.decrypt(encrypted, "not it")
    with pytest.raises(cipher.WrongPassphraseError):
        crypto.change_passphrase(encrypted, "new one", "not it")
    with pytest.raises(cipher.WrongPassphraseError):
        maintenance.validate_backup(encrypted, "not it")
    assert _digest(encrypted) == before
    assert not Path(str(encrypted) + "-wal").exists()
    assert sorted(p.name for p in encrypted.parent.iterdir()) == [encrypted.name]


def test_decrypt_gives_back_everything(plain: Path) -> None:
    lib = Library.open(plain)
    before = (lib.list_articles(), lib.notes(), lib.tag_counts())
    lib.close()
    crypto.encrypt(plain, PASS)
    done = crypto.decrypt(plain, PASS)
    assert not done.encrypted
    assert cipher.is_plain(plain)
    conn = sqlite3.connect(plain)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 12
    conn.close()
    lib = Library.open(plain)
    assert (lib.list_articles(), lib.notes(), lib.tag_counts()) == before
    assert maintenance.check(lib).ok
    lib.close()


def test_change_passphrase_rekeys_library_and_backups(encrypted: Path) -> None:
    lib = Library.open(encrypted, passphrase=PASS)
    auto = maintenance.auto_backup(lib)
    lib.close()
    done = crypto.change_passphrase(encrypted, "the new words", PASS)
    assert done.backups == [auto]
    cipher.forget()
    with pytest.raises(cipher.WrongPassphraseError):
        Library.open(encrypted, passphrase=PASS)
    with pytest.raises(cipher.WrongPassphraseError):
        maintenance.validate_backup(auto, PASS)
    assert maintenance.validate_backup(auto, "the new words") > 0
    lib = Library.open(encrypted, passphrase="the new words")
    assert lib.count() == 12
    lib.close()


def test_encrypt_takes_the_plain_backups_along(plain: Path) -> None:
    lib = Library.open(plain)
    auto = maintenance.auto_backup(lib)
    lib.close()
    assert auto is not None
    assert cipher.is_plain(auto)
    done = crypto.encrypt(plain, PASS)
    assert done.backups == [auto]
    assert done.as_json()["encrypted"] is True
    _no_words(auto)


def test_refuses_while_another_connection_has_it_open(plain: Path) -> None:
    other = Library.open(plain)
    try:
        before = _digest(plain)
        with pytest.raises(LibraryInUseError):
            crypto.encrypt(plain, PASS)
        assert cipher.is_plain(plain)
        assert _digest(plain) == before
        assert not plain.with_name(plain.name + crypto.REWRITING_SUFFIX).exists()
        assert other.count() == 12
    finally:
        other.close()


def test_bad_requests_say_so(plain: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="not encrypted"):
        crypto.decrypt(plain, PASS)
    with pytest.raises(InvalidInputError, match="empty"):
        crypto.encrypt(plain, "")
    with pytest.raises(InvalidInputError, match="no library"):
        crypto.encrypt(tmp_path / "missing.sqlite", PASS)
    crypto.encrypt(plain, PASS)
    with pytest.raises(InvalidInputError, match="encrypted already"):
        crypto.encrypt(plain, PASS)


def test_a_killed_rewrites_leftover_is_removed(encrypted: Path) -> None:
    leftover = encrypted.with_name(encrypted.name + crypto.REWRITING_SUFFIX)
    leftover.write_bytes(b"half a copy")
    crypto.change_passphrase(encrypted, "other words", PASS)
    assert not leftover.exists()


def test_restore_of_an_encrypted_backup(encrypted: Path) -> None:
    lib = Library.open(encrypted, passphrase=PASS)
    backup = maintenance.backup(lib, encrypted.parent / "before.sqlite")
    notes = len(lib.notes())
    lib.add_note(2, "written after the backup")
    lib.close()
    cipher.remember(encrypted, PASS)
    kept = maintenance.restore(encrypted, backup)
    assert cipher.is_encrypted(kept)
    _no_words(kept)
    lib = Library.open(encrypted)
    assert len(lib.notes()) == notes
    assert maintenance.check(lib).ok
    lib.close()


def test_a_plain_backup_is_not_restored_into_an_encrypted_library(
    plain: Path, tmp_path: Path
) -> None:
    lib = Library.open(plain)
    backup = maintenance.backup(lib, tmp_path / "plain-backup.sqlite")
    lib.close()
    crypto.encrypt(plain, PASS)
    before = _digest(plain)
    with pytest.raises(InvalidInputError, match="not encrypted"):
        maintenance.restore(plain, backup)
    assert cipher.is_encrypted(plain)
    lib = Library.open(plain)
    assert lib.count() == 12
    lib.close()
    assert before  # the library opened whole with its passphrase


def test_a_new_library_opened_with_a_passphrase_is_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    lib = Library.open(path, passphrase=PASS)
    _fill(lib, 2)
    lib.close()
    assert cipher.is_encrypted(path)
    _no_words(path)


def test_passphrases_are_normalised_and_quoted(plain: Path) -> None:
    tricky = "it's caf\u0065\u0301 o'clock"
    crypto.encrypt(plain, tricky)
    cipher.forget()
    lib = Library.open(plain, passphrase="it's caf\u00e9 o'clock")  # NFC of the same words
    assert lib.count() == 12
    lib.close()


def test_migrating_an_old_encrypted_library_keeps_its_backup_encrypted(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    old = fixtures_dir / "libraries" / "schema-v9.sqlite"
    path = tmp_path / "old.sqlite"
    source = cipher.open_unkeyed(old)
    version = int(source.execute("PRAGMA user_version").fetchone()[0])
    source.execute("ATTACH DATABASE ? AS enc KEY ?", [str(path), PASS])
    source.execute("SELECT sqlcipher_export('enc')").fetchall()
    source.execute(f"PRAGMA enc.user_version = {version}")
    source.execute("DETACH DATABASE enc")
    source.close()
    lib = Library.open(path, passphrase=PASS)
    assert lib.count() > 0
    lib.close()
    [backup] = tmp_path.glob(f"old.v{version}-*.backup.sqlite")
    assert cipher.is_encrypted(backup)
    assert maintenance.validate_backup(backup, PASS) == version
