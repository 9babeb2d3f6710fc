"""What a kind's function writes with: the table, literal helpers, the model's IRIs, provenance."""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterable

from ..resolve.eventmerge import Provenance
from ..findings import Ref
from .triples import TripleTable
from .terms import DATE_TYPES, DKG, PROV, XSD

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["Writer", "decimal_text"]


class Writer:
    """A :class:`~kg.model.triples.TripleTable` with the model whose resources it writes.

    ``add(s, p, o)``, ``I(iri)`` and ``L(text, lang, datatype)`` are the table's; the rest are
    the model's conventions: English labels, dates typed by precision, the provenance of a node.
    """

    def __init__(self, model: "GraphModel", table: TripleTable) -> None:
        self.model, self.table = model, table
        self.add, self.I, self.L = table.add, table.iri, table.literal

    def en(self, text: str) -> str:
        return self.L(text, "en")

    def day(self, value: str) -> str:
        """A date as precise as the text allows: xsd:gYear, xsd:gYearMonth or xsd:date."""
        return self.L(value, datatype=DATE_TYPES.get(len(value), XSD.date))

    def refs(self, node: str, prop: str, refs: Iterable[Ref]) -> None:
        """``node prop r`` for every entity r."""
        add, I, iri = self.add, self.I, self.model.iri
        for r in refs:
            add(node, prop, I(iri(r)))

    def prov(self, node: str, p: Provenance) -> None:
        """The articles a node was read from (prov:wasDerivedFrom) and its sentences (dkg:evidence)."""
        add, I, L = self.add, self.I, self.L
        for aid, sents in p.sources.items():
            add(node, PROV.wasDerivedFrom, I(self.model.article_iri(aid)))
            for s in sents:
                add(node, DKG.evidence, L(s))


def decimal_text(value: Decimal) -> str:
    """A decimal as plain text, without exponent or trailing zeros: ``3.1E+9`` -> ``3100000000``."""
    return format(value.normalize(), "f")
