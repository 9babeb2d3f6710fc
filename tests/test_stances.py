"""kg_stances: supports, opposes, memberOf and participatesIn read off the parse.

Every rule of kg/data/patterns/stances.jsonl and memberships.jsonl is run on its own example
sentence; the tables below add what a user would notice: hedged and negated stances give
nothing, the sides of "both countries" are the article's two states, who thanks whom, and
every fact keeps the sentence it was read from.
"""
from __future__ import annotations

import importlib

import pytest

from kg.read.articles import read_text
from kg.extract.components.stances import RULE_FILES, rules
from kg.extract.components.stances_parse import Reading
from kg.extract.docs import make_docs
from kg.extract.nlp import MODEL, build_pipeline
from kg.extract.run import doc_findings
from kg.findings import Fact, Mention

#: the components kg_stances reads, and itself
NAMES = ("kg_gazetteer", "kg_entities", "kg_mentions", "kg_positions", "kg_topics", "kg_modality",
         "kg_context", "kg_stances")


@pytest.fixture(scope="module")
def nlp():
    # a Language of its own: the process-wide pipeline() is left as it is
    return build_pipeline(importlib.import_module(MODEL).load(), NAMES)


def findings(nlp, body: str, headline: str = "A headline about other countries"):
    out = []
    for doc in make_docs(nlp, read_text(f"{headline}\n\n{body}")):
        out += doc_findings(nlp(doc))
    return out


MINE = ("supports", "opposes", "memberOf", "participatesIn")


def triples(nlp, body: str, **kw):
    return {(f.subject.label, f.predicate, f.object.label) for f in findings(nlp, body, **kw)
            if isinstance(f, Fact) and f.predicate in MINE}


EXAMPLES = [(name, r["id"], r["example"], r["expect"]) for name in RULE_FILES for r in rules(name)]


@pytest.mark.parametrize("name,rule,example,expect", EXAMPLES, ids=[f"{n}:{i}" for n, i, _, _ in EXAMPLES])
def test_stances_rule_examples(nlp, name, rule, example, expect):
    assert triples(nlp, example) == {tuple(x) for x in expect}


@pytest.mark.parametrize("body,expect", [
    # what the text asserts, and a stated plan, are stances
    ("Kenya will continue to support the African Union.", {("Kenya", "supports", "African Union")}),
    ("Peru and Chile firmly oppose protectionism.",
     {("Peru", "opposes", "protectionism"), ("Chile", "opposes", "protectionism")}),
    ("Minister Ana Lopez said Colombia would back the Paris Agreement.",
     {("Colombia", "supports", "Paris Agreement")}),
    # negated, refused, hedged or asked-for stances are not
    ("Ghana declined to condemn the Paris Agreement.", set()),
    ("Ghana did not support the African Union.", set()),
    ("Canada urged Ghana to support the African Union.", set()),
    ("Ghana may oppose the Paris Agreement.", set()),
    ("Ghana has no opposition to the Paris Agreement.", set()),
    # asked for, or able to, is not given
    ("Peru sought Chile's support for the Lobito Corridor.", set()),
    ("They discussed how Japan can support the African Union.", set()),
    ("Ghana won Japan's support for the Lobito Corridor.", {("Japan", "supports", "Lobito Corridor")}),
    # a membership sought is no membership
    ("Bosnia applied to join the European Union.", set()),
    ("Ukraine's bid for membership of NATO stalled.", set()),
    ("Moldova hopes to become a member of the European Union.", set()),
    ("Serbia is expected to join the European Union.", set()),
    ("Estonia became a member of NATO in 2004.", {("Estonia", "memberOf", "North Atlantic Treaty Organization")}),
])
def test_stances_modality(nlp, body, expect):
    assert triples(nlp, body) == expect


@pytest.mark.parametrize("body,expect", [
    # the thanked party supports the thanker's side
    ("Ghana thanked Japan for its support.", {("Japan", "supports", "Ghana")}),
    ("Peru expressed appreciation for Chile's support to Peru.", {("Chile", "supports", "Peru")}),
    ("Japan's support for Ghana has grown.", {("Japan", "supports", "Ghana")}),
    # a state stands behind its sovereignty, its people, its bid
    ("Chile reiterated its support for Argentina's sovereignty.", {("Chile", "supports", "Argentina")}),
    ("Norway backs the Afghan people.", {("Norway", "supports", "Afghanistan")}),
    ("Chile backs Peru's bid to join the OECD.", {("Chile", "supports", "Peru")}),
    # "support each other": both ways
    ("Peru and Chile support each other.", {("Peru", "supports", "Chile"), ("Chile", "supports", "Peru")}),
    # a welcome to a visitor is no stance
    ("Peru welcomed Chile's president to Lima.", set()),
])
def test_stances_who_supports_whom(nlp, body, expect):
    assert triples(nlp, body) == expect


@pytest.mark.parametrize("body,expect", [
    # "have X as a member": the verb's object is what "as" says, not its subject
    ("Having Norway as a NATO ally makes the region safer.", {("Norway", "memberOf", "North Atlantic Treaty Organization")}),
    ("The alliance welcomed Norway as a member of NATO.", {("Norway", "memberOf", "North Atlantic Treaty Organization")}),
    # after other verbs "as" says what the subject is
    ("Norway will back the bid as a member of NATO.", {("Norway", "memberOf", "North Atlantic Treaty Organization")}),
    # the name after the noun it is in apposition to
    ("NATO ally Norway bought the missiles.", {("Norway", "memberOf", "North Atlantic Treaty Organization")}),
    # an ally of a state is no member of anything
    ("Norway is an ally of Canada.", set()),
])
def test_stances_who_is_a_member(nlp, body, expect):
    assert triples(nlp, body) == expect


def test_stances_both_sides_are_the_articles_two_states(nlp):
    body = ("Peru and Chile held talks in Lima on Monday. Peru and Chile signed three agreements. "
            "Both sides condemned terrorism in all its forms.")
    got = triples(nlp, body)
    assert ("Peru", "opposes", "terrorism") in got and ("Chile", "opposes", "terrorism") in got


def test_stances_both_is_the_pair_named_before(nlp):
    body = "Peru and Chile discussed the region, and both condemned terrorism."
    assert triples(nlp, body) == {("Peru", "opposes", "terrorism"), ("Chile", "opposes", "terrorism")}


def test_stances_keep_their_sentence_and_the_topics_wording(nlp):
    body = "Peru hosted the talks. Kenya and Ghana oppose unilateralism."
    found = findings(nlp, body)
    facts = [f for f in found if isinstance(f, Fact) and f.predicate in MINE]
    assert facts and all(f.sentence.text == "Kenya and Ghana oppose unilateralism." for f in facts)
    topic = facts[0].object
    assert topic.type == "Topic"
    assert any(isinstance(m, Mention) and m.ref == topic and m.surface == "unilateralism" for m in found)


def test_stances_headline_is_not_read(nlp):
    assert triples(nlp, "The talks ended on Monday.", headline="Kenya backs African Union") == set()


def test_stances_bare_text_without_an_article(nlp):
    doc = nlp("Kenya supports the African Union.")
    facts = [f for f in doc._.findings if isinstance(f, Fact) and f.predicate in MINE]
    assert [(f.subject.label, f.predicate, f.object.label) for f in facts] == \
        [("Kenya", "supports", "African Union")]
    assert facts[0].sentence.text == "Kenya supports the African Union."


def test_stances_rules_name_only_known_slots():
    for name in RULE_FILES:
        for r in rules(name):
            for slot in (*r.get("actor", ()), *r.get("object", ()), *r.get("slots", ())):
                assert Reading.is_slot(slot), (name, r["id"], slot)
