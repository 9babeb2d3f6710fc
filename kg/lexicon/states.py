"""States: the Country record, the state table and the states that no longer exist.

States come from ``pycountryinfo`` (its 195 independent states, plus Palestine) with
``countries_extra.tsv`` on top (:func:`load_countries`); ``former_states.tsv`` names the states
news still mentions that are gone (:func:`former_states`). :func:`of_state` writes a state's
name as it reads after "of".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple

from ..errors import DataError
from .tables import DATA_DIR, QID, check, norm, read_table, split_items, variants, without_the

__all__ = ["Country", "CountryTable", "of_state", "load_countries", "former_states", "EXTRA_FIELDS"]

EXTRA_FIELDS = ("state", "name", "official_name", "alias", "not_alias", "demonym", "not_demonym",
                "prefix", "capital", "territory")
# English words that mark an official-style state name among pycountryinfo's alt spellings; the
# others there are endonyms and codes ("Island" for Iceland, "AZ"), not news English.
_FORMAL = re.compile(r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Principality|"
                     r"Sultanate|Duchy|Confederation|Emirates|Islands|Nation)( of\b|$)")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Country:
    """A state: canonical short English name, ISO alpha-2 code and the forms news uses for it.

    ``prefixes`` are combining forms ("Sino" in "Sino-Azerbaijani"), kept apart from demonyms.
    """
    code: str
    name: str
    official_name: str
    aliases: Tuple[str, ...]
    demonyms: Tuple[str, ...]
    capitals: Tuple[str, ...]
    prefixes: Tuple[str, ...] = ()


#: states whose English name takes "the" after "of": "President of the Philippines"
_WITH_THE = frozenset({"Bahamas", "Comoros", "Gambia", "Maldives", "Netherlands", "Philippines"})
_WITH_THE_WORDS = ("United ", "Republic", "Islands", "Kingdom", "Federation", "Emirates")


def of_state(name: str) -> str:
    """A state's name as it reads after "of": "the Philippines", "the United States", "China".

    >>> of_state("Philippines"), of_state("Czech Republic"), of_state("Kenya")
    ('the Philippines', 'the Czech Republic', 'Kenya')
    """
    if name in _WITH_THE or any(w in name for w in _WITH_THE_WORDS):
        return "the " + name
    return name


class CountryTable(NamedTuple):
    """States by code, the forms of each capital by (code, label), territory code -> state code."""
    countries: Dict[str, Country]
    capital_forms: Dict[Tuple[str, str], Tuple[str, ...]]
    territories: Dict[str, str]


def _package_states() -> Dict[str, dict]:
    from pycountryinfo.countryinfo import PyCountryInfo
    return {c["iso_codes"]["alpha_2"]: c for c in PyCountryInfo().countries_list}


def _plural(demonym: str) -> Optional[str]:
    """The plural news uses for a people ("Azerbaijanis", "Kazakhs"); None where it is the same."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "y", "z", "men")) or demonym.startswith(("I-", "Ni-")) \
            or re.search(r"(ch|sh|wo)man$", demonym):
        return None
    return demonym + "s" if demonym.endswith(("an", "i", "er", "ar", "k", "kh", "ot", "ne", "no")) else None


def load_countries(data_dir: Path = DATA_DIR) -> CountryTable:
    """The states: pycountryinfo's independent ones and ``countries_extra.tsv`` on top.

    Raises:
        DataError: a bad row in ``countries_extra.tsv`` (unknown code or field, an alias or
            demonym that another state already has).
    """
    path = data_dir / "countries_extra.tsv"
    rows = list(read_table(path, ("code", "field", "value", "source"), ("code", "field", "value", "source")))
    package = _package_states()
    codes = {code for code, c in package.items() if c["independent"]}
    for n, r in rows:
        check(path, n, r["field"] in EXTRA_FIELDS, f"unknown field {r['field']!r}; one of {', '.join(EXTRA_FIELDS)}")
        check(path, n, r["code"] in package, f"unknown country code {r['code']!r}")
        if r["field"] == "state":
            codes.add(r["code"])
    extra: Dict[Tuple[str, str], List[Tuple[int, str]]] = {}
    territories: Dict[str, str] = {}
    for n, r in rows:
        check(path, n, r["code"] in codes, f"{r['code']} is not a state (add a 'state' row first)")
        if r["field"] == "territory":
            check(path, n, bool(_CODE.match(r["value"])) and r["value"] not in codes,
                   f"territory {r['value']!r} must be the ISO code of a non-state")
            territories[r["value"]] = r["code"]
        extra.setdefault((r["code"], r["field"]), []).append((n, r["value"]))

    def values(code: str, field: str) -> List[str]:
        return [v for _, v in extra.get((code, field), [])]

    names: Dict[str, Tuple[str, Optional[int]]] = {}     # surface -> (code, line of the extra row)
    demonyms: Dict[str, List[Tuple[str, Optional[int]]]] = {}
    countries: Dict[str, Country] = {}
    capital_forms: Dict[Tuple[str, str], Tuple[str, ...]] = {}
    for code in sorted(codes):
        pc = package[code]
        name = (values(code, "name") or [pc["common_name"]])[0]
        official = (values(code, "official_name") or [pc["official_name"]])[0]
        dropped = set(values(code, "not_alias"))
        found: List[Tuple[str, Optional[int]]] = [
            (a, None) for a in [pc["common_name"], *pc["alt_spellings"]]
            if (_FORMAL.search(a) or re.fullmatch(r"[A-Z]{3,}", a)) and "," not in a and "(" not in a]
        for n, v in extra.get((code, "not_alias"), []):
            check(path, n, any(v in variants(without_the(a)) for a, _ in found), f"pycountryinfo has no alias {v!r}")
        found += [(v, n) for n, v in extra.get((code, "alias"), [])]
        aliases: List[str] = []
        for form, line in [(name, None), (official, None), *found]:
            for v in variants(without_the(form)):
                if v in dropped:
                    continue
                other = names.get(v)
                if other and other[0] != code:
                    if line is not None:
                        raise DataError(path, f"line {line}: {v!r} already names {other[0]}")
                    if other[1] is None:    # the same alt spelling for two states: neither keeps it
                        names[v] = ("", None)
                    continue
                names.setdefault(v, (code, line))
                if v not in (name, official) and v not in aliases:
                    aliases.append(v)
        given = [d.strip() for d in re.split(r",| or ", pc["nationality"] or "", flags=re.I) if d.strip()]
        for n, v in extra.get((code, "not_demonym"), []):
            check(path, n, v in given, f"pycountryinfo has no demonym {v!r}")
        dem: List[Tuple[str, Optional[int]]] = [(d, None) for d in given if d not in values(code, "not_demonym")]
        dem += [(v, n) for n, v in extra.get((code, "demonym"), [])]
        for d, line in list(dem):
            plural = _plural(d)
            if plural and d not in names and plural not in names:
                dem.append((plural, line))
        for d, line in dem:
            for v in variants(d):
                if (code, line) not in demonyms.setdefault(v, []):
                    demonyms[v].append((code, line))
        groups: List[Tuple[str, ...]] = []
        package_capital = pc["capital"]
        for n, v in extra.get((code, "capital"), []):
            forms = split_items(path, n, v)
            if package_capital and norm(package_capital) in map(norm, forms):
                groups.insert(0, forms)
                package_capital = None
            else:
                groups.append(forms)
        if package_capital:
            groups.insert(0, (package_capital,))
        for forms in groups:
            capital_forms[(code, forms[0])] = tuple(dict.fromkeys(v for f in forms for v in variants(f)))
        countries[code] = Country(code, name, official, tuple(aliases), (), tuple(g[0] for g in groups),
                                  tuple(values(code, "prefix")))
    by_code: Dict[str, List[str]] = {}
    for d, owners in demonyms.items():
        states = {c for c, _ in owners}
        if len(states) > 1:     # "Congolese", "Dominican": ambiguous, left out unless curated
            lines = [line for _, line in owners if line is not None]
            if lines:
                raise DataError(path, f"line {lines[0]}: demonym {d!r} is also {', '.join(sorted(states))}'s")
            continue
        by_code.setdefault(owners[0][0], []).append(d)
    for code, c in countries.items():
        kept = tuple(a for a in c.aliases if names[a][0] == code)
        countries[code] = Country(c.code, c.name, c.official_name, kept, tuple(by_code.get(code, ())),
                                  c.capitals, c.prefixes)
    return CountryTable(countries, capital_forms, territories)


def former_states(data_dir: Path = DATA_DIR, current: Optional[Iterable[str]] = None
                  ) -> Tuple[Tuple[str, Tuple[str, ...], Optional[str]], ...]:
    """States that no longer exist, as news names them (``former_states.tsv``).

    Args:
        data_dir: the folder holding the table.
        current: today's states' names and aliases, which no former state may take ("Germany"
            is not West Germany's); loaded from ``data_dir`` when not given.

    Returns:
        (name, aliases, Wikidata item or None) for each row, in the table's order.

    Raises:
        DataError: a bad row (a name or alias listed twice or a current state's, an empty alias,
            an item that is not a QID), with its file and line.

    >>> "Soviet Union" in {name for name, _, _ in former_states()}
    True
    """
    path = data_dir / "former_states.tsv"
    if current is None:
        table = load_countries(data_dir)
        current = {s for c in table.countries.values() for s in (c.name, c.official_name, *c.aliases) if s}
    taken = set(current)
    seen: Dict[str, int] = {}
    out: List[Tuple[str, Tuple[str, ...], Optional[str]]] = []
    for n, r in read_table(path, ("name", "aliases", "wikidata", "source"), ("name", "source")):
        aliases = split_items(path, n, r["aliases"])
        check(path, n, not r["wikidata"] or bool(QID.fullmatch(r["wikidata"])), f"wikidata {r['wikidata']!r} is not a QID")
        for s in (r["name"], *aliases):
            check(path, n, s not in taken, f"{s!r} is a current state's name")
            check(path, n, s not in seen, f"{s!r} is already line {seen.get(s)}")
            seen[s] = n
        out.append((r["name"], aliases, r["wikidata"] or None))
    return tuple(out)


