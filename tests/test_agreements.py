"""kg_agreements: documents with their parties, signatories, status, topics and date.

Every rule of kg/data/patterns/agreements.jsonl is run on its own example sentence; the tables
below are made-up sentences about other countries, each with what a reader expects.
"""
from __future__ import annotations

from typing import List

import pytest

from kg.read.articles import read_text
from kg.extract.components.agreements import RULE_KEYS, STATUS_ORDER
from kg.extract.docs import make_docs
from kg.extract.nlp import pipeline
from kg.extract.patterns import load_phrases, load_rules
from kg.findings import AgreementFinding, Mention

RULES = load_rules("agreements", RULE_KEYS)
DATE_LINE = "May 5, 2025"          # a Monday


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


def run(nlp, text: str):
    """Every finding the pipeline makes of a made-up article whose body is ``text``."""
    art = read_text(f"Headline of a test article\n\n{DATE_LINE}\n\n{text}")
    out = []
    for doc in nlp.pipe(make_docs(nlp, art)):
        out += doc._.findings or []
    return out


def documents(nlp, text: str) -> List[AgreementFinding]:
    return [f for f in run(nlp, text) if isinstance(f, AgreementFinding)]


def check(found: List[AgreementFinding], expect: dict, text: str) -> None:
    """The findings name the expected document with what is expected of it (merged over its
    mentions, as the graph merges them)."""
    if not expect:
        assert found == [], f"{text!r}: expected no document, got {[f.ref.label for f in found]}"
        return
    mine = [f for f in found if f.ref.label.lower() == expect["label"].lower()]
    assert mine, f"{text!r}: no {expect['label']!r} among {[f.ref.label for f in found]}"
    statuses = {f.status for f in mine if f.status}
    status = max(statuses, key=STATUS_ORDER.index) if statuses else None
    parties = {p.label for f in mine for p in f.parties}
    signatories = {p.label for f in mine for p in f.signatories}
    topics = {t.label for f in mine for t in f.topics}
    dates = {f.date for f in mine if f.date}
    if "status" in expect:
        assert status == expect["status"], f"{text!r}: status {status}"
    if "parties" in expect:
        assert parties == set(expect["parties"]), f"{text!r}: parties {parties}"
    if "signatories" in expect:
        assert signatories == set(expect["signatories"]), f"{text!r}: signatories {signatories}"
    if "topics" in expect:
        assert set(expect["topics"]) <= topics, f"{text!r}: topics {topics}"
    if "date" in expect:
        assert expect["date"] in dates, f"{text!r}: dates {dates}"


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_agreements_rule_examples(nlp, rule):
    check(documents(nlp, rule["example"]), rule["expect"], rule["example"])


TABLE = [
    # named documents keep their names; parties from the subject of signing
    ("The Treaty of Tlatelolco, which Mexico and Brazil signed in 1967, banned nuclear weapons in the region.",
     {"label": "Treaty of Tlatelolco", "status": "signed", "parties": ["Mexico", "Brazil"], "date": "1967"}),
    # people who sign are signatories, their states parties
    ("Kenyan Foreign Minister Musalia Mudavadi and Ugandan Foreign Minister Jeje Odongo signed a memorandum of "
     "understanding on border security in Nairobi on Friday.",
     {"label": "memorandum of understanding on border security", "status": "signed",
      "parties": ["Kenya", "Uganda"], "signatories": ["Musalia Mudavadi", "Jeje Odongo"], "date": "2025-05-02"}),
    # a passive agent signs too
    ("An agreement on fisheries was signed by Kenyan Foreign Minister Musalia Mudavadi and Ugandan Foreign "
     "Minister Jeje Odongo.",
     {"label": "agreement on fisheries", "status": "signed", "parties": ["Kenya", "Uganda"],
      "signatories": ["Musalia Mudavadi", "Jeje Odongo"]}),
    # an infinitive is not yet done
    ("The cabinet of Nepal approved a proposal to sign a power trade agreement with India.",
     {"label": "India-Nepal power trade agreement", "status": "planned", "parties": ["Nepal", "India"]}),
    ("Peru and Bolivia are expected to sign a gas agreement next week.",
     {"label": "Bolivia-Peru gas agreement", "status": "planned", "parties": ["Peru", "Bolivia"]}),
    # a negated signing gives no status
    ("Serbia did not sign the trade agreement with Kosovo.",
     {"label": "Kosovo-Serbia trade agreement", "parties": ["Serbia", "Kosovo"]}),
    # a count of documents names none of them
    ("Vietnam and Laos signed 12 agreements on Tuesday.", {}),
    # a bare kind with nothing said of it is no finding
    ("An agreement is a promise between parties.", {}),
    # a ministry's statement is no document between parties
    ("The ministry of Ghana issued a statement on Monday.", {}),
    # lists: each document takes what the list says
    ("The two presidents witnessed the signing of five documents, including a memorandum of understanding on "
     "tourism between Ghana and Togo.",
     {"label": "memorandum of understanding on tourism", "status": "signed", "parties": ["Ghana", "Togo"]}),
    # a definite mention with nothing of its own is the latest document it can name
    ("Chile and Peru signed a memorandum of understanding on mining on Monday. The memorandum was signed by "
     "Chilean Foreign Minister Alberto van Klaveren.",
     {"label": "memorandum of understanding on mining", "status": "signed",
      "signatories": ["Alberto van Klaveren"]}),
    # "the two countries": the two states just named
    ("Japanese Prime Minister Fumio Kishida visited Hanoi, where the two countries agreed a semiconductor deal.",
     {"label": "Japan-Vietnam semiconductor deal", "status": "agreed", "parties": ["Japan", "Vietnam"]}),
    # the acronym of a kind is spelt out in the label
    ("Oman and Qatar signed an MoU on fisheries cooperation.",
     {"label": "Memorandum of Understanding on fisheries cooperation", "status": "signed",
      "parties": ["Oman", "Qatar"]}),
    # a purpose gives what the document is about
    ("Thailand and Cambodia signed an agreement to boost tourism.",
     {"label": "Cambodia-Thailand agreement", "status": "signed", "topics": ["tourism"]}),
    # "agreement" as consent is no document
    ("Peru asked for agreement from its creditors on debt relief.", {}),
    # a measure before the kind is no part of its name
    ("Peru signed a 30-year gas agreement with Bolivia.",
     {"label": "Bolivia-Peru gas agreement", "status": "signed", "parties": ["Peru", "Bolivia"]}),
    # "the first ... to": a fact, not a plan
    ("Ghana was the first country to reach a trade agreement with Togo.",
     {"label": "Ghana-Togo trade agreement", "status": "agreed", "parties": ["Ghana", "Togo"]}),
    # people who held an office once act for no state
    ("Former Peruvian President Francisco Sagasti and former Chilean President Michelle Bachelet called for a "
     "treaty on pandemic preparedness.",
     {"label": "treaty on pandemic preparedness", "status": "proposed", "parties": []}),
    # a body before the kind is a party, and the name no one document's
    ("Ghana's agreement with the IMF was discussed in Accra.",
     {"label": "agreement between Ghana and International Monetary Fund", "parties": ["Ghana", "International Monetary Fund"]}),
    ("Ghana signed an IMF deal on Monday.",
     {"label": "Ghana-International Monetary Fund deal", "status": "signed",
      "parties": ["Ghana", "International Monetary Fund"]}),
    # a threat to withdraw says nothing of a treaty
    ("Peru and Chile signed a defence treaty in 1990. Withdrawing from the treaty would hurt Peru, the minister said.",
     {"label": "Chile-Peru defence treaty", "status": "signed"}),
    # said not to be one
    ("This was not an agreement between Peru and Chile.", {}),
    ("No agreement was reached between Peru and Chile on Monday.", {}),
    # entering into force
    ("The free trade agreement between Peru and Honduras entered into force on Monday.",
     {"label": "Honduras-Peru free trade agreement", "status": "in force", "parties": ["Peru", "Honduras"]}),
]


@pytest.mark.parametrize("text,expect", TABLE, ids=[t[:40] for t, _ in TABLE])
def test_agreements_read(nlp, text, expect):
    check(documents(nlp, text), expect, text)


def test_agreements_topic_wording_kept(nlp):
    """A topic is a concept of the vocabulary; the text's wording is kept as its mention."""
    found = run(nlp, "Chile and Peru signed a memorandum of understanding on renewable energy cooperation.")
    doc = next(f for f in found if isinstance(f, AgreementFinding))
    assert doc.topics
    wordings = {m.surface for m in found if isinstance(m, Mention) and m.ref in doc.topics}
    assert "renewable energy cooperation" in wordings and "renewable energy" in wordings


def test_agreements_provenance(nlp):
    """Every finding holds the sentence it was read from."""
    text = "Peru and Chile signed a fisheries agreement on Monday. It was welcomed by fishermen."
    doc = documents(nlp, text)[0]
    assert doc.sentence.text == "Peru and Chile signed a fisheries agreement on Monday."


def test_agreements_bare_doc(nlp):
    """A Doc made without an article (``nlp(text)``) is read too."""
    doc = nlp("Peru and Chile signed a fisheries agreement on Monday.")
    found = [f for f in doc._.findings if isinstance(f, AgreementFinding)]
    assert [f.ref.label for f in found] == ["Chile-Peru fisheries agreement"]


def test_agreements_data_tables():
    """The noun and modifier tables say what the component expects of them."""
    nouns = dict(load_phrases("agreements_nouns"))
    assert set(nouns.values()) <= {"document", "joint", "container"}
    mods = dict(load_phrases("agreements_modifiers"))
    assert set(mods.values()) <= {"drop", *STATUS_ORDER}
    assert {r["kind"] for r in RULES} <= {"status", "topic", "clause", "regime", "regime-status", "people"}
    for r in RULES:
        if r["kind"] == "status" and "status" in r:
            assert r["status"] in STATUS_ORDER
            assert r.get("planned", "planned") in (*STATUS_ORDER, None) and r.get("hypothetical") in (*STATUS_ORDER, None)
