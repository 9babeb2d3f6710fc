"""Named entities and binary facts: Mention, Fact and RoleMention findings; the links to Wikidata.

An entity is a resource of its class (and of dkg:Actor for a person, country or institution)
with its canonical label and the other spellings the articles give; a fact is one triple with
an rdf:Statement per article that gives it, carrying the article and the sentences.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..read.articles import Article
from ..findings import Fact, Mention, Ref, RoleMention
from ..topics import get_topics
from .terms import DKG, IPTC, OWL, PROV, RDF, RDFS, SKOS
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["SUPERCLASS", "take_mention", "write_entities", "take_fact", "write_facts", "take_role_mention",
           "write_nothing", "write_links"]

# Explicit superclasses, so SPARQL without a reasoner finds every Actor and Event.
SUPERCLASS = {"Person": DKG.Actor, "Country": DKG.Actor, "Institution": DKG.Actor,
              "StateVisit": DKG.Event, "Meeting": DKG.Event, "Conference": DKG.Event}


def take_mention(model: "GraphModel", f: Mention, article: Article) -> None:
    """A surface form of an entity: a label (in the article's language) and a dkg:mentions."""
    lang = article.language
    if lang != "en" and f.surface not in model.labels[f.ref]:
        model.foreign.setdefault((f.ref, f.surface), lang)
    elif lang == "en":
        model.foreign.pop((f.ref, f.surface), None)
    model.labels[f.ref].add(f.surface)
    model.mentioned[f.ref].add(article.id)


def write_entities(model: "GraphModel", w: Writer) -> None:
    """Every entity any finding names: its classes, labels, IPTC match, and the articles naming it."""
    add, I, L = w.add, w.I, w.L
    a, label, alt = RDF.type, RDFS.label, SKOS.altLabel
    topics = get_topics()
    for ref, surfaces in model.labels.items():
        node = model.iri(ref)
        add(node, a, I(DKG[ref.type]))
        if ref.type == "Topic":
            # a term of the vocabulary, matched to its IPTC Media Topic
            got = topics.find(ref.label)
            if got is not None:
                add(node, SKOS.broadMatch, I(str(IPTC[got[1].code.split(":", 1)[1]])))
        if ref.type in SUPERCLASS:
            add(node, a, I(SUPERCLASS[ref.type]))
        add(node, label, L(ref.label, model.foreign.get((ref, ref.label), "en")))
        for s in surfaces:
            if s != ref.label:
                add(node, alt, L(s, model.foreign.get((ref, s), "en")))
    # which articles name each entity, so that an entity in no fact is reachable from them
    for ref, aids in model.mentioned.items():
        node = I(model.iri(ref))
        for aid in aids:
            add(model.article_iri(aid), DKG.mentions, node)


def take_fact(model: "GraphModel", f: Fact, article: Article) -> None:
    model.add_ref(f.subject)
    if isinstance(f.object, Ref):
        model.add_ref(f.object)
    model.facts[(f.subject, f.predicate, f.object)].add(f)


def write_facts(model: "GraphModel", w: Writer) -> None:
    """``subject dkg:predicate object`` and, per article, an rdf:Statement with its sentences."""
    add, I, L = w.add, w.I, w.L
    a, derived, evidence = RDF.type, PROV.wasDerivedFrom, DKG.evidence
    statement = I(RDF.Statement)
    for (s, p, o), pv in model.facts.items():
        s_node = model.iri(s)
        p_iri = DKG[p]
        o_node = I(model.iri(o)) if isinstance(o, Ref) else L(str(o))
        add(s_node, p_iri, o_node)
        for aid, sents in pv.sources.items():
            st = model.statement_iri(s_node, p, o_node, aid)
            add(st, a, statement)
            add(st, RDF.subject, I(s_node))
            add(st, RDF.predicate, I(p_iri))
            add(st, RDF.object, o_node)
            add(st, derived, I(model.article_iri(aid)))
            for sent in sents:
                add(st, evidence, L(sent))


def take_role_mention(model: "GraphModel", f: RoleMention, article: Article) -> None:
    """Nothing: resolution turns a role mention into a fact, or drops it (kg.resolve)."""


def write_nothing(model: "GraphModel", w: Writer) -> None:
    """Nothing to write: the kind leaves no records of its own."""


def write_links(model: "GraphModel", w: Writer) -> None:
    """``owl:sameAs`` a Wikidata item for the states, organisations and people the graph names,
    where the identifier is certain (kg.resolve.link): by label, or for a person by a spelling that
    differs only by an initial, a hyphen or as romanisations differ, when the person holds an
    office of a state the tables give the item or is named in an article that names that state
    (``offices``: those states for each person)."""
    from ..lexicon import get_lexicon
    from ..resolve.link import links_for_entities
    add, I = w.add, w.I
    codes = {c.name: code for code, c in get_lexicon().countries.items()}
    state_of = {s: codes.get(o.label) for (s, p, o) in model.facts
                if p == "positionIn" and isinstance(o, Ref) and o.type == "Country"}
    offices: dict = {}
    for (s, p, o) in model.facts:
        if p == "holdsPosition" and s.type == "Person" and state_of.get(o):
            offices.setdefault(model.iri(s), set()).add(state_of[o])
    # the states named in the articles that name a person are evidence too, for a spelling
    # that differs from a row's only as romanisations differ (the row's state must be one)
    states_in: dict = {}
    for ref, arts in model.mentioned.items():
        if ref.type == "Country" and codes.get(ref.label):
            for a in arts:
                states_in.setdefault(a, set()).add(codes[ref.label])
    named: dict = {}
    for ref, arts in model.mentioned.items():
        if ref.type == "Person":
            states = set().union(*(states_in.get(a, set()) for a in arts))
            if states:
                named[model.iri(ref)] = states
    for t in links_for_entities(((model.iri(ref), ref.type, ref.label) for ref in model.labels),
                                offices=offices, named=named):
        add(t.subject.value, OWL.sameAs, I(t.object.value))
