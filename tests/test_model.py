"""The graph model on hand-made findings: which meetings are part of which state visits; the table of
finding kinds (every kind has a row, each row writes its triples); the closed vocabulary."""
from __future__ import annotations

import ast
import datetime
import doctest
import inspect
from decimal import Decimal
from pathlib import Path

import pytest

import kg.findings
import kg.model.terms
from kg.read.articles import Article, Sentence
from kg.findings import (AgreementFinding, EventFinding, Fact, Finding, Mention, ObservationFinding, Ref,
                         RelationshipFinding, RoleMention)
from kg.model import KINDS, GraphModel
from kg.model.terms import DKG, OWL, RDF, XSD
from kg.model.writer import Writer
from kg.model.triples import TripleTable
from kg.vocab import PREFIXES

PART_OF = "https://w3id.org/diplokg/ontology#partOf"
GUEST, HOST, MINISTER = Ref("Person", "Amara Kone"), Ref("Person", "Lena Holm"), Ref("Person", "Ivo Rask")
STATE = Ref("Country", "Sweden")


def _article(aid: str, date=None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", source=f"{aid}.txt", title=f"Article {aid}", text="",
                   sentences=(), date=date, dateline_place=None, dateline_date=None, publisher=None,
                   encoding="utf-8", warnings=())


def _sentence(aid: str, n: int, text: str) -> Sentence:
    return Sentence(aid, n, text, 0, len(text), 1)


def _part_of(model: GraphModel) -> set:
    table = model.triples()
    label = {s: o for s, p, o in table.rows() if p.endswith("#label")}
    return {(label[s].split('"')[1], label[o[1:-1]].split('"')[1]) for s, p, o in table.rows() if p == PART_OF}


def _visit(aid, n, date=None):
    return EventFinding(_sentence(aid, n, f"visit {n}"), kind="StateVisit", visitors=(GUEST,), hosts=(STATE,),
                        date=date)


def test_an_undated_meeting_belongs_to_the_visit_in_the_news_not_the_ones_recalled():
    model = GraphModel()
    model.add_article(_article("a1"), [
        _visit("a1", 1),                                     # "began a state visit on Tuesday"
        _visit("a1", 2, "2014"), _visit("a1", 3, "2016"),    # "recalling his visits in 2014 and 2016"
        EventFinding(_sentence("a1", 4, "talks"), kind="Meeting", participants=(GUEST, HOST), within_visit=True),
    ])
    assert _part_of(model) == {("Meeting of Amara Kone and Lena Holm", "State visit of Amara Kone to Sweden")}


def test_a_dated_meeting_belongs_to_the_visit_of_its_date():
    model = GraphModel()
    model.add_article(_article("a2", datetime.date(2016, 5, 3)), [
        _visit("a2", 1, "2016-05-02"), _visit("a2", 2, "2014"),
        EventFinding(_sentence("a2", 3, "talks"), kind="Meeting", participants=(GUEST, HOST),
                     date="2016-05-03", within_visit=True),
        # a meeting without the visitor is not part of the visit
        EventFinding(_sentence("a2", 4, "other talks"), kind="Meeting", participants=(HOST, MINISTER),
                     date="2016-05-03", within_visit=True),
    ])
    assert _part_of(model) == {("Meeting of Amara Kone and Lena Holm, 2016-05-03",
                                "State visit of Amara Kone to Sweden, 2016-05-02")}


def test_a_visit_in_another_article_is_not_joined():
    model = GraphModel()
    model.add_article(_article("a3"), [_visit("a3", 1)])
    model.add_article(_article("a4"), [
        EventFinding(_sentence("a4", 1, "talks"), kind="Meeting", participants=(GUEST, HOST), within_visit=True)])
    assert _part_of(model) == set()


def _meeting(aid, n, date=None):
    return EventFinding(_sentence(aid, n, f"talks {n}"), kind="Meeting", participants=(GUEST, HOST), date=date)


def _meetings(model: GraphModel) -> list:
    return sorted((ev.when or "", sorted(ev.prov.sources)) for ev in model.merged_events())


def test_reports_of_one_meeting_merge_by_compatible_dates_and_nearness():
    model = GraphModel()
    model.add_article(_article("b1", datetime.date(2024, 3, 5)), [
        _meeting("b1", 1, "2024-03-04"), _meeting("b1", 2, "2024-03"), _meeting("b1", 3)])
    model.add_article(_article("b2", datetime.date(2024, 3, 10)), [_meeting("b2", 1)])     # 6 days later
    model.add_article(_article("b3", datetime.date(2019, 6, 1)), [_meeting("b3", 1, "2019")])
    model.add_article(_article("b4", datetime.date(2021, 1, 1)), [_meeting("b4", 1)])     # near nothing
    model.add_article(_article("b5"), [_meeting("b5", 1, "2024-04-20")])                   # weeks later
    assert _meetings(model) == [
        ("", ["b4"]),                               # undated and near no dated meeting: apart
        ("2019", ["b3"]),
        ("2024-03-04", ["b1", "b2"]),               # the month and the near undated reports join it
        ("2024-04-20", ["b5"]),
    ]


def test_an_undated_report_near_two_meetings_stays_apart():
    model = GraphModel()
    model.add_article(_article("c1", datetime.date(2024, 3, 5)), [_meeting("c1", 1, "2024-03-01")])
    model.add_article(_article("c2", datetime.date(2024, 3, 9)), [_meeting("c2", 1, "2024-03-12")])
    model.add_article(_article("c3", datetime.date(2024, 3, 7)), [_meeting("c3", 1)])
    assert _meetings(model) == [("", ["c3"]), ("2024-03-01", ["c1"]), ("2024-03-12", ["c2"])]


def test_a_state_visit_takes_place_in_the_host_country_and_the_city_named():
    model = GraphModel()
    model.add_article(_article("d1"), [EventFinding(_sentence("d1", 1, "visit"), kind="StateVisit", visitors=(GUEST,),
                                                    hosts=(STATE,), location=Ref("Place", "Stockholm"))])
    [visit] = model.merged_events()
    assert visit.locations == {STATE, Ref("Place", "Stockholm")}


def _labels(table) -> dict:
    """subject -> (rdfs:label literals, skos:altLabel literals)"""
    out: dict = {}
    for s, p, o in table.rows():
        if p.endswith("#label") or p.endswith("core#altLabel"):
            out.setdefault(s, (set(), set()))[0 if p.endswith("#label") else 1].add(o)
    return out


def test_two_spellings_that_make_one_iri_are_one_resource_with_one_label():
    # issue 12: "Ana Lúcia Ferraz" and "Ana Lucia Ferraz" slug alike: one rdfs:label, the other an altLabel;
    # the form written most often wins, then the best formed ("sports" over "sports:")
    from kg.findings import Fact, Mention
    from kg.pipeline import build_model

    orban, orban_ascii = Ref("Person", "Ana Lúcia Ferraz"), Ref("Person", "Ana Lucia Ferraz")
    sports, sports_colon = Ref("Topic", "sports"), Ref("Topic", "sports:")
    pm = Ref("Position", "Governor of the Central Bank of Brazil")
    s1, s2, s3 = _sentence("b1", 1, "one"), _sentence("b2", 1, "two"), _sentence("b2", 2, "three")
    findings = {
        "b1": [Mention(s1, orban, "Ana Lúcia Ferraz"), Fact(s1, orban, "holdsPosition", pm), Mention(s1, sports, "sports")],
        "b2": [Mention(s2, orban_ascii, "Ana Lucia Ferraz"), Mention(s3, orban_ascii, "Ferraz"),
               Fact(s2, orban_ascii, "holdsPosition", pm), Mention(s3, sports_colon, "sports:")],
    }
    model = build_model([_article("b1"), _article("b2")], findings)
    labels = _labels(model.triples())
    person = labels["https://w3id.org/diplokg/id/ana-lucia-ferraz"]
    assert person == ({'"Ana Lucia Ferraz"@en'}, {'"Ana Lúcia Ferraz"@en', '"Ferraz"@en'})   # two mentions to one
    assert labels["https://w3id.org/diplokg/id/topic-sports"][0] == {'"sports"@en'}
    # the office is held once, not twice
    held = [r for r in model.triples().rows() if r[1].endswith("#holdsPosition")]
    assert len(held) == 1


def test_a_spelling_tie_goes_to_the_best_formed_and_a_state_beats_a_person_of_its_name():
    from kg.findings import Mention
    from kg.pipeline import build_model

    a, b = _sentence("c1", 1, "one"), _sentence("c2", 1, "two")
    findings = {"c1": [Mention(a, Ref("Person", "Ana Lucia Ferraz"), "Ana Lucia Ferraz"),
                       Mention(a, Ref("Person", "Timor Leste"), "Timor Leste")],
                "c2": [Mention(b, Ref("Person", "Ana Lúcia Ferraz"), "Ana Lúcia Ferraz"),
                       Mention(b, Ref("Country", "Timor-Leste"), "Timor-Leste")]}
    model = build_model([_article("c1"), _article("c2")], findings)
    table = model.triples()
    labels = _labels(table)
    assert labels["https://w3id.org/diplokg/id/ana-lucia-ferraz"][0] == {'"Ana Lúcia Ferraz"@en'}
    assert labels["https://w3id.org/diplokg/id/timor-leste"] == ({'"Timor-Leste"@en'}, {'"Timor Leste"@en'})
    types = {o for s, p, o in table.rows() if s.endswith("/timor-leste") and p.endswith("#type")}
    assert "<https://w3id.org/diplokg/ontology#Person>" not in types


def test_an_agreement_only_named_carries_the_sentence_and_article_it_is_named_in():
    # issue 12: every Agreement node has dkg:evidence and prov:wasDerivedFrom, even one that is
    # only a party's document or what established a relationship
    from kg.findings import Mention, RelationshipFinding
    from kg.pipeline import build_model

    deal, treaty = Ref("Agreement", "Kenya-Ghana Trade Agreement"), Ref("Agreement", "Treaty of Accra")
    s = _sentence("d1", 1, "Kenya and Ghana referred to the Kenya-Ghana Trade Agreement.")
    t = _sentence("d1", 2, "The Treaty of Accra established their strategic partnership.")
    findings = {"d1": [Mention(s, deal, "Kenya-Ghana Trade Agreement"),
                       RelationshipFinding(t, rtype="StrategicPartnership", rlabel="strategic partnership",
                                           parties=(Ref("Country", "Kenya"), Ref("Country", "Ghana")),
                                           established_by=treaty)]}
    rows = list(build_model([_article("d1")], findings).triples().rows())
    for ref, sentence in ((deal, s), (treaty, t)):
        iri = "https://w3id.org/diplokg/id/" + ref.label.lower().replace(" ", "-")
        assert (iri, "http://www.w3.org/ns/prov#wasDerivedFrom", "<https://w3id.org/diplokg/id/article-d1>") in rows
        assert (iri, "https://w3id.org/diplokg/ontology#evidence", f'"{sentence.text}"') in rows


# --- the table of finding kinds and the closed vocabulary (issue 15) -----------------------------

MODEL_DIR = Path(kg.model.terms.__file__).parent
KG_DIR = MODEL_DIR.parent
#: the modules outside the model that name terms of the vocabulary: they take them from the same
#: closed namespaces (kg.model.terms, rdflib's, kg.vocab.DKG)
VOCABULARY_USERS = (KG_DIR / "export" / "network.py", KG_DIR / "export" / "rdf.py",
                    *sorted((KG_DIR / "tools" / "inspect").glob("*.py")))
NS = "https://w3id.org/diplokg/ontology#"
ID = "https://w3id.org/diplokg/id/"
S = _sentence("k1", 1, "Sweden and Norway signed a trade agreement.")
NORWAY, TREATY = Ref("Country", "Norway"), Ref("Agreement", "Oslo Trade Agreement")


def _finding_kinds() -> set:
    """Every kind of finding kg.findings defines."""
    return {c for _, c in inspect.getmembers(kg.findings, inspect.isclass)
            if issubclass(c, Finding) and c is not Finding and c.__module__ == kg.findings.__name__}


def test_every_kind_of_finding_has_a_row_in_the_table():
    kinds = _finding_kinds()
    assert {Mention, Fact, RoleMention, EventFinding, AgreementFinding, RelationshipFinding,
            ObservationFinding} <= kinds
    missing = sorted(c.__name__ for c in kinds - set(KINDS))
    assert not missing, f"kinds of finding without a row of kg.model.kinds.KINDS: {missing}"


def test_a_finding_of_a_kind_without_a_row_raises():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Rumour(Finding):
        pass

    with pytest.raises(TypeError, match="no row .* Rumour"):
        GraphModel().add_article(_article("k0"), [Rumour(S)])


# one finding of each kind and a triple its row must write (rows of the table: subject, predicate, object)
EXAMPLES = {
    Mention: (Mention(S, NORWAY, "Norwegian"), (ID + "norway", "http://www.w3.org/2004/02/skos/core#altLabel",
                                                 '"Norwegian"@en')),
    Fact: (Fact(S, GUEST, "holdsPosition", Ref("Position", "Prime Minister of Sweden")),
           (ID + "amara-kone", NS + "holdsPosition", f"<{ID}prime-minister-of-sweden>")),
    EventFinding: (EventFinding(S, kind="Meeting", participants=(GUEST, HOST), date="2024-05-06"),
                   (ID + "meeting-2024-05-06-amara-kone-lena-holm", NS + "date",
                    '"2024-05-06"^^<http://www.w3.org/2001/XMLSchema#date>')),
    AgreementFinding: (AgreementFinding(S, TREATY, parties=(STATE, NORWAY), status="signed", date="2024"),
                       (ID + "oslo-trade-agreement", NS + "status", '"signed"')),
    RelationshipFinding: (RelationshipFinding(S, rtype="StrategicPartnership", rlabel="strategic partnership",
                                              parties=(STATE, NORWAY)),
                          (ID + "relationship-strategicpartnership-norway-sweden", NS + "relationshipType",
                           f"<{NS}StrategicPartnership>")),
    ObservationFinding: (ObservationFinding(S, measure="TradeVolume", value=Decimal("4.8E+8"), unit="USD",
                                            period="2023", about=(STATE, NORWAY)),
                         (None, NS + "measure", f"<{NS}TradeVolume>")),
}


@pytest.mark.parametrize("kind", sorted(EXAMPLES, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_each_kind_writes_its_triples(kind):
    finding, (s, p, o) = EXAMPLES[kind]
    model = GraphModel()
    model.add_article(_article("k1"), [finding])
    table = TripleTable()
    KINDS[kind].write(model, Writer(model, table))
    rows = list(table.rows())
    assert any((s is None or r[0] == s) and r[1:] == (p, o) for r in rows), rows


def test_a_role_mention_writes_nothing():
    # resolution makes a fact of it, or drops it: the model files nothing
    model = GraphModel()
    model.add_article(_article("k2"), [RoleMention(S, GUEST, "Premier", "Premier Kone")])
    table = TripleTable()
    KINDS[RoleMention].write(model, Writer(model, table))
    assert not table and not model.labels


def test_a_new_relationship_type_is_a_concept_under_its_broader_one():
    model = GraphModel()
    model.add_article(_article("k3"), [RelationshipFinding(S, rtype="EnhancedStrategicPartnership",
                                                           rlabel="enhanced strategic partnership",
                                                           parties=(STATE, NORWAY),
                                                           broader="StrategicPartnership")])
    rows = set(model.triples(links=False).rows())
    assert (NS + "EnhancedStrategicPartnership", "http://www.w3.org/2004/02/skos/core#broader",
            f"<{NS}StrategicPartnership>") in rows


def test_the_model_writes_the_wikidata_links():
    # owl:sameAs is the model's too (it was added outside it, in kg.pipeline)
    model = GraphModel()
    model.add_article(_article("k4"), [Mention(S, Ref("Country", "China"), "China")])
    same_as = "http://www.w3.org/2002/07/owl#sameAs"
    assert (ID + "china", same_as, "<http://www.wikidata.org/entity/Q148>") in set(model.triples().rows())
    assert not [r for r in model.triples(links=False).rows() if r[1] == same_as]


# --- a misspelt term fails ---------------------------------------------------------------------

@pytest.mark.parametrize("ns, name", [(DKG, "vistor"), (DKG, "person"), (RDF, "typ"), (OWL, "sameas"),
                                      (XSD, "gYaer")])
def test_a_misspelt_term_raises(ns, name):
    with pytest.raises(AttributeError):
        getattr(ns, name)
    with pytest.raises(AttributeError):
        ns[name]


def test_terms_are_plain_strings():
    assert DKG.visitor == NS + "visitor" and type(DKG.visitor) is str and type(DKG["visitor"]) is str
    assert XSD.gYear == "http://www.w3.org/2001/XMLSchema#gYear"
    assert "Person" in DKG and "Persn" not in DKG


@pytest.mark.parametrize("finding", [
    Fact(S, GUEST, "holdsPositon", Ref("Position", "Prime Minister of Sweden")),
    ObservationFinding(S, measure="TradeVolum", value=Decimal(3), about=(STATE,)),
], ids=["fact predicate", "measure"])
def test_a_term_that_is_data_and_not_in_the_ontology_raises(finding):
    model = GraphModel()
    model.add_article(_article("k5"), [finding])
    with pytest.raises(AttributeError, match="not in namespace"):
        model.triples(links=False)


def _term_uses(source: str) -> set:
    """(namespace, name) of every ``NS.name`` of the model's namespaces in a source file."""
    spaces = {"RDF", "RDFS", "SKOS", "OWL", "XSD", "PROV", "DCT", "DKG"}
    return {(n.value.id, n.attr) for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in spaces}


def _vocabulary_files() -> list:
    return [*sorted(MODEL_DIR.glob("*.py")), *VOCABULARY_USERS]


def test_the_model_names_only_terms_its_namespaces_define():
    # a misspelt term fails here even in code no other test runs
    unknown = []
    for path in _vocabulary_files():
        for space, name in sorted(_term_uses(path.read_text(encoding="utf-8"))):
            if name not in getattr(kg.model.terms, space):
                unknown.append(f"{path.relative_to(KG_DIR)}: {space}.{name}")
    assert not unknown


def test_no_vocabulary_iri_is_made_by_joining_strings():
    for path in _vocabulary_files():
        source = path.read_text(encoding="utf-8")
        for bad in ("DKG_NS", "str(DKG)", "+ \"http", "f\"http", "XSD +", "RDF +", "SKOS +", "OWL +", "PROV +",
                    "DCT +", "#\" +", "NS +", "+ NS", "NS}"):
            assert bad not in source, f"{path.relative_to(KG_DIR)}: {bad}"


def test_no_vocabulary_iri_is_written_out():
    # a term of a namespace the export declares comes from its closed namespace, never from a
    # string literal (docstrings and the namespace of PREFIXES itself aside)
    namespaces = set(PREFIXES.values())
    for path in _vocabulary_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                written = [ns for ns in namespaces if node.value.startswith(ns) and node.value != ns]
                assert not written, f"{path.relative_to(KG_DIR)}:{node.lineno}: {node.value!r}"


def test_terms_examples():
    assert doctest.testmod(kg.model.terms).failed == 0
