"""Generate kg/data/officeholders.tsv: heads of state and government, foreign, defence, finance and
trade ministers of every state since 2000, and heads of a few international organisations, with
the dates of each term.

The facts are Wikidata's (P39 "position held" with its start and end qualifiers), as Peppercat
(https://www.peppercat.org, repository peppercatorg/site-build) publishes them per place:

* ``--historic DIR``: a ``docs/leaders`` folder of site-build at a commit that still had the
  per-place ``leaders-historic.csv`` (every holder of each position with start and end; the last
  such commit is efd4378, 2023-01-19). Source tag ``peppercat-historic``.
* ``--snapshot DIR@DATE`` (repeatable): a ``docs/leaders`` folder of a later commit, whose
  ``index.html`` pages list the holders in office that day with "in office since" and the Wikidata
  item. A holder first seen here gets a term from its "in office since"; a term open in the
  historic table or an earlier snapshot is closed by the start of the next holder of the same
  office, or, when there is none, at the month of the first snapshot that no longer lists the
  holder (month precision). Source tag ``peppercat-snapshot``.

* ``--repos repos.csv --positions DIR --heads FILE`` (optional): the Wikidata item of each
  term's position, from the position lists of the every-politician-scrapers repository behind
  each page and from world-leaders-2021's heads table (rules in
  ``kg/tools/officeholders/office_items.py``). Source tags ``ep-positions``, ``ep-heads``.

* ``--curated FILE`` (optional; ``kg/data/officeholders_curated.tsv``): hand-written terms, each
  naming its source page, for what the tables above lack (heads of the IMF, the World Bank, ASEAN
  ...; China's Premier; terms after 2025-01-31). Curated rows win over generated ones of the same
  office (rules and the conflicts printed: ``kg/tools/officeholders/curated.py``).

Only facts are kept: the name, the Wikidata id, the office, the state or organisation, the
dates and the position's item. Run from the project root (the regenerate commands are in
kg/data/SOURCES.md)::

    python -m kg.tools.gen_officeholders --historic /tmp/pc/efd4378/docs/leaders \\
        --snapshot /tmp/pc/4940eac/docs/leaders@2025-01-31 ... --repos /tmp/ep/repos.csv \\
        --positions /tmp/ep --heads /tmp/ep/world-leaders-be7039c.csv -o kg/data/officeholders.tsv

What is left out, on purpose: pages of places that are not states in the lexicon (Abkhazia,
Scotland, US states...), positions that map to no canonical role, and, for single-holder offices,
terms whose dates overlap another holder's by more than a week (the federal pages also list the
states' own ministers under the same title, "Minister for Finance"; and Wikidata holds some wrong
terms). For such a pair the term that is part of the office's succession chain on both sides (its
start is a predecessor's end and its end a successor's start) wins over one that is not; when
neither is better, both are left out. Every dropped term is printed to stderr.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

__all__ = ["Term", "role_for", "org_office", "read_historic", "read_snapshot", "assemble",
           "resolve_conflicts", "write_table", "main"]

COLUMNS = ("person", "person_qid", "aliases", "role", "office", "state", "organisation", "start",
           "end", "office_qid", "source")
SINCE = "2000-01-01"
#: overlaps up to this many days are handovers (the outgoing and incoming holder both dated that day)
HANDOVER_DAYS = 7

# ---------------------------------------------------------------------------------------------
# Mapping table: a position's title on a Peppercat page -> diplokg's canonical role (the `role`
# column of kg/data/titles.tsv). Titles are compared after NFC and whitespace normalisation.
# 1. STATE_TITLES: titles whose role depends on the state, checked first (news English calls
#    the US foreign minister "Secretary of State", India's "External Affairs Minister").
# 2. EXACT_TITLES: titles with one meaning on every state's page.
# 3. PORTFOLIO patterns: "Minister of/for X" where X names the portfolio, possibly with others
#    ("Minister of Foreign Affairs and International Cooperation"); the first portfolio word wins.
# A title listed in SKIP_TITLES never maps, whatever the patterns say.
# ---------------------------------------------------------------------------------------------
STATE_TITLES: Dict[Tuple[str, str], Optional[str]] = {
    ("US", "Secretary of State"): "Secretary of State",
    ("US", "Secretary of Defense"): "Secretary of Defense",
    ("US", "Secretary of Defence"): "Secretary of Defense",
    ("US", "Secretary of the Treasury"): "Treasury Secretary",
    ("US", "Secretary of Commerce"): "Commerce Secretary",
    ("US", "United States Trade Representative"): "Trade Representative",
    ("GB", "Secretary of State for Foreign and Commonwealth Affairs"): "Foreign Secretary",
    ("GB", "Secretary of State for Foreign, Commonwealth and Development Affairs"): "Foreign Secretary",
    ("GB", "Foreign Secretary"): "Foreign Secretary",
    # news writes "Defence Secretary", a form of the canonical role "Secretary of Defense"
    ("GB", "Secretary of State for Defence"): "Secretary of Defense",
    ("GB", "Chancellor of the Exchequer"): "Chancellor of the Exchequer",
    ("GB", "Secretary of State for International Trade"): "Trade Minister",
    ("GB", "Secretary of State for Business and Trade"): "Trade Minister",
    ("IN", "Minister of External Affairs"): "External Affairs Minister",
    # On India's page this title holds the Foreign Secretaries (civil servants), not ministers.
    ("IN", "Minister of Foreign Affairs"): None,
    ("IN", "Minister of Commerce and Industry"): "Commerce Minister",
    ("CN", "Premier"): "Premier",
    ("DE", "Federal Chancellor"): "Chancellor",
    ("DE", "Chancellor"): "Chancellor",
    ("AT", "Federal Chancellor"): "Chancellor",
    ("AT", "Chancellor"): "Chancellor",
    ("IE", "Taoiseach"): "Prime Minister",
    ("PH", "Secretary of Foreign Affairs"): "Foreign Minister",
    ("PH", "Secretary for Foreign Affairs"): "Foreign Minister",
    ("PH", "Secretary of National Defense"): "Defense Minister",
    ("PH", "Secretary of National Defence"): "Defense Minister",
    ("PH", "Secretary of Finance"): "Finance Minister",
    ("PH", "Secretary of Trade and Industry"): "Trade Minister",
    ("MX", "Secretary of Foreign Affairs"): "Foreign Minister",
    ("MX", "Secretary of National Defense"): "Defense Minister",
    ("MX", "Secretary of Finance and Public Credit"): "Finance Minister",
    ("MX", "Secretary of Economy"): None,
    ("IR", "Supreme Leader"): "Supreme Leader",
    ("KP", "Supreme Leader"): "Supreme Leader",
}
EXACT_TITLES: Dict[str, str] = {
    "President": "President",
    "President of the Republic": "President",
    "Beretitenti (President)": "President",
    "Prime Minister": "Prime Minister",
    "Chairman of the Cabinet of Ministers (Prime Minister)": "Prime Minister",
    "monarch": "monarch", "Monarch": "monarch", "King": "monarch", "Queen": "monarch",
    "emir": "monarch", "Emir": "monarch", "Sultan": "monarch",
    "Yang di_pertuan Agong (Monarch)": "monarch", "Ngwenyama (King)": "monarch",
}
#: the monarch's role by state; elsewhere King or Queen by the holder's gender
MONARCH_ROLES = {"QA": "Emir", "KW": "Emir", "OM": "Sultan", "BN": "Sultan"}
#: titles that never map (junior or deputy posts, bodies named like a ministry)
SKIP_WORDS = re.compile(r"\b(Deputy|Vice|Assistant|Associate|Delegate|Delegated|Second|State Minister|"
                        r"Minister of State|Minister in|Minister within|Minister to|Secretary of State for|"
                        r"State Secretary|Under|Shadow|Parliamentary|Junior|Acting|Domestic|Internal|"
                        r"Industry Minister|Materiel|Equipment|Civil Defen[cs]e|Defen[cs]e Industry|"
                        r"Micro-?finance|Public Finance|Cabinet Secretary|Flemish|Chief|Spokes)",
                        re.IGNORECASE)
_MINISTER = r"^(?:Federal )?(?:Minister|Secretary) (?:of|for) (?:the )?"
PORTFOLIOS: Tuple[Tuple[str, re.Pattern], ...] = (
    ("Foreign Minister", re.compile(r"\b(Foreign Affairs|External Relations|External Affairs|"
                                    r"Foreign and European Affairs|Europe and Foreign Affairs|"
                                    r"Foreign Affairs)\b")),
    ("Defense Minister", re.compile(r"\b(National )?Defen[cs]e\b")),
    ("Finance Minister", re.compile(r"\b(Finance|Finances|Treasury)\b")),
    ("Trade Minister", re.compile(r"\b(Foreign |International |External )?Trade\b")),
    ("Commerce Minister", re.compile(r"\b(Foreign )?Commerce\b")),
)


def _norm_title(title: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip()


def role_for(title: str, state: str, gender: str = "") -> Optional[str]:
    """The canonical role a position's title stands for on a state's page, or None.

    >>> role_for("Minister of Foreign Affairs and Worship", "AR"), role_for("Secretary of State", "US")
    ('Foreign Minister', 'Secretary of State')
    >>> role_for("Deputy Minister of Finance", "KE") is None, role_for("monarch", "SE", "female")
    (True, 'Queen')
    """
    t = _norm_title(title)
    if (state, t) in STATE_TITLES:
        return STATE_TITLES[(state, t)]
    role = EXACT_TITLES.get(t)
    if role is None and re.match(_MINISTER, t) and not SKIP_WORDS.search(t) and state not in ("US", "GB"):
        portfolio = re.sub(_MINISTER, "", t)
        hits = [(m.start(), r) for r, rx in PORTFOLIOS for m in [rx.search(portfolio)] if m]
        if hits:
            role = min(hits)[1]
    if role == "monarch":
        role = MONARCH_ROLES.get(state) or ("Queen" if gender.strip().lower() == "female" else "King")
    if role == "Premier" and state != "CN":
        return None
    return role


#: international organisations' pages: title -> (role, organisation label in organisations.tsv)
ORG_TITLES: Dict[str, Tuple[str, str]] = {
    "Secretary-General of the United Nations": ("Secretary-General", "United Nations"),
    "Director-General of the World Trade Organization": ("Director-General", "World Trade Organization"),
    "Director-General of the World Health Organization": ("Director-General", "World Health Organization"),
    "President of the European Commission": ("President", "European Commission"),
    "President of the European Council": ("President", "European Council"),
    "High Representative of the Union for Foreign Affairs and Security Policy":
        ("High Representative", "European Union"),
    "Secretary General of NATO": ("Secretary-General", "North Atlantic Treaty Organization"),
}
ORG_PAGES = ("world", "european-union")


def org_office(role: str, org: str) -> str:
    """``Secretary-General of the United Nations``: an organisation's name takes "the"."""
    return f"{role} of the {org}"


# Page slugs that are not the slug of the lexicon's name.
SLUG_CODES = {"bosnia-herzegovina": "BA", "congo-brazzaville": "CG", "congo-kinshasa": "CD",
              "czechia": "CZ", "cabo-verde": "CV", "st-kitts-and-nevis": "KN",
              "sao-tome-and-principe": "ST", "micronesia": "FM", "palestine": "PS"}


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def page_codes(country_names: Dict[str, str]) -> Dict[str, str]:
    """Peppercat page slug -> ISO code, for the lexicon's states."""
    codes = {slugify(name): code for code, name in country_names.items()}
    codes.update(SLUG_CODES)
    return codes


# ---------------------------------------------------------------------------------------------
# Terms
# ---------------------------------------------------------------------------------------------
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q\d+$")


@dataclass
class Term:
    person: str
    person_qid: str
    role: str
    state: str          # ISO code, or "" for an organisation's office
    org: str            # organisation label, or ""
    start: str
    end: str
    source: str
    aliases: List[str] = field(default_factory=list)
    inferred_end: bool = False      # end set from the next holder or a snapshot, not the source
    title: str = ""                 # the position's title on the page ("Minister for Finance")
    page: str = ""                  # slug of the organisations' page it was read from, or ""
    office_qid: str = ""            # the position's Wikidata item, where a source states it
    item_source: str = ""           # the source tag of office_qid

    @property
    def office(self) -> Tuple[str, str, str]:
        """The office as a slot: a King and a Queen of one state hold the same throne."""
        return ("monarch" if self.role in ("King", "Queen") else self.role, self.state, self.org)


def lo(date: str) -> dt.date:
    """Earliest day a date of any precision can mean."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def hi(date: str) -> dt.date:
    """Latest day a date of any precision can mean."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(name)).strip()


def _enwiki_alias(title: str) -> str:
    """An English Wikipedia title without its disambiguator: "Stephen Smith (Australian politician)"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", _clean_name(title))


def _place(slug: str, codes: Dict[str, str]) -> Optional[str]:
    if slug in ORG_PAGES:
        return ""
    return codes.get(slug)


def _office_of(title: str, slug: str, code: str, gender: str) -> Optional[Tuple[str, str, str]]:
    if slug in ORG_PAGES:
        hit = ORG_TITLES.get(_norm_title(title))
        return (hit[0], "", hit[1]) if hit else None
    role = role_for(title, code, gender)
    return (role, code, "") if role else None


def _slot(office: Tuple[str, str, str]) -> Tuple[str, str, str]:
    return ("monarch",) + office[1:] if office[0] in ("King", "Queen") else office


def read_historic(folder: Path, codes: Dict[str, str]) -> List[Term]:
    """Terms from ``<slug>/leaders-historic.csv`` (or ``<slug>.csv``) files of a folder."""
    terms: List[Term] = []
    files = sorted(folder.glob("*/leaders-historic.csv")) or sorted(folder.glob("*.csv"))
    for path in files:
        slug = path.parent.name if path.name == "leaders-historic.csv" else path.stem
        code = _place(slug, codes)
        if code is None:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                office = _office_of(row.get("position", ""), slug, code, row.get("gender", ""))
                if office is None:
                    continue
                name, qid = _clean_name(row.get("person", "")), (row.get("personID") or "").strip()
                start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
                if not name or _QID.match(name) or not _QID.match(qid) or not _DATE.match(start) \
                        or (end and not _DATE.match(end)) or (end and hi(end) < lo(start)):
                    continue
                aliases = [a for a in [_enwiki_alias(row.get("enwiki") or "")] if a and a != name]
                terms.append(Term(name, qid, office[0], office[1], office[2], start, end,
                                  "peppercat-historic", aliases,
                                  title=_norm_title(row.get("position", "")),
                                  page=slug if slug in ORG_PAGES else ""))
    return terms


_DT = re.compile(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", re.S)
_SPAN = re.compile(r'<span class="toggle">(.*?)</span>', re.S)
_SINCE = re.compile(r"<li>in office since (\d{4}(?:-\d{2}(?:-\d{2})?)?)</li>")
_GENDER = re.compile(r"<li>(male|female)</li>")
_ITEM = re.compile(r"https://www\.wikidata\.org/wiki/(Q\d+)")
_WIKI = re.compile(r"https://en\.wikipedia\.org/wiki/([^\"#]+)")


@dataclass(frozen=True)
class Sighting:
    """A holder listed in office on a snapshot page."""
    office: Tuple[str, str, str]
    person: str
    person_qid: str
    since: str
    alias: str
    title: str = ""
    page: str = ""


def read_snapshot(folder: Path, codes: Dict[str, str]) -> Tuple[List[Sighting], set]:
    """The holders a snapshot's ``<slug>/index.html`` pages list, and the offices each lists."""
    seen: List[Sighting] = []
    offices: set = set()
    for path in sorted(folder.glob("*/index.html")):
        slug = path.parent.name
        code = _place(slug, codes)
        if code is None:
            continue
        text = path.read_text(encoding="utf-8")
        for dt_html, dd in _DT.findall(text):
            span, since, gender = _SPAN.search(dd), _SINCE.search(dd), _GENDER.search(dd)
            item, wiki = _ITEM.search(dd), _WIKI.search(dd)
            for title in re.split(r"<br\s*/?>", dt_html):
                office = _office_of(html.unescape(title), slug, code, gender.group(1) if gender else "")
                if office is None or span is None:
                    continue
                offices.add(_slot(office))
                name = _clean_name(span.group(1))
                if not since or _QID.match(name):
                    continue
                alias = ""
                if wiki:
                    from urllib.parse import unquote
                    alias = _enwiki_alias(unquote(wiki.group(1)).replace("_", " "))
                seen.append(Sighting(office, name, item.group(1) if item else "", since.group(1),
                                     alias if alias != name else "",
                                     _norm_title(html.unescape(title)),
                                     slug if slug in ORG_PAGES else ""))
    return seen, offices


def _same_person(a_name: str, a_qid: str, b_name: str, b_qid: str) -> bool:
    """The same person: the same Wikidata item, or, where one has none, the same name."""
    if a_qid and b_qid:
        return a_qid == b_qid
    return _ascii(a_name).casefold() == _ascii(b_name).casefold()


def assemble(historic: List[Term], snapshots: Sequence[Tuple[str, List[Sighting], set]],
             log=None) -> List[Term]:
    """Bring the snapshots' holders into the historic terms (see the module docstring).

    A sighting (holder in office on day D since S) continues the person's term of that office
    whose span holds D or whose start is within 40 days of S; otherwise it opens a term at S.
    """
    log = log or (lambda msg: None)
    terms = [replace(t, aliases=list(t.aliases)) for t in historic]
    by_office: Dict[Tuple[str, str, str], List[Term]] = defaultdict(list)
    for t in terms:
        by_office[t.office].append(t)
    last_seen: Dict[int, str] = {}
    far = dt.date(9999, 12, 31)
    for date, sightings, _offices in sorted(snapshots, key=lambda s: s[0]):
        for s in sightings:
            mine = [t for t in by_office[_slot(s.office)]
                    if _same_person(t.person, t.person_qid, s.person, s.person_qid)
                    and (lo(t.start) <= lo(date) <= (hi(t.end) if t.end else far)
                         or abs((lo(t.start) - lo(s.since)).days) <= 40)]
            if mine:
                t = min(mine, key=lambda t: abs((lo(t.start) - lo(s.since)).days))
                if t.end and hi(t.end) < lo(date):
                    t.end = ""          # listed in office after its recorded end: reopened
                if not t.person_qid and s.person_qid:
                    t.person_qid = s.person_qid
                if not t.title:
                    t.title, t.page = s.title, s.page
            else:
                t = Term(s.person, s.person_qid, s.office[0], s.office[1], s.office[2], s.since, "",
                         "peppercat-snapshot", [], title=s.title, page=s.page)
                terms.append(t)
                by_office[_slot(s.office)].append(t)
            if s.alias and s.alias != t.person and s.alias not in t.aliases:
                t.aliases.append(s.alias)
            last_seen[id(t)] = date
    dates = sorted(d for d, _, _ in snapshots)
    listed = {d: offices for d, _, offices in snapshots}
    for office, group in by_office.items():
        group.sort(key=lambda t: lo(t.start))
        for i, t in enumerate(group):
            if t.end or not dates or last_seen.get(id(t)) == dates[-1]:
                continue
            later = [n for n in group[i + 1:] if lo(n.start) > lo(t.start)
                     and not _same_person(n.person, n.person_qid, t.person, t.person_qid)]
            if later:
                t.end, t.inferred_end = later[0].start, True
                continue
            seen = last_seen.get(id(t))
            after = [d for d in dates if (d > seen if seen else lo(d) > hi(t.start))]
            if after:
                # no successor known: the holder was last listed before this snapshot. Closing
                # the term errs towards too short, never towards a holder still "in office".
                t.end, t.inferred_end = after[0][:7], True
                if not any(office in listed[d] for d in after):
                    log(f"untracked {office}: {t.person} since {t.start}: no later snapshot lists "
                        f"the office; term closed at {t.end}")
    assemble.sighted = {id(t) for t in terms if id(t) in last_seen}  # type: ignore[attr-defined]
    return terms


def _overlap_days(a: Term, b: Term) -> int:
    """Days both terms surely cover (latest possible start to earliest possible end)."""
    far = dt.date(9999, 12, 31)
    start = max(hi(a.start), hi(b.start))
    end = min(lo(a.end) if a.end else far, lo(b.end) if b.end else far)
    return (end - start).days


def _conflict(a: Term, b: Term) -> bool:
    """Two holders at once: overlapping by more than a handover, or one term inside the other."""
    days = _overlap_days(a, b)
    if days > HANDOVER_DAYS:
        return True
    far = dt.date(9999, 12, 31)
    inside = lambda x, y: lo(y.start) < lo(x.start) and (hi(x.end) if x.end else far) < \
        (lo(y.end) if y.end else far)
    return days > 0 and (inside(a, b) or inside(b, a))


def _src_end(t: Term) -> bool:
    """An end the source gives (an inferred one links nothing: it was made from a successor)."""
    return bool(t.end) and not t.inferred_end


def _links(t: Term, group: List[Term]) -> int:
    """How many of a term's ends meet another term of the office (its place in the succession)."""
    near = lambda x, y: abs((lo(x) - lo(y)).days) <= HANDOVER_DAYS
    before = any(o is not t and _src_end(o) and near(o.end, t.start) for o in group)
    after = _src_end(t) and any(o is not t and near(o.start, t.end) for o in group)
    return int(before) + int(after)


def _anchored(group: List[Term], sighted: set) -> set:
    """Terms linked, through successions (an end meeting a start), to a term a snapshot listed.

    The snapshot pages list one state's national holders only; the historic table of a federation
    also holds its provinces' ministers under the same titles, in chains of their own.
    """
    near = lambda x, y: abs((lo(x) - lo(y)).days) <= HANDOVER_DAYS
    reach = {id(t) for t in group if id(t) in sighted}
    todo = [t for t in group if id(t) in reach]
    while todo:
        t = todo.pop()
        for o in group:
            if id(o) not in reach and ((_src_end(o) and near(o.end, t.start))
                                       or (_src_end(t) and near(t.end, o.start))):
                reach.add(id(o))
                todo.append(o)
    return reach


def resolve_conflicts(terms: List[Term], log=None, sighted: Optional[set] = None) -> List[Term]:
    """Leave out terms that overlap another holder's term of the same single-holder office.

    Of two overlapping terms, the one linked by successions to a holder the snapshots list wins;
    else the one with more succession links (0-2); else both are left out.
    """
    log = log or (lambda msg: None)
    sighted = sighted or set()
    by_office: Dict[Tuple[str, str, str], List[Term]] = defaultdict(list)
    for t in terms:
        by_office[t.office].append(t)
    dropped: set = set()
    for office, group in by_office.items():
        anchored = _anchored(group, sighted)
        while True:
            live = [t for t in group if id(t) not in dropped]
            pairs = [(a, b) for i, a in enumerate(live) for b in live[i + 1:]
                     if not _same_person(a.person, a.person_qid, b.person, b.person_qid)
                     and _conflict(a, b)]
            if not pairs:
                break
            drop: set = set()
            for a, b in pairs:
                ka = (id(a) in anchored, _links(a, live))
                kb = (id(b) in anchored, _links(b, live))
                losers = [b] if ka > kb else [a] if kb > ka else [a, b]
                for x in losers:
                    drop.add(id(x))
                    log(f"conflict {office}: left out {x.person} {x.start}..{x.end or 'now'} "
                        f"(overlaps {(b if x is a else a).person})")
            dropped |= drop
    return [t for t in terms if id(t) not in dropped]


def _merge_duplicates(terms: List[Term]) -> List[Term]:
    """One row per person, office and start: the same term read twice keeps its known end."""
    out: Dict[Tuple, Term] = {}
    for t in terms:
        key = (t.office, t.person_qid or t.person, t.start)
        if key in out:
            kept = out[key]
            kept.end = kept.end or t.end
            kept.title = kept.title or t.title
            kept.aliases += [a for a in t.aliases if a not in kept.aliases]
        else:
            out[key] = t
    return list(out.values())


def _ascii(s: str) -> str:
    table = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ß": "ss", "æ": "ae", "œ": "oe", "ʻ": "'", "ʼ": "'", "’": "'"})
    s = s.translate(table)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _with_ascii(row: Tuple[str, ...]) -> Tuple[str, ...]:
    """A curated row with the ASCII spelling of its names among its aliases, as generated rows have."""
    names = [row[0]] + [a for a in row[2].split("|") if a]
    aliases = []
    for a in names[1:] + [_ascii(n) for n in names]:
        if a and a != row[0] and a not in aliases:
            aliases.append(a)
    return row[:2] + ("|".join(aliases),) + row[3:]


def write_table(terms: Iterable[Term], out: Path, country_names: Dict[str, str], of_state,
                header: Sequence[str], curated: Sequence[Tuple[str, ...]] = (), log=None) -> int:
    """Write the table, sorted by state or organisation, office and start; return the row count.

    ``curated`` rows (read by ``officeholders.curated.read_curated``) are merged in, winning over
    generated terms of the same office; ``log`` gets each generated term they cut or leave out.
    """
    rows = []
    for t in terms:
        if t.end and hi(t.end) < lo(SINCE):
            continue
        names = [t.person] + t.aliases
        aliases = []
        for a in t.aliases + [_ascii(n) for n in names]:
            if a and a != t.person and a not in aliases:
                aliases.append(a)
        office = org_office(t.role, t.org) if t.org else f"{t.role} of {of_state(country_names[t.state])}"
        source = t.source
        if t.inferred_end and source != "peppercat-snapshot":
            source += ",peppercat-snapshot"   # the end comes from the snapshots
        if t.office_qid and t.item_source:
            source += "," + t.item_source      # the office's item comes from that table
        rows.append((t.person, t.person_qid, "|".join(aliases), t.role, office, t.state, t.org,
                     t.start, t.end, t.office_qid, source))
    if curated:
        from kg.tools.officeholders.curated import merge_curated
        rows = merge_curated(rows, [_with_ascii(c) for c in curated],
                             lambda s: _ascii(s).casefold(), log or (lambda msg: None))
    rows.sort(key=lambda r: (r[5] or "~", r[6], r[3], lo(r[7]), r[0]))
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for line in header:
            fh.write(f"# {line}\n" if line else "#\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    tmp.replace(out)
    return len(rows)


HEADER = (
    "Office-holders with their terms (see SOURCES.md, 'Office-holders'). Generated by",
    "kg/tools/gen_officeholders.py; do not edit by hand. Heads of state and government, foreign,",
    "defence, finance and trade ministers of the lexicon's states, and heads of the UN, WTO, WHO,",
    "NATO, European Commission, European Council and the EU's High Representative, for terms that",
    "overlap 2000-01-01 or later. Columns: person (Wikidata's English label), person_qid, aliases",
    "(|: the English Wikipedia title and ASCII spellings), role (titles.tsv), office, state (ISO",
    "alpha-2) or organisation (organisations.tsv), start, end (as precise as the source; end empty =",
    "in office at the newest snapshot), office_qid (the position's Wikidata item where a table",
    "states it), source (comma-separated tags, the first for the term):",
    "  peppercat-historic  peppercatorg/site-build docs/leaders/<place>/leaders-historic.csv",
    "                      @efd4378 (2023-01-19): Wikidata P39 terms with start and end",
    "  peppercat-snapshot  peppercatorg/site-build docs/leaders/<place>/index.html, monthly commits",
    "                      2023-01-31..2025-01-31 (@4940eac): holders in office, 'in office since';",
    "                      an end is the next holder's start, or the month of the first snapshot",
    "                      without the holder",
    "  ep-positions        office_qid: every-politician-scrapers/<repo> wikidata/*-positions.csv",
    "                      (position item and the title the pages show; commits in",
    "                      kg/tools/officeholders/ep_commits.tsv)",
    "  ep-heads            office_qid: every-politician-scrapers/world-leaders-2021",
    "                      data/wikidata.csv @f86a601, @bee1ce6, @be7039c (P1906/P1313 positions)",
    "  curated: ...        hand-written from the page the rest of the cell names",
    "                      (kg/data/officeholders_curated.tsv); curated terms win over generated",
    "                      ones of the same office: a generated term they cut ends on the curated",
    "                      term's start and carries the tag curated-end",
    "The facts are Wikidata's (CC0); Peppercat's arrangement is CC BY-NC 4.0 and is not reproduced.",
)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--historic", type=Path, required=True,
                    help="docs/leaders folder with <place>/leaders-historic.csv files")
    ap.add_argument("--snapshot", action="append", default=[], metavar="DIR@YYYY-MM-DD",
                    help="docs/leaders folder of a later commit, with its date (repeatable)")
    ap.add_argument("--repos", type=Path, action="append", default=[],
                    help="Peppercat's repos.csv (country item, page slug, scraper repository); "
                         "repeatable (kg/tools/officeholders/extra_repos.csv adds sibling "
                         "repositories for pages whose own the store lacks)")
    ap.add_argument("--positions", type=Path,
                    help="folder with <repo>/wikidata/*.csv position lists (position,title) of "
                         "the repositories --repos names")
    ap.add_argument("--heads", type=Path, action="append", default=[],
                    help="world-leaders table of heads' positions (data/wikidata.csv; repeatable)")
    ap.add_argument("--curated", type=Path,
                    help="hand-written terms to merge in, winning over generated ones "
                         "(kg/data/officeholders_curated.tsv)")
    ap.add_argument("-o", "--out", type=Path, default=Path("kg/data/officeholders.tsv"))
    args = ap.parse_args(argv)
    if (args.positions or args.heads) and not args.repos:
        ap.error("--positions and --heads need --repos")
    from kg.lexicon import get_lexicon, of_state
    lex = get_lexicon()
    country_names = {code: c.name for code, c in lex.countries.items()}
    curated: List[Tuple[str, ...]] = []
    if args.curated:
        from kg.tools.officeholders.curated import CuratedError, read_curated
        orgs = {o.label for o in lex.organisations}
        office_name = lambda r: (org_office(r[3], r[6]) if r[6] in orgs else None) if r[6] else \
            (f"{r[3]} of {of_state(country_names[r[5]])}" if r[5] in country_names else None)
        try:
            curated = read_curated(args.curated, COLUMNS, office_name, {t.role for t in lex.titles})
        except (CuratedError, OSError) as e:
            ap.error(str(e))
    codes = page_codes(country_names)
    if not args.historic.is_dir():
        ap.error(f"{args.historic}: not a folder")
    historic = read_historic(args.historic, codes)
    snaps = []
    for spec in args.snapshot:
        folder, _, date = spec.rpartition("@")
        if not folder or not re.match(r"^\d{4}-\d{2}-\d{2}$", date) or not Path(folder).is_dir():
            ap.error(f"--snapshot {spec!r}: give an existing folder and its date, DIR@YYYY-MM-DD")
        seen, offices = read_snapshot(Path(folder), codes)
        snaps.append((date, seen, offices))
    log = lambda msg: print(msg, file=sys.stderr)
    terms = assemble(historic, snaps, log)
    sighted = assemble.sighted  # type: ignore[attr-defined]
    terms = _merge_duplicates(terms)
    terms = resolve_conflicts(terms, log, sighted)
    if args.repos:
        from kg.tools.officeholders.office_items import (assign_office_items, read_heads,
                                                         read_position_lists, read_repos)
        repos = [r for path in args.repos for r in read_repos(path)]
        place_of = lambda slug: slug if slug in ORG_PAGES else codes.get(slug)
        titles = read_position_lists(args.positions, repos, place_of) if args.positions else {}
        code_of_item = {qid: codes[slug] for qid, slug, _ in repos if qid and slug in codes}
        heads = read_heads(args.heads, code_of_item)
        counts = assign_office_items(terms, titles, heads, log)
        print(f"office items: {counts} ({len(titles)} places' position lists)", file=sys.stderr)
    n = write_table(terms, args.out, country_names, of_state, HEADER, curated, log)
    print(f"{args.out}: {n} terms ({len(historic)} historic rows read, {len(snaps)} snapshots, "
          f"{len(curated)} curated)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
