"""The ``kg`` command: a thin click client of the library.

Commands parse options, call the API and turn a KgError into one line on stderr. Exit codes:
0 when something useful was done, 1 when nothing could be (no article read, a graph that
cannot be read, violations found), 2 for usage errors.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Optional, Sequence

import click

from . import __version__
from .errors import KgError
from .export import rdf_formats

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("output")


def _fail(exc: KgError, code: int = 1) -> "click.exceptions.Exit":
    click.echo(f"Error: {exc}", err=True)
    return click.exceptions.Exit(code)


@contextlib.contextmanager
def _failing(code: int = 1):
    """A KgError in the block: one line on stderr, and exit ``code``."""
    try:
        yield
    except KgError as exc:
        raise _fail(exc, code) from None


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


def _check_base_iri(ctx, param, value):
    if value is not None and not (value.startswith(("http://", "https://", "urn:")) and value.endswith(("/", "#"))):
        raise click.BadParameter("must be an http(s) or urn IRI ending with '/' or '#'")
    return value


def _check_jobs(ctx, param, value):
    if value == "auto":
        return value
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise click.BadParameter(f"{value!r} is neither a number of processes (1 or more) nor auto")
    return jobs


def output_options(f):
    """--out, --format, --base-iri, --no-html: spelled once for build and merge."""
    f = click.option("--no-html", is_flag=True, help="Do not draw graph.html.")(f)
    f = click.option("--base-iri", default=None, callback=_check_base_iri,
                     help="Namespace of minted resources (default: the contract's dkgr:).")(f)
    f = click.option("-f", "--format", "formats", type=click.Choice(rdf_formats()), multiple=True,
                     help="RDF format to write; repeat for several (default: ttl).")(f)
    f = click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
                     show_default=True, help="Folder for graph.ttl (and the other formats) and graph.html.")(f)
    return f


def _formats(formats: Sequence[str], no_html: bool) -> tuple:
    return tuple(dict.fromkeys(formats or ("ttl",))) + (() if no_html else ("html",))


def _plural(n: int, word: str, plural: str = "") -> str:
    """ "1 article", "1,740 articles", "2 entities" (``plural`` when it is not word + s)."""
    return f"{n:,} " + (word if n == 1 else plural or word + "s")


def _report_problems(problems, debug: bool) -> None:
    """One line per article left out; with ``debug``, the traceback of a failure too."""
    from .errors import ArticleSkipped, ExtractionError

    for problem in problems:
        if isinstance(problem, ArticleSkipped):
            click.echo(f"Skipped: {problem}", err=True)
        elif isinstance(problem, ExtractionError):
            hint = "" if debug else " (a bug in diplokg: kg build --debug shows the traceback)"
            click.echo(f"Error: {problem}; skipped{hint}", err=True)
            if debug and problem.details:
                click.echo(problem.details.rstrip("\n"), err=True)
        else:
            click.echo(f"Error: {problem}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output_options
@click.option("-j", "--jobs", default="auto", show_default=True, callback=_check_jobs,
              help="Processes for reading and extraction: a number, or auto (every core the "
                   "build may use, for 100 articles or more). The output is the same for any number.")
@click.option("--strict", is_flag=True, help="Exit 1 when any article was skipped (unreadable, failed, "
                                             "or not in English).")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG",
              help="Show the traceback of an article whose extraction failed (or set KG_DEBUG=1).")
@click.option("--any-language", is_flag=True,
              help="Read articles in any language (the extraction reads English: expect little from "
                   "others). By default an article not in English is skipped with one line.")
def build(paths: Sequence[Path], out_dir: Path, formats: Sequence[str], base_iri: Optional[str], no_html: bool,
          jobs, strict: bool, debug: bool, any_language: bool) -> None:
    """Read articles and write the graph as Turtle and HTML.

    PATHS are files and folders (folders: every .txt, .html, .htm and .xhtml); seeds/ when none.
    An article that cannot be read or extracted is reported in one line and skipped; the
    build goes on with the others and exits 0 (1 with --strict, or when no article could be
    read at all).

    \b
    Example:
        kg build
        kg build news/2025/ extra.txt -o out/ -f ttl -f jsonld -f trig -j 2
    """
    from .api import build as run_build

    paths = list(paths) or [DEFAULT_INPUT]
    with _failing():
        result = run_build(paths, out_dir, formats=_formats(formats, no_html), base=base_iri, jobs=jobs,
                           progress=_progress_factory(), languages=None if any_language else ("en",))
    _report_problems(result.problems, debug)
    for art in result.articles:
        for warning in art.warnings:
            click.echo(f"Warning: {art.path}: {warning}", err=True)
    if not result.articles:
        click.echo("Error: no article could be read; nothing written", err=True)
        raise click.exceptions.Exit(1)
    skipped = f", {len(result.problems):,} skipped: see above" if result.problems else ""
    click.echo(f"{_plural(len(result.articles), 'article')}{skipped}. "
               f"{_plural(result.entity_count, 'entity', 'entities')}, "
               f"{_plural(result.fact_count, 'fact')}, {_plural(len(result.triples), 'triple')}.")
    for path in result.outputs:
        click.echo(f"Wrote {path}")
    for note in result.notes:
        click.echo(f"Note: {note}")
    if strict and result.problems:
        click.echo(f"Error: --strict: {_plural(len(result.problems), 'article')} skipped", err=True)
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_options
def merge(graphs: Sequence[Path], out_dir: Path, formats: Sequence[str], base_iri: Optional[str],
          no_html: bool) -> None:
    """Merge builds into the graph one build over all their articles would give.

    Each GRAPH needs the findings file its build wrote beside it (graph.findings.jsonl.gz):
    resolution runs again over all the articles, so the merged graph has the same IRIs, no
    duplicates, and provenance from every build.

    \b
    Example:
        kg build batch1/ -o out1 && kg build batch2/ -o out2
        kg merge out1/graph.ttl out2/graph.ttl -o merged/
    """
    from .api import merge as run_merge

    with _failing():
        result = run_merge(list(graphs), out_dir, formats=_formats(formats, no_html), base=base_iri)
    click.echo(f"Merged {len(graphs)} builds: {len(result.articles)} articles, {result.entity_count} entities, "
               f"{result.fact_count} facts, {len(result.triples)} triples.")
    for path in result.outputs:
        click.echo(f"Wrote {path}")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path),
              help="Read the query from a file (a .rq file given as the query does the same).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--named", default=None, help="Run a named query of ontology/queries (see --list).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of a named query.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries and what they answer.")
def query(graph: Optional[Path], sparql: Optional[str], query_file: Optional[Path], fmt: str, named: Optional[str],
          params: Sequence[str], list_only: bool) -> None:
    """Run a SPARQL query on an export and print the results.

    The query is SPARQL text, or the path of a .rq file. The contract's prefixes (dkg:,
    dkgr:, rdfs:, skos:, prov:, dcterms:, ...) are predeclared. Named queries answer an
    analyst's usual questions (kg query --list).

    \b
    Example:
        kg query output/graph.ttl 'SELECT ?name WHERE { ?p a dkg:Person ; rdfs:label ?name }'
        kg query output/graph.ttl docs/queries/who-met-whom.rq -f csv
        kg query output/graph.ttl --named relations-timeline --param country_a=China --param country_b=Azerbaijan
    """
    from .tools.inspect import run_query

    if list_only:
        from .tools.queries import list_queries
        for q in list_queries():
            extra = "".join(f"\n    --param {p.name}=…  {p.description}" for p in getattr(q, "params", ()))
            click.echo(f"{q.name:<22} {q.title}\n    {q.answers}{extra}")
        return
    if graph is None:
        raise click.UsageError("give the graph to query")
    if named is not None:
        if sparql is not None or query_file is not None:
            raise click.UsageError("use just one of a query, --file FILE or --named NAME")
        from .tools.queries import load_query
        bad = [p for p in params if "=" not in p]
        if bad:
            raise click.BadParameter(f"{bad[0]!r} is not KEY=VALUE", param_hint="--param")
        bound = dict(p.split("=", 1) for p in params)
        with _failing(2):
            sparql = load_query(named, bound)
    elif (sparql is None) == (query_file is None):
        raise click.UsageError("give the query as an argument (SPARQL or a .rq file) or with --file FILE, not both")
    if sparql is not None and query_file is None and sparql.strip().endswith(".rq") and "{" not in sparql:
        query_file = Path(sparql.strip())        # a query file given where the query goes
        if not query_file.is_file():
            raise _fail(KgError(query_file, "no such query file"), 2)
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise _fail(KgError(query_file, f"cannot read ({exc.strerror or exc})"), 2)
    with _failing():
        click.echo(run_query(graph, sparql, fmt), nl=False)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, help="The store's Graph Store Protocol URL.")
@click.option("--graph", "graph_iri", default=None, help="The named graph (default: the default graph).")
@click.option("--add", is_flag=True, help="Add to the graph instead of replacing it.")
@click.option("--user", envvar="KG_PUSH_USER", default=None, help="User name (or set KG_PUSH_USER).")
@click.option("--password", envvar="KG_PUSH_PASSWORD", default=None,
              help="Password (or set KG_PUSH_PASSWORD); asked for on a terminal when the store "
                   "wants one and none was given.")
@click.option("--timeout", type=click.FloatRange(1, None), default=60, show_default=True,
              help="Seconds to wait for the store's answer once connected.")
@click.option("--connect-timeout", type=click.FloatRange(0.1, None), default=4, show_default=True,
              help="Seconds to wait for a connection: a wrong host fails this fast.")
@click.option("--query-endpoint", default=None, help="The store's SPARQL query URL (default: derived).")
def push(graph: Path, endpoint: str, graph_iri: Optional[str], add: bool, user: Optional[str],
         password: Optional[str], timeout: float, connect_timeout: float, query_endpoint: Optional[str]) -> None:
    """Send an export to a SPARQL 1.1 Graph Store Protocol endpoint.

    Replaces the named graph (PUT) or, with --add, adds to it (POST); basic or digest
    authentication, as the store asks. When the store wants a password and none was given
    (--password or KG_PUSH_PASSWORD), it is asked for on the terminal. Then reports how many
    triples the graph holds.

    \b
    Example:
        kg push output/graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\
            --graph https://example.org/graphs/diplo --user dba
        kg push output/graph.ttl --endpoint http://127.0.0.1:7878/store --graph urn:diplo --add
    """
    from .tools.push import push as run_push

    def ask(url: str, known_user: Optional[str]):
        # only a person at a terminal can be asked; a script gets the one-line error instead
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            return None
        click.echo(f"{url} asks for credentials.", err=True)
        who = known_user or click.prompt("User", err=True)
        return who, click.prompt(f"Password for {who}", hide_input=True, err=True)

    with _failing():
        r = run_push(graph, endpoint, graph=graph_iri, replace=not add, user=user, password=password,
                     timeout=timeout, connect_timeout=connect_timeout, query_endpoint=query_endpoint, ask=ask)
    where = f"<{r.graph}>" if r.graph else "the default graph"
    click.echo(f"{'Added' if add else 'Replaced'} {where} with {r.sent_triples} triples at {r.endpoint}.")
    if r.store_triples is not None:
        click.echo(f"The store now holds {r.store_triples} triples in {where}.")
    if getattr(r, "warning", None):
        click.echo(f"Warning: {r.warning}", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
def link(graph: Path) -> None:
    """Report the Wikidata links of an export and what is left unlinked.

    kg build links countries, international organisations and the best-known people to their
    Wikidata items (owl:sameAs) where kg/data/wikidata.tsv holds a sourced identifier for the
    exact type and name; nothing is guessed. This command shows the coverage per type and the
    names without a link.

    \b
    Example:
        kg link output/graph.ttl
    """
    from .export.graphio import read_triples
    from .resolve.link import coverage, report

    with _failing():
        click.echo(report(coverage(read_triples(graph))))


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
    from .tools.inspect import validate as run_validate

    with _failing():
        problems = run_validate(graph, shapes)
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
    from .tools.inspect import stats as run_stats

    with _failing():
        click.echo(run_stats(graph), nl=False)


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
    from .api import convert

    with _failing():
        page = convert(graph, out_file, "html", focus=focus, hops=hops)
    click.echo(f"Wrote {out_file} ({page.summary})")
    if page.note:
        click.echo(f"Note: {page.note}")


def main() -> None:  # pragma: no cover - console entry point
    cli()
