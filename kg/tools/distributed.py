"""Extraction spread over a cluster: the per-article step on Dask, the merge at home.

Extraction is per article and needs nothing from other articles, so millions of articles can
be split into chunks, each chunk read and extracted by a worker of an existing distributed
engine, and written as a findings file (the same format ``kg build`` writes beside its graph).
Resolution and the graph model then run once over all the findings, exactly as ``kg merge``
does, so the result is the graph a single build over all the articles gives.

>>> from dask.distributed import Client, LocalCluster           # doctest: +SKIP
>>> with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:
...     result = build_distributed(["news/"], "out/", client)   # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from ..api import DEFAULT_FORMATS, finish_from_findings
from ..errors import KgError
from ..pipeline import BuildResult, collect_paths, read_and_extract, timed

__all__ = ["extract_chunk", "build_distributed", "chunks"]


def chunks(files: Sequence[Path], size: int) -> List[List[Path]]:
    """The files in chunks of ``size`` (the last may be smaller), in a stable order."""
    files = sorted(Path(f) for f in files)
    return [files[i:i + size] for i in range(0, len(files), size)]


def extract_chunk(files: Sequence[Path]) -> Tuple[bytes, List[KgError]]:
    """Read and extract some articles (run on a worker): the findings file's bytes, and the
    problems met with single articles (empty, binary, ...), which are left out as in ``kg build``.
    """
    from ..findings_io import dumps

    articles, findings, blocks, problems = read_and_extract(list(files))
    return dumps(articles, findings, blocks), problems


def build_distributed(paths: Sequence[Path], out_dir: Optional[Path], client, chunk_size: int = 200,
                      formats: Sequence[str] = DEFAULT_FORMATS, base: Optional[str] = None) -> BuildResult:
    """A build whose extraction runs on a Dask cluster (``client``: a ``dask.distributed.Client``).

    Args:
        paths: files and folders, as for ``kg build``.
        out_dir: where the outputs go (None: write nothing).
        client: a connected Dask client; its workers must be able to import diplokg.
        chunk_size: articles per task.

    Returns:
        The same BuildResult a single-machine build gives, with the same triples.
    """
    from ..findings_io import loads

    result = BuildResult()
    files, result.problems = collect_paths(paths)
    with timed(result, "extract"):
        futures = client.map(extract_chunk, chunks(files, chunk_size), pure=False)
        parts: List[Tuple[list, dict]] = []
        for data, problems in client.gather(futures):
            parts.append(loads(data))
            result.problems += problems
    return finish_from_findings(result, parts, Path(out_dir) if out_dir is not None else None, formats, base)
