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

Rules (what makes a link certain): a term must run into 2000 or later; legislators (of the
national legislature only) and relatives are kept for the states the news names most
(:data:`NATIONAL_LEGISLATURES`); the name is Wikidata's English label as the newest
source gives it, and the aliases are the other labels and spellings the sources give for the same
item (an English Wikipedia title, an official list's spelling) and their typographic variants
(ASCII, initials, Korean given names: :func:`ascii_form`, :func:`initials_forms`,
:func:`korean_forms`); a name of one word is left out, and so, entirely, is any name or alias two
items share or that English Wikipedia disambiguates (see :func:`resolve`). Output is sorted, so the
same inputs give the same bytes::

    .venv/bin/python -m kg.tools.gen_people --ep /tmp/ppl/ep --repos /tmp/ep/repos.csv \\
        --repos kg/tools/officeholders/extra_repos.csv --historic /tmp/pc/hist/docs/leaders \\
        --snapshot /tmp/pc/2025-01-31/docs/leaders@2025-01-31 ... -o kg/data/people_wikidata.tsv
"""
from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import unquote

__all__ = ["Sighting", "NATIONAL_LEGISLATURES", "read_ep", "read_historic", "read_snapshot",
           "resolve", "render", "main"]

COLUMNS = ("name", "aliases", "qid", "country", "source")
#: source tags, best first: the name of a person comes from the best source that lists them
SOURCES = ("peppercat-snapshot", "peppercat-historic", "ep-executive", "ep-legislature", "ep-family")
#: a term counts when it ends in this year or later (or has not ended)
SINCE = "2000"
#: the national legislatures whose members are kept, by state: the states named in the most
#: articles of the news corpus (40 or more of 1,742) that a scraper covers. China's and
#: Vietnam's are left out: thousands of deputies whose names are shared by officials the news
#: means, for few deputies it names.
NATIONAL_LEGISLATURES: Dict[str, str] = {
    "LK": r"Member of the Parliament of Sri Lanka",
    "IN": r"member of the Lok Sabha|Member of the \d+(st|nd|rd|th) Lok Sabha|Member of Rajya Sabha",
    "US": r"United States representative|United States senator"
          r"|non-voting member of the House of Representatives",
    "GB": r"Member of the House of Lords|Member of the \d+(st|nd|rd|th) Parliament of the United Kingdom",
    "RU": r"member of the State Duma|member of the Federation Council of Russia",
    "PK": r"Member of the (\d+(st|nd|rd|th) )?National Assembly of Pakistan|Senator",
    "BD": r"Member of the \d+(st|nd|rd|th) Jatiya Sangsad|member of the Jatiya Sangshad|Member of Parliament",
    "MV": r"Member of the People's Majlis",
    "JP": r"member of the House of Representatives|member of the House of Councillors",
    "AU": r"Member of the House of Representatives|Member of the Senate",
    "NP": r"Member of the Legislature Parliament of Nepal|Member of the Nepalese Constituent Assembly"
          r"|Member of the Parliament of Nepal",
    "IR": r"Member of the Islamic Consultative Assembly",
    "IL": r"Knesset member",
    "UA": r"People's Deputy of Ukraine",
    "SG": r"Member of the Parliament of Singapore|Nominated Member of Parliament",
    "MY": r"Member of the Dewan Rakyat|Member of the Dewan Negara",
    "ID": r"Member of the (2014-2019 )?People's Representative Council of Indonesia"
          r"|Member of the Regional Representative Council( of Indonesia)?",
    "FR": r"member of the French National Assembly|member of the Senate of France",
    "KR": r"Member of National Assembly of South Korea",
}
_NATIONAL = {code: re.compile(rf"^(?:{rx})$") for code, rx in NATIONAL_LEGISLATURES.items()}
_QID = re.compile(r"^Q[1-9]\d*$")
_DISAMBIGUATOR = re.compile(r"\s+\([^)]*\)$")
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "œ": "oe", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'"})
# Peppercat pages of organisations, not states: their people get no country.
ORG_PAGES = ("world", "european-union")
#: Peppercat pages of places that are not states, by the state whose people they hold (a
#: territory's, a state's or province's); "" for the disputed ones and Taiwan, which the
#: lexicon gives no state (countries_extra.tsv, places.tsv).
PLACE_PAGES: Dict[str, str] = {
    "US": "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia-us "
          "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
          "michigan minnesota mississippi missouri montana nebraska nevada new-hampshire new-jersey "
          "new-mexico new-york north-carolina north-dakota ohio oklahoma oregon pennsylvania "
          "rhode-island south-carolina south-dakota tennessee texas utah vermont virginia washington "
          "west-virginia wisconsin wyoming guam puerto-rico",
    "IN": "andhra-pradesh arunachal-pradesh assam bihar chhattisgarh goa gujarat haryana himachal-pradesh "
          "jharkhand karnataka kerala madhya-pradesh maharashtra manipur meghalaya mizoram nagaland "
          "odisha punjab rajasthan sikkim tamil-nadu telangana tripura uttar-pradesh uttarakhand west-bengal",
    "DE": "baden-wurttemberg bavaria berlin brandenburg bremen hamburg hesse lower-saxony "
          "mecklenburg-western-pomerania north-rhine-westphalia rhineland-palatinate saarland saxony "
          "saxony-anhalt schleswig-holstein thuringia",
    "CA": "alberta british-columbia manitoba new-brunswick newfoundland-and-labrador northwest-territories "
          "nova-scotia nunavut ontario prince-edward-island quebec saskatchewan yukon",
    "AU": "australian-capital-territory new-south-wales northern-territory queensland south-australia "
          "tasmania victoria western-australia",
    "GB": "scotland wales northern-ireland anguilla bermuda british-virgin-islands caymans gibraltar "
          "isle-of-man jersey montserrat turks-and-caicos",
    "NL": "aruba curacao sint-maarten", "DK": "faroes greenland", "NZ": "cook-islands niue",
    "FI": "aland", "CN": "hong-kong",
    "": "taiwan abkhazia artsakh donetsk luhansk northern-cyprus somaliland south-ossetia transnistria",
}
_PLACE_CODES = {slug: code for code, slugs in PLACE_PAGES.items() for slug in slugs.split()}


@dataclass(frozen=True)
class Sighting:
    """One source naming one person: the item, the name it gives, other spellings, the state."""
    qid: str
    name: str
    aliases: Tuple[str, ...]
    country: str
    source: str
    #: the bare name of the person's English Wikipedia title when the title has a disambiguator
    #: ("Roger Cook" for "Roger Cook (politician)"): a name Wikipedia says others have too
    disambiguated: str = ""


def ascii_form(name: str) -> str:
    """``Sébastien Lecornu`` -> ``Sebastien Lecornu`` (the spelling news without diacritics uses)."""
    text = unicodedata.normalize("NFKD", name.translate(_ASCII))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_INITIALS = re.compile(r"^((?:\w\. )+)(?=\w\w)")


def initials_forms(name: str) -> Tuple[str, ...]:
    """How news writes the initials of a name the sources write ``M. A. Sumanthiran``: closed up
    (``M.A. Sumanthiran``) and without full stops (``M A Sumanthiran``, ``S Jaishankar``). The
    same letters in the same order: another typography of the one name, as an ASCII spelling is."""
    m = _INITIALS.match(name)
    if not m:
        return ()
    letters = m.group(1).replace(".", "").split()
    rest = name[m.end():]
    return tuple(dict.fromkeys(f for f in (".".join(letters) + ". " + rest, " ".join(letters) + " " + rest)
                               if f != name))


_KOREAN = re.compile(r"^([A-Z][a-z]+) ([A-Z][a-z]+)-([a-z]+)$")


def korean_forms(name: str) -> Tuple[str, ...]:
    """How news writes a Korean given name Wikidata hyphenates (``Kim Yong-hyun``): with a
    capital after the hyphen, or as two words (``Kim Yong-Hyun``, ``Kim Yong Hyun``)."""
    m = _KOREAN.match(name)
    if not m:
        return ()
    family, first, second = m.groups()
    return (f"{family} {first}-{second.capitalize()}", f"{family} {first} {second.capitalize()}")


def clean_name(name: str) -> str:
    """A source's name, tidied: entities decoded, an enwiki title's disambiguator and underscores
    dropped, spaces single. Returns "" for what is no name (a bare QID, no Latin letter)."""
    name = re.sub(r"<[^>]*>", "", html.unescape(unquote(name) if "%" in name else name)).replace("_", " ")
    name = _DISAMBIGUATOR.sub("", re.sub(r"\s+", " ", name).strip())
    if _QID.match(name) or not re.search(r"[A-Za-z]", ascii_form(name)):
        return ""
    return name


def wiki_base(title: str) -> str:
    """The bare name of a disambiguated English Wikipedia title, else ""."""
    title = title.strip().replace("_", " ")
    return clean_name(title) if _DISAMBIGUATOR.search(title) else ""


def wiki_alias(title: str) -> str:
    """An English Wikipedia title as an alias; "" for a title with a disambiguator ("John Lee
    (Hong Kong politician)"): Wikipedia itself says the bare name is someone else's too."""
    return "" if _DISAMBIGUATOR.search(title.strip().replace("_", " ")) else clean_name(title)


def _runs_since(start: str, end: str, died: str = "") -> bool:
    """Whether a term (ISO dates of any precision) reaches into :data:`SINCE`: its end is 2000 or
    later, or it has no end, began in 1980 or later (or gives no start) and its holder did not
    die before 2000. An old term without an end is mostly a missing end, not a life term."""
    if died and died[:4] < SINCE:
        return False
    if end:
        return end[:4] >= SINCE
    return not start or start[:4] >= "1980"


def _rows(path: Path) -> Iterable[Dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_repos(paths: Sequence[Path], codes: Dict[str, str]) -> Dict[str, str]:
    """every-politician-scrapers repository -> ISO code of its state (``repos.csv``: slug, repo)."""
    out: Dict[str, str] = {}
    for path in paths:
        for row in _rows(path):
            code = codes.get(row.get("slug", ""))
            if code and row.get("repo"):
                out[row["repo"]] = code
    return out


def read_ep(folder: Path, repo_codes: Dict[str, str]) -> List[Sighting]:
    """Sightings from every-politician-scrapers repositories unpacked under ``folder``.

    A repository whose state is unknown (``world``: the UN and the Council of Europe's assembly)
    gives its executive posts without a country and no legislators.
    """
    out: List[Sighting] = []
    for repo in sorted(p for p in folder.iterdir() if p.is_dir()):
        code = repo_codes.get(repo.name, "")
        national = _NATIONAL.get(code)
        people: Dict[str, str] = {}       # qid -> the tag it was read under
        for name, tag in (("holders21.csv", "ep-executive"), ("current.csv", "ep-executive"),
                          ("legislators.csv", "ep-legislature")):
            for row in _rows(repo / "html" / name):
                qid = (row.get("personID") or "").strip()
                if not _QID.match(qid) or not _runs_since(row.get("start", ""), row.get("end", ""),
                                                          row.get("DOD", "")):
                    continue
                if tag == "ep-legislature" and not (national and national.match(row.get("position", ""))):
                    continue
                label = clean_name(row.get("person", ""))
                wiki = wiki_alias(row.get("enwiki", ""))
                if label:
                    out.append(Sighting(qid, label, (wiki,) if wiki and wiki != label else (), code, tag,
                                        wiki_base(row.get("enwiki", ""))))
                    people.setdefault(qid, tag)
        # Relatives of the people kept above (a president's father, a prime minister's wife), in
        # the states of the news only: the dynasties of politics (Rajiv Gandhi, Ranasinghe
        # Premadasa), mostly politicians of before 2000 themselves. A name Wikidata gives in lower
        # case ("unknown daughter Nash") is a placeholder, not a name.
        if national:
            kept = set(people)
            for row in _rows(repo / "html" / "family.csv"):
                qid, label = row.get("relative", "").strip(), clean_name(row.get("relativename", ""))
                if row.get("id", "").strip() in kept and _QID.match(qid) and label[:1].isupper():
                    out.append(Sighting(qid, label, (), code, "ep-family"))
                    people.setdefault(qid, "ep-family")
        # An official list's or a Wikipedia page's spelling, for a person the tables above keep.
        for path in sorted((repo / "sources").rglob("*.csv")) if (repo / "sources").is_dir() else []:
            if path.name not in ("wikidata.csv", "scraped.csv"):
                continue
            for row in _rows(path):
                qid = next((row[k] for k in ("wdid", "item", "person") if _QID.match(row.get(k) or "")), "")
                if qid not in people:
                    continue
                names = [clean_name(row.get(k) or "") for k in ("name", "wdLabel", "itemLabel", "personLabel")]
                names = [n for n in names if n]
                if names:
                    out.append(Sighting(qid, names[0], tuple(names[1:]), code, people[qid]))
    return out


def _state_of(slug: str, codes: Dict[str, str]) -> str:
    return codes.get(slug) or _PLACE_CODES.get(slug, "")


def read_historic(folder: Path, codes: Dict[str, str]) -> List[Sighting]:
    """Sightings from Peppercat's ``<slug>/leaders-historic.csv`` files (states and organisations)."""
    out: List[Sighting] = []
    for path in sorted(folder.glob("*/leaders-historic.csv")):
        slug = path.parent.name
        if slug not in codes and slug not in ORG_PAGES and slug not in _PLACE_CODES:
            continue
        for row in _rows(path):
            qid, label = (row.get("personID") or "").strip(), clean_name(row.get("person", ""))
            if not _QID.match(qid) or not label or not _runs_since(row.get("start", ""), row.get("end", ""),
                                                                   row.get("DOD", "")):
                continue
            wiki = wiki_alias(row.get("enwiki", ""))
            out.append(Sighting(qid, label, (wiki,) if wiki and wiki != label else (),
                                _state_of(slug, codes), "peppercat-historic", wiki_base(row.get("enwiki", ""))))
    return out


_DD = re.compile(r"<dt>.*?</dt>\s*<dd>(.*?)</dd>", re.S)
_SPAN = re.compile(r'<span class="toggle">(.*?)</span>', re.S)
_ITEM = re.compile(r"https://www\.wikidata\.org/wiki/(Q\d+)")
_WIKI = re.compile(r"https://en\.wikipedia\.org/wiki/([^\"#]+)")


def read_snapshot(folder: Path, codes: Dict[str, str]) -> List[Sighting]:
    """Sightings from a Peppercat snapshot's ``<slug>/index.html`` pages: everyone in office that day."""
    out: List[Sighting] = []
    for path in sorted(folder.glob("*/index.html")):
        slug = path.parent.name
        if slug not in codes and slug not in ORG_PAGES and slug not in _PLACE_CODES:
            continue
        for dd in _DD.findall(path.read_text(encoding="utf-8")):
            span, item, wiki = _SPAN.search(dd), _ITEM.search(dd), _WIKI.search(dd)
            label = clean_name(span.group(1)) if span else ""
            if not (label and item):
                continue
            title = unquote(wiki.group(1)) if wiki else ""
            alias = wiki_alias(title)
            out.append(Sighting(item.group(1), label, (alias,) if alias and alias != label else (),
                                _state_of(slug, codes), "peppercat-snapshot", wiki_base(title)))
    return out


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
    "People with their Wikidata item (see SOURCES.md, 'People'). Generated by kg/tools/gen_people.py;",
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
    from kg.tools.gen_officeholders import page_codes
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
