"""Observations: ObservationFinding (a reported figure: measure, value, unit, period, about whom).

Figures that disagree stay separate nodes, each with its sources; the same figure from several
articles is one node.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..read.articles import Article
from ..resolve.eventmerge import Provenance
from ..findings import ObservationFinding
from .terms import DKG, RDF, RDFS, XSD
from .writer import Writer, decimal_text

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["take_observation", "write_observations", "observation_label"]


def take_observation(model: "GraphModel", f: ObservationFinding, article: Article) -> None:
    key = (f.measure, f.period, frozenset(f.about), f.value.normalize(), f.unit)
    rec = model.observations.setdefault(key, {"reported_by": set(), "prov": Provenance()})
    model.add_refs(f.about)
    rec["reported_by"] |= model.add_refs(f.reported_by)
    rec["prov"].add(f)


def write_observations(model: "GraphModel", w: Writer) -> None:
    add, I, L = w.add, w.I, w.L
    for key, rec in model.observations.items():
        measure, period, about, value, unit = key
        node = model.observation_iri(key)
        add(node, RDF.type, I(DKG.Observation))
        add(node, RDFS.label, w.en(observation_label(key)))
        add(node, DKG.measure, I(DKG[measure]))
        add(node, DKG.value, L(decimal_text(value), datatype=XSD.decimal))
        if unit:
            add(node, DKG.unit, L(unit))
        if period:
            add(node, DKG.period, L(period))
        w.refs(node, DKG.about, about)
        w.refs(node, DKG.reportedBy, rec["reported_by"])
        w.prov(node, rec["prov"])


def observation_label(key: tuple) -> str:
    measure, period, about, value, unit = key
    words = re.sub(r"(?<!^)([A-Z])", r" \1", measure).lower()
    where = " and ".join(sorted(r.label for r in about))
    parts = [words[:1].upper() + words[1:]]
    if where:
        parts.append(f"({where})")
    if period:
        parts.append(period)
    parts.append(f": {decimal_text(value)}" + (f" {unit}" if unit else ""))
    return " ".join(parts).replace(" :", ":")
