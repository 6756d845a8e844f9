"""Folders of small dispatch files for import tests: every one different, every one with
entities (Goma, M23, the FARDC, Kinshasa, Bukavu, coltan, Rubaya, Signal Risk)."""

from __future__ import annotations

from pathlib import Path


def write_dispatches(folder: Path, count: int, series: str = "") -> Path:
    """``count`` files ``000.txt``, ``001.txt``, … in a new ``folder``; ``series`` goes into
    every title and text, so two folders with different series share no article."""
    folder.mkdir(parents=True)
    of_series = f" of the {series.strip()} series" if series else ""
    for i in range(count):
        (folder / f"{i:03}.txt").write_text(
            f"{series}Dispatch {i} from Goma\n\nM23 fighters and the FARDC clashed near Goma on "
            f"day {i}{of_series}. Officials in Kinshasa said {i * 10 + 7} families fled toward "
            "Bukavu, and the coltan trade through Rubaya slowed. Analysts at Signal Risk expect "
            "more talks.\n"
        )
    return folder
