"""The sources the people generator (``kg/generate/gen_people.py``) reads, as :class:`Sighting` s:
every-politician-scrapers' Wikidata tables (:func:`read_ep`) and Peppercat's pages
(:func:`read_historic`, :func:`read_snapshot`); which legislatures and which pages count, and
for which state (:data:`NATIONAL_LEGISLATURES`, :data:`PLACE_PAGES`)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Sequence, Tuple
from urllib.parse import unquote

from kg.generate.people.names import QID, clean_name, wiki_alias, wiki_base

__all__ = ["Sighting", "NATIONAL_LEGISLATURES", "PLACE_PAGES", "ORG_PAGES", "read_repos", "read_ep",
           "read_historic", "read_snapshot"]

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
                if not QID.match(qid) or not _runs_since(row.get("start", ""), row.get("end", ""),
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
                if row.get("id", "").strip() in kept and QID.match(qid) and label[:1].isupper():
                    out.append(Sighting(qid, label, (), code, "ep-family"))
                    people.setdefault(qid, "ep-family")
        # An official list's or a Wikipedia page's spelling, for a person the tables above keep.
        for path in sorted((repo / "sources").rglob("*.csv")) if (repo / "sources").is_dir() else []:
            if path.name not in ("wikidata.csv", "scraped.csv"):
                continue
            for row in _rows(path):
                qid = next((row[k] for k in ("wdid", "item", "person") if QID.match(row.get(k) or "")), "")
                if qid not in people:
                    continue
                names = [clean_name(row.get(k) or "") for k in ("name", "wdLabel", "itemLabel", "personLabel")]
                names = [n for n in names if n]
                if names:
                    out.append(Sighting(qid, names[0], tuple(names[1:]), code, people[qid]))
    return out


def _pages(folder: Path, name: str, codes: Dict[str, str]) -> Iterator[Tuple[Path, str]]:
    """(``<slug>/<name>``, ISO code of its state or "") for each Peppercat page of a state, an
    organisation or a place that counts for a state, in slug order; other pages are skipped."""
    for path in sorted(folder.glob(f"*/{name}")):
        slug = path.parent.name
        if slug in codes or slug in ORG_PAGES or slug in _PLACE_CODES:
            yield path, codes.get(slug) or _PLACE_CODES.get(slug, "")


def read_historic(folder: Path, codes: Dict[str, str]) -> List[Sighting]:
    """Sightings from Peppercat's ``<slug>/leaders-historic.csv`` files (states and organisations)."""
    out: List[Sighting] = []
    for path, state in _pages(folder, "leaders-historic.csv", codes):
        for row in _rows(path):
            qid, label = (row.get("personID") or "").strip(), clean_name(row.get("person", ""))
            if not QID.match(qid) or not label or not _runs_since(row.get("start", ""), row.get("end", ""),
                                                                   row.get("DOD", "")):
                continue
            wiki = wiki_alias(row.get("enwiki", ""))
            out.append(Sighting(qid, label, (wiki,) if wiki and wiki != label else (),
                                state, "peppercat-historic", wiki_base(row.get("enwiki", ""))))
    return out


_DD = re.compile(r"<dt>.*?</dt>\s*<dd>(.*?)</dd>", re.S)
_SPAN = re.compile(r'<span class="toggle">(.*?)</span>', re.S)
_ITEM = re.compile(r"https://www\.wikidata\.org/wiki/(Q\d+)")
_WIKI = re.compile(r"https://en\.wikipedia\.org/wiki/([^\"#]+)")


def read_snapshot(folder: Path, codes: Dict[str, str]) -> List[Sighting]:
    """Sightings from a Peppercat snapshot's ``<slug>/index.html`` pages: everyone in office that day."""
    out: List[Sighting] = []
    for path, state in _pages(folder, "index.html", codes):
        for dd in _DD.findall(path.read_text(encoding="utf-8")):
            span, item, wiki = _SPAN.search(dd), _ITEM.search(dd), _WIKI.search(dd)
            label = clean_name(span.group(1)) if span else ""
            if not (label and item):
                continue
            title = unquote(wiki.group(1)) if wiki else ""
            alias = wiki_alias(title)
            out.append(Sighting(item.group(1), label, (alias,) if alias and alias != label else (),
                                state, "peppercat-snapshot", wiki_base(title)))
    return out
