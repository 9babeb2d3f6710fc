"""Time the eight named questions on an export with pyoxigraph (what kg query uses) and rdflib.

    python benchmarks/query_bench.py output/graph.ttl [--repeat 3]

Prints per question: rows, seconds with pyoxigraph, seconds with rdflib, and their ratio,
plus the time each engine takes to load the file. Ratios matter more than seconds: the
machines are shared and noisy.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.tools.queries import list_queries, load_query
from kg.vocab import PREFIXES


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-rdflib", action="store_true", help="only time pyoxigraph")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(args.graph), format=ox.RdfFormat.TURTLE)
    ox_load = time.perf_counter() - t
    triples = len(store)
    g = None
    rd_load = float("nan")
    if not args.skip_rdflib:
        t = time.perf_counter()
        g = rdflib.Graph()
        g.parse(args.graph, format="turtle")
        rd_load = time.perf_counter() - t
    print(f"{args.graph}: {triples} triples; load: pyoxigraph {ox_load:.2f} s, rdflib {rd_load:.2f} s "
          f"(ratio {rd_load / ox_load:.1f}x)")
    print(f"{'question':<22} {'rows':>6} {'pyoxigraph s':>13} {'rdflib s':>10} {'rdflib/oxi':>10}")
    tot_ox = tot_rd = 0.0
    # the provenance question is asked of one fact, as a user asks it (with no subject it
    # lists the evidence of every fact in the graph, which is a dump, not a question)
    country = next(iter(store.query(_prologue() + "SELECT ?l WHERE { ?c a dkg:Country ; rdfs:label ?l ; "
                                    "^dkg:supports ?x } GROUP BY ?l ORDER BY DESC(COUNT(?x)) LIMIT 1")), None)
    asked = {"provenance": {"subject": country[0].value, "predicate": "supports"}} if country else {}
    for q in list_queries():
        sparql = _prologue() + load_query(q.name, asked.get(q.name, {}))
        best_ox = best_rd = float("inf")
        rows = 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            rows = len(list(store.query(sparql)))
            best_ox = min(best_ox, time.perf_counter() - t)
            if g is not None:
                t = time.perf_counter()
                list(g.query(sparql))
                best_rd = min(best_rd, time.perf_counter() - t)
        tot_ox += best_ox
        tot_rd += best_rd if g is not None else 0
        rd = f"{best_rd:10.3f}" if g is not None else f"{'-':>10}"
        ratio = f"{best_rd / best_ox:9.1f}x" if g is not None and best_ox > 0 else f"{'-':>10}"
        print(f"{q.name:<22} {rows:>6} {best_ox:13.3f} {rd} {ratio}")
    if g is not None:
        print(f"{'all eight':<22} {'':>6} {tot_ox:13.3f} {tot_rd:10.3f} {tot_rd / tot_ox:9.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
