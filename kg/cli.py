"""The ``kg`` command: a thin click client of the library.

Commands parse options, call the API and turn a KgError into one line on stderr. Exit codes:
0 when something useful was done, 1 when nothing could be (no article read, a graph that
cannot be read, violations found), 2 for usage errors.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

import click

from . import __version__
from .errors import KgError

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("output")


def _fail(exc: KgError, code: int = 1) -> "click.exceptions.Exit":
    click.echo(f"Error: {exc}", err=True)
    return click.exceptions.Exit(code)


def _progress_factory(total_threshold: int = 5):
    """A progress bar on stderr for each stage, when there are more than a handful of articles."""
    bars = []

    def start(stage: str, total: int):
        if total <= total_threshold:
            return lambda n: None
        bar = click.progressbar(length=total, label=f"{stage:<10}", file=sys.stderr,
                                show_pos=True, show_percent=False)
        bar.__enter__()
        bars.append(bar)

        def advance(n: int) -> None:
            bar.update(n)
            if bar.pos >= bar.length:
                bar.__exit__(None, None, None)
        return advance
    return start


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplokg")
def cli() -> None:
    """diplokg: turn foreign-policy news into a knowledge graph.

    \b
    Example:
        kg build                      # seeds/ -> output/graph.ttl, output/graph.html
        kg query output/graph.ttl 'SELECT ?p WHERE { ?p a dkg:Person }'
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Folder for graph.ttl and graph.html.")
@click.option("--base-iri", default=None, help="Namespace of minted resources (default: the contract's dkgr:).")
@click.option("-j", "--jobs", type=click.IntRange(1, None), default=1, show_default=True,
              help="Processes for extraction.")
def build(paths: Sequence[Path], out_dir: Path, base_iri: Optional[str], jobs: int) -> None:
    """Read articles and write the graph as Turtle and HTML.

    PATHS are files and folders (folders: every .txt, .html and .htm); seeds/ when none.
    A bad article is reported on stderr and skipped; the exit code is 1 only when no article
    could be read.

    \b
    Example:
        kg build
        kg build news/2025/ extra.txt -o out/
    """
    from .api import build as run_build

    paths = list(paths) or [DEFAULT_INPUT]
    if base_iri is not None and not base_iri.endswith(("/", "#")):
        raise click.BadParameter("must end with '/' or '#'", param_hint="--base-iri")
    try:
        result = run_build(paths, out_dir, base=base_iri, jobs=jobs, progress=_progress_factory())
    except KgError as exc:
        raise _fail(exc)
    for problem in result.problems:
        click.echo(f"Error: {problem}", err=True)
    for art in result.articles:
        for warning in art.warnings:
            click.echo(f"Warning: {art.path}: {warning}", err=True)
    if not result.articles:
        click.echo("Error: no article could be read; nothing written", err=True)
        raise click.exceptions.Exit(1)
    skipped = f" ({len(result.problems)} skipped)" if result.problems else ""
    click.echo(f"Read {len(result.articles)} articles{skipped}: "
               f"{result.entity_count} entities, {result.fact_count} facts, "
               f"{len(result.triples)} triples.")
    for path in result.outputs:
        click.echo(f"Wrote {path}")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
def query(graph: Path, sparql: Optional[str], query_file: Optional[Path], fmt: str) -> None:
    """Run a SPARQL query on an export and print the results.

    The contract's prefixes (dkg:, dkgr:, rdfs:, skos:, prov:, dcterms:, ...) are predeclared.

    \b
    Example:
        kg query output/graph.ttl 'SELECT ?name WHERE { ?p a dkg:Person ; rdfs:label ?name }'
        kg query output/graph.ttl -f who-met-whom.rq --format csv
    """
    from .inspect import run_query

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query as an argument or with -f FILE, not both")
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise _fail(KgError(query_file, f"cannot read ({exc.strerror or exc})"), 2)
    try:
        click.echo(run_query(graph, sparql, fmt), nl=False)
    except KgError as exc:
        raise _fail(exc)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path), default=None,
              help="SHACL shapes (default: the project's ontology/shapes.ttl).")
def validate(graph: Path, shapes: Optional[Path]) -> None:
    """Check an export against the SHACL shapes; one line per violation, exit 1 if any.

    \b
    Example:
        kg validate output/graph.ttl
    """
    from .inspect import validate as run_validate

    try:
        problems = run_validate(graph, shapes)
    except KgError as exc:
        raise _fail(exc)
    for line in problems:
        click.echo(line)
    if problems:
        click.echo(f"{len(problems)} violations", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"{graph}: conforms")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
def stats(graph: Path) -> None:
    """Print counts per class and per property of an export.

    \b
    Example:
        kg stats output/graph.ttl
    """
    from .inspect import stats as run_stats

    try:
        click.echo(run_stats(graph), nl=False)
    except KgError as exc:
        raise _fail(exc)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--focus", default=None, help="Draw only the neighbourhood of this entity (any of its names).")
@click.option("--hops", type=click.IntRange(0, None), default=2, show_default=True,
              help="How far from --focus to draw.")
def html(graph: Path, out_file: Path, focus: Optional[str], hops: int) -> None:
    """Draw an export (Turtle) as an interactive HTML page.

    \b
    Example:
        kg html output/graph.ttl -o aliyev.html --focus "Ilham Aliyev" --hops 1
    """
    from .export import write_atomic
    from .export.html import graph_to_html
    from .graphio import read_triples
    from .network import find_node, neighbourhood, to_networkx

    try:
        g = to_networkx(read_triples(graph))
        if focus:
            node = find_node(g, focus)
            if node is None:
                raise KgError(graph, f"no entity named {focus!r}")
            g = neighbourhood(g, node, hops)
        write_atomic(out_file, graph_to_html(g))
    except KgError as exc:
        raise _fail(exc)
    click.echo(f"Wrote {out_file} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")


def main() -> None:  # pragma: no cover - console entry point
    cli()
