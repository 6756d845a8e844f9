"""Fieldreader: an offline desktop reader for articles, reports and notes.

The package is split in layers, each importing only those below it: ``reader.library``
(the SQLite file, the only place with SQL), ``reader.analysis`` (sentences, entities,
codebooks), ``reader.ingest`` (files, pages and feeds to drafts), ``reader.services`` (the
use cases the window and the command line share), then ``reader.cli`` and ``reader.ui``
side by side, ``reader.app`` (which wires the window) and ``reader.__main__`` (the
launcher). Nothing below ``reader.ui`` imports Qt.
"""

__version__ = "0.1.0"
