"""Commands of the ``fieldreader`` command line.

Encrypting the library: encrypt, decrypt, passphrase change. Each writes a new file and
swaps it in (a kill leaves the old library or the new one whole) and refuses while another
process has the library open. The passphrase comes as for every command (``--passphrase-file
F``, ``FIELDREADER_PASSPHRASE``, or asked on a terminal: twice when it is a new one); the new
passphrase of ``passphrase change`` from ``--new-passphrase-file F``,
``FIELDREADER_NEW_PASSPHRASE`` or the terminal. A lost passphrase cannot be recovered.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from reader.cli.common import (
    EXIT_OK,
    add_actions,
    ask,
    emit,
    on_terminal,
    read_passphrase_file,
    unlock,
)
from reader.library import cipher
from reader.library.errors import InvalidInputError

NEW_PASSPHRASE_ENV = "FIELDREADER_NEW_PASSPHRASE"
_GIVEN = "--passphrase-file, FIELDREADER_PASSPHRASE"
LOST = "keep the passphrase safe: a lost passphrase cannot be recovered"


def _new_passphrase(given: str | None, what: str, sources: str) -> str:
    """The new passphrase: ``given``, else asked twice on a terminal."""
    if given:
        return cipher.check_passphrase(given)
    if not on_terminal():
        raise InvalidInputError(f"give the {what} with {sources} or at the prompt")
    first = ask(f"New {what} (a lost passphrase cannot be recovered): ")
    if not first:
        raise InvalidInputError(f"no {what} given: nothing was changed")
    if ask(f"The {what} again: ") != first:
        raise InvalidInputError("the two passphrases differ: nothing was changed")
    return cipher.check_passphrase(first)


def _report(args: argparse.Namespace, done: Any, said: str) -> int:
    backups = f" (and {len(done.backups)} backups)" if done.backups else ""
    skipped = (
        f"; {len(done.skipped)} backups were left as they were (another passphrase, or in use)"
        if done.skipped
        else ""
    )
    tail = f"; {LOST}" if done.encrypted else ""
    emit(args, done.as_json(), f"{said} {done.file}{backups}{skipped}{tail}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from reader.library import crypto

    path = Path(args.library)
    given = cipher.remembered(path)
    done = crypto.encrypt(path, _new_passphrase(given, "passphrase", _GIVEN))
    return _report(args, done, "encrypted")


def cmd_decrypt(args: argparse.Namespace) -> int:
    from reader.library import crypto

    unlock(args)
    return _report(args, crypto.decrypt(Path(args.library)), "decrypted")


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    from reader.library import crypto

    path = Path(args.library)
    if not cipher.is_encrypted(path):
        raise InvalidInputError(
            "the library is not encrypted (encrypt it with 'fieldreader encrypt')"
        )
    unlock(args)
    if args.new_passphrase_file:
        given: str | None = read_passphrase_file(Path(args.new_passphrase_file))
    else:
        given = os.environ.get(NEW_PASSPHRASE_ENV) or None
    new = _new_passphrase(given, "new passphrase", f"--new-passphrase-file, {NEW_PASSPHRASE_ENV}")
    return _report(args, crypto.change_passphrase(path, new), "changed the passphrase of")


def register(sub: Any, json_opt: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``fieldreader`` parser."""
    p = sub.add_parser(
        "encrypt", parents=[json_opt], help="encrypt the library (asks for a new passphrase)"
    )
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("decrypt", parents=[json_opt], help="make an encrypted library plain")
    p.set_defaults(func=cmd_decrypt)

    actions = add_actions(sub, "passphrase", "passphrase_action", help="the library's passphrase")
    p = actions.add_parser(
        "change", parents=[json_opt], help="re-encrypt the library with a new passphrase"
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="F",
        help=f"the new passphrase, in a file (default: ${NEW_PASSPHRASE_ENV}, else asked)",
    )
    p.set_defaults(func=cmd_passphrase_change)
