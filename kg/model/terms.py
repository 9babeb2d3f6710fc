"""The vocabulary the model writes, as plain strings from closed namespaces.

Every class and property comes from an rdflib ``DefinedNamespace`` (``kg.vocab.DKG``, generated
from ontology/diplokg.ttl, and rdflib's RDF, RDFS, SKOS, OWL, XSD, PROV, DCTERMS): a misspelt
term raises where it is used, and tests/test_ontology.py looks up every DKG attribute the code
names. No IRI of the vocabulary is made by joining strings.
"""
from __future__ import annotations

from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD
from rdflib.namespace import Namespace

from ..vocab import DKG as _DKG
from ..vocab import PREFIXES

__all__ = ["Terms", "RDF", "RDFS", "SKOS", "OWL", "XSD", "PROV", "DCT", "DKG", "IPTC", "DATE_TYPES", "concept"]


class Terms:
    """A closed namespace whose terms are plain strings, the form a :class:`~kg.model.triples.TripleTable` holds.

    ``DKG.visitor`` is ``"https://w3id.org/diplokg/ontology#visitor"``, and ``DKG[name]`` the same
    for a name that is data (a fact's predicate, a measure); a name the namespace does not
    define raises AttributeError (XSD's own namespace is open in rdflib: here it is closed too).

    >>> DKG.visitor
    'https://w3id.org/diplokg/ontology#visitor'
    >>> XSD.gYaer
    Traceback (most recent call last):
    ...
    AttributeError: term 'gYaer' not in namespace 'http://www.w3.org/2001/XMLSchema#'
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._terms: dict = {}          # name -> term, for names that are data (DKG[ref.type])

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)       # the next look-up of this attribute is a plain one
        return term

    def __getitem__(self, name: str) -> str:
        term = self._terms.get(name)
        if term is None:
            if name not in self._namespace:
                raise AttributeError(f"term {name!r} not in namespace {str(self._namespace)!r}")
            term = self._terms[name] = str(self._namespace[name])
        return term

    def __contains__(self, name: str) -> bool:
        return name in self._terms or name in self._namespace


RDF, RDFS, SKOS, OWL = Terms(_RDF), Terms(_RDFS), Terms(_SKOS), Terms(_OWL)
XSD, PROV, DCT, DKG = Terms(_XSD), Terms(_PROV), Terms(_DCTERMS), Terms(_DKG)
#: IPTC Media Topics, an open namespace of codes read from the topic vocabulary (data)
IPTC = Namespace("http://cv.iptc.org/newscodes/mediatopic/")
#: a relationship type the ontology lacks (a kind of partnership the news names) is minted as a
#: new concept of the dkg: namespace: the one open use of it, through :func:`concept`
NEW_CONCEPTS = Namespace(PREFIXES["dkg"])
#: the datatype of a date by its length: a year, a month, else a day
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth}


def concept(name: str) -> str:
    """The IRI of a relationship type: the ontology's concept, or a new one (see NEW_CONCEPTS).

    >>> concept("StrategicPartnership")
    'https://w3id.org/diplokg/ontology#StrategicPartnership'
    """
    return DKG[name] if name in DKG else str(NEW_CONCEPTS[name])
