"""The team folder: a folder any sync engine carries (a USB stick, Syncthing, Nextcloud).

Each library writes one pack there, ``<library uid>.fieldpack``, replaced whole (written
beside it and renamed), and reads the others'. :func:`sync` first merges every other pack
it has not merged yet (by SHA-256), then writes its own with only what changed since the
oldest of its packs that *every* other library in the folder has merged (each pack's
manifest says up to when its library had received each other's content, along an unbroken
chain of packs from a full one; when some library there has not received all of ours yet,
or it is the first time, the pack carries everything). Files in
transfer or left by a sync engine's conflict handling (names starting with ``.`` or ``~``,
``*.tmp``, Syncthing's ``.sync-conflict-``, Nextcloud's ``(conflicted copy``) are skipped.
A pack the mass-deletion guard stops is held (listed, not merged) unless ``yes``; a pack
refused as damaged is listed with its reason; neither stops the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.library import Library
from reader.library import coders as _coders
from reader.library import packs as _packs
from reader.library import packs_merge as _merge
from reader.library.errors import InvalidInputError
from reader.services import packs as _files

_ENGINE_LEFTOVERS = re.compile(r"\.sync-conflict-|\(conflicted copy|^\.|^~|\.tmp$", re.I)


@dataclass(slots=True)
class SyncResult:
    """What :func:`sync` did."""

    wrote: str | None = None
    imported: list[str] = field(default_factory=list)
    conflicts: int = 0
    held: list[str] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    since: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "wrote": self.wrote,
            "imported": self.imported,
            "conflicts": self.conflicts,
            "held": self.held,
            "refused": self.refused,
            "since": self.since,
        }


def own_pack_name(library: Library) -> str:
    """The name of this library's pack in a team folder."""
    return f"{_coders.library_uid(library)}{_files.SUFFIX}"


def candidates(folder: Path) -> list[Path]:
    """The packs in ``folder`` worth reading (sync engines' leftovers skipped), by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix == _files.SUFFIX and p.is_file() and not _ENGINE_LEFTOVERS.search(p.name)
    )


def _since(library: Library, own: str, peers: list[dict[str, Any]]) -> str | None:
    if not peers:
        return _coders.setting(library, _coders.LAST_PACK_KEY)
    acks: list[str] = []
    for manifest in peers:
        seen = manifest.get("seen")
        ack = seen.get(own) if isinstance(seen, dict) else None
        if not isinstance(ack, str):
            return None
        acks.append(ack)
    return min(acks)


def sync(library: Library, folder: Path, *, yes: bool = False) -> SyncResult:
    """Merge the others' new packs from ``folder``, then write this library's own."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise InvalidInputError(f"the team folder {folder} does not exist or is not a folder")
    own = _coders.library_uid(library)
    result = SyncResult()
    seen = _merge.seen_packs(library)
    peers: dict[str, dict[str, Any]] = {}
    for path in candidates(folder):
        try:
            manifest = _files.read_manifest(path)
        except InvalidInputError as exc:
            result.refused.append({"file": path.name, "error": str(exc)})
            continue
        uid = str(manifest["library_uid"])
        if uid == own:
            continue
        if uid not in peers or str(manifest["created"]) > str(peers[uid]["created"]):
            peers[uid] = manifest
        try:
            pack = _files.read_pack(path)
            if pack.sha256 in seen:
                continue
            done = _files.merge_pack(library, pack, yes=yes)
        except _merge.MassTrashError:
            result.held.append(path.name)
            continue
        except InvalidInputError as exc:
            result.refused.append({"file": path.name, "error": str(exc)})
            continue
        result.imported.append(path.name)
        result.conflicts += int(done["conflicts"])
    result.since = _since(library, own, list(peers.values()))
    dest = folder / own_pack_name(library)
    _files.export_pack(library, dest, _packs.Selection(since=result.since))
    result.wrote = str(dest)
    return result
