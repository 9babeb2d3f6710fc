"""Links to Wikidata: ``owl:sameAs`` for the countries, organisations and people a graph names.

A resource is linked when its type (``dkg:Country``, ``dkg:Institution`` or ``dkg:Person``) and its
``rdfs:label`` match a row of ``kg/data/wikidata.tsv`` exactly. Only labels are matched, never
``skos:altLabel`` ("Aliyev" could be anyone): a link is made only where the identifier is
certain. The table holds identifiers read in maintained public tables, each row naming its
source (see ``kg/data/SOURCES.md``); a resource it lacks stays unlinked and is reported as such.
The other tables of world knowledge add their items: the office-holders' people and offices, the
generated organisations, and the people of ``kg/data/people_wikidata.tsv`` (ministers, officials
and legislators, under their label and every spelling the table gives).

>>> import pyoxigraph as ox
>>> china = ox.NamedNode("https://example.org/china")
>>> triples = [ox.Triple(china, RDF_TYPE, ox.NamedNode(DKG.Country)),
...            ox.Triple(china, RDFS_LABEL, ox.Literal("China", language="en"))]
>>> [t.object.value for t in links_for(triples)]
['http://www.wikidata.org/entity/Q148']
>>> coverage(triples)["Country"]["linked"]
1
"""
from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

import pyoxigraph as ox

from ..errors import DataError
from ..lexicon import read_table
from ..vocab import DKG
from .near import near_index as _near_index, near_item, near_key, sound_key

__all__ = ["TYPES", "WIKIDATA", "SAME_AS", "WikidataItem", "load_wikidata", "load_people", "links_for",
           "links_for_entities", "near_key", "sound_key", "coverage", "report"]

#: The types that are linked, in report order.
TYPES = ("Country", "Institution", "Person", "Position")
#: The namespace of Wikidata items.
WIKIDATA = "http://www.wikidata.org/entity/"
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
COLUMNS = ("type", "label", "qid", "source")
PEOPLE_COLUMNS = ("name", "aliases", "qid", "country", "source")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_STATE = re.compile(r"^[A-Z]{2}$")
_PLURAL = {"Country": "countries", "Institution": "institutions", "Person": "people", "Position": "offices"}

Table = Mapping[Tuple[str, str], "WikidataItem"]


class WikidataItem(NamedTuple):
    """One row of the table: the item a resource of ``type`` labelled ``label`` is the same as.

    A named tuple, not a dataclass: the people table makes some 77,000 of them at load time."""
    type: str
    label: str
    qid: str
    source: str
    #: the ISO code of the state whose cabinet, legislature or page lists the person (people table)
    country: str = ""

    @property
    def iri(self) -> str:
        return WIKIDATA + self.qid


def _default_path() -> Path:
    return Path(str(resources.files("kg").joinpath("data", "wikidata.tsv")))


def load_wikidata(path: Optional[Union[str, Path]] = None) -> Dict[Tuple[str, str], WikidataItem]:
    """The table ``kg/data/wikidata.tsv`` (or ``path``) as {(type, label): WikidataItem}.

    Raises:
        DataError: naming the file and line of a row with an unknown type, a malformed QID, an
            empty field or a (type, label) already given.
    """
    if path is None:
        return dict(_cached_table())
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _cached_table() -> Tuple[Tuple[Tuple[str, str], WikidataItem], ...]:
    table = _load(_default_path())
    for key, item in _knowledge_items().items():
        table.setdefault(key, item)
    return tuple(table.items())


def _knowledge_items() -> Dict[Tuple[str, str], WikidataItem]:
    """Items the other tables of world knowledge state: the office-holders' people and offices
    (kg/data/officeholders.tsv), the generated organisations (organisations_generated.tsv), the
    former states (former_states.tsv) and
    the people tables (people_wikidata.tsv and people_past_leaders.tsv: each name and alias). A label two sources give
    different items is left out: the link would not be certain."""
    from ..lexicon import get_lexicon
    from ..officeholders import get_officeholders

    found: Dict[Tuple[str, str], set] = {}
    sources: Dict[Tuple[str, str], str] = {}

    def add(kind: str, label: str, qid: str, source: str) -> None:
        if label and qid and _QID.match(qid):
            found.setdefault((kind, label), set()).add(qid)
            sources.setdefault((kind, label), source)
    for t in get_officeholders().terms_all:
        add("Person", t.person, t.person_qid, "officeholders")
        add("Position", t.office, t.office_qid, "officeholders")
    for o in get_lexicon().organisations:
        add("Institution", o.label, getattr(o, "wikidata", None) or "", "organisations")
    for name, _, qid in get_lexicon().former:
        add("Country", name, qid or "", "former_states")
    table = {key: WikidataItem(key[0], key[1], next(iter(qids)), sources[key])
             for key, qids in found.items() if len(qids) == 1}
    # The people tables' rows are checked when loaded and are many: merged without the above.
    # Past leaders come last: a label the newer tables give another item is no one's.
    dropped: set = set()
    for people in (load_people(), load_people(_past_leaders_path())):
        for name, item in people.items():
            key = ("Person", name)
            have = table.get(key)
            if have is None:
                if key not in found and key not in dropped:
                    table[key] = item
            elif have.qid != item.qid:
                del table[key]
                dropped.add(key)
    return table


def _people_path() -> Path:
    return Path(str(resources.files("kg").joinpath("data", "people_wikidata.tsv")))


def _past_leaders_path() -> Path:
    return Path(str(resources.files("kg").joinpath("data", "people_past_leaders.tsv")))


def load_people(path: Optional[Union[str, Path]] = None) -> Dict[str, WikidataItem]:
    """The people table ``kg/data/people_wikidata.tsv`` (or ``path``: ``people_past_leaders.tsv``
    has the same columns) as {name or alias: item}.

    Every spelling a row gives (its name and each alias) is a key to the row's item, labelled
    with that spelling, its ``source`` the row's source tag.

    Raises:
        DataError: naming the file and line of a row with a malformed QID or country code, an
            empty name or source, an item already on another row, or a name or alias another row
            gives another item (the generator leaves such names out, so a link can rest on them).
    """
    path = _people_path() if path is None else Path(path)
    out: Dict[str, WikidataItem] = {}
    rows: Dict[str, int] = {}
    # Parsed here rather than by lexicon.read_table, with the same checks: at some 58,000 rows its
    # per-field work doubles the load time.
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise DataError(path, "missing; reinstall diplokg") from None
    except UnicodeDecodeError as e:
        raise DataError(path, f"not UTF-8 (byte at offset {e.start})") from None
    header = False
    for n, line in enumerate(lines, 1):
        if not line or line[0] == "#" or not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        if not header:
            if tuple(f.strip() for f in fields) != PEOPLE_COLUMNS:
                raise DataError(path, f"line {n}: header {fields} but expected {list(PEOPLE_COLUMNS)}")
            header = True
            continue
        if len(fields) != 5:
            raise DataError(path, f"line {n}: {len(fields)} tab-separated fields, expected 5 "
                                  f"({', '.join(PEOPLE_COLUMNS)})")
        name, aliases, qid, country, source = fields
        if not name or not source:
            raise DataError(path, f"line {n}: empty {'name' if not name else 'source'}")
        if not _QID.match(qid):
            raise DataError(path, f"line {n}: {qid!r} is not a Wikidata QID (Q followed by digits)")
        if country and not _STATE.match(country):
            raise DataError(path, f"line {n}: country {country!r} is not an ISO 3166 alpha-2 code")
        if qid in rows:
            raise DataError(path, f"line {n}: {qid} already on line {rows[qid]}")
        rows[qid] = n
        for key in (name, *aliases.split("|")) if aliases else (name,):
            other = out.get(key)
            if other is not None and other.qid != qid:
                raise DataError(path, f"line {n}: {key!r} is {other.qid} on line {rows[other.qid]}; "
                                      "a name two items share is left out")
            out[key] = WikidataItem("Person", key, qid, source, country)
    if not header:
        raise DataError(path, "no header line")
    return out


def _load(path: Path) -> Dict[Tuple[str, str], WikidataItem]:
    table: Dict[Tuple[str, str], WikidataItem] = {}
    seen: Dict[Tuple[str, str], int] = {}
    for n, row in read_table(path, COLUMNS, required=COLUMNS):
        kind, label, qid = row["type"], row["label"], row["qid"]
        if kind not in TYPES:
            raise DataError(path, f"line {n}: type {kind!r} is not one of {', '.join(TYPES)}")
        if not _QID.match(qid):
            raise DataError(path, f"line {n}: {qid!r} is not a Wikidata QID (Q followed by digits)")
        if (kind, label) in seen:
            raise DataError(path, f"line {n}: {kind} {label!r} already on line {seen[kind, label]}")
        seen[kind, label] = n
        table[kind, label] = WikidataItem(kind, label, qid, row["source"])
    return table


def _typed_labels(triples: Iterable[ox.Triple]) -> Dict[ox.NamedNode, Tuple[set, set]]:
    """{subject: (the linked types it has, its English or untagged labels)}."""
    types = {ox.NamedNode(DKG[t]): t for t in TYPES}
    found: Dict[ox.NamedNode, Tuple[set, set]] = {}
    for t in triples:
        if t.predicate == RDF_TYPE and t.object in types:
            found.setdefault(t.subject, (set(), set()))[0].add(types[t.object])
        elif t.predicate == RDFS_LABEL and isinstance(t.object, ox.Literal) \
                and (t.object.language in (None, "en") or t.object.language.startswith("en-")):
            found.setdefault(t.subject, (set(), set()))[1].add(t.object.value)
    return {s: v for s, v in found.items() if v[0]}


def _matches(triples: Iterable[ox.Triple], table: Optional[Table]
             ) -> List[Tuple[ox.NamedNode, str, str, Optional[WikidataItem]]]:
    """(subject, type, label, item or None) for every typed resource, sorted."""
    return _matches_typed(_typed_labels(triples), table)


def _matches_typed(typed: Dict[ox.NamedNode, Tuple[set, set]], table: Optional[Table]
                   ) -> List[Tuple[ox.NamedNode, str, str, Optional[WikidataItem]]]:
    table = load_wikidata() if table is None else table
    out = []
    for subject, (kinds, labels) in typed.items():
        for kind in kinds:
            items = {table[kind, label] for label in labels if (kind, label) in table}
            # Two labels naming two different items: not certain, so no link.
            item = items.pop() if len({i.qid for i in items}) == 1 else None
            label = item.label if item else (min(labels) if labels else subject.value)
            out.append((subject, kind, label, item))
    out.sort(key=lambda m: (TYPES.index(m[1]), m[2], m[0].value))
    return out


def links_for_entities(entities: Iterable[Tuple[str, str, str]], table: Optional[Table] = None,
                       offices: Optional[Mapping[str, Iterable[str]]] = None,
                       named: Optional[Mapping[str, Iterable[str]]] = None) -> List[ox.Triple]:
    """:func:`links_for` from (IRI, type, label) rows, one per typed label of a resource, as a
    graph model knows them: the same links without reading the triples.

    ``offices`` gives, by IRI, the ISO codes of the states a person holds an office of in the
    graph (``dkg:holdsPosition`` a position ``dkg:positionIn`` that state); with it, a person
    whose label is no row may still be linked, on the evidence :func:`_near_item` asks for;
    ``named`` gives, by IRI, the states named in the articles that name a person, evidence for a
    romanised spelling only."""
    types = set(TYPES)
    typed: Dict[ox.NamedNode, Tuple[set, set]] = {}
    for iri, kind, label in entities:
        if kind in types:
            kinds, labels = typed.setdefault(iri, (set(), set()))
            kinds.add(kind)
            labels.add(label)
    return _links({ox.NamedNode(iri): v for iri, v in typed.items()}, table, offices, named)


def _links(typed: Dict[ox.NamedNode, Tuple[set, set]], table: Optional[Table],
           offices: Optional[Mapping[str, Iterable[str]]] = None,
           named: Optional[Mapping[str, Iterable[str]]] = None) -> List[ox.Triple]:
    default = table is None
    table = load_wikidata() if default else table
    offices, named = offices or {}, named or {}
    links = set()
    index: Optional[Dict[str, Dict[str, set]]] = None
    for subject, kind, _, item in _matches_typed(typed, table):
        if item is None and kind == "Person" and (offices.get(subject.value) or named.get(subject.value)):
            if index is None:
                index = _default_near_index() if default else _near_index(table)
            item = _near_item(typed[subject][1], index, offices.get(subject.value, ()),
                              named.get(subject.value, ()))
        if item:
            links.add(ox.Triple(subject, SAME_AS, ox.NamedNode(item.iri)))
    return sorted(links, key=lambda t: (t.subject.value, t.object.value))


@functools.lru_cache(maxsize=1)
def _default_near_index() -> Dict[str, Dict[str, set]]:
    return _near_index(load_wikidata())


def _near_item(labels: Iterable[str], index: Mapping[str, Mapping[str, set]],
               states: Iterable[str], named: Iterable[str] = ()) -> Optional[WikidataItem]:
    """:func:`kg.resolve.near.near_item` as a table's item."""
    found = near_item(labels, index, states, named)
    return WikidataItem("Person", found[1], found[0], "near-match") if found else None


def links_for(triples: Iterable[ox.Triple], table: Optional[Table] = None) -> List[ox.Triple]:
    """The ``owl:sameAs <http://www.wikidata.org/entity/Q…>`` triples for ``triples``.

    Every resource typed ``dkg:Country``, ``dkg:Institution`` or ``dkg:Person`` whose
    ``rdfs:label`` (English or untagged) and type match a row of the table gets one; the others
    get none. ``table`` defaults to ``kg/data/wikidata.tsv``.
    """
    return _links(_typed_labels(triples), table)


def coverage(triples: Iterable[ox.Triple], table: Optional[Table] = None) -> Dict[str, dict]:
    """Per type: how many resources the triples have, how many are linked, and which are not.

    Returns ``{"Country": {"resources": 3, "linked": 3, "unlinked": [], "table": 194}, ...}``
    with every type in :data:`TYPES`; ``unlinked`` holds labels, sorted, and ``table`` the rows
    of that type in the table.
    """
    table = load_wikidata() if table is None else table
    out = {kind: {"resources": 0, "linked": 0, "unlinked": [],
                  "table": sum(1 for k, _ in table if k == kind)} for kind in TYPES}
    for _, kind, label, item in _matches(triples, table):
        out[kind]["resources"] += 1
        if item:
            out[kind]["linked"] += 1
        else:
            out[kind]["unlinked"].append(label)
    for stats in out.values():
        stats["unlinked"].sort()
    return out


def report(cov: Mapping[str, Mapping]) -> str:
    """A readable report of :func:`coverage`, for ``kg link GRAPH`` to print.

    >>> print(report({"Country": {"resources": 2, "linked": 1, "unlinked": ["Ruritania"]}}))
    Wikidata links (owl:sameAs), matched on type and exact rdfs:label:
    Country: 1 of 2 linked (50%)
    <BLANKLINE>
    Not linked:
    Country (1): Ruritania
    """
    lines = ["Wikidata links (owl:sameAs), matched on type and exact rdfs:label:"]
    kinds = [k for k in TYPES if k in cov] + [k for k in cov if k not in TYPES]
    for kind in kinds:
        s = cov[kind]
        share = f"{100 * s['linked'] / s['resources']:.0f}%" if s["resources"] else "-"
        line = f"{kind}: {s['linked']} of {s['resources']} linked ({share})"
        if "table" in s:
            line += f"; the table knows {s['table']} {_PLURAL.get(kind, kind)}"
        lines.append(line)
    total = sum(cov[k]["resources"] for k in kinds)
    linked = sum(cov[k]["linked"] for k in kinds)
    if len(kinds) > 1:
        lines.append(f"All: {linked} of {total} linked ({100 * linked / total:.0f}%)" if total
                     else "All: no countries, institutions or people in the graph")
    missing = [(k, cov[k]["unlinked"]) for k in kinds if cov[k]["unlinked"]]
    if missing:
        lines += ["", "Not linked:"]
        lines += [f"{kind} ({len(names)}): {', '.join(names)}" for kind, names in missing]
    return "\n".join(lines)
