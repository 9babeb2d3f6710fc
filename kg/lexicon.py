"""World knowledge: states, places, organisations, titles and government organs.

The only module that opens ``kg/data/*``. States come from ``pycountryinfo`` (its 195 independent
states, plus Palestine) with ``countries_extra.tsv`` on top; cities from ``cities.tsv``, a GeoNames
extract made by ``kg/data/make_cities.py``; the rest from curated tables. Every row is checked
when loaded, and a bad one raises :class:`~kg.errors.DataError` with its file and line. Names
match case-sensitively (a capital letter is evidence); titles and organs also without case.

>>> lex = get_lexicon()
>>> lex.country_by_demonym("Azerbaijanis").name, lex.place("Astana").country
('Azerbaijan', 'KZ')
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Tuple, TypeVar

from .errors import DataError

__all__ = ["of_state", "Country", "Organisation", "Title", "Organ", "Place", "Initiative", "Lexicon",
           "CountryTable", "DATA_DIR", "load_countries", "load_lexicon", "get_lexicon", "former_states"]

DATA_DIR = Path(__file__).resolve().parent / "data"
_T = TypeVar("_T")
#: Cities below this population are left out, unless they are a capital.
CITY_MIN_POPULATION = 15_000
#: Where cities share a name, the largest keeps it only if this many times larger than the next.
CITY_DOMINANCE = 3

ORG_KINDS = ("international", "agency", "party", "news", "state_news", "university", "central_bank", "bank",
             "company", "platform", "think_tank", "armed_group", "other")
_QID = re.compile(r"Q[1-9][0-9]*")
TITLE_KINDS = ("head_of_state", "head_of_government", "minister", "diplomat", "spokesperson",
               "legislature", "official", "party", "royal")
PLACE_KINDS = ("continent", "region", "city")
EXTRA_FIELDS = ("state", "name", "official_name", "alias", "not_alias", "demonym", "not_demonym",
                "prefix", "capital", "territory")
# Both spellings are standard English; news uses either for the same body.
SPELLINGS = (("Organization", "Organisation"), ("Organisation", "Organization"))
# English words that mark an official-style state name among pycountryinfo's alt spellings; the
# others there are endonyms and codes ("Island" for Iceland, "AZ"), not news English.
_FORMAL = re.compile(r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Principality|"
                     r"Sultanate|Duchy|Confederation|Emirates|Islands|Nation)( of\b|$)")
_CODE = re.compile(r"^[A-Z]{2}$")
# Letters NFKD does not take apart.
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "Ð": "D", "ß": "ss", "æ": "ae", "œ": "oe", "ʼ": "'", "ʻ": "'", "‘": "'", "’": "'"})


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


@dataclass(frozen=True)
class Organisation:
    """An organisation; ``country`` is set for a national body, ``part_of`` names its parent's label."""
    label: str
    acronyms: Tuple[str, ...]
    aliases: Tuple[str, ...]
    kind: str
    country: Optional[str]
    part_of: Optional[str]
    wikidata: Optional[str] = None


@dataclass(frozen=True)
class Title:
    """An office or title ("Foreign Minister") with every form news English writes it in."""
    role: str
    forms: Tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Organ:
    """A government organ every state has; ``template`` holds ``{country}``."""
    template: str
    forms: Tuple[str, ...]

    def label(self, country: Country) -> str:
        """The organ of one state: ``Ministry of Foreign Affairs of China``."""
        return self.template.replace("{country}", of_state(country.name))


@dataclass(frozen=True)
class Place:
    """A place that is not a state: kind is capital, city, region or continent."""
    name: str
    aliases: Tuple[str, ...]
    kind: str
    country: Optional[str]


@dataclass(frozen=True)
class Initiative:
    """A named initiative or agreement; ``members`` lists the labels a collective name stands for."""
    label: str
    type: str
    aliases: Tuple[str, ...]
    members: Tuple[str, ...]


class CountryTable(NamedTuple):
    """States by code, the forms of each capital by (code, label), territory code -> state code."""
    countries: Dict[str, Country]
    capital_forms: Dict[Tuple[str, str], Tuple[str, ...]]
    territories: Dict[str, str]


# ---------------------------------------------------------------------------------------------
# reading tables

def norm(text: str) -> str:
    """A surface as looked up: curly apostrophes straightened, spaces collapsed."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def ascii_fold(text: str) -> str:
    """``text`` without diacritics ("Brasília" -> "Brasilia"), or ``text`` if it stays non-ASCII."""
    if text.isascii():
        return text
    out = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_ASCII))
                  if not unicodedata.combining(c))
    return out if out.isascii() else text


def _variants(text: str) -> List[str]:
    """The form itself, straightened, and its ASCII fold, without repeats."""
    n = norm(text)
    if n == text and text.isascii():    # most names: one form (and no Unicode work for them)
        return [text]
    return list(dict.fromkeys([text, n, ascii_fold(n)]))


def _without_the(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text


def read_table(path: Path, columns: Tuple[str, ...], required: Tuple[str, ...] = ()
               ) -> Iterator[Tuple[int, Dict[str, str]]]:
    """Rows of a tab-separated table as (line number, {column: value}).

    Lines starting with ``#`` and blank lines are skipped; the first other line must name the
    columns.

    Raises:
        DataError: the file is missing or not UTF-8, the header differs, a row has the wrong
            number of fields or an empty required field.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "missing; reinstall diplokg") from None
    except UnicodeDecodeError as e:
        raise DataError(path, f"not UTF-8 (byte at offset {e.start})") from None
    header = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header:
            if tuple(fields) != columns:
                raise DataError(path, f"line {n}: header {fields} but expected {list(columns)}")
            header = True
            continue
        if len(fields) != len(columns):
            raise DataError(path, f"line {n}: {len(fields)} tab-separated fields, expected "
                                  f"{len(columns)} ({', '.join(columns)})")
        row = dict(zip(columns, fields))
        for col in required:
            if not row[col]:
                raise DataError(path, f"line {n}: empty {col}")
        yield n, row
    if not header:
        raise DataError(path, "no header line")


def _split(path: Path, n: int, value: str) -> Tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split("|")) if value else ()
    if any(not p for p in parts):
        raise DataError(path, f"line {n}: empty item in {value!r}")
    return parts


def _check(path: Path, n: int, ok: bool, reason: str) -> None:
    if not ok:
        raise DataError(path, f"line {n}: {reason}")


# ---------------------------------------------------------------------------------------------
# states

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
        _check(path, n, r["field"] in EXTRA_FIELDS, f"unknown field {r['field']!r}; one of {', '.join(EXTRA_FIELDS)}")
        _check(path, n, r["code"] in package, f"unknown country code {r['code']!r}")
        if r["field"] == "state":
            codes.add(r["code"])
    extra: Dict[Tuple[str, str], List[Tuple[int, str]]] = {}
    territories: Dict[str, str] = {}
    for n, r in rows:
        _check(path, n, r["code"] in codes, f"{r['code']} is not a state (add a 'state' row first)")
        if r["field"] == "territory":
            _check(path, n, bool(_CODE.match(r["value"])) and r["value"] not in codes,
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
            _check(path, n, any(v in _variants(_without_the(a)) for a, _ in found), f"pycountryinfo has no alias {v!r}")
        found += [(v, n) for n, v in extra.get((code, "alias"), [])]
        aliases: List[str] = []
        for form, line in [(name, None), (official, None), *found]:
            for v in _variants(_without_the(form)):
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
            _check(path, n, v in given, f"pycountryinfo has no demonym {v!r}")
        dem: List[Tuple[str, Optional[int]]] = [(d, None) for d in given if d not in values(code, "not_demonym")]
        dem += [(v, n) for n, v in extra.get((code, "demonym"), [])]
        for d, line in list(dem):
            plural = _plural(d)
            if plural and d not in names and plural not in names:
                dem.append((plural, line))
        for d, line in dem:
            for v in _variants(d):
                if (code, line) not in demonyms.setdefault(v, []):
                    demonyms[v].append((code, line))
        groups: List[Tuple[str, ...]] = []
        package_capital = pc["capital"]
        for n, v in extra.get((code, "capital"), []):
            forms = _split(path, n, v)
            if package_capital and norm(package_capital) in map(norm, forms):
                groups.insert(0, forms)
                package_capital = None
            else:
                groups.append(forms)
        if package_capital:
            groups.insert(0, (package_capital,))
        for forms in groups:
            capital_forms[(code, forms[0])] = tuple(dict.fromkeys(v for f in forms for v in _variants(f)))
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


# ---------------------------------------------------------------------------------------------
# organisations, titles, organs and the smaller tables

def org_surfaces(names: List[str]) -> List[str]:
    """Every surface of an organisation's names: each straightened and ASCII-folded, and with
    "Organization" spelt "Organisation" and back."""
    names = [*names, *(x.replace(a, b) for x in names for a, b in SPELLINGS if a in x)]
    return list(dict.fromkeys(v for x in names for v in _variants(x)))


def _load_organisations(data_dir: Path, countries: Dict[str, Country], country_names: set
                        ) -> Tuple[Organisation, ...]:
    path = data_dir / "organisations.tsv"
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source")
    seen: Dict[str, Tuple[str, int]] = {}
    out: List[Organisation] = []
    parents: List[Tuple[int, str, str]] = []
    for n, r in read_table(path, cols, ("label", "kind", "source")):
        label = r["label"]
        _check(path, n, r["kind"] in ORG_KINDS, f"kind {r['kind']!r}; one of {', '.join(ORG_KINDS)}")
        _check(path, n, not r["country"] or r["country"] in countries, f"unknown country code {r['country']!r}")
        acronyms = _split(path, n, r["acronyms"])
        surfaces = list(dict.fromkeys(org_surfaces([label, *_split(path, n, r["aliases"])]) + list(acronyms)))
        for s in surfaces:
            owner = seen.setdefault(s, (label, n))
            _check(path, n, owner[0] == label, f"{s!r} already names {owner[0]} (line {owner[1]})")
            _check(path, n, s not in country_names, f"{s!r} is a state's name")
        if r["part_of"]:
            parents.append((n, label, r["part_of"]))
        out.append(Organisation(label, acronyms, tuple(s for s in surfaces if s != label and s not in acronyms),
                                r["kind"], r["country"] or None, r["part_of"] or None))
    labels = {o.label for o in out}
    for n, label, parent in parents:
        _check(path, n, parent in labels and parent != label, f"part_of {parent!r} is not another row's label")
    return tuple(out)


def _load_generated_organisations(data_dir: Path, countries: Dict[str, Country], taken: set
                                  ) -> Tuple[Organisation, ...]:
    """``organisations_generated.tsv`` (made by kg/tools/gen_organisations.py): each row checked
    like the curated ones, but a name that a curated organisation or a state already has is left
    out quietly (the curated table wins), and a row whose label is so taken is left out whole."""
    path = data_dir / "organisations_generated.tsv"
    if not path.exists():
        return ()
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source", "wikidata")
    seen: Dict[str, Tuple[str, int]] = {}
    out: List[Organisation] = []
    for n, r in read_table(path, cols, ("label", "kind", "source")):
        label = r["label"]
        _check(path, n, r["kind"] in ORG_KINDS, f"kind {r['kind']!r}; one of {', '.join(ORG_KINDS)}")
        _check(path, n, not r["country"] or r["country"] in countries, f"unknown country code {r['country']!r}")
        _check(path, n, not r["wikidata"] or bool(_QID.fullmatch(r["wikidata"])), f"wikidata {r['wikidata']!r} is not a QID")
        _check(path, n, not r["part_of"], "part_of is for curated rows only")
        if label in taken:
            continue
        acronyms = tuple(a for a in _split(path, n, r["acronyms"]) if a not in taken)
        surfaces = [s for s in org_surfaces([label, *_split(path, n, r["aliases"])]) if s not in taken]
        for s in [*surfaces, *acronyms]:
            owner = seen.setdefault(s, (label, n))
            _check(path, n, owner[0] == label, f"{s!r} already names {owner[0]} (line {owner[1]})")
        out.append(Organisation(label, acronyms, tuple(s for s in surfaces if s != label and s not in acronyms),
                                r["kind"], r["country"] or None, None, r["wikidata"] or None))
    return tuple(out)


def _forms_table(path: Path, cols: Tuple[str, ...], key: str, kinds: Tuple[str, ...] = ()
                 ) -> List[Tuple[int, Dict[str, str], Tuple[str, ...]]]:
    """Rows with a ``forms`` column; a form may belong to one row only, whatever its case."""
    seen: Dict[str, Tuple[str, int]] = {}
    out = []
    for n, r in read_table(path, cols, cols):
        if kinds:
            _check(path, n, r["kind"] in kinds, f"kind {r['kind']!r}; one of {', '.join(kinds)}")
        forms = tuple(dict.fromkeys(v for f in _split(path, n, r["forms"]) for v in _variants(f)))
        for f in forms:
            owner = seen.setdefault(f.casefold(), (r[key], n))
            _check(path, n, owner[0] == r[key], f"form {f!r} already belongs to {owner[0]} (line {owner[1]})")
        out.append((n, r, forms))
    return out


def _load_titles(data_dir: Path) -> Tuple[Title, ...]:
    rows = _forms_table(data_dir / "titles.tsv", ("role", "forms", "kind", "source"), "role", TITLE_KINDS)
    return tuple(Title(r["role"], forms, r["kind"]) for _, r, forms in rows)


def _load_organs(data_dir: Path) -> Tuple[Organ, ...]:
    path = data_dir / "organs.tsv"
    out = []
    for n, r, forms in _forms_table(path, ("label_template", "forms", "source"), "label_template"):
        _check(path, n, r["label_template"].count("{country}") == 1, "label_template needs one {country}")
        out.append(Organ(r["label_template"], forms))
    return tuple(out)


def _load_initiatives(data_dir: Path) -> Tuple[Initiative, ...]:
    path = data_dir / "initiatives.tsv"
    out, members = [], []
    for n, r in read_table(path, ("label", "type", "aliases", "members", "source"), ("label", "type", "source")):
        _check(path, n, r["type"] in ("Initiative", "Agreement"), f"type {r['type']!r}; Initiative or Agreement")
        out.append(Initiative(r["label"], r["type"], _split(path, n, r["aliases"]), _split(path, n, r["members"])))
        members += [(n, m) for m in out[-1].members]
    labels = {i.label for i in out}
    for n, m in members:
        _check(path, n, m in labels, f"member {m!r} is not a label in this table")
    return tuple(out)


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
        aliases = _split(path, n, r["aliases"])
        _check(path, n, not r["wikidata"] or bool(_QID.fullmatch(r["wikidata"])), f"wikidata {r['wikidata']!r} is not a QID")
        for s in (r["name"], *aliases):
            _check(path, n, s not in taken, f"{s!r} is a current state's name")
            _check(path, n, s not in seen, f"{s!r} is already line {seen.get(s)}")
            seen[s] = n
        out.append((r["name"], aliases, r["wikidata"] or None))
    return tuple(out)


def _load_topics(data_dir: Path) -> Tuple[Tuple[str, ...], Dict[str, str]]:
    labels: List[str] = []
    aliases: Dict[str, str] = {}
    path = data_dir / "topics.tsv"
    for n, r in read_table(path, ("label", "aliases", "source"), ("label", "source")):
        _check(path, n, r["label"] not in labels and r["label"] not in aliases, f"{r['label']!r} listed twice")
        labels.append(r["label"])
        for a in _split(path, n, r["aliases"]):
            _check(path, n, aliases.setdefault(a, r["label"]) == r["label"], f"alias {a!r} listed twice")
    return tuple(labels), aliases


def _load_pairs(path: Path, cols: Tuple[str, str, str], pattern: str) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for n, r in read_table(path, cols, cols):
        _check(path, n, bool(re.fullmatch(pattern, r[cols[1]])), f"{cols[1]} {r[cols[1]]!r} is malformed")
        _check(path, n, out.setdefault(r[cols[0]], r[cols[1]]) == r[cols[1]], f"{r[cols[0]]!r} listed twice")
    return out


# ---------------------------------------------------------------------------------------------
# places: curated regions (tier 0) beat capitals (1), which beat city names (2) and their ASCII
# folds (3); within a tier a name shared by several cities goes to the largest if it dominates

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


def _load_places(data_dir: Path, table: CountryTable, taken: set, taken_fold: set) -> Tuple[Place, ...]:
    stop, stop_first = _stoplist(data_dir)
    recs: Dict[tuple, dict] = {}
    curated: Dict[str, Tuple[tuple, int]] = {}
    path = data_dir / "places.tsv"
    for n, r in read_table(path, ("name", "aliases", "kind", "country", "source"), ("name", "kind", "source")):
        _check(path, n, r["kind"] in PLACE_KINDS, f"kind {r['kind']!r}; one of {', '.join(PLACE_KINDS)}")
        _check(path, n, not r["country"] or r["country"] in table.countries, f"unknown country code {r['country']!r}")
        key: tuple = ("curated", r["country"], norm(r["name"]))
        forms = [(v, 0) for f in (r["name"], *_split(path, n, r["aliases"])) for v in _variants(f)]
        for s, _ in forms:
            _check(path, n, curated.setdefault(s, (key, n))[0] == key, f"{s!r} is already line {curated[s][1]}")
        recs[key] = {"name": r["name"], "kind": r["kind"], "country": r["country"] or None, "pop": 0, "forms": forms}
    for (state, label), capital in table.capital_forms.items():
        recs[("capital", state, label)] = {"name": label, "kind": "capital", "country": state, "pop": 0,
                                           "forms": [(f, 1) for f in capital]}
    path = data_dir / "regions.tsv"
    if path.exists():
        for n, r in read_table(path, ("geonameid", "name", "country", "aliases"), ("geonameid", "name", "country")):
            _check(path, n, r["geonameid"].isdigit(), f"geonameid {r['geonameid']!r} is not a number")
            code = r["country"] if r["country"] in table.countries else table.territories.get(r["country"])
            if code is None:
                continue        # a region of a territory that is no state's (GeoNames' Taiwan, Kosovo's)
            forms = [(v, 2) for v in _variants(r["name"])]
            forms += [(v, 3) for a in _split(path, n, r["aliases"]) for v in _variants(a)]
            recs[("region", r["geonameid"])] = {"name": r["name"], "kind": "region", "country": code,
                                                "pop": 0, "forms": forms}
    aliases: Dict[str, Tuple[str, ...]] = {}
    path = data_dir / "city_aliases.tsv"
    if path.exists():
        for n, r in read_table(path, ("geonameid", "aliases"), ("geonameid", "aliases")):
            aliases[r["geonameid"]] = _split(path, n, r["aliases"])
    path = data_dir / "cities.tsv"
    for n, r in read_table(path, ("geonameid", "name", "country", "population", "capital"),
                           ("geonameid", "name", "country", "population")):
        _check(path, n, r["population"].isdigit(), f"population {r['population']!r} is not a number")
        pop = int(r["population"])
        code: Optional[str] = r["country"] if r["country"] in table.countries \
            else table.territories.get(r["country"])
        name = r["name"]
        variants = _variants(name)
        folded = variants[-1] if len(variants) > 1 and variants[-1] != norm(name) else None
        forms = [(v, 3 if v == folded else 2) for v in variants]
        key = ("capital", code, r["capital"])
        if r["capital"] and key in recs:
            recs[key]["pop"] = max(pop, recs[key]["pop"])
            recs[key]["forms"] += [(v, 1) for v in variants]
            continue
        if pop < CITY_MIN_POPULATION:
            continue
        key = ("curated", code or "", norm(name))
        if key in recs and recs[key]["kind"] == "city":
            recs[key]["pop"] = max(pop, recs[key]["pop"])
            continue
        forms += [(v, 3) for a in aliases.get(r["geonameid"], ()) for v in _variants(a)]
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
    places: List[Place] = []
    for key, rec in recs.items():
        won = list(dict.fromkeys(s for s, _ in rec["forms"] if winner.get(s) == key))
        if rec["kind"] in ("city", "region") and key[0] != "curated" and norm(rec["name"]) not in won:
            continue    # its own name went to another place: too ambiguous to keep
        places.append(Place(rec["name"], tuple(s for s in won if s != rec["name"]), rec["kind"], rec["country"]))
    return tuple(places)


# ---------------------------------------------------------------------------------------------

class Lexicon:
    """Everything diplokg knows about the world, with lookups by surface form.

    Build it with :func:`get_lexicon` (cached) or :func:`load_lexicon` (a given data folder).
    """

    def __init__(self, *, countries: Dict[str, Country], organisations: Tuple[Organisation, ...],
                 titles: Tuple[Title, ...], organs: Tuple[Organ, ...], places: Tuple[Place, ...],
                 initiatives: Tuple[Initiative, ...] = (), topics: Tuple[str, ...] = (),
                 topic_aliases: Optional[Dict[str, str]] = None, currencies: Optional[Dict[str, str]] = None,
                 count_nouns: Optional[Dict[str, str]] = None):
        self.countries = countries
        self.organisations = organisations
        self.titles = titles
        self.organs = organs
        self.places = places
        self.initiatives = initiatives
        self.topics = topics
        self.topic_aliases = topic_aliases or {}
        self.currencies = currencies or {}
        self.count_nouns = count_nouns or {}
        self._country: Dict[str, Country] = {}
        self._demonym: Dict[str, Country] = {}
        self._prefix: Dict[str, Country] = {}
        for c in countries.values():
            for s in (c.name, c.official_name, *c.aliases):
                self._country.setdefault(norm(s), c)
            self._demonym.update((norm(d), c) for d in c.demonyms)
            self._prefix.update((p, c) for p in c.prefixes)
        self._place: Dict[str, Place] = {}
        for p in places:
            for s in (p.name, *p.aliases):
                self._place.setdefault(norm(s), p)
        self._org = {norm(s): o for o in organisations for s in (o.label, *o.acronyms, *o.aliases)}
        self._title = {norm(f): t for t in titles for f in t.forms}
        self._title_fold = {norm(f).casefold(): t for t in titles for f in t.forms}
        self._organ = {norm(f): o for o in organs for f in o.forms}
        self._organ_fold = {norm(f).casefold(): o for o in organs for f in o.forms if not f.isupper()}
        self._surfaces: Optional[Dict[str, List[Tuple[str, object]]]] = None
        self._initials: Optional[Dict[str, Organisation]] = None

    def agency_by_initials(self, credit: str) -> Optional[Organisation]:
        """The news agency whose name's initials a dateline credit spells ("MENA": Middle East
        News Agency), when exactly one does. Only for datelines, where a credit in brackets is
        always an agency: in running text such initials are often something else (the MENA
        region)."""
        if self._initials is None:
            found: Dict[str, List[Organisation]] = defaultdict(list)
            for o in self.organisations:
                if o.kind in ("news", "state_news"):
                    words = [w for w in re.split(r"[\s\-]+", o.label) if w[:1].isupper()]
                    found["".join(w[0] for w in words)].append(o)
            self._initials = {k: v[0] for k, v in found.items() if len(v) == 1 and len(k) >= 2}
        return self._initials.get(credit.strip().upper()) if credit.strip().isupper() else None

    @staticmethod
    def _get(index: Mapping[str, _T], text: str) -> Optional[_T]:
        t = norm(text)
        return index.get(t) or index.get(_without_the(t))

    def country(self, text: str) -> Optional[Country]:
        """The state a name, official name or alias stands for ("the Philippines", "U.S.").

        >>> get_lexicon().country("the Philippines").code
        'PH'
        """
        return self._get(self._country, text)

    def country_by_demonym(self, text: str) -> Optional[Country]:
        """The state of a demonym or combining form ("Azerbaijanis", "Saudi", "Sino").

        >>> get_lexicon().country_by_demonym("Sino").code
        'CN'
        """
        t = norm(text)
        return self._demonym.get(t) or self._prefix.get(t.rstrip("-"))

    def place(self, text: str) -> Optional[Place]:
        """A capital, city, region or continent by name or alias (case-sensitive)."""
        return self._get(self._place, text)

    def organisation(self, text: str) -> Optional[Organisation]:
        """An organisation by label, acronym or alias ("SCO", "UN Security Council")."""
        return self._get(self._org, text)

    def title(self, text: str) -> Optional[Title]:
        """An office or title by any of its forms, in any case ("chargé d'affaires")."""
        t = norm(text)
        return self._title.get(t) or self._title_fold.get(t.casefold())

    def organ(self, text: str) -> Optional[Organ]:
        """A government organ by any form ("Foreign Ministry"); all-caps forms need their case."""
        t = norm(text)
        return self._organ.get(t) or self._organ_fold.get(t.casefold())

    def topic(self, text: str) -> Optional[str]:
        """The topic label of a label or alias ("economic cooperation" -> "economy")."""
        t = norm(text).casefold()
        return t if t in self.topics else self.topic_aliases.get(t)

    def surface_forms(self) -> Dict[str, List[Tuple[str, object]]]:
        """Every surface form -> [(kind, entry)], for a longest-match gazetteer.

        Kinds: country, demonym, prefix (Country); place (Place); organisation; title; organ;
        initiative; topic (the topic's label).
        """
        if self._surfaces is None:
            out: Dict[str, List[Tuple[str, object]]] = {}

            def add(surface: str, kind: str, entry: object) -> None:
                entries = out.setdefault(surface, [])
                if (kind, entry) not in entries:
                    entries.append((kind, entry))
            for c in self.countries.values():
                for s in (c.name, c.official_name, *c.aliases):
                    add(s, "country", c)
                for d in c.demonyms:
                    add(d, "demonym", c)
                for p in c.prefixes:
                    add(p, "prefix", c)
            for pl in self.places:
                for s in (pl.name, *pl.aliases):
                    add(s, "place", pl)
            for o in self.organisations:
                for s in (o.label, *o.acronyms, *o.aliases):
                    add(s, "organisation", o)
            for t in self.titles:
                for f in t.forms:
                    add(f, "title", t)
            for g in self.organs:
                for f in g.forms:
                    add(f, "organ", g)
            for i in self.initiatives:
                for s in (i.label, *i.aliases):
                    add(s, "initiative", i)
            for label in self.topics:
                add(label, "topic", label)
            for alias, label in self.topic_aliases.items():
                add(alias, "topic", label)
            self._surfaces = out
        return self._surfaces


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Load and check every table in ``data_dir``.

    Raises:
        DataError: a missing table or a bad row, with its file and line.
    """
    data_dir = Path(data_dir)
    table = load_countries(data_dir)
    countries = table.countries
    country_names = {s for c in countries.values() for s in (c.name, c.official_name, *c.aliases)}
    curated = _load_organisations(data_dir, countries, country_names)
    curated_names = {s for o in curated for s in (o.label, *o.acronyms, *o.aliases)}
    organisations = curated + _load_generated_organisations(data_dir, countries, country_names | curated_names)
    titles, organs = _load_titles(data_dir), _load_organs(data_dir)
    initiatives = _load_initiatives(data_dir)
    topics, topic_aliases = _load_topics(data_dir)
    taken = country_names | {s for c in countries.values() for s in (*c.demonyms, *c.prefixes)}
    # Only curated organisations keep a name from the cities: the generator leaves out of its
    # table the names of places, and a generated name must never cost a city its name.
    taken |= curated_names
    taken |= {s for i in initiatives for s in (i.label, *i.aliases)}
    taken_fold = {f.casefold() for t in titles for f in t.forms} | {f.casefold() for g in organs for f in g.forms}
    taken_fold |= {t.casefold() for t in (*topics, *topic_aliases)}
    return Lexicon(
        countries=countries, organisations=organisations, titles=titles, organs=organs,
        places=_load_places(data_dir, table, taken, taken_fold), initiatives=initiatives,
        topics=topics, topic_aliases=topic_aliases,
        currencies=_load_pairs(data_dir / "currencies.tsv", ("name", "code", "source"), r"[A-Z]{3}"),
        count_nouns=_load_pairs(data_dir / "count_nouns.tsv", ("noun", "measure", "source"), r"[A-Z][A-Za-z]+"))


@functools.lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The lexicon of diplokg's own data, loaded once per process."""
    return load_lexicon(DATA_DIR)
