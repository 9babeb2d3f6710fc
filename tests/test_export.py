"""The exports as a user receives them: Turtle that two engines read, that passes the shapes,
that carries provenance for every fact, and an HTML page that works offline."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import PROV

from kg.vocab import DKG, ONTOLOGY_IRI, PREFIXES

from conftest import SEEDS

FACTS = ["holdsPosition", "positionIn", "memberOf", "partOf", "locatedIn", "supports", "opposes",
         "participatesIn"]
NODES_WITH_PROVENANCE = ["Event", "Agreement", "Relationship", "Observation"]


@pytest.fixture(scope="module")
def graph(seeds_build):
    out, _ = seeds_build
    g = rdflib.Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def test_export_turtle_parses_in_rdflib_and_pyoxigraph(seeds_build, graph):
    out, result = seeds_build
    ox_triples = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(graph) == len(ox_triples) == len(result.triples) > 500


def test_export_turtle_declares_the_contract_prefixes(seeds_build):
    out, _ = seeds_build
    head = (out / "graph.ttl").read_text().split("\n\n")[0]
    for prefix, iri in PREFIXES.items():
        if prefix in ("dkg", "dkgr", "rdfs", "skos", "prov", "dcterms"):
            assert f"@prefix {prefix}: <{iri}> ." in head


def test_export_references_the_ontology_without_copying_it(graph):
    assert any(graph.triples((None, rdflib.OWL.imports, URIRef(str(ONTOLOGY_IRI)))))
    assert not any(graph.triples((None, RDF.type, rdflib.OWL.Class)))
    assert not any(graph.triples((None, RDF.type, rdflib.OWL.ObjectProperty)))


def test_export_every_node_of_a_fact_kind_has_provenance(graph):
    for cls in NODES_WITH_PROVENANCE:
        nodes = set(graph.subjects(RDF.type, DKG[cls]))
        assert nodes, f"no {cls} in the seeds' export"
        for node in nodes:
            assert graph.value(node, PROV.wasDerivedFrom) is not None, node
            assert graph.value(node, DKG.evidence) is not None, node


def test_export_every_binary_fact_has_a_statement_with_its_sentence(graph):
    stated = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        evidence = graph.value(st, DKG.evidence)
        article = graph.value(st, PROV.wasDerivedFrom)
        assert evidence and article
        stated.add((graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object)))
    sourced = {n for cls in NODES_WITH_PROVENANCE for n in graph.subjects(RDF.type, DKG[cls])}
    for p in FACTS:
        for s, o in graph.subject_objects(DKG[p]):
            # a fact about an event, agreement, relationship or observation has that node's provenance
            assert s in sourced or (s, DKG[p], o) in stated, f"{s} {p} {o} has no statement node"


def test_export_evidence_is_a_sentence_of_the_article(graph):
    # or its dateline, which credits the agency that filed it ("BAKU, April 21 (Xinhua)")
    from kg.read.readers import read_article

    sentences = {}
    for f in SEEDS.glob("*.txt"):
        art = read_article(f)
        sentences[f"https://w3id.org/diplokg/id/article-{art.id}"] = {s.text for s in art.sentences} | {art.dateline}
        assert art.dateline is None or art.dateline in f.read_text(encoding="utf-8")
    for node in set(graph.subjects(DKG.evidence, None)):
        articles = [str(a) for a in graph.objects(node, PROV.wasDerivedFrom)]
        for ev in graph.objects(node, DKG.evidence):
            assert any(str(ev) in sentences[a] for a in articles), (node, ev)


def test_export_each_resource_has_exactly_one_label(graph):
    for s in set(graph.subjects(RDF.type, None)):
        if (s, RDF.type, RDF.Statement) in graph or (s, RDF.type, rdflib.OWL.Ontology) in graph:
            continue
        assert len(list(graph.objects(s, rdflib.RDFS.label))) == 1, s


def test_export_iris_are_readable_slugs(graph):
    assert (URIRef("https://w3id.org/diplokg/id/ilham-aliyev"), RDF.type, DKG.Person) in graph
    assert (URIRef("https://w3id.org/diplokg/id/azerbaijan"), RDF.type, DKG.Country) in graph
    for s in set(graph.subjects()):
        assert re.fullmatch(r"https://w3id\.org/diplokg/id/[a-z0-9-]+|https://w3id\.org/diplokg/ontology#\w+", str(s)), s


def test_export_html_works_offline(seeds_build):
    out, _ = seeds_build
    html = (out / "graph.html").read_text()
    assert "vis-network" in html or "vis.Network" in html
    external = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["']https?://[^"']+""", html)
    assert external == [], external
    assert "new vis.Network" in html


def test_export_base_iri_changes_the_resource_namespace(tmp_path):
    from kg.api import build

    result = build([SEEDS / "002_f2ac28b3f73fc063.txt"], tmp_path, formats=("ttl",), base="https://example.org/kg/")
    text = (tmp_path / "graph.ttl").read_text()
    assert "@prefix dkgr: <https://example.org/kg/> ." in text
    assert "w3id.org/diplokg/id/" not in text
    assert result.triples


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_export_files_follow_the_users_umask(tmp_path, mask, mode):
    # issue 12: written atomically, yet readable by a colleague as any file the user writes
    import os

    from kg.api import build

    old = os.umask(mask)
    try:
        result = build([SEEDS / "002_f2ac28b3f73fc063.txt"], tmp_path / "out", formats=("ttl", "html"))
    finally:
        os.umask(old)
    assert len(result.outputs) == 3
    for path in result.outputs:
        assert path.stat().st_mode & 0o777 == mode, path
