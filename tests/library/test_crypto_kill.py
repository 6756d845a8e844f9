"""Killing an encryption or a passphrase change at any moment leaves one whole library
(SIGKILL, real subprocesses): the old one or the new one, every article in it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.library import Draft, Library, Original, cipher, crypto, maintenance

pytest.importorskip("sqlcipher3")
pytestmark = pytest.mark.e2e

ROUNDS = int(os.environ.get("FIELDREADER_KILL_ROUNDS", "4"))
ARTICLES = 60
OLD, NEW = "first passphrase", "second passphrase"

REWRITE = """
import sys
from reader.library import crypto
kind, path = sys.argv[1], sys.argv[2]
print("started", flush=True)
if kind == "encrypt":
    crypto.encrypt(path, sys.argv[3])
else:
    crypto.change_passphrase(path, sys.argv[4], sys.argv[3])
print("done", flush=True)
"""


@pytest.fixture(autouse=True)
def _forget_passphrases():
    cipher.forget()
    yield
    cipher.forget()


def _build(path: Path) -> None:
    rng = random.Random(11)
    with Library.open(path) as lib:
        for i in range(ARTICLES):  # some 10 MB: a kill lands while the copy is written
            words = " ".join(
                rng.choice(("river", "ledger", "convoy", "ration")) for _ in range(9000)
            )
            lib.add_article(
                Draft(title=f"Dispatch {i}", text=words),
                Original(f"d{i}.txt", rng.randbytes(60_000)),
            )


def _run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", REWRITE, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


def _timed(args: list[str]) -> float:
    """How long a whole rewrite takes once it has started (it runs to the end)."""
    proc = _run(args)
    assert proc.stdout is not None
    with proc.stdout:
        proc.stdout.readline()
        start = time.monotonic()
        assert proc.wait(timeout=300) == 0
    return time.monotonic() - start


def _kill_within(args: list[str], delay: float) -> None:
    proc = _run(args)
    assert proc.stdout is not None
    with proc.stdout:
        proc.stdout.readline()  # imported: the rewrite begins now
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def _whole(path: Path, candidates: tuple[str | None, ...]) -> str | None:
    """The passphrase (``None``: plain) that opens the library whole; fails otherwise."""
    for passphrase in candidates:
        if passphrase is None and not cipher.is_plain(path):
            continue
        if passphrase is not None and not cipher.is_encrypted(path):
            continue
        try:
            lib = Library.open(path, passphrase=passphrase)
        except cipher.WrongPassphraseError:
            continue
        try:
            report = maintenance.check(lib)
            assert report.ok, report.as_json()
            assert lib.count() == ARTICLES
        finally:
            lib.close()
        cipher.forget()
        return passphrase
    raise AssertionError(f"{path.name} opens with none of the passphrases: not whole")


def test_killed_encryptions_leave_the_plain_or_the_encrypted_library(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    _build(library)
    args = ["encrypt", str(library), OLD]
    duration = _timed(args)
    assert _whole(library, (OLD,)) == OLD
    crypto.decrypt(library, OLD)
    rng = random.Random(20261201)
    outcomes = []
    for _ in range(ROUNDS):
        _kill_within(args, rng.uniform(0.0, duration))
        outcomes.append(_whole(library, (None, OLD)))
        if outcomes[-1] == OLD:
            crypto.decrypt(library, OLD)
            cipher.forget()
    assert _whole(library, (None,)) is None
    crypto.encrypt(library, OLD)  # what a killed one left beside the file is no obstacle
    assert not library.with_name(library.name + crypto.REWRITING_SUFFIX).exists()


def test_killed_passphrase_changes_leave_the_old_or_the_new_key(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    _build(library)
    crypto.encrypt(library, OLD)
    cipher.forget()
    duration = _timed(["change", str(library), OLD, NEW])
    assert _whole(library, (NEW,)) == NEW
    current, other = NEW, OLD
    rng = random.Random(42)
    for _ in range(ROUNDS):
        _kill_within(["change", str(library), current, other], rng.uniform(0.0, duration))
        found = _whole(library, (current, other))
        if found == other:
            current, other = other, current
    crypto.change_passphrase(library, other, current)
    cipher.forget()
    assert _whole(library, (other,)) == other
