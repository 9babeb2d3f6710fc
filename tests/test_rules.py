"""The model's attribute ruler and lemmatizer through lookup tables (kg.extract.rules): the very
annotations spaCy's own components give, on real articles and on the rules' rare cases."""
from __future__ import annotations

import pytest
import spacy

from kg.extract.nlp import MODEL
from kg.extract.rules import FACTORY, use_rule_tables
from kg.read.readers import read_article

from conftest import FIXTURES, SEEDS

# the rules of two tokens and the rules that read the dependency label or whitespace
RARE = [
    "There is a summit and there were talks; there's more.",
    "They ain't gonna sign it, y'all, and we gotta wait. Let's see. C'mon.",
    "But the talks, but not the deal, went on.\n\nThe  minister   spoke.",
    "That is the deal that they signed, if and when they agree.",
]


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(MODEL, exclude=["ner"])
    fast = use_rule_tables(spacy.load(MODEL, exclude=["ner"]))
    return stock, fast


def _texts():
    files = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "unseen").glob("*.txt")) \
        + sorted((FIXTURES / "unseen2").glob("*.txt"))
    return [read_article(f).text for f in files] + RARE


def test_rule_tables_give_the_models_own_annotations(models):
    stock, fast = models
    texts = _texts()
    assert len(texts) > 10
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert _annotations(b) == _annotations(a)


def test_rule_tables_replace_the_two_rule_components(models):
    _, fast = models
    assert FACTORY in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    doc = fast("The ministers were visiting Nairobi.")
    assert [t.lemma_ for t in doc][:4] == ["the", "minister", "be", "visit"]
    assert doc[1].pos_ == "NOUN" and str(doc[1].morph) == "Number=Plur"


def test_rule_tables_leave_a_pipeline_without_those_components_alone():
    nlp = spacy.blank("en")
    assert use_rule_tables(nlp).pipe_names == []
