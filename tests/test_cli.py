"""The kg command as a user runs it: every command, its help, and every error path."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli

from conftest import SEEDS

COMMANDS = ["build", "merge", "query", "validate", "stats", "html", "link", "push"]


@pytest.fixture
def runner():
    return CliRunner()


def test_cli_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert kg.__version__ in result.output


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
def test_cli_help_for_every_command(runner, command):
    result = runner.invoke(cli, command + ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command:
        assert "Example:" in result.output, f"kg {command[0]} --help has no example"


def test_cli_unknown_command_is_a_usage_error(runner):
    result = runner.invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command" in result.output


def test_cli_build_defaults_read_seeds_and_write_output(runner, tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "5 articles." in result.output
    assert "entities" in result.output and "facts" in result.output
    assert (tmp_path / "output" / "graph.ttl").stat().st_size > 1000
    assert (tmp_path / "output" / "graph.html").stat().st_size > 1000


def test_cli_build_summary_counts_what_the_graph_holds(runner, tmp_path):
    # issue 16: the summary's entity count is the graph's
    import re

    import rdflib

    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path), "--no-html"], catch_exceptions=False)
    said = int(re.search(r"([\d,]+) entities", result.stdout).group(1).replace(",", ""))
    g = rdflib.Graph().parse(tmp_path / "graph.ttl")
    dkg = "https://w3id.org/diplokg/ontology#"
    kinds = ["Person", "Country", "Institution", "Position", "Place", "Initiative", "Agreement", "Topic"]
    assert said == len({s for k in kinds for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(dkg + k))})


def test_cli_build_is_byte_identical_twice_and_in_any_order(runner, tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    files = sorted(SEEDS.glob("*.txt"))
    assert runner.invoke(cli, ["build", str(SEEDS), "-o", str(a)]).exit_code == 0
    assert runner.invoke(cli, ["build", str(SEEDS), "-o", str(b)]).exit_code == 0
    assert runner.invoke(cli, ["build", *map(str, reversed(files)), "-o", str(c)]).exit_code == 0
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()
    assert (a / "graph.ttl").read_bytes() == (c / "graph.ttl").read_bytes()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_build_bad_articles_are_reported_and_the_rest_go_through(runner, tmp_path, jobs):
    # with -j 2 the errors are met in worker processes and must come back whole
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "002_f2ac28b3f73fc063.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), str(tmp_path / "missing.txt"), "-o", str(out), "-j", jobs])
    assert result.exit_code == 0
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [l for l in err.splitlines() if l.startswith("Error:")]
    assert any("empty.txt" in l and "empty" in l for l in lines)
    assert any("binary.txt" in l and "binary" in l for l in lines)
    assert any("missing.txt" in l and "no such file" in l for l in lines)
    assert "1 article, 3 skipped: see above." in result.output
    assert (out / "graph.ttl").exists()


def _crash_on(monkeypatch, name: str) -> None:
    """Make extraction raise for the article whose file is ``name`` (a stand-in for a bug: the
    real extractor must not raise, and tests/test_robustness.py checks that it does not)."""
    import kg.pipeline

    real, real_batch = kg.pipeline.extract_article, kg.pipeline.extract_articles

    def extract(article):
        if Path(article.path).name == name:
            raise RuntimeError("boom in the extractor")
        return real(article)

    def extract_batch(articles, progress=None):
        for art, found in real_batch(articles, progress):
            if Path(art.path).name == name:
                raise RuntimeError("boom in the extractor")
            yield art, found
    monkeypatch.setattr(kg.pipeline, "extract_article", extract)
    monkeypatch.setattr(kg.pipeline, "extract_articles", extract_batch)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_build_an_article_whose_extraction_fails_is_skipped_and_the_build_goes_on(runner, tmp_path,
                                                                                      monkeypatch, jobs):
    # issue 12: any exception while extracting one article is that article's problem, in one
    # process and in worker processes (forked, so they see the patched extractor)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEEDS / "002_f2ac28b3f73fc063.txt", folder / name)
        (folder / name).write_text((folder / name).read_text() + f"\n\n{name} ends here.\n")
    _crash_on(monkeypatch, "b.txt")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), "-o", str(out), "-j", jobs])
    assert result.exit_code == 0, result.output
    err = [l for l in result.stderr.splitlines() if l.startswith("Error:")]
    assert err == [f"Error: {folder / 'b.txt'}: extraction failed (RuntimeError: boom in the extractor); "
                   "skipped (a bug in diplokg: kg build --debug shows the traceback)"]
    assert "Traceback" not in result.output
    assert "2 articles, 1 skipped: see above." in result.stdout
    assert (out / "graph.ttl").exists()


def test_cli_build_strict_exits_1_on_a_skip_and_debug_shows_the_traceback(runner, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "002_f2ac28b3f73fc063.txt", folder / "good.txt")
    shutil.copy(SEEDS / "003_7bafd2e7131c9bef.txt", folder / "bad.txt")
    _crash_on(monkeypatch, "bad.txt")
    strict = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "s"), "--strict", "-j", "1"])
    assert strict.exit_code == 1
    assert "Error: --strict: 1 article skipped" in strict.stderr
    assert (tmp_path / "s" / "graph.ttl").exists()        # the graph of the others is still written
    debug = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "d"), "-j", "1"],
                          env={"KG_DEBUG": "1"})
    assert debug.exit_code == 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: boom in the extractor" in debug.stderr
    assert "Traceback" in runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "e"), "-j", "1",
                                              "--debug"]).stderr


SINHALA = ("ශ්‍රී ලංකා ජනාධිපති ඉන්දියාවට යයි\n\n"
           "ශ්‍රී ලංකාව සහ ඉන්දියාව අඟහරුවාදා කොළඹදී වෙළඳ ගිවිසුමකට අත්සන් තැබූ බව විදේශ අමාත්‍යාංශය පැවසීය. "
           "මෙම ගිවිසුම දෙරට අතර ආර්ථික සබඳතා ශක්තිමත් කරනු ඇතැයි අපේක්ෂා කෙරේ.\n")


def test_cli_build_an_article_not_in_english_is_skipped_with_one_line(runner, tmp_path):
    # issue 12: a Sinhala article is told, not mangled into an empty @en graph
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "002_f2ac28b3f73fc063.txt", folder / "english.txt")
    (folder / "sinhala.txt").write_text(SINHALA, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Skipped: {folder / 'sinhala.txt'}: language si, not English; skipped "
                                          "(kg build --any-language reads it anyway)"]
    assert "1 article, 1 skipped: see above." in result.stdout
    anyway = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "any"), "--any-language"])
    assert anyway.exit_code == 0 and "2 articles." in anyway.stdout
    ttl = (tmp_path / "any" / "graph.ttl").read_text(encoding="utf-8")
    # what comes from the Sinhala article is tagged as Sinhala, never as English
    title = SINHALA.splitlines()[0].replace("\u200d", "")      # the reader drops zero-width joiners
    assert f'"{title}"@si' in ttl and f'"{title}"@en' not in ttl


def test_cli_build_nothing_readable_exits_1_and_writes_nothing(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert "empty" in result.output
    assert not (out / "graph.ttl").exists()


def test_cli_build_folder_without_articles(runner, tmp_path):
    (tmp_path / "notes.md").write_text("# not an article")
    result = runner.invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no articles in this folder" in result.output


def test_cli_build_unreadable_file(runner, tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("Title\n\nBody text here.")
    f.chmod(0)
    real = Path.read_bytes

    def deny(self):    # root reads anything, so make the refusal explicit
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", deny)
    result = runner.invoke(cli, ["build", str(f), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "secret.txt" in result.output and "permission denied" in result.output.lower()


def test_cli_build_output_not_writable_keeps_old_export(runner, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(SEEDS / "002_f2ac28b3f73fc063.txt"), "-o", str(out)]).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(blocker)])
    assert result.exit_code == 1
    assert "file-not-folder" in result.output and "not a folder" in result.output
    assert (out / "graph.ttl").read_bytes() == before


def test_cli_build_failed_write_leaves_no_partial_file(runner, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(SEEDS / "002_f2ac28b3f73fc063.txt"), "-o", str(out)]).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    import kg.export as export

    def broken(path, data):
        raise export.ExportError(path, "cannot write (No space left on device)")
    monkeypatch.setattr("kg.export.write_atomic", broken)     # every format is written there
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 1
    assert "No space left" in result.output
    assert (out / "graph.ttl").read_bytes() == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_cli_build_rejects_bad_base_iri(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path), "--base-iri", "http://x.org/id"])
    assert result.exit_code == 2
    assert "--base-iri" in result.output


def test_cli_query_table_and_formats(runner, seeds_build):
    out, _ = seeds_build
    ttl = str(out / "graph.ttl")
    q = "SELECT ?name WHERE { ?p a dkg:Country ; rdfs:label ?name } ORDER BY ?name"
    table = runner.invoke(cli, ["query", ttl, q], catch_exceptions=False)
    assert table.exit_code == 0
    assert "Azerbaijan" in table.output and "China" in table.output
    as_json = runner.invoke(cli, ["query", ttl, q, "--format", "json"], catch_exceptions=False)
    names = [b["name"]["value"] for b in json.loads(as_json.output)["results"]["bindings"]]
    assert "Azerbaijan" in names and "China" in names
    csv = runner.invoke(cli, ["query", ttl, q, "--format", "csv"], catch_exceptions=False)
    assert csv.output.splitlines()[0].strip() == "name"


def test_cli_query_from_file(runner, seeds_build, tmp_path):
    out, _ = seeds_build
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?p a dkg:Person ; rdfs:label \"Ilham Aliyev\"@en }")
    result = runner.invoke(cli, ["query", str(out / "graph.ttl"), "--file", str(rq)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.strip() == "true"
    # issue 16: a .rq file where the query goes is read, not parsed as SPARQL
    given = runner.invoke(cli, ["query", str(out / "graph.ttl"), str(rq), "-f", "json"], catch_exceptions=False)
    assert given.exit_code == 0 and json.loads(given.output)["boolean"] is True
    missing = runner.invoke(cli, ["query", str(out / "graph.ttl"), str(tmp_path / "nope.rq")])
    assert missing.exit_code == 2 and f"{tmp_path / 'nope.rq'}: no such query file" in missing.output


def test_cli_query_help_examples_exist():
    # every file the help's examples name is in the project
    from conftest import ROOT

    result = CliRunner().invoke(cli, ["query", "--help"])
    files = [w for w in result.output.split() if w.endswith(".rq") and "/" in w]
    assert files and all((ROOT / f).is_file() for f in files), files


def test_cli_query_unknown_prefix_is_one_line_with_its_position(runner, seeds_build):
    out, _ = seeds_build
    bad = runner.invoke(cli, ["query", str(out / "graph.ttl"), "SELECT ?x WHERE { ?x a foo:Bar }"])
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines() == [
        "Error: query: SPARQL syntax error: line 1, column 31: unknown prefix 'foo:'; declare it with "
        "PREFIX foo: <...> (predeclared: dcterms, dkg, dkgr, owl, prov, rdf, rdfs, skos, xsd)"]


def test_cli_query_errors(runner, seeds_build, tmp_path):
    out, _ = seeds_build
    ttl = str(out / "graph.ttl")
    assert runner.invoke(cli, ["query", ttl]).exit_code == 2
    bad = runner.invoke(cli, ["query", ttl, "SELEC ?x WHERE {"])
    assert bad.exit_code == 1 and "SPARQL" in bad.output
    missing = runner.invoke(cli, ["query", str(tmp_path / "nope.ttl"), "ASK {}"])
    assert missing.exit_code == 1 and "nope.ttl" in missing.output


def test_cli_validate_seeds_conform(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(cli, ["validate", str(out / "graph.ttl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_cli_validate_reports_violations(runner, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/diplokg/id/m> a dkg:Meeting, dkg:Event ; rdfs:label "A meeting"@en .
""")
    result = runner.invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "wasDerivedFrom" in result.output or "provenance" in result.output.lower()


def test_cli_stats(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(cli, ["stats", str(out / "graph.ttl")], catch_exceptions=False)
    assert result.exit_code == 0
    assert "dkg:Person" in result.output and "rdfs:label" in result.output


def test_cli_html_rerender_and_focus(runner, seeds_build, tmp_path):
    out, _ = seeds_build
    full = tmp_path / "full.html"
    focus = tmp_path / "focus.html"
    r1 = runner.invoke(cli, ["html", str(out / "graph.ttl"), "-o", str(full)], catch_exceptions=False)
    r2 = runner.invoke(cli, ["html", str(out / "graph.ttl"), "-o", str(focus), "--focus", "Aliyev", "--hops", "1"],
                       catch_exceptions=False)
    assert r1.exit_code == 0 and r2.exit_code == 0
    n_full = int(r1.output.split("(")[1].split()[0])
    n_focus = int(r2.output.split("(")[1].split()[0])
    assert 1 < n_focus < n_full
    missing = runner.invoke(cli, ["html", str(out / "graph.ttl"), "-o", str(focus), "--focus", "Nobody Atall"])
    assert missing.exit_code == 1 and "Nobody Atall" in missing.output


def test_cli_build_formats_hold_the_same_graph(runner, tmp_path):
    import rdflib
    from rdflib.compare import isomorphic

    out = tmp_path / "out"
    args = ["build", str(SEEDS), "-o", str(out), "-f", "ttl", "-f", "nt", "-f", "jsonld", "-f", "trig", "--no-html"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert not (out / "graph.html").exists()
    ttl = rdflib.Graph().parse(out / "graph.ttl")
    assert isomorphic(ttl, rdflib.Graph().parse(out / "graph.nt"))
    assert isomorphic(ttl, rdflib.Graph().parse(out / "graph.jsonld", format="json-ld"))
    assert '"@context"' in (out / "graph.jsonld").read_text()
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    named = {str(g.identifier) for g in ds.graphs() if str(g.identifier).startswith("https://w3id.org/diplokg/id/article-")}
    assert len(named) == 5, "one named graph per article"
    # every triple of the graph is in the TriG, in the default graph or an article's
    union = {(s, p, o) for s, p, o, _ in ds.quads()}
    assert set(ttl) <= union


def test_cli_merge_two_batches_equals_one_build(runner, tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    a, b, both, merged = (tmp_path / n for n in ("a", "b", "both", "merged"))
    assert runner.invoke(cli, ["build", *map(str, files[:3]), "-o", str(a), "--no-html"]).exit_code == 0
    assert runner.invoke(cli, ["build", *map(str, files[2:]), "-o", str(b), "--no-html"]).exit_code == 0
    assert runner.invoke(cli, ["build", str(SEEDS), "-o", str(both), "--no-html"]).exit_code == 0
    result = runner.invoke(cli, ["merge", str(a / "graph.ttl"), str(b / "graph.ttl"), "-o", str(merged), "--no-html"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output          # the article in both batches counts once
    assert (merged / "graph.ttl").read_bytes() == (both / "graph.ttl").read_bytes()


def test_cli_merge_needs_the_findings_file(runner, tmp_path):
    out = tmp_path / "a"
    assert runner.invoke(cli, ["build", str(SEEDS / "002_f2ac28b3f73fc063.txt"), "-o", str(out), "--no-html"]).exit_code == 0
    (out / "graph.findings.jsonl.gz").unlink()
    result = runner.invoke(cli, ["merge", str(out / "graph.ttl"), str(out / "graph.ttl"), "-o", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "findings" in result.output and "kg build" in result.output


def test_cli_query_named_and_list(runner, seeds_build):
    out, _ = seeds_build
    listing = runner.invoke(cli, ["query", "--list"], catch_exceptions=False)
    assert listing.exit_code == 0
    for name in ("positions", "relations-timeline", "visit-agreements", "meetings", "stances", "figures",
                 "provenance", "shared-memberships"):
        assert name in listing.output
    result = runner.invoke(cli, ["query", str(out / "graph.ttl"), "--named", "positions", "--param", "person=Li Qiang"],
                           catch_exceptions=False)
    assert result.exit_code == 0 and "Premier of China" in result.output
    bad = runner.invoke(cli, ["query", str(out / "graph.ttl"), "--named", "nope"])
    assert bad.exit_code == 2 and "nope" in bad.output


def test_cli_link_reports_coverage_and_build_adds_sameas(runner, seeds_build):
    import rdflib
    out, _ = seeds_build
    result = runner.invoke(cli, ["link", str(out / "graph.ttl")], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Country: 3 of 3 linked" in result.output
    g = rdflib.Graph().parse(out / "graph.ttl")
    china = rdflib.URIRef("https://w3id.org/diplokg/id/china")
    assert (china, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q148")) in g


def test_cli_push_to_a_store_that_is_down_is_one_line_and_exit_1(runner, seeds_build):
    import socket
    out, _ = seeds_build
    with socket.socket() as s:          # a free port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = runner.invoke(cli, ["push", str(out / "graph.ttl"), "--endpoint", f"http://127.0.0.1:{port}/store",
                                 "--graph", "urn:diplo"])
    assert result.exit_code == 1
    assert "cannot reach" in result.output and str(port) in result.output
    assert len([l for l in result.output.splitlines() if l.strip()]) == 1


@pytest.mark.parametrize("value", ["0", "-3", "many", "2.5"])
def test_cli_build_jobs_must_be_a_number_or_auto(runner, tmp_path, value):
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path), "-j", value])
    assert result.exit_code == 2
    assert "neither a number of processes" in result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_jobs_auto_uses_every_core_for_big_batches_only():
    from kg.pipeline import AUTO_MIN_FILES, job_count

    cores = len(os.sched_getaffinity(0))
    assert job_count("auto", 5) == 1
    assert job_count("auto", AUTO_MIN_FILES) == min(cores, AUTO_MIN_FILES)
    assert job_count("auto", 10_000) == cores
    assert job_count(3, 5) == 3
