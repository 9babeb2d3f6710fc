"""Generate ``kg/data/organisations_generated.tsv`` from maintained public lists.

The source files are read from the paths given on the command line (extract them from their
repositories first; ``kg/data/SOURCES.md`` gives the exact commands, commits and licences)::

    .venv/bin/python -m kg.generate.gen_organisations \\
        --partyfacts-wikidata wikidata.csv --partyfacts-core partyfacts-core-parties.csv \\
        --nsi bank.json --nsi fuel.json --central-banks central_bank.json \\
        --supraverden general_list.yaml --words /usr/share/dict/american-english \\
        --names-dir .venv/lib/python3.11/site-packages/names -o kg/data/organisations_generated.tsv

Only names, acronyms, kind, country and Wikidata item are written, each row naming its source.
A name is left out when it is an English word, a common first name or surname, a place or state
name, a curated organisation's name, or shared by two organisations (see :func:`resolve`); the
counts and examples of what was dropped are printed. Output is sorted, so the same inputs give
the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from kg.lexicon import DATA_DIR, load_countries, org_surfaces, read_table

__all__ = ["Cand", "partyfacts", "nsi", "central_banks", "supraverden", "resolve", "main"]

COLUMNS = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source", "wikidata")
#: a party is kept if it won seats or votes (Party Facts core) and was still active in or after this year
ACTIVE_SINCE = 2010
#: NSI categories whose national brands are all kept (not only those named after their state)
NSI_NATIONAL = ("/amenity/fuel", "/office/telecommunication", "/shop/mobile_phone", "/man_made/works")
#: how many of the most common US Census first names (female, male) and surnames count as names
FIRST_NAMES, SURNAMES = (1000, 600), 3000
SOURCE_NOTES = {
    "partyfacts": "hdigital/partyfactsdata import/wikipedia/wikidata.csv + import/elecglob/"
                  "partyfacts-core-parties.csv (MIT): parties with seats or votes, active since 2010",
    "nsi": "osmlab/name-suggestion-index data/brands|operators/*.json (BSD-3-Clause): brands and "
           "operators with brand:wikidata, present in two or more countries or a state's own champion",
    "wd-central-banks": "carlospinto4p/unstructured_mapping data/seed/wikidata/central_bank.json (a "
                        "Wikidata extract, CC0): central banks of today's states",
    "supraverden": "confirmordeny/supraverden data/general_list.yaml (CC BY-SA 4.0; names and "
                   "Wikidata codes only): international organisations",
}


@dataclass
class Cand:
    """One organisation a source names, before the ambiguity rules."""
    label: str
    kind: str
    source: str
    qid: str = ""
    country: str = ""
    acronyms: List[str] = field(default_factory=list)
    aliases: List[str] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin (news English spells it so)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]*", text)) and sum(c.isupper() for c in text) >= 2 \
        and " " not in text


def _csv(path: Path) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------------
# sources

def partyfacts(wikidata_csv: Path, core_csv: Path, a3: Dict[str, str], state_names: Set[str]) -> List[Cand]:
    """Party Facts core parties with a Wikidata item, active since :data:`ACTIVE_SINCE`."""
    core = {r["partyfacts_id"]: r for r in _csv(core_csv)}
    out: Dict[str, Cand] = {}
    for r in _csv(wikidata_csv):
        c = core.get(r["partyfacts_id"])
        if not r["wikidata_id"] or c is None or (c["year_last"] and int(c["year_last"]) < ACTIVE_SINCE):
            continue
        # "(Bahamas)", "(1973)", "(political party)" tell Wikipedia pages apart; "(Marxist)" is a name
        m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)", r["name"])
        label = _clean(m.group(1) if m and (m.group(2) in ("political party", "party", *state_names)
                                            or re.fullmatch(r"\d{4}", m.group(2))) else r["name"])
        short = [s for s in (r["name_short"], c["name_short"]) for s in s.split("/") if _acronym(s.strip())]
        aliases = [_clean(re.sub(r"\s*\(\d{4}\)$", "", a)) for a in c["name_english"].split(" / ") if a.strip()]
        country = a3.get(r["country"], "")
        prev = out.get(r["wikidata_id"])
        if prev:
            prev.country = prev.country or country
            continue
        out[r["wikidata_id"]] = Cand(label, "party", "partyfacts", r["wikidata_id"], country,
                                     list(dict.fromkeys(s.strip() for s in short)), aliases)
    return list(out.values())


def nsi(paths: Sequence[Path], states: Dict[str, "object"]) -> List[Cand]:
    """Name-suggestion-index brands and operators with a Wikidata item.

    Kept: items present in two or more countries (or worldwide); of the national ones, fuel
    brands (the oil companies: Rosneft, Pertamina, Indian Oil), telecom brands and operators of
    works (Boeing), but of national banks and pipeline operators, which are many and mostly
    small, only a state's own champion, whose name or demonym is in the brand ("State Bank of
    India", "Bank of China"). The kind is ``bank`` for bank brands, else ``company``.
    """
    items: Dict[str, Cand] = {}
    scope: Dict[str, Set[str]] = defaultdict(set)
    champions: Set[str] = set()
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        kind = "bank" if data["properties"]["path"].endswith("/amenity/bank") else "company"
        national_ok = data["properties"]["path"].endswith(NSI_NATIONAL)
        for it in data["items"]:
            tags = it["tags"]
            qid = tags.get("brand:wikidata") or tags.get("operator:wikidata")
            name = next((_clean(tags[k]) for k in ("brand:en", "name:en", "brand", "operator", "name")
                         if tags.get(k) and _latin(tags[k])), None)
            where = [str(x).lower() for x in it.get("locationSet", {}).get("include", [])]
            if not qid or not name or not where or not all(re.fullmatch(r"[a-z]{2}|\d{3}", x) for x in where):
                continue        # sub-national brands ("us-or.geojson") are too small for the news
            scope[qid].update(where)
            if qid not in items:
                items[qid] = Cand(name, kind, "nsi", qid)
            if national_ok:
                champions.add(qid)
    out = []
    for qid, cand in items.items():
        where = scope[qid]
        if len(where) == 1 and len(next(iter(where))) == 2:
            code = next(iter(where)).upper()
            state = states.get(code)
            cand.country = code if state else ""
            words = {state.name, *getattr(state, "demonyms", ()), *getattr(state, "aliases", ())} if state else set()
            if qid not in champions and not any(re.search(r"\b%s\b" % re.escape(w), cand.label)
                                                for w in words if w):
                continue
        out.append(cand)
    return out


def central_banks(path: Path, country_of) -> List[Cand]:
    """Central banks of today's states from a Wikidata extract ("X is the central bank of C.")."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    found: Dict[str, Tuple[str, Set[str]]] = {}
    for e in data["entities"]:
        qid = next((a.split(":", 1)[1] for a in e["aliases"] if a.startswith("wikidata:")), "")
        m = re.match(r".* is the central bank of (.+?)\. Sets monetary", e["description"])
        if not qid or not m or re.search(r"\b(former|defunct|historical)\b", e["description"], re.I):
            continue
        code = country_of(m.group(1))
        if code is None:
            continue        # a state of the past (Ottoman Empire, Manchukuo) or not a state today
        label, codes = found.setdefault(qid, (_clean(e["canonical_name"]), set()))
        codes.add(code)
    return [Cand(label, "central_bank", "wd-central-banks", qid, next(iter(codes)) if len(codes) == 1 else "")
            for qid, (label, codes) in found.items()]


def supraverden(path: Path) -> List[Cand]:
    """International organisations: English name, abbreviation and other English names."""
    import yaml
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = []
    for key, rec in data.items():
        if not isinstance(rec, dict) or rec.get("Entity_type") != "International organisation":
            continue
        label = _clean(str(rec.get("Name_en") or key))
        others = [_clean(str(v)) for k, v in rec.items() if re.fullmatch(r"Name_other(_\d+)?_en", k) and v]
        abbr = [a for a in (_clean(str(rec.get("Abbreviation_en") or "")),) if _acronym(a)]
        qid = str(rec.get("Wikidata_code") or "")
        out.append(Cand(label, "international", "supraverden", qid if re.fullmatch(r"Q\d+", qid) else "", "",
                        abbr, others))
    return out


# ---------------------------------------------------------------------------------------------
# ambiguity

def load_words(path: Path) -> Set[str]:
    """The common English words of a SCOWL list: its lower-case entries (its capitalised ones are
    proper names, "Boeing", "Reuters", and say nothing about ambiguity); possessives left out."""
    return {w.strip() for w in Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
            if w.strip() and "'" not in w and w.strip().islower()}


def load_names(names_dir: Path) -> Set[str]:
    """The most common US Census first names and surnames, capitalised ("Mary", "Smith")."""
    def top(fname: str, n: int) -> List[str]:
        lines = (Path(names_dir) / fname).read_text(encoding="utf-8").splitlines()
        return [ln.split()[0].capitalize() for ln in lines[:n] if ln.strip()]
    return set(top("dist.female.first", FIRST_NAMES[0]) + top("dist.male.first", FIRST_NAMES[1])
               + top("dist.all.last", SURNAMES))


def resolve(cands: Iterable[Cand], *, curated: Set[str], states: Set[str], places: Set[str],
            words: Set[str], names: Set[str]) -> Tuple[List[Cand], Dict[str, List[str]]]:
    """Apply the ambiguity rules; return the kept rows and, per rule, the surfaces it dropped.

    A surface (label, alias or acronym, in every spelling :func:`kg.lexicon.org_surfaces` gives)
    is dropped when it is a curated organisation's (curated wins), a state's name or demonym, a
    place's name, an English word ("Shell", "Unity"; a one-word name, or a whole phrase), a common
    first name or surname ("Morgan"), not capitalised, an acronym of fewer than three letters or
    an English word in capitals ("PAN"), or when two organisations share it. A row whose label is
    dropped is dropped whole; so is one with a state name in brackets or a non-Latin label.
    """
    dropped: Dict[str, List[str]] = defaultdict(list)
    rows: List[Tuple[Cand, List[str], List[str]]] = []
    for c in cands:
        if not _latin(c.label):
            dropped["not Latin script"].append(c.label)
            continue
        names_ok: List[str] = []
        for s in [c.label, *c.aliases]:
            s = _clean(s)
            toks = s.split()
            reason = ("curated" if s in curated else "state name" if s in states else
                      "place name" if s in places else
                      "not capitalised" if not s[:1].isupper() and not s[:1].isdigit() else
                      "English word" if s.lower() in words or (len(toks) == 1 and toks[0].lower() in words) else
                      "first name or surname" if len(toks) == 1 and s in names else
                      "not Latin script" if not _latin(s) else "")
            if reason:
                dropped[reason].append(s)
            elif s not in names_ok:
                names_ok.append(s)
        acr = []
        for a in c.acronyms:
            letters = sum(ch.isalpha() for ch in a)
            reason = ("short acronym" if letters < 3 else "English word" if a.lower() in words else
                      "curated" if a in curated else "state name" if a in states or a in places else "")
            if reason:
                dropped[reason].append(a)
            elif a not in acr:
                acr.append(a)
        if not names_ok or names_ok[0] != _clean(c.label):
            continue
        rows.append((c, names_ok, acr))
    owners: Dict[str, Set[str]] = defaultdict(set)
    for c, names_ok, acr in rows:
        key = c.qid or f"{c.source}:{c.label}"
        for s in org_surfaces(names_ok) + acr:
            owners[s].add(key)
    shared = {s for s, k in owners.items() if len(k) > 1}
    dropped["shared by two organisations"] = sorted(shared)
    out: List[Cand] = []
    seen_labels: Set[str] = set()
    for c, names_ok, acr in rows:
        if set(org_surfaces([names_ok[0]])) & shared or names_ok[0] in seen_labels:
            continue
        seen_labels.add(names_ok[0])
        aliases = [a for a in names_ok[1:] if not set(org_surfaces([a])) & shared]
        out.append(Cand(names_ok[0], c.kind, c.source, c.qid, c.country,
                        [a for a in acr if a not in shared], aliases))
    return sorted(out, key=lambda c: (c.kind, c.country, c.label)), dropped


# ---------------------------------------------------------------------------------------------

def _place_names(data_dir: Path) -> Set[str]:
    out: Set[str] = set()
    for name, cols in (("places.tsv", ("name", "aliases", "kind", "country", "source")),):
        for _, r in read_table(data_dir / name, cols):
            out.update([r["name"], *[a for a in r["aliases"].split("|") if a]])
    for name in ("cities.tsv", "regions.tsv"):
        path = data_dir / name
        if path.exists():
            header = None
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.split("\t")
                if header is None:
                    header = fields
                    continue
                rec = dict(zip(header, fields))
                out.add(rec["name"])
                out.update(a for a in rec.get("aliases", "").split("|") if a)
    return out


def _curated(data_dir: Path) -> Set[str]:
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source")
    out: Set[str] = set()
    for _, r in read_table(data_dir / "organisations.tsv", cols):
        out.update(org_surfaces([r["label"], *[a for a in r["aliases"].split("|") if a]]))
        out.update(a for a in r["acronyms"].split("|") if a)
    return out


def render(rows: Sequence[Cand], commits: Dict[str, str]) -> str:
    lines = ["# Organisations generated by kg/generate/gen_organisations.py from maintained public lists: do not",
             "# edit by hand (add or correct a row in organisations.tsv, which wins over this file). Columns as",
             "# organisations.tsv, plus wikidata (the item the source gives). Sources (see SOURCES.md):"]
    for tag, note in SOURCE_NOTES.items():
        lines.append(f"#   {tag} @{commits.get(tag, '?')}: {note}")
    lines.append("\t".join(COLUMNS))
    for c in rows:
        lines.append("\t".join([c.label, "|".join(c.acronyms), "|".join(c.aliases), c.kind, c.country, "",
                                c.source, c.qid]))
    return "\n".join(lines) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--partyfacts-wikidata", type=Path, required=True)
    ap.add_argument("--partyfacts-core", type=Path, required=True)
    ap.add_argument("--nsi", type=Path, action="append", default=[], help="an NSI category file (repeat)")
    ap.add_argument("--central-banks", type=Path, required=True)
    ap.add_argument("--supraverden", type=Path, required=True)
    ap.add_argument("--words", type=Path, required=True, help="SCOWL word list (Debian wamerican)")
    ap.add_argument("--names-dir", type=Path, required=True, help="the PyPI package 'names' folder")
    ap.add_argument("--commit", action="append", default=[], metavar="TAG=SHA", help="source commits for the header")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("-o", "--out", type=Path, default=DATA_DIR / "organisations_generated.tsv")
    args = ap.parse_args(argv)
    table = load_countries(args.data_dir)
    states = table.countries
    a3 = _alpha3(states)
    by_name = {s: code for code, c in states.items() for s in (c.name, c.official_name, *c.aliases)}
    state_names = set(by_name) | {d for c in states.values() for d in (*c.demonyms, *c.prefixes)}
    cands = (partyfacts(args.partyfacts_wikidata, args.partyfacts_core, a3, state_names) + nsi(args.nsi, states)
             + central_banks(args.central_banks, by_name.get) + supraverden(args.supraverden))
    rows, dropped = resolve(cands, curated=_curated(args.data_dir), states=state_names,
                            places=_place_names(args.data_dir), words=load_words(args.words),
                            names=load_names(args.names_dir))
    commits = dict(c.split("=", 1) for c in args.commit)
    args.out.write_text(render(rows, commits), encoding="utf-8")
    print(f"{args.out}: {len(rows)} organisations from {len(cands)} candidates; by kind "
          + ", ".join(f"{k} {n}" for k, n in sorted(Counter(c.kind for c in rows).items())))
    for reason, surfaces in sorted(dropped.items()):
        print(f"  dropped ({reason}): {len(surfaces)}, e.g. {', '.join(sorted(set(surfaces))[:12])}")
    return 0


def _alpha3(states: Dict[str, object]) -> Dict[str, str]:
    from pycountryinfo.countryinfo import PyCountryInfo
    out = {c["iso_codes"]["alpha_3"]: c["iso_codes"]["alpha_2"] for c in PyCountryInfo().countries_list
           if c["iso_codes"]["alpha_2"] in states}
    out.update({"XKX": "XK", "PSG": "PS"})     # Party Facts' codes for Kosovo and Gaza
    return out


if __name__ == "__main__":
    sys.exit(main())
