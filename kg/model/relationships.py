"""Relationships: RelationshipFinding (diplomatic relations, partnerships between states).

One node per type and parties, with the start date most articles give, what established it
(an agreement, or the event that announced it), and its sources. A type the ontology lacks is
written as a new skos:Concept of dkg:RelationshipType under its nearest broader type.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Dict, Set

from ..read.articles import Article
from ..resolve.eventmerge import Provenance, compatible, more_precise
from ..findings import RelationshipFinding
from .terms import DKG, RDF, RDFS, SKOS, concept
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["take_relationship", "write_relationships", "best_date"]


def take_relationship(model: "GraphModel", f: RelationshipFinding, article: Article) -> None:
    key = (f.rtype, frozenset(f.parties))
    model.add_refs(f.parties)
    rec = model.relationships.setdefault(key, {"label": f.rlabel, "dates": defaultdict(set),
                                               "by": set(), "prov": Provenance()})
    if f.start_date:
        rec["dates"][f.start_date].add(f.sentence.article_id)
    if f.established_by:
        rec["by"].add(f.established_by)
        model.add_ref(f.established_by)
    if f.broader or f.rtype not in model.concepts:
        model.concepts.setdefault(f.rtype, (f.rlabel, f.broader))
    rec["prov"].add(f)


def write_relationships(model: "GraphModel", w: Writer) -> None:
    add, I, en = w.add, w.I, w.en
    for (rtype, parties), rec in model.relationships.items():
        node = model.relationship_iri(rtype, parties)
        add(node, RDF.type, I(DKG.Relationship))
        names = " and ".join(sorted(r.label for r in parties))
        add(node, RDFS.label, en(f"{rec['label'][:1].upper()}{rec['label'][1:]} between {names}"))
        add(node, DKG.relationshipType, I(concept(rtype)))
        w.refs(node, DKG.party, parties)
        if rec["dates"]:
            add(node, DKG.startDate, w.day(best_date(rec["dates"])))
        w.refs(node, DKG.establishedBy, rec["by"])
        if rec["dates"]:
            # the event that announced it (only for a dated establishment, not a mention)
            for ev in model.produced_by(rec["prov"]):
                add(ev, DKG.outcome, I(node))
                if not rec["by"]:
                    add(node, DKG.establishedBy, I(ev))
        w.prov(node, rec["prov"])
    for rtype, (words, broader) in model.concepts.items():
        if rtype in DKG:            # the ontology defines it: the export need not
            continue
        node = concept(rtype)
        add(node, RDF.type, I(SKOS.Concept))
        add(node, SKOS.prefLabel, en(words))
        add(node, RDFS.label, en(words))
        add(node, SKOS.inScheme, I(DKG.RelationshipType))
        if broader:
            add(node, SKOS.broader, I(DKG[broader]))


def best_date(dates: Dict[str, Set[str]]) -> str:
    """Most articles first; then the most precise date compatible with it."""
    top = sorted(dates, key=lambda d: (-len(dates[d]), d))[0]
    best = top
    for d in sorted(dates, key=lambda d: (-len(d), d)):
        if d.startswith(top[:4]) and compatible(d, top):
            best = more_precise(best, d)
    return best
