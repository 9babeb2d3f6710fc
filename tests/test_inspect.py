"""kg.tools.inspect: the library behind `kg query`, `kg validate` and `kg stats`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.tools.inspect.store as store_module
from kg.errors import DataError, GraphError, UsageError
from kg.tools.inspect import FORMATS, load_store, ontology_dir, run_query, shorten, stats, validate
from kg.vocab import PREFIXES

GRAPHS = Path(__file__).parent / "fixtures" / "graphs"
EXPORT = GRAPHS / "kz_br.ttl"
INVALID = GRAPHS / "kz_br_invalid.ttl"
BROKEN = GRAPHS / "broken.ttl"
SHAPES = GRAPHS / "shapes_min.ttl"
DKGR = PREFIXES["dkgr"]

COUNTRIES = """SELECT ?country ?label ?alt WHERE {
  ?country a dkg:Country ; rdfs:label ?label .
  OPTIONAL { ?country skos:altLabel ?alt }
} ORDER BY ?label"""


def _project_shapes() -> Path | None:
    try:
        shapes = ontology_dir() / "shapes.ttl"
    except DataError:
        return None
    return shapes if shapes.is_file() else None


# --- kg query: SELECT in every format ----------------------------------------------------------

def test_inspect_select_table():
    assert run_query(EXPORT, COUNTRIES) == (
        "country          label       alt\n"
        "---------------  ----------  ------\n"
        "dkgr:brazil      Brazil\n"
        "dkgr:kazakhstan  Kazakhstan  Kazakh\n"
        "2 rows\n"
    )


def test_inspect_select_table_one_row_and_none():
    one = run_query(EXPORT, "SELECT ?p WHERE { ?p a dkg:Person }")
    assert one == "p\n--------------------------\ndkgr:kassym-jomart-tokayev\n1 row\n"
    assert run_query(EXPORT, "SELECT ?p WHERE { ?p a dkg:Place }") == "p\n-\n0 rows\n"


def test_inspect_select_table_shows_datatyped_literals_as_lexical_values_and_foreign_iris_whole():
    out = run_query(EXPORT, """SELECT ?date ?value ?page WHERE {
        ?m a dkg:Meeting ; dkg:date ?date . ?o dkg:value ?value . BIND(<http://example.org/x> AS ?page) }""")
    assert out.splitlines()[2].split() == ["2024-05-06", "480000000", "<http://example.org/x>"]


def test_inspect_select_csv():
    assert run_query(EXPORT, COUNTRIES, "csv") == (
        "country,label,alt\r\n"
        f"{DKGR}brazil,Brazil,\r\n"
        f"{DKGR}kazakhstan,Kazakhstan,Kazakh\r\n"
    )


def test_inspect_select_tsv():
    assert run_query(EXPORT, COUNTRIES, "tsv") == (
        "?country\t?label\t?alt\n"
        f'<{DKGR}brazil>\t"Brazil"@en\t\n'
        f'<{DKGR}kazakhstan>\t"Kazakhstan"@en\t"Kazakh"@en\n'
    )


def test_inspect_select_json():
    results = json.loads(run_query(EXPORT, COUNTRIES, "json"))
    assert results["head"]["vars"] == ["country", "label", "alt"]
    assert results["results"]["bindings"] == [
        {"country": {"type": "uri", "value": f"{DKGR}brazil"},
         "label": {"type": "literal", "value": "Brazil", "xml:lang": "en"}},
        {"country": {"type": "uri", "value": f"{DKGR}kazakhstan"},
         "label": {"type": "literal", "value": "Kazakhstan", "xml:lang": "en"},
         "alt": {"type": "literal", "value": "Kazakh", "xml:lang": "en"}},
    ]


def test_inspect_rows_keep_the_engine_order_without_order_by():
    query = "SELECT ?s ?p WHERE { ?s ?p ?o }"
    engine = [(b["s"]["value"], b["p"]["value"])
              for b in json.loads(run_query(EXPORT, query, "json"))["results"]["bindings"]]
    table = [tuple(line.split()) for line in run_query(EXPORT, query).splitlines()[2:-1]]
    expand = {f"{p}:": ns for p, ns in PREFIXES.items()}
    assert [tuple(next(expand[k] + c[len(k):] for k in expand if c.startswith(k)) for c in row)
            for row in table] == engine


def test_inspect_blank_nodes_are_numbered_in_order_of_appearance(tmp_path):
    graph = tmp_path / "blank.ttl"
    graph.write_text('[] <http://example.org/n> "1" . [] <http://example.org/n> "2" .\n', encoding="utf-8")
    out = run_query(graph, "SELECT ?s ?n WHERE { ?s ?p ?n } ORDER BY ?n")
    assert out.splitlines()[2:] == ["_:b1  1", "_:b2  2", "2 rows"]


@pytest.mark.parametrize("iri, short", [
    ("https://w3id.org/diplokg/id/kazakhstan", "dkgr:kazakhstan"),
    ("https://w3id.org/diplokg/ontology#Meeting", "dkg:Meeting"),
    ("http://www.w3.org/2001/XMLSchema#gYearMonth", "xsd:gYearMonth"),
    ("https://w3id.org/diplokg/id/article/5e0c1f", "<https://w3id.org/diplokg/id/article/5e0c1f>"),
    ("http://example.org/x", "<http://example.org/x>"),
])
def test_inspect_shorten_gives_names_that_paste_back_into_a_query(iri, short):
    assert shorten(iri) == short


# --- kg query: prefixes ---------------------------------------------------------------------

def test_inspect_query_declaring_its_own_prefixes_still_works():
    query = ("PREFIX c: <https://w3id.org/diplokg/ontology#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "SELECT ?label WHERE { ?x a c:Country ; rdfs:label ?label . FILTER(?x = dkgr:brazil) }")
    assert run_query(EXPORT, query).splitlines()[2:] == ["Brazil", "1 row"]


def test_inspect_query_prefix_overrides_the_predeclared_one():
    query = "PREFIX dkg: <http://example.org/other#>\nASK { ?x a dkg:Country }"
    assert run_query(EXPORT, query) == "false\n"


# --- kg query: ASK, CONSTRUCT, DESCRIBE ---------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("ASK { dkgr:kassym-jomart-tokayev dkg:holdsPosition dkgr:president-of-kazakhstan }", "true\n"),
    ("ASK { dkgr:brazil dkg:holdsPosition ?p }", "false\n"),
])
def test_inspect_ask(query, expected):
    assert run_query(EXPORT, query) == expected


def test_inspect_ask_json():
    assert json.loads(run_query(EXPORT, "ASK { ?m a dkg:Meeting }", "json")) == {"head": {}, "boolean": True}


def test_inspect_construct_prints_turtle_that_parses():
    out = run_query(EXPORT, """CONSTRUCT { ?m dkg:participant ?c . ?c rdfs:label ?l }
        WHERE { ?m a dkg:Meeting ; dkg:participant ?c . ?c a dkg:Country ; rdfs:label ?l }""")
    meeting = ox.NamedNode(DKGR + "meeting-2024-05-06-brazil-kazakhstan")
    participant, label = ox.NamedNode(PREFIXES["dkg"] + "participant"), ox.NamedNode(PREFIXES["rdfs"] + "label")
    expected = {ox.Triple(meeting, participant, ox.NamedNode(DKGR + c)) for c in ("brazil", "kazakhstan")}
    expected |= {ox.Triple(ox.NamedNode(DKGR + c), label, ox.Literal(name, language="en"))
                 for c, name in (("brazil", "Brazil"), ("kazakhstan", "Kazakhstan"))}
    assert {q.triple for q in ox.parse(out, format=ox.RdfFormat.TURTLE)} == expected
    assert "@prefix dkgr: <https://w3id.org/diplokg/id/> ." in out
    assert "@prefix skos:" not in out  # only the prefixes the result uses


def test_inspect_describe_prints_turtle_that_parses():
    out = run_query(EXPORT, "DESCRIBE dkgr:observation-tradevolume-2023-brazil-kazakhstan")
    triples = list(ox.parse(out, format=ox.RdfFormat.TURTLE))
    assert len(triples) == 10
    assert ox.Literal("480000000", datatype=ox.NamedNode(PREFIXES["xsd"] + "decimal")) in {t.object for t in triples}


def test_inspect_construct_rejects_a_results_format():
    with pytest.raises(UsageError, match="CONSTRUCT and DESCRIBE print Turtle"):
        run_query(EXPORT, "CONSTRUCT WHERE { ?s a dkg:Country }", "csv")


# --- kg query: errors -------------------------------------------------------------------------

def test_inspect_sparql_syntax_error_is_a_usage_error_on_one_line():
    with pytest.raises(UsageError) as caught:
        run_query(EXPORT, "SELECT ?x WHERE {\n  ?x a dkg:Country .\n  FILTER(?x = \n}")
    message = str(caught.value)
    # line 4 of the user's query: the predeclared prefixes add no lines in front of it
    assert message.startswith("query: SPARQL syntax error: line 4, column ")
    assert "\n" not in message


def test_inspect_unknown_format_is_refused_before_reading_the_graph(tmp_path):
    with pytest.raises(UsageError, match="unknown format 'xml'; use table, csv, tsv or json"):
        run_query(tmp_path / "missing.ttl", "ASK {}", "xml")
    assert FORMATS == ("table", "csv", "tsv", "json")


# --- reading exports ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", [
    lambda p: load_store(p),
    lambda p: run_query(p, "ASK {}"),
    lambda p: stats(p),
    lambda p: validate(p, SHAPES),
], ids=["load_store", "run_query", "stats", "validate"])
def test_inspect_syntax_error_in_export_names_file_and_line(command):
    with pytest.raises(GraphError) as caught:
        command(BROKEN)
    assert str(caught.value).startswith(f"{BROKEN}: not valid Turtle: line 8, column 16: ")
    assert caught.value.path == str(BROKEN)


def test_inspect_missing_export(tmp_path):
    missing = tmp_path / "graph.ttl"
    with pytest.raises(GraphError) as caught:
        load_store(missing)
    assert str(caught.value) == f"{missing}: no such file"


def test_inspect_unknown_extension(tmp_path):
    graph = tmp_path / "graph.rdf"
    graph.write_text("<a/>", encoding="utf-8")
    with pytest.raises(GraphError, match=r"unknown graph format '\.rdf'"):
        load_store(graph)


def test_inspect_remote_jsonld_context_is_not_fetched(tmp_path):
    graph = tmp_path / "graph.jsonld"
    graph.write_text('{"@context": "https://schema.org/", "@id": "https://example.org/x", "name": "x"}',
                     encoding="utf-8")
    with pytest.raises(GraphError, match="not valid JSON-LD: it names a remote @context"):
        load_store(graph)


@pytest.mark.parametrize("suffix, fmt", [
    (".nt", ox.RdfFormat.N_TRIPLES), (".nq", ox.RdfFormat.N_QUADS),
    (".trig", ox.RdfFormat.TRIG), (".jsonld", ox.RdfFormat.JSON_LD),
])
def test_inspect_format_follows_the_extension(tmp_path, suffix, fmt):
    copy = tmp_path / f"graph{suffix}"
    copy.write_bytes(ox.serialize(ox.parse(path=str(EXPORT)), format=fmt))
    assert run_query(copy, COUNTRIES) == run_query(EXPORT, COUNTRIES)
    assert stats(copy) == stats(EXPORT)


def test_inspect_named_graphs_are_queried_and_counted_as_one(tmp_path):
    trig = tmp_path / "graph.trig"
    trig.write_text(
        "@prefix dkg: <https://w3id.org/diplokg/ontology#> . @prefix dkgr: <https://w3id.org/diplokg/id/> .\n"
        "dkgr:g1 { dkgr:brazil a dkg:Country . }\n"
        "dkgr:g2 { dkgr:brazil a dkg:Country . dkgr:kazakhstan a dkg:Country . }\n", encoding="utf-8")
    assert run_query(trig, "SELECT DISTINCT ?c WHERE { ?c a dkg:Country } ORDER BY ?c").endswith("2 rows\n")
    assert stats(trig).splitlines()[-2:] == ["triples   2", "subjects  2"]


# --- kg stats -----------------------------------------------------------------------------------

def test_inspect_stats():
    assert stats(EXPORT) == """\
class            instances
---------------  ---------
dkg:Actor                3
dkg:Country              2
rdf:Statement            2
dkg:Article              1
dkg:Event                1
dkg:Meeting              1
dkg:Observation          1
dkg:Person               1
dkg:Position             1
owl:Ontology             1

property             triples
-------------------  -------
rdf:type                  14
rdfs:label                 7
dkg:evidence               4
prov:wasDerivedFrom        4
dkg:participant            3
dkg:about                  2
rdf:object                 2
rdf:predicate              2
rdf:subject                2
skos:altLabel              2
dcterms:date               1
dcterms:publisher          1
dcterms:source             1
dcterms:title              1
dkg:date                   1
dkg:holdsPosition          1
dkg:measure                1
dkg:period                 1
dkg:positionIn             1
dkg:role                   1
dkg:unit                   1
dkg:value                  1
owl:imports                1

triples   55
subjects  10
"""


def test_inspect_stats_totals_agree_with_the_parser():
    triples = list(ox.parse(path=str(EXPORT)))
    totals = dict(line.split() for line in stats(EXPORT).splitlines()[-2:])
    assert totals == {"triples": str(len(triples)), "subjects": str(len({t.subject for t in triples}))}


# --- kg validate --------------------------------------------------------------------------------

def test_inspect_validate_conforming_graph():
    assert validate(EXPORT, SHAPES) == []


def test_inspect_validate_reports_one_sorted_line_per_violation():
    assert validate(INVALID, SHAPES) == [
        "dkgr:meeting-2024-05-06-brazil-kazakhstan: Event has no prov:wasDerivedFrom (dkg:EventProvenanceShape)",
        'dkgr:meeting-2024-05-06-brazil-kazakhstan: dkg:date "2024-05-06" is xsd:string, '
        "not xsd:date, xsd:gYearMonth or xsd:gYear (dkg:EventDateShape)",
        'dkgr:observation-tradevolume-2023-brazil-kazakhstan: dkg:value "480 million" is xsd:string, '
        "not xsd:decimal (dkg:ObservationShape)",
        "dkgr:visit-2024-06-brazil-kazakhstan: Event has no evidence sentence (dkg:EventProvenanceShape)",
    ]


def test_inspect_validate_warnings_only_when_asked(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPES.read_text(encoding="utf-8") + """
dkg:CountryLabelShape a sh:NodeShape ; sh:targetClass dkg:Country ;
    sh:property [ sh:path <http://www.w3.org/2004/02/skos/core#altLabel> ; sh:minCount 1 ;
                  sh:severity sh:Warning ] .
""", encoding="utf-8")
    assert validate(EXPORT, shapes) == []
    assert validate(EXPORT, shapes, warnings=True) == [
        "dkgr:brazil: Country has no skos:altLabel (dkg:CountryLabelShape) [warning]"]


def test_inspect_validate_ill_typed_literal_is_reported_without_log_noise(tmp_path, capfd):
    graph = tmp_path / "graph.ttl"
    graph.write_text(EXPORT.read_text(encoding="utf-8").replace('"2024-05-06"^^xsd:date', '"2024-13-45"^^xsd:date'),
                     encoding="utf-8")
    assert validate(graph, SHAPES) == [
        'dkgr:meeting-2024-05-06-brazil-kazakhstan: dkg:date "2024-13-45"^^xsd:date is not a valid xsd:date '
        "(dkg:EventDateShape)"]
    assert capfd.readouterr().err == ""


def test_inspect_validate_missing_shapes_file(tmp_path):
    with pytest.raises(GraphError, match="no such file"):
        validate(EXPORT, tmp_path / "shapes.ttl")


@pytest.mark.skipif(_project_shapes() is None,
                    reason="ontology/shapes.ttl is not written yet (another engineer's task)")
def test_inspect_validate_with_the_project_shapes():
    assert validate(EXPORT) == []
    problems = validate(INVALID)
    assert all(re.fullmatch(r"\S+: \S.* \(\S+\)", line) for line in problems), problems
    assert any(line.startswith("dkgr:meeting-2024-05-06-brazil-kazakhstan:") and "prov:wasDerivedFrom" in line
               for line in problems), problems
    assert any(line.startswith("dkgr:meeting-2024-05-06-brazil-kazakhstan:") and "dkg:date" in line
               for line in problems), problems


# --- where the ontology is found --------------------------------------------------------------

def _fake_package(root: Path, monkeypatch) -> Path:
    package = root / "kg"
    package.mkdir(parents=True)
    monkeypatch.setattr(store_module, "__file__", str(package / "tools" / "inspect" / "store.py"))
    return package


def test_inspect_ontology_dir_prefers_the_installed_package_data(tmp_path, monkeypatch):
    package = _fake_package(tmp_path, monkeypatch)
    for folder in (package / "ontology", tmp_path / "ontology"):
        folder.mkdir()
        (folder / "shapes.ttl").write_text("", encoding="utf-8")
    assert ontology_dir() == package / "ontology"


def test_inspect_ontology_dir_falls_back_to_the_checkout(tmp_path, monkeypatch):
    _fake_package(tmp_path, monkeypatch)
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "diplokg.ttl").write_text("", encoding="utf-8")
    assert ontology_dir() == tmp_path / "ontology"


def test_inspect_ontology_dir_ignores_an_unrelated_ontology_folder(tmp_path, monkeypatch):
    _fake_package(tmp_path, monkeypatch)
    (tmp_path / "ontology").mkdir()  # e.g. site-packages/ontology from some other package
    with pytest.raises(DataError, match="reinstall diplokg"):
        ontology_dir()
