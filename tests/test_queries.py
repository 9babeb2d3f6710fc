"""kg.tools.queries and ontology/queries/*.rq: the analyst's eight questions, asked of the seeds' export.

The expected rows were checked by hand against seeds/*.txt (and the gold files in
../shared/gold); the extractor may add rows, so the tests assert that the hand-checked rows
are there (and, where the articles rule it out, that wrong rows are not). A second, small
hand-written graph exercises what the seeds do not have yet: dkg:outcome links, conflicting
figures, memberships through dkg:partOf, and exact article counts.
"""
from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Dict, List

import pyoxigraph as ox
import pytest

import kg.tools.queries as queries_module
from kg.errors import DataError, UsageError
from kg.tools.inspect import run_query
from kg.tools.queries import (NamedQuery, bind, describe, get_query, list_queries, load_query, parse_params,
                        queries_dir, sparql_string)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES_FOLDER = ROOT / "ontology" / "queries"
NAMES = {"positions", "relations-timeline", "visit-agreements", "meetings", "stances", "figures",
         "provenance", "shared-memberships"}
SEED_FILES = {p.name for p in SEEDS.glob("*.txt")}
MALICIOUS = 'x" } DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory) -> Path:
    """The Turtle export of the five seed articles, built once."""
    from kg.api import build

    out = tmp_path_factory.mktemp("queries-seeds")
    result = build([SEEDS], out, formats=("ttl",))
    graph = out / "graph.ttl"
    assert graph in result.outputs and graph.stat().st_size > 0
    return graph


# A hand-made graph with the shapes the seeds lack; every count below is known exactly.
TOY = """\
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix ex: <https://example.org/id/> .

ex:a1 a dkg:Article ; dcterms:title "Talks in Fredville"@en ; dcterms:date "2030-05-02"^^xsd:date ;
    dcterms:source "a1.txt" ; dcterms:publisher "Agency One" .
ex:a2 a dkg:Article ; dcterms:title "Second report"@en ; dcterms:source "a2.txt" .

ex:ruritania a dkg:Actor , dkg:Country ; rdfs:label "Ruritania"@en ; skos:altLabel "Ruritanian"@en ;
    dkg:memberOf ex:council ; dkg:supports ex:plan ; dkg:opposes ex:tariffs .
ex:freedonia a dkg:Actor , dkg:Country ; rdfs:label "Freedonia"@en ; dkg:memberOf ex:union , ex:league .
ex:grand-fenwick a dkg:Actor , dkg:Country ; rdfs:label "Grand Fenwick"@en ; dkg:memberOf ex:league .
ex:council a dkg:Actor , dkg:Institution ; rdfs:label "Council of the Union"@en ; dkg:partOf ex:union .
ex:union a dkg:Actor , dkg:Institution ; rdfs:label "Union of Nations"@en .
ex:league a dkg:Actor , dkg:Institution ; rdfs:label "League of Small States"@en .
ex:plan a dkg:Initiative ; rdfs:label "Harbour Plan"@en .
ex:tariffs a dkg:Topic ; rdfs:label "tariffs"@en .
ex:fredville a dkg:Place ; rdfs:label "Fredville"@en ; dkg:locatedIn ex:freedonia .

ex:rudolf a dkg:Actor , dkg:Person ; rdfs:label "Rudolf V"@en ; skos:altLabel "Rudolf"@en ;
    dkg:holdsPosition ex:king-of-ruritania .
ex:firefly a dkg:Actor , dkg:Person ; rdfs:label "Rufus Firefly"@en ; dkg:holdsPosition ex:president-of-freedonia .
ex:adviser a dkg:Actor , dkg:Person ; rdfs:label "Court Adviser"@en ; dkg:holdsPosition ex:adviser-post .
ex:adviser-post a dkg:Position ; rdfs:label "Adviser to the Court"@en .
ex:king-of-ruritania a dkg:Position ; rdfs:label "King of Ruritania"@en ; dkg:positionIn ex:ruritania ; dkg:role "King" .
ex:president-of-freedonia a dkg:Position ; rdfs:label "President of Freedonia"@en ;
    dkg:positionIn ex:freedonia ; dkg:role "President" .

ex:s1 a rdf:Statement ; rdf:subject ex:rudolf ; rdf:predicate dkg:holdsPosition ; rdf:object ex:king-of-ruritania ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "King Rudolf V of Ruritania arrived." .
ex:s2 a rdf:Statement ; rdf:subject ex:rudolf ; rdf:predicate dkg:holdsPosition ; rdf:object ex:king-of-ruritania ;
    prov:wasDerivedFrom ex:a2 ; dkg:evidence "Ruritania's King Rudolf V left." .
ex:s3 a rdf:Statement ; rdf:subject ex:ruritania ; rdf:predicate dkg:supports ; rdf:object ex:plan ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Ruritania backs the Harbour Plan." .
ex:s4 a rdf:Statement ; rdf:subject ex:ruritania ; rdf:predicate dkg:supports ; rdf:object ex:plan ;
    prov:wasDerivedFrom ex:a2 ; dkg:evidence "The Harbour Plan has Ruritania's support." .
ex:s5 a rdf:Statement ; rdf:subject ex:ruritania ; rdf:predicate dkg:supports ; rdf:object ex:plan ;
    prov:wasDerivedFrom ex:a2 ; dkg:evidence "Ruritania again endorsed the plan." .
ex:s6 a rdf:Statement ; rdf:subject ex:freedonia ; rdf:predicate dkg:memberOf ; rdf:object ex:union ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Freedonia, a member of the Union of Nations." .
ex:s7 a rdf:Statement ; rdf:subject ex:ruritania ; rdf:predicate dkg:memberOf ; rdf:object ex:council ;
    prov:wasDerivedFrom ex:a2 ; dkg:evidence "Ruritania sits on the Council." .

ex:visit a dkg:Event , dkg:StateVisit ; rdfs:label "State visit of Rudolf V to Freedonia"@en ;
    dkg:visitor ex:rudolf ; dkg:host ex:freedonia ; dkg:participant ex:rudolf , ex:freedonia ;
    dkg:startDate "2030-05-01"^^xsd:date ; dkg:endDate "2030-05-03"^^xsd:date ; dkg:location ex:freedonia ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Rudolf V began a state visit to Freedonia on May 1." .
ex:talks a dkg:Event , dkg:Meeting ; rdfs:label "Talks of Rudolf V and Rufus Firefly"@en ;
    dkg:partOf ex:visit ; dkg:participant ex:rudolf , ex:firefly ; dkg:date "2030-05-02"^^xsd:date ;
    dkg:location ex:fredville ; dkg:outcome ex:treaty , ex:partnership ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Rudolf V and Rufus Firefly held talks in Fredville." .
ex:summit a dkg:Event , dkg:Conference ; rdfs:label "Fenwick summit"@en ; dkg:date "2030-05-02"^^xsd:date ;
    dkg:location ex:fenwick-town ; dkg:outcome ex:fenwick-pact ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "A summit in Fenwick Town closed." .
ex:fenwick-town a dkg:Place ; rdfs:label "Fenwick Town"@en ; dkg:locatedIn ex:grand-fenwick .
ex:ministers a dkg:Event , dkg:Meeting ; rdfs:label "Meeting of the foreign ministers"@en ;
    dkg:date "2030-05-02"^^xsd:date ; dkg:location ex:fredville ; dkg:outcome ex:visa-deal ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "The foreign ministers also met in Fredville and signed a visa deal." .
ex:visa-deal a dkg:Agreement ; rdfs:label "Visa Deal"@en ; dkg:status "signed" ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "The foreign ministers also met in Fredville and signed a visa deal." .

ex:treaty a dkg:Agreement ; rdfs:label "Treaty of Friendship"@en ; dkg:status "signed" ;
    dkg:party ex:ruritania , ex:freedonia ; dkg:signatory ex:rudolf , ex:firefly ; dkg:topic ex:trade ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "They signed a Treaty of Friendship." .
ex:trade a dkg:Topic ; rdfs:label "trade"@en .
ex:memo a dkg:Agreement ; rdfs:label "Memorandum on Ports"@en ; dkg:status "signed" ; dkg:date "2030-05-02"^^xsd:date ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "A memorandum on ports was signed on Thursday." .
ex:rivers a dkg:Agreement ; rdfs:label "Pact on Rivers"@en ; dkg:status "under negotiation" ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "A pact on rivers is being negotiated." .
ex:old-accord a dkg:Agreement ; rdfs:label "Old Accord"@en ; dkg:status "signed" ; dkg:date "2001"^^xsd:gYear ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "The Old Accord of 2001 set the border." .
ex:fenwick-pact a dkg:Agreement ; rdfs:label "Fenwick Pact"@en ; dkg:status "signed" ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "The summit adopted the Fenwick Pact." .

ex:relations a dkg:Relationship ; rdfs:label "Diplomatic relations between Freedonia and Ruritania"@en ;
    dkg:relationshipType dkg:DiplomaticRelations ; dkg:party ex:ruritania , ex:freedonia ;
    dkg:startDate "2001"^^xsd:gYear ; dkg:establishedBy ex:old-accord ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Relations date from the Old Accord of 2001." .
ex:partnership a dkg:Relationship ; rdfs:label "Strategic partnership between Freedonia and Ruritania"@en ;
    dkg:relationshipType dkg:StrategicPartnership ; dkg:party ex:ruritania , ex:freedonia ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "The talks raised ties to a strategic partnership." .

ex:o1 a dkg:Observation ; dkg:measure dkg:TradeVolume ; dkg:value 100.0 ; dkg:unit "USD" ; dkg:period "2029" ;
    dkg:about ex:ruritania , ex:freedonia ; dkg:reportedBy ex:firefly ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Trade reached 100 dollars in 2029, Firefly said." .
ex:o2 a dkg:Observation ; dkg:measure dkg:TradeVolume ; dkg:value 120 ; dkg:unit "USD" ; dkg:period "2029" ;
    dkg:about ex:freedonia , ex:ruritania ;
    prov:wasDerivedFrom ex:a2 ; dkg:evidence "Trade was 120 dollars in 2029." .
ex:o3 a dkg:Observation ; dkg:measure dkg:TradeVolume ; dkg:value 100 ; dkg:unit "USD" ; dkg:period "2029" ;
    dkg:about ex:ruritania , ex:freedonia ;
    prov:wasDerivedFrom ex:a1 ; dkg:evidence "Customs put 2029 trade at 100 dollars." .
ex:o4 a dkg:Observation ; dkg:measure dkg:TradeVolume ; dkg:value 50 ; dkg:unit "USD" ; dkg:period "2029" ;
    dkg:about ex:ruritania ; prov:wasDerivedFrom ex:a1 ; dkg:evidence "Ruritania's trade was 50 dollars." .
ex:o5 a dkg:Observation ; dkg:measure dkg:TradeGrowth ; dkg:value 5 ; dkg:unit "percent" ; dkg:period "2029" ;
    dkg:about ex:ruritania , ex:freedonia ; prov:wasDerivedFrom ex:a1 ; dkg:evidence "Trade grew 5 percent." .
"""


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("queries-toy") / "toy.ttl"
    path.write_text(TOY, encoding="utf-8")
    return path


def ask(graph: Path, name: str, **params: str) -> List[Dict[str, str]]:
    """The rows of a named query as dicts of lexical values (unbound columns left out)."""
    result = json.loads(run_query(graph, load_query(name, params), fmt="json"))
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


def column(rows: List[Dict[str, str]], key: str) -> List[str]:
    return [r.get(key, "") for r in rows]


def parts(cell: str) -> set:
    return {p.strip() for p in cell.split(";") if p.strip()}


# --- the catalogue ----------------------------------------------------------------------------

def test_list_queries_lists_all_eight_with_titles_answers_and_params():
    found = list_queries()
    assert {q.name for q in found} == NAMES
    assert [q.name for q in found] == sorted(q.name for q in found)
    for query in found:
        assert isinstance(query, NamedQuery)
        assert query.title and query.answers and query.path.is_file()
        for param in query.params:
            assert re.fullmatch(r"[a-z_]+", param.name) and param.description
    by_name = {q.name: q for q in found}
    assert by_name["figures"].defaults == {"measure": "TradeVolume"}
    assert by_name["relations-timeline"].defaults == {"country_a": "", "country_b": ""}
    assert by_name["shared-memberships"].defaults == {"country_a": "", "country_b": ""}
    assert list(by_name["provenance"].defaults) == ["subject", "predicate", "object"]
    assert "visit" in by_name["visit-agreements"].defaults


def test_every_query_file_opens_with_title_and_answers_lines():
    for path in sorted(QUERIES_FOLDER.glob("*.rq")):
        first, second = path.read_text(encoding="utf-8").splitlines()[:2]
        assert first.startswith("# title: ") and second.startswith("# answers: "), path.name


def test_describe_lists_each_query_with_its_parameters():
    text = describe()
    for query in list_queries():
        assert f"{query.name}: {query.title}" in text
        for param in query.params:
            assert f"--param {param.name}=" in text
    assert "(default TradeVolume)" in text and text.endswith("\n")


def test_every_query_runs_on_the_seeds_with_its_defaults_and_parses_in_rdflib(seeds_export):
    from rdflib.plugins.sparql import prepareQuery

    for query in list_queries():
        sparql = load_query(query.name)
        assert "{{" not in sparql
        result = json.loads(run_query(seeds_export, sparql, fmt="json"))
        assert result["head"]["vars"], query.name
        prepareQuery(sparql)  # standard SPARQL 1.1, not only pyoxigraph's dialect


def test_queries_dir_is_next_to_the_ontology_and_found_in_an_installed_layout(tmp_path, monkeypatch):
    assert queries_dir() == QUERIES_FOLDER
    installed = tmp_path / "kg" / "ontology"
    shutil.copytree(QUERIES_FOLDER, installed / "queries")
    monkeypatch.setattr(queries_module, "ontology_dir", lambda: installed)
    assert {q.name for q in list_queries()} == NAMES
    assert load_query("figures").startswith("# title: ")


def _engine_rows(rows):
    """Rows as a sorted list of tuples of lexical values; "a; b" cells sorted (GROUP_CONCAT order is free)."""
    def cell(value):
        text = "" if value is None else str(value)
        if re.fullmatch(r"-?\d+(\.\d+)?", text):  # "100.0" and "100" are one xsd:decimal
            return str(Decimal(text).normalize())
        return "; ".join(sorted(text.split("; "))) if "; " in text else text
    return sorted(tuple(cell(v) for v in row) for row in rows)


ENGINE_PARAMS = {
    "positions": {"country": "Azerbaijan"}, "relations-timeline": {"country_a": "Azerbaijan", "country_b": "China"},
    "visit-agreements": {"visit": "Ilham Aliyev"}, "meetings": {"participant": "Li Qiang"}, "stances": {},
    "figures": {"measure": ""}, "shared-memberships": {"country_a": "China", "country_b": "Azerbaijan"},
    "provenance": {"subject": "Azerbaijan", "predicate": "supports", "object": "one-China principle"},
}


@pytest.mark.parametrize("graph_name", ["toy", "seeds_export"])
def test_pyoxigraph_and_rdflib_give_the_same_rows(graph_name, request):
    """The queries are plain SPARQL 1.1: a second engine gives the same answers."""
    import rdflib

    graph_path = request.getfixturevalue(graph_name)
    graph = rdflib.Graph()
    graph.parse(graph_path)
    for query in list_queries():
        sparql = load_query(query.name, ENGINE_PARAMS[query.name] if graph_name == "seeds_export" else {})
        oxi = json.loads(run_query(graph_path, sparql, fmt="json"))
        names = oxi["head"]["vars"]
        ox_rows = [[b.get(n, {}).get("value") for n in names] for b in oxi["results"]["bindings"]]
        rdf_rows = [[row[n] for n in names] for row in graph.query(sparql)]
        assert _engine_rows(ox_rows) == _engine_rows(rdf_rows), query.name


# --- 1. positions -----------------------------------------------------------------------------

def test_positions_on_the_seeds(seeds_export):
    rows = ask(seeds_export, "positions")
    by_person = {(r["personLabel"], r["positionLabel"]): r for r in rows}
    aliyev = by_person[("Ilham Aliyev", "President of Azerbaijan")]
    assert (aliyev["role"], aliyev["inLabel"]) == ("President", "Azerbaijan")
    # All five articles call him President; at least two statement nodes must be counted.
    assert 2 <= int(aliyev["articles"]) <= 5
    li = by_person[("Li Qiang", "Premier of China")]
    assert (li["role"], li["inLabel"]) == ("Premier", "China")
    assert 1 <= int(li["articles"]) <= 3  # articles 001, 002 and 003 name him
    xi = by_person[("Xi Jinping", "President of China")]
    assert xi["inLabel"] == "China"
    wang = by_person[("Wang Yi", "Foreign Minister of China")]
    assert wang["role"] == "Foreign Minister"


def test_positions_filtered_by_country_and_person(seeds_export):
    rows = ask(seeds_export, "positions", country="azerbaijan")
    assert rows and set(column(rows, "inLabel")) == {"Azerbaijan"}
    assert "Ilham Aliyev" in column(rows, "personLabel") and "Li Qiang" not in column(rows, "personLabel")
    rows = ask(seeds_export, "positions", person="Aliyev")  # an altLabel
    assert set(column(rows, "personLabel")) == {"Ilham Aliyev"}


def test_positions_count_distinct_articles(toy):
    rows = ask(toy, "positions")
    assert [(r.get("inLabel"), r.get("role"), r["personLabel"], r["articles"]) for r in rows] == [
        (None, None, "Court Adviser", "0"),  # a position in no country: one row, no "in"
        ("Freedonia", "President", "Rufus Firefly", "0"),
        ("Ruritania", "King", "Rudolf V", "2"),
    ]
    assert column(ask(toy, "positions", country="Ruritania"), "personLabel") == ["Rudolf V"]


# --- 2. relations-timeline --------------------------------------------------------------------

def _first_index(rows, type_local):
    return next(i for i, r in enumerate(rows) if r.get("type", "").endswith("#" + type_local))


def test_relations_timeline_azerbaijan_china(seeds_export):
    rows = ask(seeds_export, "relations-timeline", country_a="Azerbaijan", country_b="China")
    diplomatic = _first_index(rows, "DiplomaticRelations")
    strategic = _first_index(rows, "StrategicPartnership")
    comprehensive = _first_index(rows, "ComprehensiveStrategicPartnership")
    assert diplomatic < strategic < comprehensive
    assert rows[diplomatic]["startDate"] in ("1992", "1992-04")
    assert rows[strategic]["startDate"].startswith("2024-07")
    assert rows[comprehensive]["startDate"] == "2025-04-23"
    assert rows[diplomatic]["typeLabel"] == "diplomatic relations"
    assert rows[comprehensive]["typeLabel"] == "comprehensive strategic partnership"
    # "elevated in July 2024 with the signing of a Joint Declaration on the Establishment of a
    # Strategic Partnership" (article 001).
    bases = {r.get("basisLabel") for r in rows if r["type"].endswith("#StrategicPartnership")}
    assert "Joint Declaration on the Establishment of a Strategic Partnership" in bases
    dates = [r["date"] for r in rows if "date" in r]
    assert dates == sorted(dates)
    for row in rows:
        assert parts(row["parties"]) >= {"Azerbaijan", "China"}


def test_relations_timeline_matches_names_in_any_case_order_and_alias(seeds_export):
    expected = ask(seeds_export, "relations-timeline", country_a="Azerbaijan", country_b="China")
    assert ask(seeds_export, "relations-timeline", country_a="china", country_b="AZERBAIJAN") == expected
    assert ask(seeds_export, "relations-timeline", country_a="Chinese", country_b="Azerbaijani") == expected
    assert ask(seeds_export, "relations-timeline", country_a="Azerbaijan", country_b="Nowhere") == []


def test_relations_timeline_links_establishedBy_and_outcome(toy):
    rows = ask(toy, "relations-timeline", country_a="Ruritania", country_b="Freedonia")
    assert [(r["typeLabel"], r["date"], r.get("startDate"), r["link"], r["basisLabel"]) for r in rows] == [
        ("diplomatic relations", "2001", "2001", "establishedBy", "Old Accord"),
        # No startDate: dated by the talks it came out of.
        ("strategic partnership", "2030-05-02", None, "outcome", "Talks of Rudolf V and Rufus Firefly"),
    ]
    assert ask(toy, "relations-timeline", country_a="Grand Fenwick") == []


# --- 3. visit-agreements ----------------------------------------------------------------------

def test_visit_agreements_of_aliyevs_state_visit(seeds_export):
    rows = ask(seeds_export, "visit-agreements", visit="Ilham Aliyev")
    by_visit: Dict[str, Dict[str, Dict[str, str]]] = {}
    for row in rows:     # a document described in lower case keeps the text's wording
        by_visit.setdefault(row["visit"], {})[row["agreementLabel"].casefold()] = row
    statement = "joint statement on the establishment of the comprehensive strategic partnership"
    visa = "agreement on mutual visa exemption for ordinary passport holders"
    # Article 003: both signed on the visit's Wednesday, by Xi and Aliyev, and by Wang Yi and Bayramov.
    visits = [v for v, agreements in by_visit.items() if statement in agreements and visa in agreements]
    assert visits, rows
    agreements = by_visit[visits[0]]
    assert agreements[statement]["status"] == "signed"
    assert parts(agreements[statement]["signatories"]) >= {"Xi Jinping", "Ilham Aliyev"}
    assert agreements[visa]["status"] == "signed"
    assert parts(agreements[visa]["signatories"]) >= {"Wang Yi", "Jeyhun Bayramov"}
    links = {"outcome of the visit", "outcome of a meeting in it", "same article and date", "same article, undated"}
    assert set(column(rows, "link")) <= links
    # Signed in July 2024 at the SCO summit in Astana, not during the 2025 visit.
    july_2024 = ("joint declaration on the establishment of a strategic partnership", "visa-free regime")
    assert not [a for a in agreements if a.startswith(july_2024)]


def test_visit_agreements_by_visit_iri_and_unknown_visitor(seeds_export):
    rows = ask(seeds_export, "visit-agreements", visit="Ilham Aliyev")
    visit = rows[0]["visit"]
    by_iri = ask(seeds_export, "visit-agreements", visit=visit)
    assert by_iri and set(column(by_iri, "visit")) == {visit}
    local = visit.rsplit("/", 1)[-1]
    assert ask(seeds_export, "visit-agreements", visit=local) == by_iri
    assert ask(seeds_export, "visit-agreements", visit="dkgr:" + local) == by_iri
    assert ask(seeds_export, "visit-agreements", visit="Nobody Atall") == []


def test_visit_agreements_links_in_order_of_strength(toy):
    rows = ask(toy, "visit-agreements", visit="Rudolf")
    assert [(r["agreementLabel"], r["link"]) for r in rows] == [
        ("Treaty of Friendship", "outcome of a meeting in it"),
        ("Memorandum on Ports", "same article and date"),
        ("Visa Deal", "same article and date"),  # dated by the ministers' meeting in Fredville
        ("Pact on Rivers", "same article, undated"),
    ]  # not the Old Accord (2001), nor the Fenwick Pact (a summit's outcome, in another country)
    treaty = rows[0]
    assert parts(treaty["signatories"]) == {"Rudolf V", "Rufus Firefly"}
    assert parts(treaty["parties"]) == {"Ruritania", "Freedonia"}
    assert treaty["topics"] == "trade" and treaty["status"] == "signed"


# --- 4. meetings ------------------------------------------------------------------------------

def test_meetings_li_qiang_met_aliyev_in_beijing_on_2025_04_23(seeds_export):
    rows = ask(seeds_export, "meetings")
    assert any(parts(r["participants"]) >= {"Li Qiang", "Ilham Aliyev"} and r.get("date") == "2025-04-23"
               and "Beijing" in parts(r["place"]) for r in rows), rows
    # Article 004: Xi and Aliyev met on July 3, 2024, in Astana.
    assert any(parts(r["participants"]) >= {"Xi Jinping", "Ilham Aliyev"} and r.get("date") == "2024-07-03"
               and "Astana" in parts(r["place"]) for r in rows), rows
    # Article 003: the two foreign ministers met (and signed the visa agreement).
    assert any(parts(r["participants"]) >= {"Wang Yi", "Jeyhun Bayramov"} for r in rows)
    dated = [r["date"] for r in rows if "date" in r]
    assert dated == sorted(dated) and column(rows, "date")[:len(dated)] == dated  # undated last


def test_meetings_filtered_by_participants(seeds_export):
    rows = ask(seeds_export, "meetings", participant="li qiang", **{"with": "Aliyev"})
    assert rows and all(parts(r["participants"]) >= {"Li Qiang", "Ilham Aliyev"} for r in rows)
    assert ask(seeds_export, "meetings", participant="Li Qiang", **{"with": "Wang Yi"}) == []


def test_meetings_on_the_toy_graph(toy):
    assert len(ask(toy, "meetings")) == 2
    [row] = ask(toy, "meetings", participant="Rudolf", **{"with": "rufus firefly"})
    assert parts(row["participants"]) == {"Rudolf V", "Rufus Firefly"}
    assert (row["date"], row["place"], row["within"], row["articles"]) == (
        "2030-05-02", "Fredville", "State visit of Rudolf V to Freedonia", "1")


# --- 5. stances -------------------------------------------------------------------------------

def test_stances_azerbaijan_supports_the_one_china_principle(seeds_export):
    rows = ask(seeds_export, "stances")
    found = {(r["actorLabel"], r["stance"], r["targetLabel"]): r for r in rows}
    one_china = found[("Azerbaijan", "supports", "one-China principle")]
    # Articles 001, 002, 003 and 004 all say so.
    assert 3 <= int(one_china["articles"]) <= 4
    assert "Initiative" in parts(one_china["kind"])
    assert re.search(r"one[- ]china", one_china["example"], re.I)
    assert ("Azerbaijan", "opposes", "Taiwan independence") in found  # article 002
    assert ("China", "supports", "Azerbaijan") in found
    assert ("Azerbaijan", "supports", "Global Development Initiative") in found


def test_stances_filtered_by_actor_and_stance(seeds_export):
    rows = ask(seeds_export, "stances", actor="Azerbaijan", stance="opposes")
    assert rows and set(column(rows, "actorLabel")) == {"Azerbaijan"} and set(column(rows, "stance")) == {"opposes"}
    assert "hegemony" in column(rows, "targetLabel")
    rows = ask(seeds_export, "stances", target="One-China policy")  # an altLabel
    assert ("Azerbaijan", "supports") in {(r["actorLabel"], r["stance"]) for r in rows}


def test_stances_count_distinct_articles(toy):
    rows = ask(toy, "stances")
    assert [(r["actorLabel"], r["stance"], r["targetLabel"], r["kind"], r["articles"]) for r in rows] == [
        ("Ruritania", "opposes", "tariffs", "Topic", "0"),
        ("Ruritania", "supports", "Harbour Plan", "Initiative", "2"),  # three statements, two articles
    ]


# --- 6. figures -------------------------------------------------------------------------------

def test_figures_bilateral_trade_by_default(seeds_export):
    rows = ask(seeds_export, "figures")
    assert rows and set(column(rows, "measureName")) == {"TradeVolume"}
    figures = {(float(r["value"]), r.get("unit"), r.get("period")) for r in rows}
    assert (3_100_000_000, "USD", "2023") in figures  # article 004
    assert (2_460_000_000, "USD", "2024") in figures  # article 003
    row_2023 = next(r for r in rows if r.get("period") == "2023")
    assert parts(row_2023["about"]) == {"Azerbaijan", "China"}
    assert "Ding Tao" in row_2023["source"] and row_2023["files"] == "004_b09bdf28d482a53f.txt"
    row_2024 = next(r for r in rows if r.get("period") == "2024")
    assert "General Administration of Customs" in row_2024["source"]


def test_figures_accepts_local_names_prefixed_names_iris_and_labels(seeds_export):
    expected = ask(seeds_export, "figures")
    for measure in ("TradeVolume", "tradevolume", "dkg:TradeVolume", "trade volume",
                    "https://w3id.org/diplokg/ontology#TradeVolume"):
        assert ask(seeds_export, "figures", measure=measure) == expected, measure
    everything = ask(seeds_export, "figures", measure="")
    assert len(everything) > len(expected) and "TradeGrowth" in column(everything, "measureName")


def test_figures_conflicting_trade_growth_for_2024_sit_side_by_side(seeds_export):
    # Article 001: trade "rose by 20 per cent" in 2024; article 003: "increasing over 43 percent".
    rows = ask(seeds_export, "figures", measure="TradeGrowth")
    index = {float(r["value"]): i for i, r in enumerate(rows) if r.get("period") == "2024"}
    assert {20, 43} <= set(index)
    assert abs(index[20] - index[43]) == 1
    assert int(rows[index[20]]["disagreeing"]) >= 1 and int(rows[index[43]]["disagreeing"]) >= 1


def test_figures_disagreement_and_source_on_the_toy_graph(toy):
    rows = ask(toy, "figures")
    assert [(r["about"] if ";" not in r["about"] else "both", float(r["value"]), r["disagreeing"], r["source"])
            for r in rows] == [
        ("Ruritania", 50.0, "0", "Agency One"),  # another set of countries: no conflict
        ("both", 100.0, "1", "Rufus Firefly"),   # reportedBy wins over the publisher
        ("both", 100.0, "1", "Agency One"),      # the same value twice: not a conflict between them
        ("both", 120.0, "2", ""),                # no reporter, no publisher
    ]


# --- 7. provenance ----------------------------------------------------------------------------

def test_provenance_of_azerbaijan_supports_one_china(seeds_export):
    rows = ask(seeds_export, "provenance", subject="Azerbaijan", predicate="supports", object="one-China principle")
    assert rows
    for row in rows:
        assert re.search(r"one[- ]china", row["sentence"], re.I), row["sentence"]
        assert row["objectLabel"] == "one-China principle" and row["via"] == "statement"
        assert row["file"] in SEED_FILES and row["title"]
    assert len(set(column(rows, "file"))) >= 3


@pytest.mark.xfail(strict=True, reason="issue 13: en_core_web_sm tags 'abides' as a noun in 'Azerbaijan firmly "
                                       "abides by the one-China principle', so no verb has Azerbaijan as subject")
def test_provenance_of_azerbaijan_supports_one_china_in_article_003(seeds_export):
    rows = ask(seeds_export, "provenance", subject="Azerbaijan", predicate="supports", object="one-China principle")
    assert "003_7bafd2e7131c9bef.txt" in column(rows, "file")  # "firmly abides by the one-China principle"


def test_provenance_accepts_predicate_forms(seeds_export):
    expected = ask(seeds_export, "provenance", subject="Azerbaijan", predicate="supports", object="one-China principle")
    for predicate in ("dkg:supports", "SUPPORTS", "https://w3id.org/diplokg/ontology#supports"):
        assert ask(seeds_export, "provenance", subject="azerbaijan", predicate=predicate,
                   object="One-China policy") == expected


def test_provenance_from_node_evidence(seeds_export):
    rows = ask(seeds_export, "provenance", subject="Agreement on Mutual Visa Exemption for Ordinary Passport Holders",
               predicate="signatory", object="Wang Yi")
    assert rows and set(column(rows, "via")) == {"node evidence"}
    assert any("Wang Yi" in r["sentence"] and "003_7bafd2e7131c9bef.txt" in r["file"] for r in rows)
    # A literal object.
    rows = ask(seeds_export, "provenance", subject="President of Azerbaijan", predicate="role", object="president")
    assert rows and all(r["object"] == "President" for r in rows)


def test_provenance_on_the_toy_graph(toy):
    rows = ask(toy, "provenance", subject="Ruritania", predicate="supports")
    assert [(r["file"], r["sentence"]) for r in rows] == [
        ("a1.txt", "Ruritania backs the Harbour Plan."),
        ("a2.txt", "Ruritania again endorsed the plan."),
        ("a2.txt", "The Harbour Plan has Ruritania's support."),
    ]
    rows = ask(toy, "provenance", subject="Treaty of Friendship", predicate="dkg:topic")
    assert [(r["objectLabel"], r["via"], r["file"], r["date"], r["title"]) for r in rows] == [
        ("trade", "node evidence", "a1.txt", "2030-05-02", "Talks in Fredville")]
    assert not any(r["predicate"].endswith("#type") for r in ask(toy, "provenance", subject="Treaty of Friendship"))


# --- 8. shared-memberships --------------------------------------------------------------------

def test_shared_memberships_china_azerbaijan(seeds_export):
    rows = ask(seeds_export, "shared-memberships", country_a="China", country_b="Azerbaijan")
    assert "United Nations" in column(rows, "organisationLabel")
    un = next(r for r in rows if r["organisationLabel"] == "United Nations")
    assert (un["aLabel"], un["bLabel"]) == ("China", "Azerbaijan")
    assert int(un["articles_a"]) >= 1 and int(un["articles_b"]) >= 1  # article 002
    swapped = ask(seeds_export, "shared-memberships", country_a="azerbaijan", country_b="china")
    assert "United Nations" in column(swapped, "organisationLabel")


def test_shared_memberships_through_part_of_and_pairs(toy):
    rows = ask(toy, "shared-memberships", country_a="Ruritanian", country_b="Freedonia")
    assert [(r["organisationLabel"], r["articles_a"], r["articles_b"]) for r in rows] == [
        ("Union of Nations", "1", "1")]  # Ruritania through its Council seat
    pairs = ask(toy, "shared-memberships")
    assert sorted((r["aLabel"], r["bLabel"], r["organisationLabel"]) for r in pairs) == [
        ("Freedonia", "Grand Fenwick", "League of Small States"),
        ("Freedonia", "Ruritania", "Union of Nations"),
    ]
    assert ask(toy, "shared-memberships", country_a="Ruritania", country_b="Grand Fenwick") == []


# --- binding parameters safely ----------------------------------------------------------------

NASTY = [MALICIOUS, 'a\\b', 'line\nbreak\r\tx', "'single' and \"\"\"triple\"\"\"", "{{with}}",
         "Ürümqi 北京 🙂", "\\u0022) } #", "trailing backslash \\", ""]


@pytest.mark.parametrize("value", NASTY)
def test_sparql_string_round_trips_through_pyoxigraph(value):
    [solution] = list(ox.Store().query(f"SELECT ?v WHERE {{ VALUES ?v {{ {sparql_string(value)} }} }}"))
    assert solution["v"] == ox.Literal(value)


@pytest.mark.parametrize("value", NASTY)
def test_sparql_string_stays_one_literal_in_rdflib(value):
    import rdflib

    rows = list(rdflib.Graph().query(f"SELECT ?v WHERE {{ VALUES ?v {{ {sparql_string(value)} }} }}"))
    assert len(rows) == 1 and isinstance(rows[0][0], rdflib.Literal)
    if "\\u" not in value:  # rdflib expands \\uXXXX before parsing: the value may change, never escape
        assert str(rows[0][0]) == value


def test_a_malicious_parameter_stays_a_literal_and_the_query_still_parses(seeds_export):
    from rdflib.plugins.sparql import prepareQuery

    sparql = load_query("stances", {"actor": MALICIOUS})
    values_line = next(line for line in sparql.splitlines() if "VALUES (?arg_actor" in line)
    assert sparql_string(MALICIOUS) in values_line
    assert "DROP" not in sparql.replace(sparql_string(MALICIOUS), "")
    assert json.loads(run_query(seeds_export, sparql, fmt="json"))["results"]["bindings"] == []
    prepareQuery(sparql)


def test_a_value_is_bound_once_and_never_expanded_again(seeds_export):
    sparql = load_query("meetings", {"participant": "{{with}}", "with": "Li Qiang"})
    assert '("{{with}}" "Li Qiang")' in sparql
    assert ask(seeds_export, "meetings", participant="{{with}}") == []


def test_bind_and_values_are_stripped_and_defaults_fill_in():
    assert bind("VALUES ?x { {{a}} } # {{ a }}", {"a": 'say "hi"'}) == 'VALUES ?x { "say \\"hi\\"" } # "say \\"hi\\""'
    assert '("  "' not in load_query("meetings", {"participant": "  Li Qiang "})
    assert '("Li Qiang" "")' in load_query("meetings", {"participant": "  Li Qiang "})
    assert 'VALUES ?arg_measure { "TradeVolume" }' in load_query("figures")
    assert 'VALUES ?arg_measure { "ExportValue" }' in load_query("figures", {"measure": "ExportValue"})


# --- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["nope", "../ontology/diplokg", "positions.rq", "", "Positions"])
def test_unknown_query_name_is_a_usage_error(name):
    with pytest.raises(UsageError) as caught:
        load_query(name, {})
    assert str(caught.value) == f"no query named {name!r}; kg query --list shows them"
    with pytest.raises(UsageError):
        get_query(name)


def test_unknown_parameter_is_a_usage_error():
    with pytest.raises(UsageError, match=r"query 'figures' has no parameter 'country'; its parameters: measure"):
        load_query("figures", {"country": "China"})


@pytest.mark.parametrize("value", ["a\x00b", "bell\x07", "\ud800"])
def test_values_that_cannot_be_literals_are_usage_errors(value):
    with pytest.raises(UsageError):
        load_query("meetings", {"participant": value})


def test_parse_params():
    assert parse_params(["country_a=China", "country_b = Azerbaijan", "x=a=b", "empty="]) == {
        "country_a": "China", "country_b": " Azerbaijan", "x": "a=b", "empty": ""}
    for bad in (["novalue"], ["=x"], ["a=1", "a=2"]):
        with pytest.raises(UsageError):
            parse_params(bad)


def test_a_malformed_query_file_is_a_data_error(tmp_path, monkeypatch):
    monkeypatch.setattr(queries_module, "queries_dir", lambda: tmp_path)
    (tmp_path / "bad.rq").write_text("# title: Bad\nSELECT * WHERE { ?s ?p {{o}} }\n", encoding="utf-8")
    with pytest.raises(DataError, match="no '# answers: ...' line"):
        list_queries()
    (tmp_path / "bad.rq").write_text("# title: Bad\n# answers: x\nSELECT * WHERE { ?s ?p {{o}} }\n", encoding="utf-8")
    with pytest.raises(DataError, match="placeholder"):
        get_query("bad")
    (tmp_path / "bad.rq").write_text("# title: Bad\n# answers: x\n# param o: an object\nSELECT * { ?s ?p {{o}} }\n",
                                     encoding="utf-8")
    with pytest.raises(DataError, match="# param NAME"):
        get_query("bad")
    (tmp_path / "bad.rq").write_text('# title: Bad\n# answers: x\n# param o: thing (default "")\n'
                                     '# param unused: y (default "")\nSELECT * { ?s ?p {{o}} }\n', encoding="utf-8")
    with pytest.raises(DataError, match="never used"):
        get_query("bad")
