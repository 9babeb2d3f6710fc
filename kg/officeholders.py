"""Office-holders with their terms: who held which office on a given day.

Reads ``kg/data/officeholders.tsv`` (made by ``kg/generate/gen_officeholders.py``, sources in
``kg/data/SOURCES.md``) once per process, checks every row, and answers the questions extraction
asks: who held an office on the article's date, which office-holders of that date bear a surname,
and which office a named person held then. A term holds on every day from the earliest its start
can mean to the latest its end can mean ("2024-07" ends on 2024-07-31); an empty end is a term
still running at the table's newest snapshot.

>>> oh = get_officeholders()
>>> [t.person for t in oh.holders("President of the United States", on="2024-06-01")]
['Joe Biden']
>>> oh.office_of("Joe Biden", "President", on="2025-06-01") is None
True
>>> oh.office_qid("President of the United States")
'Q11696'
"""
from __future__ import annotations

import calendar
import difflib
import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple, Union

from .errors import DataError
from .lexicon import DATA_DIR

__all__ = ["Term", "OfficeHolders", "load_officeholders", "get_officeholders", "OFFICEHOLDERS_PATH"]

OFFICEHOLDERS_PATH = DATA_DIR / "officeholders.tsv"
COLUMNS = ("person", "person_qid", "aliases", "role", "office", "state", "organisation", "start",
           "end", "office_qid", "source")
DateLike = Union[str, dt.date]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")
_STATE = re.compile(r"^[A-Z]{2}$")
#: words that belong to a surname they stand before: "von der Leyen", "da Silva", "al-Sisi"
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das",
                        "du", "la", "le", "al", "el", "bin", "ben", "ibn", "ter", "ten"})
#: states whose leaders' family name comes first in English news ("Xi", "Yoon", "Kim")
_FAMILY_NAME_FIRST = frozenset({"CN", "KP", "KR"})
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "œ": "oe", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'",
                        # a hyphen between the parts of a name is written as often as a space
                        "-": " ", "‐": " ", "‑": " "})


def fold(text: str) -> str:
    """A name as a lookup key: no diacritics, no case, hyphens as spaces, single spaces
    ("Erdoğan" -> "erdogan", "Amir-Abdollahian" -> "amir abdollahian")."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _bounds(value: str) -> Optional[Tuple[dt.date, dt.date]]:
    """The first and last day a date of year, month or day precision can mean; None if invalid."""
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), 1), dt.date(year, int(month), last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def _as_date(on: DateLike) -> dt.date:
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    bounds = _bounds(str(on))
    if bounds is None:
        raise ValueError(f"not an ISO date: {on!r}")
    return bounds[0]


@dataclass(frozen=True)
class Term:
    """One person's term in one office; ``end`` is "" while the term runs."""
    person: str
    person_qid: str
    aliases: Tuple[str, ...]
    role: str
    office: str
    state: str
    organisation: str
    start: str
    end: str
    office_qid: str
    source: str
    first_day: dt.date
    last_day: dt.date            # date.max while in office

    def holds_on(self, on: DateLike) -> bool:
        """Whether the term covers that day (at the precision of its dates)."""
        day = _as_date(on)
        return self.first_day <= day <= self.last_day

    @property
    def names(self) -> Tuple[str, ...]:
        return (self.person,) + self.aliases


def _surnames(term: Term) -> List[str]:
    """The words a term's holder may be called by alone (folded)."""
    out = []
    for name in term.names:
        words = name.replace(",", " ").split()
        if not words:
            continue
        if len(words) == 1:
            out.append(fold(words[0]))
            continue
        i = len(words) - 1
        while i > 0 and words[i - 1].casefold() in _PARTICLES:
            i -= 1
        out.append(fold(words[-1]))
        if i < len(words) - 1:
            out.append(fold(" ".join(words[i:])))
        if term.state in _FAMILY_NAME_FIRST:
            out.append(fold(words[0]))
    return out


class OfficeHolders:
    """The office-holder table, indexed by office, role, name and surname."""

    def __init__(self, terms: Iterable[Term]):
        self.terms_all: Tuple[Term, ...] = tuple(terms)
        self._by_office: Dict[str, List[Term]] = defaultdict(list)
        self._by_role: Dict[str, List[Term]] = defaultdict(list)
        self._by_name: Dict[str, List[Term]] = defaultdict(list)
        self._by_surname: Dict[str, List[Term]] = defaultdict(list)
        self._forenames: Optional[Dict[str, set]] = None
        self._endings = None
        for t in self.terms_all:
            self._by_office[t.office.casefold()].append(t)
            self._by_role[t.role.casefold()].append(t)
            for name in {fold(n) for n in t.names}:
                self._by_name[name].append(t)
            for word in set(_surnames(t)):
                self._by_surname[word].append(t)

    def __len__(self) -> int:
        return len(self.terms_all)

    def canonical(self, name: str) -> Optional[str]:
        """The tables' name of the office-holder ``name`` is: by a name or alias of theirs; by one
        that ends the given name after forenames or honorifics the tables leave out ("Seyed
        Ebrahim Raisi"); or, for a name of as many words whose forenames are the same, by a
        surname spelt the same but for a letter or two ("Disanayaka" for "Dissanayake"; never its
        first letter), when one person fits. None when no one, or more than one, fits.

        >>> get_officeholders().canonical("Seyed Ebrahim Raisi")
        'Ebrahim Raisi'
        """
        words = name.split()
        for k in range(0, max(1, len(words) - 1)):
            terms = self.terms(" ".join(words[k:]))
            # one person under two labels (the sources spell a name differently over the
            # years) is one person: the label of the latest term
            if len({t.person_qid or t.person for t in terms}) == 1:
                return max(terms, key=lambda t: t.first_day).person
            if terms:
                return None
        if len(words) < 2:
            return None
        # "Lula da Silva" of "Luiz Inácio Lula da Silva": the end of one name of the tables
        ending = {t.person for n, terms in self._ending_index().get(fold(words[-1]), {}).items()
                  if (" " + n).endswith(" " + fold(name)) for t in terms}
        if len(ending) == 1:
            return ending.pop()
        # "Anura Kumara" of "Anura Kumara Dissanayake": a name the tables have one more word of
        longer = {p for p in self._by_forenames().get(fold(name), ()) if len(p.split()) == len(words) + 1}
        if len(longer) == 1:
            return longer.pop()
        # (its first letter the same: "Bong-sik" is another name than "Yong-sik", no misspelling)
        near = {p for p in self._by_forenames().get(fold(" ".join(words[:-1])), ())
                if len(p.split()) == len(words) and fold(p.split()[-1])[:1] == fold(words[-1])[:1]
                and difflib.SequenceMatcher(None, fold(p.split()[-1]), fold(words[-1])).ratio() >= 0.85}
        return near.pop() if len(near) == 1 else None

    def _ending_index(self) -> Dict[str, Dict[str, List[Term]]]:
        """last word -> {folded full name: terms}, for names ending a longer one."""
        if self._endings is None:
            self._endings = defaultdict(lambda: defaultdict(list))
            for t in self.terms_all:
                for n in t.names:
                    words = fold(n).split()
                    if len(words) >= 3:
                        self._endings[words[-1]][" ".join(words)].append(t)
        return self._endings

    def _by_forenames(self) -> Dict[str, set]:
        if self._forenames is None:
            self._forenames = defaultdict(set)
            for t in self.terms_all:
                words = t.person.split()
                if len(words) >= 2:
                    self._forenames[fold(" ".join(words[:-1]))].add(t.person)
        return self._forenames


    def holders(self, office_or_role: str, state: Optional[str] = None, org: Optional[str] = None,
                on: Optional[DateLike] = None) -> List[Term]:
        """Terms of an office ("Prime Minister of India") or a role ("Prime Minister", with
        ``state`` or ``org`` to narrow it) that cover the day ``on`` (every term if None)."""
        key = office_or_role.casefold()
        found = self._by_office.get(key) or self._by_role.get(key, [])
        day = _as_date(on) if on is not None else None
        return [t for t in found
                if (state is None or t.state == state) and (org is None or t.organisation == org)
                and (day is None or t.first_day <= day <= t.last_day)]

    def terms(self, name: str) -> List[Term]:
        """Every term of the person called ``name`` (full name or an alias, any case or accents)."""
        return sorted(self._by_name.get(fold(name), []), key=lambda t: (t.first_day, t.office))

    def by_surname(self, surname: str, on: DateLike) -> List[Term]:
        """Terms covering ``on`` whose holder goes by ``surname`` alone (the last word of a name,
        with its particles: "Leyen" or "von der Leyen"; the first word for Chinese and Korean
        leaders; or a one-word alias). One person may come back with several offices."""
        day = _as_date(on)
        return [t for t in self._by_surname.get(fold(surname), []) if t.first_day <= day <= t.last_day]

    def office_qid(self, office: str, on: Optional[DateLike] = None) -> Optional[str]:
        """The Wikidata item of an office ("President of the United States" -> "Q11696"), as the
        sources state it for its terms: the item of the term covering ``on``; with no date, the
        item when every term of the office that has one names the same. None where no source
        states one, or where they differ (an office renamed or split: give the date)."""
        terms = self._by_office.get(office.casefold(), [])
        if on is not None:
            day = _as_date(on)
            terms = [t for t in terms if t.first_day <= day <= t.last_day]
        items = {t.office_qid for t in terms if t.office_qid}
        return items.pop() if len(items) == 1 else None

    def office_of(self, name: str, role: str, on: DateLike) -> Optional[str]:
        """The office with that role the person held on that day, or None (none, or several)."""
        day = _as_date(on)
        offices = {t.office for t in self.terms(name)
                   if t.role.casefold() == role.casefold() and t.first_day <= day <= t.last_day}
        return offices.pop() if len(offices) == 1 else None


def _check(path: Path, n: int, ok: bool, reason: str) -> None:
    if not ok:
        raise DataError(path, f"line {n}: {reason}")


def load_officeholders(path: Path = OFFICEHOLDERS_PATH) -> OfficeHolders:
    """Read and check the table; a bad row raises DataError naming the file and line."""
    terms: List[Term] = []
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                _check(path, n, tuple(cells) == COLUMNS, f"header must be {' '.join(COLUMNS)}")
                header_seen = True
                continue
            _check(path, n, len(cells) == len(COLUMNS), f"{len(cells)} columns, {len(COLUMNS)} expected")
            r = dict(zip(COLUMNS, cells))
            _check(path, n, bool(r["person"].strip()), "empty person")
            for col in ("person_qid", "office_qid"):
                _check(path, n, not r[col] or bool(_QID.match(r[col])), f"bad {col} {r[col]!r}")
            _check(path, n, bool(r["role"]) and r["office"].startswith(r["role"] + " of "),
                   f"office {r['office']!r} is not '{r['role']} of ...'")
            _check(path, n, bool(r["state"]) != bool(r["organisation"]),
                   "give a state or an organisation, not both or neither")
            _check(path, n, not r["state"] or bool(_STATE.match(r["state"])), f"bad state {r['state']!r}")
            first = _bounds(r["start"])
            _check(path, n, first is not None, f"bad start {r['start']!r}")
            last = _bounds(r["end"]) if r["end"] else (dt.date.max, dt.date.max)
            _check(path, n, last is not None, f"bad end {r['end']!r}")
            _check(path, n, last[1] >= first[0], f"end {r['end']} before start {r['start']}")
            _check(path, n, bool(r["source"]), "empty source")
            aliases = tuple(a for a in r["aliases"].split("|") if a)
            terms.append(Term(r["person"], r["person_qid"], aliases, r["role"], r["office"],
                              r["state"], r["organisation"], r["start"], r["end"], r["office_qid"],
                              r["source"], first[0], last[1]))
    _check(path, 0, header_seen, "no header line")
    return OfficeHolders(terms)


@functools.lru_cache(maxsize=1)
def get_officeholders() -> OfficeHolders:
    """diplokg's own office-holder table, loaded once per process."""
    return load_officeholders(OFFICEHOLDERS_PATH)
