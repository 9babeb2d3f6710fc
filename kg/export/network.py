"""A networkx view of an export, for the HTML graph and for analysis.

Built from triples (a fresh build or a Turtle file read back), so ``kg html GRAPH.ttl`` draws
exactly what the export holds. Nodes are the typed resources (not articles, statements or
concepts); edges are the dkg properties between them. Each node and edge carries its
provenance: the evidence sentences with their article's title and date, and the articles an
entity comes from or is mentioned in (``dkg:mentions``), so an entity in no fact is still
reachable through its articles.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Tuple

import networkx as nx
import pyoxigraph as ox

from rdflib.namespace import SDO, Namespace

from ..model.terms import DCT, DKG, PROV, RDF, RDFS, SKOS
from ..model.triples import TripleTable
from ..vocab import PREFIXES

__all__ = ["to_networkx", "describe", "CLASS_ORDER", "local_name", "neighbourhood", "find_node"]

#: the dkg: namespace, only to tell its properties from others: its terms come from DKG
DKG_NAMESPACE = PREFIXES["dkg"]
#: schema.org's older http: namespace, which other data still uses (rdflib's SDO is the https: one)
SCHEMA_HTTP = Namespace("http://schema.org/")
#: article -> entity, for entities that take part in no fact (the build adds them).
MENTIONS = (DKG.mentions, str(SCHEMA_HTTP.mentions), str(SDO.mentions))

#: Most specific class first: a node typed Meeting and Event is shown as a Meeting.
CLASS_ORDER = ("Person", "Country", "Institution", "Position", "Place", "Initiative", "Agreement",
               "StateVisit", "Meeting", "Conference", "Event", "Relationship", "Observation",
               "Topic")


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(triples: Iterable[ox.Triple], details: bool = True) -> nx.MultiDiGraph:
    """The typed resources of a graph and the dkg properties between them.

    ``triples`` is a :class:`~kg.model.triples.TripleTable` (what a build makes) or any iterable of
    pyoxigraph triples (a file read back).

    Node attributes: ``label``, ``cls`` (its class), ``aliases``, and with ``details``
    ``literals`` (property -> values such as dates, role, value), ``evidence`` (list of
    (sentence, title, date)) and ``articles`` (the IRIs of the articles it comes from or is
    mentioned in, sorted; their (title, date) are in ``g.graph["articles"]``). Edge attributes: ``prop`` (the property's local name), and with
    ``details`` ``evidence`` likewise. Without ``details`` the graph keeps its triples in
    ``g.graph["triples"]`` and :func:`describe` adds them later, to the part that is drawn:
    a big graph is cut long before its evidence is needed.
    """
    table = TripleTable.from_triples(triples)
    value = table.value
    classes = {f"<{DKG[c]}>": i for i, c in enumerate(CLASS_ORDER)}
    g = nx.MultiDiGraph(triples=table)
    for s in table.subjects():
        pairs = table.pairs(s)
        kind = min((classes[o] for p, o in pairs if p == RDF.type and o in classes), default=None)
        if kind is None:
            continue
        label = next((value(o) for p, o in pairs if p == RDFS.label), None)
        g.add_node(s, label=label if label is not None else local_name(s), cls=CLASS_ORDER[kind],
                   aliases=sorted({value(o) for p, o in pairs if p == SKOS.altLabel}))
    nodes = g.nodes
    for s in list(nodes):
        for p, o in table.pairs(s):
            if o.startswith("<") and p.startswith(DKG_NAMESPACE) and o[1:-1] in nodes:
                name = local_name(p)
                g.add_edge(s, o[1:-1], key=name, prop=name)
    if details:
        describe(g)
    return g


def describe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Add literals and evidence to the nodes and edges of ``g`` that lack them (in place).

    ``g`` is a graph from ``to_networkx(..., details=False)`` or a subgraph copied from one;
    its triples are in ``g.graph["triples"]``.
    """
    todo = [n for n, d in g.nodes(data=True) if "evidence" not in d]
    if not todo:
        return g
    table: TripleTable = g.graph["triples"]
    value = table.value
    articles: Dict[str, Tuple[str, str]] = {}

    def source(article: str) -> Tuple[str, str]:
        got = articles.get(article)
        if got is None:
            pairs = table.pairs(article[1:-1])
            title = next((value(o) for p, o in pairs if p == DCT.title), "")
            date = next((value(o) for p, o in pairs if p == DCT.date), "")
            got = articles[article] = (title, date) if pairs else ("", "")
        return got

    def evidence(pairs) -> List[Tuple[str, str, str]]:
        sents = sorted(value(o) for p, o in pairs if p == DKG.evidence)
        if not sents:
            return []
        srcs = [source(o) for p, o in pairs if p == PROV.wasDerivedFrom]
        title, date = srcs[0] if len(srcs) == 1 else ("; ".join(sorted(t for t, _ in srcs)), "")
        return [(sent, title, date) for sent in sents]

    for n in todo:
        pairs = table.pairs(n)
        literals: Dict[str, List[str]] = defaultdict(list)
        for p, o in pairs:
            if o.startswith('"') and p.startswith(DKG_NAMESPACE) and p != DKG.evidence:
                literals[local_name(p)].append(value(o))
        g.nodes[n].update(literals={k: sorted(v) for k, v in sorted(literals.items())},
                          evidence=evidence(pairs))

    # the statements about the edges drawn give each edge its own evidence; they, the
    # entities' own sources and the articles' mentions give each entity its articles
    wanted = set(todo)
    arts: Dict[str, set] = defaultdict(set)
    for n in todo:
        arts[n].update(o for p, o in table.pairs(n) if p == PROV.wasDerivedFrom and o.startswith("<"))
    # (subject, the dkg property's local name, object) -> evidence; an edge's prop is that name
    stated: Dict[Tuple[str, str, str], List[Tuple[str, str, str]]] = defaultdict(list)
    statement = f"<{RDF.Statement}>"
    for st in table.subjects():
        pairs = table.pairs(st)
        for p, o in pairs:
            if p in MENTIONS and o[1:-1] in wanted:
                arts[o[1:-1]].add("<" + st + ">")
        subject = next((o for p, o in pairs if p == RDF.subject), None)
        if subject is None or (RDF.type, statement) not in pairs:
            continue
        get = dict(pairs)
        obj = get.get(RDF.object, "<>")
        derived = [o for p, o in pairs if p == PROV.wasDerivedFrom and o.startswith("<")]
        for end in (subject[1:-1], obj[1:-1]):
            if end in wanted:
                arts[end].update(derived)
        predicate = value(get.get(RDF.predicate, "<>"))
        if subject[1:-1] not in wanted or not predicate.startswith(DKG_NAMESPACE):
            continue        # edges are drawn for dkg properties only
        stated[(subject[1:-1], predicate[len(DKG_NAMESPACE):], value(obj))].extend(evidence(pairs))
    # a copied subgraph shares its graph attributes with the original: extend a copy
    known: Dict[str, Tuple[str, str]] = dict(g.graph.get("articles", {}))
    g.graph["articles"] = known
    article = f"<{DKG.Article}>"
    for n in todo:
        found = sorted(a for a in arts.get(n, ()) if (RDF.type, article) in table.pairs(a[1:-1]))
        for a in found:
            if a[1:-1] not in known:
                known[a[1:-1]] = source(a)
        g.nodes[n]["articles"] = [a[1:-1] for a in found]
    for s, o, key, d in g.edges(keys=True, data=True):
        if "evidence" not in d and s in wanted:
            d["evidence"] = stated.get((s, d["prop"], o)) or g.nodes[s]["evidence"]
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
