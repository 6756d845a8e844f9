"""Run by the e2e tests: a process that holds a library open, as the window does.

Usage: ``python tests/helpers/library_holder.py LIBRARY``. It opens the library, prints
``READY`` and waits for one line on stdin. ``notes N`` saves N free-standing notes and
prints their ids (``SAVED 4 5 6``); any other line (or the end of stdin) closes the
library and ends the process.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on the path, and its http.py would hide the
# standard library's: look here last.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from reader.library import Library


def main(library_path: Path) -> int:
    with Library.open(library_path) as library:
        print("READY", flush=True)
        for line in sys.stdin:
            words = line.split()
            if len(words) != 2 or words[0] != "notes":
                break
            ids = [
                library.add_note(None, f"saved by the holder, {i + 1} of {words[1]}")
                for i in range(int(words[1]))
            ]
            print("SAVED " + " ".join(map(str, ids)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
