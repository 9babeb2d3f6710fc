"""Agreements: AgreementFinding (joint statements, declarations, memoranda, treaties).

An agreement gathers its parties, signatories, topics, furthest status and most precise date
from every report; one signed or agreed at an event is that event's dkg:outcome. An agreement
only named (a party's document, what established a relationship) carries where it is named.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..read.articles import Article
from ..resolve.eventmerge import Provenance, more_precise
from ..findings import AgreementFinding
from .terms import DKG
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["STATUS_ORDER", "take_agreement", "write_agreements"]

STATUS_ORDER = ("proposed", "planned", "under negotiation", "agreed", "signed", "in force",
                "suspended", "terminated")


def take_agreement(model: "GraphModel", f: AgreementFinding, article: Article) -> None:
    model.add_ref(f.ref)
    if f.surface:
        model.labels[f.ref].add(f.surface)
    rec = model.agreements.setdefault(f.ref, {"parties": set(), "signatories": set(), "status": set(),
                                              "topics": set(), "date": None, "prov": Provenance()})
    rec["parties"] |= model.add_refs(f.parties)
    rec["signatories"] |= model.add_refs(f.signatories)
    rec["topics"] |= model.add_refs(f.topics)
    if f.status:
        rec["status"].add(f.status)
    rec["date"] = more_precise(rec["date"], f.date)
    rec["prov"].add(f)


def write_agreements(model: "GraphModel", w: Writer) -> None:
    add, I, L = w.add, w.I, w.L
    for ref, rec in model.agreements.items():
        node = model.iri(ref)
        for prop, key in ((DKG.party, "parties"), (DKG.signatory, "signatories"), (DKG.topic, "topics")):
            w.refs(node, prop, rec[key])
        if rec["status"]:
            add(node, DKG.status, L(max(rec["status"], key=STATUS_ORDER.index)))
        if rec["date"]:
            add(node, DKG.date, w.day(rec["date"]))
        w.prov(node, rec["prov"])
        if "signed" in rec["status"] or "agreed" in rec["status"]:
            for ev in model.produced_by(rec["prov"]):
                add(ev, DKG.outcome, I(node))
    # an agreement only named (a party's document, what established a relationship) is
    # sourced where it is named: every Agreement node carries its evidence
    for ref, pv in model.named_in.items():
        if ref not in model.agreements:
            w.prov(model.iri(ref), pv)
