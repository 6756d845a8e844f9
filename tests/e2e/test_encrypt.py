"""The encrypted library from the real ``fieldreader`` command: encrypt, every command with
the passphrase (a file, the environment), a clean one-line refusal without it or with a
wrong one, passphrase change, decrypt back to a plain library with everything in it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import command, run_json

pytest.importorskip("sqlcipher3")
pytestmark = pytest.mark.e2e

MISSING = (
    "fieldreader: the library is encrypted; give its passphrase with --passphrase-file, "
    "FIELDREADER_PASSPHRASE or at the prompt"
)
SECRET_WORDS = ("Umbrathorn", "kestrelwise", "Vantablight")


def _run(library: Path, *args: str, env: dict[str, str] | None = None):
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    full.pop("FIELDREADER_LIBRARY", None)
    if env is None or "FIELDREADER_PASSPHRASE" not in env:
        full.pop("FIELDREADER_PASSPHRASE", None)
    return subprocess.run(
        [*command(), "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=full,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    source = tmp_path / "report.txt"
    source.write_text(
        f"{SECRET_WORDS[0]} patrol report\n\nThe {SECRET_WORDS[1]} convoy crossed at dawn.\n",
        encoding="utf-8",
    )
    run_json(path, "import", str(source))
    return path


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("correct horse battery\n", encoding="utf-8")
    return path


def test_encrypt_then_every_command_takes_the_passphrase(
    library: Path, passfile: Path, tmp_path: Path
) -> None:
    proc = _run(library, "--passphrase-file", str(passfile), "encrypt", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["encrypted"] is True
    assert out["file"] == str(library)
    for word in SECRET_WORDS[:2]:
        assert word.encode() not in library.read_bytes()

    given = ("--passphrase-file", str(passfile))
    listed = _run(library, *given, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [article] = json.loads(listed.stdout)
    shown = _run(library, *given, "show", str(article["id"]), "--json")
    assert shown.returncode == 0
    assert SECRET_WORDS[1] in shown.stdout
    env = {"FIELDREADER_PASSPHRASE": "correct horse battery"}
    found = _run(library, "search", SECRET_WORDS[1], "--json", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)
    note = _run(
        library, "note", "add", str(article["id"]), "--text", SECRET_WORDS[2], "--json", env=env
    )
    assert note.returncode == 0, note.stderr
    for word in SECRET_WORDS:
        for path in library.parent.glob("lib.sqlite*"):
            assert word.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "1"),
        ("search", "convoy"),
        ("note", "add", "1", "--text", "x"),
        ("decrypt",),
        ("backup", "--auto"),
    ],
)
def test_without_or_with_a_wrong_passphrase_one_line_nothing_changed(
    library: Path, passfile: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    assert _run(library, "--passphrase-file", str(passfile), "encrypt").returncode == 0
    before = _digest(library)
    missing = _run(library, *args)
    assert missing.returncode == 1
    assert missing.stderr.splitlines() == [MISSING]
    assert missing.stdout == ""
    wrong = _run(library, *args, env={"FIELDREADER_PASSPHRASE": "not it"})
    assert wrong.returncode == 1
    assert len(wrong.stderr.splitlines()) == 1
    assert "wrong passphrase" in wrong.stderr
    assert _digest(library) == before
    assert not (tmp_path / "backups").exists()


def test_passphrase_change_and_decrypt_give_back_a_plain_library(
    library: Path, passfile: Path, tmp_path: Path
) -> None:
    assert _run(library, "--passphrase-file", str(passfile), "encrypt").returncode == 0
    newfile = tmp_path / "new.txt"
    newfile.write_text("a wholly new phrase", encoding="utf-8")
    changed = _run(
        library,
        "--passphrase-file",
        str(passfile),
        "passphrase",
        "change",
        "--new-passphrase-file",
        str(newfile),
        "--json",
    )
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["encrypted"] is True
    old = _run(library, "--passphrase-file", str(passfile), "list")
    assert old.returncode == 1
    assert "wrong passphrase" in old.stderr
    done = _run(library, "--passphrase-file", str(newfile), "decrypt", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["encrypted"] is False
    conn = sqlite3.connect(library)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    conn.close()
    assert titles == [f"{SECRET_WORDS[0]} patrol report"]
    assert run_json(library, "search", SECRET_WORDS[1])  # a plain library, as before
    assert run_json(library, "check")["ok"] is True


def test_encrypt_needs_a_new_passphrase_off_a_terminal(library: Path) -> None:
    proc = _run(library, "encrypt")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "fieldreader: give the passphrase with --passphrase-file, FIELDREADER_PASSPHRASE "
        "or at the prompt"
    ]
    conn = sqlite3.connect(library)  # still plain
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    conn.close()


def test_encrypt_is_refused_while_another_process_has_the_library_open(
    library: Path, passfile: Path
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from reader.library import Library; lib = Library.open(sys.argv[1]);"
            " lib.count(); print('open', flush=True); sys.stdin.read()",
            str(library),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        before = _digest(library)
        proc = _run(library, "--passphrase-file", str(passfile), "encrypt")
        assert proc.returncode == 1
        assert len(proc.stderr.splitlines()) == 1
        assert "has it open" in proc.stderr
        assert _digest(library) == before
    finally:
        holder.communicate("", timeout=30)


def test_an_export_of_an_encrypted_library_says_it_is_plain_text(
    library: Path, passfile: Path, tmp_path: Path
) -> None:
    plain = _run(library, "export", "library", str(tmp_path / "before.json"), "--json")
    assert plain.returncode == 0, plain.stderr
    assert "not encrypted" not in plain.stderr
    given = ("--passphrase-file", str(passfile))
    assert _run(library, *given, "encrypt", "--json").returncode == 0
    for args in (
        ("export", "library", str(tmp_path / "after.json")),
        ("export", "citations", str(tmp_path / "refs.ris"), "--format", "ris"),
    ):
        proc = _run(library, *given, *args, "--json")
        assert proc.returncode == 0, proc.stderr
        assert "the export is not encrypted" in proc.stderr
        json.loads(proc.stdout)  # stdout stays JSON only
