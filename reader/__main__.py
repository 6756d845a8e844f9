"""Lets ``python -m reader`` run the same command line as ``fieldreader``."""

from reader.cli import main

raise SystemExit(main())
