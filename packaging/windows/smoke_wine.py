"""Smoke-test the Windows build under wine: the command line, and the bundle's Qt plugins.

    python packaging/windows/smoke_wine.py [FIELDREADER_EXE]
    # default dist/windows/fieldreader/fieldreader.exe (packaging/build.py --windows)

Runs ``fieldreader.exe`` under wine (the prefix of ``windows/winenv.py``) in a throw-away
folder, with the checks of ``packaging/smoke_test.py``: ``--version``; ``import`` of a text
file and a saved web page with ``--json``; ``search``; ``list``; ``samples``; ``export
library`` (JSON with the articles). Any output on stderr fails, as does a bundle without
``qwindows.dll`` and ``qoffscreen.dll``.

Then the window: ``gui --screenshot`` on the offscreen platform (a 1400x900 PNG, kept as
``dist/windows/screenshot-wine.png``). Qt6Core.dll of the PySide6 wheel links against
``icuuc.dll`` by plain names (``ucnv_open``), the ICU that Windows 10 1903 and later carry
in System32; wine 8.0 has none, so ``icu_forwarder.py`` first puts one in the prefix
(forwarders to icu4py's ICU 78). And Qt's offscreen platform on Windows reads fonts only
from ``PySide6/lib/fonts`` (Qt ships none; the real ``qwindows`` platform uses the
system's), so the window runs from a copy of the app with the host's DejaVu fonts there.
Neither goes into the bundle. Exit status 0 when everything passed, else 1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from icu_forwarder import install as install_icu  # noqa: E402
from smoke_test import ROOT, SmokeTest  # noqa: E402
from winenv import cache_dir, wine_env  # noqa: E402

DEFAULT_EXE = ROOT / "dist" / "windows" / "fieldreader" / "fieldreader.exe"
TIMEOUT = 300
FONTS = Path("/usr/share/fonts/truetype/dejavu")
SCREENSHOT = ROOT / "dist" / "windows" / "screenshot-wine.png"


class WineSmokeTest(SmokeTest):
    """:class:`SmokeTest` with every command run by wine (paths on drive Z:)."""

    def run(
        self, label: str, args: list[str], *, exe: Path | None = None, **env: str
    ) -> subprocess.CompletedProcess[str] | None:
        command = ["wine", str(exe or self.exe), *args]
        environment = self.env(**env)
        environment.update({k: v for k, v in wine_env(cache_dir()).items() if "WINE" in k})
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=environment,
                cwd=self.work,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.fail(label, f"timed out after {TIMEOUT} s")
            return None
        self.times[label] = time.perf_counter() - started
        problems = []
        if done.returncode != 0:
            problems.append(f"exit status {done.returncode}")
        if done.stderr.strip():
            problems.append(
                "unexpected stderr:\n    " + done.stderr.strip().replace("\n", "\n    ")
            )
        for problem in problems:
            self.fail(label, problem)
        if problems:
            return None
        print(f"ok    {label} ({self.times[label]:.2f} s)")
        return done

    def command_line(self) -> None:
        """import (text, web page), search, list, samples and export library."""
        library = self.work / "library.sqlite"
        lib = ["--library", str(library)]
        text = self.work / "cobalt.txt"
        text.write_text(
            "Cobalt convoys reach Kolwezi\n\nTrucks carrying cobalt hydroxide reached "
            "Kolwezi on Tuesday after a week of delays on the road from Likasi.\n",
            encoding="utf-8",
        )
        result = self.run_json("import text --json", [*lib, "import", str(text), "--json"])
        ok = isinstance(result, list) and len(result) == 1 and isinstance(result[0], dict)
        article = result[0] if ok else {}
        self.check("import text --json", article.get("status") == "added", f"got {result!r}")
        self.check(
            "import text --json",
            article.get("title") == "Cobalt convoys reach Kolwezi",
            f"title {article.get('title')!r}",
        )
        hits = self.run_json("search --json", [*lib, "search", "cobalt", "--json"])
        ok = isinstance(hits, list) and bool(hits)
        if self.check("search --json", ok, f"got {hits!r}"):
            self.check("search --json", hits[0].get("id") == article.get("id"), f"got {hits!r}")
        hits = self.run_json("search (stemmed)", [*lib, "search", "convoy", "--json"])
        self.check("search (stemmed)", isinstance(hits, list) and bool(hits), f"got {hits!r}")
        loaded = self.run_json("samples --json", [*lib, "samples", "--json"])
        self.check("samples --json", isinstance(loaded, list) and bool(loaded), f"got {loaded!r}")
        items = self.run_json("list --json", [*lib, "list", "--json"])
        self.check("list --json", isinstance(items, list) and len(items) > 1, f"got {items!r}")
        self.export_library(lib)

    def export_library(self, lib: list[str]) -> None:
        import json

        target = self.work / "export.json"
        self.run("export library", [*lib, "export", "library", str(target)])
        try:
            exported = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            self.fail("export library", f"no JSON written: {exc}")
            return
        tables = exported.get("tables") if isinstance(exported, dict) else None
        articles = tables.get("articles") if isinstance(tables, dict) else None
        self.check("export library", bool(articles), "no articles in the export")

    def window(self) -> None:
        """``gui --screenshot`` offscreen, with ICU in the prefix and fonts in a copy."""
        label = "gui --screenshot"
        if not FONTS.is_dir():
            self.fail(label, f"no fonts at {FONTS} (apt-get install fonts-dejavu-core)")
            return
        install_icu(self.exe.parent / "_internal" / "PySide6" / "Qt6Core.dll")
        app = self.work / "app"
        shutil.copytree(self.exe.parent, app)
        fonts = app / "_internal" / "PySide6" / "lib" / "fonts"
        fonts.mkdir(parents=True)
        for font in FONTS.glob("DejaVuSans*.ttf"):
            shutil.copy2(font, fonts / font.name)
        shot = self.work / "screenshot.png"
        library = ["--library", str(self.work / "library.sqlite")]
        self.run(label, [*library, "gui", "--screenshot", str(shot)], exe=app / self.exe.name)
        self.check_png(label, shot)
        if shot.is_file():
            shutil.copy2(shot, SCREENSHOT)

    def plugins(self) -> None:
        platforms = self.exe.parent / "_internal" / "PySide6" / "plugins" / "platforms"
        for name in ("qwindows.dll", "qoffscreen.dll"):
            self.check("qt plugins", (platforms / name).is_file(), f"no {name} in {platforms}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", nargs="?", type=Path, default=DEFAULT_EXE, help="fieldreader.exe")
    parser.add_argument("--no-window", action="store_true", help="the command line only")
    args = parser.parse_args(argv)
    exe = args.exe.resolve()
    if not exe.is_file():
        print(f"smoke_wine: no {exe} (run packaging/build.py --windows)", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    with tempfile.TemporaryDirectory(prefix="fieldreader-wine-smoke-") as tmp:
        test = WineSmokeTest(exe, Path(tmp))
        test.home.mkdir()
        test.version(__version__)
        test.command_line()
        test.plugins()
        if not args.no_window:
            test.window()
    if test.failures:
        print(f"\nwine smoke test FAILED: {len(test.failures)} problem(s)", file=sys.stderr)
        return 1
    print(f"\nwine smoke test passed: {exe}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
