"""ontology/diplokg.ttl, ontology/shapes.ttl and the generated kg/vocab.py keep the contract.

The contract is ONTOLOGY.md in the shared folder beside the project: every term it names must
be in the ontology, the ontology must stay within OWL 2 DL, kg/vocab.py must match it, and the
code may only name terms that exist.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Set

import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.generate import gen_vocab
from kg.vocab import DKG, DKGR, ONTOLOGY_IRI, PREFIXES

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "diplokg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CONTRACT = ROOT.parent / "shared" / "ONTOLOGY.md"
PACKAGE = ROOT / "kg"

NS = "https://w3id.org/diplokg/ontology#"
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")   # rdflib's XSD warns when pytest probes it

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
         RDFS.Datatype, OWL.NamedIndividual)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
# Vocabulary that OWL 2 builds in: needs no declaration.
BUILT_IN = (str(RDF), str(RDFS), str(OWL))
BUILT_IN_DATATYPES = {XSD.string, XSD.decimal, RDFS.Literal}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _kinds(g: Graph) -> Dict[URIRef, Set[URIRef]]:
    """IRI -> the OWL kinds it is declared as."""
    out: Dict[URIRef, Set[URIRef]] = defaultdict(set)
    for kind in KINDS:
        for s in g.subjects(RDF.type, kind):
            if isinstance(s, URIRef):
                out[s].add(kind)
    return out


def _dkg_terms(g: Graph) -> Set[str]:
    """Local names of every dkg: IRI the ontology gives a type."""
    return {str(s)[len(NS):] for s in g.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(NS)}


def _dkg_of(g: Graph, kind: URIRef) -> List[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(NS))


# --- parsing ----------------------------------------------------------------------------------

def test_ontology_parses_in_rdflib_and_pyoxigraph(onto):
    quads = list(pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(onto) > 500
    assert len(quads) == len(onto)
    assert (URIRef(str(ONTOLOGY_IRI)), RDF.type, OWL.Ontology) in onto


def test_ontology_header(onto):
    iri = URIRef(str(ONTOLOGY_IRI))
    assert onto.value(iri, OWL.versionInfo) is not None
    assert onto.value(iri, DCTERMS.license) is not None
    assert onto.value(iri, RDFS.label) is not None
    assert list(onto.objects(iri, OWL.imports)) == []


def test_shapes_parse_in_rdflib_and_pyoxigraph(shapes):
    quads = list(pyoxigraph.parse(path=str(SHAPES), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(shapes) > 0
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


# --- the contract: every term of ONTOLOGY.md ---------------------------------------------------

def contract_terms(markdown: str) -> Dict[str, Set[str]]:
    """The terms ONTOLOGY.md names: ``dkg`` local names in its tables and concept schemes,
    and ``other`` prefixed names in the first column of its property table."""
    dkg: Set[str] = set()
    other: Set[str] = set()
    for line in markdown.splitlines():
        if not line.startswith("|") or re.fullmatch(r"\|[\s|:-]+\|?", line.strip()):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        dkg.update(re.findall(r"`dkg:([A-Za-z][A-Za-z0-9_]*)`", line))
        for name in re.findall(r"`([a-z]+):([A-Za-z][A-Za-z0-9_]*)`", cells[0]):
            if name[0] not in ("dkg", "dkgr"):
                other.add(":".join(name))
    schemes = re.search(r"^## Concept schemes$(.*?)(?=^## )", markdown, re.S | re.M)
    if schemes:
        dkg.update(re.findall(r"`dkg:([A-Za-z][A-Za-z0-9_]*)`", schemes.group(1)))
    return {"dkg": dkg, "other": other}


def missing_terms(markdown: str, g: Graph) -> List[str]:
    """Terms of the contract that the ontology does not declare."""
    terms = contract_terms(markdown)
    declared = _kinds(g)
    out = [f"dkg:{t}" for t in sorted(terms["dkg"] - _dkg_terms(g))]
    for name in sorted(terms["other"]):
        prefix, local = name.split(":")
        iri = URIRef(PREFIXES[prefix] + local) if prefix in PREFIXES else None
        if iri is None or not declared.get(iri, set()) & set(PROPERTY_KINDS):
            out.append(name)
    return out


@pytest.fixture(scope="module")
def contract() -> str:
    if not CONTRACT.is_file():
        pytest.skip(f"the vocabulary contract {CONTRACT} is absent (it lives in shared/, beside the project)")
    return CONTRACT.read_text(encoding="utf-8")


def test_ontology_has_every_term_of_the_contract(contract, onto):
    terms = contract_terms(contract)
    # A contract the parser cannot read would pass vacuously: make sure it read the tables.
    assert {"Person", "StateVisit", "holdsPosition", "dateline", "TradeVolume", "DisapprovalRate"} <= terms["dkg"]
    assert {"rdfs:label", "skos:altLabel", "dcterms:title", "dcterms:source"} <= terms["other"]
    missing = missing_terms(contract, onto)
    assert not missing, f"ONTOLOGY.md names terms that ontology/diplokg.ttl lacks: {missing}"


def test_ontology_contract_check_catches_a_missing_term(onto):
    markdown = ("## Classes\n\n| class | what |\n|---|---|\n| `dkg:Person` | a person |\n"
                "| `dkg:Spaceship` | not in the ontology |\n\n## Properties\n\n| property | note |\n"
                "|---|---|\n| `dcterms:nope` | not declared |\n| `dkg:partOf` | |\n")
    assert missing_terms(markdown, onto) == ["dkg:Spaceship", "dcterms:nope"]


def test_ontology_has_every_measure_and_relationship_type_of_the_contract(contract, onto):
    section = re.search(r"^## Concept schemes$(.*?)(?=^## )", contract, re.S | re.M).group(1)
    measures = set(re.findall(r"`dkg:(\w+)`", section[section.index("**Measures**"):]))
    in_scheme = {str(c)[len(NS):] for c in onto.subjects(SKOS.inScheme, DKG.Measure)}
    assert len(measures) >= 40
    assert measures <= in_scheme, sorted(measures - in_scheme)
    types = {str(c)[len(NS):] for c in onto.subjects(SKOS.inScheme, DKG.RelationshipType)}
    assert {"DiplomaticRelations", "StrategicPartnership", "ComprehensiveStrategicPartnership", "Partnership",
            "ComprehensiveStrategicCooperativePartnership", "AllWeatherStrategicCooperativePartnership",
            "SpecialAndPrivilegedStrategicPartnership", "StrategicCooperativePartnership",
            "ComprehensivePartnership"} <= types


# --- labels, comments, domains, ranges --------------------------------------------------------

def test_ontology_classes_and_properties_have_one_label_and_one_comment(onto):
    problems = []
    for kind in (OWL.Class, *PROPERTY_KINDS):
        for term in _dkg_of(onto, kind):
            labels = list(onto.objects(term, RDFS.label))
            comments = list(onto.objects(term, RDFS.comment))
            if len(labels) != 1 or labels[0].language != "en":
                problems.append(f"{term}: {len(labels)} rdfs:label (want one @en)")
            if len(comments) != 1 or comments[0].language != "en" or len(str(comments[0])) < 10:
                problems.append(f"{term}: {len(comments)} rdfs:comment (want one @en)")
    assert not problems, "\n".join(problems)


def test_ontology_properties_have_one_domain_and_one_range(onto):
    problems = []
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in _dkg_of(onto, kind):
            for p in (RDFS.domain, RDFS.range):
                n = len(list(onto.objects(term, p)))
                if n != 1:
                    problems.append(f"{term}: {n} {p}")
    assert not problems, "\n".join(problems)


DATATYPES = {"role": XSD.string, "status": XSD.string, "unit": XSD.string, "period": XSD.string,
             "evidence": XSD.string, "value": XSD.decimal}


@pytest.mark.parametrize("name, datatype", sorted(DATATYPES.items()))
def test_ontology_plain_datatype_properties(onto, name, datatype):
    assert (DKG[name], RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(DKG[name], RDFS.range) == datatype


@pytest.mark.parametrize("name", ["date", "startDate", "endDate"])
def test_ontology_dates_range_over_day_month_or_year(onto, name):
    assert (DKG[name], RDF.type, OWL.DatatypeProperty) in onto
    rng = onto.value(DKG[name], RDFS.range)
    assert (rng, RDF.type, RDFS.Datatype) in onto
    assert set(Collection(onto, onto.value(rng, OWL.unionOf))) == {XSD.date, XSD.gYearMonth, XSD.gYear}


OBJECT_RANGES = {
    "holdsPosition": {DKG.Position}, "positionIn": {DKG.Country, DKG.Institution},
    "memberOf": {DKG.Institution}, "locatedIn": {DKG.Country}, "supports": {OWL.Thing},
    "opposes": {OWL.Thing}, "participatesIn": {DKG.Initiative}, "participant": {DKG.Actor},
    "visitor": {DKG.Actor}, "host": {DKG.Actor}, "location": {DKG.Place, DKG.Country},
    "outcome": {DKG.Agreement, DKG.Relationship}, "party": {DKG.Actor}, "signatory": {DKG.Person},
    "topic": {DKG.Topic}, "relationshipType": {SKOS.Concept}, "establishedBy": {DKG.Agreement, DKG.Event},
    "measure": {SKOS.Concept}, "about": {DKG.Actor}, "reportedBy": {DKG.Actor}, "dateline": {DKG.Place},
    "partOf": {DKG.Country, DKG.Institution, DKG.Event},
}


def _classes(g: Graph, node) -> Set:
    """A class, or the members of an owl:unionOf."""
    union = g.value(node, OWL.unionOf)
    return set(Collection(g, union)) if union is not None else {node}


@pytest.mark.parametrize("name, expected", sorted(OBJECT_RANGES.items()))
def test_ontology_object_property_ranges(onto, name, expected):
    assert (DKG[name], RDF.type, OWL.ObjectProperty) in onto
    assert _classes(onto, onto.value(DKG[name], RDFS.range)) == expected


ALIGNMENTS = {
    "Actor": {PROV.Agent}, "Person": {DKG.Actor, FOAF.Person, SCHEMA.Person},
    "Country": {DKG.Actor, SCHEMA.Country}, "Institution": {DKG.Actor, ORG.Organization},
    "Position": {ORG.Post}, "Place": {SCHEMA.Place}, "Agreement": {SCHEMA.CreativeWork},
    "Event": {SCHEMA.Event}, "StateVisit": {DKG.Event}, "Meeting": {DKG.Event},
    "Conference": {DKG.Event}, "Observation": {SCHEMA.Observation}, "Topic": {SKOS.Concept},
    "Article": {SCHEMA.NewsArticle},
}


@pytest.mark.parametrize("name, parents", sorted(ALIGNMENTS.items()))
def test_ontology_class_alignments(onto, name, parents):
    assert (DKG[name], RDF.type, OWL.Class) in onto
    found = set(onto.objects(DKG[name], RDFS.subClassOf)) | set(onto.objects(DKG[name], OWL.equivalentClass))
    assert parents <= found


# --- OWL 2 DL hygiene -------------------------------------------------------------------------

def test_ontology_no_iri_is_two_kinds_of_entity(onto):
    twice = {str(iri): sorted(str(k) for k in kinds) for iri, kinds in _kinds(onto).items() if len(kinds) > 1}
    assert not twice, twice


def test_ontology_every_used_term_is_declared(onto):
    """What OWL 2 DL asks of a file: every property, class and datatype it uses is declared."""
    kinds = _kinds(onto)
    problems = []

    def want(iri, allowed, why):
        if isinstance(iri, URIRef) and not str(iri).startswith(BUILT_IN) \
                and iri not in BUILT_IN_DATATYPES and not kinds.get(iri, set()) & set(allowed):
            problems.append(f"{iri}: used as {why} but not declared")

    for s, p, o in onto:
        want(p, PROPERTY_KINDS, "a property")
        if p == RDF.type and o not in KINDS:
            want(o, (OWL.Class,), "a class")
        if p in (RDFS.subClassOf, OWL.equivalentClass):
            want(o, (OWL.Class,), "a class")
        if p in (RDFS.domain, RDFS.range) and (s, RDF.type, OWL.ObjectProperty) in onto:
            for c in _classes(onto, o):
                want(c, (OWL.Class,), "a class")
        if p == RDFS.range and (s, RDF.type, OWL.DatatypeProperty) in onto:
            for d in _classes(onto, o):
                want(d, (RDFS.Datatype,), "a datatype")
        if p == RDFS.subPropertyOf:
            want(o, PROPERTY_KINDS, "a property")
    assert not problems, "\n".join(sorted(set(problems)))


def test_ontology_annotation_values_fit_their_kind(onto):
    """An object property links individuals, a datatype property gives literals."""
    problems = []
    for p in onto.subjects(RDF.type, OWL.ObjectProperty):
        problems += [f"{s} {p} {o!r}" for s, o in onto.subject_objects(p) if isinstance(o, Literal)]
    for p in onto.subjects(RDF.type, OWL.DatatypeProperty):
        problems += [f"{s} {p} {o}" for s, o in onto.subject_objects(p) if not isinstance(o, Literal)]
    assert not problems, problems


# --- SKOS concepts ----------------------------------------------------------------------------

def test_ontology_concepts_have_a_label_a_scheme_and_a_definition(onto):
    schemes = set(onto.subjects(RDF.type, SKOS.ConceptScheme))
    assert {DKG.RelationshipType, DKG.Measure} <= schemes
    concepts = _dkg_of(onto, SKOS.Concept)
    assert len(concepts) >= 49
    problems = []
    for c in concepts:
        labels = list(onto.objects(c, SKOS.prefLabel))
        if len(labels) != 1 or labels[0].language != "en":
            problems.append(f"{c}: {len(labels)} skos:prefLabel (want one @en)")
        in_scheme = set(onto.objects(c, SKOS.inScheme))
        if not in_scheme or not in_scheme <= schemes:
            problems.append(f"{c}: skos:inScheme {sorted(in_scheme)} is not a concept scheme of the ontology")
        if onto.value(c, SKOS.definition) is None:
            problems.append(f"{c}: no skos:definition")
        if (c, RDF.type, OWL.NamedIndividual) not in onto:
            problems.append(f"{c}: not an owl:NamedIndividual")
        for b in onto.objects(c, SKOS.broader):
            if (b, RDF.type, SKOS.Concept) not in onto or not set(onto.objects(b, SKOS.inScheme)) & in_scheme:
                problems.append(f"{c}: skos:broader {b} is not a concept of the same scheme")
        if onto.value(c, SKOS.broader) is None and onto.value(c, SKOS.topConceptOf) is None:
            problems.append(f"{c}: neither skos:broader nor skos:topConceptOf")
    for s in schemes:
        if (s, RDF.type, OWL.NamedIndividual) not in onto:
            problems.append(f"{s}: not an owl:NamedIndividual")
    assert not problems, "\n".join(problems)


def test_ontology_relationship_types_reach_a_top_concept(onto):
    for c in onto.subjects(SKOS.inScheme, DKG.RelationshipType):
        seen = [c]
        while onto.value(seen[-1], SKOS.broader) is not None:
            seen.append(onto.value(seen[-1], SKOS.broader))
            assert len(seen) < 10, f"skos:broader cycle at {c}"
        assert onto.value(seen[-1], SKOS.topConceptOf) == DKG.RelationshipType, seen


# --- OWL API's own OWL 2 DL profile check, where Java and the OWL API are installed -----------

OWLAPI_JAR = Path("/usr/share/java/owlapi-distribution.jar")   # Debian: apt-get install libowlapi-java
DL_CHECK = r"""
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
        RDFParserMetaData md = (RDFParserMetaData) ((RDFDocumentFormat) m.getOntologyFormat(o))
            .getOntologyLoaderMetaData().get();
        md.getUnparsedTriples().forEach(t -> System.out.println("unparsed triple: " + t));
        md.getGuessedDeclarations().asMap().forEach((k, v) -> System.out.println("guessed declaration: " + k));
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(o).getViolations())
            System.out.println("OWL 2 DL violation: " + v);
        System.out.println("checked " + o.getAxiomCount() + " axioms");
    }
}
"""


@pytest.mark.skipif(not (OWLAPI_JAR.is_file() and shutil.which("javac") and shutil.which("java")),
                    reason="needs javac and the OWL API (Debian package libowlapi-java)")
def test_ontology_is_owl2_dl_according_to_the_owl_api(tmp_path):
    (tmp_path / "DLCheck.java").write_text(DL_CHECK)
    classpath = f"{OWLAPI_JAR.parent}/*"
    subprocess.run(["javac", "-cp", classpath, "DLCheck.java"], cwd=tmp_path, check=True,
                   capture_output=True, timeout=300)
    run = subprocess.run(["java", "-cp", f"{classpath}:.", "DLCheck", str(ONTOLOGY)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    assert lines and lines[-1].startswith("checked "), run.stdout
    assert lines[:-1] == [], "\n".join(lines)


# --- kg/vocab.py ------------------------------------------------------------------------------

def test_vocab_is_generated_from_the_ontology():
    run = subprocess.run([sys.executable, "-m", "kg.generate.gen_vocab", "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_vocab_check_fails_when_out_of_date(tmp_path):
    stale = tmp_path / "vocab.py"
    stale.write_text((PACKAGE / "vocab.py").read_text(encoding="utf-8").replace("    Person: URIRef", "    Persn: URIRef"))
    assert gen_vocab.main(["--check", "--out", str(stale)]) == 1
    assert gen_vocab.main(["--out", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == (PACKAGE / "vocab.py").read_text(encoding="utf-8")
    assert gen_vocab.main(["--check", "--out", str(stale)]) == 0


def test_vocab_names_exactly_the_ontology_terms(onto):
    assert set(DKG.__annotations__) == _dkg_terms(onto)
    source = (PACKAGE / "vocab.py").read_text(encoding="utf-8")
    assert "Generated from ontology/diplokg.ttl by kg.generate.gen_vocab; do not edit" in source


@pytest.mark.parametrize("name", ["NoSuchTerm", "Persn", "person"])
def test_vocab_unknown_term_raises_attribute_error(name):
    with pytest.raises(AttributeError):
        getattr(DKG, name)
    with pytest.raises(AttributeError):
        DKG[name]


def test_vocab_constants():
    assert DKG.Person == URIRef(NS + "Person")
    assert DKG["holdsPosition"] == URIRef(NS + "holdsPosition")
    assert str(DKG) == NS
    assert DKGR["azerbaijan"] == URIRef("https://w3id.org/diplokg/id/azerbaijan")
    assert ONTOLOGY_IRI == URIRef("https://w3id.org/diplokg/ontology")
    assert list(PREFIXES) == ["dkg", "dkgr", "rdf", "rdfs", "skos", "owl", "xsd", "prov", "dcterms"]
    assert PREFIXES["dkg"] == NS and PREFIXES["dkgr"] == str(DKGR)
    assert PREFIXES["xsd"] == str(XSD) and PREFIXES["prov"] == str(PROV) and PREFIXES["dcterms"] == str(DCTERMS)


# --- the code names only terms that exist -----------------------------------------------------

_ATTR = re.compile(r"\bDKG\.([A-Za-z_][A-Za-z0-9_]*)")
_ITEM = re.compile(r"\bDKG\[\s*[\"']([^\"']+)[\"']\s*\]")


def dkg_names_in(source: str) -> Set[str]:
    """The names a source file takes from DKG by attribute or by a literal key."""
    names = set(_ATTR.findall(source)) | set(_ITEM.findall(source))
    return {n for n in names if not n.startswith("_")}


def test_vocab_scanner_finds_attribute_and_item_uses():
    assert dkg_names_in('x = DKG.Person; y = DKG["holdsPosition"]; z = DKG[\'Foo\']; DKGR.x; DKG[p]; DKG._NS') \
        == {"Person", "holdsPosition", "Foo"}


def test_code_uses_only_ontology_terms(onto):
    terms = _dkg_terms(onto)
    unknown = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "vocab.py" and path.parent == PACKAGE:
            continue
        for name in sorted(dkg_names_in(path.read_text(encoding="utf-8")) - terms):
            unknown.append(f"{path.relative_to(ROOT)}: DKG.{name}")
    assert not unknown, "not in ontology/diplokg.ttl:\n" + "\n".join(unknown)


# --- SHACL shapes -----------------------------------------------------------------------------

HEAD = """
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix dkgr: <https://w3id.org/diplokg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
ARTICLE = """
dkgr:article-1 a dkg:Article ; rdfs:label "Ghana, Peru sign trade pact"@en ;
    dcterms:title "Ghana, Peru sign trade pact"@en ; dcterms:source "gh-pe.txt" .
dkgr:ghana a dkg:Country , dkg:Actor ; rdfs:label "Ghana"@en ; skos:altLabel "Ghanaian"@en .
dkgr:peru a dkg:Country , dkg:Actor ; rdfs:label "Peru"@en .
dkgr:trade a dkg:Topic ; rdfs:label "trade"@en .
"""
SENTENCE = "Ghana and Peru signed a trade agreement in Accra on May 6, 2024."
GOOD = HEAD + ARTICLE + f"""
dkgr:meeting-2024-05-06-ghana-peru a dkg:Meeting , dkg:Event ;
    rdfs:label "Meeting of Ghana and Peru, 2024-05-06"@en ;
    dkg:date "2024-05-06"^^xsd:date ; dkg:participant dkgr:ghana , dkgr:peru ;
    dkg:outcome dkgr:trade-agreement ;
    prov:wasDerivedFrom dkgr:article-1 ;  # meeting source
    dkg:evidence "{SENTENCE}" .  # meeting sentence
dkgr:trade-agreement a dkg:Agreement ; rdfs:label "Trade agreement between Ghana and Peru"@en ;
    dkg:party dkgr:ghana , dkgr:peru ; dkg:status "signed" ; dkg:date "2024-05"^^xsd:gYearMonth ;
    dkg:topic dkgr:trade ;
    prov:wasDerivedFrom dkgr:article-1 ;  # agreement source
    dkg:evidence "{SENTENCE}" .  # agreement sentence
dkgr:relationship-strategicpartnership-ghana-peru a dkg:Relationship ;
    rdfs:label "Strategic partnership between Ghana and Peru"@en ;
    dkg:relationshipType dkg:StrategicPartnership ; dkg:party dkgr:ghana , dkgr:peru ;
    dkg:startDate "2019"^^xsd:gYear ;
    prov:wasDerivedFrom dkgr:article-1 ;  # relationship source
    dkg:evidence "{SENTENCE}" .  # relationship sentence
dkgr:obs-tradevolume-2023 a dkg:Observation ; rdfs:label "Trade volume (Ghana and Peru) 2023: 480000000 USD"@en ;
    dkg:measure dkg:TradeVolume ; dkg:value "480000000"^^xsd:decimal ; dkg:unit "USD" ; dkg:period "2023" ;
    dkg:about dkgr:ghana , dkgr:peru ;
    prov:wasDerivedFrom dkgr:article-1 ;  # observation source
    dkg:evidence "{SENTENCE}" .  # observation sentence
dkgr:ghana dkg:supports dkgr:peru .
dkgr:stmt-1 a rdf:Statement ; rdf:subject dkgr:ghana ; rdf:predicate dkg:supports ; rdf:object dkgr:peru ;
    prov:wasDerivedFrom dkgr:article-1 ;  # statement source
    dkg:evidence "{SENTENCE}" .  # statement sentence
"""


def _violations(turtle: str, shapes_graph: Graph) -> List[str]:
    """The sh:resultMessage of every violation, sorted."""
    import pyshacl

    data = Graph().parse(data=turtle, format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none")
    messages = sorted(str(report.value(r, SH.resultMessage)) for r in report.objects(None, SH.result)
                      if report.value(r, SH.resultSeverity) == SH.Violation)
    assert conforms == (not messages)
    return messages


def test_shapes_good_graph_conforms(shapes):
    assert _violations(GOOD, shapes) == []


def test_shapes_bad_graph_gives_violations(shapes):
    bad = HEAD + ARTICLE + """
dkgr:visit a dkg:StateVisit , dkg:Event ; rdfs:label "Visit"@en , "State visit"@en ;
    dkg:date "May 2024"^^xsd:string .
"""
    messages = _violations(bad, shapes)
    assert any("prov:wasDerivedFrom" in m for m in messages), messages
    assert any("dkg:evidence" in m for m in messages), messages
    assert any("dkg:date" in m for m in messages), messages
    assert any("exactly one rdfs:label" in m for m in messages), messages


def _drop(part: str, replacement: str = "") -> str:
    """GOOD with one piece replaced."""
    assert GOOD.count(part) == 1, part
    return GOOD.replace(part, replacement)


def _unsourced(node: str) -> str:
    """GOOD without the prov:wasDerivedFrom of one node (marked by a comment in GOOD)."""
    return _drop(f"prov:wasDerivedFrom dkgr:article-1 ;  # {node} source")


def _unevidenced(node: str) -> str:
    """GOOD without the dkg:evidence of one node (marked by a comment in GOOD)."""
    line = next(x for x in GOOD.splitlines() if x.endswith(f"# {node} sentence"))
    return _drop(line, "    .")   # Turtle allows the ";" left before it


BAD_CASES = [
    # (what is wrong, the bad graph, words of the message expected)
    *[(f"{node} without article", _unsourced(node), "prov:wasDerivedFrom")
      for node in ("meeting", "agreement", "relationship", "observation", "statement")],
    *[(f"{node} without sentence", _unevidenced(node), "dkg:evidence")
      for node in ("meeting", "agreement", "relationship", "observation", "statement")],
    ("meeting typed only Meeting, without sentence",
     _unevidenced("meeting").replace("a dkg:Meeting , dkg:Event ;", "a dkg:Meeting ;"), "dkg:evidence"),
    ("source is not an Article", _drop("dkgr:article-1 a dkg:Article ;", "dkgr:article-1 a dkg:Place ;"),
     "prov:wasDerivedFrom"),
    ("date typed as a string", _drop('"2024-05-06"^^xsd:date', '"2024-05-06"'), "dkg:date"),
    ("impossible day", _drop('"2024-05-06"^^xsd:date', '"2024-02-30"^^xsd:date'), "dkg:date"),
    ("impossible month", _drop('"2024-05"^^xsd:gYearMonth', '"2024-13"^^xsd:gYearMonth'), "dkg:date"),
    ("year that is not a number", _drop('"2019"^^xsd:gYear', '"20x9"^^xsd:gYear'), "dkg:startDate"),
    ("start date with a time", _drop('"2019"^^xsd:gYear', '"2019-01-01T00:00:00"^^xsd:dateTime'), "dkg:startDate"),
    ("two labels", _drop('rdfs:label "Peru"@en', 'rdfs:label "Peru"@en , "Republic of Peru"@en'), "exactly one rdfs:label"),
    ("no label", _drop('rdfs:label "trade"@en', 'skos:altLabel "trade"@en'), "exactly one rdfs:label"),
    ("label without language", _drop('rdfs:label "Peru"@en', 'rdfs:label "Peru"'), "English"),
    ("value typed integer", _drop('"480000000"^^xsd:decimal', '"480000000"^^xsd:integer'), "xsd:decimal"),
    ("observation without measure", _drop("dkg:measure dkg:TradeVolume ;"), "dkg:measure"),
    ("observation with two values", _drop('dkg:unit "USD" ;', 'dkg:value "1"^^xsd:decimal ;'), "exactly one dkg:value"),
    ("statement without predicate", _drop("rdf:predicate dkg:supports ;"), "rdf:predicate"),
    ("article without title", _drop('dcterms:title "Ghana, Peru sign trade pact"@en ;'), "dcterms:title"),
]


@pytest.mark.parametrize("bad, expected", [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES])
def test_shapes_catch(shapes, bad, expected):
    messages = _violations(bad, shapes)
    # Each case breaks one thing, so every violation is about it.
    assert messages and all(expected in m for m in messages), messages


def test_shapes_every_message_is_one_english_line(shapes):
    messages = list(shapes.objects(None, SH.message))
    assert len(messages) >= 10
    for m in messages:
        assert isinstance(m, Literal) and m.language == "en" and "\n" not in m and len(m) < 160, m


def test_shapes_target_every_class_explicitly(shapes, onto):
    """Validation runs without inference: a subclass must be a target of its own."""
    targets = set(shapes.objects(None, SH.targetClass))
    classes = set(_dkg_of(onto, OWL.Class))
    assert classes <= targets, sorted(classes - targets)
    assert targets - {RDF.Statement} <= classes, sorted(targets - classes)
