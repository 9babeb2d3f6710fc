"""RDF serialisations: Turtle, N-Triples, JSON-LD with a context, TriG with a graph per article.

pyoxigraph streams triples in the order given and the model hands them over sorted, so the
bytes are the same from run to run. Turtle, N-Triples and JSON-LD hold the same graph; TriG
holds it split into one named graph per article (what each article says) plus the default
graph (what no single article owns: names, types, concepts).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Sequence

import pyoxigraph as ox

from ..model.terms import PROV, RDF, XSD
from ..model.triples import TripleTable
from ..vocab import PREFIXES

__all__ = ["turtle", "ntriples", "jsonld", "trig", "prefixes"]


def prefixes(base: Optional[str] = None) -> dict:
    """The contract's prefixes, with ``dkgr:`` bound to the build's resource namespace."""
    out = dict(PREFIXES)
    if base:
        out["dkgr"] = base
    return out


def turtle(triples: Sequence[ox.Triple], base: Optional[str] = None, **_: object) -> bytes:
    """Turtle with the contract's prefixes, in the triples' (sorted) order."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(base))


def ntriples(triples: Sequence[ox.Triple], **_: object) -> bytes:
    """N-Triples, one triple a line, sorted."""
    if isinstance(triples, TripleTable):
        return triples.ntriples()
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _compact(iri: str, pfx: Dict[str, str]) -> str:
    best = max((ns for ns in pfx.values() if iri.startswith(ns) and iri != ns), key=len, default=None)
    if best is None:
        return iri
    name = next(p for p, ns in pfx.items() if ns == best)
    return f"{name}:{iri[len(best):]}"


def jsonld(triples: Sequence[ox.Triple], base: Optional[str] = None, **_: object) -> bytes:
    """Compacted JSON-LD: an ``@context`` with the contract's prefixes and one node object per
    subject in ``@graph``, keys and IRIs as prefixed names. Deterministic: sorted, indented."""
    pfx = prefixes(base)
    nodes: Dict[str, Dict[str, List]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        s = _compact(t.subject.value, pfx)
        if t.predicate.value == RDF.type:
            nodes[s]["@type"].append(_compact(t.object.value, pfx))
            continue
        p = _compact(t.predicate.value, pfx)
        o = t.object
        if isinstance(o, ox.NamedNode):
            value = {"@id": _compact(o.value, pfx)}
        elif o.language:
            value = {"@value": o.value, "@language": o.language}
        elif o.datatype.value == XSD.string:
            value = {"@value": o.value}
        else:
            value = {"@value": o.value, "@type": _compact(o.datatype.value, pfx)}
        nodes[s][p].append(value)
    graph = []
    for s in sorted(nodes):
        node = {"@id": s}
        for key in sorted(nodes[s], key=lambda k: (k != "@type", k)):
            values = nodes[s][key]
            if key == "@type":
                node[key] = sorted(values)
            else:
                node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
        graph.append(node)
    doc = {"@context": dict(sorted(pfx.items())), "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def article_graphs(triples: Iterable[ox.Triple]) -> List[ox.Quad]:
    """The triples as quads: what an article states goes into the article's named graph (the
    nodes derived from it, their statements, and the plain facts those statements describe);
    the rest goes into the default graph. A fact two articles state is in both graphs."""
    triples = list(triples)
    by_subject: Dict[str, List[ox.Triple]] = defaultdict(list)
    for t in triples:
        by_subject[t.subject.value].append(t)
    owners: Dict[str, List[ox.NamedNode]] = {}
    for s, ts in by_subject.items():
        arts = sorted({t.object.value for t in ts if t.predicate.value == PROV.wasDerivedFrom})
        if arts:
            owners[s] = [ox.NamedNode(a) for a in arts]
    fact_owner: Dict[tuple, List[ox.NamedNode]] = defaultdict(list)
    for s, ts in by_subject.items():
        if any(t.predicate.value == RDF.type and t.object.value == RDF.Statement for t in ts):
            get = {t.predicate.value: t.object for t in ts}
            key = (get[RDF.subject].value, get[RDF.predicate].value, str(get[RDF.object]))
            fact_owner[key] += owners.get(s, [])
    quads: List[ox.Quad] = []
    for t in triples:
        graphs = owners.get(t.subject.value) or fact_owner.get((t.subject.value, t.predicate.value, str(t.object)))
        if graphs:
            quads += [ox.Quad(t.subject, t.predicate, t.object, g) for g in sorted(set(graphs), key=lambda n: n.value)]
        else:
            quads.append(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    return sorted(quads, key=lambda q: ("" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value,
                                       q.subject.value, q.predicate.value, str(q.object)))


def trig(triples: Sequence[ox.Triple], base: Optional[str] = None, **_: object) -> bytes:
    """TriG with one named graph per article (the article's IRI names it)."""
    return ox.serialize(article_graphs(triples), format=ox.RdfFormat.TRIG, prefixes=prefixes(base))
