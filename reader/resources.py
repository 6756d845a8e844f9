"""Where the files shipped with the app live, from a checkout and from a frozen build.

Everything under the repository's ``resources/`` folder is reached through
:func:`resource_path`; a PyInstaller build bundles that folder as ``resources`` beside the
executable's unpacked files (``sys._MEIPASS``).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path


@functools.cache
def resources_root() -> Path:
    """The ``resources`` folder of this installation."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("samples")``."""
    return resources_root().joinpath(*parts)
