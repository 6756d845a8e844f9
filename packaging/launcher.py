"""The frozen app's entry script: the same command line as ``fieldreader``."""

from reader.cli import main

raise SystemExit(main())
