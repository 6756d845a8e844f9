"""Frozen value records for the read path, without :mod:`dataclasses`.

A search or a list answered from the command line builds a handful of small records
(:class:`reader.library.records.SearchHit`, the query tree of
:mod:`reader.library.search_query`, ...). Making them ``@dataclass`` costs every start-up
the import of :mod:`dataclasses` (which imports :mod:`inspect`, :mod:`ast`, :mod:`dis`,
:mod:`tokenize`) and the generated methods of each class, about a tenth of a bare
script's whole run; :class:`Frozen` gives those records the same behaviour at no cost.

A subclass names its fields in ``__slots__`` (in order) and writes its ``__init__`` with
:func:`setup` (or ``object.__setattr__``); it then compares, hashes, prints and pickles
by those fields, as a frozen dataclass does, and refuses to be changed afterwards. A field
left out of comparisons (a dataclass's ``compare=False``) is left out of ``_compared``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing on the read path
if TYPE_CHECKING:
    from typing import ClassVar

__all__ = ["Frozen", "FrozenError", "setup"]


class FrozenError(AttributeError):
    """A field of a frozen record was set or deleted."""


def setup(record: object, **values: object) -> None:
    """Give a :class:`Frozen` record its field values (from its ``__init__``)."""
    for name, value in values.items():
        object.__setattr__(record, name, value)


class Frozen:
    """A frozen record of the fields in the subclass's ``__slots__`` (see the module)."""

    __slots__: ClassVar[tuple[str, ...]] = ()
    #: The fields equality and the hash look at, when not all of ``__slots__``.
    _compared: ClassVar[tuple[str, ...] | None] = None

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def _key(self) -> tuple[object, ...]:
        names = self._compared
        return self._values() if names is None else tuple(getattr(self, n) for n in names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (self.__class__, self._values())
