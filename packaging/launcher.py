"""The frozen app's entry script: the same command line as ``fieldreader``."""

import multiprocessing

from reader.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import workers start through this executable
    raise SystemExit(main())
