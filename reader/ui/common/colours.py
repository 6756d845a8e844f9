"""What entity types and note colours are called and how they look, in every pane.

The reader draws mentions and highlights in these colours, the entity sidebar shows a type's
swatch and label, the notes list and editor show a note's colour bar and swatches, so they all
take them from here. Entity types come with a label (:data:`TYPE_LABELS`) and a pair of
backgrounds per theme (:func:`type_colours`: soft for "colour by type", strong for a chosen
entity); note colours (:data:`~reader.library.notes.COLOURS`) with a label
(:data:`COLOUR_LABELS`) and a pair per theme (:func:`note_colour`: soft on the page, strong for
swatches and bars). :data:`WARNING` is the colour of a warning's words (a passage not
found, a URL refused), legible on both themes.

The labels are English in the source and translated when read: :data:`TYPE_LABELS` and
:data:`COLOUR_LABELS` are read-only mappings whose values go through Qt's translation (contexts
``EntityTypes`` and ``NoteColours``), so every pane that shows them speaks the interface's
language without translating them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class TranslatedLabels(Mapping[str, str]):
    """A fixed ``{key: English label}`` table whose values are read translated.

    ``labels`` is the table, or what makes it when it is first read (so that a table built
    from the library's data does not load that module before a pane needs it)."""

    def __init__(
        self, context: str, labels: Mapping[str, str] | Callable[[], Mapping[str, str]]
    ) -> None:
        self.context = context
        self._source = labels
        self._table: dict[str, str] | None = None

    @property
    def _labels(self) -> dict[str, str]:
        if self._table is None:
            source = self._source
            self._table = dict(source() if callable(source) else source)
        return self._table

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate(self.context, self._labels[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def english(self, key: str) -> str:
        """The untranslated label of ``key``."""
        return self._labels[key]


WARNING = "#b5533c"

TYPE_LABELS = TranslatedLabels(
    "EntityTypes",
    {
        "person": QT_TRANSLATE_NOOP("EntityTypes", "Person"),
        "organization": QT_TRANSLATE_NOOP("EntityTypes", "Organisation"),
        "armed_group": QT_TRANSLATE_NOOP("EntityTypes", "Armed group"),
        "place": QT_TRANSLATE_NOOP("EntityTypes", "Place"),
        "commodity": QT_TRANSLATE_NOOP("EntityTypes", "Commodity"),
        "figure": QT_TRANSLATE_NOOP("EntityTypes", "Figure"),
        "other": QT_TRANSLATE_NOOP("EntityTypes", "Other"),
    },
)

Pair = tuple[str, str]  # (soft, strong)
#: type -> (light theme's pair, dark theme's pair): soft for "colour by type", strong for a
#: chosen entity's mentions and the sidebar's swatch
TYPE_COLOURS: dict[str, tuple[Pair, Pair]] = {
    "person": (("#f7e0de", "#eab4ae"), ("#472e30", "#7b4247")),
    "organization": (("#dfe8f5", "#b3cbeb"), ("#2a3a50", "#3f5d88")),
    "armed_group": (("#f8e3cd", "#efc08d"), ("#48381f", "#7d5a2c")),
    "place": (("#deefdc", "#b2dbad"), ("#2b412e", "#426d46")),
    "commodity": (("#eee3f5", "#d4bae6"), ("#3b2f48", "#654b7d")),
    "figure": (("#f4eecb", "#e3d68b"), ("#423e1d", "#6f6829")),
    "other": (("#e9e6e0", "#d0cbc1"), ("#353438", "#58565c")),
}


def type_label(type_: str) -> str:
    """How the entity type ``type_`` is called (``Armed group``); unknown types as given."""
    return TYPE_LABELS.get(type_, type_)


def type_colours(theme_name: str) -> dict[str, Pair]:
    """``{type: (soft, strong)}`` background colours for the theme called ``theme_name``."""
    dark = theme_name == "dark"
    return {type_: pairs[dark] for type_, pairs in TYPE_COLOURS.items()}


DEFAULT_COLOUR = "yellow"
_COLOUR_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("NoteColours", "Yellow"),
    "green": QT_TRANSLATE_NOOP("NoteColours", "Green"),
    "blue": QT_TRANSLATE_NOOP("NoteColours", "Blue"),
    "pink": QT_TRANSLATE_NOOP("NoteColours", "Pink"),
    "purple": QT_TRANSLATE_NOOP("NoteColours", "Purple"),
}


def _colour_labels() -> dict[str, str]:
    """Every note colour the library knows, with its English label."""
    from reader.library.notes import COLOURS  # when first read: not on the window's start

    return {c: _COLOUR_NAMES.get(c, c.title()) for c in COLOURS}


COLOUR_LABELS = TranslatedLabels("NoteColours", _colour_labels)
#: colour -> (light theme's pair, dark theme's pair): soft on the page, strong for swatches
NOTE_COLOURS: dict[str, tuple[Pair, Pair]] = {
    "yellow": (("#f8e6a0", "#e2bb32"), ("#544a1f", "#c9a93b")),
    "green": (("#d5ecc9", "#72b257"), ("#2d4629", "#6fa65a")),
    "blue": (("#d6e5f7", "#5f97d3"), ("#243d59", "#5f93cf")),
    "pink": (("#f6d6e1", "#db7399"), ("#55293a", "#d0769a")),
    "purple": (("#e5dbf3", "#9576cc"), ("#3d3156", "#9a80cc")),
}


def note_colour(theme_name: str, colour: str | None, *, strong: bool = False) -> str:
    """The ``#rrggbb`` of a note's ``colour`` (``None``: the default) in a theme."""
    pairs = NOTE_COLOURS.get(colour or DEFAULT_COLOUR, NOTE_COLOURS[DEFAULT_COLOUR])
    soft, strong_colour = pairs[theme_name == "dark"]
    return strong_colour if strong else soft
