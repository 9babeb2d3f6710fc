"""kg_relationships: states of relations between countries, their parties and start dates.

Every rule of kg/data/patterns/relationships.jsonl is run on its own example sentence; the
table below holds made-up sentences about other countries, each with what a reader expects.
"""
from __future__ import annotations

from typing import List

import pytest

from kg.read.articles import read_text
from kg.extract.components.relationships import RULE_KEYS, relationship_type
from kg.extract.docs import make_docs
from kg.extract.nlp import pipeline
from kg.extract.patterns import load_phrases, load_rules
from kg.findings import RelationshipFinding

RULES = load_rules("relationships", RULE_KEYS)
DATE_LINE = "May 5, 2025"          # a Monday


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


def relations(nlp, text: str) -> List[RelationshipFinding]:
    art = read_text(f"Headline of a test article\n\n{DATE_LINE}\n\n{text}")
    out = []
    for doc in nlp.pipe(make_docs(nlp, art)):
        out += [f for f in doc._.findings or [] if isinstance(f, RelationshipFinding)]
    return out


def check(found: List[RelationshipFinding], expect: dict, text: str) -> None:
    if not expect:
        assert found == [], f"{text!r}: expected nothing, got {[(f.rtype, f.parties) for f in found]}"
        return
    mine = [f for f in found if f.rtype == expect["rtype"]]
    assert mine, f"{text!r}: no {expect['rtype']} among {[f.rtype for f in found]}"
    if "parties" in expect:
        assert any({p.label for p in f.parties} == set(expect["parties"]) for f in mine), \
            f"{text!r}: parties {[f.parties for f in mine]}"
    if "start" in expect:
        assert expect["start"] in {f.start_date for f in mine}, f"{text!r}: starts {[f.start_date for f in mine]}"
    else:
        assert all(f.start_date is None for f in mine), f"{text!r}: starts {[f.start_date for f in mine]}"
    if "broader" in expect:
        assert {f.broader for f in mine} == {expect["broader"]}


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_relationships_rule_examples(nlp, rule):
    check(relations(nlp, rule["example"]), rule["expect"], rule["example"])


TABLE = [
    ("Ghana and Cuba have had diplomatic relations since 1960.",
     {"rtype": "DiplomaticRelations", "parties": ["Ghana", "Cuba"], "start": "1960"}),
    ("The diplomatic ties between Chile and Japan date back to 1897.",
     {"rtype": "DiplomaticRelations", "parties": ["Chile", "Japan"]}),
    # planned: a relationship without a start
    ("Fiji will establish diplomatic relations with Kosovo, the foreign ministry said.",
     {"rtype": "DiplomaticRelations", "parties": ["Fiji", "Kosovo"]}),
    # said not to be, or ended: nothing
    ("Bhutan has no diplomatic relations with China.", {}),
    ("Ecuador severed diplomatic ties with Mexico last year.", {}),
    # "partners" only with a kind; an evaluation is dropped; another word is no kind of relations
    ("Peru is one of Chile's main trading partners.", {}),
    ("Kenya and Ethiopia reaffirmed the strong partnership between the two countries.",
     {"rtype": "Partnership", "parties": ["Kenya", "Ethiopia"]}),
    ("Norway and Ghana launched an energy partnership.", {}),
    # a firm's partnership is no relations between states
    ("Peru and Chile signed a trade deal. This strategic partnership between two insurers will serve customers "
     "better.", {}),
    # a name is no relations
    ("Peru and Chile are members of the Trans-Pacific Partnership.", {}),
    # a kind the ontology lacks, with its nearest general kind
    ("Cambodia and Vietnam hailed their special and everlasting partnership.",
     {"rtype": "SpecialAndEverlastingPartnership", "parties": ["Cambodia", "Vietnam"], "broader": "Partnership"}),
    # possessive and "with"
    ("Kazakhstan wants to deepen its comprehensive strategic partnership with China.",
     {"rtype": "ComprehensiveStrategicPartnership", "parties": ["Kazakhstan", "China"]}),
    # the relations an elevation starts from
    ("The leaders announced the elevation of Cuba-Vietnam relations to a comprehensive strategic partnership "
     "on Monday.",
     {"rtype": "ComprehensiveStrategicPartnership", "parties": ["Cuba", "Vietnam"], "start": "2025-05-05"}),
    ("Kenya and India marked the 60th anniversary of the establishment of diplomatic relations.",
     {"rtype": "DiplomaticRelations", "parties": ["Kenya", "India"], "start": "1965"}),
    # a time said of the anniversary is no start
    ("Chile and Peru marked the 50th anniversary of the establishment of diplomatic relations between the two "
     "countries in 2025.",
     {"rtype": "DiplomaticRelations", "parties": ["Chile", "Peru"], "start": "1975"}),
    ("Next year, Chile and Peru will mark the 50th anniversary of diplomatic relations.",
     {"rtype": "DiplomaticRelations", "parties": ["Chile", "Peru"], "start": "1976"}),
    # a document that names it established it
    ("Mongolia and Japan signed a joint declaration on establishing a strategic partnership in 2022.",
     {"rtype": "StrategicPartnership", "parties": ["Mongolia", "Japan"], "start": "2022"}),
]


@pytest.mark.parametrize("text,expect", TABLE, ids=[t[:40] for t, _ in TABLE])
def test_relationships_read(nlp, text, expect):
    check(relations(nlp, text), expect, text)


def test_relationships_established_by(nlp):
    found = relations(nlp, "Mongolia and Japan signed a joint declaration on establishing a strategic partnership "
                           "in 2022.")
    assert found[0].established_by is not None
    assert "strategic partnership" in found[0].established_by.label


@pytest.mark.parametrize("words,concept,broader", [
    ("strategic partnership", "StrategicPartnership", None),
    ("enhanced strategic partnership", "EnhancedStrategicPartnership", "StrategicPartnership"),
    ("comprehensive strategic cooperative partnership", "ComprehensiveStrategicCooperativePartnership", None),
    ("special strategic and global partnership", "SpecialStrategicAndGlobalPartnership", "StrategicPartnership"),
    ("all-weather strategic cooperative partnership", "AllWeatherStrategicCooperativePartnership", None),
    ("innovative comprehensive partnership", "InnovativeComprehensivePartnership", "ComprehensivePartnership"),
])
def test_relationships_type_names(words, concept, broader):
    assert relationship_type(words) == (concept, broader)


def test_relationships_types_are_the_ontology_concepts():
    """The known types are exactly the ontology's relationship concepts."""
    from kg.vocab import DKG
    for _words, concept in load_phrases("relationships_types"):
        assert DKG[concept]
