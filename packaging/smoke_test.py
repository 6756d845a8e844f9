"""Smoke-test the frozen app: every command, the window, portable mode, and a quiet stderr.

    python packaging/smoke_test.py [EXECUTABLE]        # default dist/fieldreader/fieldreader
    python packaging/smoke_test.py --timing 5          # also: median start-up times

Runs the built executable (not the checkout) in a throw-away home folder, offscreen:
``--version``; ``import`` of a text file, a saved web page, a French article, a Windows-1252
file and a Word document into a temporary library with ``--json``; ``search`` (a stemmed
word too), ``list``, ``show`` and ``samples`` with ``--json``; ``export library``; an
encrypted copy (``encrypt``, then ``list`` with the passphrase); ``gui --screenshot`` (a
1400x900 PNG); ``fieldreader FILE`` (what "Open with" runs: the file imported, the window
opened and closed); the default library place when nothing names one; portable mode (a
copy of the app with a ``portable`` file keeps its library and settings in
``fieldreader-data`` beside the executable, and nothing in the home folder); and the
bundle's contents (licences, dist-info metadata, Qt's French, Ukrainian and Russian
catalogues). Between them these reach every compiled dependency: sqlcipher3, PyStemmer,
gcld3, charset-normalizer, mammoth, lxml, pyahocorasick. Any output on stderr fails the
test. Exit status 0 when everything passed, else 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXE = (
    ROOT / "dist" / "fieldreader" / ("fieldreader.exe" if os.name == "nt" else "fieldreader")
)
SCREENSHOT_SIZE = (1400, 900)
TIMEOUT = 180

ARTICLE = """\
Cobalt convoys reach Kolwezi

Trucks carrying cobalt hydroxide reached Kolwezi on Tuesday after a week of delays on the
road from Likasi. Traders said the smoke-test shipment was the largest this month.
"""

PAGE = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lithium survey begins in Manono | Example News</title>
<meta property="og:title" content="Lithium survey begins in Manono">
<meta name="author" content="A. Reporter">
<meta property="article:published_time" content="2025-03-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Lithium survey begins in Manono</h1>
<p>Geologists began a new survey of the Manono lithium deposit this week, officials said,
after months of talks between the mining ministry and the companies holding the permits.</p>
<p>The survey will map the pegmatite bodies along the Lukushi river and is expected to take
most of the year, according to a ministry statement read on local radio.</p>
<p>Residents said they hoped the work would bring roads and jobs to the town, which has
waited decades for the deposit to be developed.</p>
</article>
<footer>Cookies help us deliver our services. Share this article.</footer>
<script>document.write("never run")</script>
</body></html>
"""


FRENCH = """\
Les marchés de Goma rouvrent après trois semaines

Les commerçants du grand marché de Goma ont rouvert leurs étals lundi matin, après trois
semaines de fermeture liées aux combats dans les environs de la ville. Les prix du maïs, du
manioc et des haricots restent très élevés, mais les camions venus de Rutshuru et de
Butembo recommencent à circuler sur la route nationale, selon les transporteurs interrogés.
"""

#: Windows-1252 bytes (no BOM, no declaration): the encoding has to be guessed.
LEGACY = (
    "Kisangani traders wait for the river\n\n"
    "The barges from Kinshasa are late again \u2013 \u201cwe have waited three weeks\u201d, "
    "said a trader at the port, where the price of salt and fuel has doubled since the "
    "water fell. The caf\u00e9 owners near the quay say the r\u00e9gion has seen worse.\n"
).encode("cp1252")

DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>"
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        "<w:r><w:t>Bunia clinic report</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>The clinic in Bunia treated forty patients for cholera this week, "
        "the health zone said, and asked for more oral rehydration salts.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ),
}


def make_docx(path: Path) -> None:
    """A minimal Word document (one heading, one paragraph), written by hand."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in DOCX_PARTS.items():
            archive.writestr(name, text)


class SmokeTest:
    """Runs commands against one executable and records what failed."""

    def __init__(self, exe: Path, work: Path) -> None:
        self.exe = exe
        self.work = work
        self.home = work / "home"
        self.failures: list[str] = []
        self.times: dict[str, float] = {}

    # -- running ---------------------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: a throw-away home, offscreen Qt, no Fieldreader variables."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDREADER_")}
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env.pop(name, None)
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            APPDATA=str(self.home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        env.update(extra)
        return env

    def run(
        self, label: str, args: list[str], *, exe: Path | None = None, **env: str
    ) -> subprocess.CompletedProcess[str] | None:
        """Run the app; a non-zero exit or any stderr output is a failure (None returned)."""
        command = [str(exe or self.exe), *args]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=self.env(**env),
                cwd=self.work,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.fail(label, f"timed out after {TIMEOUT} s")
            return None
        self.times[label] = time.perf_counter() - started
        ok = True
        if done.returncode != 0:
            self.fail(label, f"exit status {done.returncode}")
            ok = False
        if done.stderr.strip():
            self.fail(
                label, "unexpected stderr:\n    " + done.stderr.strip().replace("\n", "\n    ")
            )
            ok = False
        if ok:
            print(f"ok    {label} ({self.times[label]:.2f} s)")
        return done if ok else None

    def run_json(self, label: str, args: list[str], **env: str) -> Any:
        done = self.run(label, args, **env)
        if done is None:
            return None
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError as exc:
            self.fail(label, f"stdout is not JSON ({exc}): {done.stdout[:200]!r}")
            return None

    def fail(self, label: str, message: str) -> None:
        self.failures.append(f"{label}: {message}")
        print(f"FAIL  {label}: {message}")

    def check(self, label: str, condition: bool, message: str) -> bool:
        if not condition:
            self.fail(label, message)
        return condition

    # -- the checks ------------------------------------------------------------------------

    def version(self, expected: str) -> None:
        done = self.run("--version", ["--version"])
        if done is not None:
            got = done.stdout.strip()
            self.check("--version", got == f"fieldreader {expected}", f"printed {got!r}")

    def commands(self) -> None:
        library = self.work / "library.sqlite"
        lib = ["--library", str(library)]
        text = self.work / "cobalt.txt"
        text.write_text(ARTICLE, encoding="utf-8")
        page = self.work / "manono.html"
        page.write_text(PAGE, encoding="utf-8")

        result = self.run_json("import text --json", [*lib, "import", str(text), "--json"])
        article_id = None
        if self.check("import text --json", _is_list_of(result, 1), f"got {result!r}"):
            item = result[0]
            self.check("import text --json", item.get("status") == "added", f"got {item!r}")
            self.check(
                "import text --json",
                item.get("title") == "Cobalt convoys reach Kolwezi",
                f"title {item.get('title')!r}",
            )
            article_id = item.get("id")
            self.check("import text --json", isinstance(article_id, int), f"id {article_id!r}")

        result = self.run_json(
            "import html --json", [*lib, "import", str(page), "--tag", "smoke", "--json"]
        )
        if self.check("import html --json", _is_list_of(result, 1), f"got {result!r}"):
            item = result[0]
            self.check("import html --json", item.get("status") == "added", f"got {item!r}")
            self.check(
                "import html --json",
                item.get("title") == "Lithium survey begins in Manono",
                f"title {item.get('title')!r}",
            )

        hits = self.run_json("search --json", [*lib, "search", "cobalt", "--json"])
        if self.check("search --json", isinstance(hits, list) and hits, f"got {hits!r}"):
            self.check("search --json", hits[0].get("id") == article_id, f"first hit {hits[0]!r}")
        hits = self.run_json(
            "search --tag", [*lib, "search", "pegmatite", "--tag", "smoke", "--json"]
        )
        self.check("search --tag", _is_list_of(hits, 1), f"got {hits!r}")

        items = self.run_json("list --json", [*lib, "list", "--json"])
        self.check("list --json", _is_list_of(items, 2), f"got {items!r}")
        if article_id is not None:
            shown = self.run_json("show --json", [*lib, "show", str(article_id), "--json"])
            self.check(
                "show --json",
                isinstance(shown, dict) and "Likasi" in shown.get("text", ""),
                f"got {shown!r}"[:300],
            )
            page_text = json.dumps(items)
            self.check("html cleaned", "never run" not in page_text, "script text imported")

        loaded = self.run_json("samples --json", [*lib, "samples", "--json"])
        if self.check("samples --json", isinstance(loaded, list) and loaded, f"got {loaded!r}"):
            added = sum(item.get("status") == "added" for item in loaded)
            self.check("samples --json", added == len(loaded), f"{added} of {len(loaded)} added")

        folder = self.work / "many"
        folder.mkdir()
        for i in range(60):  # enough for the parallel reader (worker processes)
            (folder / f"{i:02}.txt").write_text(f"Dispatch {i}\n\nM23 and cobalt, day {i}.\n")
        many = self.run_json("import folder --json", [*lib, "import", str(folder), "--json"])
        if self.check("import folder --json", _is_list_of(many, 60), f"got {many!r}"):
            added = sum(item.get("status") == "added" for item in many)
            self.check("import folder --json", added == 60, f"{added} of 60 added")

        self.formats(lib)
        self.export_and_encrypt(lib)

        shot = self.work / "screenshot.png"
        self.run("gui --screenshot", [*lib, "gui", "--screenshot", str(shot)])
        self.check_png("gui --screenshot", shot)
        self.open_with()

    def formats(self, lib: list[str]) -> None:
        """A stemmed search, a French article, a guessed encoding and a Word document."""
        hits = self.run_json("search (stemmed)", [*lib, "search", "convoy", "--json"])
        self.check("search (stemmed)", isinstance(hits, list) and hits, f"got {hits!r}")
        french = self.work / "goma.txt"
        french.write_text(FRENCH, encoding="utf-8")
        legacy = self.work / "kisangani.txt"
        legacy.write_bytes(LEGACY)
        docx = self.work / "bunia.docx"
        make_docx(docx)
        result = self.run_json(
            "import fr/cp1252/docx", [*lib, "import", str(french), str(legacy), str(docx), "--json"]
        )
        if not self.check("import fr/cp1252/docx", _is_list_of(result, 3), f"got {result!r}"):
            return
        by_name = {Path(str(item.get("path", ""))).name: item for item in result}
        for item in result:
            self.check("import fr/cp1252/docx", item.get("status") == "added", f"got {item!r}")
        shown = {}
        for item in result:
            if isinstance(item.get("id"), int):
                data = self.run_json("show --json", [*lib, "show", str(item["id"]), "--json"])
                if isinstance(data, dict):
                    shown[data.get("title")] = data
        goma = shown.get("Les marchés de Goma rouvrent après trois semaines", {})
        self.check(
            "language (gcld3)", goma.get("language") == "fr", f"got {goma.get('language')!r}"
        )
        river = shown.get("Kisangani traders wait for the river", {})
        self.check(
            "encoding (charset-normalizer)",
            "\u201cwe have waited three weeks\u201d" in river.get("text", ""),
            f"text {river.get('text', '')[:120]!r} ({sorted(by_name)})",
        )
        clinic = shown.get("Bunia clinic report", {})
        self.check("docx (mammoth)", "cholera" in clinic.get("text", ""), f"got {clinic!r}"[:200])

    def export_and_encrypt(self, lib: list[str]) -> None:
        """``export library`` writes JSON; an encrypted copy opens with its passphrase."""
        target = self.work / "export.json"
        self.run("export library", [*lib, "export", "library", str(target)])
        try:
            exported = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            self.fail("export library", f"no JSON written: {exc}")
        else:
            tables = exported.get("tables") if isinstance(exported, dict) else None
            articles = tables.get("articles") if isinstance(tables, dict) else None
            self.check("export library", bool(articles), "no articles in the export")
        secret = self.work / "secret.sqlite"
        copy = ["--library", str(secret)]
        self.run("samples (for encrypt)", [*copy, "samples"])
        passphrase = {"FIELDREADER_PASSPHRASE": "smoke-test-passphrase"}
        done = self.run_json("encrypt (sqlcipher3)", [*copy, "encrypt", "--json"], **passphrase)
        if isinstance(done, dict):
            self.check("encrypt (sqlcipher3)", done.get("encrypted") is True, f"got {done!r}")
        head = secret.read_bytes()[:16] if secret.is_file() else b""
        self.check("encrypt (sqlcipher3)", head != b"SQLite format 3\0", "the file is plain")
        items = self.run_json("list (encrypted)", [*copy, "list", "--json"], **passphrase)
        self.check("list (encrypted)", isinstance(items, list) and items, f"got {items!r}"[:200])

    def open_with(self) -> None:
        """``fieldreader FILE``: the file imported and the window opened (closed by itself)."""
        label = "fieldreader FILE"
        library = self.work / "opened.sqlite"
        text = self.work / "uvira.txt"
        text.write_text("Uvira port reopens\n\nBoats crossed Lake Tanganyika again.\n")
        done = self.run(
            label,
            ["--library", str(library), str(text)],
            FIELDREADER_QUIT_AFTER_MS="1500",
        )
        if done is not None:
            self.check(label, "imported 1 of 1" in done.stdout, f"printed {done.stdout!r}")
        items = self.run_json(f"{label} (list)", ["--library", str(library), "list", "--json"])
        titles = [item.get("title") for item in items or []]
        self.check(label, titles == ["Uvira port reopens"], f"library holds {titles!r}")

    def contents(self) -> None:
        """Licences, metadata and Qt's catalogues are in the bundle."""
        app = self.exe.parent
        internal = app / "_internal"
        if not internal.is_dir():  # a macOS bundle keeps them elsewhere
            return
        index = app / "licences" / "index.json"
        try:
            entries = json.loads(index.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            self.fail("licences", f"no {index.name}: {exc}")
        else:
            names = {entry.get("name") for entry in entries}
            for wanted in ("Python", "Qt and Qt for Python", "SQLite", "sqlcipher3"):
                self.check("licences", wanted in names, f"{wanted} missing from {index}")
            for entry in entries:
                self.check("licences", (index.parent / entry["file"]).is_file(), entry["file"])
        for dist in ("fieldreader", "PyStemmer", "mammoth", "charset_normalizer", "cld3_py"):
            found = list(internal.glob(f"{dist.lower()}-*.dist-info")) or list(
                internal.glob(f"{dist}-*.dist-info")
            )
            self.check("metadata", bool(found), f"no {dist} .dist-info in {internal}")
        self.check(
            "python licence",
            any(internal.glob("lib/python3*/LICENSE.txt")),
            "no lib/python3.X/LICENSE.txt",
        )
        qt = next(internal.glob("PySide6/Qt/translations"), None) or internal / "PySide6"
        for language in ("fr", "uk", "ru"):
            found = list(qt.rglob(f"qtbase_{language}.qm"))
            self.check("qt translations", bool(found), f"no qtbase_{language}.qm")

    def default_place(self) -> None:
        """With nothing naming a library, it lives in the user data folder."""
        self.run("samples (default library)", ["samples"])
        if sys.platform.startswith("linux"):
            expected = self.home / ".local" / "share" / "Fieldreader" / "library.sqlite"
            self.check("samples (default library)", expected.is_file(), f"no library at {expected}")

    def portable(self) -> None:
        """A copy of the app with a ``portable`` file keeps everything beside itself."""
        label = "portable"
        app = self.work / "portable-app"
        shutil.copytree(self.exe.parent, app, symlinks=True)
        (app / "portable").write_text("", encoding="utf-8")
        exe = app / self.exe.name
        home = self.work / "portable-home"
        before = self.home
        self.home = home
        try:
            shot = self.work / "portable.png"
            self.run(f"{label} samples", ["samples"], exe=exe)
            self.run(f"{label} gui --screenshot", ["gui", "--screenshot", str(shot)], exe=exe)
            # a real session (screenshots never write settings) that closes by itself
            self.run(f"{label} gui", ["gui"], exe=exe, FIELDREADER_QUIT_AFTER_MS="1500")
        finally:
            self.home = before
        self.check_png(f"{label} gui --screenshot", shot)
        data = app / "fieldreader-data"
        self.check(label, (data / "library.sqlite").is_file(), f"no library in {data}")
        self.check(label, (data / "Fieldreader.ini").is_file(), f"no settings in {data}")
        leaked = sorted(str(p.relative_to(home)) for p in home.rglob("*") if "ieldreader" in p.name)
        self.check(label, not leaked, f"wrote into the home folder: {leaked}")

    def check_png(self, label: str, path: Path) -> None:
        size = png_size(path)
        self.check(label, size == SCREENSHOT_SIZE, f"{path.name} is {size}, not 1400x900")


def _is_list_of(value: Any, count: int) -> bool:
    return (
        isinstance(value, list) and len(value) == count and all(isinstance(v, dict) for v in value)
    )


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's header, None if it is missing or not a PNG."""
    try:
        head = path.read_bytes()[:24]
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def timing(exe: Path, runs: int) -> None:
    """Median wall time of fresh processes: ``--version`` and ``gui --screenshot``."""
    with tempfile.TemporaryDirectory(prefix="fieldreader-timing-") as tmp:
        test = SmokeTest(exe, Path(tmp))
        library = Path(tmp) / "library.sqlite"
        test.run("prepare", ["--library", str(library), "samples"])
        cases = {
            "--version": ["--version"],
            "gui --screenshot": ["--library", str(library), "gui", "--screenshot", "t.png"],
        }
        for label, args in cases.items():
            spans = []
            for _ in range(runs):
                test.run(label, args)
                spans.append(test.times[label])
            print(
                f"time  {label}: median {statistics.median(spans):.3f} s "
                f"(min {min(spans):.3f}, max {max(spans):.3f}, {runs} runs)"
            )
        if test.failures:
            raise SystemExit(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", nargs="?", type=Path, default=DEFAULT_EXE, help="the executable")
    parser.add_argument("--timing", type=int, metavar="N", help="also time N starts of each")
    args = parser.parse_args(argv)
    exe = args.exe.resolve()
    if not exe.is_file():
        print(f"smoke_test: no executable at {exe} (run packaging/build.py)", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    with tempfile.TemporaryDirectory(prefix="fieldreader-smoke-") as tmp:
        test = SmokeTest(exe, Path(tmp))
        test.home.mkdir()
        test.version(__version__)
        test.commands()
        test.default_place()
        test.portable()
        test.contents()
    if args.timing:
        timing(exe, args.timing)
    if test.failures:
        print(f"\nsmoke test FAILED: {len(test.failures)} problem(s)", file=sys.stderr)
        return 1
    print(f"\nsmoke test passed: {exe}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
