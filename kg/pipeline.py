"""The build: paths -> articles -> findings -> resolved findings -> graph -> files.

Data flows one way. One bad article never sinks the batch: its error is collected and the
others go through; the caller decides the exit code.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .articles import Article, read_article
from .errors import ArticleError, ArticleSkipped, ExtractionError, KgError
from .extract import extract_article
from .findings import Finding
from .model import GraphModel
from .resolve import resolve
from .triples import TripleTable

__all__ = ["ARTICLE_SUFFIXES", "BuildResult", "collect_paths", "read_articles", "extract_all",
           "build_model"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class BuildResult:
    """What a build read, found and wrote.

    ``articles`` hold what the graph needs of each article (title, date, source, dateline...);
    a build drops their text and sentences once extracted.
    """

    articles: List[Article] = field(default_factory=list)
    problems: List[KgError] = field(default_factory=list)
    model: Optional[GraphModel] = None
    findings: Optional[Dict[str, List[Finding]]] = None
    blocks: Dict[str, bytes] = field(default_factory=dict)      # findings file, per article
    notes: List[str] = field(default_factory=list)
    triples: TripleTable = field(default_factory=TripleTable)
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


#: the languages the extraction reads; an article in another is skipped unless the user asks
READ_LANGUAGES = ("en",)


def _read_one(path: Path, languages: Optional[Sequence[str]] = READ_LANGUAGES):
    """The article, or the error that says why it cannot be read.

    Any exception is caught: one article's failure is that article's problem, never the
    build's. A KgError is the user's (an empty or binary file); anything else is a bug in
    diplokg, reported as an :class:`~kg.errors.ExtractionError` carrying its traceback. An
    article in a language not in ``languages`` (None: any) is skipped, not mangled.
    """
    try:
        article = read_article(path)
    except KgError as exc:
        return exc
    except Exception as exc:        # noqa: BLE001 - see the docstring
        return ExtractionError.from_exception(path, exc)
    if languages is not None and article.language not in languages:
        return ArticleSkipped(path, f"language {article.language}, not English; skipped "
                                    "(kg build --any-language reads it anyway)")
    return article


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


def read_and_extract_one(path: Path, languages: Optional[Sequence[str]] = READ_LANGUAGES):
    """Read and extract one file: (article, findings, findings-file block), or the KgError.

    The article comes back without its text and sentences (the findings keep the sentences
    they were read from): a big build then holds only what it needs. The block is the
    article's part of the findings file (:func:`kg.findings_io.article_block`), made here so
    that workers, not the main process, pay for it.
    """
    got = _read_one(path, languages)
    return got if isinstance(got, KgError) else _extract_one(got)


def _extract_one(article: Article):
    """(article without its text, findings, findings-file block), or the ExtractionError of an
    article whose extraction raised (the build goes on without it)."""
    from .findings_io import article_block

    try:
        findings = extract_article(article)
        meta = dataclasses.replace(article, text="", sentences=())
        return meta, findings, article_block(meta, findings)
    except Exception as exc:        # noqa: BLE001 - one article's bug never sinks the batch
        return ExtractionError.from_exception(article.path, exc)


#: ``jobs="auto"`` starts worker processes from this many files on (below, starting them costs more)
AUTO_MIN_FILES = 100


def job_count(jobs: Union[int, str], files: int) -> int:
    """Processes to use: ``jobs`` as given, or for ``"auto"`` every core this process may run
    on when there are at least :data:`AUTO_MIN_FILES` files, else one."""
    if jobs != "auto":
        return max(1, int(jobs))
    if files < AUTO_MIN_FILES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files))


def read_and_extract(files: Sequence[Path], jobs: Union[int, str] = 1, progress: Optional[Callable] = None,
                     timings: Optional[Dict[str, float]] = None,
                     languages: Optional[Sequence[str]] = READ_LANGUAGES):
    """Read and extract every file, in ``jobs`` processes when more than one.

    Returns (articles, findings by article id, findings-file blocks by article id, problems);
    the same for any ``jobs``. The same text under two names is read once (the first name in
    the given order). ``timings`` gets the seconds spent ("read" and "extract" in one
    process; all of it as "extract" when several share the work).
    """
    articles: Dict[str, Article] = {}
    findings: Dict[str, List[Finding]] = {}
    blocks: Dict[str, bytes] = {}
    problems: List[KgError] = []
    timings = timings if timings is not None else defaultdict(float)
    jobs = job_count(jobs, len(files))

    def take(got) -> None:
        if isinstance(got, KgError):
            problems.append(got)
        elif got[0].id not in articles:
            art, fs, block = got
            articles[art.id], findings[art.id], blocks[art.id] = art, fs, block
        if progress:
            progress(1)

    if jobs > 1 and len(files) > 1:
        start = time.perf_counter()
        chunk = max(1, len(files) // (jobs * 16))
        with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
            for got in pool.map(functools.partial(read_and_extract_one, languages=languages), files,
                                chunksize=chunk):
                take(got)
        timings["extract"] += time.perf_counter() - start
    else:
        for path in files:
            t0 = time.perf_counter()
            got = _read_one(path, languages)
            t1 = time.perf_counter()
            if not isinstance(got, KgError):
                got = _extract_one(got)
            timings["read"] += t1 - t0
            timings["extract"] += time.perf_counter() - t1
            take(got)
    return [articles[k] for k in sorted(articles)], findings, blocks, problems


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


def graph_triples(model: GraphModel) -> TripleTable:
    """The model's triples with the Wikidata links of the states, organisations and people it
    names (where the identifier is certain)."""
    from .link import links_for_entities
    table = model.triples()
    for t in links_for_entities((model.iri(ref), ref.type, ref.label) for ref in model.labels):
        table.add_triple(t)
    return table


@contextlib.contextmanager
def paused_gc():
    """Pause Python's cycle collector for a build (a context manager, or a decorator).

    A build allocates millions of small objects that live until it ends and form no cycles
    (findings, strings, tuples); the collector would traverse all of them again and again
    (a third of a 10,000-article build's time). Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Everything made meanwhile sits in the youngest generation, which the first
            # allocation after enable() would scan whole: move it to the oldest first.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def timed(result: BuildResult, stage: str):
    """Context manager adding the wall time of a stage to ``result.timings``."""
    class _T:
        def __enter__(self):
            self.t = time.perf_counter()

        def __exit__(self, *exc):
            result.timings[stage] += time.perf_counter() - self.t
    return _T()
