"""Generate ``kg/data/people_past_leaders.tsv``: heads of state and government the other people
tables lack (those who left office before 2000, and those who took office after their
snapshots), with their Wikidata item, for ``owl:sameAs`` only.

The source is a table of Wikidata's head-of-state and head-of-government statements per country
(P35 and P6 on the country's item, and P39 of the offices its P1308 and P1313 name), read from
the path on the command line: ``data/leaders_history.csv`` of cfmessias/geografia (``kg/data/
SOURCES.md`` gives the commit). Its columns are ``iso3, country, role, person, person_qid,
start, end, party, end_cause``; only ``iso3``, ``role``, ``person``, ``person_qid`` and ``start``
are read.
The query asked for Portuguese labels first, so a person is kept only under a label that is
plainly a personal name in Latin letters (two or more words, no regnal number: "Isabel II do
Reino Unido" is left out; most names are written alike in both languages, and a Portuguese
spelling news never writes links nothing).

Rules (what makes a link certain):

* the state (ISO alpha-3 -> the lexicon's alpha-2) must be one of the lexicon's;
* a person the other tables already have (``people_wikidata.tsv``, ``officeholders.tsv``,
  ``wikidata.tsv``, by item) is left out: those tables are newer and name the person already;
* a name two items share in the file is left out for both, unless only one of them has a
  dated term (the other is a stray item with no term: Ronald Reagan's Q9960 and an undated
  second item); so is a name whose
  :func:`kg.resolve.link.sound_key` (its romanisation) is that of another item's name in the
  other tables: a leader of the 1960s must not take the spelling of a minister of today
  (Egypt's "Ali Sabri" and Sri Lanka's "Ali Sabry");
* aliases: the ASCII spelling of a name with diacritics, and for a name of two or more given
  names their initials as news writes them ("J. R. Jayawardene", "J.R. Jayawardene").

Output is sorted, so the same input gives the same bytes::

    .venv/bin/python -m kg.generate.gen_past_leaders --history leaders_history.csv \\
        --commit 2e1e3b9 -o kg/data/people_past_leaders.tsv
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from kg.generate.people.names import QID, ascii_form, initials_forms

__all__ = ["rows_from", "render", "main"]

COLUMNS = ("name", "aliases", "qid", "country", "source")
SOURCE = "geografia-leaders"
ROLES = ("head_of_state", "head_of_government")
_REGNAL = re.compile(r"\b[IVXL]+\b")
_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’.\- ]+$")


def _plain_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and bool(_NAME.match(name)) and not _REGNAL.search(name) \
        and not QID.match(name)


def initialled(name: str) -> Tuple[str, ...]:
    """A name of two or more given names as news writes it with their initials: "Junius Richard
    Jayawardene" -> "J. R. Jayawardene", "J.R. Jayawardene", "J R Jayawardene" (South Asian
    usage, and Wikipedia's for many). One given name gives none: "J. Nehru" may be anyone."""
    words = name.split()
    given = words[:-1]
    if len(given) < 2 or not all(w[:1].isalpha() and w[:1].isupper() for w in given):
        return ()
    short = " ".join(w[0] + "." for w in given) + " " + words[-1]
    return (short, *initials_forms(short))


def rows_from(history: Iterable[Dict[str, str]], alpha2: Dict[str, str], known_qids: set,
              known_keys: Dict[str, set]) -> Tuple[List[Tuple[str, str, str, str]], Dict[str, int]]:
    """The rows (name, aliases, qid, country) and counts of what was left out and why.

    ``alpha2`` maps the lexicon's alpha-3 codes to alpha-2; ``known_qids`` are the items the other
    tables have; ``known_keys`` maps a sound key of their names to the items it names."""
    from kg.resolve.link import sound_key

    left: Dict[str, int] = defaultdict(int)
    people: Dict[str, Tuple[str, str]] = {}
    names: Dict[str, set] = defaultdict(set)
    dated: set = set()
    for r in history:
        if r.get("role") not in ROLES:
            continue
        qid, name, iso3 = r.get("person_qid", ""), " ".join(r.get("person", "").split()), r.get("iso3", "")
        if not QID.match(qid):
            left["no item"] += 1
            continue
        if iso3 not in alpha2:
            left["not a lexicon state"] += 1
            continue
        if qid in known_qids:
            left["in the other tables"] += 1
            continue
        if not _plain_name(name):
            left["not a plain name"] += 1
            continue
        people.setdefault(qid, (name, alpha2[iso3]))
        names[name].add(qid)
        if r.get("start"):
            dated.add(qid)
    out = []
    for qid, (name, country) in sorted(people.items()):
        if len(names[name]) > 1 and not (qid in dated and len(names[name] & dated) == 1):
            left["name two items share"] += 1
            continue
        key = sound_key(name, initials=True)
        if key and known_keys.get(key, set()) - {qid}:
            left["spelled as another item's name"] += 1
            continue
        aliases = [a for a in dict.fromkeys((ascii_form(name), *initialled(name), *initialled(ascii_form(name))))
                   if a != name]
        out.append((name, "|".join(aliases), qid, country))
    # a spelling two rows give (a name or an alias), or one spelled as another item's name in
    # the other tables, is no one's: the alias is dropped
    owners: Dict[str, set] = defaultdict(set)
    for name, aliases, qid, _ in out:
        for a in (name, *filter(None, aliases.split("|"))):
            owners[a].add(qid)
    kept = []
    for name, aliases, qid, country in out:
        mine = [a for a in filter(None, aliases.split("|"))
                if owners[a] == {qid} and not known_keys.get(sound_key(a, initials=True), set()) - {qid}]
        left["alias two items share"] += len(aliases.split("|")) - len(mine) if aliases else 0
        kept.append((name, "|".join(mine), qid, country))
    kept.sort(key=lambda r: (r[0], r[2]))
    return kept, {k: v for k, v in left.items() if v}


def render(rows: Sequence[Tuple[str, str, str, str]], commit: str) -> str:
    head = [
        "# Heads of state and government the other people tables lack, with their Wikidata item (see",
        "# SOURCES.md, 'Past leaders'). Generated by kg/generate/gen_past_leaders.py; do not edit by hand.",
        f"# Source tag {SOURCE}: cfmessias/geografia data/leaders_history.csv @{commit} (a Wikidata",
        "# query result: P35/P6 and P39 of each state's head-of-state and head-of-government offices; CC0).",
        "\t".join(COLUMNS),
    ]
    return "\n".join(head + ["\t".join((*r, SOURCE)) for r in rows]) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--history", required=True, type=Path, help="leaders_history.csv")
    ap.add_argument("--commit", required=True, help="the source repository's commit")
    ap.add_argument("-o", "--out", required=True, type=Path)
    args = ap.parse_args(argv)

    from pycountryinfo.countryinfo import PyCountryInfo
    from kg.lexicon import get_lexicon
    from kg.resolve.link import load_wikidata, sound_key

    states = get_lexicon().countries
    alpha2 = {c["iso_codes"]["alpha_3"]: c["iso_codes"]["alpha_2"] for c in PyCountryInfo().countries_list
              if c["iso_codes"].get("alpha_2") in states and c["iso_codes"].get("alpha_3")}
    # the other tables' people (this table's own rows, when it exists, are not the others')
    people = {it for (kind, _), it in load_wikidata().items() if kind == "Person" and it.source != SOURCE}
    known_qids = {it.qid for it in people}
    known_keys: Dict[str, set] = defaultdict(set)
    for it in people:
        key = sound_key(it.label, initials=True)
        if key:
            known_keys[key].add(it.qid)
    with args.history.open(encoding="utf-8", newline="") as f:
        rows, left = rows_from(csv.DictReader(f), alpha2, known_qids, known_keys)
    args.out.write_text(render(rows, args.commit), encoding="utf-8")
    print(f"{len(rows)} people written to {args.out}; left out: "
          + ", ".join(f"{k} {v}" for k, v in sorted(left.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
