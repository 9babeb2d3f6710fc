"""Extraction on a (local) Dask cluster gives the graph a single build gives."""
from __future__ import annotations

import pytest

from kg.api import build

from conftest import SEEDS

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install -e '.[test]')")


def test_distributed_local_cluster_gives_the_single_build(tmp_path):
    from kg.tools.distributed import build_distributed

    single = tmp_path / "single"
    build([SEEDS], single, formats=("ttl",))
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = build_distributed([SEEDS, bad], tmp_path / "dask", client, chunk_size=2, formats=("ttl",))
    assert len(result.articles) == 5
    # a bad article met on a worker is reported with its path and reason, as kg build does
    assert [(p.path, p.reason) for p in result.problems] == [(str(bad), "empty file")]
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (single / "graph.ttl").read_bytes()
    assert (tmp_path / "dask" / "graph.findings.jsonl.gz").read_bytes() == (single / "graph.findings.jsonl.gz").read_bytes()


def test_distributed_chunks_are_stable():
    from kg.tools.distributed import chunks

    files = sorted(SEEDS.glob("*.txt"))
    assert chunks(list(reversed(files)), 2) == [files[0:2], files[2:4], files[4:5]]


def test_distributed_an_article_whose_extraction_fails_is_skipped(tmp_path, monkeypatch):
    # issue 12: on the Dask path too, an exception in one article is that article's problem
    import kg.pipeline
    from kg.tools.distributed import build_distributed
    from kg.errors import ExtractionError

    real, real_batch = kg.pipeline.extract_article, kg.pipeline.extract_articles
    broken = sorted(SEEDS.glob("*.txt"))[1]

    def extract(article):
        if article.path == str(broken):
            raise ValueError("bad state in the extractor")
        return real(article)

    def extract_batch(articles, progress=None):
        for art, found in real_batch(articles, progress):
            if art.path == str(broken):
                raise ValueError("bad state in the extractor")
            yield art, found
    monkeypatch.setattr(kg.pipeline, "extract_article", extract)
    monkeypatch.setattr(kg.pipeline, "extract_articles", extract_batch)
    # threads, so the workers share this process and its patched extractor
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = build_distributed([SEEDS], tmp_path / "dask", client, chunk_size=2, formats=("ttl",))
    assert len(result.articles) == 4
    [problem] = result.problems
    assert isinstance(problem, ExtractionError)
    assert (problem.path, problem.reason) == (str(broken), "extraction failed (ValueError: bad state in the extractor)")
    assert "Traceback" in problem.details
    assert (tmp_path / "dask" / "graph.ttl").exists()
