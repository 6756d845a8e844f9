"""The bundled sample articles in ``resources/samples``, loaded on demand or on first run."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from reader.resources import resource_path
from reader.services.importing import ImportResult, ProgressFn, import_paths


def samples_folder() -> Path:
    """Where the sample articles ship."""
    return resource_path("samples")


def load_samples(library: Library, progress: ProgressFn | None = None) -> list[ImportResult]:
    """Import every sample article; ones already in the library come back as duplicates."""
    folder = samples_folder()
    if not folder.is_dir():
        raise FileNotFoundError(f"the sample articles are missing ({folder})")
    return import_paths(library, [folder], progress=progress)
