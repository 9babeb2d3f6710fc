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
  ``kg/generate/officeholders/office_items.py``). Source tags ``ep-positions``, ``ep-heads``.

* ``--curated FILE`` (optional; ``kg/data/officeholders_curated.tsv``): hand-written terms, each
  naming its source page, for what the tables above lack (heads of the IMF, the World Bank, ASEAN
  ...; China's Premier; terms after 2025-01-31). Curated rows win over generated ones of the same
  office (rules and the conflicts printed: ``kg/generate/officeholders/curated.py``).

Only facts are kept: the name, the Wikidata id, the office, the state or organisation, the
dates and the position's item. Run from the project root (the regenerate commands are in
kg/data/SOURCES.md)::

    python -m kg.generate.gen_officeholders --historic /tmp/pc/efd4378/docs/leaders \\
        --snapshot /tmp/pc/4940eac/docs/leaders@2025-01-31 ... --repos /tmp/ep/repos.csv \\
        --positions /tmp/ep --heads /tmp/ep/world-leaders-be7039c.csv -o kg/data/officeholders.tsv

What is left out, on purpose: pages of places that are not states in the lexicon (Abkhazia,
Scotland, US states...), positions that map to no canonical role (the title rules are in
``kg/generate/officeholders/roles.py``), and, for single-holder offices, terms whose dates overlap
another holder's by more than a week (the federal pages also list the states' own ministers under
the same title; Wikidata holds some wrong terms; which of two such terms stays is the rule of
``kg/generate/officeholders/conflicts.py``). Every dropped term is printed to stderr.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from kg.generate.officeholders.conflicts import HANDOVER_DAYS, merge_duplicates, resolve_conflicts, same_person
from kg.generate.officeholders.curated import ascii_spelling, hi, lo, with_ascii
from kg.generate.officeholders.roles import ORG_PAGES, ORG_TITLES, norm_title, org_office, page_codes, role_for

__all__ = ["Term", "role_for", "org_office", "page_codes", "read_historic", "read_snapshot", "assemble",
           "resolve_conflicts", "HANDOVER_DAYS", "write_table", "main"]

COLUMNS = ("person", "person_qid", "aliases", "role", "office", "state", "organisation", "start",
           "end", "office_qid", "source")
SINCE = "2000-01-01"

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
        hit = ORG_TITLES.get(norm_title(title))
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
                                  title=norm_title(row.get("position", "")),
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
                                     norm_title(html.unescape(title)),
                                     slug if slug in ORG_PAGES else ""))
    return seen, offices


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
                    if same_person(t.person, t.person_qid, s.person, s.person_qid)
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
                     and not same_person(n.person, n.person_qid, t.person, t.person_qid)]
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
        for a in t.aliases + [ascii_spelling(n) for n in names]:
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
        from kg.generate.officeholders.curated import merge_curated
        rows = merge_curated(rows, [with_ascii(c) for c in curated],
                             lambda s: ascii_spelling(s).casefold(), log or (lambda msg: None))
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
    "kg/generate/gen_officeholders.py; do not edit by hand. Heads of state and government, foreign,",
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
    "                      kg/generate/officeholders/ep_commits.tsv)",
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
                         "repeatable (kg/generate/officeholders/extra_repos.csv adds sibling "
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
        from kg.generate.officeholders.curated import CuratedError, read_curated
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
    terms = merge_duplicates(terms)
    terms = resolve_conflicts(terms, log, sighted)
    if args.repos:
        from kg.generate.officeholders.office_items import (assign_office_items, read_heads,
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
