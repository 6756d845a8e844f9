"""Field packs: one zip file that carries articles, notes and codings between libraries.

A ``.fieldpack`` is a zip of ``manifest.json``, ``data.json`` and ``originals/<article
uid>`` (each article's original bytes). The manifest names the format
(``fieldreader-pack``), its version, the schema and app that wrote it, the library's uid,
its coder, when it was written, since when it carries changes, what that library had
already merged of others' packs (``seen``: library uid -> time of the newest), and the
SHA-256 and size of every other member.

:func:`read_pack` checks a pack whole before anything is merged, in memory (nothing is
extracted to disk): a file that is not a zip, a member damaged or truncated (CRC), a name
that is absolute, holds ``\\`` or ``..``, appears twice or is not in the manifest, a member
missing, too big, too many or compressed too well (:data:`MAX_MEMBER_BYTES`,
:data:`MAX_TOTAL_BYTES`, :data:`MAX_MEMBERS`, :data:`MAX_RATIO`), a SHA-256 that differs,
or a newer format: each is refused with one line (:class:`PackError`) and nothing changes.
:func:`export_pack` writes beside the destination and moves the file into place whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reader
from reader.library import Library
from reader.library import coders as _coders
from reader.library import packs as _packs
from reader.library import packs_merge as _merge
from reader.library.errors import InvalidInputError
from reader.library.library import now_iso
from reader.library.schema import SCHEMA_VERSION
from reader.services.extraction import reextract

FORMAT = "fieldreader-pack"
FORMAT_VERSION = 1
SUFFIX = ".fieldpack"
MANIFEST = "manifest.json"
DATA = "data.json"
ORIGINALS = "originals/"
#: Caps on what a pack may hold (module values, so a test can lower them).
MAX_MEMBERS = 200_000
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
#: Largest uncompressed/compressed ratio of a member over :data:`RATIO_FLOOR` bytes.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_UID = re.compile(r"^[0-9a-f]{32}$")
#: The zip comment seals the file: this prefix, then the SHA-256 (hex) of every byte of the
#: file before the comment, so that no byte can change unnoticed, not even one the zip
#: format does not check (times, attributes, the central directory).
SEAL_PREFIX = b"fieldreader-pack sha256:"
SEAL_LENGTH = len(SEAL_PREFIX) + 64


class PackError(InvalidInputError):
    """A pack refused whole (damaged, hostile, or from a newer Fieldreader)."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A pack read and checked: its manifest, data, originals and the file's SHA-256."""

    manifest: dict[str, Any]
    data: dict[str, Any]
    originals: dict[str, bytes]
    sha256: str

    @property
    def record(self) -> _merge.PackRecord:
        seen = self.manifest.get("seen")
        return _merge.PackRecord(
            sha256=self.sha256,
            library_uid=str(self.manifest["library_uid"]),
            coder=self.manifest.get("coder"),
            created=str(self.manifest["created"]),
            seen={str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {},
            since=str(since) if (since := self.manifest.get("since")) is not None else None,
        )


# -- writing ----------------------------------------------------------------------------------
def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def export_pack(
    library: Library, dest: Path, selection: _packs.Selection | None = None
) -> dict[str, Any]:
    """Write a pack of ``selection`` to ``dest`` (atomically); ``{"file", "articles",
    "notes", "codings", "bytes", "sha256"}``. Records the time as this library's last pack."""
    dest = Path(dest)
    selection = selection or _packs.Selection()
    uid = _coders.library_uid(library)
    created = now_iso()
    gathered = _packs.gather(library, selection)
    members: dict[str, bytes] = {
        DATA: json.dumps(gathered.data, ensure_ascii=False, separators=(",", ":")).encode(),
    }
    for article_uid, data in gathered.originals.items():
        members[ORIGINALS + article_uid] = data
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "app_version": reader.__version__,
        "library_uid": uid,
        "coder": _coders.coder(library),
        "created": created,
        "since": selection.since,
        "includes_private": selection.include_private,
        "seen": _merge.latest_seen(library),
        "counts": {k: gathered.count(k) for k in ("articles", "notes", "codings")},
        "members": {n: {"sha256": _digest(b), "size": len(b)} for n, b in members.items()},
    }
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                for name, data in members.items():
                    zf.writestr(name, data)
                zf.comment = SEAL_PREFIX + b"0" * 64
        sha = _seal(tmp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _coders.set_setting(library, _coders.LAST_PACK_KEY, created)
    return {
        "file": str(dest),
        "articles": gathered.count("articles"),
        "notes": gathered.count("notes"),
        "codings": gathered.count("codings"),
        "bytes": dest.stat().st_size,
        "sha256": sha,
    }


def _seal(path: Path) -> str:
    """Write the SHA-256 of the bytes before the comment into the comment's last 64 bytes,
    and flush the file to disk; the SHA-256 of the whole sealed file."""
    raw = bytearray(path.read_bytes())
    raw[-64:] = _digest(bytes(raw[:-SEAL_LENGTH])).encode("ascii")
    with path.open("r+b") as handle:
        handle.seek(-64, os.SEEK_END)
        handle.write(bytes(raw[-64:]))
        handle.flush()
        os.fsync(handle.fileno())
    return _digest(bytes(raw))


# -- reading ----------------------------------------------------------------------------------
def _check_seal(raw: bytes, comment: bytes, label: str) -> None:
    if len(comment) != SEAL_LENGTH or not comment.startswith(SEAL_PREFIX):
        raise PackError(f"{label} is not sealed as a field pack (it was altered or damaged)")
    if not raw.endswith(comment) or _digest(raw[:-SEAL_LENGTH]).encode() != comment[-64:]:
        raise PackError(f"{label} was altered or damaged (its seal does not match)")


def _bad_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or any(p in ("", ".", "..") for p in parts)
        or "\x00" in name
    )


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    try:
        with zf.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError) as exc:
        raise PackError(f"{label} is damaged ({info.filename}: {exc})") from None
    except (NotImplementedError, RuntimeError) as exc:
        raise PackError(f"{label} cannot be read ({info.filename}: {exc})") from None
    if len(data) != info.file_size:
        raise PackError(f"{label} is damaged ({info.filename} has the wrong size)")
    return data


def _check_members(infos: list[zipfile.ZipInfo], label: str) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise PackError(f"{label} holds too many files ({len(infos)}, at most {MAX_MEMBERS})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if _bad_name(name):
            raise PackError(f"{label} holds a file with an unsafe name ({name!r})")
        if name in by_name:
            raise PackError(f"{label} holds {name!r} twice")
        if info.flag_bits & 0x1:
            raise PackError(f"{label} holds an encrypted member ({name!r})")
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackError(f"{label}: {name} is over the size cap ({MAX_MEMBER_BYTES} bytes)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackError(f"{label}: {name} is compressed suspiciously well (refused)")
        total += info.file_size
        by_name[name] = info
    if total > MAX_TOTAL_BYTES:
        raise PackError(f"{label} is over the size cap ({MAX_TOTAL_BYTES} bytes unpacked)")
    return by_name


def _manifest(raw: bytes, label: str) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackError(f"{label} has a damaged manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackError(f"{label} is not a Fieldreader field pack")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackError(f"{label} has no valid format_version")
    if version > FORMAT_VERSION:
        raise PackError(
            f"{label} uses field pack format {version}, newer than this Fieldreader "
            f"understands ({FORMAT_VERSION}); upgrade Fieldreader to import it"
        )
    for key in ("library_uid", "created"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise PackError(f"{label} has no valid {key} in its manifest")
    coder = manifest.get("coder")
    if coder is not None and not isinstance(coder, str):
        raise PackError(f"{label} has no valid coder in its manifest")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("sha256"), str) for v in members.values()
    ):
        raise PackError(f"{label} has no valid list of members in its manifest")
    return manifest


def read_pack(path: Path) -> Pack:
    """Read and check the pack at ``path`` whole (:class:`PackError` when it is refused)."""
    try:
        return _read_pack(Path(path))
    except InvalidInputError:
        raise
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OverflowError) as exc:
        raise PackError(f"{Path(path).name} is damaged ({exc})") from None


def _read_pack(path: Path) -> Pack:
    label = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"cannot read {label}: {exc.strerror or exc}") from None
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise PackError(f"{label} is not a field pack (not a valid zip file)") from None
    with zf:
        by_name = _check_members(zf.infolist(), label)
        info = by_name.get(MANIFEST)
        if info is None:
            raise PackError(f"{label} is not a field pack (it has no {MANIFEST})")
        if info.file_size > MAX_MANIFEST_BYTES:
            raise PackError(f"{label} has a manifest over the size cap")
        manifest = _manifest(_member(zf, info, label), label)
        listed: Mapping[str, Any] = manifest["members"]
        extra = sorted(set(by_name) - set(listed) - {MANIFEST})
        if extra:
            raise PackError(f"{label} holds a file its manifest does not list ({extra[0]})")
        missing = sorted(set(listed) - set(by_name))
        if missing:
            raise PackError(f"{label} is incomplete ({missing[0]} is missing)")
        if DATA not in listed:
            raise PackError(f"{label} is not a field pack (it has no {DATA})")
        contents: dict[str, bytes] = {}
        for name in listed:
            data = _member(zf, by_name[name], label)
            if _digest(data) != listed[name]["sha256"]:
                raise PackError(f"{label} was altered or damaged ({name} does not match its hash)")
            contents[name] = data
        _check_seal(raw, zf.comment, label)
    try:
        data_obj = json.loads(contents.pop(DATA).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackError(f"{label} has damaged data") from None
    if not isinstance(data_obj, dict):
        raise PackError(f"{label} has damaged data")
    try:
        checked = _packs.read_data(data_obj)
    except InvalidInputError as exc:
        raise PackError(f"{label}: {exc}") from None
    originals: dict[str, bytes] = {}
    for name, blob in contents.items():
        uid = name.removeprefix(ORIGINALS)
        if not name.startswith(ORIGINALS) or not _UID.match(uid):
            raise PackError(f"{label} holds a file a field pack does not have ({name})")
        originals[uid] = blob
    return Pack(manifest, checked, originals, _digest(raw))


# -- inspecting and importing -----------------------------------------------------------------
def inspect_pack(library: Library, path: Path) -> dict[str, Any]:
    """What the pack holds and what importing it here would do, changing nothing."""
    pack = read_pack(path)
    p = _merge.plan(library, pack.data)
    return {
        "format_version": pack.manifest["format_version"],
        "coder": pack.manifest.get("coder"),
        "created": pack.manifest["created"],
        "articles": p.summary("articles"),
        "notes": p.summary("notes"),
        "codings": p.summary("codings"),
        "conflicts": len(p.conflicts),
        "trashes": p.trashes,
        "library_uid": pack.manifest["library_uid"],
        "sha256": pack.sha256,
        "skipped": p.skipped,
        "needs_yes": _merge.needs_yes(library, p),
        "seen_before": pack.sha256 in _merge.seen_packs(library),
    }


def import_pack(library: Library, path: Path, *, yes: bool = False) -> dict[str, Any]:
    """Merge the pack at ``path`` in one transaction: ``{"added": {"articles", "notes",
    "codings"}, "unchanged", "conflicts", "trashed"}`` (and ``updated``, ``skipped``).
    :class:`PackError` or :class:`~reader.library.packs_merge.MassTrashError` change
    nothing."""
    return merge_pack(library, read_pack(path), yes=yes)


def merge_pack(library: Library, pack: Pack, *, yes: bool = False) -> dict[str, Any]:
    """:func:`import_pack` of a pack already read."""
    done = _merge.merge(library, pack.data, pack.originals, yes=yes, record=pack.record)
    # the added articles' entities, with this library's corrections (a pack carries none)
    reextract(library, done.new_article_ids)
    return done.as_json()


# -- agreement between coders -----------------------------------------------------------------
def coder_agreement(
    library: Library, a_coder: str, b_coder: str, codebook: str | None = None
) -> dict[str, Any]:
    """Cohen's kappa of two coders per dimension (:mod:`reader.analysis.agreement`), for one
    codebook or each one either coder used: ``{"dimensions": [{"id", "kappa", "both",
    "only_a", "only_b", "neither", "codebook"}], "overall", "sentences", "articles"}``."""
    from reader.analysis.agreement import Table, agreement

    mine = _coders.coder_codings(library, a_coder, codebook)
    theirs = _coders.coder_codings(library, b_coder, codebook)
    books = sorted(set(mine) | set(theirs)) if codebook is None else [codebook]
    ids = sorted({c.article_id for rows in [*mine.values(), *theirs.values()] for c in rows})
    texts = _coders.article_texts(library, ids)
    dimensions: list[dict[str, Any]] = []
    total = Table(0, 0, 0, 0)
    sentences = articles = 0
    for book in books:
        result = agreement(texts, mine.get(book, []), theirs.get(book, []))
        for row in result.as_json()["dimensions"]:
            dimensions.append({**row, "codebook": book})
        total = total + result.overall
        sentences += result.sentences
        articles += result.articles
    kappa = total.kappa
    return {
        "dimensions": dimensions,
        "overall": None if kappa is None else round(kappa, 4),
        "a_coder": a_coder,
        "b_coder": b_coder,
        "sentences": sentences,
        "articles": articles,
    }


def read_manifest(path: Path) -> dict[str, Any]:
    """Just the checked manifest of the pack at ``path`` (:class:`PackError` if unfit)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            by_name = _check_members(zf.infolist(), path.name)
            info = by_name.get(MANIFEST)
            if info is None or info.file_size > MAX_MANIFEST_BYTES:
                raise PackError(f"{path.name} is not a field pack (no usable {MANIFEST})")
            return _manifest(_member(zf, info, path.name), path.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        if isinstance(exc, InvalidInputError):
            raise
        raise PackError(f"{path.name} is not a field pack (not a valid zip file)") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path.name}: {exc.strerror or exc}") from None
