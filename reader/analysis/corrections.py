"""The user's corrections to entity extraction, and how they resolve.

Owns :class:`Corrections`: renames, retypes, merges (the merged name becomes an alias of the
target), hidden names ("not an entity") and added strings ("mark this as an entity of type
T"). The extractor applies them first on every article; the library stores them as plain
``(kind, name, value)`` rows (:meth:`Corrections.to_rows` / :meth:`Corrections.from_rows`).

Chains resolve: if A is merged into B and B renamed to C, mentions of A end up as C. At each
step a merge is followed before a rename; cycles stop at the first repeated name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.library.errors import InvalidInputError

TYPES = ("person", "organization", "armed_group", "place", "commodity", "figure", "other")
KINDS = ("rename", "retype", "merge", "hide", "add")


@dataclass
class Corrections:
    """Everything the user corrected, keyed by entity name."""

    renames: dict[str, str] = field(default_factory=dict)  # canonical name -> new name
    retypes: dict[str, str] = field(default_factory=dict)  # name -> type
    merges: dict[str, str] = field(default_factory=dict)  # merged name -> target name
    hidden: set[str] = field(default_factory=set)  # names that are not entities
    added: dict[str, str] = field(default_factory=dict)  # marked surface string -> type

    def __post_init__(self) -> None:
        for name, type_ in (*self.retypes.items(), *self.added.items()):
            _check_type(type_, name)

    def __bool__(self) -> bool:
        return bool(self.renames or self.retypes or self.merges or self.hidden or self.added)

    # -- resolution ----------------------------------------------------------------------

    def chain(self, name: str) -> list[str]:
        """``name`` and every name it turns into through merges and renames, in order."""
        names = [name]
        seen = {name}
        while True:
            current = names[-1]
            following = self.merges.get(current) or self.renames.get(current)
            if following is None or following in seen:
                return names
            names.append(following)
            seen.add(following)

    def resolve(self, name: str) -> str:
        """The name that mentions of ``name`` are shown under."""
        if name not in self.merges and name not in self.renames:
            return name
        return self.chain(name)[-1]

    def is_hidden(self, name: str) -> bool:
        """Whether ``name``, or a name it resolves to, was marked "not an entity"."""
        if not self.hidden:
            return False
        return any(n in self.hidden for n in self.chain(name))

    def retype_for(self, name: str) -> str | None:
        """The type the user gave ``name`` or a name it resolves to (the latest in the chain)."""
        if not self.retypes:
            return None
        for n in reversed(self.chain(name)):
            if n in self.retypes:
                return self.retypes[n]
        return None

    def apply(
        self, name: str, type_: str, type_of: Callable[[str], str | None] | None = None
    ) -> tuple[str, str] | None:
        """The ``(name, type)`` a mention of ``name`` (typed ``type_``) is shown as.

        None when the user hid it. A merged or renamed mention takes the user's retype if any,
        else the type ``type_of`` knows for a name further down the chain (a merge target's),
        else keeps ``type_``.
        """
        chain = self.chain(name)
        if self.hidden and any(n in self.hidden for n in chain):
            return None
        retyped = self.retype_for(name)
        if retyped is not None:
            return chain[-1], retyped
        if len(chain) > 1 and type_of is not None:
            for n in reversed(chain[1:]):
                known = type_of(n)
                if known:
                    return chain[-1], known
        return chain[-1], type_

    def aliases_of(self, name: str) -> list[str]:
        """Names the user merged or renamed into ``name`` (directly or through a chain)."""
        found = [n for n in (*self.merges, *self.renames) if n != name and self.resolve(n) == name]
        return sorted(set(found))

    # -- edits ---------------------------------------------------------------------------

    def rename(self, name: str, new_name: str) -> None:
        self.renames[name] = new_name

    def retype(self, name: str, type_: str) -> None:
        _check_type(type_, name)
        self.retypes[name] = type_

    def merge(self, name: str, target: str) -> None:
        if name == target:
            raise InvalidInputError(f"cannot merge {name!r} into itself")
        self.merges[name] = target

    def hide(self, name: str) -> None:
        self.hidden.add(name)

    def add(self, surface: str, type_: str) -> None:
        _check_type(type_, surface)
        if not surface.strip():
            raise InvalidInputError("cannot mark an empty string as an entity")
        self.added[surface] = type_

    # -- storage -------------------------------------------------------------------------

    def to_rows(self) -> list[tuple[str, str, str]]:
        """``(kind, name, value)`` rows, sorted; ``value`` is ``""`` for hide."""
        rows = [("rename", k, v) for k, v in self.renames.items()]
        rows += [("retype", k, v) for k, v in self.retypes.items()]
        rows += [("merge", k, v) for k, v in self.merges.items()]
        rows += [("hide", k, "") for k in self.hidden]
        rows += [("add", k, v) for k, v in self.added.items()]
        return sorted(rows, key=lambda r: (KINDS.index(r[0]), r[1], r[2]))

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> Corrections:
        """The corrections stored as ``rows`` (later rows win for the same kind and name)."""
        corrections = cls()
        for kind, name, value in rows:
            if kind == "rename":
                corrections.rename(name, value)
            elif kind == "retype":
                corrections.retype(name, value)
            elif kind == "merge":
                corrections.merge(name, value)
            elif kind == "hide":
                corrections.hide(name)
            elif kind == "add":
                corrections.add(name, value)
            else:
                raise InvalidInputError(f"unknown correction kind {kind!r}")
        return corrections


def _check_type(type_: str, name: str) -> None:
    if type_ not in TYPES:
        raise InvalidInputError(
            f"unknown entity type {type_!r} for {name!r}; expected one of {TYPES}"
        )
