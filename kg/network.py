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


def _value(term) -> str:
    return term.value


def to_networkx(triples: Iterable[ox.Triple]) -> nx.MultiDiGraph:
    """The typed resources of a graph and the dkg properties between them.

    Node attributes: ``label``, ``cls`` (its class), ``aliases``, ``literals`` (property ->
    values such as dates, role, value), ``evidence`` (list of (sentence, title, date)).
    Edge attributes: ``prop`` (the property's local name), ``evidence`` likewise.
    """
    by_subject: Dict[str, List[Tuple[str, object]]] = defaultdict(list)
    for t in triples:
        by_subject[t.subject.value].append((t.predicate.value, t.object))

    types = {s: {local_name(o.value) for p, o in pos if p == RDF_TYPE and isinstance(o, ox.NamedNode)}
             for s, pos in by_subject.items()}
    articles = {}
    for s, cls in types.items():
        if "Article" in cls:
            pos = by_subject[s]
            title = next((o.value for p, o in pos if p == DCT + "title"), "")
            date = next((o.value for p, o in pos if p == DCT + "date"), "")
            articles[s] = (title, date)

    def evidence(pos) -> List[Tuple[str, str, str]]:
        sents = sorted(o.value for p, o in pos if p == NS + "evidence")
        srcs = [articles.get(o.value, ("", "")) for p, o in pos if p == DERIVED]
        out = []
        for sent in sents:
            title, date = srcs[0] if len(srcs) == 1 else ("; ".join(sorted(t for t, _ in srcs)), "")
            out.append((sent, title, date))
        return out

    g = nx.MultiDiGraph()
    for s, cls in sorted(types.items()):
        kind = next((c for c in CLASS_ORDER if c in cls), None)
        if kind is None:
            continue
        pos = by_subject[s]
        label = next((o.value for p, o in pos if p == LABEL), local_name(s))
        aliases = sorted({o.value for p, o in pos if p == ALT})
        literals: Dict[str, List[str]] = defaultdict(list)
        for p, o in pos:
            if isinstance(o, ox.Literal) and p.startswith(NS) and p != NS + "evidence":
                literals[local_name(p)].append(o.value)
        g.add_node(s, label=label, cls=kind, aliases=aliases,
                   literals={k: sorted(v) for k, v in sorted(literals.items())},
                   evidence=evidence(pos))

    statements: Dict[Tuple[str, str, str], List[Tuple[str, str, str]]] = defaultdict(list)
    for s, cls in types.items():
        if "Statement" in cls:
            pos = by_subject[s]
            get = lambda name: next((o.value for p, o in pos if p == RDF + name), None)
            statements[(get("subject"), get("predicate"), get("object"))].extend(evidence(pos))
    for s in sorted(g.nodes):
        for p, o in sorted(by_subject[s], key=lambda po: (po[0], str(po[1]))):
            if p.startswith(NS) and isinstance(o, ox.NamedNode) and o.value in g and p != RDF_TYPE:
                ev = statements.get((s, p, o.value)) or g.nodes[s]["evidence"]
                g.add_edge(s, o.value, key=local_name(p), prop=local_name(p), evidence=ev)
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
