"""The public API: ``build`` reads articles and writes the exports; ``merge`` joins builds;
``convert`` writes an export again in another format (``kg html`` draws a page so)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from .errors import ExportError, KgError, UsageError
from .export import Rendered, exporter_of, write_atomic, write_export
from .pipeline import (READ_LANGUAGES, BuildResult, build_model, collect_paths, graph_triples, paused_gc,
                       read_and_extract, timed)

__all__ = ["build", "merge", "convert", "write_outputs", "DEFAULT_FORMATS"]

DEFAULT_FORMATS = ("ttl", "html")


@paused_gc()
def build(paths: Sequence[Path], out_dir: Optional[Path] = None, formats: Sequence[str] = DEFAULT_FORMATS,
          base: Optional[str] = None, jobs: Union[int, str] = 1,
          progress: Optional[Callable[[str, int], Callable[[int], None]]] = None,
          languages: Optional[Sequence[str]] = READ_LANGUAGES) -> BuildResult:
    """Read the articles under ``paths`` and write the graph in each format into ``out_dir``.

    Args:
        paths: files and folders (folders: every .txt, .html, .htm and .xhtml in them).
        out_dir: where the files go; nothing is written when None.
        formats: names of exporters (``ttl``, ``html``).
        base: the namespace of minted resources; the contract's ``dkgr:`` by default.
        jobs: processes for reading and extraction, or ``"auto"`` (see
            :func:`kg.pipeline.job_count`); the output is the same for any number.
        progress: called as ``progress(stage, total)`` and returning an ``advance(n)`` callback.
        languages: the languages to read (ISO 639-1 codes); an article in another is skipped
            with an :class:`~kg.errors.ArticleSkipped` problem. None reads every language.

    Returns:
        A BuildResult with the articles, the problems met and the files written.
        Nothing is written when no article could be read.

    Raises:
        ExportError: when an output cannot be written (earlier outputs stay as they were).
    """
    result = BuildResult()
    files, result.problems = collect_paths(paths)
    articles, findings, result.blocks, problems = read_and_extract(files, jobs, progress, result.timings, languages)
    result.problems += problems
    if not articles:
        return result
    return finish_from_findings(result, [(articles, findings)],
                                Path(out_dir) if out_dir is not None else None, formats, base)


def write_outputs(result: BuildResult, out_dir: Path, formats: Sequence[str], base: Optional[str] = None,
                  findings: bool = True) -> None:
    """Write each format, and the findings file that lets builds be merged, into ``out_dir``."""
    from .findings_io import SUFFIX, dumps

    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(out_dir, "not a folder")
    for fmt in formats:
        exporter = exporter_of(fmt)
        target = out_dir / exporter.file_name
        with timed(result, exporter.stage):
            # a big build draws its most connected part; the page and the summary say so
            rendered = write_export(result.triples, fmt, target, base=base)
        if rendered.note:
            result.notes.append(rendered.note)
        result.outputs.append(target)
    if findings and result.findings is not None:
        with timed(result, "serialise"):
            target = out_dir / ("graph" + SUFFIX)
            write_atomic(target, dumps(result.articles, result.findings, result.blocks))
        result.outputs.append(target)


def convert(graph: Path, target: Path, fmt: str = "html", **options) -> Rendered:
    """Write the export ``graph`` (Turtle, N-Triples, TriG, N-Quads or JSON-LD) to ``target``
    in format ``fmt``, through the same exporter as a build: ``kg html`` draws its page so.

    Options go to the exporter (HTML: ``focus`` and ``hops``).

    Raises:
        GraphError: a graph that cannot be read. KgError: options the exporter cannot follow
            (a focus on no entity), named with the graph. ExportError: ``target`` unwritable.
    """
    from .export.graphio import read_triples

    triples = read_triples(graph)
    try:
        return write_export(triples, fmt, target, **options)
    except KgError as exc:
        if exc.path is None:
            raise type(exc)(graph, exc.reason) from None
        raise


def merge(graphs: Sequence[Path], out_dir: Path, formats: Sequence[str] = DEFAULT_FORMATS,
          base: Optional[str] = None) -> BuildResult:
    """Merge builds: the graph one build over all their articles would give.

    Each graph's findings file (``graph.findings.jsonl.gz`` beside it) is read; articles
    present in several builds count once; resolution and the model run over everything.

    Raises:
        GraphError: a graph without its findings file, or a findings file that cannot be read.
    """
    from .findings_io import read, sidecar_of

    if len(graphs) < 2:
        raise UsageError(None, "give at least two graphs to merge")
    result = BuildResult()
    return finish_from_findings(result, [read(sidecar_of(g)) for g in graphs], Path(out_dir), formats, base)


@paused_gc()
def finish_from_findings(result: BuildResult, parts, out_dir: Optional[Path], formats: Sequence[str],
                         base: Optional[str] = None) -> BuildResult:
    """Combine (articles, findings) parts (an article in several counts once), resolve, build
    the graph and write it: the end of kg build, kg merge and a distributed build."""
    articles, findings = {}, {}
    for arts, fs in parts:
        for a in arts:
            if a.id not in articles:
                articles[a.id] = a
                findings[a.id] = fs.get(a.id, [])
    result.articles = [articles[k] for k in sorted(articles)]
    result.findings = findings
    if not result.articles:
        return result
    with timed(result, "resolve"):
        result.model = build_model(result.articles, findings, base)
        result.triples = graph_triples(result.model)
    if out_dir is not None:
        write_outputs(result, Path(out_dir), formats, base)
    return result
