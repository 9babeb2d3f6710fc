"""Generate ``kg/data/people_wikidata.tsv``: people foreign-policy news names, with their Wikidata item.

The rows are ministers, officials and legislators as Wikidata's "position held" (P39) statements
list them, read from two maintained public extracts of Wikidata (the files are read from the paths
on the command line; ``kg/data/SOURCES.md`` gives the commits and the commands that unpack them):

* ``--ep DIR``: one folder per every-politician-scrapers repository (``DIR/<repo>/html/*.csv``
  and ``DIR/<repo>/sources/**/*.csv``). ``html/holders21.csv`` and ``html/current.csv`` hold the
  holders of the positions each repository tracks for its state (ministers, deputy ministers,
  governors, chiefs of staff, judges, ambassadors, central bankers...), ``html/legislators.csv``
  the members of its legislatures, ``html/family.csv`` their relatives; ``sources/*/wikidata.csv``
  and ``scraped.csv`` give the spelling of an official list or Wikipedia page beside the item.
  Source tags ``ep-executive``, ``ep-legislature``, ``ep-family``.
* ``--historic DIR`` and ``--snapshot DIR@DATE``: Peppercat's ``docs/leaders`` pages (the
  per-place ``leaders-historic.csv`` of 2023-01-19 and the monthly ``index.html`` snapshots of
  2023-2025), whose cabinets are newer than the scrapers'. Source tags ``peppercat-historic``,
  ``peppercat-snapshot``. Pages of provinces and territories count for their state
  (:data:`PLACE_PAGES`).
* ``--repos FILE`` (repeatable): ``repos.csv`` naming each repository's place, for its state.

The readers of these sources are in ``kg/generate/people/sources.py``, the name forms in
``kg/generate/people/names.py``; this module resolves the sightings into rows and writes them.

Rules (what makes a link certain): a term must run into 2000 or later; legislators (of the
national legislature only) and relatives are kept for the states the news names most
(:data:`NATIONAL_LEGISLATURES`); the name is Wikidata's English label as the newest
source gives it, and the aliases are the other labels and spellings the sources give for the same
item (an English Wikipedia title, an official list's spelling) and their typographic variants
(ASCII, initials, Korean given names: ``kg/generate/people/names.py``); a name of one word is left out, and so, entirely, is any name or alias two
items share or that English Wikipedia disambiguates (see :func:`resolve`). Output is sorted, so the
same inputs give the same bytes::

    .venv/bin/python -m kg.generate.gen_people --ep /tmp/ppl/ep --repos /tmp/ep/repos.csv \\
        --repos kg/generate/officeholders/extra_repos.csv --historic /tmp/pc/hist/docs/leaders \\
        --snapshot /tmp/pc/2025-01-31/docs/leaders@2025-01-31 ... -o kg/data/people_wikidata.tsv
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from kg.generate.people.names import ascii_form, initials_forms, korean_forms
from kg.generate.people.sources import (NATIONAL_LEGISLATURES, SINCE, Sighting, read_ep, read_historic,
                                     read_repos, read_snapshot)

__all__ = ["Sighting", "NATIONAL_LEGISLATURES", "SINCE", "read_ep", "read_historic", "read_snapshot",
           "initials_forms", "resolve", "render", "main"]

COLUMNS = ("name", "aliases", "qid", "country", "source")
#: source tags, best first: the name of a person comes from the best source that lists them
SOURCES = ("peppercat-snapshot", "peppercat-historic", "ep-executive", "ep-legislature", "ep-family")


def _usable(name: str) -> bool:
    """A name a link may rest on: two words or more (a single name may be anyone's)."""
    return len(name.split()) >= 2


def resolve(sightings: Iterable[Sighting], log=None) -> List[Tuple[str, List[str], str, str, str]]:
    """One row per item: (name, aliases, qid, country, source), sorted by name and item.

    The name is the one the best source gives (:data:`SOURCES` order; within a source, the one
    given most often, then the first in sort order); the country is the one that source gives
    most often. A name or alias two items share is dropped from both, and so is one that English
    Wikipedia gives a disambiguator ("Roger Cook (politician)": another Roger Cook has the bare
    title or one of his own); an item left with no name is dropped. ``log`` gets one line per
    dropped name.
    """
    rank = {tag: i for i, tag in enumerate(SOURCES)}
    by_qid: Dict[str, List[Sighting]] = defaultdict(list)
    by_qid_all = list(sightings)
    for s in by_qid_all:
        by_qid[s.qid].append(s)
    forms: Dict[str, Tuple[str, List[str], str, str]] = {}
    owners: Dict[str, set] = defaultdict(set)
    for qid, seen in by_qid.items():
        best = min(rank[s.source] for s in seen)
        top = [s for s in seen if rank[s.source] == best]
        names = Counter(s.name for s in top)
        label = min(names, key=lambda n: (-names[n], n))
        countries = Counter(s.country for s in top if s.country)
        country = min(countries, key=lambda c: (-countries[c], c)) if countries else ""
        spellings = {s.name for s in seen} | {a for s in seen for a in s.aliases}
        spellings |= {ascii_form(n) for n in spellings}
        spellings |= {f for n in spellings for f in initials_forms(n)}
        if country in ("KR", "KP"):
            spellings |= {f for n in spellings for f in korean_forms(n)}
        spellings = {n for n in spellings if _usable(n)}
        for n in spellings:
            owners[n].add(qid)
        forms[qid] = (label, sorted(spellings - {label}), country, SOURCES[best])
    shared = {n for n, qids in owners.items() if len(qids) > 1}
    disambiguated = {f for s in by_qid_all for f in (s.disambiguated, ascii_form(s.disambiguated)) if f} - shared
    if log:
        for n in sorted(shared):
            log(f"shared by {len(owners[n])} items, left out: {n} ({', '.join(sorted(owners[n], key=_qnum))})")
        for n in sorted(disambiguated & set(owners)):
            log(f"disambiguated by English Wikipedia, left out: {n} ({', '.join(sorted(owners[n], key=_qnum))})")
    shared |= disambiguated
    rows = []
    for qid, (label, aliases, country, source) in forms.items():
        kept = [a for a in aliases if a not in shared]
        if label in shared or not _usable(label):
            if not kept:
                continue
            label, kept = kept[0], kept[1:]
        rows.append((label, kept, qid, country, source))
    rows.sort(key=lambda r: (r[0], _qnum(r[2])))
    return rows


def _qnum(qid: str) -> int:
    return int(qid[1:])


def render(rows: Sequence[Tuple[str, List[str], str, str, str]], header: Sequence[str] = ()) -> str:
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("\t".join(COLUMNS))
    lines += ["\t".join((name, "|".join(aliases), qid, country, source))
              for name, aliases, qid, country, source in rows]
    return "\n".join(lines) + "\n"


HEADER = (
    "People with their Wikidata item (see SOURCES.md, 'People'). Generated by kg/generate/gen_people.py;",
    "do not edit by hand. Ministers, officials and legislators whose Wikidata 'position held' runs into",
    "2000 or later, from every-politician-scrapers' Wikidata tables (July 2022 - January 2023) and",
    "Peppercat's pages (2023-2025). Columns: name (Wikidata's English label), aliases (other spellings",
    "the sources give, and ASCII spellings, '|'-separated), qid, country (ISO code of the state whose",
    "cabinet or legislature lists the person; empty for an international post), source (ep-executive,",
    "ep-legislature, ep-family, peppercat-historic, peppercat-snapshot). A name two items share, or",
    "one English Wikipedia disambiguates ('Roger Cook (politician)'), is not here.",
)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ep", type=Path, required=True, help="folder of unpacked every-politician-scrapers repositories")
    ap.add_argument("--repos", type=Path, action="append", default=[], help="repos.csv: slug -> repository (repeat)")
    ap.add_argument("--historic", type=Path, help="Peppercat docs/leaders folder with leaders-historic.csv files")
    ap.add_argument("--snapshot", action="append", default=[], metavar="DIR@DATE",
                    help="a Peppercat docs/leaders snapshot folder (repeat)")
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args(argv)
    from kg.lexicon import get_lexicon
    from kg.generate.officeholders.roles import page_codes
    codes = page_codes({code: c.name for code, c in get_lexicon().countries.items()})
    sightings = read_ep(args.ep, read_repos(args.repos, codes))
    if args.historic:
        sightings += read_historic(args.historic, codes)
    for snap in args.snapshot:
        sightings += read_snapshot(Path(snap.split("@")[0]), codes)
    dropped: List[str] = []
    rows = resolve(sightings, log=dropped.append)
    args.out.write_text(render(rows, HEADER), encoding="utf-8")
    by_source = Counter(r[4] for r in rows)
    print(f"{args.out}: {len(rows)} people from {len(sightings)} sightings; "
          + ", ".join(f"{k} {by_source[k]}" for k in SOURCES) + f"; {len(dropped)} shared names left out",
          file=sys.stderr)
    for line in dropped:
        print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
