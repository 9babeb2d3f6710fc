"""The public API: ``build`` reads articles and writes the exports."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from .errors import ExportError
from .export import EXPORTERS, FILE_NAMES, write_atomic
from .pipeline import BuildResult, build_model, collect_paths, extract_all, read_articles, timed

__all__ = ["build", "DEFAULT_FORMATS"]

DEFAULT_FORMATS = ("ttl", "html")


def build(paths: Sequence[Path], out_dir: Optional[Path] = None, formats: Sequence[str] = DEFAULT_FORMATS,
          base: Optional[str] = None, jobs: int = 1,
          progress: Optional[Callable[[str, int], Callable[[int], None]]] = None) -> BuildResult:
    """Read the articles under ``paths`` and write the graph in each format into ``out_dir``.

    Args:
        paths: files and folders (folders: every .txt, .html and .htm in them).
        out_dir: where the files go; nothing is written when None.
        formats: names of exporters (``ttl``, ``html``).
        base: the namespace of minted resources; the contract's ``dkgr:`` by default.
        jobs: processes for extraction.
        progress: called as ``progress(stage, total)`` and returning an ``advance(n)`` callback.

    Returns:
        A BuildResult with the articles, the problems met and the files written.
        Nothing is written when no article could be read.

    Raises:
        ExportError: when an output cannot be written (earlier outputs stay as they were).
    """
    result = BuildResult()
    files, result.problems = collect_paths(paths)
    tick = progress("reading", len(files)) if progress else None
    with timed(result, "read"):
        result.articles, problems = read_articles(files, tick)
    result.problems += problems
    if not result.articles:
        return result
    tick = progress("extracting", len(result.articles)) if progress else None
    with timed(result, "extract"):
        findings = extract_all(result.articles, jobs=jobs, progress=tick)
    with timed(result, "resolve"):
        result.model = build_model(result.articles, findings, base)
        result.triples = result.model.triples()
    if out_dir is None:
        return result
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(out_dir, "not a folder")
    for fmt in formats:
        with timed(result, "serialise" if fmt != "html" else "html"):
            data = EXPORTERS[fmt](result.triples, base=base)
            target = out_dir / FILE_NAMES[fmt]
            write_atomic(target, data)
        result.outputs.append(target)
    return result
