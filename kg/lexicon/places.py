"""Places that are not states: curated continents and regions, capitals, GeoNames regions and cities.

``places.tsv`` is curated; capitals come with the states; ``regions.tsv``, ``cities.tsv`` and
``city_aliases.tsv`` are GeoNames extracts made by ``kg/data/make_cities.py``, and
``city_stoplist.txt`` names what is never taken for a city. Curated regions (tier 0) beat
capitals (1), which beat city names (2) and their ASCII folds (3); within a tier a name shared by
several cities goes to the largest if it dominates.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..errors import DataError
from .states import CountryTable
from .tables import ascii_fold, check, norm, read_table, split_items, variants

__all__ = ["Place", "PLACE_KINDS", "CITY_MIN_POPULATION", "CITY_DOMINANCE", "load_places"]

#: Cities below this population are left out, unless they are a capital.
CITY_MIN_POPULATION = 15_000
#: Where cities share a name, the largest keeps it only if this many times larger than the next.
CITY_DOMINANCE = 3
PLACE_KINDS = ("continent", "region", "city")


@dataclass(frozen=True)
class Place:
    """A place that is not a state: kind is capital, city, region or continent."""
    name: str
    aliases: Tuple[str, ...]
    kind: str
    country: Optional[str]


def _stoplist(data_dir: Path) -> Tuple[set, Tuple[str, ...]]:
    """Names never taken as a city, and first words that rule a city name out."""
    path = data_dir / "city_stoplist.txt"
    names: set = set()
    first_words: set = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(path, "missing; reinstall diplokg") from None
    for line in map(str.strip, lines):
        if line and not line.startswith("#"):
            if line.endswith(" *"):
                first_words.update({norm(line[:-2]) + " ", ascii_fold(norm(line[:-2])) + " "})
            else:
                names.add(norm(line))
    return names, tuple(first_words)


def load_places(data_dir: Path, table: CountryTable, taken: set, taken_fold: set,
                shared: Optional[Dict[str, Tuple[str, ...]]] = None) -> Tuple[Place, ...]:
    """The places; ``shared``, when given, is filled with each place name no one place keeps
    (several regions or cities have it: "Northern Province") and the states of those places."""
    stop, stop_first = _stoplist(data_dir)
    recs: Dict[tuple, dict] = {}
    curated: Dict[str, Tuple[tuple, int]] = {}
    path = data_dir / "places.tsv"
    for n, r in read_table(path, ("name", "aliases", "kind", "country", "source"), ("name", "kind", "source")):
        check(path, n, r["kind"] in PLACE_KINDS, f"kind {r['kind']!r}; one of {', '.join(PLACE_KINDS)}")
        check(path, n, not r["country"] or r["country"] in table.countries, f"unknown country code {r['country']!r}")
        key: tuple = ("curated", r["country"], norm(r["name"]))
        forms = [(v, 0) for f in (r["name"], *split_items(path, n, r["aliases"])) for v in variants(f)]
        for s, _ in forms:
            check(path, n, curated.setdefault(s, (key, n))[0] == key, f"{s!r} is already line {curated[s][1]}")
        recs[key] = {"name": r["name"], "kind": r["kind"], "country": r["country"] or None, "pop": 0, "forms": forms}
    for (state, label), capital in table.capital_forms.items():
        recs[("capital", state, label)] = {"name": label, "kind": "capital", "country": state, "pop": 0,
                                           "forms": [(f, 1) for f in capital]}
    path = data_dir / "regions.tsv"
    if path.exists():
        for n, r in read_table(path, ("geonameid", "name", "country", "aliases"), ("geonameid", "name", "country")):
            check(path, n, r["geonameid"].isdigit(), f"geonameid {r['geonameid']!r} is not a number")
            code = r["country"] if r["country"] in table.countries else table.territories.get(r["country"])
            if code is None:
                continue        # a region of a territory that is no state's (GeoNames' Taiwan, Kosovo's)
            forms = [(v, 2) for v in variants(r["name"])]
            forms += [(v, 3) for a in split_items(path, n, r["aliases"]) for v in variants(a)]
            recs[("region", r["geonameid"])] = {"name": r["name"], "kind": "region", "country": code,
                                                "pop": 0, "forms": forms}
    aliases: Dict[str, Tuple[str, ...]] = {}
    path = data_dir / "city_aliases.tsv"
    if path.exists():
        for n, r in read_table(path, ("geonameid", "aliases"), ("geonameid", "aliases")):
            aliases[r["geonameid"]] = split_items(path, n, r["aliases"])
    path = data_dir / "cities.tsv"
    for n, r in read_table(path, ("geonameid", "name", "country", "population", "capital"),
                           ("geonameid", "name", "country", "population")):
        check(path, n, r["population"].isdigit(), f"population {r['population']!r} is not a number")
        pop = int(r["population"])
        code: Optional[str] = r["country"] if r["country"] in table.countries \
            else table.territories.get(r["country"])
        name = r["name"]
        spelt = variants(name)
        folded = spelt[-1] if len(spelt) > 1 and spelt[-1] != norm(name) else None
        forms = [(v, 3 if v == folded else 2) for v in spelt]
        key = ("capital", code, r["capital"])
        if r["capital"] and key in recs:
            recs[key]["pop"] = max(pop, recs[key]["pop"])
            recs[key]["forms"] += [(v, 1) for v in spelt]
            continue
        if pop < CITY_MIN_POPULATION:
            continue
        key = ("curated", code or "", norm(name))
        if key in recs and recs[key]["kind"] == "city":
            recs[key]["pop"] = max(pop, recs[key]["pop"])
            continue
        forms += [(v, 3) for a in aliases.get(r["geonameid"], ()) for v in variants(a)]
        recs[("city", r["geonameid"])] = {"name": name, "kind": "city", "country": code, "pop": pop, "forms": forms}

    cands: Dict[str, Dict[tuple, Tuple[int, int]]] = {}
    for key, rec in recs.items():
        for s, tier in rec["forms"]:
            if tier and (s in stop or s.startswith(stop_first)):
                continue
            if tier >= 2 and (s in taken or s.casefold() in taken_fold):
                continue
            best = cands.setdefault(s, {}).get(key)
            cands[s][key] = (min(tier, best[0]) if best else tier, rec["pop"])
    winner: Dict[str, tuple] = {}
    for s, by_key in cands.items():
        if len(by_key) == 1:            # most names: one place has them
            winner[s] = next(iter(by_key))
            continue
        tier = min(t for t, _ in by_key.values())
        top = sorted(((p, k) for k, (t, p) in by_key.items() if t == tier), key=lambda x: -x[0])
        if len(top) == 1 or top[0][0] >= CITY_DOMINANCE * max(top[1][0], 1):
            winner[s] = top[0][1]
        elif shared is not None and tier <= 2 and all(recs[k]["country"] for _, k in top):
            shared[s] = tuple(sorted({recs[k]["country"] for _, k in top}))
    places: List[Place] = []
    for key, rec in recs.items():
        won = list(dict.fromkeys(s for s, _ in rec["forms"] if winner.get(s) == key))
        if rec["kind"] in ("city", "region") and key[0] != "curated" and norm(rec["name"]) not in won:
            continue    # its own name went to another place: too ambiguous to keep
        places.append(Place(rec["name"], tuple(s for s in won if s != rec["name"]), rec["kind"], rec["country"]))
    return tuple(places)


