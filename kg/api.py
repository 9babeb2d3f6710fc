"""The public API: ``build`` reads articles and writes the exports."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from .errors import ExportError, UsageError
from .export import EXPORTERS, FILE_NAMES, write_atomic
from .pipeline import (READ_LANGUAGES, BuildResult, build_model, collect_paths, graph_triples, paused_gc,
                       read_and_extract, timed)

__all__ = ["build", "merge", "write_outputs", "DEFAULT_FORMATS"]

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
        with timed(result, "serialise" if fmt != "html" else "html"):
            if fmt == "html":
                # a big build draws its most connected part; the page and the summary say so
                from .export.html import build_page
                from .network import to_networkx
                page = build_page(to_networkx(result.triples, details=False))
                data = page.html.encode("utf-8") if isinstance(page.html, str) else page.html
                if page.note:
                    result.notes.append(page.note)
            else:
                data = EXPORTERS[fmt](result.triples, base=base)
            target = out_dir / FILE_NAMES[fmt]
            write_atomic(target, data)
        result.outputs.append(target)
    if findings and result.findings is not None:
        with timed(result, "serialise"):
            target = out_dir / ("graph" + SUFFIX)
            write_atomic(target, dumps(result.articles, result.findings, result.blocks))
        result.outputs.append(target)


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
