"""Fieldreader: an offline desktop reader for articles, reports and notes.

The package is split in layers. ``reader.library`` (the SQLite file), ``reader.ingest``
(files to article records) and ``reader.analysis`` never import Qt; ``reader.cli`` and
``reader.ui`` sit on top of them, and ``reader.app`` wires the desktop application.
"""

__version__ = "0.1.0"
