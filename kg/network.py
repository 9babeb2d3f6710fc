"""A networkx view of an export, for the HTML graph and for analysis.

Built from triples (a fresh build or a Turtle file read back), so ``kg html GRAPH.ttl`` draws
exactly what the export holds. Nodes are the typed resources (not articles, statements or
concepts); edges are the dkg properties between them. Each node and edge carries its
provenance: the evidence sentences with their article's title and date.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Tuple

import networkx as nx
import pyoxigraph as ox

from .triples import TripleTable
from .vocab import DKG

__all__ = ["to_networkx", "CLASS_ORDER", "local_name"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT = "http://purl.org/dc/terms/"
NS = str(DKG)

#: Most specific class first: a node typed Meeting and Event is shown as a Meeting.
CLASS_ORDER = ("Person", "Country", "Institution", "Position", "Place", "Initiative", "Agreement",
               "StateVisit", "Meeting", "Conference", "Event", "Relationship", "Observation",
               "Topic")


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(triples: Iterable[ox.Triple]) -> nx.MultiDiGraph:
    """The typed resources of a graph and the dkg properties between them.

    ``triples`` is a :class:`~kg.triples.TripleTable` (what a build makes) or any iterable of
    pyoxigraph triples (a file read back).

    Node attributes: ``label``, ``cls`` (its class), ``aliases``, ``literals`` (property ->
    values such as dates, role, value), ``evidence`` (list of (sentence, title, date)).
    Edge attributes: ``prop`` (the property's local name), ``evidence`` likewise.
    """
    table = TripleTable.from_triples(triples)
    value = table.value
    subjects = table.subjects()
    type_p, label_p, alt_p, evidence_p = RDF_TYPE, LABEL, ALT, NS + "evidence"
    classes = {f"<{NS}{c}>": c for c in CLASS_ORDER}
    article_t, statement_t = f"<{NS}Article>", f"<{RDF}Statement>"

    kinds: Dict[str, str] = {}
    articles: Dict[str, Tuple[str, str]] = {}
    statements: List[str] = []
    for s in subjects:
        types = [o for p, o in table.pairs(s) if p == type_p]
        if article_t in types:
            pairs = table.pairs(s)
            title = next((value(o) for p, o in pairs if p == DCT + "title"), "")
            date = next((value(o) for p, o in pairs if p == DCT + "date"), "")
            articles["<" + s + ">"] = (title, date)
        if statement_t in types:
            statements.append(s)
        kind = min((CLASS_ORDER.index(classes[o]) for o in types if o in classes), default=None)
        if kind is not None:
            kinds[s] = CLASS_ORDER[kind]

    def evidence(pairs) -> List[Tuple[str, str, str]]:
        sents = sorted(value(o) for p, o in pairs if p == evidence_p)
        if not sents:
            return []
        srcs = [articles.get(o, ("", "")) for p, o in pairs if p == DERIVED]
        title, date = srcs[0] if len(srcs) == 1 else ("; ".join(sorted(t for t, _ in srcs)), "")
        return [(sent, title, date) for sent in sents]

    g = nx.MultiDiGraph()
    for s, kind in kinds.items():
        pairs = table.pairs(s)
        label = next((value(o) for p, o in pairs if p == label_p), None)
        aliases = sorted({value(o) for p, o in pairs if p == alt_p})
        literals: Dict[str, List[str]] = defaultdict(list)
        for p, o in pairs:
            if o.startswith('"') and p.startswith(NS) and p != evidence_p:
                literals[local_name(p)].append(value(o))
        g.add_node(s, label=label if label is not None else local_name(s), cls=kind, aliases=aliases,
                   literals={k: sorted(v) for k, v in sorted(literals.items())},
                   evidence=evidence(pairs))

    stated: Dict[Tuple[str, str, str], List[Tuple[str, str, str]]] = defaultdict(list)
    for st in statements:
        pairs = table.pairs(st)
        get = lambda name: next((value(o) for p, o in pairs if p == RDF + name), None)
        stated[(get("subject"), get("predicate"), get("object"))].extend(evidence(pairs))
    for s in kinds:
        for p, o in table.pairs(s):
            if o.startswith("<") and p.startswith(NS) and o[1:-1] in kinds:
                ev = stated.get((s, p, o[1:-1])) or g.nodes[s]["evidence"]
                g.add_edge(s, o[1:-1], key=local_name(p), prop=local_name(p), evidence=ev)
    return g


def neighbourhood(g: nx.MultiDiGraph, node: str, hops: int) -> nx.MultiDiGraph:
    """The subgraph within ``hops`` edges of ``node``, directions ignored."""
    seen = {node}
    frontier = {node}
    undirected = g.to_undirected(as_view=True)
    for _ in range(hops):
        frontier = {n for f in frontier for n in undirected.neighbors(f)} - seen
        seen |= frontier
    return g.subgraph(seen).copy()


def find_node(g: nx.MultiDiGraph, name: str) -> Optional[str]:
    """The node whose label or alias is ``name`` (case-insensitive), else one containing it."""
    want = name.casefold().strip()
    exact = [n for n, d in g.nodes(data=True)
             if want == d["label"].casefold() or want in (a.casefold() for a in d["aliases"])]
    if exact:
        return sorted(exact, key=lambda n: (-g.degree(n), n))[0]
    partial = [n for n, d in g.nodes(data=True) if want in d["label"].casefold()]
    return sorted(partial, key=lambda n: (-g.degree(n), n))[0] if partial else None
