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

from .read.articles import Article
from .errors import ArticleError, ArticleSkipped, ExtractionError, KgError
from .extract.nlp import pipeline
from .extract.run import extract_article, extract_articles
from .findings import Finding
from .model import GraphModel
from .read.readers import ARTICLE_SUFFIXES, read_article, suffixes_phrase
from .resolve import resolve
from .model.triples import TripleTable

__all__ = ["ARTICLE_SUFFIXES", "BuildResult", "collect_paths", "read_and_extract", "read_and_extract_chunk",
           "build_model"]

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
        """The entities of the graph: its resources of an entity class (names that make one
        IRI are one resource)."""
        return len({self.model.iri(r) for r in self.model.labels}) if self.model else 0

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
                problems.append(ArticleError(p, f"no articles in this folder ({suffixes_phrase()})"))
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


def read_and_extract_one(path: Path, languages: Optional[Sequence[str]] = READ_LANGUAGES):
    """Read and extract one file: (article, findings, findings-file block), or the KgError."""
    return read_and_extract_chunk([path], languages)[0]


def read_and_extract_chunk(paths: Sequence[Path], languages: Optional[Sequence[str]] = READ_LANGUAGES,
                           parsing: Optional[Callable[[int], None]] = None) -> list:
    """Read and extract some files (a worker's share): for each, in order, (article, findings,
    findings-file block) or the KgError that says why it was left out.

    The articles are parsed together (the language pipeline is faster on batches). An
    exception while extracting the batch is met again article by article, so that only the
    article that raised it is lost. Each article comes back without its text and sentences
    (the findings keep the sentences they were read from): a big build holds only what it
    needs. The block is the article's part of the findings file, made here so that workers,
    not the main process, pay for it. ``parsing(n)`` hears of every n characters parsed.
    """
    results: list = [None] * len(paths)
    todo: List[Tuple[int, Article]] = []
    for n, path in enumerate(paths):
        got = _read_one(path, languages)
        if isinstance(got, KgError):
            results[n] = got
        else:
            todo.append((n, got))
    try:
        for (n, art), (_, found) in zip(todo, extract_articles([a for _, a in todo], progress=parsing)):
            results[n] = _package(art, found)
    except Exception:               # noqa: BLE001 - find the article that raised, keep the others
        for n, art in todo:
            results[n] = _extract_one(art)
    return results


def _package(article: Article, findings: List[Finding]):
    from .findings_io import article_block

    meta = dataclasses.replace(article, text="", sentences=())
    return meta, findings, article_block(meta, findings)


def _extract_one(article: Article):
    """(article without its text, findings, findings-file block), or the ExtractionError of an
    article whose extraction raised (the build goes on without it)."""
    try:
        return _package(article, extract_article(article))
    except Exception as exc:        # noqa: BLE001 - one article's bug never sinks the batch
        return ExtractionError.from_exception(article.path, exc)


#: ``jobs="auto"`` starts worker processes from this many files on (below, starting them costs more)
AUTO_MIN_FILES = 100
#: files a worker reads and parses at a time
CHUNK = 8
#: an article longer than this (characters) gets a progress bar of its own
BIG_ARTICLE = 200_000


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


Progress = Callable[[str, int], Callable[[int], None]]


def read_and_extract(files: Sequence[Path], jobs: Union[int, str] = 1, progress: Optional[Progress] = None,
                     timings: Optional[Dict[str, float]] = None,
                     languages: Optional[Sequence[str]] = READ_LANGUAGES):
    """Read and extract every file, in ``jobs`` processes when more than one.

    Returns (articles, findings by article id, findings-file blocks by article id, problems);
    the same for any ``jobs``. The same text under two names is read once (the first name in
    the given order). ``progress(stage, total)`` returns an ``advance(n)`` callback: one stage
    counts the files, and in one process a big file gets a stage of its own counting its
    characters. ``timings`` gets the seconds spent extracting.
    """
    articles: Dict[str, Article] = {}
    findings: Dict[str, List[Finding]] = {}
    blocks: Dict[str, bytes] = {}
    problems: List[KgError] = []
    timings = timings if timings is not None else defaultdict(float)
    jobs = job_count(jobs, len(files))
    tick = progress("extracting", len(files)) if progress and files else None

    def take(got) -> None:
        if isinstance(got, KgError):
            problems.append(got)
        elif got[0].id not in articles:
            art, fs, block = got
            articles[art.id], findings[art.id], blocks[art.id] = art, fs, block
        if tick:
            tick(1)

    start = time.perf_counter()
    pipeline()                      # loaded once here, so that forked workers share it
    if jobs > 1 and len(files) > 1:
        chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for got in pool.map(functools.partial(read_and_extract_chunk, languages=languages), chunks):
                for one in got:
                    take(one)
    else:
        for path in files:
            parsing = None
            try:
                size = path.stat().st_size
            except OSError:
                size = 0
            if progress and size > BIG_ARTICLE:
                parsing = progress(f"parsing {path.name}", size)
            for one in read_and_extract_chunk([path], languages, parsing):
                take(one)
    timings["extract"] += time.perf_counter() - start
    return [articles[k] for k in sorted(articles)], findings, blocks, problems


def build_model(articles: Sequence[Article], findings: Dict[str, List[Finding]],
                base: Optional[str] = None) -> GraphModel:
    """Resolve findings across articles and hand them to a graph model."""
    model = GraphModel(base) if base else GraphModel()
    resolved = resolve(articles, findings)
    for art in articles:
        model.add_article(art, resolved.get(art.id, []))
    return model


def graph_triples(model: GraphModel) -> TripleTable:
    """The model's triples, with the Wikidata links of the states, organisations and people it
    names (where the identifier is certain): :meth:`GraphModel.triples` writes them."""
    return model.triples()


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
