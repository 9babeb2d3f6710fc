"""The output formats: one table of exporters, one path for every format, HTML included."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections import defaultdict

import pytest
import rdflib
from click.testing import CliRunner

from kg.api import convert, write_outputs
from kg.errors import ExportError, KgError
from kg.export import EXPORTERS, Exporter, Rendered, exporter_of, rdf_formats, write_export
from kg.export.graphio import read_triples

RDF = [name for name, e in EXPORTERS.items() if e.rdf_format]


def fresh(result):
    """The seeds' build with nothing written yet (the session's own result stays as it is)."""
    return dataclasses.replace(result, notes=[], outputs=[], timings=defaultdict(float))


def test_exporters_table_holds_the_five_formats():
    assert {n: e.file_name for n, e in EXPORTERS.items()} == {
        "ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "trig": "graph.trig", "html": "graph.html"}
    assert rdf_formats() == ("ttl", "nt", "jsonld", "trig")
    assert EXPORTERS["html"].rdf_format is None and EXPORTERS["html"].stage == "html"


@pytest.mark.parametrize("fmt", RDF)
def test_exporters_every_rdf_format_writes_and_parses_back(seeds_build, tmp_path, fmt):
    _, result = seeds_build
    exporter = EXPORTERS[fmt]
    target = tmp_path / exporter.file_name
    rendered = write_export(result.triples, fmt, target)
    assert target.read_bytes() == rendered.data and rendered.note == ""
    g = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    g.parse(target, format=exporter.rdf_format)
    triples = set(g.quads()) if fmt == "trig" else set(g)
    assert len({q[:3] for q in triples}) == len(result.triples)


def test_exporters_a_build_writes_each_format_through_the_table(seeds_build, tmp_path):
    out, result = seeds_build
    result = fresh(result)
    write_outputs(result, tmp_path, list(EXPORTERS), findings=False)
    assert result.outputs == [tmp_path / e.file_name for e in EXPORTERS.values()]
    # the build's own page and Turtle came the same way
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_exporters_html_of_an_export_goes_the_same_way(seeds_build, tmp_path):
    out, _ = seeds_build
    page = convert(out / "graph.ttl", tmp_path / "page.html")
    assert (tmp_path / "page.html").read_bytes() == (out / "graph.html").read_bytes() == page.data
    assert page.summary.endswith(" edges") and " nodes, " in page.summary
    again = convert(out / "graph.ttl", tmp_path / "again.nt", "nt")
    assert again.data == (tmp_path / "again.nt").read_bytes() == write_export(
        read_triples(out / "graph.ttl"), "nt", tmp_path / "x.nt").data
    with pytest.raises(KgError) as err:
        convert(out / "graph.ttl", tmp_path / "none.html", focus="Nobody Atall")
    assert str(err.value) == f"{out / 'graph.ttl'}: no entity named 'Nobody Atall'"


def test_exporters_unknown_format(tmp_path):
    with pytest.raises(ExportError) as err:
        exporter_of("rdfxml")
    assert str(err.value) == "unknown format 'rdfxml'; choose one of ttl, nt, jsonld, trig, html"


def test_exporters_a_new_format_is_one_function_and_one_row(seeds_build, tmp_path, monkeypatch):
    _, result = seeds_build

    def count(triples, **_):
        return Rendered(f"{len(triples)} triples\n".encode())

    monkeypatch.setitem(EXPORTERS, "count", Exporter("count", "graph.count", count, rdf_format="nt"))
    assert "count" in rdf_formats()
    result = fresh(result)
    write_outputs(result, tmp_path, ["count"], findings=False)
    assert (tmp_path / "graph.count").read_text() == f"{len(result.triples)} triples\n"


def test_exporters_cli_format_choices_come_from_the_table():
    from kg.cli import cli

    help_text = CliRunner().invoke(cli, ["build", "--help"]).output
    assert "[" + "|".join(rdf_formats()) + "]" in help_text
    # a format registered before the CLI is loaded is offered by --format
    code = ("from kg import export; from kg.export import EXPORTERS, Exporter;"
            "EXPORTERS['rdfxml'] = Exporter('rdfxml', 'graph.rdf', EXPORTERS['nt'].render, rdf_format='xml');"
            "from kg.cli import cli; cli(['build', '--help'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "[ttl|nt|jsonld|trig|rdfxml]" in out
