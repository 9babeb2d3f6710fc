"""The graph's own node (an owl:Ontology importing the diplokg ontology) and its articles."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Ref
from ..vocab import ONTOLOGY_IRI
from .terms import DCT, DKG, OWL, RDF, RDFS
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["write_header", "write_articles"]


def write_header(model: "GraphModel", w: Writer) -> None:
    doc = model.graph_iri()
    w.add(doc, RDF.type, w.I(OWL.Ontology))
    w.add(doc, OWL.imports, w.I(str(ONTOLOGY_IRI)))


def write_articles(model: "GraphModel", w: Writer) -> None:
    """Each article: title (in its language), source, date, publisher and dateline place."""
    add, I, L = w.add, w.I, w.L
    for art in model.articles.values():
        node = model.article_iri(art.id)
        add(node, RDF.type, I(DKG.Article))
        add(node, RDFS.label, L(art.title, art.language))
        add(node, DCT.title, L(art.title, art.language))
        add(node, DCT.source, L(art.source))
        if art.date:
            add(node, DCT.date, w.day(art.date.isoformat()))
        if art.publisher:
            add(node, DCT.publisher, L(art.publisher))
        if art.dateline_place:
            add(node, DKG.dateline, I(model.iri(Ref("Place", art.dateline_place))))
