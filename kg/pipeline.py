"""The build: paths -> articles -> findings -> resolved findings -> graph -> files.

Data flows one way. One bad article never sinks the batch: its error is collected and the
others go through; the caller decides the exit code.
"""
from __future__ import annotations

import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from .articles import Article, read_article
from .errors import ArticleError, KgError
from .extract import extract_article
from .findings import Finding
from .model import GraphModel
from .resolve import resolve

__all__ = ["ARTICLE_SUFFIXES", "BuildResult", "collect_paths", "read_articles", "extract_all",
           "build_model"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class BuildResult:
    """What a build read, found and wrote."""

    articles: List[Article] = field(default_factory=list)
    problems: List[KgError] = field(default_factory=list)
    model: Optional[GraphModel] = None
    findings: Optional[Dict[str, List[Finding]]] = None
    notes: List[str] = field(default_factory=list)
    triples: list = field(default_factory=list)
    outputs: List[Path] = field(default_factory=list)
    timings: Dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def entity_count(self) -> int:
        return len(self.model.labels) if self.model else 0

    @property
    def fact_count(self) -> int:
        if not self.model:
            return 0
        m = self.model
        return (len(m.facts) + len(m.merged_events()) + len(m.relationships) + len(m.observations))


def collect_paths(paths: Sequence[Path]) -> Tuple[List[Path], List[KgError]]:
    """Files to read: files as given, and every article file in the given folders (sorted)."""
    files: List[Path] = []
    problems: List[KgError] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(ArticleError(p, "no articles in this folder (.txt, .html or .htm)"))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(ArticleError(p, "no such file or folder"))
    return files, problems


def _read_one(path: Path):
    try:
        return read_article(path)
    except KgError as exc:
        return exc


def read_articles(files: Iterable[Path], progress: Optional[Callable] = None
                  ) -> Tuple[List[Article], List[KgError]]:
    """Read every file; the same text under two names is read once."""
    articles: Dict[str, Article] = {}
    problems: List[KgError] = []
    for f in files:
        got = _read_one(f)
        if isinstance(got, KgError):
            problems.append(got)
        elif got.id not in articles:
            articles[got.id] = got
        if progress:
            progress(1)
    return [articles[k] for k in sorted(articles)], problems


def _extract(article: Article) -> Tuple[str, List[Finding]]:
    return article.id, extract_article(article)


def _read_and_extract(path: Path):
    got = _read_one(path)
    if isinstance(got, KgError):
        return got, None
    return got, extract_article(got)


def read_and_extract(files: Sequence[Path], jobs: int, progress: Optional[Callable] = None):
    """Read and extract in ``jobs`` processes (reading is per file too): (articles, findings,
    problems), the same as reading then extracting in one process."""
    articles: Dict[str, Article] = {}
    findings: Dict[str, List[Finding]] = {}
    problems: List[KgError] = []
    chunk = max(1, len(files) // (jobs * 16))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        for art, fs in pool.map(_read_and_extract, files, chunksize=chunk):
            if isinstance(art, KgError):
                problems.append(art)
            elif art.id not in articles:
                articles[art.id] = art
                findings[art.id] = fs
            if progress:
                progress(1)
    return [articles[k] for k in sorted(articles)], findings, problems


def _warm() -> None:
    """Build the lexicon's gazetteer once per worker, before its first article."""
    from .extract.entities import gazetteer
    gazetteer()


def extract_all(articles: Sequence[Article], jobs: int = 1,
                progress: Optional[Callable] = None) -> Dict[str, List[Finding]]:
    """Findings per article id; with ``jobs`` > 1 the articles are shared among processes
    (extraction is per article, so the result does not depend on ``jobs``)."""
    out: Dict[str, List[Finding]] = {}
    if jobs > 1 and len(articles) > 1:
        chunk = max(1, len(articles) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for aid, findings in pool.map(_extract, articles, chunksize=chunk):
                out[aid] = findings
                if progress:
                    progress(1)
    else:
        for art in articles:
            aid, findings = _extract(art)
            out[aid] = findings
            if progress:
                progress(1)
    return out


def build_model(articles: Sequence[Article], findings: Dict[str, List[Finding]],
                base: Optional[str] = None) -> GraphModel:
    """Resolve findings across articles and hand them to a graph model."""
    model = GraphModel(base) if base else GraphModel()
    resolved = resolve(articles, findings)
    for art in articles:
        model.add_article(art, resolved.get(art.id, []))
    return model


def graph_triples(model: GraphModel) -> list:
    """The model's triples with the Wikidata links of the states, organisations and people it
    names (where the identifier is certain), sorted."""
    import heapq
    from .link import links_for
    triples = model.triples()
    links = links_for(triples)
    if not links:
        return triples
    key = lambda t: (t.subject.value, t.predicate.value, str(t.object))
    # both lists are sorted: merge them instead of sorting the whole graph again
    return list(heapq.merge(triples, sorted(set(links) - set(triples), key=key), key=key))


def timed(result: BuildResult, stage: str):
    """Context manager adding the wall time of a stage to ``result.timings``."""
    class _T:
        def __enter__(self):
            self.t = time.perf_counter()

        def __exit__(self, *exc):
            result.timings[stage] += time.perf_counter() - self.t
    return _T()
